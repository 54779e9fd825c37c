"""Names in a title-case headline are read as names: a bare surname in the body resolves to the
headline's full name when the article names no one else so. Invented articles."""

from __future__ import annotations

import pytest

from quotetrace import extract
from quotetrace.attribute.headnames import headline_names
from quotetrace.model import Span

# (article, the bare mention that speaks in the body, the name it resolves to)
CASES = [
    # the headline gives the full name the body never writes
    ("Jane Marsh Warns Of Flood Risk\n\nThe river rose again. “It is rising fast,” Marsh said on Monday.",
     "Marsh", "Jane Marsh"),
    ("Senator Jane Q. Marsh Vows To Fight On\n\nThe vote failed. “We will be back,” Marsh told reporters.",
     "Marsh", "Jane Q. Marsh"),
    ("Harbour Plan Splits Council As Omar Bell Quits\n\n“I cannot stay,” Bell said.", "Bell", "Omar Bell"),
    # the body names another Marsh: the surname is ambiguous and stays as written
    ("Jane Marsh Warns Of Flood Risk\n\nTom Marsh, a farmer, listened. “It is rising fast,” Marsh said.",
     "Marsh", "Marsh"),
    # a first name with a verb's ending counts when the body writes it inside a sentence
    ("Thomas Marsh Speaks\n\nThe river rose, and Thomas stayed. “It is rising fast,” Marsh said.", "Marsh", "Thomas Marsh"),
    # a capitalised word of the headline that the body uses as a word, not a name
    ("Council Backs Harbour Plan\n\n“The Plan is sound,” Marsh said.", "Marsh", "Marsh"),
    # not title case: a sentence-case headline already reads its names with their capitals
    ("Jane Marsh warns of flood risk\n\n“It is rising fast,” Marsh said.", "Marsh", "Jane Marsh"),
]


@pytest.mark.parametrize("text, mention, name", CASES, ids=[c[0][:40] for c in CASES])
def test_bare_surname_resolves_to_the_headline_name(text: str, mention: str, name: str) -> None:
    speakers = [q.speaker for q in extract(text) if q.speaker and q.speaker.mention == mention]
    assert speakers and {s.name for s in speakers} == {name}


def test_an_ambiguous_surname_is_still_a_person_a_pronoun_can_follow() -> None:
    text = ("Jane Marsh Warns Of Flood Risk\n\nTom Marsh, a farmer, listened. “It is rising fast,” Marsh said. "
            "“The dikes will not hold,” she added.")
    body = [q for q in extract(text) if q.start > text.index("\n")]
    assert [(q.speaker.mention, q.speaker.name, q.speaker.type) for q in body] == \
        [("Marsh", "Marsh", "person"), ("she", "Marsh", "person")]


@pytest.mark.parametrize("heading, names", [
    ("Jane Marsh Says Bridge Will Open", ["Jane Marsh"]),
    ("Doe, Marsh Clash Over Budget", []),            # a comma parts two people
    ("PMJane Marsh Speaks", []),                     # words a scraper ran together are no name
    ("Mayor Marsh Says Bridge Will Open", []),       # a title and a surname: no full name
    ("Envoy Meets Marsh In Secret", []),             # the headline's verb is no first name
    ("Thomas Marsh Speaks", []),                     # ...nor a name the body never uses so
])
def test_headline_names(heading: str, names: list[str]) -> None:
    text = f"{heading}\n\n“Fine,” Marsh said. “Fine,” Doe said."
    assert list(headline_names(text, [Span(0, len(heading))])) == names
