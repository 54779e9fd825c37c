"""Nothing lost: a killed add leaves whole batches only and the next add goes on; a reader works
while a writer adds. Real processes, a real SQLite file."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quotetrace import Corpus, trace

from .conftest import make_articles

ROOT = Path(__file__).resolve().parents[2]
BATCH = 3

# a writer in its own process: adds the invented articles a few at a time, in one process
WRITER = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(ROOT / 'tests' / 'store')!r})
from conftest import make_articles
from quotetrace import Corpus
with Corpus(sys.argv[1]) as corpus:
    corpus.add(make_articles(int(sys.argv[2])), jobs=1, batch={BATCH})
"""


def _writer(path: Path, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", WRITER, str(path), str(n)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _count(path: Path) -> int:
    if not path.exists():
        return 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the tables are not made yet
        return 0
    finally:
        conn.close()


def _wait_for(proc: subprocess.Popen, path: Path, at_least: int, limit: float = 120) -> int:
    # a guard against a hang, not a speed requirement
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        n = _count(path)
        if n >= at_least:
            return n
        time.sleep(0.01)
    raise AssertionError(f"the writer ended or stalled: {proc.communicate()[1].decode()[-2000:]}")


def test_kill_9_leaves_whole_batches_and_the_next_add_goes_on(tmp_path: Path) -> None:
    """kill -9 in the middle of an add: the store holds whole batches, each article with its
    keys and speakers; the next add adds the rest, and the trace is the in-memory one."""
    path = tmp_path / "news.db"
    articles = make_articles(60)
    proc = _writer(path, 60)
    _wait_for(proc, path, BATCH)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Corpus(path, readonly=True) as corpus:
        held = len(corpus)
        conn = corpus._conn
        orphans = conn.execute("SELECT count(*) FROM articles WHERE n NOT IN (SELECT n FROM keys)").fetchone()[0]
        stray = conn.execute("SELECT count(*) FROM keys WHERE n NOT IN (SELECT n FROM articles)").fetchone()[0]
    assert 0 < held < 60 and held % BATCH == 0
    assert orphans == 0 and stray == 0
    with Corpus(path) as corpus:
        done = corpus.add(articles, jobs=1)
        assert len(done.skipped) == held and len(done.added) == 60 - held
        assert json.dumps(corpus.trace().to_dict()) == json.dumps(trace(articles, jobs=1).to_dict())


@pytest.mark.parametrize("readonly", [True, False])
def test_a_reader_checks_while_a_writer_adds(tmp_path: Path, readonly: bool) -> None:
    """One process adds while this one traces and checks the same store, again and again (a
    reader that may write keeps its traces in the store when the writer lets it, and never
    keeps one of a store that moved on)."""
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add(make_articles(6), jobs=1)
    proc = _writer(path, 60)
    new = make_articles(1, seed=5)[0]
    seen = []
    try:
        with Corpus(path, readonly=readonly) as reader:
            while proc.poll() is None:
                n = len(reader)
                tr = reader.trace()
                assert len(tr.articles) >= n
                assert reader.check(new).items
                seen.append(n)
    finally:
        proc.wait(timeout=300)
    assert proc.returncode == 0, proc.stderr.read().decode()
    assert seen == sorted(seen) and all(n % BATCH == 0 for n in seen)
    assert len(set(seen)) >= 2, "the reader saw the store grow"
    assert _count(path) == 60
    with Corpus(path) as corpus:
        assert json.dumps(corpus.trace().to_dict()) == json.dumps(trace(make_articles(60), jobs=1).to_dict())
