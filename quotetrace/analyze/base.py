"""The types every analyzer shares: tokens, sentences, entities, and the analysis that holds them."""

from __future__ import annotations

from typing import Protocol

import attrs

from ..errors import UsageError
from ..model import Span

#: What an analysis can hold; analyzers list the ones they fill in ``provides``.
FEATURES = frozenset({"paragraphs", "sentences", "tokens", "pos", "lemma", "deps", "entities"})


@attrs.frozen
class Token:
    """A word with its offsets; the syntactic fields are None when the analyzer has no syntax."""

    start: int
    end: int
    text: str
    upos: str | None = None
    lemma: str | None = None
    #: index (into ``Analysis.tokens``) of the syntactic head; None for the root
    head: int | None = None
    deprel: str | None = None


@attrs.frozen
class Sentence:
    """A sentence's offsets and the half-open range of its tokens in ``Analysis.tokens``."""

    start: int
    end: int
    first_token: int = 0
    last_token: int = 0


@attrs.frozen
class Entity:
    """A named entity: ``PER``, ``ORG``, ``LOC`` or ``MISC``."""

    start: int
    end: int
    label: str


@attrs.frozen
class Analysis:
    """What an analyzer found in one text."""

    text: str
    analyzer: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()
    provides: frozenset[str] = frozenset({"paragraphs", "sentences"})


class Analyzer(Protocol):
    """The interface both analyzers share."""

    name: str
    provides: frozenset[str]

    def analyze(self, text: str) -> Analysis: ...


def require(analysis: Analysis | Analyzer, needs: set[str] | frozenset[str], step: str) -> None:
    """Fail before any work when an analysis lacks what ``step`` needs."""
    missing = set(needs) - set(analysis.provides)
    if missing:
        raise UsageError(f"{step} needs {', '.join(sorted(missing))}, which the "
                         f"{getattr(analysis, 'analyzer', getattr(analysis, 'name', '?'))} analyzer does not provide")
