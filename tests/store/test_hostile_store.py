"""The store's doors and outputs under careless and hostile input: arguments checked before any
work, dates stored as a trace in memory reads them, a missing path one error among the rest,
and add, export, ``trace STORE`` and ``check --against STORE`` writing as the other commands do
(atomic ``-o``, one line for a write error, exact JSON). A real SQLite file each time."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest

from quotetrace import Article, Corpus, trace
from quotetrace.cli import main
from quotetrace.read import DateWarning

GOOD = "“We will build the river bridge before spring,” Mayor Jane Doe said."
COPY = "Mayor Jane Doe said: “We will build the river bridge before spring.”"


@pytest.fixture()
def store(tmp_path: Path) -> Path:
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add([Article("a", GOOD, date="2024-05-01"), Article("b", COPY, date="2024-05-02")], jobs=1)
    return path


@pytest.mark.parametrize("call, error", [
    (lambda p: Corpus(42), TypeError),
    (lambda p: Corpus(p, readonly="yes"), TypeError),
    (lambda p: Corpus(p).add([Article("x", GOOD)], jobs="2"), TypeError),
    (lambda p: Corpus(p).add([Article("x", GOOD)], analyzer=None), TypeError),
    (lambda p: Corpus(p).add([None]), TypeError),
    (lambda p: Corpus(p).add([Article("x", GOOD)], batch=0), ValueError),
    (lambda p: Corpus(p).add([Article("x", GOOD)], timeout=-1), ValueError),
    (lambda p: Corpus(p).families(relation="invented"), ValueError),
    (lambda p: Corpus(p).families(speaker=3), TypeError),
    (lambda p: Corpus(p).check(None), TypeError),
    (lambda p: Corpus(p).check(Article("x", GOOD), analyzer=None), TypeError),
])
def test_store_arguments_are_checked_at_the_door(store: Path, call, error) -> None:
    with pytest.raises(error):
        call(store)


@pytest.mark.parametrize("people", [5, {"id": "Q1", "name": "Jane Doe"}, b"people.csv"])
def test_trace_people_of_the_wrong_type_is_a_type_error(people) -> None:
    """A dict would be read as rows of its keys, each skipped in silence: refused at the door."""
    with pytest.raises(TypeError, match="people"):
        trace([Article("a", GOOD)], jobs=1, people=people)


def test_add_reports_a_missing_path_and_adds_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    with Corpus(tmp_path / "news.db") as corpus:
        done = corpus.add([str(tmp_path / "missing"), str(good)], jobs=1)
        assert done.added == ("good",)
        assert len(done.errors) == 1 and "no such file or folder" in done.errors[0]


def test_add_stores_dates_as_iso_and_traces_as_in_memory(tmp_path: Path) -> None:
    """"Apr 20, 2025" is stored as 2025-04-20 (with a warning), "yesterday" as no date, so the
    earlier article is the original in the store as in memory."""
    arts = [Article("late", GOOD, date="2025-04-26"), Article("early", COPY, date="Apr 20, 2025"),
            Article("vague", COPY.replace("spring", "summer"), date="yesterday")]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with Corpus(tmp_path / "news.db") as corpus:
            corpus.add(arts, jobs=1)
            stored = corpus.trace()
    messages = [str(w.message) for w in caught if w.category is DateWarning]
    assert any("read as 2025-04-20" in m for m in messages)
    assert any("'yesterday'" in m and "without a date" in m for m in messages)
    assert {a.id: a.date for a in stored.articles} == {"early": "2025-04-20", "late": "2025-04-26", "vague": None}
    memory = trace(arts, jobs=1)
    assert [(o.article, o.relation) for f in stored.families for o in f.occurrences] == \
        [(o.article, o.relation) for f in memory.families for o in f.occurrences]
    assert stored.families[0].original.article == "early"


def test_add_refuses_a_lone_surrogate_by_article_and_adds_the_rest(tmp_path: Path) -> None:
    """SQLite keeps UTF-8 text: half an emoji is one article's error, never a crash of the add."""
    with Corpus(tmp_path / "news.db") as corpus:
        done = corpus.add([Article("cut", "“We will win,\ud83d” Jane Doe said."), Article("whole", GOOD)], jobs=1)
        assert done.added == ("whole",)
        assert len(done.errors) == 1 and "lone surrogate at offset 13" in done.errors[0]


def test_export_jsonl_keeps_control_characters_exact(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add([Article("odd\x1b", "“We will\x1b win \u202eit,” Jane Doe said.")], jobs=1)
    out = tmp_path / "out.jsonl"
    assert main(["export", str(path), "--format", "jsonl", "-o", str(out)]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in rows if r["kind"] == "article"] == ["odd\x1b"]
    texts = [o["text"] for r in rows if r["kind"] == "family" for o in r["occurrences"]]
    assert any("\x1b" in t and "\u202e" in t for t in texts)


@pytest.mark.parametrize("args", [
    ["export", "{store}"],
    ["trace", "{store}", "--format", "json"],
    ["check", "{new}", "--against", "{store}", "--format", "json"],
])
def test_store_commands_end_a_full_disk_with_one_line(store: Path, tmp_path: Path, capsys, args) -> None:
    new = tmp_path / "new.txt"
    new.write_text(COPY, encoding="utf-8")
    argv = [a.format(store=store, new=new) for a in args]
    assert main([*argv, "-o", "/dev/full"]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("quotetrace: error: cannot write /dev/full")


@pytest.mark.parametrize("args", [
    ["export", "{bad}"],
    ["trace", "{store}", "--format", "invented"],
])
def test_a_failed_store_command_leaves_the_previous_output(store: Path, tmp_path: Path, args) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)  # looks like a store, is none
    out = tmp_path / "report.json"
    out.write_text("previous report\n", encoding="utf-8")
    argv = [a.format(store=store, bad=bad) for a in args]
    assert main([*argv, "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_store_text_report_neutralises_escapes(tmp_path: Path, capsys) -> None:
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add([Article("evil\x1b[2J", "“We will\x1b]0;title\x07 win \u202eit,” Jane Doe said.")], jobs=1)
    assert main(["trace", str(path)]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\u202e" not in shown and "\\x1b" in shown


def test_add_takes_a_time_budget(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.txt"
    src.write_text(GOOD, encoding="utf-8")
    assert main(["add", str(tmp_path / "news.db"), str(src), "--timeout-per-article", "30", "--jobs", "1"]) == 0
    assert "1 added" in capsys.readouterr().out
    assert main(["add", str(tmp_path / "news.db"), str(src), "--timeout-per-article", "-1"]) == 2
