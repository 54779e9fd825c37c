"""The default analyzer: paragraphs and quote-aware sentences from regular expressions alone."""

from __future__ import annotations

from ..detect.marks import detect_marks
from ..text import paragraphs, sentences
from . import Analysis, Sentence


class RulesAnalyzer:
    """No model, no tokens: fast enough for millions of articles."""

    name = "rules"
    provides = frozenset({"paragraphs", "sentences"})

    def analyze(self, text: str) -> Analysis:
        paras = paragraphs(text)
        quoted = [s for m in detect_marks(text) for s in m.pieces]
        sents = tuple(Sentence(s.start, s.end) for p in paras for s in sentences(text, p, quoted))
        return Analysis(text=text, analyzer=self.name, paragraphs=tuple(paras), sentences=sents,
                        provides=self.provides)
