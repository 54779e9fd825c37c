"""`quotetrace evaluate` end to end: the seeds against gold made from tests/golden, brat, and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from quotetrace import evaluate

from ..conftest import GOLDEN, SEEDS, load_jsonl

BRAT = Path(__file__).resolve().parent / "data" / "brat"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quotetrace", *map(str, args)], input=stdin,
                          capture_output=True, timeout=300)


def _nearest(text: str, words: list[str], start: int, end: int) -> dict | None:
    """Offsets of the occurrence of one of ``words`` nearest to ``text[start:end]``, outside it."""
    best = None
    for w in words:
        for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text, re.IGNORECASE):
            if m.start() < end and start < m.end():
                continue
            distance = start - m.end() if m.end() <= start else m.start() - end
            if best is None or (distance, -len(w)) < best[0]:
                best = ((distance, -len(w)), m.start(), m.end())
    return None if best is None else {"start": best[1], "end": best[2]}


def seeds_gold(path: Path) -> Path:
    """Gold JSONL for the seeds, from the required facts of tests/golden: every passage in quotation
    marks and every reported statement, with the nearest mention of the golden speaker (or one of
    its aliases) and the nearest occurrence of the golden cue. Kinds are left to be derived."""
    aliases = json.loads((GOLDEN / "seeds_speakers.json").read_text(encoding="utf-8"))
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    quotes: dict[str, list] = {k: [] for k in texts}
    for g in load_jsonl(GOLDEN / "seeds_direct.jsonl") + load_jsonl(GOLDEN / "seeds_reported.jsonl"):
        if g["level"] != "required":
            continue
        text, s, e = texts[g["article"]], g["start"], g["end"]
        cue = _nearest(text, [g["cue"]], s, e) if g["cue"] else None
        speaker = _nearest(text, [g["speaker"], *aliases.get(g["speaker"], [])], s, e) if g["speaker"] else None
        quotes[g["article"]].append({"spans": [[s, e]], "speaker": speaker, "cue": g["cue"],
                                     "cue_start": cue and cue["start"], "cue_end": cue and cue["end"]})
    path.write_text("".join(json.dumps({"id": k, "text": t, "quotes": quotes[k]}, ensure_ascii=False) + "\n"
                            for k, t in texts.items()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def seeds_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("seeds-eval")
    proc = run("extract", SEEDS)
    assert proc.returncode == 0, proc.stderr
    pred = folder / "pred.jsonl"
    pred.write_bytes(proc.stdout)
    return seeds_gold(folder / "gold.jsonl"), pred


def _rates(row: dict) -> list:
    return [row[m][r] for m in ("exact", "overlap") for r in ("precision", "recall", "f1")] + \
        [row["speaker"]["overlap"], row["speaker"]["exact"], row["cue"]["exact"]]


def test_seeds_json(seeds_files: tuple[Path, Path]) -> None:
    """`evaluate GOLD PRED --format json` on the seeds: the JSON shape, the counts, and the API's figures."""
    gold, pred = seeds_files
    proc = run("evaluate", gold, pred, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) == {"subset", "kinds", "overlap", "articles", "missing", "scores", "errors"}
    assert (doc["articles"], doc["missing"], doc["errors"]) == (5, [], [])
    assert list(doc["scores"]) == ["direct", "mixed", "indirect", "all"]
    predictions = sum(len(json.loads(line)["quotes"]) for line in pred.read_text(encoding="utf-8").splitlines())
    required = [g for f in ("seeds_direct.jsonl", "seeds_reported.jsonl") for g in load_jsonl(GOLDEN / f)
                if g["level"] == "required"]
    everything = doc["scores"]["all"]
    assert (everything["gold"], everything["predicted"]) == (len(required), predictions)
    # every passage in marks is derived direct, and every direct quote is a golden passage
    assert doc["scores"]["direct"]["gold"] == 38
    assert doc["scores"]["direct"]["overlap"]["precision"] == 1.0
    for row in doc["scores"].values():
        assert set(row) == {"gold", "predicted", "exact", "overlap", "speaker", "cue"}
        assert all(r is None or 0 <= r <= 1 for r in _rates(row))
    assert doc == json.loads(json.dumps(evaluate(gold, pred).to_dict()))


def test_seeds_table_with_filters(seeds_files: tuple[Path, Path]) -> None:
    """The table has a row per kind asked for and one for all; --subset and --kinds reach the scorer."""
    gold, pred = seeds_files
    proc = run("evaluate", gold, pred, "--subset", "speech", "--kinds", "direct")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.decode().splitlines()
    assert lines[0].startswith("5 articles, speech attributions") and lines[0].endswith("kinds direct")
    assert [line.split()[0] for line in lines[3:]] == ["direct", "all"]
    assert lines[3].split()[1:3] == ["38", lines[4].split()[2]]


def test_prediction_from_stdin_and_brat_gold() -> None:
    """PRED may be `-`; GOLD may be a brat folder, scored against `extract` on its own .txt files."""
    extracted = run("extract", BRAT)
    proc = run("evaluate", BRAT, "-", "--format", "json", stdin=extracted.stdout)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["articles"] == 2 and doc["scores"]["all"]["gold"] == 5


def test_problems_are_reported_and_the_rest_scored(tmp_path: Path) -> None:
    """An article in PRED that GOLD lacks gets an error line and exit code 1; the table is written."""
    extracted = run("extract", BRAT).stdout.decode()
    pred = tmp_path / "pred.jsonl"
    pred.write_text(extracted + json.dumps({"article": "elsewhere", "quotes": []}) + "\n", encoding="utf-8")
    proc = run("evaluate", BRAT, pred)
    assert proc.returncode == 1
    assert "quotetrace: error:" in proc.stderr.decode() and "elsewhere is in PRED but not in GOLD" in proc.stderr.decode()
    assert proc.stdout.decode().splitlines()[-1].startswith("all")


@pytest.mark.parametrize(("args", "code", "message"), [
    (["evaluate", "does/not/exist.jsonl", "x.jsonl"], 2, "no such file"),
    (["evaluate", BRAT], 2, "the following arguments are required: PRED"),
    (["evaluate", BRAT, "x.jsonl", "--kinds", "quoted"], 2, "invalid choice"),
    (["evaluate", BRAT, "x.jsonl", "--subset", "beliefs"], 2, "invalid choice"),
])
def test_exit_codes(args: list, code: int, message: str) -> None:
    """2 when nothing can be scored or the command line is wrong, with the reason on standard error."""
    proc = run(*args)
    assert proc.returncode == code and message in proc.stderr.decode()


def test_help_ends_with_an_example() -> None:
    """`evaluate --help` ends with examples."""
    out = run("evaluate", "--help").stdout.decode()
    assert "example:" in out and out.rstrip().splitlines()[-1].strip().startswith("quotetrace evaluate")
