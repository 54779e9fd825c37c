"""Generate a benchmark corpus for quote tracing, with the answers beside it.

    python scripts/trace_corpus.py BASE_PATH... --out DIR [--articles N] [--seed S] [--verify]

BASE_PATH is anything :func:`quotetrace.read_articles` reads: the ``seeds/`` folder, or a JSONL file
such as PolNeAR's ``train.jsonl`` (whose ``publication_date`` and ``publisher`` become the date and
the outlet). About N/5 of the articles are real bases; the rest are derived from them with known
edits: quotes carried unchanged, cut, altered, expanded with the narrator's words, paraphrased by
dropping the marks, handed to another speaker, reported speech promoted into a quote, invented
quotes, and narrator paragraphs copied from a second base. Writes, byte for byte the same for the
same inputs and seed:

- ``DIR/articles.jsonl``: one article a line, ``{"id", "text", "date", "outlet"}``;
- ``DIR/answers.jsonl``: one answer a line, of three kinds:

  ``{"kind": "occurrence", "article", "start", "end", "text", "relation", "family",
  "source_article", "source_start", "source_end", "speaker", "given_to", "edit"}``: the passage
  inside the marks (the reported words, for a paraphrase) at ``text[start:end]`` of that article,
  its relation against the family's original, and where that original is (for ``unsupported``, the
  reported speech it was made from; for ``paraphrase`` of a promoted quote, the unsupported quote);

  ``{"kind": "unscored", "article", "start", "end", "text", "reason", "family"}``: a region whose
  truth the generator does not know (a passage another base also carries, reported speech,
  narrator text that may restate a quote); an occurrence there that matches no answer is ignored;

  ``{"kind": "derivation", "article", "source", "via"}``: a derived article and the base it was
  made from (``via: "base"``), or a second base whose narrator paragraphs it copies
  (``via: "narrator"``);
- ``DIR/manifest.json``: the parameters, counts per relation and per edit, and the base passages
  left unscored.

``scripts/score_trace.py`` scores a ``quotetrace trace --format json`` output against the answers.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import datetime
import functools
import json
import math
import random
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

# run from a checkout as `python scripts/trace_corpus.py`, the package beside it is the one used
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs  # noqa: E402

import quotetrace  # noqa: E402
from quotetrace import Article, Quote, Span  # noqa: E402
from quotetrace.marks import detect_marks  # noqa: E402

#: Bump when the same inputs and seed would give a different corpus.
GENERATOR_VERSION = "3"

# --- knobs: each trades realism or coverage against the certainty of the answers ---------------

#: About one article in this many is a real base; the rest are derived from the bases.
ARTICLES_PER_BASE = 5
#: Planted edits per derived article (inclusive range), besides the quotes it carries unchanged.
EDITS_PER_ARTICLE = (3, 6)
#: Chance that a quote-bearing paragraph of a base is carried by none of its derived articles;
#: it is what leaves some base quotes single-source.
WITHHOLD = 0.15
#: Chance that a derived article drops a few paragraphs, moves one, copies narrator paragraphs
#: from a second base, flips the quotation-mark style, or carries no date.
DROP, MOVE, COPY_NARRATOR, FLIP_STYLE, UNDATED = 0.35, 0.15, 0.3, 0.3, 0.08
#: Derived articles appear this many days after their base, at most.
MAX_DELAY_DAYS = 45
#: A base passage of 4 words or more counts as shared with another base when a run of its words,
#: each 4-gram of which the other base also holds, has 2 content words and covers half the passage
#: or 8 words. Lower values leave more passages unscored; higher values let a natural overlap
#: between two outlets through as a wrong answer.
SHARED_NGRAM, SHARED_FRACTION, SHARED_WORDS = 4, 0.5, 8
#: The same speaker's quotes in another base that hold this share of a passage's content stems
#: (and at least two of them) make it shared: it catches what two outlets alter differently.
SAME_SPEAKER_STEMS = 0.4
#: A passage cannot be single-source while a sentence of another base holds this share of its
#: content stems (all of them, for two or fewer): that base may report it in other words.
ELSEWHERE_STEMS = 0.5
#: A sentence holding this share of a passage's content stems, and at least three, may restate it:
#: a tracer may call its copies paraphrases, which the generator cannot confirm, so they are
#: unscored. Lower values hide more of a tracer's false paraphrases; higher ones punish true ones.
RESTATE_STEMS, RESTATE_MIN = 0.6, 3
#: Stems found in more than this share of all sentences are left out of both comparisons, as a
#: tracer's document-frequency cap leaves them out of its index.
RESTATE_MAX_DF = 0.01

#: The knobs above, recorded in the manifest.
KNOBS = ("ARTICLES_PER_BASE", "EDITS_PER_ARTICLE", "WITHHOLD", "DROP", "MOVE", "COPY_NARRATOR",
         "FLIP_STYLE", "UNDATED", "MAX_DELAY_DAYS", "SHARED_NGRAM", "SHARED_FRACTION", "SHARED_WORDS",
         "SAME_SPEAKER_STEMS", "ELSEWHERE_STEMS", "RESTATE_STEMS", "RESTATE_MIN", "RESTATE_MAX_DF")

#: Relations in the order the reports list them.
RELATIONS = ("original", "verbatim", "excerpt", "expanded", "altered", "paraphrase",
             "misattributed", "unsupported", "single-source")
#: Planted edit kinds, balanced against each other as the corpus grows.
EDIT_KINDS = ("excerpt", "altered", "expanded", "paraphrase", "misattributed", "promoted", "invented")
NAMED = ("person", "organization")

OPEN_MARKS, CLOSE_MARKS = "“\"", "”\""

# --- words -----------------------------------------------------------------------------------------

WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")

#: Function words: never content, never coined, the only words an invented quote's template uses.
STOPWORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each every everyone few for from further had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
into is isn't it it's its itself let's me more most mustn't my myself no nobody nor not nothing
now of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some something such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too
under until up us very was wasn't we we'd we'll we're we've were weren't what what's when when's
where where's which while who who's whom why why's will with won't would wouldn't you you'd
you'll you're you've your yours yourself yourselves also just still ever never again s t
""".split())


# a corpus has some tens of thousands of distinct words: remembering each one's normal form,
# stem and class is much cheaper than computing them for each of its millions of occurrences
_NORM: dict[str, str] = {}
_STEM: dict[str, str | None] = {}


def norm(word: str) -> str:
    out = _NORM.get(word)
    if out is None:
        out = _NORM[word] = word.lower().replace("’", "'").replace("‘", "'")
    return out


def word_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, normalized)`` of each word in ``text[start:end]``."""
    return [(m.start(), m.end(), norm(m.group())) for m in WORD_RE.finditer(text, start, end)]


def words_of(text: str) -> list[str]:
    return [norm(w) for w in WORD_RE.findall(text)]


def is_content(word: str) -> bool:
    return word not in STOPWORDS and any(c.isalpha() for c in word)


def stem(word: str) -> str:
    """A crude stem, enough to see ``fine-tuned`` and ``fine-tuning`` as one word."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


def content_stem(word: str) -> str | None:
    """The stem of a content word; None for a function word."""
    if word not in _STEM:
        _STEM[word] = stem(word) if is_content(word) else None
    return _STEM[word]


def content_stems(words: list[str]) -> frozenset[str]:
    return frozenset(st for st in map(content_stem, words) if st is not None)


def surname(name: str | None) -> str | None:
    """The last word of a name, which later mentions (``Lavrov``) reuse."""
    if not name:
        return None
    parts = WORD_RE.findall(name)
    return parts[-1] if parts else None


@functools.lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w-])")


