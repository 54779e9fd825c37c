"""The attribution rules' windows and thresholds, named once, each with what it trades.

A window is how many tokens (or characters) a rule reads past a cue for the word that shows its
content ("that", "as", a quotation mark). A wider window finds content after longer adverbials
and listeners ("told reporters at a rally in Ohio on Tuesday that …") at the cost of reaching
into a clause that is not the cue's ("said the plan, which the board had rejected that …");
these widths are the ones measured on annotated news (PolNeAR), where a wider one gained
nothing. All windows are also bounded by the sentence.
"""

# -- where content starts after a cue (content.pre_content) --------------------------------------

#: "described the plan as …": tokens between an "as" verb and its "as".
AS_REACH = 8
#: "told the committee on Monday that …": tokens between a listener verb and its "that", "," or
#: quotation...
LISTENER_REACH = 10
#: ...and past a comma inside the listener ("telling customers at a diner in Manchester, New
#: Hampshire, that …").
LISTENER_COMMA_REACH = 18
#: words of a place phrase between a listener and a request ("told supporters at a rally in Ohio to …")
LISTENER_PLACE_REACH = 7
#: "told the committee: “…”": the longest listener before a colon and a quotation.
LISTENER_BEFORE_COLON = 6
#: "said during the debate last week, “…”": the longest phrase between a cue and its quotation.
PHRASE_BEFORE_QUOTE = 12
#: "said on Thursday that …": the longest short adverbial (time, place, a name) before "that"...
ADVERBIAL_REACH = 8
#: ...and a longer one that opens with a preposition ("wrote in an email to the paper that …").
LONG_ADVERBIAL_REACH = 16
#: "wrote to the office that …": tokens between "to" and the "that" after a recipient.
RECIPIENT_REACH = 8
#: "testified voluntarily in 1998": with no "that" this close after a manner adverb, the cue
#: reports how, not what.
MANNER_THAT_REACH = 10

# -- where content ends (content.end_of_content) -------------------------------------------------

#: How many tokens before a cue the test for a second attribution looks (the speaker before it,
#: the conjunction or quotation that opens it). Content runs on past any number of cues, so
#: without a bound a sentence of n cues costs n² of these tests; real attributions sit well
#: within it (40 changed PolNeAR output, 64 does not).
LOOKBACK = 64

# -- whether a cue that takes no bare clause shows its content (content.marked_content) ----------

#: Tokens after the cue read for the word that shows the content...
MARKER_REACH = 12
#: ...of which "as" ("described … as") and "that" must come within this many...
AS_OR_THAT_REACH = 8
#: ..."to" of a request ("urged residents to …") within this many...
TO_REACH = 7
#: ...and "of" of an accusation ("accused the mayor of …") within this many.
OF_REACH = 6

# -- whether the words after an attribution go on with its content (content.continues_content) --

#: "…, she said, merging again would be …": tokens read for the gerund subject's verb.
GERUND_VERB_REACH = 8
#: "Pryce “got immunity,” Okafor said, and still “sat in”": tokens after "and" read for the
#: quotation that goes on.
QUOTE_AFTER_AND_REACH = 4

# -- frames -------------------------------------------------------------------------------------

#: "according to one global index": the longest source without a noun phrase a rule can read.
ACCORDING_SOURCE_REACH = 22
#: "“…” ― Jane Doe": the characters at a paragraph's end searched for a signature.
SIGNATURE_TAIL = 120
#: A speaker the parse finds for a cue no rule read is used only up to this many characters: a
#: longer one is a clause the parse took for a noun phrase.
PARSED_MENTION_MAX = 80

# -- speakers (speakers.describe, resolve) --------------------------------------------------------

#: A description up to this many characters is kept whole as the speaker's name ("a spokesman
#: for the agency"); a longer one is cut to its first words...
DESCRIPTION_MAX_CHARS = 80
#: ...this many.
DESCRIPTION_WORDS = 6
#: A pronoun or a role resolves to a speaker at most this many paragraphs back (never across a
#: heading): further back, a reader has lost the thread too, and "unknown" is more honest.
LOOKBACK_PARAGRAPHS = 3

#: "lauded Mr. Vale in his annual address for helping develop “new ideas”": tokens between a verb
#: that reports only quotations (lexicon.QUOTING_VERBS) and the opening mark of its quotation.
QUOTING_REACH = 14
#: "Doe’s claim that there have been “…”": tokens between the "that" after a statement's noun and
#: the quotation its owner is credited with.
NOMINAL_REACH = 8
