"""Trace quotes across articles: extract every article (in worker processes), group the passages
in quotation marks into families, find their paraphrases and evidence, label every occurrence
against its family's original, and tell which articles draw on which.

The labels (DESIGN.md, docs/output.md):

- the **original** is the earliest dated occurrence in quotation marks; among undated or
  equally dated ones, the fullest;
- every other passage in marks is ``verbatim``, ``excerpt``, ``expanded`` or ``altered`` against
  it, or ``misattributed`` when it names another speaker;
- reported speech and narrator text that carry the words are ``paraphrase`` occurrences (or
  ``misattributed``, for reported speech that names another speaker);
- an original that no other article puts in quotation marks is ``unsupported`` when its words
  reach other articles only as reported speech or narrator text (they are its evidence), and
  ``single-source`` when no other article reports it in any form.

Output depends neither on the number of processes nor on the order the articles come in: they are
traced in the order of their ids (:func:`canonical`), results are gathered in that order, and
every choice breaks ties by that order and offset.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs
import regex

from ..analyze import Analyzer
from ..dates import date_key, normalize_date
from ..errors import InputError, QuotetraceError, UsageError
from ..model import (Article, Derivation, Displayed, Evidence, Family, Misattribution, Occurrence, Quote, Span, Trace,
                     TracedArticle)
from ..pipeline import TIMEOUT, check_arguments, map_articles, read_quotes
from ..read import Unreadable, article_from_text, iter_articles
from .compare import compare
from .credit import around, contested, names_another
from .derive import derivations, sentence_links
from .group import Group, group_passages
from .keys import Linker, article_keys, components, spoken_keys, unspoken_keys
from .knobs import MIN_EVIDENCE_SHARE
from .paraphrase import Hit, find_paraphrases, names_in
from .explain import misattribution
from .people import link_people, read_people
from .speakers import Identities
from .units import Piece, Units, holding, lean, mentions, piece_text, units
from .words import is_content, words

Source = Article | Unreadable | str | os.PathLike[str]

def _read_one(index: int, article: Article, analyzer: str | Analyzer) -> Units | str:
    """Extract one article and cut it into units (runs in a worker process)."""
    try:
        return units(article, read_quotes(article, analyzer), index)
    except QuotetraceError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - one bad article must not end a batch
        return (f"{article.id}: internal error ({type(exc).__name__}: {exc}); "
                "please report it with this article")


def _read_lean(index: int, article: Article, analyzer: str | Analyzer) -> Units | str:
    """:func:`_read_one` with each quote cut to its credit (:func:`.units.lean`) before it
    leaves the worker: a trace keeps no more of it, and a fifth less is sent between processes."""
    got = _read_one(index, article, analyzer)
    return lean(got) if isinstance(got, Units) else got


def _take_in(sources: Iterable[Source]) -> tuple[list[Article], list[TracedArticle]]:
    """Articles to trace, and every input's entry in the trace (with its error or note).

    Paths are read; two articles with the same id are both traced, the second under ``id#2``."""
    articles: list[Article] = []
    entries: list[TracedArticle] = []
    first_path: dict[str, str | None] = {}

    def items() -> Iterator[Article | Unreadable]:
        for item in sources:
            if isinstance(item, (str, os.PathLike)):
                yield from iter_articles(item)
            elif isinstance(item, (Article, Unreadable)):
                yield item
            else:
                raise TypeError(f"trace() takes articles, paths or Unreadable items, not {type(item).__name__}")

    for item in items():
        if isinstance(item, Unreadable):
            entries.append(TracedArticle(item.id, item.path, None, error=item.message))
            continue
        item, note = _dated(item)
        if item.id in first_path:
            n = 2
            while f"{item.id}#{n}" in first_path:
                n += 1
            new = f"{item.id}#{n}"
            note = _and(note, f"another article ({first_path[item.id] or 'given earlier'}) has the id "
                    f"{item.id!r}; this one is traced as {new!r}")
            item = attrs.evolve(item, id=new)
        first_path[item.id] = item.path
        articles.append(item)
        entries.append(TracedArticle(item.id, item.path, item.date, note=note))
    return articles, entries


def _dated(article: Article) -> tuple[Article, str | None]:
    """The article with its date in ISO, and a note when it was normalised or dropped."""
    if article.date is None:
        return article, None
    try:
        iso, note = normalize_date(article.date)
    except InputError as exc:
        return attrs.evolve(article, date=None), f"{article.id}: {exc}; traced without a date"
    return (attrs.evolve(article, date=iso), f"{article.id}: {note}") if note else (article, None)


