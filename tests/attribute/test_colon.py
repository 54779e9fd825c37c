"""Quotations introduced by a colon, as a table: text → (speaker mention, cue, content)."""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, speaker mention, cue, content)
CASES = [
    # a cue verb before the colon
    ("The minister sighed: “We have done what we could.”", "The minister", "sighed:", "We have done what we could"),
    ("Asked about the delay, the mayor told the committee: “We are out of money.”", "the mayor", "told",
     "We are out of money"),
    # whatever the verb: the words between speaker and colon are the cue
    ("On the evening news, Ortiz went further still: “The chief should resign.”", "Ortiz",
     "went further still:", "The chief should resign"),
    ("Ortiz put it bluntly: “This bill is dead.”", "Ortiz", "put it", "This bill is dead"),
    ("As the mayor put it, “We are broke.”", "the mayor", "put it", "We are broke"),
    ("The union's letter makes a simple case: “Pay us what we are owed.”", "The union's letter",
     "makes a simple case:", "Pay us what we are owed"),
    # a long opening phrase set off by a comma does not make the clause too long to read
    ("With harbour leaders more and more worried about a lack of interest among young ferry riders, Mayor Ada "
     "Vale is rolling out a new and far more personal campaign message: “It is about me.”", "Mayor Ada Vale",
     "is rolling out a new and far more personal campaign message:", "It is about me"),
    # a clause that ends its paragraph introduces the quotation paragraph after it
    ("The senator put it this way:\n\n“We will not fold.”", "The senator", "put it this way:", "We will not fold"),
    # round-ups and transcripts: a name, its outlet, a colon
    ("Reactions came fast.\n\nJane Doe, The Daily Planet: “The debate was a draw.”", "Jane Doe, The Daily Planet",
     ":", "The debate was a draw"),
    ("Reactions came fast.\n\nJohn Roe (The Ledger): “She won it on points.”", "John Roe (The Ledger)", ":",
     "She won it on points"),
    ("Reactions came fast.\n\nFERRY FARES RISE AGAIN - Mia Park: “The islanders will pay.”", "Mia Park", ":",
     "The islanders will pay"),
    ("The study was released on Monday. From the report: “Turnout fell in every county.”", "the report", ":",
     "Turnout fell in every county"),
    # the speaker is the clause's subject, not the last name in the clause: the subject ends at
    # its verb
    # ...and comes after a clause that opens the sentence
    ("When Vale died in 1998, Mayor Ada Roe released a statement: “We are all in mourning.”", "Mayor Ada Roe",
     "released a statement:", "We are all in mourning"),
    ("Smith took aim at Jones in a string of posts: “This is a disgrace.”", "Smith",
     "took aim at Jones in a string of posts:", "This is a disgrace"),
    ("Mayor Jane Doe turned on Councillor Omar Bell in a radio interview: “He has failed the city.”",
     "Mayor Jane Doe", "turned on Councillor Omar Bell in a radio interview:", "He has failed the city"),
    ("Ortiz had harsh words for Moreau and the board: “They sold the depot.”", "Ortiz",
     "had harsh words for Moreau and the board:", "They sold the depot"),
    # ...while a noun after a name is still the subject's
    ("Harbour workers were blunt: “We will strike on Monday.”", "Harbour workers", "were blunt:",
     "We will strike on Monday"),
    # a coordinated clause introduces the quotation; the clause before keeps its own content
    ("Moreau said both teams were weak, but he gave the rookie a compliment: “He is very quick.”", "he",
     "gave the rookie a compliment:", "He is very quick"),
]


def _content(text: str, q) -> str:  # noqa: ANN001
    return ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans)


@pytest.mark.parametrize("text, speaker, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_colon_attribution(text: str, speaker: str, cue: str, content: str) -> None:
    """A clause naming a speaker before a colon attributes the quotation after it."""
    quotes = [q for q in extract(text) if q.cue and q.cue.text == cue]
    assert quotes, [(q.cue and q.cue.text, q.text) for q in extract(text)]
    q = quotes[-1]
    assert q.kind == "direct"
    assert _content(text, q) == content
    assert q.speaker is not None and q.speaker.mention == speaker


def test_clause_before_colon_keeps_its_content() -> None:
    """'X said A, but he gave B: “C”': A is the said-content."""
    text = "Moreau said both teams were weak, but he gave the rookie a compliment: “He is very quick.”"
    (said,) = [q for q in extract(text) if q.cue.text == "said"]
    assert said.text == "both teams were weak"


@pytest.mark.parametrize("text", [
    "The results are in: “a draw.”",
    "Ruiz: ‘Closed Doors’ Have No Place In A Council.",
    "Then, later that week: “a draw.”",
])
def test_not_an_attribution(text: str) -> None:
    """A colon after a clause with no speaker, or before a quoted fragment of a headline, attributes nothing."""
    assert extract(text) == []


def test_long_cue_and_that_clause_before_a_colon() -> None:
    """'…, that I had to take it back: “…”' and a long verb phrase before the colon are cues."""
    text = "He was so angry, and shouted so loudly, that I had to take it back: “It was only a joke.”"
    (q,) = [q for q in extract(text) if "joke" in q.text]
    assert (q.speaker.mention, q.cue.text) == ("I", "had to take it back:")
    text = "The governor is rolling out a new and much sharper campaign slogan: “Fix it first.”"
    (q,) = extract(text)
    assert q.cue.text == "is rolling out a new and much sharper campaign slogan:"
