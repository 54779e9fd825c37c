"""The text layer: what every later step reads text with.

- :mod:`.lexicon`: the cue words (speech, stance, phrasal and nominal cues) and their forms;
- :mod:`.layout`: paragraphs, headings and sentence boundaries, with offsets;
- :mod:`.words`: a light tokenizer and the closed word classes the rules use in place of a tagger;
- :mod:`.wrapping`: hard-wrapped text, read with the line breaks inside paragraphs as spaces.

Nothing here knows about quotation marks, analyzers or attribution.
"""