def _and(first: str | None, second: str) -> str:
    return second if first is None else f"{first}; {second}"


def trace(articles: Iterable[Source], *, analyzer: str | Analyzer = "rules", jobs: int | None = None,
          progress: Callable[[int], None] | None = None,
          people: str | os.PathLike[str] | Iterable[dict] | None = None,
          timeout: float | None = TIMEOUT) -> Trace:
    """Trace how each quote travels between ``articles`` (articles, paths, folders or JSONL files).

    >>> a = Article("a", '“We will build the bridge by spring,” Mayor Jane Doe said.', date="2024-05-01")
    >>> b = Article("b", 'Doe promised “we will build the bridge by spring.”', date="2024-05-02")
    >>> c = Article("c", 'Mayor Jane Doe said: “We might build the bridge by spring.”', date="2024-05-03")
    >>> [(o.article, o.relation) for f in trace([a, b, c], jobs=1).families for o in f.occurrences]
    [('a', 'original'), ('b', 'verbatim'), ('c', 'altered')]

    ``jobs`` is the number of worker processes (default: every core; 1 runs in this process);
    the result is the same whatever it is. Articles that cannot be read or analysed are listed
    in :attr:`Trace.articles` with their error, and the rest are traced. ``progress``, if given,
    is called with 1 after each article is extracted. An article that takes longer than
    ``timeout`` seconds to extract is listed with its error (0 or None: no budget). Dates are
    compared as instants (``quotetrace.dates.date_key``); a date in another form than ISO is
    normalised, and one that is no date is dropped, with a note on the article. ``people`` (a CSV
    or JSONL file, or dicts) is the user's table of people: identities it names unambiguously
    carry its ids (see ``quotetrace.tracing.people``); it is read before anything is traced.
    """
    check_arguments("trace", articles, analyzer, jobs, timeout)
    _check_people(people)
    table = read_people(people) if people is not None else None
    taken, entries = _take_in(articles)
    tr = _trace(taken, entries, analyzer, jobs, progress, timeout=timeout)[0]
    return link_people(tr, table) if table is not None else tr


def _check_people(people: object) -> None:
    """TypeError at the door for a ``people=`` that is neither a table's path nor its rows (a
    single dict or bytes would be read as rows of keys or numbers, each skipped)."""
    if people is None or isinstance(people, (str, os.PathLike)):
        return
    if isinstance(people, (bytes, Mapping)) or not isinstance(people, Iterable):
        raise TypeError(f"people must be the path of a CSV or JSONL table or a list of dicts, "
                        f"not {type(people).__name__}")


def speaker_names(got: Iterable[Units]) -> Iterator[tuple[str, str]]:
    """(name, type) of every attributed quote, once per quote, then the surnames some pieces of
    the same article keep alone (two people of their article share them), once each: what speaker
    identities are built from. Article by article, so a store can keep each article's share."""
    for u in got:
        yield from ((q.speaker.name, q.speaker.type) for q in u.quotes if q.speaker)
        yield from sorted({(p.speaker, p.speaker_type) for p in [*u.passages, *u.reported]
                           if p.speaker and p.speaker_type and " " not in p.speaker})


def _rank_key(article: Article, index: int, last: bool = False) -> tuple:
    return (1 if last else 0, *date_key(article.date), index)


@contextlib.contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Tracing holds millions of small values that never refer to one another in a loop; the
    cyclic garbage collector would scan all of them again each time it runs, which made a trace
    of 10,000 articles a third slower and its time grow faster than the input. Reference counting
    still frees everything; the collector is back on afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def canonical(taken: list[Article], entries: list[TracedArticle],
              last: int | None = None) -> tuple[list[Article], list[TracedArticle], int | None]:
    """The articles and entries in the order every trace uses: by id (ids are unique once taken
    in), so the trace does not depend on the order the articles came in, and a store filled in
    any order of batches gives the trace of the same articles in memory. ``last`` (the checked
    article's index) follows its article."""
    order = sorted(range(len(taken)), key=lambda k: taken[k].id)
    moved = None if last is None else order.index(last)
    return [taken[k] for k in order], sorted(entries, key=lambda e: e.id), moved


