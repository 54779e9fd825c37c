"""The store's commands: add, trace STORE, export, and their errors."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from ..conftest import SEEDS
from ..test_cli import run


def test_add_trace_and_export_a_store_of_the_seeds(tmp_path: Path) -> None:
    """`trace STORE --format json` is `trace seeds/ --format json`; `export` writes it as JSON or JSONL."""
    store = tmp_path / "news.db"
    added = run("add", str(store), str(SEEDS), "--jobs", "1")
    assert added.returncode == 0, added.stderr
    assert added.stdout.decode().startswith(f"{store}: 5 added, 0 replaced, 0 already held; 5 articles in all")
    again = run("add", str(store), str(SEEDS), "--jobs", "1")
    assert "0 added, 0 replaced, 5 already held" in again.stdout.decode()
    from_store = run("trace", str(store), "--format", "json").stdout
    assert from_store == run("trace", str(SEEDS), "--format", "json", "--jobs", "1").stdout
    exported = run("export", str(store)).stdout
    assert exported == from_store
    lines = [json.loads(line) for line in run("export", str(store), "--format", "jsonl").stdout.splitlines()]
    whole = json.loads(from_store)
    assert [x for x in lines if x["kind"] == "family"] == [{"kind": "family", **f} for f in whole["families"]]
    assert sum(x["kind"] == "article" for x in lines) == 5


def test_a_sqlite_file_of_another_program_is_refused_by_every_command(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    for args in (["trace", str(other)], ["export", str(other)], ["add", str(other), str(SEEDS)],
                 ["check", str(SEEDS / "000_2273eac947c6bda1.txt"), "--against", str(other)]):
        proc = run(*args)
        assert proc.returncode == 2 and "not a quotetrace store" in proc.stderr.decode(), args
    assert other.read_bytes() == before


def test_trace_and_export_of_a_small_store_write_what_trace_of_files_writes(tmp_path: Path) -> None:
    """Written item by item from the kept trace, empty sections too (one article: no
    derivations), the first time, the second time and from a read-only store, JSON and JSONL."""
    article = tmp_path / "one.txt"
    article.write_text("“The ferry will run again in April,” Harbour Master Ines Paulo said.\n", encoding="utf-8")
    store = tmp_path / "news.db"
    assert run("add", str(store), str(article), "--jobs", "1").returncode == 0
    expected = run("trace", str(article), "--format", "json", "--jobs", "1").stdout
    assert b'"derivations": []' in expected and b'"families": [\n  {' in expected
    first = run("trace", str(store), "--format", "json").stdout
    second = run("export", str(store)).stdout
    lines = run("export", str(store), "--format", "jsonl").stdout
    store.chmod(0o444)
    read_only = run("export", str(store)).stdout
    assert first == second == read_only == expected
    whole = json.loads(expected)
    assert [json.loads(line) for line in lines.splitlines()] == [
        {"kind": kind, **item} for kind, key in (("article", "articles"), ("speaker", "speakers"),
                                                 ("family", "families"), ("derivation", "derivations"))
        for item in whole[key]]