def word_at(text: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets where ``word`` stands as a whole word, case as written."""
    return [m.start() for m in _whole_word(word).finditer(text, start, len(text) if end is None else end)]


def inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, disjoint; ``starts`` their starts)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


# --- sentences and paragraphs ----------------------------------------------------------------------

_PARA_RE = re.compile(r"[^\n]+")
_BOUNDARY_RE = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = frozenset("mr mrs ms dr sen rep gov gen lt col st jr sr rev prof u.s a.m p.m jan feb aug "
                    "sept oct nov dec no vs inc corp co".split())


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Every line with more than white space, stripped: one paragraph a line, as news text has."""
    out = []
    for m in _PARA_RE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph, good enough to find the sentence around a reported clause."""
    out, s = [], start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        before = text[s:m.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if text[m.start()] == "." and (last in _ABBREV or len(last) == 1):
            continue  # "Mr. Trump", "U.S. officials", "John F. Kennedy"
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out


# --- reading the bases -----------------------------------------------------------------------------


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


# a name word: a capital, then letters (McManus, D’Souza, García, O'Malley); or an initial (F.)
_NAME_WORD = r"(?:[A-Z](?=[^\W\d_]*[a-zà-ÿ])[^\W\d_]*(?:[-'’][^\W\d_]+)*|[A-Z]\.)"
_FULL_NAME = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}")
_PERSON = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}")


#: Words a sentence starts with that the extractor sometimes takes into a name (``But Pate``).
NOT_A_NAME = STOPWORDS | frozenset("""
but then though although as on in at after before however meanwhile later earlier still also now
continued added says said asked told according monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december
professor president senator governor mr mrs ms dr sen rep gov
""".split())
#: First words of places the extractor sometimes types as people (``New Hampshire said``).
PLACE_WORDS = frozenset("new north south east west united los san las saint st fort".split())


_ORG_NAME = re.compile(r"(?:[A-Z][\w&.'’-]*)(?: (?:of|for|and|the|[A-Z][\w&.'’-]*)){0,4}")


def full_name(name: str) -> bool:
    """``Sergey Lavrov``, ``John F. Kennedy``: not ``Russians With Attitude (@RWApodcast)``,
    ``But Pate`` or ``On Wednesday``."""
    return bool(_FULL_NAME.fullmatch(name)) and _no_stray_words(name)


def _no_stray_words(name: str) -> bool:
    words = name.lower().split()
    return not any(w in NOT_A_NAME for w in words) and words[0] not in PLACE_WORDS


def org_name(name: str) -> bool:
    """``The Guardian``, ``Investigative Committee``: not ``The F.B.I``, cut short of its period."""
    return bool(_ORG_NAME.fullmatch(name)) and "." not in name \
        and name.split()[0].lower() not in NOT_A_NAME - {"the"}


def _named(q: Quote) -> bool:
    """Credited to a person or organization whose name looks like one (``Clinton`` will do)."""
    spk = q.speaker
    if spk is None:
        return False
    if spk.type == "person":
        return bool(_PERSON.fullmatch(spk.name)) and _no_stray_words(spk.name)
    return spk.type == "organization" and org_name(spk.name)


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


def analyze_base(article: Article, index: int) -> Base:
    """Quotes, paragraphs, and which paragraphs can move, from the project's own extractor."""
    text = article.text
    quotes = quotetrace.extract(article)
    paras = paragraph_spans(text)
    base = Base(article, index, quotes, paras, "\n\n" if "\n\n" in text else "\n",
                "straight" if text.count('"') > text.count("“") else "curly")
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
        if q.kind == "indirect":
            base.indirect[qi] = (q.start, q.end)
            if _named(q) and len(q.spans) == 1:
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


# --- what the bases share ----------------------------------------------------------------------------


class Overlap:
    """Indexes over every base, to tell a passage another base also carries or restates."""

    def __init__(self, bases: list[Base]):
        self.bases = bases
        self.grams: dict[str, int] = {}
        self.quoted: dict[str, int] = {}
        self.by_speaker: dict[str, list[tuple[int, frozenset[str]]]] = collections.defaultdict(list)
        self.sentences: list[tuple[int, int, int, frozenset[str]]] = []
        self.postings: dict[str, list[int]] = collections.defaultdict(list)
        self.vocab: set[str] = set()
        for b in bases:
            self._index(b)

    @staticmethod
    def _note(table: dict[str, int], key: str, owner: int) -> None:
        # one owner, or -1 for "two bases or more": enough to ask "does another base hold it?"
        seen = table.get(key)
        if seen is None:
            table[key] = owner
        elif seen != owner:
            table[key] = -1

    def _index(self, b: Base) -> None:
        words = words_of(b.text)
        self.vocab.update(words)
        n = SHARED_NGRAM
        for j in range(len(words) - n + 1):
            self._note(self.grams, " ".join(words[j:j + n]), b.index)
        for p in b.passages:
            for k in (1, 2, 3):
                for j in range(len(p.words) - k + 1):
                    self._note(self.quoted, " ".join(p.words[j:j + k]), b.index)
        for q in b.quotes:
            last = surname(q.speaker.name if q.speaker else None)
            if last:
                self.by_speaker[last.lower()].append((b.index, content_stems(words_of(q.text))))
        starts = [s for s, _ in b.quoted]
        for _, s, e in b.sentences:
            # the narrator's words only: a passage in marks is not a restatement of itself
            toks = word_tokens(b.text, s, e)
            if any(s < qe and qs < e for qs, qe in b.quoted):
                toks = [t for t in toks if not inside(b.quoted, starts, t[0])]
            stems = content_stems([t[2] for t in toks])
            sid = len(self.sentences)
            self.sentences.append((b.index, s, e, stems))
            for st in stems:
                self.postings[st].append(sid)

    def shared(self, base: int, words: list[str], speaker: str | None) -> str | None:
        """Why another base may carry the same statement, or None."""
        if len(words) < SHARED_NGRAM:
            if self.quoted.get(" ".join(words), base) != base:
                return "another base quotes the same words"
        elif self._shared_run(base, words):
            return "another base holds a run of the same words"
        last = surname(speaker)
        if last and self._same_speaker(base, words, last.lower()):
            return "another base quotes the speaker with the same content words"
        return None

    def _shared_run(self, base: int, words: list[str]) -> bool:
        n = SHARED_NGRAM
        hits = [j for j in range(len(words) - n + 1)
                if self.grams.get(" ".join(words[j:j + n]), base) != base]
        runs: list[list[int]] = []
        for j in hits:
            if runs and runs[-1][1] == j - 1:
                runs[-1][1] = j
            else:
                runs.append([j, j])
        for a, b in runs:
            run = words[a:b + n]
            if sum(map(is_content, run)) >= 2 and (len(run) >= SHARED_WORDS
                                                   or len(run) >= SHARED_FRACTION * len(words)):
                return True
        return False

    def _same_speaker(self, base: int, words: list[str], last: str) -> bool:
        mine = content_stems(words)
        if not mine:
            return False
        for other, stems in self.by_speaker.get(last, ()):
            if other == base:
                continue
            common = len(mine & stems)
            if (len(mine) == 1 and common == 1) or (common >= 2 and common >= SAME_SPEAKER_STEMS * len(mine)):
                return True
        return False

    def restating(self, words: list[str], share: float, least: int = 1) -> list[int]:
        """Sentences (ids) whose narrator words hold ``share`` of the passage's content stems, all
        of them when it has two or fewer, and never fewer than ``least``."""
        # stems in more than RESTATE_MAX_DF of all sentences ("said", "trump") tell nothing
        cap = RESTATE_MAX_DF * len(self.sentences)
        mine = frozenset(s for s in content_stems(words) if len(self.postings.get(s, ())) <= cap)
        if len(mine) < max(1, least):
            return []
        need = len(mine) if len(mine) <= 2 else max(least, math.ceil(share * len(mine)))
        # a sentence that holds `need` stems holds one of any len-need+1 of them: ask the rarest
        rare = sorted(mine, key=lambda s: (len(self.postings.get(s, ())), s))[: len(mine) - need + 1]
        found = set()
        for st in rare:
            found.update(self.postings.get(st, ()))
        return sorted(sid for sid in found if len(self.sentences[sid][3] & mine) >= need)


def _mark_repeats(base: Base) -> None:
    """A passage whose words the same base quotes again, alone or inside a longer passage
    (``“bad angels”`` … ``“… some of the bad angels …”``): a tracer may make one family of them,
    with either as the original, so neither copy can be scored."""
    seqs = [" " + " ".join(p.words) + " " for p in base.passages]
    for i, p in enumerate(base.passages):
        if any(j != i and seqs[i] in other for j, other in enumerate(seqs)):
            p.scored, p.reason = False, "the base quotes these words again"


def mark_overlaps(bases: list[Base]) -> Overlap:
    """Leave out of the answers what the bases share naturally, rather than guess its truth."""
    index = Overlap(bases)
    for b in bases:
        _mark_repeats(b)
        for p in b.passages:
            if not p.scored:
                continue
            why = index.shared(b.index, p.words, p.speaker)
            if why:
                p.scored, p.reason = False, why
                continue
            elsewhere = index.restating(p.words, ELSEWHERE_STEMS)
            p.single_source_ok = bool(content_stems(p.words)) and \
                all(index.sentences[sid][0] == b.index for sid in elsewhere)
            # two words in a sentence restate nothing a tracer would link
            for sid in index.restating(p.words, RESTATE_STEMS, RESTATE_MIN):
                bi, s, e, _ = index.sentences[sid]
                if not (bi == b.index and s <= p.start and p.end <= e):  # not its own sentence
                    bases[bi].risky.add((s, e))
        b.reported = [r for r in b.reported if not index.shared(b.index, r.words, r.speaker)]
    return index


# --- edits -------------------------------------------------------------------------------------------


@dataclass
class Block:
    """One paragraph of a derived article: a base paragraph (with splices), or new text."""

    base: Base | None
    para: int = -1
    text: str = ""
    splices: list[Splice] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Splice:
    """Replace ``base.text[start:end]`` with ``text``; ``spans`` name offsets inside ``text``."""

    start: int
    end: int
    text: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Edit:
    kind: str
    para: int
    splices: list[Splice]
    passages: set[str]                 # passage keys this edit changes (not carried unchanged)
    quotes: set[int]
    new: list[dict]                    # occurrences it creates, each with a "tag" naming a span
    relabel: dict[str, dict] = field(default_factory=dict)  # carried passages with another relation
    reported: str | None = None        # the reported clause it promotes
    region: tuple[int, int] = (0, 0)
    block: Block | None = None         # the new paragraph of an invented quote


def _tokens(base: Base, p: Passage) -> list[tuple[int, int, str]]:
    return word_tokens(base.text, p.start, p.end)


def _tail(text: str, p: Passage, last_end: int) -> str:
    """The punctuation a passage ends with inside its marks (``,`` of ``“…,” she said``)."""
    tail = text[last_end:p.end]
    return tail if not any(c.isalnum() for c in tail) else ""


def edit_excerpt(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    toks = _tokens(base, p)
    n = len(toks)
    if n < 6:
        return None
    length = rng.randint(3, max(3, int(0.7 * n)))
    # "…let's take out the." is no one's excerpt: the run ends on a content word
    starts = [i for i in range(n - length + 1) if is_content(toks[i + length - 1][2])]
    if not starts:
        return None
    i = rng.choice(starts)
    text = base.text
    inner = text[toks[i][0]:toks[i + length - 1][1]] + _tail(text, p, toks[-1][1])
    if i and text[p.start].isupper():
        inner = inner[0].upper() + inner[1:]
    tag = f"{p.key}:excerpt"
    return Edit("excerpt", p.para, [Splice(p.start, p.end, inner, {tag: (0, len(inner))})], {p.key},
                {p.quote}, [_occ(tag, "excerpt", p, f"cut to words {i + 1}-{i + length} of {n}")],
                region=(p.start, p.end))


#: Real words an altered quote takes in place of one of its own, by the shape of the word replaced.
SUBSTITUTES = {
    "ing": "building fighting winning helping running moving working making losing changing saving "
           "hurting leading paying".split(),
    "ed": "handled changed decided promised delivered blocked approved rejected ignored supported "
          "created destroyed wanted needed".split(),
    "ly": "clearly really simply certainly truly frankly honestly totally deeply openly".split(),
    "s": "voters leaders families workers problems policies results promises taxes jobs rules "
         "markets borders schools numbers reforms".split(),
    "": "country plan deal people system party economy campaign government problem issue future "
        "record message strong weak great terrible important serious unfair dangerous simple "
        "difficult good bad huge small wrong right".split(),
}
#: Words an altered quote gains in the middle.
INSERTS = "really very clearly simply certainly truly just absolutely totally frankly".split()


#: Near-synonyms for words quotes often hold: the kind of change a hurried rewrite makes.
SYNONYMS = {
    "good": "great", "great": "good", "big": "huge", "huge": "big", "important": "crucial",
    "well": "much", "bad": "terrible", "terrible": "awful", "people": "folks", "country": "nation",
    "nation": "country", "want": "need", "need": "want", "think": "believe", "believe": "think",
    "know": "think", "help": "support", "support": "help", "fight": "battle", "win": "prevail",
    "strong": "tough", "tough": "strong", "real": "true", "true": "real", "clear": "obvious",
    "problem": "issue", "issue": "problem", "wrong": "mistaken", "change": "reform", "plan": "proposal",
    "deal": "agreement", "job": "work", "jobs": "positions", "money": "cash", "war": "conflict",
    "said": "stated", "going": "about", "make": "create", "made": "created", "get": "obtain",
    "president": "leader", "campaign": "race", "election": "vote", "voters": "people",
    "americans": "citizens", "states": "nations", "government": "administration",
}


def _substitute(word: str, rng: random.Random) -> str:
    low = word.lower()
    if low in SYNONYMS:
        return _same_case(word, SYNONYMS[low])
    shape = next((k for k in ("ing", "ed", "ly") if low.endswith(k)), "")
    if not shape and low.endswith("s") and not low.endswith("ss"):
        shape = "s"
    return _same_case(word, rng.choice([w for w in SUBSTITUTES[shape] if w != low]))


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word.capitalize() if model[0].isupper() else word


def edit_altered(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    toks = _tokens(base, p)
    n = len(toks)
    if n < 4:
        return None
    text = base.text
    inner_ids = [j for j in range(1, n - 1) if is_content(toks[j][2]) and toks[j][2].isalpha()]
    deletable = [j for j in range(1, n - 1) if text[toks[j][1]:toks[j + 1][0]] == " "]
    ops = ["insert"] + (["substitute"] * 2 if inner_ids else []) + (["delete"] if n >= 5 and deletable else [])
    op = rng.choice(ops)
    pieces: list[tuple[int, int, str]] = []  # (start, end, replacement) in base offsets
    if op == "substitute":
        picked = sorted(rng.sample(inner_ids, 2 if len(inner_ids) >= 2 and rng.random() < 0.35 else 1))
        subs = [(toks[j][0], toks[j][1], _substitute(text[toks[j][0]:toks[j][1]], rng)) for j in picked]
        pieces = subs
        what = "; ".join(f"substituted {text[s:e]!r} with {w!r}" for s, e, w in subs)
    elif op == "insert":
        j = rng.randint(1, n - 1)
        word = rng.choice(INSERTS)
        pieces = [(toks[j][0], toks[j][0], word + " ")]
        what = f"inserted {word!r} before word {j + 1} of {n}"
    else:
        j = rng.choice(deletable)
        pieces = [(toks[j][0], toks[j + 1][0], "")]
        what = f"deleted {text[toks[j][0]:toks[j][1]]!r} (word {j + 1} of {n})"
    inner, cur = [], p.start
    for s, e, w in pieces:
        inner += [text[cur:s], w]
        cur = e
    inner.append(text[cur:p.end])
    new = "".join(inner)
    if words_of(new) == p.words:
        return None  # a substitute that only changed case
    tag = f"{p.key}:altered"
    return Edit("altered", p.para, [Splice(p.start, p.end, new, {tag: (0, len(new))})], {p.key},
                {p.quote}, [_occ(tag, "altered", p, what)], region=(p.start, p.end))


def _free_word(base: Base, s: int, e: int) -> bool:
    """A narrator's word: not the speaker, not the cue, not inside another passage."""
    if not any(c.isalpha() for c in base.text[s:e]):
        return False
    return not any(a < e and s < b for a, b in base.protected) and \
        not any(a < e and s < b for a, b in base.quoted)


def outside_words(base: Base, p: Passage) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Up to three narrator words just before the opening mark and just after the closing one,
    in the same clause (single spaces only between them), nearest first."""
    text = base.text
    ps, pe = base.paras[p.para]
    before: list[tuple[int, int]] = []
    if p.start - 1 > ps and text[p.start - 1] in OPEN_MARKS:
        pos = p.start - 1
        while len(before) < 3 and pos - 1 > ps and text[pos - 1] == " ":
            m = re.search(r"[\w'’-]+\Z", text[ps:pos - 1])
            if not m:
                break
            s, e = ps + m.start(), pos - 1
            if not _free_word(base, s, e):
                break
            before.append((s, e))
            pos = s
    after: list[tuple[int, int]] = []
    if p.end < pe and text[p.end] in CLOSE_MARKS and text[p.end - 1].isalnum():
        pos = p.end + 1
        while len(after) < 3 and pos < pe and text[pos] == " ":
            m = re.match(r"[\w'’-]+", text[pos + 1:pe])
            if not m:
                break
            s, e = pos + 1, pos + 1 + m.end()
            if not _free_word(base, s, e):
                break
            after.append((s, e))
            pos = e
    return before, after


def edit_expanded(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    before, after = outside_words(base, p)
    sides = (["before"] if before else []) + (["after"] if after else [])
    if not sides:
        return None
    text = base.text
    tag = f"{p.key}:expanded"
    if rng.choice(sides) == "before":
        k = rng.randint(1, len(before))
        s = before[k - 1][0]
        moved = text[s:p.start - 2]
        new = text[p.start - 1] + text[s:p.start - 1] + text[p.start:p.end]
        sp = Splice(s, p.end, new, {tag: (1, len(new))})
        what = f"moved {moved!r} inside the opening mark"
    else:
        k = rng.randint(1, len(after))
        e = after[k - 1][1]
        moved = text[p.end + 2:e]
        new = text[p.start:p.end] + text[p.end + 1:e] + text[p.end]
        sp = Splice(p.start, e, new, {tag: (0, len(new) - 1)})
        what = f"moved {moved!r} inside the closing mark"
    return Edit("expanded", p.para, [sp], {p.key}, {p.quote}, [_occ(tag, "expanded", p, what)],
                region=(sp.start, sp.end))


def _lower_first(words: str) -> str:
    """``We will`` → ``we will`` when the first word is a function word (never ``I``)."""
    first = WORD_RE.match(words)
    if first and norm(first.group()) in STOPWORDS and not first.group().startswith("I"):
        return words[0].lower() + words[1:]
    return words


def edit_paraphrase(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    """Drop the marks, the words kept: ``Smith said the plan was a disaster``."""
    if len(p.words) < 6:
        return None
    q, text = base.quotes[p.quote], base.text
    tag = f"{p.key}:paraphrase"
    if text[p.start - 1] not in OPEN_MARKS or p.end >= len(text) or text[p.end] not in CLOSE_MARKS:
        return None
    if q.kind == "mixed":
        new = text[p.start:p.end]
        sp = Splice(p.start - 1, p.end + 1, new, {tag: (0, len(new))})
        what = "dropped the marks"
    elif q.kind == "direct" and len(q.quoted) == 1 and q.speaker and q.cue:
        if re.search(r"[.!?][\"”’)]*\s+\S", text[p.start:p.end]):
            return None  # "Henry said I know. I know." reads as nobody's report
        sp = _said_first(base, q, p, tag) or _said_before(base, q, p, tag)
        if sp is None:
            return None
        what = "dropped the marks; reported as 'X said …'"
    else:
        return None
    if any(o.quote != p.quote and sp.start < o.end and o.start < sp.end for o in base.passages):
        return None
    if q.speaker and (followed_by_dependent(base, q.speaker.start, q.speaker.name, same=True)
                      or _shares_mention(base, p.quote)):
        return None  # a quote become reported speech may stop lending "he said" its speaker
    return Edit("paraphrase", p.para, [sp], {p.key}, {p.quote}, [_occ(tag, "paraphrase", p, what)],
                region=(sp.start, sp.end))


def _shares_mention(base: Base, qi: int) -> bool:
    """Whether another quote hangs on this quote's attribution (the paragraphs of a long quotation
    after ``Viguerie said``)."""
    spk = base.quotes[qi].speaker
    return any(i != qi and o.speaker and (o.speaker.start, o.speaker.end) == (spk.start, spk.end)
               for i, o in enumerate(base.quotes))


def _said_first(base: Base, q: Quote, p: Passage, tag: str) -> Splice | None:
    """``“We will win,” Smith said on Tuesday.`` → ``Smith said we will win.``"""
    text = base.text
    ps, pe = base.paras[p.para]
    lead = text[ps:p.start - 1].rstrip()
    if lead and not re.search(r"[.!?][\"”’)]*\Z", lead):
        return None
    if not text[p.start:p.end].endswith(",") or text[p.end + 1:p.end + 2] != " ":
        return None
    spk, cue = q.speaker, q.cue
    first, second = sorted([(spk.start, spk.end), (cue.start, cue.end)])
    if first[0] != p.end + 2 or second[0] != first[1] + 1:
        return None
    m = re.match(r"[\w ,'’-]{0,60}?\.(?=\s|\Z)", text[second[1]:pe])
    if not m:
        return None
    mention = text[spk.start:spk.end]
    mention = mention[0].upper() + mention[1:]
    words = _lower_first(text[p.start:p.end].rstrip(",").rstrip())
    new = f"{mention} said {words}."
    at = len(mention) + len(" said ")
    return Splice(p.start - 1, second[1] + m.end(), new, {tag: (at, at + len(words))})


def _said_before(base: Base, q: Quote, p: Passage, tag: str) -> Splice | None:
    """``Smith said: “We will win.”`` → ``Smith said we will win.``; ``describes that “A…”`` →
    ``describes that a…``: the cue ends right before the quotation."""
    text = base.text
    spk, cue = q.speaker, q.cue
    sep = text[cue.end:p.start - 1]
    if spk.end > cue.start or sep not in (" ", ", ", ": ", " that "):
        return None
    lead = " that " if sep == " that " else " "
    words = _lower_first(text[p.start:p.end])
    return Splice(cue.end, p.end + 1, lead + words, {tag: (len(lead), len(lead) + len(words))})


def _occ(tag: str, relation: str, p: Passage, edit: str) -> dict:
    return {"tag": tag, "relation": relation, "family": p.key, "source": p.key,
            "speaker": p.speaker, "given_to": None, "edit": edit}


#: Full names for a quote handed to someone else when no other base offers one.
FALLBACK_PERSONS = ("Dana Whitfield", "Marcus Hale", "Priya Ramanathan", "Owen Castellano",
                    "Greta Lindqvist", "Samuel Okafor", "Lena Moravec", "Victor Almeida")
FALLBACK_ORGS = ("Halvorsen Institute", "Civic Futures Fund", "Bellmont Policy Group",
                 "Aldridge Foundation")


def edit_misattributed(base: Base, qi: int, rng: random.Random, pools: dict[str, list[str]]) -> Edit | None:
    """Replace the speaker's name in the mention with another full name of a different surname."""
    spk = base.quotes[qi].speaker
    mention = spk.mention
    last = surname(spk.name)
    at = mention.find(spk.name)
    old = spk.name
    if at < 0:
        hits = word_at(mention, last)
        if not hits:
            return None
        at, old = hits[-1], last
    s, e = spk.start + at, spk.start + at + len(old)
    if any(s <= a < e for a in base.anchors):
        return None  # a later "he said" leans on this very name
    if followed_by_dependent(base, e, spk.name, same=True):
        return None  # the resolver would give a following "he said" to the new speaker too
    sharing = [i for i, o in enumerate(base.quotes)
               if o.speaker and (o.speaker.start, o.speaker.end) == (spk.start, spk.end)]
    if any(r.quote in sharing for r in base.reported):
        return None  # a sibling may promote reported speech credited to this mention
    given = _other_speaker(base, spk.name, spk.type, rng, pools)
    affected = [p for p in base.passages if p.quote in sharing]
    if not given or not any(p.scored for p in affected):
        return None
    what = f"gave the quote to {given} (was {spk.name})"
    relabel = {p.key: {"relation": "misattributed", "given_to": given, "edit": what}
               for p in affected}
    return Edit("misattributed", base.para_of(s), [Splice(s, e, given)], {p.key for p in affected},
                set(sharing), [], relabel=relabel, region=(s, e))


def _other_speaker(base: Base, name: str, stype: str, rng: random.Random,
                   pools: dict[str, list[str]]) -> str | None:
    pool = pools.get(stype, [])
    last = (surname(name) or "").lower()

    def fits(other: str) -> bool:
        o_last = surname(other)
        return bool(o_last) and o_last.lower() != last and o_last not in base.words \
            and other not in base.text
    for _ in range(12):
        if not pool:
            break
        other = rng.choice(pool)
        if fits(other):
            return other
    fallback = [n for n in (FALLBACK_PERSONS if stype == "person" else FALLBACK_ORGS) if fits(n)]
    return rng.choice(fallback) if fallback else None


def edit_promoted(base: Base, r: Reported, rng: random.Random) -> Edit | None:
    """``Smith said that the plan failed.`` → ``“The plan failed,” Smith said.``"""
    text = base.text
    s, e = r.sentence
    if any(c in text[s:e] for c in "“”\""):
        return None
    if any(s < o.end and o.start < e for i, o in enumerate(base.quotes) if i != r.quote):
        return None
    if text[base.paras[r.para][0]:s].rstrip().rstrip(".,!?").endswith(tuple(CLOSE_MARKS + "’")):
        return None  # right after a quotation, the new one would read as its second part
    if followed_by_dependent(base, s, r.speaker, same=False):
        return None  # a new direct quote may lend someone else's "he said" its speaker
    last = surname(r.speaker)
    own = set(word_at(text, last, s, e)) if last else set()
    if any(s <= a < e and a not in own for a in base.anchors):
        return None  # the sentence names someone a later "he said" leans on
    words = text[r.start:r.end]
    words = words[0].upper() + words[1:]
    o, c = ("“", "”") if base.style == "curly" else ('"', '"')
    new = f"{o}{words},{c} {_credit(base.quotes[r.quote])} said."
    tag = f"{r.key}:promoted"
    occ = {"tag": tag, "relation": "unsupported", "family": r.key, "source": r.key,
           "speaker": r.speaker, "given_to": None, "edit": "promoted reported speech into a quote"}
    return Edit("promoted", r.para, [Splice(s, e, new, {tag: (1, 2 + len(words))})], set(), {r.quote},
                [occ], reported=r.key, region=(s, e))


def _credit(q: Quote) -> str:
    """How a new attribution names the speaker: by the resolved name, never the mention, which
    may be ``he`` or run on (``Ryan, a policy-focused conservative``)."""
    spk = q.speaker
    return spk.name


# --- invented quotes -------------------------------------------------------------------------------

#: Templates of function words (all in STOPWORDS) around slots for coined words: A adjective,
#: N noun, V verb, P place. Only the coined words are content, and no article holds them.
TEMPLATES = (
    "The {A} {N} is not {A}, and we will {V} it",
    "This is the most {A} {N} in {P}",
    "They have to {V} the {N} before it is too {A}",
    "What they did to {P} was {A}, and it was {A}",
    "We will not {V} the {A} {N} again",
    "If we do not {V} the {N}, {P} will",
    "There is no {N} more {A} than the {N} of {P}",
    "It was a {A} {N} for all of us",
    "Nobody should {V} our {N} in {P}",
    "Everyone here will {V} the {N}, and it is {A}",
)
_ONSETS = "b br c cl d dr f fl g gr h k l m n p pl pr r s sk st t tr v z".split()
_VOWELS = "a e i o u ai ea oo".split()
_CODAS = ["", "n", "r", "l", "s", "m", "nd", "rk", "st", "x"]
_SUFFIX = {"A": "ous ive ic al ish".split(), "N": "ment ance ism ery ity age".split(),
           "V": "ize ate ify".split(), "P": "ia land stan burg ova".split()}


class Coiner:
    """Coined words that no article holds and no other invented quote repeats."""

    def __init__(self, taken: set[str]):
        self.taken = set(taken)

    def word(self, slot: str, rng: random.Random) -> str:
        while True:
            stem_ = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                            for _ in range(rng.randint(1, 2)))
            word = stem_ + rng.choice(_SUFFIX[slot])
            if word not in self.taken:
                self.taken.add(word)
                return word.capitalize() if slot == "P" else word

    def sentence(self, rng: random.Random) -> str:
        template = rng.choice(TEMPLATES)
        return re.sub(r"\{([ANVP])\}", lambda m: self.word(m.group(1), rng), template)


# --- derived articles ------------------------------------------------------------------------------


def _map(splices: list[Splice], ps: int, pos: int, end_side: bool) -> int:
    """A base offset in the rebuilt paragraph; inside a splice, the splice's edge."""
    shift = 0
    for sp in splices:
        if sp.end <= pos:
            shift += len(sp.text) - (sp.end - sp.start)
        elif sp.start < pos:
            return sp.start - ps + shift + (len(sp.text) if end_side else 0)
    return pos - ps + shift


def render_block(block: Block, track: dict[str, tuple[int, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The block's text, and offsets in it of every splice span and every tracked base span."""
    if block.base is None:
        return block.text, dict(block.spans)
    text = block.base.text
    ps, pe = block.base.paras[block.para]
    splices = sorted(block.splices, key=lambda sp: sp.start)
    out, cur, size, spans = [], ps, 0, {}
    for sp in splices:
        out += [text[cur:sp.start], sp.text]
        size += sp.start - cur
        for tag, (a, b) in sp.spans.items():
            spans[tag] = (size + a, size + b)
        size += len(sp.text)
        cur = sp.end
    out.append(text[cur:pe])
    for tag, (s, e) in track.items():
        a, b = _map(splices, ps, s, False), _map(splices, ps, e, True)
        if a < b:
            spans[tag] = (a, b)
    return "".join(out), spans


def flip_style(text: str, to: str) -> str:
    """Curly double marks to straight or back, one character for one, so every offset stays."""
    # double marks only: a single mark and an apostrophe look alike once straight
    if to == "straight":
        return text.translate({ord("“"): '"', ord("”"): '"'})
    return _STRAIGHT.sub(lambda m: "“" if m.start() == 0 or text[m.start() - 1].isspace()
                         or text[m.start() - 1] in "([{—–" else "”", text)


_STRAIGHT = re.compile('"')


#: Outlets of the derived articles: invented names, so no real outlet is credited with an edit.
OUTLETS = ("The Daily Ledger", "Capitol Wire", "Morning Dispatch", "Riverside Courier",
           "The National Bulletin", "Frontline Digest", "Metro Herald", "The Evening Sentinel",
           "Civic Report", "Northern Gazette")


@dataclass
class Derived:
    """A derived article and what its family needs to answer for it."""

    article: Article
    occurrences: list[dict]
    unscored: list[dict]
    indirect: dict[int, tuple[int, int]]      # reported speech of the base it carries, by quote
    reported: dict[str, tuple[int, int]]      # promotable clauses it carries unchanged
    promoted: dict[str, tuple[int, int]]      # clauses it turned into quotes: the new quote's span
    sources: list[tuple[str, str]]
    edits: list[str]


class Generator:
    """Derived articles of one base after another, the edit kinds balanced across the corpus."""

    def __init__(self, bases: list[Base], overlap: Overlap, seed: int):
        self.bases = bases
        self.seed = seed
        self.tally: collections.Counter = collections.Counter({k: 0 for k in EDIT_KINDS})
        self.coiner = Coiner(overlap.vocab | {w for ws in SUBSTITUTES.values() for w in ws}
                             | set(SYNONYMS.values()) | set(INSERTS))
        self.pools = self._pools()
        self.copyable = [b for b in bases if b.narrator]

    def _pools(self) -> dict[str, list[str]]:
        """Full names the bases credit, to hand a quote to someone real."""
        pools: dict[str, set[str]] = {"person": set(), "organization": set()}
        for b in self.bases:
            for q in b.quotes:
                spk = q.speaker
                if not spk or spk.type not in pools:
                    continue
                if full_name(spk.name) if spk.type == "person" else org_name(spk.name):
                    pools[spk.type].add(spk.name)
        return {k: sorted(v) for k, v in pools.items()}

    def rng(self, key: str) -> random.Random:
        # a generator per article: one family's choices never shift another's
        return random.Random(f"{self.seed}|{key}")

    def withheld(self, base: Base) -> set[int]:
        """Quote-bearing paragraphs no derived article carries, so some base quotes stay alone."""
        rng = self.rng(base.id + "|withheld")
        holding = sorted({p.para for p in base.passages if p.scored})
        return {i for i in holding if i and i not in base.anchor_paras and rng.random() < WITHHOLD}

    def candidates(self, base: Base) -> dict[str, list]:
        """What each kind of edit may work on in this base. The checks that do not depend on
        chance run once here, not once for every derived article."""
        named = [p for p in base.passages if p.scored and p.editable]
        quotes = sorted({p.quote for p in named})
        probe = random.Random(0)
        return {
            "excerpt": [p for p in named if len(p.words) >= 6],
            "altered": [p for p in named if len(p.words) >= 4],
            "expanded": [p for p in named if any(outside_words(base, p))],
            "paraphrase": [p for p in named if edit_paraphrase(base, p, probe)],
            "misattributed": [qi for qi in quotes if edit_misattributed(base, qi, probe, self.pools)],
            "promoted": [r for r in base.reported if edit_promoted(base, r, probe)],
            "invented": [None] if base.persons else [],
        }

    def family(self, base: Base, n_derived: int) -> list[Derived]:
        withheld = self.withheld(base)
        cands = self.candidates(base)
        promoted: set[str] = set()  # a clause promoted twice would support itself
        return [self.derive(base, f"{base.id}~d{k}", withheld, cands, promoted)
                for k in range(1, n_derived + 1)]

    def derive(self, base: Base, did: str, withheld: set[int], cands: dict[str, list],
               promoted: set[str]) -> Derived:
        rng = self.rng(did)
        n_paras = len(base.paras)
        kept = [i for i in range(n_paras) if i not in withheld]
        droppable = [i for i in kept if i and i not in base.anchor_paras]
        if droppable and rng.random() < DROP:
            for i in rng.sample(droppable, min(len(droppable), rng.randint(1, 2))):
                kept.remove(i)
        edits = self.choose_edits(base, set(kept), cands, promoted, rng)
        # paragraphs go in only where no "he said" would change hands
        gaps = [g for g in range(1, n_paras + 1) if g not in base.blocked]
        inserts: list[tuple[int, Block]] = []
        sources = [(base.id, "base")]
        edited = {e.para for e in edits}
        movable = [i for i in kept if i in base.narrator and i not in edited]
        if movable and rng.random() < MOVE:
            m = rng.choice(movable)
            targets = [g for g in gaps if g not in (m, m + 1)]
            if targets:
                kept.remove(m)
                inserts.append((rng.choice(targets), Block(base, m)))
        # a derived article copies only from articles published no later than its base, so that it
        # can be dated after every article it draws on
        others = [b for b in self.copyable if b is not base
                  and (_iso(b.article.date) or datetime.date.min) <= (_iso(base.article.date) or datetime.date.max)]
        if others and gaps and rng.random() < COPY_NARRATOR:
            second = rng.choice(others)
            for para in rng.sample(second.narrator, min(len(second.narrator), rng.randint(1, 2))):
                inserts.append((rng.choice(gaps), Block(second, para)))
            sources.append((second.id, "narrator"))
        for e in edits:
            if e.block is not None:
                inserts.append((rng.choice(gaps) if gaps else n_paras, e.block))
        return self.assemble(base, did, kept, inserts, edits, sources, rng)

    def choose_edits(self, base: Base, kept: set[int], cands: dict[str, list], promoted: set[str],
                     rng: random.Random) -> list[Edit]:
        """A handful of edits, the kind planted least so far first, on distinct quotes and text."""
        queues = {k: rng.sample(v, len(v)) for k, v in cands.items()}
        edits: list[Edit] = []
        want = rng.randint(*EDITS_PER_ARTICLE)
        while len(edits) < want:
            made = None
            for kind in sorted(EDIT_KINDS, key=lambda k: (self.tally[k], rng.random())):
                made = self._next_edit(base, kind, queues[kind], edits, kept, promoted, rng)
                if made:
                    break
            if not made:
                break
            edits.append(made)
            self.tally[made.kind] += 1
            if made.reported:
                promoted.add(made.reported)
        return edits

    def _next_edit(self, base: Base, kind: str, queue: list, edits: list[Edit], kept: set[int],
                   promoted: set[str], rng: random.Random) -> Edit | None:
        for _ in range(4):
            if not queue:
                return None
            target = queue.pop()
            if kind == "invented":
                return self.invent(base, rng)
            edit = self.build_edit(base, kind, target, rng)
            if edit and self.fits(edit, edits, kept, promoted):
                return edit
        return None

    def build_edit(self, base: Base, kind: str, target, rng: random.Random) -> Edit | None:
        if kind == "misattributed":
            return edit_misattributed(base, target, rng, self.pools)
        build = {"excerpt": edit_excerpt, "altered": edit_altered, "expanded": edit_expanded,
                 "paraphrase": edit_paraphrase, "promoted": edit_promoted}[kind]
        return build(base, target, rng)

    @staticmethod
    def fits(edit: Edit, edits: list[Edit], kept: set[int], promoted: set[str]) -> bool:
        if edit.para not in kept or (edit.reported and edit.reported in promoted):
            return False
        for other in edits:
            if other.block is not None:
                continue
            if edit.passages & other.passages or edit.quotes & other.quotes:
                return False
            (a, b), (c, d) = edit.region, other.region
            if a < d and c < b:
                return False
        return True

    def invent(self, base: Base, rng: random.Random) -> Edit:
        name = rng.choice(base.persons)
        words = self.coiner.sentence(rng)
        o, c = ("“", "”") if base.style == "curly" else ('"', '"')
        block = Block(None, text=f"{o}{words},{c} {name} said.", spans={"invented": (1, 2 + len(words))})
        occ = {"tag": "invented", "relation": "single-source", "family": None, "source": None,
               "speaker": name, "given_to": None, "edit": "invented a quote"}
        return Edit("invented", -1, [], set(), set(), [occ], block=block)

    def assemble(self, base: Base, did: str, kept: list[int], inserts: list[tuple[int, Block]],
                 edits: list[Edit], sources: list[tuple[str, str]], rng: random.Random) -> Derived:
        date = self.derived_date(base, rng)
        blocks = {i: Block(base, i) for i in kept}
        for e in edits:
            if e.block is None:
                blocks[e.para].splices += e.splices
        if base.date_line and 0 in blocks:
            word, at, end = base.date_line
            blocks[0].splices.append(Splice(at, at + 10, date) if date else Splice(word, end, ""))
        order: list[Block] = []
        for i in range(len(base.paras) + 1):
            order += [b for g, b in inserts if g == i]
            if i in blocks:
                order.append(blocks[i])
        # passages an edit rewrites are not carried; a misattributed one is, under a new label
        changed = {k for e in edits for k in e.passages if k not in e.relabel}
        text, spans = self.render(base, order, changed)
        # an article that mixes straight and curly marks would pair them wrongly once flipped
        flipped = rng.random() < FLIP_STYLE and base.mono_style
        if flipped:
            text = flip_style(text, "straight" if base.style == "curly" else "curly")
        article = Article(id=did, text=text, date=date, outlet=rng.choice(OUTLETS))
        return self.collect(base, article, spans, edits, sources, flipped)

    def derived_date(self, base: Base, rng: random.Random) -> str | None:
        if rng.random() < UNDATED:
            return None
        return (_iso(base.article.date) + datetime.timedelta(days=rng.randint(1, MAX_DELAY_DAYS))).isoformat()

    @staticmethod
    def render(base: Base, order: list[Block], changed: set[str]) -> tuple[str, dict[str, tuple[int, int]]]:
        """Join the blocks; every tracked span in offsets of the derived article."""
        texts, spans, offset = [], {}, 0
        for block in order:
            track: dict[str, tuple[int, int]] = {}
            b = block.base
            if b is not None:
                own, risky = b.tracked(block.para)
                if b is base:
                    track.update({k: v for k, v in own.items() if k not in changed})
                track.update(risky)
            text, local = render_block(block, track)
            spans.update({tag: (offset + a, offset + z) for tag, (a, z) in local.items()})
            texts.append(text)
            offset += len(text) + len(base.sep)
        tail = "\n" if base.text.endswith("\n") else ""
        return base.sep.join(texts) + tail, spans

    @staticmethod
    def collect(base: Base, article: Article, spans: dict[str, tuple[int, int]], edits: list[Edit],
                sources: list[tuple[str, str]], flipped: bool) -> Derived:
        """The occurrences a derived article carries: its passages, changed or not, and new ones."""
        occurrences, unscored = [], []
        relabel = {k: v for e in edits for k, v in e.relabel.items()}
        carried = "carried" + (" (quotation-mark style changed)" if flipped else "")
        for p in base.passages:
            if p.key not in spans:
                continue
            s, e = spans[p.key]
            if not p.scored:
                unscored.append(_unscored(article, s, e, p.reason, p.key))
                continue
            label = relabel.get(p.key, {"relation": "verbatim", "given_to": None, "edit": carried})
            occurrences.append(_occurrence(article, s, e, family=p.key, source=p.key,
                                           speaker=p.speaker, **label))
        for e in edits:
            for occ in e.new:
                s, z = spans[occ["tag"]]
                fields = {k: v for k, v in occ.items() if k != "tag"}
                if e.kind == "invented":
                    fields["family"] = fields["source"] = f"{article.id}/i1"
                occurrences.append(_occurrence(article, s, z, **fields))
        for tag, (s, e) in spans.items():
            if tag.startswith("risky/"):
                unscored.append(_unscored(article, s, e, "narrator text that may restate a quote", None))
        # a passage in marks that no answer covers is one the extractor gives to no one (a title,
        # a scare quote, a headline): whether a tracer should link it is not known here
        answered = sorted((a["start"], a["end"]) for a in occurrences + unscored)
        for m in detect_marks(article.text):
            for piece in m.pieces:
                if not any(a < piece.end and piece.start < b for a, b in answered):
                    unscored.append(_unscored(article, piece.start, piece.end,
                                              "a passage in marks that its article gives to no one", None))
        touched = [e.region for e in edits]
        reported = {r.key: spans[r.key] for r in base.reported if r.key in spans
                    and not any(a < r.end and r.start < b for a, b in touched)}
        indirect = {int(t.split("/")[1]): v for t, v in spans.items() if t.startswith("indirect/")}
        promoted = {e.reported: spans[e.new[0]["tag"]] for e in edits if e.reported}
        return Derived(article, occurrences, unscored, indirect, reported, promoted, sources,
                       [e.kind for e in edits])


def _occurrence(article: Article, start: int, end: int, *, relation: str, family: str,
                source: str | None, speaker: str | None, given_to: str | None, edit: str) -> dict:
    # "source" holds a family key until the family is complete; complete_family resolves it
    return {"kind": "occurrence", "article": article.id, "start": start, "end": end,
            "text": article.text[start:end], "relation": relation, "family": family,
            "source": source, "speaker": speaker, "given_to": given_to, "edit": edit}


def _unscored(article: Article, s: int, e: int, reason: str | None, family: str | None) -> dict:
    return {"kind": "unscored", "article": article.id, "start": s, "end": e,
            "text": article.text[s:e], "reason": reason, "family": family}


# --- a family's answers ----------------------------------------------------------------------------


def complete_family(base: Base, derived: list[Derived]) -> list[dict]:
    """Answers for a base and its derived articles, now that all of them are known: whether a base
    quote is the original or stands alone, and where promoted speech is paraphrased."""
    carried = collections.Counter(o["family"] for d in derived for o in d.occurrences)
    promoted = {key: (d.article.id, s, e) for d in derived for key, (s, e) in d.promoted.items()}
    # where each family's original is: the base passage, or for promoted speech the unsupported
    # quote (its only quotation); an unsupported quote's own source is the speech it was made from
    where = {p.key: (base.id, p.start, p.end) for p in base.passages} | promoted
    evidence = {r.key: (base.id, r.start, r.end) for r in base.reported}
    out = _ordered(_base_answers(base, carried, promoted), where, evidence)
    promoted_quotes = {r.quote for r in base.reported if r.key in promoted}
    speakers = {r.key: r.speaker for r in base.reported}
    for d in derived:
        answers = list(d.occurrences) + list(d.unscored)
        for key, (s, e) in d.reported.items():
            if key in promoted and promoted[key][0] != d.article.id:
                answers.append(_occurrence(d.article, s, e, relation="paraphrase", family=key,
                                           source=key, speaker=speakers[key], given_to=None,
                                           edit="carried the reported speech a sibling promoted"))
        for qi, (s, e) in d.indirect.items():
            if qi not in promoted_quotes:
                answers.append(_unscored(d.article, s, e, "reported speech: whether it restates "
                                         "a quote is not known", None))
        out += _ordered(answers, where, evidence)
        out += [{"kind": "derivation", "article": d.article.id, "source": src, "via": via}
                for src, via in d.sources]
    return out


def _base_answers(base: Base, carried: collections.Counter, promoted: dict) -> list[dict]:
    art, answers = base.article, []
    for p in base.passages:
        if not p.scored:
            answers.append(_unscored(art, p.start, p.end, p.reason, p.key))
        elif carried[p.key]:
            answers.append(_occurrence(art, p.start, p.end, relation="original", family=p.key,
                                       source=p.key, speaker=p.speaker, given_to=None, edit="base"))
        elif p.single_source_ok:
            answers.append(_occurrence(art, p.start, p.end, relation="single-source", family=p.key,
                                       source=p.key, speaker=p.speaker, given_to=None,
                                       edit="base; no derived article carries it"))
        else:
            answers.append(_unscored(art, p.start, p.end, "no derived article carries it, and "
                                     "another base may report it in other words", p.key))
    for r in base.reported:
        if r.key in promoted:
            answers.append(_occurrence(art, r.start, r.end, relation="paraphrase", family=r.key,
                                       source=r.key, speaker=r.speaker, given_to=None,
                                       edit="base; the reported speech a derived article promoted"))
    return answers


def _ordered(answers: list[dict], where: dict[str, tuple[str, int, int]],
             evidence: dict[str, tuple[str, int, int]]) -> list[dict]:
    """Answers in text order, each occurrence's source key turned into the source's place."""
    out = []
    for a in sorted(answers, key=lambda a: (a["start"], a["end"], a["kind"])):
        if a["kind"] == "occurrence":
            key = a["source"]
            src = (evidence if a["relation"] == "unsupported" else where).get(key) if key else None
            src = src or (a["article"], a["start"], a["end"])
            a = {**a, "source_article": src[0], "source_start": src[1], "source_end": src[2]}
            a = {k: a[k] for k in ANSWER_FIELDS}
        out.append(a)
    return out


#: The fields of an occurrence answer, in the order they are written.
ANSWER_FIELDS = ("kind", "article", "start", "end", "text", "relation", "family", "source_article",
                 "source_start", "source_end", "speaker", "given_to", "edit")


# --- the corpus ------------------------------------------------------------------------------------


def choose_bases(bases: list[Article], n_articles: int, seed: int) -> list[Article]:
    """About one base for every ARTICLES_PER_BASE articles, drawn with the seed, in id order."""
    pool = sorted(bases, key=lambda a: a.id)
    random.Random(f"{seed}|bases").shuffle(pool)
    n_bases = min(len(pool), n_articles, max(1, round(n_articles / ARTICLES_PER_BASE)))
    return sorted(pool[:n_bases], key=lambda a: a.id)


def date_bases(bases: list[Article]) -> tuple[list[Article], dict[str, str]]:
    """Give undated bases the most common date of the others (2020-01-01 when none has one): a
    base must be the earliest of its family, and an undated one would lose to its derived
    articles' dates."""
    dated = [a.date for a in bases if _iso(a.date)]
    fill = collections.Counter(dated).most_common(1)[0][0] if dated else "2020-01-01"
    assigned = {a.id: fill for a in bases if not _iso(a.date)}
    return [attrs.evolve(a, date=assigned.get(a.id, a.date)) for a in bases], assigned


def generate(bases: list[Article], n_articles: int, seed: int) -> tuple[list[Article], list[dict]]:
    """``n_articles`` articles (real bases and articles derived from them) and their answers."""
    corpus, _ = _generate(bases, n_articles, seed)
    return corpus["articles"], corpus["answers"]


def _generate(bases: list[Article], n_articles: int, seed: int) -> tuple[dict, dict]:
    if n_articles < 1 or not bases:
        raise ValueError("need at least one base and one article")
    chosen, assigned = date_bases(choose_bases(bases, n_articles, seed))
    analysed = [analyze_base(a, i) for i, a in enumerate(chosen)]
    gen = Generator(analysed, mark_overlaps(analysed), seed)
    n_derived = n_articles - len(analysed)
    articles: list[Article] = []
    answers: list[dict] = []
    edits: collections.Counter = collections.Counter()
    for i, base in enumerate(analysed):
        k = n_derived // len(analysed) + (1 if i < n_derived % len(analysed) else 0)
        derived = gen.family(base, k)
        articles.append(base.article)
        articles += [d.article for d in derived]
        answers += complete_family(base, derived)
        edits.update(kind for d in derived for kind in d.edits)
    base_ids = {b.id for b in analysed}
    info = {"assigned_dates": assigned, "edits": edits,
            "unscored_bases": [a for a in answers if a["kind"] == "unscored"
                               and a["article"] in base_ids]}
    return {"articles": articles, "answers": answers}, info


def manifest(paths: list[str], n_articles: int, seed: int, corpus: dict, info: dict) -> dict:
    """Parameters and counts: what a benchmark run reports beside its scores."""
    articles, answers = corpus["articles"], corpus["answers"]
    derived = {a["article"] for a in answers if a["kind"] == "derivation"}
    relations = collections.Counter(a["relation"] for a in answers if a["kind"] == "occurrence")
    unscored = collections.Counter(a["reason"] for a in answers if a["kind"] == "unscored")
    words = [len(a.text.split()) for a in articles]
    return {
        "generator": "scripts/trace_corpus.py",
        "version": GENERATOR_VERSION,
        "parameters": {"bases": list(paths), "articles": n_articles, "seed": seed},
        "knobs": {name: globals()[name] for name in KNOBS},
        "counts": {
            "articles": len(articles),
            "base_articles": len(articles) - len(derived),
            "derived_articles": len(derived),
            "words_mean": round(sum(words) / len(words), 1) if words else 0,
            "relations": {r: relations.get(r, 0) for r in RELATIONS},
            "edits": {k: info["edits"].get(k, 0) for k in EDIT_KINDS},
            "derivations": sum(a["kind"] == "derivation" for a in answers),
            "unscored": dict(sorted(unscored.items())),
        },
        "assigned_dates": dict(sorted(info["assigned_dates"].items())),
        "unscored_base_passages": [{k: a[k] for k in ("article", "start", "end", "text", "reason")}
                                   for a in info["unscored_bases"]],
    }


def write_corpus(out: Path, corpus: dict, meta: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)

    def dump(obj: object) -> str:
        return json.dumps(obj, ensure_ascii=False)

    with open(out / "articles.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for a in corpus["articles"]:
            fh.write(dump({"id": a.id, "text": a.text, "date": a.date, "outlet": a.outlet}) + "\n")
    with open(out / "answers.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for a in corpus["answers"]:
            fh.write(dump(a) + "\n")
    with open(out / "manifest.json", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")


# --- checking the answers against the extractor ----------------------------------------------------


def _dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    common = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return 2 * common / ((a[1] - a[0]) + (b[1] - b[0]) or 1)


def verify(articles: list[Article], answers: list[dict]) -> list[dict]:
    """Occurrence answers in derived articles that the project's extractor does not see as they are
    written: a quoted passage it does not find (Dice < 0.8), or finds under another speaker
    (surnames differ). A tracer built on the extractor cannot get these right; slow, one extract()
    per derived article."""
    derived = {a["article"] for a in answers if a["kind"] == "derivation"}
    by_article = collections.defaultdict(list)
    for a in answers:
        if a["kind"] == "occurrence" and a["article"] in derived and a["relation"] != "paraphrase":
            by_article[a["article"]].append(a)
    problems = []
    for art in articles:
        if art.id not in by_article:
            continue
        found = [(span, q) for q in quotetrace.extract(art) for span in q.quoted]
        for a in by_article[art.id]:
            best = max(found, key=lambda f: _dice((f[0].start, f[0].end), (a["start"], a["end"])),
                       default=None)
            if best is None or _dice((best[0].start, best[0].end), (a["start"], a["end"])) < 0.8:
                problems.append({**_brief(a), "problem": "no quoted passage found"})
                continue
            want = surname(a["given_to"] or a["speaker"])
            got = surname(best[1].speaker.name if best[1].speaker else None)
            if want and (got or "").lower() != want.lower():
                problems.append({**_brief(a), "problem": f"speaker {got!r}, answer {want!r}"})
    return problems


def _brief(a: dict) -> dict:
    return {k: a[k] for k in ("article", "start", "end", "text", "relation")}


def set_aside(answers: list[dict], problems: list[dict]) -> list[dict]:
    """The answers with each one the extractor cannot see turned into an unscored region, and with
    it the paraphrases of an unsupported quote it cannot see: a tracer built on the extractor has
    no family for them."""
    why = {(p["article"], p["start"], p["end"]): p["problem"] for p in problems}
    gone = {a["family"] for a in answers if a["kind"] == "occurrence" and a["relation"] == "unsupported"
            and (a["article"], a["start"], a["end"]) in why}
    out = []
    for a in answers:
        key = (a.get("article"), a.get("start"), a.get("end"))
        if a["kind"] == "occurrence" and (key in why or a["family"] in gone):
            # the detail of each case is in the manifest's "verify" list
            a = {"kind": "unscored", "article": a["article"], "start": a["start"], "end": a["end"],
                 "text": a["text"], "reason": "the extractor does not see it as written",
                 "family": a["family"]}
        out.append(a)
    return out


# --- command line ----------------------------------------------------------------------------------


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python scripts/trace_corpus.py",
        description="Generate a tracing benchmark: real base articles, articles derived from them "
                    "with known edits, and the answers.",
        epilog="example: python scripts/trace_corpus.py seeds/ --out /tmp/corpus --articles 40 --seed 1")
    p.add_argument("paths", nargs="+", metavar="BASE_PATH",
                   help="articles to build on: .txt files, folders, JSONL files")
    p.add_argument("--out", required=True, type=Path, help="folder to write the corpus to")
    p.add_argument("--articles", type=int, default=1000, help="articles in all (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--verify", action="store_true",
                   help="also run the extractor on every derived article and leave unscored the "
                        "answers it does not see as written (about 1%%; slow: one extract() per article)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.articles < 1:
        print("error: --articles must be at least 1", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    bases = load_bases(args.paths)
    if not bases:
        print("error: no readable base article", file=sys.stderr)
        return 1
    corpus, info = _generate(bases, args.articles, args.seed)
    meta = manifest(args.paths, args.articles, args.seed, corpus, info)
    if args.verify:
        problems = verify(corpus["articles"], corpus["answers"])
        corpus["answers"] = set_aside(corpus["answers"], problems)
        meta = manifest(args.paths, args.articles, args.seed, corpus, info)
        meta["verify"] = {"set_aside": len(problems), "answers": problems}
    write_corpus(args.out, corpus, meta)
    counts = meta["counts"]
    print(f"{counts['articles']} articles ({counts['base_articles']} bases, "
          f"{counts['derived_articles']} derived, {counts['words_mean']} words on average) in "
          f"{time.perf_counter() - t0:.1f} s → {args.out}", file=sys.stderr)
    print("answers: " + ", ".join(f"{r} {n}" for r, n in counts["relations"].items()), file=sys.stderr)
    if args.verify:
        print(f"verify: {meta['verify']['set_aside']} answers the extractor does not see as written "
              "were left unscored", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
