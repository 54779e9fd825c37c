"""The trace of a whole store, kept in the store until the store changes.

``add`` never retraces: new articles can relabel families anywhere (an earlier-dated copy
becomes a family's new original; a key that grows common stops proposing candidates
everywhere), and generated or real news corpora hold one component that spans most articles,
so relabelling only what a batch touches would still retrace most of the store, once per batch.
Instead the first :meth:`~.corpus.Corpus.trace` after a change traces the whole store (in a work
file, :mod:`.bounded`) and copies its families here with the store's ``generation`` (raised by every committed batch);
the next ones, and :meth:`~.corpus.Corpus.families`, read them back until the generation moves.

Families are pickled one per row (byte for byte the objects the trace made), with one row per
occurrence so that families are found by article, speaker and relation without unpickling the
others. A store opened read-only, or one a writer holds at the moment, is traced without
keeping the result.
"""

from __future__ import annotations

import pickle
import sqlite3
import zlib
from collections.abc import Iterator

from ..model import Family


def pack(value: object) -> bytes:
    return zlib.compress(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), 1)


def unpack(blob: bytes) -> object:
    return pickle.loads(zlib.decompress(blob))


def generation(conn: sqlite3.Connection) -> int:
    """How many batches were committed to the store."""
    return conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()[0]


def fresh(conn: sqlite3.Connection) -> bool:
    """Whether the store holds the trace of what it holds now (call inside a read transaction)."""
    row = conn.execute("SELECT generation FROM traced").fetchone()
    return row is not None and row[0] == generation(conn)


def cached_parts(conn: sqlite3.Connection) -> tuple[list, list, Iterator[Family]]:
    """The kept trace's speakers, derivations and families (in order), when :func:`fresh`."""
    speakers, derivations = conn.execute("SELECT speakers, derivations FROM traced").fetchone()
    families = (unpack(blob) for blob, in conn.execute("SELECT family FROM families ORDER BY k"))
    return unpack(speakers), unpack(derivations), families  # type: ignore[return-value]


def chosen(conn: sqlite3.Connection, speaker: str | None, relation: str | None,
           article: str | None) -> list[Family]:
    """The kept families credited to ``speaker`` or with an occurrence given to them, with an
    occurrence of ``relation``, and with one in ``article`` (each None: any), in order."""
    where, args = [], []
    if speaker is not None:
        where.append("(speaker = ? OR k IN (SELECT family FROM occurrences WHERE speaker = ?))")
        args += [speaker, speaker]
    if relation is not None:
        where.append("k IN (SELECT family FROM occurrences WHERE relation = ?)")
        args.append(relation)
    if article is not None:
        where.append("k IN (SELECT family FROM occurrences WHERE article = ?)")
        args.append(article)
    sql = "SELECT family FROM families" + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY k"
    return [unpack(blob) for blob, in conn.execute(sql, args)]  # type: ignore[misc]


def keep(conn: sqlite3.Connection, made_at: int, work: str) -> bool:
    """Keep the trace of the store at generation ``made_at``, made in the work file ``work`` (its
    tables ``traced``, ``families`` and ``occurrences``, as here: ``.bounded``), unless the store
    moved on since or a writer holds it (the trace is then simply not kept). Whether it was
    kept. One transaction: a store is never left with half a trace."""
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")  # never wait behind an add for a cache
    attached = False
    try:
        conn.execute("ATTACH DATABASE ? AS work", (work,))
        attached = True
        conn.execute("BEGIN IMMEDIATE")
        if generation(conn) != made_at:
            conn.execute("ROLLBACK")
            return False
        for table in ("traced", "families", "occurrences"):
            conn.execute(f"DELETE FROM main.{table}")
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM work.{table}")
        conn.execute("COMMIT")
        return True
    except sqlite3.Error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        return False
    finally:
        if attached:
            conn.execute("DETACH DATABASE work")
        conn.execute(f"PRAGMA busy_timeout = {int(timeout)}")