def _trace(taken: list[Article], entries: list[TracedArticle], analyzer: str | Analyzer,
           jobs: int | None, progress: Callable[[int], None] | None,
           last: int | None = None,
           timeout: float | None = TIMEOUT) -> tuple[Trace, list[Units], list[Article], int | None]:
    taken, entries, last = canonical(taken, entries, last)
    with _without_cycle_collector():
        return (*_trace_all(taken, entries, analyzer, jobs, progress, last, timeout), taken, last)


def _trace_all(taken: list[Article], entries: list[TracedArticle], analyzer: str | Analyzer,
               jobs: int | None, progress: Callable[[int], None] | None,
               last: int | None, timeout: float | None) -> tuple[Trace, list[Units]]:
    # a trace keeps of each quote only its credit, as each article comes in; a check returns its
    # article's quotes whole
    results: list[Units | str] = []
    linker = Linker() if last is None else None
    for k, r in enumerate(map_articles(_read_lean if last is None else _read_one, taken, analyzer=analyzer,
                                       jobs=jobs, progress=progress, timeout=timeout)):
        results.append(r)
        if linker is not None:  # counted while the workers read the next articles
            linker.add(k, unspoken_keys(r) if isinstance(r, Units) else ())
    errors = {taken[k].id: r for k, r in enumerate(results) if isinstance(r, str)}
    if errors:
        entries = [attrs.evolve(e, error=errors[e.id]) if e.id in errors and not e.error else e for e in entries]
    empty = Units([], [], [], [], [])
    got: list[Units] = [r if isinstance(r, Units) else empty for r in results]
    if last is not None:  # a check: one article against all, traced whole
        return _Tracer(taken, got, last).run(entries), got
    return trace_components(taken, got, entries, linker), got


def trace_units(articles: list[Article], got: list[Units], entries: list[TracedArticle],
                last: int | None = None,
                names: Iterable[tuple[str, str]] | Mapping[tuple[str, str], int] | None = None,
                dead: Container[str] | None = None) -> Trace:
    """The trace of articles already cut into units (a store keeps them so), in the order
    :func:`canonical` gives, with the same decisions as :func:`trace`. ``names`` are the
    speakers' (name, type) pairs to build identities from, once per quote (or counted); by
    default those of ``got``'s quotes (a store that traces a few of its articles passes the
    whole corpus's). ``dead`` are the stock keys (:mod:`.keys`); by default those of ``got``
    counted whole (a store that traces a few of its articles passes what it knows of the
    corpus's)."""
    with _without_cycle_collector():
        return _Tracer(articles, got, last, names, dead=dead).run(entries)


def read_units(article: Article, analyzer: str | Analyzer, index: int = 0) -> Units | str:
    """One article extracted and cut into units, or the message of why it could not be."""
    return _read_one(index, article, analyzer)


def _innermost(hits: list[Hit]) -> list[Hit]:
    """The hits that hold no other hit of the same article: ``Doe said Roe says the toll will
    double`` reports one statement once, by its nearest credit (``Roe says the toll will
    double``), not once per reporting clause."""
    spans: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for h in hits:
        spans[h.piece.article].append((h.piece.start, h.piece.end))
    return [h for h in hits if not any(h.piece.start <= s and e <= h.piece.end and (s, e) != (h.piece.start, h.piece.end)
                                       for s, e in spans[h.piece.article])]


def _quoting(g: Group, passages: list[Piece]) -> set[int]:
    """The articles whose own words need not be searched for a family's paraphrase: those that
    quote at least half of its original's words. An article that quotes only a fragment of it
    (a headline's few words) may still report the rest of the statement elsewhere."""
    o = passages[g.original]
    need = len(o.words) / 2
    return {o.article} | {passages[m].article for m in g.members[1:] if len(passages[m].words) >= need}


def _dead_of(got: Sequence[Units], ids: Identities) -> frozenset[str]:
    """The dead keys of a corpus traced whole (a store's trace, a check)."""
    return components(article_keys(u, ids.of) for u in got)[1]


def _reindexed(u: Units, k: int) -> Units:
    """``u`` with its pieces moved to article index ``k`` (its place in a component)."""
    def moved(pieces: list[Piece]) -> list[Piece]:
        return [attrs.evolve(p, article=k) for p in pieces]
    return Units(u.quotes, moved(u.passages), moved(u.reported), moved(u.narrator), u.sketches)


