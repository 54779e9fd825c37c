"""A corpus that lives on disk and grows: :class:`Corpus` over one SQLite store.

``add`` extracts only the articles the store does not hold yet and keeps, per article, what
tracing needs (its units), so ``trace`` and ``check`` never extract a stored article again. The
trace of a store is made in bounded memory by the in-memory engine's own steps, joined by SQLite
in a work file (:mod:`.bounded`), over the stored units in the order of their ids, so it is the
trace of the same articles in memory, byte for byte, whatever order and batches they were added
in; it is kept in the store until the store changes (:mod:`.cache`).

A check looks its article's keys up in the index and traces it, with the same code, together
with a few dozen stored articles chosen there, whatever the size of the store: for each passage,
the articles holding most of its rare n-grams among their earliest holders (where its family's
original and first copies are); the earliest holders of its contexts and sentence sketches; the
articles sharing most content pairs with each of its statements; then the earliest holder of
each passage met there (an earlier original). The speakers' identities are built from the
store's counts of every name of their surname groups, as over the whole store. What a check can
miss, against ``quotetrace.check`` over all the articles: a family member or piece of evidence
that none of those keys leads to (a family's speaker voted by copies beyond the first few, an
unsupported quote's evidence in an article that shares fewer content pairs with it than three
others do), and the stock keys of the whole store (none proposes anything among so few
articles). Measured agreement: docs/howto/grow-a-corpus.md.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import itertools
import os
import pickle
import sqlite3
import warnings
import zlib
from collections import Counter, deque
from collections.abc import Callable, Container, Iterable, Iterator, Sequence

import attrs

from ..analyze import Analyzer
from ..dates import normalize_date
from ..errors import InputError, QuotetraceError, StoreError
from ..model import RELATIONS, Article, Extraction, Family, Trace, TracedArticle
from ..options import TIMEOUT
from ..pipeline import check_analyzer, check_arguments, map_articles
from ..read import DateWarning, Unreadable, iter_articles
from ..text.surrogates import SURROGATE_RE
from ..tracing.engine import (
    Check,
    canonical,
    checked,
    one_article,
    read_units,
    speaker_names,
    take_in,
    trace_units,
)
from ..tracing.knobs import MAX_DF, MAX_PAIR_DF, MAX_SENTENCE_DF
from ..tracing.speakers import _key as name_key
from ..tracing.speakers import spelling_key
from ..tracing.keys import content_pairs
from ..tracing.units import Units
from . import bounded, cache
from .index import article_keys, hashed, key_hash, lookups, passage_keys
from .schema import SCHEMA_VERSION, open_store


#: Articles committed together: a kill loses at most this many articles' work, never half of one.
BATCH = 64
#: A passage's n-gram proposes its earliest holders, this many: a family's original is its
#: earliest occurrence, and the copies after it need not be read to label the checked article's
#: (more: closer to the in-memory check's family members; fewer: a faster check).
_PER_KEY = 4
#: ...and of those, a passage proposes the articles that hold most of its n-grams, this many
#: (ties: the earliest first).
_PER_PASSAGE = 4
#: ...and the passages met there propose this many of theirs not proposed yet (where an earlier
#: original is, or else a copy that shows the statement carried on).
_SECOND_PER_KEY = 1
#: A passage's context proposes its earliest holders, this many (where the statement first
#: stood; a copied paragraph keeps it).
_PER_CONTEXT = 4
#: A narrator sentence's sketch value proposes its earliest holders, this many: a later
#: article's sentence is linked only to the earliest one with the value (:mod:`..tracing.derive`).
_PER_SKETCH = 2
#: A piece's content pairs propose the articles that hold most of them (two at least), this many:
#: where its paraphrase, or the quote it paraphrases, most likely stands.
_PER_PIECE = 3
#: ...counted over the earliest holders of each pair, this many (a statement copied by
#: hundreds of articles is read where it appeared first, at the same cost in any store).
_PAIR_HOLDERS = 50
#: A sketch value held by more articles than this proposes nothing, as in memory (the caps of
#: passages, contexts and pairs are in :meth:`Corpus._holders`).
_CAPPED = {"k": MAX_SENTENCE_DF}
#: An article met only through content pairs is a candidate when it shares this many of them
#: (a single shared pair makes a paraphrase only in an article already related).
_MIN_PAIRS = 2
_UNDATED = 99_999_999
#: The articles a trace lists, in a store and in a work file alike (``bounded``)
_LISTED = "SELECT id, path, date FROM articles ORDER BY id"
#: Key counts a Corpus keeps between checks, at most (a few thousand a check; about 100 MB).
_MAX_CACHED = 500_000
#: A check traces its article with a few hundred stored articles at most: among so few, no key
#: is held often enough to be a stock phrase (counted over the candidates of 10,000-article
#: stores, at most one key was), and counting them would cost more than the trace.
_CHECK_DEAD: frozenset[str] = frozenset()
_COLUMNS = "n, id, path, date, outlet, url, title, text, units"


@attrs.frozen
class Added:
    """What one :meth:`Corpus.add` did: the ids added, replaced and skipped (already held with
    the same text), and one message per article that was not added (unreadable, failed, or
    held with another text).

    >>> import pathlib, tempfile
    >>> corpus = Corpus(pathlib.Path(tempfile.mkdtemp()) / "news.db")
    >>> corpus.add([Article("a", "“Yes,” she said."), Article("b", "“No,” he said.")], jobs=1).added
    ('a', 'b')
    >>> corpus.add([Article("a", "“Yes,” she said."), Article("b", "“Maybe,” he said.")], jobs=1)
    ... # doctest: +NORMALIZE_WHITESPACE
    Added(added=(), replaced=(), skipped=('a',),
          errors=("b: the article 'b' is already in the store with another text; left as it is (add --replace to replace it)",))
    >>> corpus.close()
    """

    added: tuple[str, ...] = attrs.field(converter=tuple, default=())
    replaced: tuple[str, ...] = attrs.field(converter=tuple, default=())
    skipped: tuple[str, ...] = attrs.field(converter=tuple, default=())
    errors: tuple[str, ...] = attrs.field(converter=tuple, default=())


def _day(date: str | None) -> int:
    digits = (date or "")[:10].replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else _UNDATED


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _cut(index: int, article: Article, analyzer: str | Analyzer) -> tuple[bytes, list[int], list[tuple[str, str]], int] | str:
    """One article extracted, in a worker: its pickled units, its keys and its speakers."""
    got = read_units(article, analyzer, 0)
    if isinstance(got, str):
        return got
    return _kept(got)


def _kept(got: Units) -> tuple[bytes, list[int], list[tuple[str, str]], int]:
    """What the store keeps of one article's units: them pickled, their keys and speakers."""
    blob = zlib.compress(pickle.dumps(got, protocol=pickle.HIGHEST_PROTOCOL), 6)
    return blob, hashed(article_keys(got)), list(speaker_names([got])), len(got.quotes)


