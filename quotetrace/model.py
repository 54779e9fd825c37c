"""Immutable values that carry character offsets into an article's text.

Every offset is a Python string index into ``Article.text``: ``text[start:end]`` is the thing.
Classes are frozen; change one with :func:`attrs.evolve`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import attrs

from .errors import ExtraError

from .options import KINDS  # noqa: F401  (its home; re-exported here for the model's users)
SPEAKER_TYPES = ("person", "organization", "group", "anonymous", "document", "unknown")
#: How an occurrence relates to its family's original (docs/output.md has the definitions).
RELATIONS = ("original", "verbatim", "excerpt", "expanded", "altered", "paraphrase", "misattributed",
             "unsupported", "single-source")
#: How much a word change matters: case, punctuation and spelling; content words; negation,
#: numbers, modality and the subject.
GRADES = ("trivial", "substantive", "critical")
#: Where words stand in an article: inside quotation marks, in reported speech, or the narrator's own.
ROLES = ("quote", "reported-speech", "narrator")
DIFF_OPS = ("replace", "insert", "delete")

#: The columns of :meth:`Extraction.to_records`, one row per quote (docs/output.md explains each).
QUOTE_COLUMNS = ("article", "date", "quote", "kind", "text", "start", "end", "cue", "speaker", "mention",
                 "speaker_type", "confidence")
#: The columns of :meth:`Trace.to_records`, one row per occurrence (docs/output.md explains each).
OCCURRENCE_COLUMNS = ("family", "family_speaker", "status", "article", "date", "quote", "speaker", "role",
                      "relation", "original", "original_article", "text", "start", "end", "changes", "grade",
                      "evidence")

# Rich displays. A notebook asks an object for ``_repr_html_``; the HTML is built by the report
# layer, which sits at the top of the package and registers its views here from
# ``report/views.py``. The model does not import the report to run: it looks a view up by class.
# The views are registered when the public API is first used, or at the first display (the one
# place the model names the views module, so that no command pays for the HTML report it does not
# write); with no view, a value shows nothing rich.
_HTML_VIEWS: dict[type, Callable[[Any], str]] = {}
_VIEWS_MODULE = __name__.rpartition(".")[0] + ".report.views"


def register_html_view(cls: type, view: Callable[[Any], str]) -> None:
    """Make ``view(obj)`` the HTML a notebook shows for instances of ``cls`` (and its subclasses)."""
    _HTML_VIEWS[cls] = view


class Displayed:
    """Mixin: ``_repr_html_`` through the registered view of the object's class, if any."""

    __slots__ = ()

    def _repr_html_(self) -> str | None:
        if not _HTML_VIEWS:
            importlib.import_module(_VIEWS_MODULE)
        for cls in type(self).__mro__:
            view = _HTML_VIEWS.get(cls)
            if view is not None:
                return view(self)
        return None  # IPython then falls back to the plain repr


def _data_frame(records: list[dict[str, Any]], columns: tuple[str, ...]) -> Any:
    try:
        import pandas  # optional: the quotetrace[pandas] extra
    except ImportError:
        raise ExtraError("to_pandas() needs pandas, which is not installed: "
                         "pip install 'quotetrace[pandas]'") from None
    return pandas.DataFrame.from_records(records, columns=list(columns))


