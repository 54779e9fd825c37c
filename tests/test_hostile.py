"""Careless and hostile input: nothing lost, nothing spoofed, nothing left running."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import quotetrace
from quotetrace.cli import main
from quotetrace.dates import date_key, normalize_date
from quotetrace.errors import InputError

ROOT = Path(__file__).resolve().parent.parent
GOOD = "“We will build the bridge,” Mayor Jane Doe said."


def _jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_lone_surrogate_is_kept_exact_in_json_and_the_batch_goes_on(tmp_path: Path, capsys) -> None:
    """Half an emoji in one article: JSON keeps it as an escape, the next article is written."""
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "cut", "text": "“We will win,\ud83d” Jane Doe said."},
                                        {"id": "next", "text": GOOD}])
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--jobs", "1"]) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["article"] for r in rows] == ["cut", "next"]
    assert rows[0]["quotes"][0]["text"].endswith("\ud83d”") or "\ud83d" in rows[0]["quotes"][0]["text"]
    assert "lone surrogate" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_trace_writes_a_lone_surrogate_in_every_format(tmp_path: Path, fmt: str) -> None:
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "cut", "text": "“We will win,\ud83d” Jane Doe said."}])
    out = tmp_path / f"out.{fmt}"
    assert main(["trace", str(src), "--format", fmt, "-o", str(out), "--jobs", "1", "-q"]) == 0
    assert "\ufffd" in out.read_text(encoding="utf-8")


def test_escape_sequences_and_bidi_overrides_never_reach_the_terminal(tmp_path: Path, capsys) -> None:
    """ESC/OSC and U+202E in an id and a quote show as escapes in text and table output; JSON keeps them."""
    text = "“We will\x1b]52;c;ZXZpbA==\x07 build \u202eit,” Jane Doe said."
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "evil\x1b[2J", "text": text}])
    for args in (["extract", str(src), "--format", "table"], ["trace", str(src), "--format", "text"]):
        main([*args, "--jobs", "1", "-q"])
        shown = capsys.readouterr().out
        assert "\x1b" not in shown and "\u202e" not in shown and "\x07" not in shown
        assert "\\x1b" in shown
    main(["extract", str(src), "--jobs", "1"])
    assert json.loads(capsys.readouterr().out)["article"] == "evil\x1b[2J"



def test_warnings_and_errors_never_write_escapes_to_the_terminal(tmp_path: Path, capsys) -> None:
    """An id, a path or a value quoted in a warning or an error comes from the input: standard
    error shows its control and bidi characters as escapes, as the reports do."""
    src = _jsonl(tmp_path / "a.jsonl", [{"id": "evil\x1b]52;c;ZXZpbA==\x07\u202e", "text": "Jane Doe said so.",
                                         "date": "yester\x1b[2Jday"}])
    main(["trace", str(src), "--jobs", "1", "--format", "json", "-o", str(tmp_path / "t.json")])
    main(["check", str(tmp_path / "missing\x1b[2J.txt"), "--against", str(src), "--jobs", "1"])
    said = capsys.readouterr().err
    assert "warning" in said and "error" in said
    assert "\x1b" not in said and "\x07" not in said and "\u202e" not in said
    assert "\\x1b]52" in said and "\\u202e" in said

def test_html_neutralises_bidi_overrides() -> None:
    tr = quotetrace.trace([quotetrace.Article("a", "“We will \u202ebuild it,” Jane Doe said.")], jobs=1)
    page = quotetrace.report.html(tr)
    assert "\u202e" not in page and "\\u202e" in page


def test_output_file_is_replaced_only_when_complete(tmp_path: Path) -> None:
    """A run that fails before writing leaves the previous report as it was, and no temp file."""
    out = tmp_path / "report.json"
    out.write_text("previous", encoding="utf-8")
    code = main(["trace", str(tmp_path / "a.txt"), "--format", "json", "-o", str(out), "--analyzer", "nope"])
    assert code == 2 and out.read_text(encoding="utf-8") == "previous"
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["trace", str(tmp_path / "a.txt"), "--format", "json", "-o", str(out), "--jobs", "1"]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["articles"][0]["article"] == "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "report.json"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_full_disk_is_one_line_and_exit_code_3(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    assert main(["trace", str(tmp_path / "a.txt"), "-o", "/dev/full", "--jobs", "1", "-q"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("quotetrace: error: cannot write /dev/full") and "Traceback" not in err


@pytest.mark.parametrize(("value", "iso"), [("2025-04-20", "2025-04-20"), ("Apr 20, 2025", "2025-04-20"),
                                            ("20250101", "2025-01-01"), ("2025-04-20T14:05:00Z", "2025-04-20T14:05:00+00:00")])
def test_dates_are_normalised_to_iso(value: str, iso: str) -> None:
    assert normalize_date(value)[0] == iso


@pytest.mark.parametrize("value", ["yesterday", "2025-13-45", "2999-01-01", "1200-01-01"])
def test_nonsense_dates_are_rejected_with_the_reason(value: str) -> None:
    with pytest.raises(InputError, match=repr(value)):
        normalize_date(value)


def test_dates_compare_as_instants() -> None:
    """A later time in a zone west of UTC sorts after an earlier UTC one the same day."""
    assert date_key("2025-04-20T23:00:00-05:00") > date_key("2025-04-21T01:00:00+00:00")
    assert date_key("2025-04-20") < date_key("2025-04-26") < date_key(None)


def test_the_earlier_article_is_the_original_whatever_the_date_form(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "a.jsonl", [
        {"id": "later", "text": "Jane Doe said: “We will build the bridge by the spring.”", "date": "2025-04-26"},
        {"id": "earlier", "text": GOOD.replace("bridge", "bridge by the spring"), "date": "Apr 20, 2025"}])
    with pytest.warns(quotetrace.DateWarning):
        tr = quotetrace.trace([str(src)], jobs=1)
    originals = [o.article for f in tr.families for o in f.occurrences if o.relation == "original"]
    assert originals == ["earlier"]


def test_bad_ids_are_reported_per_line(tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "a.jsonl", [{"id": ["x"], "text": GOOD}, {"id": "", "text": GOOD},
                                        {"id": 7, "text": GOOD}])
    items = list(quotetrace.read_articles(src))
    assert [type(i).__name__ for i in items] == ["Unreadable", "Unreadable", "Article"]
    assert "string or a whole number" in items[0].message and items[2].id == "7"


def test_non_utf8_jsonl_line_is_read_as_cp1252_with_a_warning(tmp_path: Path) -> None:
    src = tmp_path / "a.jsonl"
    src.write_bytes(json.dumps({"id": "x", "text": "“Naïve,” she said."}, ensure_ascii=False).encode("cp1252") + b"\n")
    with pytest.warns(quotetrace.DecodeWarning, match="a.jsonl:1"):
        (article,) = quotetrace.read_articles(src)
    assert article.text == "“Naïve,” she said."


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        items = list(quotetrace.read_articles(tmp_path))
    finally:
        locked.chmod(0o755)
    assert any(isinstance(i, quotetrace.Unreadable) and "cannot read folder" in i.message for i in items)


def test_symlinked_folders_are_followed_once(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    (tmp_path / "real" / "loop").symlink_to(tmp_path)
    assert [a.id for a in quotetrace.read_articles(tmp_path / "link")] == ["a"]


@pytest.mark.parametrize(("call", "error"), [
    (lambda: quotetrace.trace("seeds/"), TypeError),
    (lambda: quotetrace.extract_all("/x/"), TypeError),
    (lambda: list(quotetrace.extract_all([None])), TypeError),
    (lambda: quotetrace.trace([], jobs="2"), TypeError),
    (lambda: quotetrace.trace([], jobs=0), ValueError),
    (lambda: quotetrace.extract("x", analyzer=None), TypeError),
    (lambda: quotetrace.Article("x", None), TypeError),
    (lambda: quotetrace.Article(3, "text"), TypeError),
    (lambda: list(quotetrace.read_articles("missing/")), FileNotFoundError),
    (lambda: list(quotetrace.read_articles(["seeds/"])), TypeError),
])
def test_api_arguments_are_checked_at_the_door(call, error) -> None:  # noqa: ANN001
    with pytest.raises(error):
        call()


def test_duplicate_ids_in_extract_are_warned_about() -> None:
    with pytest.warns(UserWarning, match="two articles have the id 'a'"):
        list(quotetrace.extract_all([quotetrace.Article("a", GOOD), quotetrace.Article("a", GOOD)]))


def test_an_article_over_its_time_budget_is_reported_and_the_batch_goes_on() -> None:
    slow = quotetrace.Article("slow", "Officials said " + "said " * 6000 + ".")
    results = list(quotetrace.extract_all([slow, quotetrace.Article("fast", GOOD)], timeout=0.05))
    assert results[0].error.startswith("slow: took longer than") and "time budget" in results[0].error
    assert results[1].error is None and results[1].quotes


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_workers_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    """SIGKILL the batch: its worker processes end too (nothing keeps working unseen)."""
    src = _jsonl(tmp_path / "slow.jsonl", [{"id": f"a{k}", "text": "Officials said " + "said " * 16000 + "."}
                                           for k in range(40)])
    code = textwrap.dedent(f"""
        import quotetrace
        for _ in quotetrace.extract_all([{str(src)!r}], jobs=2, timeout=0):
            pass
    """)
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=ROOT)
    try:
        deadline = time.monotonic() + 60
        while len(_children(parent.pid)) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        workers = _children(parent.pid)
        assert len(workers) >= 2
        time.sleep(2)  # the workers are inside an article of several seconds, not waiting for one
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{w}").exists() and "Z" not in _state(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "Z" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