def _units(blob: bytes, index: int) -> Units:
    u: Units = pickle.loads(zlib.decompress(blob))
    for piece in itertools.chain(u.passages, u.reported, u.narrator):
        piece.article = index
    return u


@functools.lru_cache(maxsize=1 << 16)
def _surname(name: str) -> str:
    """The spelling of a name's last word, as speaker identities compare it."""
    words = name_key(name).split()
    return spelling_key(words[-1]) if words else ""


def _article(row: Sequence) -> Article:
    _, id, path, date, outlet, url, title, text = row[:8]
    return Article(id, text, date=date, outlet=outlet, url=url, title=title, path=path)


class Corpus:
    """Articles kept in one SQLite file, traced and checked against without extracting them again.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    >>> with Corpus(folder / "news.db") as corpus:
    ...     corpus.add([a], jobs=1).added
    ...     new = Article("new", "Mayor Jane Doe said: “We might build the bridge by spring.”")
    ...     [(c.occurrence.relation, c.family.original.article) for c in corpus.check(new).items]
    ('a',)
    [('altered', 'a')]

    ``readonly=True`` (or a file the user cannot write) opens the store for reading only: it
    can be traced and checked against, and :meth:`add` raises :class:`StoreError`. Raises
    :class:`StoreError` when the file is not a quotetrace store of this version.
    """

    def __init__(self, path: str | os.PathLike[str], *, readonly: bool = False):
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"Corpus() takes the path of a store file (str or os.PathLike), not {type(path).__name__}")
        if not isinstance(readonly, bool):
            raise TypeError(f"readonly must be True or False, not {type(readonly).__name__}")
        self.path = str(path)
        self._conn, self.readonly = open_store(path, readonly=readonly)
        #: what was read from the store, kept while it does not change (PRAGMA data_version)
        self._version = -1
        self._names: dict[str, list[tuple[tuple[str, str], int]]] = {}
        self._dfs: dict[tuple[int, int], int] = {}
        self._count = -1

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def __len__(self) -> int:
        return self._query("SELECT count(*) FROM articles")[0][0]

    def __repr__(self) -> str:
        return f"Corpus({self.path!r})"

    def _query(self, sql: str, args: Sequence = ()) -> list:
        try:
            return self._conn.execute(sql, args).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read the store: {exc}") from None

    # -- adding -------------------------------------------------------------------------------

    def add(self, sources: Iterable[Article | Unreadable | str | os.PathLike[str]], *, replace: bool = False,
            analyzer: str | Analyzer = "rules", jobs: int | None = None, batch: int = BATCH,
            progress: Callable[[int], None] | None = None, timeout: float | None = TIMEOUT) -> Added:
        """Extract and keep the articles of ``sources`` (articles, files, folders, JSONL) that
        the store does not hold yet; see :class:`Added` for what it reports. An article held
        under the same id with another text is left as it is, unless ``replace``. Articles are
        committed ``batch`` at a time: an interrupted add leaves the store as it was after the
        last whole batch, and the next add picks up from there. An article that takes longer than
        ``timeout`` seconds to extract is reported among the errors (0 or None: no budget), and
        a date in another form than ISO is stored normalised (or dropped), with a warning."""
        if isinstance(sources, (str, os.PathLike, Article, Unreadable)):
            sources = [sources]
        check_arguments("add", sources, analyzer, jobs, timeout)
        held, out = self._begin(batch)
        todo = self._todo(sources, held, replace, out)
        results = map_articles(_cut, todo, analyzer=analyzer, jobs=jobs, progress=progress, timeout=timeout)

        def cut() -> Iterator[tuple[Article, object]]:
            for result in results:
                art = todo.queue.popleft()  # results come in the order extraction took the articles
                if isinstance(result, str):
                    out["errors"].append(result)
                else:
                    yield art, result
        return self._keep(cut(), held, out, batch)

    def add_extracted(self, extracted: Iterable[tuple[Article | Unreadable, Units | str | None]], *,
                      replace: bool = False, batch: int = BATCH) -> Added:
        """Keep articles extracted elsewhere, each with its units or the message of why it could
        not be extracted (the ``units`` table of ``quotetrace trace --engine spark --parquet``),
        as :meth:`add` keeps them: the same checks (ids held, texts changed, dates), the same
        batches, keys and speakers; nothing is extracted again."""
        held, out = self._begin(batch)
        current: list[Units | str | None] = [None]

        def items() -> Iterator[Article | Unreadable]:
            for item, got in extracted:
                current[0] = got
                yield item
        todo = self._todo(items(), held, replace, out)

        def kept() -> Iterator[tuple[Article, object]]:
            for art in todo:  # the article the last item read, once the store's checks let it in
                todo.queue.popleft()
                got = current[0]
                if isinstance(got, Units):
                    yield art, _kept(got)
                else:
                    out["errors"].append(got or f"{art.id}: no units")
        return self._keep(kept(), held, out, batch)

    def _begin(self, batch: int) -> tuple[dict[str, str], dict[str, list[str]]]:
        """The checks before adding, and the ids held with the SHA-1 of their texts."""
        if isinstance(batch, bool) or not isinstance(batch, int) or batch < 1:
            raise ValueError(f"batch must be a whole number, 1 or more, not {batch!r}")
        if self.readonly:
            raise StoreError(f"{self.path}: the store is read-only; nothing was added")
        held = {id: sha for id, sha in self._query("SELECT id, sha1 FROM articles")}
        return held, {"added": [], "replaced": [], "skipped": [], "errors": []}

    def _keep(self, ready: Iterable[tuple[Article, object]], held: dict[str, str],
              out: dict[str, list[str]], batch: int) -> Added:
        """Commit the ready articles ``batch`` at a time; what was done."""
        pending: list[tuple[Article, object]] = []
        for item in ready:
            pending.append(item)
            if len(pending) >= batch:
                self._commit(pending, held, out)
                pending = []
        if pending:
            self._commit(pending, held, out)
        # this connection's own writes do not change its data_version: forget what checks kept
        self._version = -1
        return Added(out["added"], out["replaced"], out["skipped"], out["errors"])

    def _todo(self, sources: Iterable, held: dict[str, str], replace: bool, out: dict[str, list[str]]) -> _Todo:
        return _Todo(self._items(sources), held, replace, out)

    @staticmethod
    def _items(sources: Iterable) -> Iterator[Article | Unreadable]:
        for item in sources:
            if isinstance(item, (Article, Unreadable)):
                yield item
            elif isinstance(item, (str, os.PathLike)):
                yield from iter_articles(item)  # a missing path is one error; the rest is added
            else:
                raise TypeError(f"add() takes articles, paths or Unreadable items, not {type(item).__name__}")

    def _commit(self, pending: list[tuple[Article, object]], held: dict[str, str], out: dict[str, list[str]]) -> None:
        """One batch in one transaction: all of its articles, or none of them."""
        conn = self._conn
        try:
            conn.execute("BEGIN IMMEDIATE")
            for art, (blob, keys, names, nquotes) in pending:  # type: ignore[misc]
                sha, day = _sha1(art.text), _day(art.date)
                old = conn.execute("SELECT n, day, units FROM articles WHERE id = ?", (art.id,)).fetchone()
                if old is not None:
                    self._forget(old)
                cur = conn.execute(
                    "INSERT INTO articles (id, path, date, outlet, url, title, sha1, day, text, units, quotes)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (art.id, art.path, art.date, art.outlet, art.url, art.title, sha, day, art.text, blob, nquotes))
                n = cur.lastrowid
                conn.executemany("INSERT OR IGNORE INTO keys (key, day, n) VALUES (?, ?, ?)",
                                 ((k, day, n) for k in keys))
                counted = sorted(Counter(names).items())
                conn.executemany("INSERT INTO speakers (n, name, type, count) VALUES (?, ?, ?, ?)",
                                 ((n, name, type, c) for (name, type), c in counted))
                conn.executemany("INSERT INTO names (surname, name, type, count) VALUES (?, ?, ?, ?)"
                                 " ON CONFLICT (surname, name, type) DO UPDATE SET count = count + excluded.count",
                                 ((_surname(name), name, type, c) for (name, type), c in counted))
            conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: cannot write the store ({exc}); the last batch was not added") from None
        for art, _ in pending:
            (out["replaced"] if art.id in held else out["added"]).append(art.id)
            held[art.id] = _sha1(art.text)

    def _forget(self, old: Sequence) -> None:
        """Remove a stored article (being replaced) with its keys and speakers."""
        n, day, blob = old
        keys = hashed(article_keys(_units(blob, 0)))
        self._conn.executemany("DELETE FROM keys WHERE key = ? AND day = ? AND n = ?", ((k, day, n) for k in keys))
        for name, type, count in self._conn.execute("SELECT name, type, count FROM speakers WHERE n = ?", (n,)).fetchall():
            key = (_surname(name), name, type)
            self._conn.execute("UPDATE names SET count = count - ? WHERE surname = ? AND name = ? AND type = ?",
                               (count, *key))
            self._conn.execute("DELETE FROM names WHERE surname = ? AND name = ? AND type = ? AND count <= 0", key)
        self._conn.execute("DELETE FROM speakers WHERE n = ?", (n,))
        self._conn.execute("DELETE FROM articles WHERE n = ?", (n,))

    # -- reading ------------------------------------------------------------------------------

    def articles(self) -> Iterator[Extraction]:
        """Every stored article with its quotes, in the order of their ids."""
        for row in self._query(f"SELECT {_COLUMNS} FROM articles ORDER BY id"):
            yield Extraction(_article(row), _units(row[8], 0).quotes)

    def trace(self) -> Trace:
        """The trace of every stored article: the same as :func:`quotetrace.trace` of them.
        Read from the store when it was kept there since the last change (``store/cache.py``), else
        made in bounded memory (``store/bounded.py``) and kept (unless the store is read-only)."""
        with self._snapshot():
            if cache.fresh(self._conn):
                return self._kept(self._conn)
        with self._made() as work:
            return self._kept(work)

    @contextlib.contextmanager
    def _made(self) -> Iterator[sqlite3.Connection]:
        """The trace of the store as it is now, made in a work file (:mod:`.bounded`) from one
        state of the store and kept in the store when it can be: the work file's connection,
        open while the context is, whose tables ``traced``, ``families`` and ``occurrences`` hold
        it as a kept trace, and ``articles`` the articles traced (their ids, paths and dates)."""
        with contextlib.ExitStack() as stack:
            with self._snapshot():
                made_at = cache.generation(self._conn)
                work = stack.enter_context(bounded.traced(
                    lambda: self._conn.execute("SELECT id, path, date, units FROM articles ORDER BY id"),
                    self._one, made_at))
            if not self.readonly:
                cache.keep(self._conn, made_at, work.path)
            yield work.conn

    def _one(self, id: str) -> Article:
        """An article as tracing reads it: its id, date and text."""
        text, date = self._conn.execute("SELECT text, date FROM articles WHERE id = ?", (id,)).fetchone()
        return Article(id, text, date=date)

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """One read transaction: what is read inside it is of one state of the store."""
        try:
            self._conn.execute("BEGIN")
            try:
                yield
            finally:
                if self._conn.in_transaction:
                    self._conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot read the store: {exc}") from None

    def _kept(self, conn: sqlite3.Connection) -> Trace:
        """A kept trace (see :mod:`.cache`) in ``conn`` (the store or a work file), with the
        articles it lists and their texts."""
        entries = [TracedArticle(id, path, date) for id, path, date in conn.execute(_LISTED)]
        wanted = {e.id for e in entries}
        texts = {id: text for id, text in self._conn.execute("SELECT id, text FROM articles ORDER BY id")
                 if id in wanted}
        speakers, derivations, families = cache.cached_parts(conn)
        return Trace(entries, speakers, list(families), derivations, texts=texts)

    def families(self, *, speaker: str | None = None, relation: str | None = None,
                 article: str | None = None) -> list[Family]:
        """The families of :meth:`trace`, those credited to ``speaker`` (or with an occurrence
        given to them), with an occurrence of ``relation``, or with one in ``article``; read
        from the trace kept in the store (made first if the store changed since)."""
        for name, value in (("speaker", speaker), ("relation", relation), ("article", article)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"{name} must be a str or None, not {type(value).__name__}")
        if relation is not None and relation not in RELATIONS:
            raise ValueError(f"relation must be one of {', '.join(RELATIONS)}, not {relation!r}")
        kept = self._chosen(speaker, relation, article)
        if kept is not None:
            return kept
        with self._made() as work:
            return cache.chosen(work, speaker, relation, article)

    @contextlib.contextmanager
    def sections(self) -> Iterator[list[tuple[str, Iterable[dict]]]]:
        """The trace of :meth:`trace` as the sections of its JSON object (``articles``,
        ``speakers``, ``families``, ``derivations``), each an iterable of plain dicts, read one at
        a time while the context is open, so that a writer can put out a trace of any size
        without holding it: from the kept trace, else from the one made for it."""
        with self._snapshot():
            if cache.fresh(self._conn):
                yield self._sections(self._conn)
                return
        with self._made() as work:
            yield self._sections(work)

    @staticmethod
    def _sections(conn: sqlite3.Connection) -> list[tuple[str, Iterable[dict]]]:
        speakers, derivations, families = cache.cached_parts(conn)
        rows = conn.execute(_LISTED)
        return [("articles", (TracedArticle(*row).to_dict() for row in rows)),
                ("speakers", [i.to_dict() for i in speakers]),
                ("families", (f.to_dict() for f in families)),
                ("derivations", [d.to_dict() for d in derivations])]

    def _chosen(self, speaker: str | None, relation: str | None, article: str | None) -> list[Family] | None:
        with self._snapshot():
            return cache.chosen(self._conn, speaker, relation, article) if cache.fresh(self._conn) else None

    # -- checking -----------------------------------------------------------------------------

    def check(self, article: Article | str | os.PathLike[str], *, analyzer: str | Analyzer = "rules") -> Check:
        """How each quote of ``article`` relates to the stored articles, as
        :func:`quotetrace.check` against them says, reading only a few dozen of them: the
        articles its keys lead to (see the module docstring for which, and what that can miss)."""
        check_analyzer(analyzer)
        art = one_article(article)
        mine = read_units(art, analyzer, 0)
        if isinstance(mine, str):
            raise QuotetraceError(mine)
        self._fresh()  # first: a store that changed empties the caches
        rows, loaded = self._candidates(mine)
        taken, entries = take_in([*(_article(r) for r in rows), art])
        units_of = {taken[k].id: loaded.get(r[0]) or _units(r[8], 0) for k, r in enumerate(rows)}
        units_of[taken[-1].id] = mine
        taken, entries, last = canonical(taken, entries, len(taken) - 1)
        got = []
        for k, a in enumerate(taken):
            u = units_of[a.id]
            for piece in itertools.chain(u.passages, u.reported, u.narrator):
                piece.article = k
            got.append(u)
        names = self._speaker_names(speaker_names(got))
        names.update(speaker_names([mine]))
        # the candidates are too few for a key to be a stock phrase among them (_CHECK_DEAD)
        tr = trace_units(taken, got, entries, last, names, dead=_CHECK_DEAD)
        if self._count < 0:
            self._count = len(self)
        return checked(tr, got, taken, last, against=self._count)

    def _speaker_names(self, wanted: Iterable[tuple[str, str]]) -> Counter[tuple[str, str]]:
        """How many stored quotes give each (name, type) that shares an identity family with
        ``wanted``: speaker identities join only names whose last words spell alike
        (tracing/speakers.py), so these give the identities the whole corpus would."""
        self._fresh()
        out: Counter[tuple[str, str]] = Counter()
        surnames = sorted({_surname(name) for name, _ in wanted})
        todo = [key for key in surnames if key not in self._names]
        for k in range(0, len(todo), 500):
            chunk = todo[k:k + 500]
            for surname in chunk:
                self._names[surname] = []
            for surname, name, type, count in self._query(
                    f"SELECT surname, name, type, count FROM names WHERE surname IN ({','.join('?' * len(chunk))})", chunk):
                self._names[surname].append(((name, type), count))
        for surname in surnames:
            out.update(dict(self._names[surname]))
        return out

    def _fresh(self) -> None:
        """Empty the caches of what was read from the store when the store changed since."""
        version = self._query("PRAGMA data_version")[0][0]
        if version != self._version:
            self._version, self._names, self._dfs, self._count = version, {}, {}, -1
        elif len(self._dfs) > _MAX_CACHED:  # a long-lived Corpus checking article after article
            self._dfs, self._names = {}, {}

    def _candidates(self, mine: Units) -> tuple[list, dict[int, Units]]:
        """The stored articles a check must trace with: those sharing its keys, then those
        sharing keys with the passages it meets there (one of them may be their original); and
        the units of the first, read on the way."""
        passages, single, pairs = lookups(mine)
        first = self._holders(passages, single, pairs)
        rows = self._rows(first)
        rare = {key for group in passages for key in group if self._df(key) <= MAX_DF}
        # the content pairs of its reported speech and narrator text, as passages hold them
        told = {key_hash("q", f"{a}\x1f{b}") for p in (*mine.reported, *mine.narrator)
                for a, b in content_pairs(p.words.stems)}
        second: list[list[int]] = []
        loaded = {r[0]: _units(r[8], 0) for r in rows}
        for r in rows:
            for p in loaded[r[0]].passages:
                keys = [key_hash(*k) for k in passage_keys(p.words.stems)]
                if rare.intersection(keys) or len(told.intersection(
                        key_hash("q", f"{a}\x1f{b}") for a, b in content_pairs(p.words.stems))) >= _MIN_PAIRS:
                    second.append(keys)
        more = self._holders(second, {}, [], per_key=_SECOND_PER_KEY, skip=first) - first
        return rows + self._rows(more), loaded

    def _df(self, key: int, cap: int = MAX_DF) -> int:
        """How many stored articles hold ``key`` (counted up to ``cap + 1``)."""
        if (key, cap) not in self._dfs:
            self._dfs[key, cap] = self._query("SELECT count(*) FROM (SELECT 1 FROM keys WHERE key = ? LIMIT ?)",
                                              (key, cap + 1))[0][0]
        return self._dfs[key, cap]

    def _holders(self, passages: list[list[int]], single: dict[str, list[int]],
                 pair_groups: list[list[int]], per_key: int = 0, skip: Container[int] = ()) -> set[int]:
        """The articles (row numbers) the keys lead to, a bounded number whatever the size of
        the store: for each passage, among the earliest ``_PER_KEY`` holders of its n-grams held
        by at most ``MAX_DF`` articles (of all of them, when none is: a quote copied
        everywhere), the ``_PER_PASSAGE`` that hold most (with ``per_key``: the ``per_key``
        earliest that hold two); the earliest holders of each context and live sketch value;
        for each piece, the ``_PER_PIECE`` articles holding most of its live content pairs (two
        at least) among each pair's earliest holders. ``skip``: articles already read."""
        found: set[int] = set()
        for group in passages:
            rare = [key for key in group if self._df(key) <= MAX_DF]
            votes: Counter[tuple[int, int]] = Counter()
            for key in rare or group:
                votes.update(self._earliest(key, _PER_KEY))
            if per_key:  # the earliest that holds two of them: where an earlier original is
                early = sorted((day, n) for (day, n), c in votes.items()
                               if c >= min(2, len(rare or group)) and n not in skip)
                found.update(n for _, n in early[:per_key])
            else:
                best = sorted((-c, day, n) for (day, n), c in votes.items())[:_PER_PASSAGE]
                found.update(n for _, _, n in best)
        for kind, keys in single.items():
            for key in keys:
                if kind == "c":
                    found.update(n for _, n in self._earliest(key, _PER_CONTEXT))
                elif self._df(key, _CAPPED[kind]) <= _CAPPED[kind]:
                    found.update(n for _, n in self._earliest(key, _PER_SKETCH))
        held: dict[int, list[tuple[int, int]]] = {}
        for group in pair_groups:
            counts: Counter[tuple[int, int]] = Counter()
            for key in group:
                if key not in held:
                    held[key] = self._capped(key, MAX_PAIR_DF)
                counts.update(held[key])
            best = sorted((-c, day, n) for (day, n), c in counts.items() if c >= _MIN_PAIRS)[:_PER_PIECE]
            found.update(n for _, _, n in best)
        return found

    def _earliest(self, key: int, limit: int) -> list[tuple[int, int]]:
        """The (day, article) of the earliest holders of ``key``, ``limit`` at most."""
        return self._query("SELECT day, n FROM keys WHERE key = ? ORDER BY day, n LIMIT ?", (key, limit))

    def _capped(self, key: int, cap: int) -> list[tuple[int, int]]:
        """The earliest (day, article) holding ``key``, ``_PAIR_HOLDERS`` at most, or none when
        more than ``cap`` hold it (a stock phrase: counted in SQLite, its holders never read)."""
        if self._df(key, cap) > cap:
            return []
        return self._earliest(key, _PAIR_HOLDERS)

    def _rows(self, ns: Iterable[int]) -> list:
        ns = sorted(ns)
        out = []
        for k in range(0, len(ns), 500):
            chunk = ns[k:k + 500]
            out += self._query(f"SELECT {_COLUMNS} FROM articles WHERE n IN ({','.join('?' * len(chunk))})", chunk)
        return out


def _dated(article: Article) -> Article:
    """The article with its date in ISO, as a trace in memory reads it (:mod:`quotetrace.dates`):
    normalised, or dropped when it is no date, with a warning either way."""
    if article.date is None:
        return article
    try:
        iso, note = normalize_date(article.date)
    except InputError as exc:
        warnings.warn(DateWarning(f"{article.path or article.id}: {exc}; added without a date"), stacklevel=2)
        return attrs.evolve(article, date=None)
    if note:
        warnings.warn(DateWarning(f"{article.path or article.id}: {note}"), stacklevel=2)
    return attrs.evolve(article, date=iso) if iso != article.date else article


def _lone_surrogate(article: Article) -> str | None:
    """Why an article cannot be stored, when one of its strings holds a lone surrogate (half of a
    character, cut in two by a scraper): SQLite keeps UTF-8 text, which cannot hold it."""
    for field in ("id", "text", "path", "outlet", "url", "title", "date"):
        value = getattr(article, field)
        bad = SURROGATE_RE.search(value) if value else None
        if bad:
            return (f"{article.path or ascii(article.id)}: the {field} holds a lone surrogate at offset {bad.start()} "
                    "(half of a character cut in two); a store keeps whole characters only: not added")
    return None


class _Todo:
    """The articles an add must extract, in order; the others are noted as they pass (read
    lazily, so a folder of a million files is never held in memory)."""

    def __init__(self, items: Iterator[Article | Unreadable], held: dict[str, str], replace: bool,
                 out: dict[str, list[str]]):
        self.items, self.held, self.replace, self.out = items, held, replace, out
        self.seen: dict[str, str] = {}
        self.queue: deque[Article] = deque()

    def __iter__(self) -> Iterator[Article]:
        for item in self.items:
            if isinstance(item, Unreadable):
                self.out["errors"].append(item.message)
                continue
            broken = _lone_surrogate(item)
            if broken:
                self.out["errors"].append(broken)
                continue
            item = _dated(item)
            sha = _sha1(item.text)
            before = self.seen.get(item.id, self.held.get(item.id))
            if before == sha:
                self.out["skipped"].append(item.id)
                continue
            if item.id in self.seen or (before is not None and not self.replace):
                where = "earlier in this add" if item.id in self.seen else "in the store"
                self.out["errors"].append(
                    f"{item.path or item.id}: the article {item.id!r} is already {where} with another text; "
                    "left as it is (add --replace to replace it)" if where == "in the store" else
                    f"{item.path or item.id}: another article with the id {item.id!r} came {where}; not added")
                continue
            self.seen[item.id] = sha
            self.queue.append(item)
            yield item


__all__ = ["Added", "Corpus", "SCHEMA_VERSION"]
