"""`--engine spark` gives the trace `--engine local` gives, byte for byte, and writes its Parquet
tables with the fields of the JSON contract."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest

from quotetrace import Article, extract, read_articles, trace
from quotetrace.benchmark import generate
from quotetrace.cli import main
from quotetrace.report import write_trace

from ..conftest import SEEDS

#: generated articles in the equality test: 1,000 in CI, as the issue asks (about three minutes
#: on two shared cores), fewer on a developer's machine; benchmarks/test_spark.py times 10,000
N_ARTICLES = 1000 if os.environ.get("CI") == "true" else 250


def as_json(tr: Any) -> str:
    out = io.StringIO()
    write_trace(tr, out, "json")
    return out.getvalue()


def _articles(folder: Path, rows: list[dict]) -> Path:
    """A JSONL file of the articles ``rows`` in ``folder``."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _same_on_spark(spark: Any, path: Path) -> Any:
    """The local trace of the articles at ``path``, once Spark has given the same JSON."""
    from quotetrace.spark import trace_spark

    local_tr = trace([path], jobs=1)
    assert as_json(trace_spark([path], spark=spark)) == as_json(local_tr)
    return local_tr


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated articles in a JSONL file, a folder of two more, and a path that cannot be read."""
    bases = [a for a in read_articles(SEEDS) if isinstance(a, Article)]
    articles, _ = generate(bases, N_ARTICLES, 1)
    folder = tmp_path_factory.mktemp("corpus")
    with open(folder / "articles.jsonl", "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "date": a.date}) + "\n")
    (folder / "more").mkdir()
    (folder / "more" / "note.txt").write_text("“The ferry will run at dawn,” Captain Ida Marsh said.\n")
    (folder / "more" / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00")
    return folder


def test_seeds_same_json(spark: Any) -> None:
    """The seeds traced on Spark give the local engine's JSON, byte for byte."""
    from quotetrace.spark import trace_spark

    assert as_json(trace_spark([SEEDS], spark=spark)) == as_json(trace([SEEDS], jobs=1))