def _non_negative(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < 0:
        raise ValueError(f"{attribute.name} must be >= 0, got {value}")


def _end_after_start(instance: Any, attribute: attrs.Attribute, value: int) -> None:
    if value < instance.start:
        raise ValueError(f"end ({value}) must be >= start ({instance.start})")


def _typed(attribute: attrs.Attribute, value: Any, kind: type, *allowed: None) -> None:
    """TypeError at the door, naming the field: ``Article("x", None)`` fails here, not deep in
    the analysis."""
    if not isinstance(value, kind) and not (allowed and value is None):
        expected = kind.__name__ + (" or None" if allowed else "")
        raise TypeError(f"Article.{attribute.name} must be a {expected}, not {type(value).__name__}")


@attrs.frozen(order=True)
class Span:
    """A half-open range ``[start, end)`` of character offsets.

    >>> span = Span(5, 10)
    >>> span.of("“The mayor is here,” she said."), len(span), span.overlaps(Span(9, 14))
    ('mayor', 5, True)
    """

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
    """One news article. ``text`` is exactly what was read; offsets index it.

    >>> article = Article("a1", "“We are ready,” the mayor said.", date="2024-05-01")
    >>> article.text[1:14]
    'We are ready,'
    """

    id: str = attrs.field(validator=lambda i, a, v: _typed(a, v, str))
    text: str = attrs.field(validator=lambda i, a, v: _typed(a, v, str))
    date: str | None = attrs.field(default=None, validator=lambda i, a, v: _typed(a, v, str, None))
    outlet: str | None = attrs.field(default=None, validator=lambda i, a, v: _typed(a, v, str, None))
    url: str | None = attrs.field(default=None, validator=lambda i, a, v: _typed(a, v, str, None))
    title: str | None = attrs.field(default=None, validator=lambda i, a, v: _typed(a, v, str, None))
    path: str | None = attrs.field(default=None, validator=lambda i, a, v: _typed(a, v, str, None))


@attrs.frozen
class Cue:
    """The words that report a statement: ``said``, ``told``, ``according to``.

    >>> import quotetrace
    >>> quotetrace.extract("“We are ready,” the mayor said.")[0].cue
    Cue(text='said', start=26, end=30)
    """

    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end_after_start)


@attrs.frozen
class Speaker:
    """Who is credited with a statement, as written (``mention``) and resolved (``name``).

    >>> import quotetrace
    >>> quotetrace.extract("Mayor Jane Doe said the bridge would open in May.")[0].speaker
    Speaker(name='Jane Doe', mention='Mayor Jane Doe', start=0, end=14, type='person')
    """

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
class Quote(Displayed):
    """A statement an article reports, with its content, the marked passages, cue and speaker.

    ``spans`` are the content pieces (one per part of a split quote); ``start``/``end`` is their
    hull. ``quoted`` lists the passages inside quotation marks that belong to this quote, without
    the marks: equal to ``spans`` for a ``direct`` quote, the fragments for ``mixed``, empty for
    ``indirect``.

    >>> import quotetrace
    >>> text = "Mayor Jane Doe said the bridge was “nearly ready” and would open in May."
    >>> quote = quotetrace.extract(text)[0]
    >>> quote.kind, quote.text, [span.of(text) for span in quote.quoted]
    ('mixed', 'the bridge was “nearly ready” and would open in May', ['nearly ready'])
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
class Extraction(Displayed):
    """What :func:`quotetrace.extract_all` found in one article, or why it could not read it.

    >>> import quotetrace
    >>> found = list(quotetrace.extract_all([Article("a", "“Yes,” she said."), "no/such.txt"]))
    >>> [([q.text for q in e.quotes], e.error) for e in found]
    [(['Yes,'], None), ([], 'no/such.txt: no such file or folder')]
    """

    article: Article
    quotes: tuple[Quote, ...] = attrs.field(converter=tuple, default=())
    error: str | None = None

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per quote, with the columns of :data:`QUOTE_COLUMNS`: flat values only
        (the speaker's resolved ``speaker`` name, its ``mention`` and ``speaker_type``; the
        ``cue`` words), ready for a DataFrame or a CSV writer. An article that failed has none.

        For many articles, chain them: ``[r for e in extract_all(...) for r in e.to_records()]``.
        """
        a = self.article
        return [{"article": a.id, "date": a.date, "quote": q.id, "kind": q.kind, "text": q.text,
                 "start": q.start, "end": q.end, "cue": q.cue.text if q.cue else None,
                 "speaker": q.speaker.name if q.speaker else None,
                 "mention": q.speaker.mention if q.speaker else None,
                 "speaker_type": q.speaker.type if q.speaker else None,
                 "confidence": round(q.confidence, 3)} for q in self.quotes]

    def to_pandas(self) -> Any:
        """:meth:`to_records` as a pandas DataFrame (needs ``pip install 'quotetrace[pandas]'``)."""
        return _data_frame(self.to_records(), QUOTE_COLUMNS)

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


