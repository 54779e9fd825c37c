"""Title case and headlines: words inside quotation marks never make a body sentence a headline.

Each sentence is invented; the comment says which construction it stands for."""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, speaker mention, cue, content)
CASES = [
    # a title-case phrase quoted in a body sentence: its lower-case cue is read
    ("“Toward A Fair Deal For Farmers,” Jane Doe said.", "Jane Doe", "said", "Toward A Fair Deal For Farmers"),
    ("“Build It Now,” Omar Bell told the crowd on Monday.", "Omar Bell", "told", "Build It Now"),
    # what is left of a sentence with a quotation is its attribution, names and all
    ("“We will not give up on the harbour,” said Councillor Jane Q. Alder of New Brandon.",
     "Councillor Jane Q. Alder of New Brandon", "said", "We will not give up on the harbour"),
    ("According to the Riverside Courier, “the plan was never costed.”", "the Riverside Courier",
     "According to", "the plan was never costed"),
    # a headline with a quoted fragment is still a headline: its cue is capitalised
    ("Ruiz Slams Harbour Plan As “A Fantasy”", "Ruiz", "Slams", "Harbour Plan As “A Fantasy"),
]


@pytest.mark.parametrize("text, speaker, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_title_case_quotations(text: str, speaker: str, cue: str, content: str) -> None:
    quotes = [q for q in extract(text) if q.cue and q.cue.text == cue]
    assert quotes, [(q.cue and q.cue.text, q.text) for q in extract(text)]
    q = quotes[-1]
    assert ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans) == content
    assert q.speaker is not None and q.speaker.mention == speaker