def test_generated_corpus_same_json(spark: Any, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A generated corpus, a folder and an unreadable article: the same families, labels,
    derivations and entries (the unreadable one with its error) as the local engine. The JSON is
    read from Spark in ranges of a few rows, one range on the driver at a time (families
    numbered across ranges, derivations and entries in order), and the groups task, allowed ten
    families in memory, groups the rest on disk: the same bytes as the local engine's, and the
    whole trace gathered on the driver is the same too."""
    from quotetrace.report import write_sections
    from quotetrace.spark import job as spark_job_module
    from quotetrace.spark import spark_job

    monkeypatch.setattr(spark_job_module, "ROWS_PER_PART", 25)
    monkeypatch.setattr("quotetrace.tracing.knobs.SPILL_FAMILIES", 10)
    paths = [corpus / "articles.jsonl", corpus / "more", corpus / "no-such.txt"]
    local_tr = trace(paths, jobs=1)
    assert len(local_tr.families) > 100 and local_tr.errors
    seen: list[str] = []
    out = io.StringIO()
    with spark_job(paths, spark=spark, partitions=4) as job:
        assert job._families.rdd.getNumPartitions() > 3 and job._entries.rdd.getNumPartitions() > 3
        write_sections(job.sections(seen=lambda e: seen.append(e.id)), out)
        whole = job.trace(texts=False)
    assert seen == [a.id for a in local_tr.articles]
    assert out.getvalue() == as_json(local_tr)
    assert [a.error for a in whole.articles] == [a.error for a in local_tr.articles]
    assert as_json(whole) == as_json(local_tr)


def test_cli_engine_spark_and_parquet(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`trace --engine spark --parquet DIR --format json` prints the local command's JSON and
    writes tables that hold the same families, occurrences and labels."""
    assert main(["trace", str(SEEDS), "--format", "json", "-q"]) == 0
    local = capsys.readouterr().out
    tables = tmp_path / "tables"
    assert main(["trace", str(SEEDS), "--format", "json", "-q", "--engine", "spark",
                 "--parquet", str(tables)]) == 0
    assert capsys.readouterr().out == local
    want = json.loads(local)
    read = {name: [r.asDict() for r in spark.read.parquet(str(tables / name)).collect()]
            for name in ("articles", "quotes", "families", "occurrences", "evidence", "derivations")}
    assert sorted(r["article"] for r in read["articles"]) == [a["article"] for a in want["articles"]]
    assert sorted((r["family"], r["position"], r["relation"], r["text"]) for r in read["occurrences"]) == sorted(
        (f["id"], k, o["relation"], o["text"]) for f in want["families"] for k, o in enumerate(f["occurrences"]))
    assert sorted(r["id"] for r in read["families"]) == sorted(f["id"] for f in want["families"])
    assert len(read["evidence"]) == sum(len(o["evidence"]) for f in want["families"] for o in f["occurrences"])
    assert [(r["article"], r["source"], r["score"]) for r in read["derivations"]] == [
        (d["article"], d["source"], d["score"]) for d in want["derivations"]]
    extracted = [q for a in read_articles(SEEDS) if isinstance(a, Article) for q in extract(a)]
    assert sorted(r["id"] for r in read["quotes"]) == sorted(q.id for q in extracted)
    spans = {r["id"]: json.loads(r["spans"]) for r in read["quotes"]}
    assert all(spans[q.id] == [s.as_list() for s in q.spans] for q in extracted)


def test_spark_options_need_the_engine(capsys: pytest.CaptureFixture) -> None:
    """--parquet without --engine spark is a usage error, not a silent local run."""
    assert main(["trace", str(SEEDS), "--parquet", "x"]) != 0
    assert "--engine spark" in capsys.readouterr().err


def test_engine_spark_on_a_store_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`trace STORE --engine spark` says the store traces itself and writes nothing, rather than
    a local trace that silently ignores the engine asked for."""
    from quotetrace.store import Corpus

    store = tmp_path / "news.db"
    with Corpus(store) as corpus:
        corpus.add([SEEDS / "000_2273eac947c6bda1.txt"], jobs=1)
    out = tmp_path / "trace.json"
    for extra in (["--engine", "spark"], ["--parquet", str(tmp_path / "t")]):
        assert main(["trace", str(store), "--format", "json", "-o", str(out), *extra]) == 2
        err = capsys.readouterr().err
        assert "is a store" in err and "--engine spark" in err
    assert not out.exists() and not (tmp_path / "t").exists()
    assert main(["trace", str(store), "--format", "json", "-o", str(out)]) == 0


def test_web_page_met_twice_is_read_once(spark: Any, tmp_path: Path) -> None:
    """The same saved page in two folders is read once by both engines, as `quotetrace trace`
    reads its paths (the second is reported as a duplicate), and the traces are equal."""
    pytest.importorskip("trafilatura")
    from quotetrace.spark import trace_spark

    pages = sorted((Path(__file__).resolve().parents[2] / "docs" / "examples" / "pages").glob("*.html"))
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for page in pages:
            (tmp_path / folder / page.name).write_bytes(page.read_bytes())
    paths = [tmp_path / "a", tmp_path / "b"]
    with pytest.warns(UserWarning, match="the same page as"):
        spark_tr = trace_spark(paths, spark=spark, partitions=2)
    with pytest.warns(UserWarning, match="the same page as"):
        local_tr = trace(list(read_articles(*paths)), jobs=1)
    assert len(local_tr.articles) == len(pages)
    assert as_json(spark_tr) == as_json(local_tr)


def test_spark_submit_runs_the_command(spark: Any, tmp_path: Path) -> None:
    """`spark-submit scripts/spark_submit.py trace … --engine spark` (the cluster recipe of
    docs/spark.md, here with a local master) writes the local engine's JSON."""
    import shutil
    import subprocess
    import sys

    submit = shutil.which("spark-submit") or str(Path(sys.executable).parent / "spark-submit")
    if not Path(submit).exists():
        pytest.skip("no spark-submit beside this Python")
    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "trace.json"
    env = dict(os.environ, PYTHONPATH=str(root), PYSPARK_PYTHON=sys.executable)
    proc = subprocess.run([submit, "--master", "local[1]", "--conf", "spark.ui.enabled=false",
                           str(root / "scripts" / "spark_submit.py"), "trace", str(SEEDS), "--engine", "spark",
                           "--format", "json", "-q", "-o", str(out)], env=env, capture_output=True, timeout=600)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert out.read_text(encoding="utf-8") == as_json(trace([SEEDS], jobs=1))


def _store_rows(path: Path) -> dict[str, Any]:
    """Everything a store holds but its row numbers: articles, index keys, speakers, version."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return {"version": conn.execute("PRAGMA user_version").fetchone(),
                **{name: sorted(conn.execute(sql).fetchall()) for name, sql in (
                    ("articles", "SELECT id, path, date, outlet, url, title, sha1, day, text, quotes FROM articles"),
                    ("keys", "SELECT k.key, k.day, a.id FROM keys k JOIN articles a ON a.n = k.n"),
                    ("speakers", "SELECT a.id, s.name, s.type, s.count FROM speakers s JOIN articles a ON a.n = s.n"))}}
    finally:
        conn.close()


def test_add_from_parquet_fills_the_store_as_add_does(spark: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture) -> None:
    """`add STORE --from-parquet DIR`, after `trace --engine spark --parquet DIR`, makes the store
    `add STORE PATH` makes (articles, index keys, speakers, schema version) without extracting
    anything again; the store then traces as the local engine does, and a second load skips all."""
    from quotetrace.spark import trace_spark

    tables = tmp_path / "tables"
    trace_spark([SEEDS], spark=spark, parquet=tables, texts=False)
    direct, loaded = tmp_path / "direct.db", tmp_path / "loaded.db"
    assert main(["add", str(direct), str(SEEDS), "--jobs", "1", "-q"]) == 0

    def no_extraction(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("--from-parquet extracted an article again")
    monkeypatch.setattr("quotetrace.store.corpus.read_units", no_extraction)
    assert main(["add", str(loaded), "--from-parquet", str(tables), "-q"]) == 0
    assert "5 added, 0 replaced, 0 already held; 5 articles in all" in capsys.readouterr().out
    assert _store_rows(loaded) == _store_rows(direct)
    assert main(["add", str(loaded), "--from-parquet", str(tables), "-q"]) == 0
    assert "0 added, 0 replaced, 5 already held" in capsys.readouterr().out
    assert main(["trace", str(loaded), "--format", "json", "-q"]) == 0
    assert capsys.readouterr().out == as_json(trace([SEEDS], jobs=1))


@pytest.mark.parametrize("args, message", [
    (["--from-parquet", "{tmp}"], "no such table"),
    (["{seeds}", "--from-parquet", "{tmp}"], "one of the two"),
    ([], "one of the two"),
])
def test_add_from_parquet_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str],
                                        message: str) -> None:
    """A folder without the units table, or PATHs and --from-parquet together (or neither), fail
    with one message and leave no store behind."""
    store = tmp_path / "news.db"
    argv = [a.format(tmp=tmp_path, seeds=SEEDS) for a in args]
    assert main(["add", str(store), *argv]) != 0
    assert message in capsys.readouterr().err
    assert not store.exists()


def test_short_quote_expanded_same_as_local(spark: Any, tmp_path: Path) -> None:
    """A one-word quote and the copy that takes in its narrator's word before it: Spark groups
    them as the local engine does, which reads the words beside each passage."""
    rows = [{"id": "a", "text": "Mayor Jane Doe called the harbour board’s members “cowards” on Tuesday.",
             "date": "2024-03-01"},
            {"id": "b", "text": "In an interview, Mayor Jane Doe called them “members cowards” again.",
             "date": "2024-03-02"}]
    local_tr = _same_on_spark(spark, _articles(tmp_path, rows))
    assert [o.relation for f in local_tr.families for o in f.occurrences] == ["original", "expanded"]


def test_pronoun_in_the_speakers_own_statement_same_as_local(spark: Any, tmp_path: Path) -> None:
    """``X said he recalled thinking, “…”`` names X: the family task gets each quote's credit as
    its whole article reads it, so Spark flags the copy given to another as the local engine does."""
    from quotetrace.spark import trace_spark

    path = tmp_path / "articles.jsonl"
    quote = "The new bridge will be finished before the spring floods"
    rows = [{"id": "a", "text": f"Mayor Jane Doe said she recalled thinking, “{quote}.”", "date": "2024-03-01"},
            {"id": "b", "text": f"Governor Tom Roe said he recalled thinking, “{quote}.”", "date": "2024-03-02"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    local_tr = trace([path], jobs=1)
    assert [o.relation for f in local_tr.families for o in f.occurrences] == ["original", "misattributed"]
    assert as_json(trace_spark([path], spark=spark)) == as_json(local_tr)


def test_cli_people_same_as_local(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`--people` on Spark links the speakers the local command links (the years of each
    speaker's articles gathered on the executors), in the JSON written a range at a time and in
    the Parquet tables."""
    rows = [{"id": "a", "text": "“The ferry will run at dawn,” Mayor Jane Doe said.", "date": "2021-05-01"},
            {"id": "b", "text": "Jane Doe said: “The ferry will run at dawn.”", "date": "2021-05-02"},
            {"id": "c", "text": "“Tolls will rise,” Tom Roe said.", "date": "2019-01-01"}]
    path = _articles(tmp_path, rows)
    table = tmp_path / "people.csv"
    table.write_text("id,name,years\nQ1,Jane Doe,2020-\nQ2,Jane Doe,-2010\nQ3,Tom Roe,2020-\n", encoding="utf-8")
    args = ["trace", str(path), "--people", str(table), "--format", "json", "-q"]
    assert main(args) == 0
    local = capsys.readouterr().out
    assert '"speaker_id": "Q1"' in local and "Q3" not in local
    assert main([*args, "--engine", "spark", "--parquet", str(tmp_path / "tables")]) == 0
    assert capsys.readouterr().out == local
    rows = spark.read.parquet(str(tmp_path / "tables" / "occurrences")).collect()
    assert sorted((r["article"], r["speaker_id"]) for r in rows) == [("a", "Q1"), ("b", "Q1"), ("c", None)]


def test_lone_surrogate_json_same_as_local(spark: Any, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A lone surrogate in one article escapes the whole JSON document (as the local engine
    writes it), which the command then writes from the whole trace."""
    rows = [{"id": "cut", "text": "“We will win,\ud83d” Jane Doe said.", "date": "2024-03-01"},
            {"id": "ok", "text": "“We will win,” Jane Doe said again. “The café tax will fall,” she added.",
             "date": "2024-03-02"}]
    path = _articles(tmp_path, rows)
    args = ["trace", str(path), "--format", "json", "-q"]
    main(args)
    local = capsys.readouterr().out
    assert "\\ud83d" in local and "caf\\u00e9" in local
    main([*args, "--engine", "spark"])
    assert capsys.readouterr().out == local


def test_family_credited_to_no_one_same_as_local(spark: Any, tmp_path: Path) -> None:
    """A quote its first article gives to no one, then given to two different speakers: the
    family has no speaker while its copies have one, on Spark as on the local engine."""
    from quotetrace.spark import trace_spark

    path = tmp_path / "articles.jsonl"
    quote = "The harbour toll will double before the summer season starts"
    rows = [{"id": "a", "text": f"Posters with the words “{quote}” went up overnight.", "date": "2024-03-01"},
            {"id": "b", "text": f"“{quote},” Mayor Jane Doe said.", "date": "2024-03-02"},
            {"id": "c", "text": f"“{quote},” Governor Tom Roe said.", "date": "2024-03-03"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    local_tr = trace([path], jobs=1)
    assert [(f.speaker, [o.speaker for o in f.occurrences]) for f in local_tr.families] == [
        (None, [None, "Jane Doe", "Tom Roe"])]
    assert as_json(trace_spark([path], spark=spark)) == as_json(local_tr)


def test_uncredited_words_that_travel_same_as_local(spark: Any, tmp_path: Path) -> None:
    """Words in marks no article credits, carried from one article to the next, are a family with
    no speaker on Spark as on the local engine (the grouping task knows which article each
    passage comes from); a title in marks is none."""
    rows = [{"id": "a", "text": "The plan, a “reckless gamble with the town's money,” passed on “The Late Show.”",
             "date": "2024-03-01"},
            {"id": "b", "text": "The plan, a “reckless gamble with the town's money,” went to “The Late Show.”",
             "date": "2024-03-02"}]
    local_tr = _same_on_spark(spark, _articles(tmp_path, rows))
    assert [(f.speaker, [(o.article, o.relation) for o in f.occurrences]) for f in local_tr.families] == [
        (None, [("a", "original"), ("b", "verbatim")])]
