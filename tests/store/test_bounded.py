"""A store's first trace is made in bounded memory (store/bounded.py), step by step in a work
file; its answers are the in-memory engine's, byte for byte, also where its families move to
disk and where many keys are stock phrases, and it leaves no work file behind."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest

from quotetrace import Article, Corpus, read_articles, trace
from quotetrace.benchmark import generate
from quotetrace.store import bounded
from quotetrace.tracing import building, derive, knobs
from quotetrace.tracing.keys import CAPS

from ..conftest import SEEDS


def _json(tr) -> str:  # noqa: ANN001
    return json.dumps(tr.to_dict(), ensure_ascii=False, indent=1)


def _stored(tmp_path: Path, articles: list[Article]) -> str:
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(articles, jobs=1)
        return _json(corpus.trace())


def test_families_moved_to_disk_trace_like_memory(tmp_path: Path, articles: list[Article],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a few families, grouping keeps them in a temporary file: the same trace."""
    spilled = []
    real = building.Building.spill

    def spill(self, folder=None):  # noqa: ANN001, ANN202 - the real spill, counted
        spilled.append(len(self))
        return real(self, folder)
    monkeypatch.setattr(building.Building, "spill", spill)
    monkeypatch.setattr(knobs, "SPILL_FAMILIES", 3)
    expected = _json(trace(articles, jobs=1))
    assert _stored(tmp_path, articles) == expected
    assert spilled == [4]
    assert '"relation": "altered"' in expected and '"relation": "misattributed"' in expected


def test_stock_keys_counted_in_sqlite_decide_as_in_memory(tmp_path: Path, articles: list[Article],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """With every cap at two holders, most n-grams, contexts, speaker words, content pairs and
    sketch values are stock phrases: the store's counts in SQLite kill the same keys."""
    usual = _json(trace(articles, jobs=1))
    for kind in CAPS:
        monkeypatch.setitem(CAPS, kind, 2)
    expected = _json(trace(articles, jobs=1))
    assert expected != usual  # the caps decide something here
    assert _stored(tmp_path, articles) == expected


def test_lone_sentences_settled_as_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Rewrites that copy a narrator paragraph from another story share one sentence with it:
    the store settles such lone pairs across the whole table, keeping some and dropping others
    (those a shared source explains), as the in-memory engine does."""
    bases = [a for a in read_articles(SEEDS) if isinstance(a, Article)]
    articles, _ = generate(bases, 120, 1)
    expected = _json(trace(articles, jobs=1))
    lone: list[tuple[int, int]] = []

    def counted(pairs):  # noqa: ANN001, ANN202 - the real one, its lone pairs counted
        pairs = list(pairs)
        out = derive.settled(pairs)
        lone.append((sum(1 for d, is_lone in pairs if is_lone), sum(1 for d, is_lone in pairs if is_lone and d in out)))
        return out
    monkeypatch.setattr(bounded, "settled", counted)
    assert _stored(tmp_path, articles) == expected
    (seen, kept), = lone
    assert 0 < kept < seen


def test_the_work_file_is_removed(tmp_path: Path, articles: list[Article], monkeypatch: pytest.MonkeyPatch) -> None:
    """The work file lives in the temporary folder (TMPDIR) while the trace is made, and is
    gone after it, whether the trace was kept or not (a read-only store)."""
    work = tmp_path / "tmp"
    work.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(work))
    made = []
    real = tempfile.mkdtemp

    def mkdtemp(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the real one, its folders noted
        made.append(real(*args, **kwargs))
        return made[-1]
    monkeypatch.setattr(tempfile, "mkdtemp", mkdtemp)
    assert _stored(tmp_path, articles[:10])
    with Corpus(tmp_path / "other.db") as corpus:
        corpus.add(articles[10:20], jobs=1)
    with Corpus(tmp_path / "other.db", readonly=True) as corpus:
        assert corpus.families()
    assert len(made) == 2 and all(Path(m).parent == work for m in made)
    assert list(work.iterdir()) == []
