"""Immutable values that carry character offsets into an article's text.

Every offset is a Python string index into ``Article.text``: ``text[start:end]`` is the thing.
Classes are frozen; change one with :func:`attrs.evolve`.
"""

from __future__ import annotations

from typing import Any

import attrs

KINDS = ("direct", "mixed", "indirect")
SPEAKER_TYPES = ("person", "organization", "group", "anonymous", "document", "unknown")


def _non_negative(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _end_after_start(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end ({value}) must be >= start ({instance.start})")


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets."""

    start: int = attrs.field(validator=[attrs.validators.instance_of(int), _non_negative])
    end: int = attrs.field(validator=[attrs.validators.instance_of(int), _end_after_start])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share a character."""
        return self.start < other.end and other.start < self.end

    def of(self, text: str) -> str:
        """The slice of ``text`` this span covers."""
        return text[self.start : self.end]

    def as_list(self) -> list[int]:
        return [self.start, self.end]


@attrs.frozen
class Article:
    """One news article. ``text`` is exactly what was read; offsets index it."""

    id: str
    text: str
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    title: str | None = None
    path: str | None = None


@attrs.frozen
class Cue:
    """The words that report a statement: ``said``, ``told``, ``according to``."""

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end_after_start)


@attrs.frozen
class Speaker:
    """Who is credited with a statement, as written (``mention``) and resolved (``name``)."""

    name: str
    mention: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end_after_start)
    type: str = attrs.field(default="unknown", validator=attrs.validators.in_(SPEAKER_TYPES))

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "mention": self.mention, "start": self.start,
                "end": self.end, "type": self.type}


def _spans_ordered(instance: Any, attribute: attrs.Attribute, value: tuple[Span, ...]) -> None:
    for a, b in zip(value, value[1:]):
        if b.start < a.end:
            raise ValueError(f"{attribute.name} must be ordered and disjoint: {a} then {b}")


@attrs.frozen
class Quote:
    """A statement an article reports, with its content, the marked passages, cue and speaker.

    ``spans`` are the content pieces (one per part of a split quote); ``start``/``end`` is their
    hull. ``quoted`` lists the passages inside quotation marks that belong to this quote, without
    the marks: equal to ``spans`` for a ``direct`` quote, the fragments for ``mixed``, empty for
    ``indirect``.
    """

    id: str
    article: str
    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    text: str
    spans: tuple[Span, ...] = attrs.field(converter=tuple, validator=_spans_ordered)
    quoted: tuple[Span, ...] = attrs.field(converter=tuple, validator=_spans_ordered)
    cue: Cue | None = None
    speaker: Speaker | None = None
    confidence: float = 1.0

    def __attrs_post_init__(self) -> None:
        if not self.spans:
            raise ValueError("a quote needs at least one content span")

    @property
    def start(self) -> int:
        return self.spans[0].start

    @property
    def end(self) -> int:
        return self.spans[-1].end

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the output contract (docs/output.md)."""
        cue = self.cue
        return {
            "id": self.id,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "spans": [s.as_list() for s in self.spans],
            "quoted": [s.as_list() for s in self.quoted],
            "cue": cue.text if cue else None,
            "cue_start": cue.start if cue else None,
            "cue_end": cue.end if cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "confidence": round(self.confidence, 3),
        }


@attrs.frozen
class Extraction:
    """What :func:`quotetrace.extract` found in one article, or why it could not read it."""

    article: Article
    quotes: tuple[Quote, ...] = attrs.field(converter=tuple, default=())
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        a = self.article
        out: dict[str, Any] = {"article": a.id, "path": a.path, "date": a.date,
                               "quotes": [q.to_dict() for q in self.quotes]}
        if self.error:
            out["error"] = self.error
        return out


def join_spans(text: str, spans: tuple[Span, ...] | list[Span]) -> str:
    """The text of a quote: its pieces, joined by one space when a quote is split."""
    return " ".join(s.of(text) for s in spans)
