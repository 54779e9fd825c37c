"""The trace and check commands: report, JSON, output file, processes, exit codes, bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from .conftest import SEEDS
from .test_cli import run


def test_trace_seeds_report() -> None:
    """`trace seeds/` writes a readable report: the unsupported line first, changed words marked."""
    proc = run("trace", str(SEEDS))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    unsupported = out.index("UNSUPPORTED QUOTES (1)")
    assert out.index("This would violate Ukraine’s constitution", unsupported) < out.index("CHANGED QUOTES")
    assert "{+not+} taking the whole country" in out
    assert "[-to freeze-]{+freezing+}" in out
    assert "003_5e38c892982a003a draws on 000_2273eac947c6bda1" in out


def test_trace_json_to_a_file_is_the_same_with_any_jobs(tmp_path: Path) -> None:
    """`--format json -o FILE` writes the contract; one process or two, the bytes are equal."""
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert run("trace", str(SEEDS), "--format", "json", "-o", str(one), "--jobs", "1").returncode == 0
    assert run("trace", str(SEEDS), "--format", "json", "-o", str(two), "--jobs", "2").returncode == 0
    assert one.read_bytes() == two.read_bytes()
    data = json.loads(one.read_text(encoding="utf-8"))
    assert set(data) == {"articles", "speakers", "families", "derivations"}
    occ = data["families"][0]["occurrences"][0]
    assert set(occ) >= {"article", "quote", "text", "start", "end", "speaker", "relation", "diff", "evidence"}


def test_trace_to_a_file_that_cannot_be_written(tmp_path: Path) -> None:
    """`-o` into a missing folder is a usage error (exit 2) that names the path; nothing is written."""
    target = tmp_path / "missing" / "trace.json"
    proc = run("trace", str(SEEDS), "--format", "json", "-o", str(target))
    assert proc.returncode == 2
    assert f"cannot write {target}" in proc.stderr.decode() and not target.parent.exists()


def test_trace_survives_bad_articles(tmp_path: Path) -> None:
    """An empty and a binary file get a line each on stderr, the batch is traced, the exit is 1."""
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    proc = run("trace", str(tmp_path), "--format", "json")
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert "empty.txt: empty article" in err and "binary.txt" in err
    assert len(json.loads(proc.stdout)["families"]) > 10


def test_trace_usage_errors() -> None:
    """A bad --jobs or an unknown format is a usage error (exit 2); no articles is exit 1."""
    assert run("trace", str(SEEDS), "--jobs", "0").returncode == 2
    assert run("trace", str(SEEDS), "--format", "xml").returncode == 2
    proc = run("trace", "no/such/folder")
    assert proc.returncode == 1 and b"no such file or folder" in proc.stderr


def test_check_against_the_other_seeds(tmp_path: Path) -> None:
    """`check 003 --against the others` flags the constitution line and shows the altered words."""
    others = [str(p) for p in sorted(SEEDS.glob("*.txt")) if not p.name.startswith("003")]
    proc = run("check", str(SEEDS / "003_5e38c892982a003a.txt"), "--against", *others)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert "unsupported: the set carries these words only without quotation marks" in out
    assert "[-fine-tuned-]{+still need fine-tuning+}" in out
    proc = run("check", str(SEEDS / "003_5e38c892982a003a.txt"), "--against", *others, "--format", "json")
    data = json.loads(proc.stdout)
    assert data["article"]["article"] == "003_5e38c892982a003a"
    relations = {q["text"]: q["relation"] for q in data["quotes"]}
    assert relations["This would violate Ukraine’s constitution and international law,"] == "unsupported"
    assert relations["inflammatory"] == "verbatim"


def test_trace_html_to_a_file(tmp_path: Path) -> None:
    """`--format html -o FILE` writes one self-contained page: the families, the unsupported
    quote first, its evidence, the altered words marked; nothing goes to standard output."""
    page = tmp_path / "report.html"
    proc = run("trace", str(SEEDS), "--format", "html", "-o", str(page))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b""
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    families = html.split('<details class="qt-family')[1:]
    assert len(families) > 20
    assert "This would violate Ukraine’s constitution" in families[0]  # the unsupported quote first
    assert "Found elsewhere only as:" in html and ">still need fine-tuning</ins>" in html
    assert "http://" not in html and "https://" not in html and "<link" not in html


def test_check_html(tmp_path: Path) -> None:
    """`check --format html` writes the same kind of page for one article against a set."""
    others = [str(p) for p in sorted(SEEDS.glob("*.txt")) if not p.name.startswith("003")]
    proc = run("check", str(SEEDS / "003_5e38c892982a003a.txt"), "--against", *others, "--format", "html")
    assert proc.returncode == 0, proc.stderr
    html = proc.stdout.decode()
    assert html.startswith("<!DOCTYPE html>") and "against 4 articles" in html
    assert "the checked article" in html and "This would violate Ukraine’s constitution" in html