def stages(articles: list[Article], got: list[Units], ids: Identities, dead: Container[str]) -> "_Tracer":
    """The steps of tracing over some articles (in canonical order), for an engine that runs
    them apart (the Spark job groups per component and labels per family): ``groups()``,
    ``related()``, ``families()``, ``derived()``. Pieces are renumbered by the articles' places
    here; ``ids`` and ``dead`` are the corpus's."""
    got = [_reindexed(u, k) if any(p.article != k for p in u.passages[:1] + u.reported[:1] + u.narrator[:1])
           else u for k, u in enumerate(got)]
    return _Tracer(articles, got, None, ids=ids, dead=dead)


def statement_count(u: Units) -> int:
    """An article's statements as the derivations count them: its quotes' passages in marks and
    its narrator sentences with a sketch."""
    return sum(1 for p in u.passages if p.quote is not None) + sum(1 for sk in u.sketches if sk)


def trace_part(articles: list[Article], got: list[Units], ids: Identities, dead: Container[str]) -> Trace:
    """The trace of one component (:func:`.keys.components`): its articles in canonical order,
    their units (pieces numbered by the articles' places in the corpus or in the component),
    the corpus's identities and dead keys. Its families' ids are numbered within the part;
    :func:`merge_parts` numbers them for the corpus."""
    return stages(articles, got, ids, dead).run([])


def merge_parts(entries: list[TracedArticle], order: Callable[[str], object], parts: Iterable[Trace],
                ids: Identities, texts: dict[str, str] | None = None) -> Trace:
    """One trace from the traces of the components, as the corpus traced whole gives it:
    families ordered by their original's article (``order``: id → its canonical place, or the id
    itself, since the canonical order is by id) and offset, and numbered in that order;
    derivations ordered by article, score and source."""
    families: list[tuple[tuple[int, int], Family]] = []
    derived: list[tuple[tuple, Derivation]] = []
    for part in parts:
        families += [((order(f.original.article), f.original.start), f) for f in part.families]
        derived += [((order(d.article), -d.score, order(d.source)), d) for d in part.derivations]
    families.sort(key=lambda kf: kf[0])
    derived.sort(key=lambda kd: kd[0])
    out = [attrs.evolve(f, id=f"f{k + 1}") for k, (_, f) in enumerate(families)]
    used = {o.speaker for f in out for o in f.occurrences} | {f.speaker for f in out}
    speakers = [i for i in ids.all() if i.name in used]
    return Trace(entries, speakers, out, [d for _, d in derived], texts=texts or {})


def trace_components(articles: list[Article], got: list[Units], entries: list[TracedArticle],
                     linker: Linker | None = None) -> Trace:
    """The trace of a corpus (in canonical order), component by component: the same trace as
    :class:`_Tracer` over all of it, with the memory and time of grouping, paraphrases and
    derivations spent per component. ``linker``: one that holds every article's
    :func:`.keys.unspoken_keys` already."""
    ids = Identities(speaker_names(got))
    if linker is None:
        linker = Linker()
        for a, u in enumerate(got):
            linker.add(a, unspoken_keys(u))
    for a, u in enumerate(got):
        linker.add(a, spoken_keys(u, ids.of))
    parts, dead = linker.components()
    if len(parts) == 1:
        return _Tracer(articles, got, None, ids=ids, dead=dead).run(entries)
    traced = (trace_part([articles[a] for a in part], [got[a] for a in part], ids, dead)
              for part in parts if len(part) > 1 or got[part[0]].passages)
    return merge_parts(entries, {a.id: k for k, a in enumerate(articles)}.__getitem__, traced, ids,
                       {a.id: a.text for a in articles})


def family_speaker(g: Group, of: Callable[[str | None], str | None]) -> tuple[str | None, bool]:
    """Who a family is credited to: its original's speaker; where the original names nobody,
    the identity (``of``) most of the other articles give it, when more than half of those that
    name someone agree. Otherwise nobody, and nothing in the family is called misattributed (a
    copy that misattributes the quote must not become the yardstick of the others)."""
    if g.credited:
        return g.speaker, g.named
    by_article: dict[Any, str] = {}
    raw: dict[str, tuple[str, bool]] = {}
    for article, speaker, named in g.credits:  # the members their articles credit, in order
        who = of(speaker)
        if who is None or article in by_article:
            continue
        by_article[article] = who
        first, was_named = raw.get(who, (speaker, False))
        raw[who] = (first, was_named or named)
    if not by_article:
        return None, False
    (top, n), *_ = Counter(by_article.values()).most_common(1)
    return raw[top] if 2 * n > len(by_article) else (None, False)


