"""The command line: formats, exit codes, and a batch that survives bad articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrace.cli import main

from .conftest import SEEDS


def run(*args: str, stdin: bytes | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    # the timeout guards against a hang; it is no speed requirement (benchmarks measure speed)
    return subprocess.run([sys.executable, "-m", "quotetrace", *args], input=stdin,
                          capture_output=True, timeout=timeout)


def test_extract_seeds_jsonl() -> None:
    """`extract seeds/ --format jsonl` writes one object per article in the output contract."""
    proc = run("extract", str(SEEDS), "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [r["article"] for r in rows] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    first = rows[0]
    assert first["date"] == "2025-04-25" and first["path"].endswith("000_2273eac947c6bda1.txt")
    text = (SEEDS / "000_2273eac947c6bda1.txt").read_text(encoding="utf-8")
    for q in first["quotes"]:
        assert set(q) >= {"id", "kind", "text", "start", "end", "spans", "quoted", "cue", "cue_start",
                          "cue_end", "speaker", "confidence"}
        assert q["id"].startswith("000_2273eac947c6bda1:")
        for s, e in q["quoted"]:
            assert text[s - 1] in "“\"" and text[e] in "”\""


def test_json_and_table_formats() -> None:
    """`--format json` is one JSON document; `--format table` prints a header and a line a quote."""
    seed = str(SEEDS / "002_9423660f65a83069.txt")
    doc = json.loads(run("extract", seed, "--format", "json").stdout)
    assert doc[0]["article"] == "002_9423660f65a83069"
    assert len([q for q in doc[0]["quotes"] if q["quoted"]]) == 3
    table = run("extract", seed, "--format", "table").stdout.decode().splitlines()
    assert table[0].split()[:2] == ["quote", "kind"]
    assert any("Crimea will stay with Russia," in line for line in table[1:])


def test_stdin() -> None:
    """`-` reads the article from standard input."""
    proc = run("extract", "-", stdin="“Yes,” she said twice.".encode())
    assert json.loads(proc.stdout)["quotes"][0]["text"] == "Yes,"


def test_bad_articles_do_not_stop_the_batch(tmp_path: Path) -> None:
    """Empty, binary, invalid UTF-8 and unbalanced articles each get a line; the rest is processed."""
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 100)
    (tmp_path / "c_latin.txt").write_bytes("\u201cIt is na\u00efve,\u201d he said.".encode("cp1252"))
    (tmp_path / "d_marks.txt").write_text('"' * 100_000, encoding="utf-8")
    (tmp_path / "e_good.txt").write_text("“Fine,” she said and left.", encoding="utf-8")
    proc = run("extract", str(tmp_path))
    assert proc.returncode == 1
    err = proc.stderr.decode().splitlines()
    assert any("a_empty.txt" in e and "empty" in e for e in err)
    assert any("b_binary.txt" in e and "binary" in e for e in err)
    assert any("c_latin.txt" in e and "cp1252" in e for e in err)
    rows = {json.loads(line)["article"]: json.loads(line) for line in proc.stdout.decode().splitlines()}
    assert rows["c_latin"]["quotes"][0]["text"] == "It is naïve,"
    assert rows["d_marks"]["quotes"] == [] and "error" not in rows["d_marks"]
    assert rows["e_good"]["quotes"][0]["text"] == "Fine,"
    assert "error" in rows["a_empty"] and "error" in rows["b_binary"]


@pytest.mark.slow
def test_fifty_megabyte_article(tmp_path: Path) -> None:
    """A 50 MB article is read and analysed, with offsets into the whole text."""
    para = "The minister said “we will not give in,” and the talks went on. Voters' hopes rose.\n\n"
    text = para * (50 * 2**20 // len(para.encode()))
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    proc = run("extract", str(path), timeout=1800)
    assert proc.returncode == 0, proc.stderr
    quotes = json.loads(proc.stdout)["quotes"]
    assert len(quotes) == text.count("“")
    last = quotes[-1]
    assert text[last["start"]:last["end"]] == "we will not give in,"


@pytest.mark.parametrize("argv, code", [([], 2), (["extract"], 2), (["frobnicate"], 2),
                                        (["extract", "--format", "xml", "x"], 2),
                                        (["extract", "does/not/exist.txt"], 1)])
def test_exit_codes(argv: list[str], code: int, capsys: pytest.CaptureFixture) -> None:
    """2 for usage errors, 1 when an article fails."""
    assert main(argv) == code


def test_help_ends_with_an_example() -> None:
    """Each command's help shows an example."""
    proc = run("extract", "--help")
    assert proc.returncode == 0 and "example:" in proc.stdout.decode()
