"""The default analyzer: paragraphs and quote-aware sentences from regular expressions alone."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..marks import Marked, detect_marks
from ..model import Span
from ..text.layout import DisjointSpans, paragraphs, sentences
from .base import Analysis, Sentence

_DATE_PREFIX = regex.compile(r"date\s+\d{4}-\d{2}-\d{2}\s")


class RulesAnalyzer:
    """No model, no tokens: fast enough for millions of articles."""

    name = "rules"
    provides = frozenset({"paragraphs", "sentences"})

    def analyze(self, text: str, marked: Sequence[Marked] | None = None) -> Analysis:
        """``marked``: the text's quotation-mark passages, when the caller has them already."""
        paras = paragraphs(text)
        if paras:
            # a leading " date 2025-04-25 " metadata line is not part of the first sentence
            m = _DATE_PREFIX.match(text, paras[0].start, paras[0].end)
            if m and m.end() < paras[0].end:
                paras[0:1] = [Span(paras[0].start, m.end() - 1), Span(m.end(), paras[0].end)]
        if marked is None:
            marked = list(detect_marks(text))
        quoted = DisjointSpans(s for m in marked for s in m.pieces)
        sents = tuple(Sentence(s.start, s.end) for p in paras for s in sentences(text, p, quoted))
        return Analysis(text=text, analyzer=self.name, paragraphs=tuple(paras), sentences=sents,
                        provides=self.provides)