class _Tracer:
    """The steps after extraction, over every article's units (see the module docstring)."""

    def __init__(self, articles: list[Article], got: list[Units], last: int | None,
                 names: Iterable[tuple[str, str]] | Mapping[tuple[str, str], int] | None = None, *,
                 ids: Identities | None = None,
                 dead: Container[str] | None = None):
        self.articles = articles
        self.got = got
        self.texts = [a.text for a in articles]
        keys = [_rank_key(a, k, last=k == last) for k, a in enumerate(articles)]
        order = sorted(range(len(articles)), key=lambda k: keys[k])
        self.rank = [0] * len(articles)
        for r, k in enumerate(order):
            self.rank[k] = r
        self.keys = keys
        if ids is None:
            ids = Identities(speaker_names(got) if names is None else names)
        self.ids = ids
        #: the corpus's dead keys (:mod:`.keys`), when it is traced by components
        self.dead = dead

    def name(self, raw: str | None) -> str | None:
        """The identity of a raw speaker name across articles, or the raw name without one."""
        return self.ids.of(raw) or raw

    def run(self, entries: list[TracedArticle]) -> Trace:
        passages, groups = self.groups()
        sent, related = self.related(groups, passages)
        families = self.families(groups, passages, related)
        derived = self.derived(families, sent)
        used = {o.speaker for f in families for o in f.occurrences} | {f.speaker for f in families}
        speakers = [i for i in self.ids.all() if i.name in used]
        return Trace(entries, speakers, families, derived, texts={a.id: a.text for a in self.articles})

    @functools.cached_property
    def dead_keys(self) -> Container[str]:
        """One decision on stock keys for grouping, paraphrases and derivations alike."""
        return self.dead if self.dead is not None else _dead_of(self.got, self.ids)

    def groups(self) -> tuple[list[Piece], list[Group]]:
        """Every passage in marks, and the groups that become families (:attr:`.Group.kept`), ordered
        by their original's article and offset, each with the speaker it is credited to. Needs only
        the articles' passages and dates (the Spark job gives it nothing else)."""
        passages: list[Piece] = [p for u in self.got for p in u.passages]
        order = sorted(range(len(passages)), key=lambda i: self._passage_key(passages[i]))
        groups = [g for g in group_passages(((i, passages[i]) for i in order), self.ids.of, self.ids.differ,
                                            self.dead_keys) if g.kept]
        groups.sort(key=lambda g: (passages[g.original].article, passages[g.original].start))
        for g in groups:
            g.speaker, g.named = family_speaker(g, self.ids.of)
        return passages, groups

    def related(self, groups: list[Group], passages: list[Piece]) -> tuple[dict[tuple[int, int], int],
                                                                           dict[int, set[int]]]:
        """The narrator sentences the articles share (:func:`.derive.sentence_links`), and which
        articles are related: sharing a quote or a sentence."""
        quoted_in = [{passages[m].article for m in g.members} for g in groups]
        quote_links = self._quote_links(groups, passages, quoted_in)
        sent = sentence_links([u.narrator for u in self.got], [u.sketches for u in self.got], self.rank,
                              self.dead_keys)
        related: dict[int, set[int]] = defaultdict(set)
        for a, b in list(quote_links) + list(sent):
            related[a].add(b)
            related[b].add(a)
        return sent, related

    def families(self, groups: list[Group], passages: list[Piece], related: dict[int, set[int]]) -> list[Family]:
        """Each group's family: its paraphrases and evidence found, every occurrence labelled."""
        originals = [passages[g.original] for g in groups]
        hits = find_paraphrases(originals, [g.speaker for g in groups],
                                [u.reported + u.narrator for u in self.got],
                                [_quoting(g, passages) for g in groups], related,
                                self.ids.of, self.ids.differ,
                                [names_in(o, self.texts[o.article]) for o in originals], self.dead_keys)
        by_family: dict[int, list[Hit]] = defaultdict(list)
        for h in hits:
            by_family[h.family].append(h)
        return [self._family(k, g, passages, by_family.get(k, []), related) for k, g in enumerate(groups)]

    def derived(self, families: list[Family], sent: dict[tuple[int, int], int]) -> list[Derivation]:
        """The derivations: the families count paraphrases too (an article that reports another's
        quote draws on it), and the shared sentences."""
        quote_links = self._quote_links_from(families)
        statements = [statement_count(u) for u in self.got]
        return derivations(quote_links, sent, statements, [a.id for a in self.articles], self.rank)

    def _index(self, article_id: str) -> int:
        if not hasattr(self, "_by_id"):
            self._by_id = {a.id: k for k, a in enumerate(self.articles)}
        return self._by_id[article_id]

    def _passage_key(self, p: Piece) -> tuple:
        # (checked last, undated, date) first, then the fullest, then a passage its article
        # attributes before one it gives to no one (a headline), then article order and offset
        last, undated, date, index = self.keys[p.article]
        return (last, undated, date, -len(p.words), p.quote is None, index, p.start)

    @staticmethod
    def _quote_links(groups: list[Group], passages: list[Piece], quoted_in: list[set[int]]) -> dict[tuple[int, int], int]:
        links: dict[tuple[int, int], int] = defaultdict(int)
        for g, arts in zip(groups, quoted_in):
            src = passages[g.original].article
            for a in arts:
                if a != src:
                    links[(src, a)] += 1
        return links

    def _quote_links_from(self, families: list[Family]) -> dict[tuple[int, int], int]:
        links: dict[tuple[int, int], int] = defaultdict(int)
        for f in families:
            src = self._index(f.original.article)
            for a in sorted({self._index(o.article) for o in f.occurrences[1:]} - {src}):
                links[(src, a)] += 1
        return links

    def _family(self, k: int, g: Group, passages: list[Piece], hits: list[Hit],
                related: dict[int, set[int]]) -> Family:
        o = passages[g.original]
        texts = self.texts
        speaker = self.name(g.speaker)
        occurrences: list[Occurrence] = []
        carried = False
        twins = [passages[m] for m in g.members[1:] if passages[m].article == o.article
                 and passages[m].words.stems == o.words.stems]
        doubted = self._contested(g, o, [passages[m] for m in g.members[1:]], hits)
        for m in g.members[1:]:
            p = passages[m]
            carried |= p.article != o.article
            cmp = compare(o, texts[o.article], p, texts[p.article], g.alignments.get(m), twins)
            wrong = not doubted and self._misattributes(g, o, p)
            occurrences.append(self._occurrence(p, "misattributed" if wrong else cmp.relation, cmp.changes,
                                                speaker, why=self._why(g, o, p) if wrong else None))
        paraphrases = _innermost([h for h in hits if h.verdict in ("paraphrase", "misattributed")])
        rank = self.rank
        for h in paraphrases:
            if h.verdict == "misattributed" and rank[h.piece.article] < rank[o.article]:
                # an earlier article's words without marks, credited to someone else, are where
                # the quote came from, not a copy that gave it away: no paraphrase of this
                # family's speaker either (they still count as where it came from, below)
                continue
            wrong = h.verdict == "misattributed" and not doubted and self._misattributes(g, o, h.piece)
            why = self._why(g, o, h.piece) if wrong else None
            occurrences.append(self._occurrence(h.piece, "misattributed" if wrong else "paraphrase", (), None,
                                                matched=h.matched, why=why, quote=o.words.stems))
        # words that reach an earlier article only without marks are where the quote came
        # from; words that reach a later article so were taken from it
        earlier = [h for h in paraphrases if rank[h.piece.article] < rank[o.article]]
        evidence: list[Evidence] = []
        if carried or (paraphrases and not earlier):
            relation = "original"
        else:
            weak = [h for h in hits if h.verdict == "evidence" and rank[h.piece.article] < rank[o.article]
                    and h.piece.article in related.get(o.article, ())
                    and not self.ids.differ(h.piece.speaker, g.speaker)]
            shown = earlier + weak
            wanted = {s for s in o.words.stems if is_content(s)}
            covered = set().union(*(h.matched for h in shown)) if shown else set()
            if earlier or (wanted and len(covered) >= MIN_EVIDENCE_SHARE * len(wanted)):
                relation = "unsupported"
                evidence = [self._evidence(h) for h in sorted(shown, key=lambda h: (h.piece.article, h.piece.start))]
            else:
                relation = "single-source"
        first = self._occurrence(o, relation, (), speaker, evidence)
        occurrences.sort(key=lambda x: (self._index(x.article), x.start, x.end))
        return Family(f"f{k + 1}", speaker, [first, *occurrences])

    def _misattributes(self, g: Group, o: Piece, p: Piece) -> bool:
        """Whether ``p`` gives the family's statement to another speaker: both name someone,
        the identities differ, and ``p``'s credit clearly names another (:mod:`.credit`)."""
        if not (g.named and p.named) or not (self.ids.differ(g.speaker, p.speaker) or self._group_to_person(g, o, p)):
            return False
        said = self._mentions
        return names_another(self.name(g.speaker) or "", said.get(o.quote), self.name(p.speaker) or "",
                             said.get(p.quote), p.role, p.words.stems, around(self.texts[p.article], p.spans))

    def _group_to_person(self, g: Group, o: Piece, p: Piece) -> bool:
        """Whether ``p`` hands a group's words to one named person: the original credits a group
        (``Protesters chanted “…”``), the copy a person with an identity, whom the original never
        names and whose credit holds no word of the group's (``police spokesman Tom Roe`` only
        narrows the police's credit, and a person the original names may be one of the group). A
        group has no identity of its own; a person is not a group."""
        if not g.credited or o.speaker_type != "group" or p.speaker_type != "person" or self.ids.of(p.speaker) is None:
            return False
        surname = (self.name(p.speaker) or "").split()[-1:]
        if not surname or regex.search(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(surname[0])}(?![\p{{L}}\p{{M}}])",
                                       self.texts[o.article]):
            return False
        # ("Protest leader Tom Roe" for "Protesters", "Democratic leader" for "Democrats": a word
        # of one opens a word of the other)
        theirs, mine = words(g.speaker or "").stems, words(self._mentions.get(p.quote) or "").stems
        return not any(min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)) for a in theirs for b in mine)

    def _contested(self, g: Group, o: Piece, members: list[Piece], hits: list[Hit]) -> bool:
        """Whether the other articles contest the family's speaker (see :func:`.credit.contested`)."""
        if not g.named:
            return False
        credits = [(p.article, p.speaker) for p in members if p.quote is not None and p.named]
        credits += [(h.piece.article, h.piece.speaker) for h in hits
                    if h.verdict in ("paraphrase", "misattributed") and h.piece.named]
        return contested(g.speaker, [(a, who) for a, who in credits if a != o.article], self.ids.of,
                         self.ids.differ)

    def _why(self, g: Group, o: Piece, p: Piece) -> Misattribution:
        """Both speakers of a misattributed copy, as each article names them, and why they differ."""
        said = self._mentions
        first = self.name(g.speaker) or ""
        other = self.name(p.speaker) or ""
        kinds = self._kinds
        # (a group has no identity: its type is the original's reading of it)
        return misattribution(self.articles[o.article].id, said.get(o.quote), first, kinds.get(first) or o.speaker_type,
                              said.get(p.quote), other, kinds.get(other))

    @functools.cached_property
    def _mentions(self) -> dict[str | None, str]:
        # a pronoun is shown as the name of the statement it stands in (units.mentions)
        return {k: v for u in self.got for k, v in mentions(u.quotes).items()}

    @functools.cached_property
    def _kinds(self) -> dict[str, str]:
        return {i.name: i.type for i in self.ids.all()}

    def _occurrence(self, p: Piece, relation: str, changes: Sequence, family_speaker: str | None,
                    evidence: Sequence[Evidence] = (), matched: Iterable[str] = (),
                    why: Misattribution | None = None, quote: Sequence[str] = ()) -> Occurrence:
        text = self.texts[p.article]
        if p.role == "quote":
            start, end, shown = p.start, p.end, piece_text(text, p)
            if "\n" in shown:  # a hard-wrapped article: its line breaks read as spaces
                shown = " ".join(shown.split())
            spans = tuple(Span(a, b) for a, b in p.spans)
        else:
            start, end = holding(p, matched, quote, text)
            shown = " ".join(text[start:end].split())
            spans = (Span(start, end),)
        return Occurrence(self.articles[p.article].id, p.quote, shown, start, end,
                          self.name(p.speaker) or family_speaker, relation, p.role, tuple(changes),
                          tuple(evidence), spans, why)

    def _evidence(self, h: Hit) -> Evidence:
        p = h.piece
        text = self.texts[p.article]
        start, end = holding(p, h.matched) if p.role == "reported-speech" else (p.start, p.end)
        return Evidence(self.articles[p.article].id, " ".join(text[start:end].split()), start, end,
                        p.role, self.name(p.speaker))


