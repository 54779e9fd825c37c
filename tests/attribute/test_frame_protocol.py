"""The frames share one protocol: the same inputs, one candidate or none, declared rules."""

from __future__ import annotations

import inspect
import typing

import pytest

from quotetrace.attribute.frame import Place, RULE_NAMES
from quotetrace.attribute.frames import FRAMES, declared_rules, read_sentence
from quotetrace.attribute.sentence import CueSentence
from quotetrace.model import Span
from quotetrace.text.layout import DisjointSpans


@pytest.mark.parametrize("frame", FRAMES, ids=[f.name for f in FRAMES])
def test_every_frame_takes_the_sentence_the_cue_and_the_reading(frame) -> None:  # noqa: ANN001
    """Each frame's function takes (sentence, cue, reading), is tried at a known place, and
    names only rules of the closed set."""
    assert list(inspect.signature(frame.find).parameters) == ["s", "cue", "reading"]
    assert frame.place in typing.get_args(Place)
    assert all(r.name in RULE_NAMES for r in frame.rules)


def test_frame_names_are_unique_and_every_rule_name_is_declared_once() -> None:
    """No two frames share a name, and no rule name is declared with two confidences."""
    assert len({f.name for f in FRAMES}) == len(FRAMES)
    names = [r.name for r in declared_rules()]
    assert len(names) == len(set(names)) == len(RULE_NAMES)


def _rules(text: str) -> list[str]:
    s = CueSentence(text, Span(0, len(text)), DisjointSpans([]))
    return [c.rule.name for c in read_sentence(s)]


def test_a_claimed_cue_is_read_by_its_frame_alone() -> None:
    """"according to" is claimed by its frame, so no "X said"-style frame reads it, and a deed
    ("claimed responsibility") is read by none."""
    assert _rules("According to the mayor, the bridge will reopen in May.") == ["according"]
    assert _rules("The group claimed responsibility for the blackout on Friday.") == []


def test_a_headline_is_read_whole() -> None:
    """A title-case headline is read by the headline frame alone, whatever cue words it holds."""
    assert _rules("Mayor Ortiz Says Budget Talks Are Over") == ["headline"]
