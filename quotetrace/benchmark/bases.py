"""The real articles a corpus is built on, and what each offers: passages in marks (the
families), reported speech that may be promoted, paragraphs that must stay together."""

from __future__ import annotations

import bisect
import collections
import datetime
import json
import re
import sys
from dataclasses import dataclass, field

import attrs

import quotetrace
from quotetrace.model import Article, Quote, Span
from .knobs import NAMED
from .words import is_content, paragraph_spans, sentence_spans, surname, word_at, words_of
from .names import full_name, _named



def _jsonl_meta(path: str) -> dict[str, tuple[str | None, str | None]]:
    """Date and outlet of each line of a JSONL file, with PolNeAR's names for them as fallbacks."""
    meta = {}
    with open(path, encoding="utf-8-sig", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            art_id = obj.get("id") or obj.get("doc_id")
            if art_id is not None:
                meta[str(art_id)] = (obj.get("date") or obj.get("publication_date"),
                                     obj.get("outlet") or obj.get("publisher"))
    return meta


def load_bases(paths: list[str]) -> list[Article]:
    """The articles of ``paths``, with dates and outlets from JSONL fields ``read_articles`` does not
    read; unreadable sources and repeated ids are reported on standard error and skipped."""
    out, seen, metas = [], set(), {}
    for path in paths:
        for art in quotetrace.read_articles(path):
            if not isinstance(art, Article):
                print(f"skipped: {art.message}", file=sys.stderr)
                continue
            if art.id in seen:
                print(f"skipped: {art.id}: the id appears twice", file=sys.stderr)
                continue
            seen.add(art.id)
            if art.path and art.path.endswith(".jsonl") and (art.date is None or art.outlet is None):
                if art.path not in metas:
                    metas[art.path] = _jsonl_meta(art.path)
                date, outlet = metas[art.path].get(art.id, (None, None))
                art = attrs.evolve(art, date=art.date or date, outlet=art.outlet or outlet)
            out.append(art)
    return out


def _iso(date: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(date) if date else None
    except ValueError:
        return None


# --- what each base offers -------------------------------------------------------------------------


@dataclass
class Passage:
    """A passage in quotation marks in a base: one family of the benchmark."""

    key: str
    quote: int
    start: int
    end: int
    para: int
    words: list[str]
    speaker: str | None
    stype: str | None
    editable: bool = False
    scored: bool = True
    reason: str | None = None
    single_source_ok: bool = True


@dataclass
class Reported:
    """A reported-speech clause of a base that may be promoted into a quote."""

    key: str
    quote: int
    start: int
    end: int
    para: int
    sentence: tuple[int, int]
    words: list[str]
    speaker: str


@dataclass
class Base:
    """A real article and what the generator knows of it. Offsets index ``article.text``.

    ``passages`` are the families it starts; ``reported`` the clauses it may promote; ``indirect``
    its reported speech by quote index. ``anchor_paras`` may not be dropped or moved and
    ``blocked`` gaps (gap ``g`` is before paragraph ``g``) take no new paragraph: both keep every
    quote with the speaker the extractor gave it. ``narrator`` paragraphs hold no quote and may be
    copied into other families' articles; ``risky`` sentences may restate a quote.
    """

    article: Article
    index: int
    quotes: list[Quote]
    paras: list[tuple[int, int]]
    sep: str
    style: str
    passages: list[Passage] = field(default_factory=list)
    reported: list[Reported] = field(default_factory=list)
    indirect: dict[int, tuple[int, int]] = field(default_factory=dict)
    protected: list[tuple[int, int]] = field(default_factory=list)
    anchors: set[int] = field(default_factory=set)
    anchor_paras: set[int] = field(default_factory=set)
    blocked: set[int] = field(default_factory=set)
    narrator: list[int] = field(default_factory=list)
    persons: list[str] = field(default_factory=list)
    quoted: list[tuple[int, int]] = field(default_factory=list)
    sentences: list[tuple[int, int, int]] = field(default_factory=list)
    risky: set[tuple[int, int]] = field(default_factory=set)
    date_line: tuple[int, int, int] | None = None
    mono_style: bool = False
    #: quotes from annotations, whose speaker behind ``he`` is the generator's own guess
    annotated: bool = False
    words: set[str] = field(default_factory=set)
    by_para: dict[int, tuple[dict, dict]] = field(default_factory=dict)
    para_starts: list[int] = field(default_factory=list)
    credits: list[tuple[int, int, str, bool]] = field(default_factory=list)  # who each quote credits

    @property
    def id(self) -> str:
        return self.article.id

    @property
    def text(self) -> str:
        return self.article.text

    def tracked(self, para: int) -> tuple[dict[str, tuple[int, int]], dict[str, tuple[int, int]]]:
        """Spans a derived article follows through paragraph ``para``: its passages, reported
        clauses and reported speech; and, apart, sentences that may restate a quote."""
        if not self.by_para:
            own: dict[int, dict] = collections.defaultdict(dict)
            risky: dict[int, dict] = collections.defaultdict(dict)
            for p in self.passages:
                own[p.para][p.key] = (p.start, p.end)
            for r in self.reported:
                own[r.para][r.key] = (r.start, r.end)
            for qi, (s, e) in self.indirect.items():
                own[self.para_of(s)][f"indirect/{qi}"] = (s, e)
            for s, e in sorted(self.risky):
                risky[self.para_of(s)][f"risky/{self.id}/{s}"] = (s, e)
            self.by_para = {i: (dict(own.get(i, {})), dict(risky.get(i, {})))
                            for i in range(len(self.paras))}
        return self.by_para[para]

    def para_of(self, pos: int) -> int:
        if not self.para_starts:
            self.para_starts = [s for s, _ in self.paras]
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)


_DATE_LINE = re.compile(r"\s*(?P<word>date)[ \t]+(?P<date>\d{4}-\d{2}-\d{2})[ \t]*")

def _editable(base: Base, q: Quote, span: Span) -> bool:
    """Whether a passage of ``q`` may be edited: its speaker is named, the quotation sits in one
    paragraph, and it is not the second part of a split quote (``“…,” he said. “…”``), which the
    extractor credits through the first."""
    return (_named(q) and base.para_of(q.start) == base.para_of(max(q.start, q.end - 1))
            and (q.kind != "direct" or span == q.quoted[0]))


def _strip_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The words of a reported clause without a leading ``that`` and trailing punctuation."""
    m = re.match(r"\s*(?:that\s+)?", text[start:end])
    start += m.end() if m else 0
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "%)"):
        end -= 1
    return start, end


def _to_sentence_end(text: str, end: int, sentence_end: int) -> int:
    """A reported clause the extractor cut short (``due to his strategic`` | ``thinking.``) runs
    to the end of its sentence when only a few plain words remain: promoted, it must not lose them."""
    rest = text[end:sentence_end]
    m = re.fullmatch(r"((?:\s+[\w'’-]+){1,6})[.!?]?[\"”’)]*", rest)
    return end + len(m.group(1)) if m else end


def analyze_base(article: Article, index: int, quotes: list[Quote] | None = None) -> Base:
    """Quotes, paragraphs, and which paragraphs can move; the quotes are the project's own
    extractor's unless given (annotated ones)."""
    text = article.text
    annotated = quotes is not None
    quotes = quotetrace.extract(article) if quotes is None else quotes
    paras = paragraph_spans(text)
    base = Base(article, index, quotes, paras, "\n\n" if "\n\n" in text else "\n",
                "straight" if text.count('"') > text.count("“") else "curly")
    base.annotated = annotated
    base.mono_style = ('"' in text) != ("“" in text or "”" in text)
    m = _DATE_LINE.match(text)
    if m:  # the seeds' metadata line: it must carry the derived article's date, or none
        base.date_line = (m.start("word"), m.start("date"), m.end())
    base.words = set(re.findall(r"[\w'’-]+", text))
    base.credits = [(q.speaker.start, base.para_of(q.start), q.speaker.name, dependent(q))
                    for q in quotes if q.speaker]
    _collect_passages(base)
    _collect_anchors(base)
    _collect_paragraph_roles(base)
    return base


def _collect_passages(base: Base) -> None:
    text = base.text
    for qi, q in enumerate(base.quotes):
        if q.speaker:
            base.protected.append((q.speaker.start, q.speaker.end))
        if q.cue:
            base.protected.append((q.cue.start, q.cue.end))
        name = q.speaker.name if q.speaker else None
        for span in q.quoted:
            words = words_of(text[span.start:span.end])
            if not words:
                continue  # a mark around punctuation alone: nothing to trace
            base.passages.append(Passage(f"{base.id}/p{len(base.passages)}", qi, span.start,
                                         span.end, base.para_of(span.start), words, name,
                                         q.speaker.type if q.speaker else None,
                                         editable=_editable(base, q, span)))
        if q.kind in ("indirect", "mixed"):
            # reported speech, the words of a mixed quote outside its marks too: whether it
            # restates a quote made elsewhere is not known here
            base.indirect[qi] = (q.start, q.end)
        if q.kind == "indirect":
            # an annotated "he said that …" names its speaker only through the generator's guess:
            # promoted, the guess would be the answer
            if _named(q) and len(q.spans) == 1 and not (base.annotated and dependent(q)):
                s, e = _strip_clause(text, q.start, q.end)
                words = words_of(text[s:e])
                if sum(map(is_content, words)) >= 6:
                    para = base.para_of(s)
                    sent = next(((a, b) for a, b in sentence_spans(text, *base.paras[para])
                                 if a <= s and e <= b), None)
                    if sent:
                        e = _to_sentence_end(text, e, sent[1])
                        base.reported.append(Reported(f"{base.id}/r{len(base.reported)}", qi, s, e,
                                                      para, sent, words, q.speaker.name))
        if q.speaker and q.speaker.type == "person" and full_name(q.speaker.name):
            base.persons.append(q.speaker.name)
    base.persons = sorted(set(base.persons))


#: How many paragraphs back the project's resolver looks for the speaker of ``he said``.
LOOKBACK_PARAGRAPHS = 3


def dependent(q: Quote) -> bool:
    """A quote credited through a pronoun or a role (``he``, ``the senator``), not a name, or to
    something that is not a name at all (``advisor``): the resolver looks back for its speaker."""
    last = surname(q.speaker.name if q.speaker else None)
    return bool(last) and (not word_at(q.speaker.mention, last) or not _named(q)
                           and q.speaker.type in NAMED + ("unknown",))


def followed_by_dependent(base: Base, pos: int, speaker: str, same: bool) -> bool:
    """Whether a quote credited through ``he`` or a role, to ``speaker`` (``same``) or to someone
    else, follows ``pos`` closely enough for the resolver to take its speaker from what an edit
    changes at ``pos``: within its look-back, with no quote by its own speaker in between."""
    para = base.para_of(pos)
    credits = base.credits
    for at, o_para, name, dep in credits:
        if not (dep and at > pos and (name == speaker) == same and o_para - para <= LOOKBACK_PARAGRAPHS):
            continue
        if not any(x_name == name and not x_dep and pos < x_at < at
                   for x_at, _, x_name, x_dep in credits):
            return True
    return False


def _collect_anchors(base: Base) -> None:
    """Paragraphs that must stay together, in order: moving, dropping or inserting a paragraph
    between them would hand a quote to someone else or break a quotation apart."""
    for i, q in enumerate(base.quotes):
        if dependent(q):
            # "“…,” he said": the resolver takes the nearest earlier speaker, else name, a few
            # paragraphs back; nothing may come between, and that stretch stays whole
            p = base.para_of(q.start)
            before = word_at(base.text, surname(q.speaker.name), 0, min(q.speaker.start, q.start))
            if before:
                base.anchors.add(before[-1])
            first = min([p - LOOKBACK_PARAGRAPHS] + [base.para_of(a) for a in before[-1:]])
            _bind(base, max(0, first), p)
        if q.speaker:  # "Ward said in a statement:" and the quotation in the paragraphs after it
            _bind(base, *sorted((base.para_of(q.speaker.start), base.para_of(q.start))))
        # a quotation over several paragraphs, each reopening the mark, stays whole
        _bind(base, base.para_of(q.start), base.para_of(max(q.start, q.end - 1)), keep_last=True)
    for i, (s, e) in enumerate(base.paras):
        body = base.text[s:e]
        if body.count("“") > body.count("”") or body.count('"') % 2:
            _bind(base, i, i + 1, keep_last=True)


def _bind(base: Base, first: int, last: int, keep_last: bool = False) -> None:
    """Keep paragraphs ``first``…``last`` together: nothing goes in between, and none of them is
    dropped but the last (the quote's own), unless ``keep_last``."""
    if first < last:
        base.anchor_paras.update(range(first, last + 1 if keep_last else last))
        base.blocked.update(range(first + 1, last + 1))


def _collect_paragraph_roles(base: Base) -> None:
    text = base.text
    spans = [(q.start, q.end) for q in base.quotes] + base.protected
    busy = {base.para_of(s) for s, _ in spans}
    for i, (s, e) in enumerate(base.paras):
        body = text[s:e]
        if (i and i not in busy and not any(c in body for c in "“”\"")
                and len(body.split()) >= 12):
            base.narrator.append(i)
    base.quoted = sorted((p.start, p.end) for p in base.passages)
    for i, (s, e) in enumerate(base.paras):
        for a, b in sentence_spans(text, s, e):
            base.sentences.append((i, a, b))
