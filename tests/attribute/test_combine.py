"""Combining rule and parse candidates: rules first, the parse fills gaps."""

from quotetrace.attribute import Candidate
from quotetrace.attribute.combine import combine
from quotetrace.attribute.frame import Rule
from quotetrace.model import Span


def cand(cue: int, content: tuple[int, int], speaker: tuple[int, int] | None, rule: str = "pre") -> Candidate:
    return Candidate(cue=Span(cue, cue + 4), content=(Span(*content),),
                     speaker=Span(*speaker) if speaker else None, rule=Rule(rule, 0.8))


def test_rules_win_for_the_same_cue() -> None:
    """Where both found a cue, the rule candidate stays as it is."""
    rule = cand(10, (15, 40), (0, 9))
    assert combine([rule], [cand(10, (20, 40), (2, 9), "syntax:ccomp")]) == [rule]


def test_parse_fills_a_missing_speaker() -> None:
    """A rule candidate without a speaker takes the parse's speaker for the same cue."""
    (got,) = combine([cand(10, (15, 40), None, "carried")], [cand(10, (15, 40), (0, 9), "syntax:ccomp")])
    assert got.speaker == Span(0, 9) and got.rule.name == "carried" and got.rule.parsed_speaker


def test_passive_keeps_no_speaker() -> None:
    """A passive with no agent stays without a speaker whatever the parse says."""
    (got,) = combine([cand(10, (15, 40), None, "passive")], [cand(10, (15, 40), (0, 9), "syntax:ccomp")])
    assert got.speaker is None


def test_parse_adds_what_rules_missed() -> None:
    """A parsed attribution whose content no rule candidate covers is added, in text order."""
    got = combine([cand(60, (65, 90), (50, 59))], [cand(10, (15, 40), (0, 9), "syntax:ccomp"),
                                                     cand(70, (66, 80), (50, 59), "syntax:ccomp")])
    assert [c.cue.start for c in got] == [10, 60]


def test_only_clausal_parses_are_added() -> None:
    """A parsed object or infinitive is not added on its own: the rules judge those cues."""
    assert combine([], [cand(10, (15, 40), (0, 9), "syntax:xcomp")]) == []
