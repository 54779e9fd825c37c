"""The cue lexicon: manner-of-speaking and channel verbs, as tables of sentence → (speaker, cue,
content), and the forms that stay nouns."""

from __future__ import annotations

import pytest

from quotetrace import extract
from quotetrace.text.lexicon import lemma_of

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, speaker mention, cue, content)
CASES = [
    # how the words were spoken (VerbNet manner_speaking-37.3)
    ("“Not again,” she sighed.", "she", "sighed", "Not again"),
    ("“Get out of my office!” the senator fumed.", "the senator", "fumed", "Get out of my office"),
    ("“Only if the coffee is free,” Mayor Ines Ruiz quipped.", "Mayor Ines Ruiz", "quipped",
     "Only if the coffee is free"),
    ("“That is not your decision,” Ortiz snapped.", "Ortiz", "snapped", "That is not your decision"),
    ("The governor muttered that the count had been rigged.", "The governor", "muttered",
     "that the count had been rigged"),
    ("“Lock the doors,” someone shouted from the back.", "someone", "shouted", "Lock the doors"),
    # asking with insistence (VerbNet beg-58.2)
    ("“Please, let them go home,” the bishop implored.", "the bishop", "implored", "Please, let them go home"),
    ("Relatives pleaded, “Tell us where they are.”", "Relatives", "pleaded", "Tell us where they are"),
    # particle verbs of the same classes
    ("“It was the wrong call,” he blurted out.", "he", "blurted out", "It was the wrong call"),
    ("“We agree with the mayor,” chimed in Councilwoman Dee Park.", "Councilwoman Dee Park", "chimed in",
     "We agree with the mayor"),
    # the channel (VerbNet instr_communication-37.4)
    ("The spokeswoman emailed that the meeting had been cancelled.", "The spokeswoman", "emailed",
     "that the meeting had been cancelled"),
    ("“Running late, start without me,” the coach texted.", "the coach", "texted", "Running late, start without me"),
    ("Harlan messaged a colleague that he would land late.", "Harlan", "messaged", "that he would land late"),
    # complaining (VerbNet complain-37.8)
    ("“The line has not moved in an hour,” one voter griped.", "one voter", "griped",
     "The line has not moved in an hour"),
]


def _content(text: str, q) -> str:  # noqa: ANN001
    return ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans)


@pytest.mark.parametrize("text, speaker, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_class_verbs_report(text: str, speaker: str, cue: str, content: str) -> None:
    """A manner, plea, complaint or channel verb reports the quotation or that-clause it governs."""
    quotes = [q for q in extract(text) if q.cue and q.cue.text.rstrip(":") == cue]
    assert quotes, [(q.cue and q.cue.text, q.text) for q in extract(text)]
    q = quotes[0]
    assert _content(text, q) == content
    assert q.speaker is not None and q.speaker.mention == speaker


NOT_SPEECH = [
    # a noun object, not a statement: the guard that a verb needs a clause or a quotation
    "The crowd roared its approval.",
    "He muttered something under his breath and left.",
    "She texted her sister a photo of the dog.",
    "The union emailed its members a survey.",
    # forms that are nouns
    "The shouts from the street grew louder.",
    "Her texts to the aide were released on Monday.",
    "A sigh of relief went through the room.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_not_reporting(text: str) -> None:
    """A class verb with a noun object, or one of its noun forms, reports nothing."""
    assert extract(text) == []


@pytest.mark.parametrize("form, lemma", [
    ("sighed", "sigh"), ("pleaded", "plead"), ("pled", "plead"), ("implored", "implore"), ("emailed", "email"),
    ("texted", "text"), ("messaged", "message"), ("bellowed", "bellow"), ("whispering", "whisper"),
    ("sighs", None), ("texts", None), ("email", None), ("bluster", None),
])
def test_forms(form: str, lemma: str | None) -> None:
    """Past and participle forms of the class verbs are cues; their noun-like base and -s forms are not."""
    assert lemma_of(form) == lemma
