"""The trace of a whole store in bounded memory: the steps of :mod:`..tracing.parts` joined by
SQLite, in a temporary work file, instead of over every article's units held at once.

The in-memory engine holds every article's passages, reported speech and narrator sentences
(about 75 KB an article: 7.3 GiB for 100,000 generated articles). Here each step reads what it needs as it goes, the
way the Spark job distributes the same steps:

1. **scan**: the stored articles in the order of their ids, one at a time: the speakers' names
   counted (identities are built from those counts, in the order the names are first met); each
   article's passages in marks, the content pairs of its reported speech and narrator pieces, its
   narrator sentences' sketch values and words written to the work file;
2. **keys**: the grouping keys of the passages (:func:`..tracing.keys.article_keys`), hashed to 64
   bits with the hash of their holder; the dead keys counted by SQLite (``GROUP BY``), as the
   in-memory engine counts them: a key held by more statements (or articles) than its cap;
3. **groups**: every passage in the order the in-memory engine groups them (an SQLite sort)
   streams through :func:`..tracing.parts.component_groups`, whose families move to a temporary
   file past ``SPILL_FAMILIES`` of them. Components are not needed: one pass over all passages
   decides what a pass per component decides, since grouping consults only the keys of the
   passage at hand;
4. **sentences**: per sketch value held by two articles or more, the links it makes
   (:func:`..tracing.parts.value_links`), counted per pair of articles by SQLite;
5. **families**: per family, what each article involved brings to it (its passages in the
   family; its pieces that share a live content pair with the original, joined by SQLite; whether
   it is related to the original's article), gathered in a second scan of the store, then the
   family found and labelled by :func:`..tracing.parts.family_row` with those articles alone;
6. **derivations** per pair of articles (:func:`..tracing.parts.pair_derivations`), the pairs
   that share one sentence alone then settled against the rest (:func:`..tracing.derive.settled`);
7. the families numbered in the output's order (an SQLite sort) and written, with the
   derivations and speakers, into tables of the store's own schema for a kept trace
   (:mod:`.cache`), from which the store copies them.

Keys and their holders are counted, and the dead keys held, as 64-bit hashes (:class:`Hashed`):
for a decision to differ from the in-memory engine's, two of the corpus's keys (or holders of one
key) would have to share a hash, or a live key a dead one's; with the tens of millions of keys
of 100,000 articles, the odds are under one in ten thousand a trace.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import logging
import os
import pickle
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator

import attrs

from ..errors import StoreError
from ..model import Article, Derivation
from ..tracing.derive import grams_of_stems, settled
from ..tracing.engine import speaker_names, statement_count
from ..tracing.keys import CAPS, article_keys, content_pairs, pair_key, sketch_key
from ..tracing import knobs
from ..tracing.parts import component_groups, family_row, involvement, pair_derivations, passage_rows, value_links
from ..tracing.speakers import Identities
from ..tracing.units import Units, lean
from . import cache

log = logging.getLogger(__name__)

_SEP = "\x1f"  # never part of a stem

_WORK = """
-- named as the store's table: the articles traced are listed by the same query in both
CREATE TABLE articles (a INTEGER PRIMARY KEY, id TEXT NOT NULL, path TEXT, date TEXT, statements INTEGER NOT NULL);
CREATE TABLE pas (id TEXT, k INTEGER, "when" TEXT, words INTEGER, unquoted INTEGER, start INTEGER, blob BLOB);
CREATE TABLE gkeys (h INTEGER, cap INTEGER, held INTEGER);
CREATE TABLE pairs (h INTEGER, a INTEGER, pk INTEGER);
CREATE TABLE sk (h INTEGER, a INTEGER, k INTEGER);
CREATE TABLE sent (a INTEGER, k INTEGER, stems TEXT, PRIMARY KEY (a, k)) WITHOUT ROWID;
CREATE TABLE dead (h INTEGER PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE grp (fid INTEGER PRIMARY KEY, orig INTEGER, grp BLOB, dead TEXT);
CREATE TABLE mem (a INTEGER, fid INTEGER, ks TEXT);
CREATE TABLE fp (h INTEGER, fid INTEGER);
CREATE TABLE links (src INTEGER, dst INTEGER, k INTEGER, rank TEXT);
CREATE TABLE rel (x INTEGER, y INTEGER, PRIMARY KEY (x, y)) WITHOUT ROWID;
CREATE TABLE inv (fid INTEGER, a INTEGER, blob BLOB);
CREATE TABLE fam (orig INTEGER, start INTEGER, fid INTEGER, family BLOB);
CREATE TABLE ql (src INTEGER, dst INTEGER);
CREATE TABLE traced (generation INTEGER NOT NULL, speakers BLOB NOT NULL, derivations BLOB NOT NULL);
CREATE TABLE families (k INTEGER PRIMARY KEY, speaker TEXT, family BLOB NOT NULL);
CREATE TABLE occurrences (family INTEGER NOT NULL, article TEXT NOT NULL, relation TEXT NOT NULL, speaker TEXT);
"""

#: rows written to the work file at once
_CHUNK = 20_000


def key_hash(key: str) -> int:
    """A key (or a holder) as a signed 64-bit integer. Python's own hash of a string: a trace is
    made in one process, whose hashes agree with one another (not with another process's), and
    it is ten times as fast as a digest; a string caches it."""
    return hash(key)


class Hashed:
    """The dead keys, by their hashes (:func:`key_hash`): what grouping, paraphrases and
    derivations ask of them is only whether a key is among them."""

    __slots__ = ("hashes",)

    def __init__(self, hashes: Iterable[int]):
        self.hashes = frozenset(hashes)

    def __contains__(self, key: str) -> bool:
        return key_hash(key) in self.hashes


@attrs.define
class Work:
    """A trace made in a work file: its connection (tables ``traced``, ``families`` and
    ``occurrences`` of the store's schema), its path, and the folder to remove when done."""

    conn: sqlite3.Connection
    path: str
    folder: str

    def close(self) -> None:
        self.conn.close()
        shutil.rmtree(self.folder, ignore_errors=True)


@contextlib.contextmanager
def traced(rows: Callable[[], Iterable[tuple[str, str | None, str | None, bytes]]],
           article: Callable[[str], Article], generation: int, folder: str | None = None) -> Iterator[Work]:
    """The trace of the articles ``rows()`` gives (id, path, date, their units pickled and
    compressed, in the order of their ids; called twice), made in a work file in a temporary
    folder (in ``folder``, else the system's) and open while the context is; the folder is
    removed at the end. ``article(id)`` reads one article (its text labels the families it is
    involved in)."""
    place = tempfile.mkdtemp(prefix="quotetrace-trace-", dir=folder)
    path = os.path.join(place, "work.db")
    conn = sqlite3.connect(path, isolation_level=None)
    work = Work(conn, path, place)
    try:
        for pragma in ("journal_mode = OFF", "synchronous = OFF", "temp_store = FILE", "cache_size = -65536"):
            conn.execute(f"PRAGMA {pragma}")
        conn.executescript(_WORK)
        try:
            _Steps(conn, rows, article, place).run(generation)
        except sqlite3.OperationalError as exc:
            if "full" not in str(exc):
                raise
            # the work file, not the store: say where it was, and how to put it elsewhere
            raise StoreError(f"no room left for the trace's work file in {place} ({exc}): a trace "
                             "of a large store needs a few GB there; TMPDIR names another folder") from None
        yield work
    finally:
        work.close()


@contextlib.contextmanager
def _step(name: str) -> Iterator[None]:
    """Log a step's time, and the process's peak memory so far where the system tells it
    (``logging`` at INFO shows them)."""
    started = time.perf_counter()
    yield
    try:
        import resource  # not on Windows
        peak = f" (peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB so far)"
    except ImportError:
        peak = ""
    log.info("trace of the store: %s in %.1f s%s", name, time.perf_counter() - started, peak)


def _grams(stems: str) -> frozenset[str]:
    """A narrator sentence's word 4-grams, from its stems as the work file keeps them."""
    return frozenset(grams_of_stems(stems.split(_SEP) if stems else []))


def _chunks(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    """``rows`` a list of at most ``_CHUNK`` at a time."""
    it = iter(rows)
    while chunk := list(itertools.islice(it, _CHUNK)):
        yield chunk


class _Rows(list):
    """Rows for one table of the work file, written when ``_CHUNK`` of them are held."""

    def __init__(self, table: str, steps: _Steps):
        super().__init__()
        self.table, self.steps = table, steps

    def add(self, rows: Iterable[tuple]) -> None:
        self.extend(rows)
        if len(self) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        if self:
            self.steps._insert(self.table, self)
            self.clear()


def _units(blob: bytes) -> Units:
    return cache.unpack(blob)  # type: ignore[return-value]


class _Steps:
    """The steps of the module docstring, over one work file."""

    def __init__(self, conn: sqlite3.Connection, rows: Callable[[], Iterable[tuple[str, str | None, str | None, bytes]]],
                 article: Callable[[str], Article], folder: str):
        self.conn, self.rows, self.folder = conn, rows, folder
        self.article = functools.lru_cache(maxsize=4096)(article)
        self.ids: list[str] = []
        self.dates: list[str | None] = []
        self.at: dict[str, int] = {}

    def _insert(self, table: str, rows: Iterable[tuple]) -> None:
        for chunk in _chunks(rows):
            marks = ", ".join("?" * len(chunk[0]))
            self.conn.executemany(f"INSERT INTO {table} VALUES ({marks})", chunk)

    @contextlib.contextmanager
    def _buffered(self, *tables: str) -> Iterator[dict[str, list[tuple]]]:
        """Lists of rows for ``tables``, written whenever one holds ``_CHUNK`` rows, and at the end."""
        rows: dict[str, list[tuple]] = {t: _Rows(t, self) for t in tables}
        yield rows
        for r in rows.values():
            r.flush()

    def run(self, generation: int) -> None:
        self.conn.execute("BEGIN")
        with _step("scan"):
            ids = Identities(self._scan())
        with _step("dead keys"):
            dead = self._dead(ids)
        with _step("groups"):
            self._groups(ids, dead)
        with _step("sentences"):
            self._sentences()
            self._related()
        with _step("involved"):
            self._involved()
        with _step("families"):
            used = self._families(ids)
        with _step("derivations"):
            derived = self._derivations()
        with _step("numbered"):
            self._number(ids, used, derived, generation)
        self.conn.execute("COMMIT")

    # 1. one pass over the store
    def _scan(self) -> dict[tuple[str, str], int]:
        names: dict[tuple[str, str], int] = {}
        with self._buffered("articles", "pas", "pairs", "sk", "sent") as out:
            for a, (id, path, date, blob) in enumerate(self.rows()):
                u = _units(blob)
                self.ids.append(id)
                self.dates.append(date)
                self.at[id] = a
                for pair in speaker_names([u]):  # counted in the order first met, as in memory
                    names[pair] = names.get(pair, 0) + 1
                out["articles"].add([(a, id, path, date, statement_count(u))])
                out["pas"].add(passage_rows(id, date, u))
                for pk, piece in enumerate(u.reported + u.narrator):
                    out["pairs"].add((key_hash(key), a, pk)
                                     for key in {pair_key(p) for p in content_pairs(piece.words.stems)})
                for k, values in enumerate(u.sketches):
                    if values:
                        out["sent"].add([(a, k, _SEP.join(u.narrator[k].words.stems))])
                        out["sk"].add((key_hash(sketch_key(v)), a, k) for v in values)
        return names

    # 2. the dead keys
    def _dead(self, ids: Identities) -> Hashed:
        def keys() -> Iterator[tuple]:
            rows = self.conn.execute("SELECT id, blob FROM pas ORDER BY rowid")
            for _, group in itertools.groupby(rows, key=lambda r: r[0]):
                passages = [pickle.loads(blob) for _, blob in group]
                # the passages' keys: their content pairs have no holder (they count nothing)
                for key, holder in article_keys(Units([], passages, [], [], []), ids.of):
                    if holder:
                        yield key_hash(key), CAPS[key[0]], key_hash(holder)
        self._insert("gkeys", keys())
        c = self.conn
        c.execute("INSERT INTO dead SELECT h FROM gkeys GROUP BY h HAVING COUNT(DISTINCT held) > MIN(cap)")
        # a content pair or a sketch value counts the articles that hold it
        c.execute("INSERT OR IGNORE INTO dead SELECT h FROM pairs GROUP BY h HAVING COUNT(DISTINCT a) > ?",
                  (CAPS["q"],))
        c.execute("INSERT OR IGNORE INTO dead SELECT h FROM sk GROUP BY h HAVING COUNT(DISTINCT a) > ?",
                  (CAPS["k"],))
        c.execute("DELETE FROM gkeys")
        return Hashed(h for h, in c.execute("SELECT h FROM dead"))

    # 3. the groups, all passages in grouping order
    def _groups(self, ids: Identities, dead: Hashed) -> None:
        cur = self.conn.execute('SELECT id, k, blob FROM pas ORDER BY "when", words DESC, unquoted, id, start')
        passages = (((id, k), pickle.loads(blob)) for id, k, blob in cur)
        at = self.at
        with self._buffered("grp", "mem", "fp") as out:
            for fid, row in enumerate(component_groups(ids, passages, dead, knobs.SPILL_FAMILIES, self.folder)):
                _, orig, blob, arts, ks, live, dead_pairs = row
                out["grp"].add([(fid, at[orig], blob, json.dumps(dead_pairs))])
                out["mem"].add((at[a], fid, json.dumps(k)) for a, k in zip(arts, ks))
                out["fp"].add((key_hash(x), fid) for x in live)
        self.conn.execute("DELETE FROM pas")

    # 4. the narrator sentences the articles share
    def _sentences(self) -> None:
        c = self.conn
        c.execute("CREATE TABLE held AS SELECT h FROM sk GROUP BY h HAVING COUNT(*) > 1 "
                  "EXCEPT SELECT h FROM dead")
        c.execute("CREATE INDEX held_h ON held (h)")
        grams = functools.lru_cache(maxsize=1 << 14)(_grams)
        ids, dates = self.ids, self.dates

        def links() -> Iterator[tuple]:
            rows = c.execute("SELECT sk.h, sk.a, sk.k, sent.stems FROM sk JOIN held USING (h) JOIN sent USING (a, k) "
                             "ORDER BY sk.h")
            for _, group in itertools.groupby(rows, key=lambda r: r[0]):
                members = [(ids[a], dates[a], k, grams(stems)) for _, a, k, stems in group]
                yield from ((self.at[la], self.at[la_dst], k, rank) for la, la_dst, k, rank in value_links(members))
        self._insert("links", links())
        # a sentence found like several earlier articles' comes from the earliest of them
        c.execute("CREATE TABLE sents AS SELECT src, dst, COUNT(*) AS s FROM "
                  "(SELECT dst, k, src, MIN(rank) FROM links GROUP BY dst, k) GROUP BY src, dst")

    # which articles are related: sharing a quote or a sentence, either way
    def _related(self) -> None:
        c = self.conn
        c.execute("INSERT OR IGNORE INTO rel SELECT g.orig, m.a FROM mem m JOIN grp g USING (fid) WHERE m.a != g.orig")
        c.execute("INSERT OR IGNORE INTO rel SELECT src, dst FROM sents")
        c.execute("INSERT OR IGNORE INTO rel SELECT y, x FROM rel")

    # 5. what each article brings to the families it is involved in
    def _involved(self) -> None:
        c = self.conn
        c.execute("CREATE INDEX fp_h ON fp (h)")
        # each piece that shares a live content pair with a family's original
        c.execute("CREATE TABLE found AS SELECT DISTINCT pairs.a AS a, fp.fid AS fid, pairs.pk AS pk "
                  "FROM pairs CROSS JOIN fp ON fp.h = pairs.h")
        c.execute("DELETE FROM pairs")
        wants = c.execute("SELECT a, fid, ks, NULL FROM mem UNION ALL SELECT a, fid, NULL, pk FROM found "
                          "ORDER BY 1, 2")
        by_article = itertools.groupby(wants, key=lambda r: r[0])
        orig = dict(c.execute("SELECT fid, orig FROM grp"))
        rel_cur = self.conn.cursor()

        def rows() -> Iterator[tuple]:
            pending = next(by_article, None)
            for a, (*_, blob) in enumerate(self.rows()):
                if pending is None:
                    return
                if pending[0] != a:
                    continue
                u = _units(blob)
                credits = lean(u).quotes
                related = {x for x, in rel_cur.execute("SELECT y FROM rel WHERE x = ?", (a,))}
                for fid, items in itertools.groupby(pending[1], key=lambda r: r[1]):
                    ks: list[int] = []
                    pks: list[int] = []
                    for _, _, k, pk in items:
                        if k is not None:
                            ks = json.loads(k)
                        else:
                            pks.append(pk)
                    brought = involvement(u, credits, ks, sorted(pks), orig[fid] in related)
                    yield fid, a, pickle.dumps(brought)
                pending = next(by_article, None)
        self._insert("inv", rows())
        c.execute("CREATE INDEX inv_fid ON inv (fid, a)")

    # 5. each family found and labelled with the articles involved
    def _families(self, ids: Identities) -> set[str]:
        used: set[str] = set()
        rows = self.conn.execute("SELECT i.fid, i.a, i.blob, g.grp, g.dead, g.orig FROM inv i JOIN grp g USING (fid) "
                                 "ORDER BY i.fid, i.a")

        def labelled() -> Iterator[tuple]:
            for fid, items in itertools.groupby(rows, key=lambda r: r[0]):
                items = list(items)
                _, _, _, grp, dead_pairs, orig = items[0]
                brought = [(self.article(self.ids[a]), *pickle.loads(blob)) for _, a, blob, *_ in items]
                _, _, start, family, links, names, _ = family_row(ids, str(fid), self.ids[orig], grp,
                                                                   json.loads(dead_pairs), brought)
                used.update(names)
                yield orig, start, fid, family, [self.at[x] for x in links]
        # written as they are labelled: the families of a large store do not fit in memory
        for chunk in _chunks(labelled()):
            self._insert("fam", (row[:4] for row in chunk))
            self._insert("ql", ((row[0], x) for row in chunk for x in row[4]))
        return used

    # 6. the derivations, pair of articles by pair
    def _derivations(self) -> list[Derivation]:
        c = self.conn
        statements = [n for n, in c.execute("SELECT statements FROM articles ORDER BY a")]
        rows = c.execute(
            "SELECT MIN(src, dst) AS lo, MAX(src, dst) AS hi, "
            "SUM(CASE WHEN src < dst THEN q ELSE 0 END), SUM(CASE WHEN src > dst THEN q ELSE 0 END), "
            "SUM(CASE WHEN src < dst THEN s ELSE 0 END), SUM(CASE WHEN src > dst THEN s ELSE 0 END) FROM "
            "(SELECT src, dst, COUNT(*) AS q, 0 AS s FROM ql GROUP BY src, dst "
            " UNION ALL SELECT src, dst, 0, s FROM sents) GROUP BY lo, hi")
        out = []
        for lo, hi, q_lh, q_hl, s_lh, s_hl in rows:
            for d, lone in pair_derivations(self.ids[lo], self.ids[hi], self.dates[lo], self.dates[hi], (q_lh, q_hl),
                                            (s_lh, s_hl), (statements[lo], statements[hi])):
                out.append((self.at[d.article], -d.score, self.at[d.source], d, lone))
        out.sort(key=lambda r: r[:3])
        return settled(r[3:] for r in out)

    # 7. the families numbered, and the trace in the store's tables
    def _number(self, ids: Identities, used: set[str], derived: list[Derivation], generation: int) -> None:
        c = self.conn
        with self._buffered("families", "occurrences") as out:
            for k, (blob,) in enumerate(c.execute("SELECT family FROM fam ORDER BY orig, start, fid")):
                f = attrs.evolve(pickle.loads(blob), id=f"f{k + 1}")
                out["families"].add([(k, f.speaker, cache.pack(f))])
                out["occurrences"].add((k, o.article, o.relation, o.speaker) for o in f.occurrences)
        speakers = [i for i in ids.all() if i.name in used]
        c.execute("INSERT INTO traced VALUES (?, ?, ?)", (generation, cache.pack(speakers), cache.pack(derived)))
