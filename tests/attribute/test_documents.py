"""Documents and reports as sources, as a table: sentence → (speaker mention, cue, content), with
the speaker typed ``document``."""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, speaker mention, cue, content)
CASES = [
    ("The lawsuit says the city ignored repeated warnings.", "The lawsuit", "says", "the city ignored repeated warnings"),
    ("The filing alleges that the company hid its losses.", "The filing", "alleges", "that the company hid its losses"),
    ("According to a police report, the driver was speeding.", "a police report", "According to",
     "the driver was speeding"),
    ("The memo reads: “All staff must return by Monday.”", "The memo", "reads:", "All staff must return by Monday"),
    ("“The officers acted without cause,” the suit reads.", "the suit", "reads", "The officers acted without cause"),
    ("The indictment charges that the men conspired to defraud investors.", "The indictment", "charges",
     "that the men conspired to defraud investors"),
    ("Court papers say the loan was never repaid.", "Court papers", "say", "the loan was never repaid"),
]


def _content(text: str, q) -> str:  # noqa: ANN001
    return ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans)


@pytest.mark.parametrize("text, speaker, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_document_speaks(text: str, speaker: str, cue: str, content: str) -> None:
    """A lawsuit, filing, memo or report is the source of what it says, typed 'document'."""
    (q,) = extract(text)
    assert (q.speaker.mention, q.cue.text, _content(text, q)) == (speaker, cue, content)
    assert q.speaker.type == "document"
