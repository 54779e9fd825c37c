"""Relayed quotations, as a table: sentence → (speaker mention, cue, content). The outlet that
quotes someone is the channel; the person quoted is the speaker."""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, speaker mention, cue, content)
CASES = [
    ("The Ledger quoted Mayor Ines Ruiz as saying “the budget is broken.”", "Mayor Ines Ruiz", "quoted",
     "the budget is broken"),
    ("The newspaper quoted a senior official as saying the talks had stalled.", "a senior official", "quoted",
     "the talks had stalled"),
    ("The wire service quoted Omar Diaz, a local driver, as saying that the truck sped up.",
     "Omar Diaz, a local driver", "quoted", "that the truck sped up"),
    ("A local paper quoted her saying, “We will rebuild.”", "her", "quoted", "We will rebuild"),
    # the passive: with the outlet named as the channel, or not at all
    ("Ruiz was quoted as saying that the budget was broken.", "Ruiz", "was quoted as saying",
     "that the budget was broken"),
    ("Ruiz was quoted by the Ledger as saying the budget was broken.", "Ruiz", "was quoted",
     "the budget was broken"),
]


def _content(text: str, q) -> str:  # noqa: ANN001
    return ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans)


@pytest.mark.parametrize("text, speaker, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_relayed_quote_is_the_quoted_persons(text: str, speaker: str, cue: str, content: str) -> None:
    """'X quoted Y as saying …' and 'Y was quoted as saying …' are Y's words, once."""
    quotes = extract(text)
    assert len(quotes) == 1, [(q.cue and q.cue.text, q.text) for q in quotes]
    (q,) = quotes
    assert (q.speaker.mention, q.cue.text, _content(text, q)) == (speaker, cue, content)
