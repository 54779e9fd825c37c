"""Rule confidences with the stanza analyzer and the small real English model: the rules stay
the reference, so a rule keeps its confidence; the parse's own rules are pinned in
tests/attribute/test_confidence.py."""

from __future__ import annotations

import pytest

from quotetrace.model import Article
from quotetrace.pipeline import read_quotes

from ..attribute.test_confidence import RULES_ANALYZER


@pytest.fixture(scope="module")
def stanza_analyzer(real_model_dir: str):
    from quotetrace.analyze.stanza import StanzaAnalyzer

    return StanzaAnalyzer(model_dir=real_model_dir)


@pytest.mark.parametrize("rule, text, confidence", RULES_ANALYZER, ids=[r[0] for r in RULES_ANALYZER])
def test_stanza_analyzer_confidence(stanza_analyzer, rule: str, text: str, confidence: float) -> None:
    """With a parse, a quote a rule found with its speaker keeps that rule's confidence."""
    quote = read_quotes(Article(id="t", text=text), stanza_analyzer).quotes[-1]
    assert quote.confidence == pytest.approx(confidence)
