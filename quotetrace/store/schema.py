"""The store's file: one SQLite database in WAL mode (one writer, readers beside it), its schema,
and the checks that make sure a file is a quotetrace store of this version before anything
touches it.

A store is recognised by ``PRAGMA application_id`` (:data:`APPLICATION_ID`) and versioned by
``PRAGMA user_version`` (:data:`SCHEMA_VERSION`): the units are pickled with this version of
quotetrace's classes, so a store of another version is refused, never read wrongly or
upgraded in place. Read ``sqlite3 news.db .schema`` for the tables:

- ``articles``: one row per article: its metadata, text, the SHA-1 of its text (same id and
  same text is the same article), its day (for the order of candidates), its units (what
  tracing needs, pickled and compressed) and how many quotes it holds;
- ``keys``: the tracing index, one row per (key, article): the 64-bit hash of a passage
  n-gram, a short passage, a passage's context, a content-word pair or a sentence sketch
  value (:mod:`.index`), with the article's day so the earliest holders come first;
- ``speakers``: how many quotes each article attributes to each (name, type);
- ``names``: the same counted over the whole store, by the spelling of the name's last word
  (``surname``): speaker identities join only names whose last words spell alike, so a check
  reads the few groups its speakers belong to, never every name of the store;
- ``meta``: ``generation``, which every committed batch of ``add`` raises by one;
- ``traced``, ``families``, ``occurrences``: the trace of the whole store as it was at
  ``traced.generation``, written by the first ``trace`` after a change (families pickled, one row
  per family, and one row per occurrence to find families by article, speaker and relation).
  ``add`` never retraces: a trace is only made when asked for, and kept until the store changes.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

from ..errors import StoreError

#: "QTRC": what marks a SQLite file as a quotetrace store.
APPLICATION_ID = 0x51545243
#: The version of the tables and of the pickled units; another version is refused.
SCHEMA_VERSION = 3  # 2: units changed (a passage past its sentence, lone names typed, fewer
# offsets); 3: the tables of names, counts and the kept trace

_TABLES = """
CREATE TABLE articles (
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    path TEXT, date TEXT, outlet TEXT, url TEXT, title TEXT,
    sha1 TEXT NOT NULL,
    day INTEGER NOT NULL,
    text TEXT NOT NULL,
    units BLOB NOT NULL,
    quotes INTEGER NOT NULL
);
CREATE INDEX articles_sha1 ON articles (sha1);
CREATE TABLE keys (
    key INTEGER NOT NULL,
    day INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (key, day, n)
) WITHOUT ROWID;
CREATE TABLE speakers (
    n INTEGER NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (n, name, type)
) WITHOUT ROWID;
CREATE TABLE names (
    surname TEXT NOT NULL,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (surname, name, type)
) WITHOUT ROWID;
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO meta (key, value) VALUES ('generation', 0);
CREATE TABLE traced (
    generation INTEGER NOT NULL,
    speakers BLOB NOT NULL,
    derivations BLOB NOT NULL
);
CREATE TABLE families (
    k INTEGER PRIMARY KEY,
    speaker TEXT,
    family BLOB NOT NULL
);
CREATE TABLE occurrences (
    family INTEGER NOT NULL,
    article TEXT NOT NULL,
    relation TEXT NOT NULL,
    speaker TEXT
);
CREATE INDEX occurrences_article ON occurrences (article, family);
CREATE INDEX occurrences_speaker ON occurrences (speaker, family);
CREATE INDEX occurrences_relation ON occurrences (relation, family);
"""


#: The tables a store of this version has.
TABLES = ("articles", "keys", "speakers", "names", "meta", "traced", "families", "occurrences")


def _uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.absolute()))}?mode={mode}"


def open_store(path: str | os.PathLike[str], *, readonly: bool) -> tuple[sqlite3.Connection, bool]:
    """A connection to the store at ``path`` and whether it is read-only.

    A missing file is created (unless ``readonly``); a file that is read-only on disk is
    opened read-only. Raises :class:`StoreError` for a file that is not a quotetrace store
    of this version, or is corrupt; such a file is not modified.
    """
    p = Path(path)
    if not p.exists():
        if readonly:
            raise StoreError(f"{path}: no such store")
        if not p.parent.is_dir():
            raise StoreError(f"{path}: cannot create a store: no folder {p.parent}")
        return _create(p, path), False
    if p.is_dir():
        raise StoreError(f"{path}: is a folder, not a store")
    readonly = readonly or not os.access(p, os.W_OK) or not os.access(p.parent, os.W_OK)
    try:
        conn = sqlite3.connect(_uri(p, "ro" if readonly else "rw"), uri=True, isolation_level=None,
                               check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the store: {exc}") from None
    try:
        _check(conn, p, path)
    except BaseException:
        conn.close()
        raise
    if not readonly:
        conn.execute("PRAGMA busy_timeout = 60000")
    else:
        conn.execute("PRAGMA query_only = 1")
    return conn, readonly


def _create(p: Path, path: str | os.PathLike[str]) -> sqlite3.Connection:
    conn = sqlite3.connect(_uri(p, "rwc"), uri=True, isolation_level=None, check_same_thread=False)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA busy_timeout = 60000")
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("PRAGMA application_id").fetchone()[0] == 0 and not _tables(conn):
            for statement in _TABLES.split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"{path}: cannot create a store: {exc}") from None
    return conn


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master")]


def _check(conn: sqlite3.Connection, p: Path, path: str | os.PathLike[str]) -> None:
    """Refuse anything but a quotetrace store of this version, reading only."""
    try:
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = _tables(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a quotetrace store ({exc})") from None
    if app != APPLICATION_ID:
        what = "an empty file" if p.stat().st_size == 0 else \
            "a SQLite database of another program" if tables else "not a SQLite database"
        raise StoreError(f"{path}: not a quotetrace store ({what}); it was left as it is")
    if version != SCHEMA_VERSION:
        raise StoreError(f"{path}: a quotetrace store of schema version {version}; this quotetrace "
                         f"reads version {SCHEMA_VERSION} (add its articles again to a new store)")
    missing = set(TABLES) - set(tables)
    if missing:
        raise StoreError(f"{path}: the store is corrupt (no table {', '.join(sorted(missing))})")