@attrs.frozen
class Change:
    """One word-level change of an occurrence against its family's original.

    ``op`` is ``replace``, ``insert`` or ``delete``; ``original`` and ``changed`` are the words as
    written on each side (one is empty for an insertion or deletion). ``source`` is ``"narrator"``
    when inserted words are the original article's own words just outside its quotation marks.

    >>> import quotetrace
    >>> a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    >>> b = Article("b", "Mayor Jane Doe said: “We might build the bridge by spring.”", date="2024-05-02")
    >>> quotetrace.trace([a, b], jobs=1).families[0].occurrences[1].diff
    (Change(op='replace', original='will', changed='might', grade='critical', source=None, start=25, end=30, original_start=4, original_end=8),)
    """

    op: str = attrs.field(validator=attrs.validators.in_(DIFF_OPS))
    original: str
    changed: str
    grade: str = attrs.field(validator=attrs.validators.in_(GRADES))
    source: str | None = None
    #: offsets of ``changed`` in the occurrence's article (an empty span where words are missing)
    start: int | None = None
    end: int | None = None
    #: offsets of ``original`` in the original's article (an empty span where words were added)
    original_start: int | None = None
    original_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"op": self.op, "original": self.original, "changed": self.changed,
                               "grade": self.grade}
        if self.source:
            out["source"] = self.source
        if self.start is not None:
            out.update(start=self.start, end=self.end, original_start=self.original_start,
                       original_end=self.original_end)
        return out


@attrs.frozen
class Misattribution:
    """Why an occurrence is ``misattributed``: who the family's original credits and who this
    article credits, each with the words that name them there and the identity they resolve to,
    and why those identities differ.

    >>> import quotetrace
    >>> a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    >>> b = Article("b", "“We will build the bridge by spring,” Governor Tom Roe said.", date="2024-05-02")
    >>> quotetrace.trace([a, b], jobs=1).families[0].occurrences[1].misattribution.reason
    'different surnames (Doe, Roe)'
    """

    original_article: str
    original_mention: str | None
    original_speaker: str | None
    mention: str | None
    speaker: str | None
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"original_article": self.original_article, "original_mention": self.original_mention,
                "original_speaker": self.original_speaker, "mention": self.mention,
                "speaker": self.speaker, "reason": self.reason}


@attrs.frozen
class Evidence:
    """Words in another article that bear on a quote without supporting it as a quotation.

    Here the earlier article only reports what the mayor said; the later one puts it in
    quotation marks, so its quote is ``unsupported`` and the report is its evidence.

    >>> import quotetrace
    >>> a = Article("a", "Mayor Jane Doe said the town would build the bridge by spring.", date="2024-05-01")
    >>> b = Article("b", "Mayor Jane Doe said: “We will build the bridge by spring.”", date="2024-05-02")
    >>> family = quotetrace.trace([a, b], jobs=1).families[0]
    >>> family.status, family.original.evidence
    ('unsupported', (Evidence(article='a', text='the town would build the bridge by spring', start=20, end=61, role='reported-speech', speaker='Jane Doe'),))
    """

    article: str
    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end_after_start)
    role: str = attrs.field(validator=attrs.validators.in_(ROLES))
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "text": self.text, "start": self.start, "end": self.end,
                "role": self.role, "speaker": self.speaker}


