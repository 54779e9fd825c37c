"""Each rule's confidence, analyzer by analyzer: one row per rule, the sentence that shows it.

A new rule needs a row here (``test_every_rule_has_a_row`` fails without one)."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace.attribute import Candidate
from quotetrace.attribute.combine import combine
from quotetrace.attribute.frames import declared_rules, find_reported
from quotetrace.model import Article, Span
from quotetrace.pipeline import read_quotes

# (rule, text, confidence of the last quote): a named person speaks, so no "unknown" penalty
RULES_ANALYZER = [
    ("signed", "The council met on Monday.\n\n“We will not back down.” ― Jane Ortiz", 0.9),
    ("apposed", "Among those there was the mayor Jane Ortiz -- “We will not back down” -- and others.", 0.8),
    ("headline", "Mayor Ortiz Says Budget Talks Are Over", 0.7),
    ("post", "The budget is balanced, Mayor Jane Ortiz said.", 0.95),
    ("post-inverted", "“The budget is balanced,” said Mayor Jane Ortiz.", 0.95),
    ("according", "According to Mayor Jane Ortiz, the budget is balanced.", 0.85),
    ("nominal", "Critics doubted Mayor Jane Ortiz’s claim that the budget is “balanced at last.”", 0.7),
    ("passive", "The plan was described as reckless and costly.", 0.7),
    ("relayed", "The paper quoted Mayor Jane Ortiz as saying the budget is balanced.", 0.85),
    ("pre", "Mayor Jane Ortiz said that the budget is balanced.", 0.85),
    ("carried", "Mayor Jane Ortiz spoke to the council on Monday, saying the budget is balanced.", 0.75),
    ("colon", "Mayor Jane Ortiz went even further: “The budget is balanced.”", 0.8),
    ("continued", "“We are ready,” said Mayor Jane Ortiz.\n\n“We will win the vote next week.”", 0.6),
]

# (rule, confidence with a speaker the dependency parse supplied): the parse's 0.8 at most
PARSED_SPEAKER = [
    ("post", 0.8), ("post-inverted", 0.8), ("pre", 0.8), ("according", 0.8), ("relayed", 0.8),
    ("colon", 0.8), ("carried", 0.75), ("headline", 0.7), ("signed", 0.8),
]

# the rules only the parse finds, added by the stanza analyzer when no rule covers them
SYNTAX = [("syntax:ccomp", 0.8), ("syntax:parataxis", 0.8), ("syntax:as", 0.8), ("syntax:xcomp", 0.8),
          ("syntax:according", 0.8)]


def _rules_of(text: str) -> list[str]:
    reading = read_quotes(Article(id="t", text=text))
    return [c.rule.name for c in find_reported(text, reading.analysis, reading.marked)]


@pytest.mark.parametrize("rule, text, confidence", RULES_ANALYZER, ids=[r[0] for r in RULES_ANALYZER])
def test_rules_analyzer_confidence(rule: str, text: str, confidence: float) -> None:
    """The rules analyzer gives the quote its rule's confidence."""
    quote = quotetrace.extract(text)[-1]
    assert quote.speaker is None or quote.speaker.type != "unknown"
    assert quote.confidence == pytest.approx(confidence)
    if rule != "continued":  # a continued paragraph is the assembler's, not a frame's
        assert _rules_of(text)[-1] == rule


def test_every_rule_has_a_row() -> None:
    """Every declared rule is pinned here, with the confidence it declares."""
    pinned = {r: c for r, _, c in RULES_ANALYZER} | dict(SYNTAX)
    assert {r.name: r.confidence for r in declared_rules()} == pinned


@pytest.mark.parametrize("rule, confidence", PARSED_SPEAKER, ids=[r[0] for r in PARSED_SPEAKER])
def test_parsed_speaker_confidence(rule: str, confidence: float) -> None:
    """A rule candidate completed by the parse's speaker is trusted as far as the parse is (it
    once fell to a default 0.7 whatever its rule)."""
    declared = {r.name: r for r in declared_rules()}
    mine = Candidate(cue=Span(10, 14), content=(Span(15, 40),), speaker=None, rule=declared[rule])
    parsed = Candidate(cue=Span(10, 14), content=(Span(15, 40),), speaker=Span(0, 9),
                       rule=declared["syntax:ccomp"])
    (got,) = combine([mine], [parsed])
    assert got.rule.name == rule and got.rule.parsed_speaker
    assert got.rule.confidence == pytest.approx(confidence)


def test_unknown_rule_is_an_error() -> None:
    """A rule name outside the closed set fails where it is declared, not with a silent default."""
    from quotetrace.attribute.frame import Rule

    with pytest.raises(ValueError, match="unknown rule"):
        Rule("post+syntax", 0.9)  # type: ignore[arg-type]