@attrs.frozen
class Checked:
    """One passage or reported statement of a checked article, and what the set says of it.

    >>> a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    >>> item = check("Mayor Jane Doe said: “We will build the bridge by spring.”", [a], jobs=1).items[0]
    >>> item.quote.id, item.occurrence.relation, item.family.original.article
    ('text:1', 'verbatim', 'a')
    """

    quote: Quote | None
    occurrence: Occurrence
    family: Family


@attrs.frozen
class Check(Displayed):
    """What :func:`check` found for one article against a set.

    >>> a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    >>> new = Article("new", "“We will build the bridge by spring,” Jane Doe said. “Taxes will fall,” she added.")
    >>> result = check(new, [a], jobs=1)
    >>> result.article.id, [(c.occurrence.relation, c.occurrence.text) for c in result.items]
    ('new', [('verbatim', 'We will build the bridge by spring,'), ('single-source', 'Taxes will fall,')])
    """

    article: TracedArticle
    items: tuple[Checked, ...] = attrs.field(converter=tuple)
    trace: Trace
    #: how many articles it was checked against: those of ``trace`` but the checked one, unless
    #: a store traced only the few that share its words
    against: int = attrs.field(default=-1)

    @property
    def others(self) -> int:
        """How many articles it was checked against."""
        return self.against if self.against >= 0 else len(self.trace.articles) - 1

    def to_dict(self) -> dict:
        return {"article": self.article.to_dict(),
                "quotes": [{"family": c.family.id, "family_speaker": c.family.speaker,
                            "original": c.family.original.to_dict(), **c.occurrence.to_dict()}
                           for c in self.items]}