@attrs.frozen
class Occurrence(Displayed):
    """One place where a statement appears, and how it relates to its family's original.

    ``quote`` is the id of the extracted :class:`Quote` that holds it, or None for a passage in
    quotation marks that the article gives to nobody and for narrator text. ``speaker`` is the
    speaker the article gives (resolved across articles), or None; ``role`` says whether the words
    stand in quotation marks, in reported speech or in the narrator's text.

    >>> import quotetrace
    >>> a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    >>> b = Article("b", "Mayor Jane Doe promised “we will build the bridge by spring.”", date="2024-05-02")
    >>> for o in quotetrace.trace([a, b], jobs=1).families[0].occurrences:
    ...     print(o.article, o.relation, o.role, o.speaker, o.text, o.start, o.end)
    a original quote Jane Doe We will build the bridge by spring, 1 36
    b verbatim quote Jane Doe we will build the bridge by spring. 25 60
    """

    article: str
    quote: str | None
    text: str
    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_end_after_start)
    speaker: str | None
    relation: str = attrs.field(validator=attrs.validators.in_(RELATIONS))
    role: str = attrs.field(default="quote", validator=attrs.validators.in_(ROLES))
    diff: tuple[Change, ...] = attrs.field(default=(), converter=tuple)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=tuple)
    #: the pieces of text the occurrence is made of (several for a split quote); its hull if empty
    spans: tuple[Span, ...] = attrs.field(default=(), converter=tuple, validator=_spans_ordered)
    #: for a ``misattributed`` occurrence, both speakers and why they differ
    misattribution: Misattribution | None = None
    #: the id the user's people table gives the speaker (``trace(people=…)``), when linked
    speaker_id: str | None = None

    @property
    def pieces(self) -> tuple[Span, ...]:
        return self.spans or (Span(self.start, self.end),)

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "quote": self.quote, "text": self.text, "start": self.start,
                "end": self.end, "spans": [s.as_list() for s in self.pieces], "speaker": self.speaker,
                "role": self.role, "relation": self.relation, "diff": [c.to_dict() for c in self.diff],
                "evidence": [e.to_dict() for e in self.evidence]} | (
                    {"misattribution": self.misattribution.to_dict()} if self.misattribution else {}) | (
                    {"speaker_id": self.speaker_id} if self.speaker_id else {})


@attrs.frozen
class Family(Displayed):
    """The occurrences of one statement across articles; the first is the original.

    >>> import quotetrace
    >>> a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    >>> b = Article("b", "Doe promised “we will build the bridge by spring.”", date="2024-05-02")
    >>> family = quotetrace.trace([a, b], jobs=1).families[0]
    >>> family.id, family.speaker, family.status, family.original.article, len(family.occurrences)
    ('f1', 'Jane Doe', 'original', 'a', 2)
    """

    id: str
    speaker: str | None
    occurrences: tuple[Occurrence, ...] = attrs.field(converter=tuple)

    @property
    def original(self) -> Occurrence:
        return self.occurrences[0]

    @property
    def status(self) -> str:
        """``original`` when another article supports the quote, else ``unsupported`` or ``single-source``."""
        return self.original.relation

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "speaker": self.speaker, "status": self.status,
                "occurrences": [o.to_dict() for o in self.occurrences]}


@attrs.frozen
class SpeakerIdentity:
    """One speaker across articles, under every name the articles give it.

    >>> import quotetrace
    >>> [s for s in quotetrace.trace(["seeds/"], jobs=1).speakers if s.aliases]
    [SpeakerIdentity(name='Donald Trump', type='person', aliases=('Trump',)), SpeakerIdentity(name='Tass', type='organization', aliases=('TASS',))]
    """

    name: str
    type: str = attrs.field(validator=attrs.validators.in_(SPEAKER_TYPES))
    aliases: tuple[str, ...] = attrs.field(default=(), converter=tuple)
    #: the id of the user's people table this identity is linked to (``trace(people=…)``)
    id: str | None = attrs.field(default=None, repr=False)
    #: why it is not linked although the table names it (two ids share its names)
    note: str | None = attrs.field(default=None, repr=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type, "aliases": list(self.aliases)}
        if self.id is not None:
            out["id"] = self.id
        if self.note is not None:
            out["note"] = self.note
        return out


@attrs.frozen
class Derivation:
    """Article ``article`` appears to draw on ``source``: the quotes and sentences they share.

    >>> import quotetrace
    >>> a = Article("a", "The talks were “productive,” Norpress reported. “We are close to a deal,” Norpress said.",
    ...             date="2024-05-01")
    >>> b = Article("b", "NORPRESS said the talks were “productive.” “We are close to a deal,” NORPRESS reported.",
    ...             date="2024-05-02")
    >>> quotetrace.trace([a, b], jobs=1).derivations
    (Derivation(article='b', source='a', shared_quotes=2, shared_sentences=0, score=1.0),)
    """

    article: str
    source: str
    shared_quotes: int
    shared_sentences: int
    score: float

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "source": self.source, "shared_quotes": self.shared_quotes,
                "shared_sentences": self.shared_sentences, "score": round(self.score, 3)}


@attrs.frozen
class TracedArticle:
    """An article of a trace: where it came from, its date, and why it failed if it did.

    >>> import quotetrace
    >>> quotetrace.trace(["seeds/004_81a655e1a47972bf.txt", "no/such.txt"], jobs=1).articles
    ... # doctest: +NORMALIZE_WHITESPACE
    (TracedArticle(id='004_81a655e1a47972bf', path='seeds/004_81a655e1a47972bf.txt', date='2025-04-25',
                   error=None, note=None),
     TracedArticle(id='such', path='no/such.txt', date=None, error='no/such.txt: no such file or folder',
                   note=None))
    """

    id: str
    path: str | None = None
    date: str | None = None
    error: str | None = None
    #: a note on how the article was taken in (a duplicate id renamed, say)
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"article": self.id, "path": self.path, "date": self.date}
        if self.error:
            out["error"] = self.error
        if self.note:
            out["note"] = self.note
        return out


@attrs.frozen
class Trace(Displayed):
    """What :func:`quotetrace.trace` found: speakers, families of occurrences, derivations.

    >>> import quotetrace
    >>> trace = quotetrace.trace(["seeds/"], jobs=1)
    >>> len(trace.articles), trace.errors, [f.original.text for f in trace.families if f.status == "unsupported"]
    (5, [], ['This would violate Ukraine’s constitution and international law,'])
    """

    articles: tuple[TracedArticle, ...] = attrs.field(converter=tuple)
    speakers: tuple[SpeakerIdentity, ...] = attrs.field(default=(), converter=tuple)
    families: tuple[Family, ...] = attrs.field(default=(), converter=tuple)
    derivations: tuple[Derivation, ...] = attrs.field(default=(), converter=tuple)
    #: article id → text, so reports can show the words around an occurrence (not in to_dict)
    texts: dict[str, str] = attrs.field(factory=dict, repr=False, eq=False)

    @property
    def errors(self) -> list[TracedArticle]:
        """The articles that could not be read or analysed."""
        return [a for a in self.articles if a.error]

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per occurrence, families in order and each family's original first,
        with the columns of :data:`OCCURRENCE_COLUMNS`: flat values only (``changes`` and
        ``evidence`` are counts, ``grade`` the highest grade among the changes), ready for a
        DataFrame or a CSV writer. The details stay on the :class:`Occurrence` objects.
        """
        dates = {a.id: a.date for a in self.articles}
        rows = []
        for f in self.families:
            orig = f.original
            for o in f.occurrences:
                grade = max((GRADES.index(c.grade) for c in o.diff), default=None)
                rows.append({"family": f.id, "family_speaker": f.speaker, "status": f.status,
                             "article": o.article, "date": dates.get(o.article), "quote": o.quote,
                             "speaker": o.speaker, "role": o.role, "relation": o.relation,
                             "original": o is orig, "original_article": orig.article, "text": o.text,
                             "start": o.start, "end": o.end, "changes": len(o.diff),
                             "grade": None if grade is None else GRADES[grade], "evidence": len(o.evidence)})
        return rows

    def to_pandas(self) -> Any:
        """:meth:`to_records` as a pandas DataFrame (needs ``pip install 'quotetrace[pandas]'``)."""
        return _data_frame(self.to_records(), OCCURRENCE_COLUMNS)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the output contract (docs/output.md)."""
        return {"articles": [a.to_dict() for a in self.articles],
                "speakers": [s.to_dict() for s in self.speakers],
                "families": [f.to_dict() for f in self.families],
                "derivations": [d.to_dict() for d in self.derivations]}