def check(article: Article | str | os.PathLike[str], articles: Iterable[Source], *,
          analyzer: str | Analyzer = "rules", jobs: int | None = None,
          progress: Callable[[int], None] | None = None, timeout: float | None = TIMEOUT) -> Check:
    """How each quote of ``article`` relates to what ``articles`` hold, with the labels of
    :func:`trace`: the set's occurrences come first, so a quote of the checked article is the
    original of its family only when the set does not carry it.

    >>> a = Article("a", '“We will build the bridge by spring,” Mayor Jane Doe said.', date="2024-05-01")
    >>> new = Article("new", 'Mayor Jane Doe said: “We will never build the bridge.”')
    >>> [(c.occurrence.relation, [d.changed for d in c.occurrence.diff]) for c in check(new, [a], jobs=1).items]
    [('altered', ['never', ''])]
    """
    check_arguments("check", articles, analyzer, jobs, timeout)
    article = one_article(article)
    taken, entries = _take_in([*articles, article])
    tr, got, taken, new = _trace(taken, entries, analyzer, jobs, progress, last=len(taken) - 1, timeout=timeout)
    return checked(tr, got, taken, new)


def one_article(article: Article | Unreadable | str | os.PathLike[str]) -> Article:
    """The article to check: an Article, a path to a file holding one, or its text."""
    if not isinstance(article, (str, os.PathLike, Article)):
        raise TypeError(f"check() takes an Article, a path or a text to check, not {type(article).__name__}")
    if isinstance(article, (str, os.PathLike)) and not isinstance(article, Article):
        path = str(article)
        found = [x for x in iter_articles(path)] if os.path.exists(path) or path == "-" else [article_from_text(path)]
        if len(found) != 1:
            raise UsageError(f"check takes one article to check; {path} holds {len(found)}")
        article = found[0]  # type: ignore[assignment]
    if isinstance(article, Unreadable):
        raise QuotetraceError(article.message)
    return article  # type: ignore[return-value]


def take_in(sources: Iterable[Source]) -> tuple[list[Article], list[TracedArticle]]:
    """Articles to trace and their entries (see :func:`_take_in`)."""
    return _take_in(sources)


def checked(tr: Trace, got: list[Units], taken: list[Article], new: int, against: int = -1) -> Check:
    """The :class:`Check` of article ``new`` (an index into ``taken``) in the trace ``tr``."""
    new_id = taken[new].id
    entry = next(e for e in tr.articles if e.id == new_id)
    if entry.error:
        raise QuotetraceError(entry.error)
    quotes = {q.id: q for q in got[new].quotes}
    items = []
    for f in tr.families:
        for o in f.occurrences:
            if o.article == new_id:
                items.append(Checked(quotes.get(o.quote), o, f))
    items.sort(key=lambda c: (c.occurrence.start, c.occurrence.end))
    return Check(entry, items, tr, against)
