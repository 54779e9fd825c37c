"""The tracing benchmark corpus (scripts/trace_corpus.py): how fast it is made, and, once
``quotetrace trace`` exists, how long tracing 100 / 1,000 / 10,000 of its articles takes and how
well the trace scores against the answers (scripts/score_trace.py).

The bases are the ``--trace-bases`` articles (default: the ``--corpus`` ones, the seeds unless
given; PolNeAR's train.jsonl gives 840 articles of realistic length). Tracing runs the command a
user runs, ``python -m quotetrace trace --format json -o FILE ARTICLES.jsonl``, with every core.
"""

from __future__ import annotations

import json
import sys
import time

import pytest

from quotetrace.benchmark import corpus as trace_corpus, load_bases, score as score_trace

from .child import run


# seconds and peak memory of each size traced in this session, for the growth per tenfold step
_RUNS: dict[int, tuple[float, float]] = {}


def test_generate_throughput(benchmark, trace_bases) -> None:  # noqa: ANN001
    """Generating 1,000 articles with their answers from the bases."""
    articles, answers = benchmark.pedantic(lambda: trace_corpus.generate(trace_bases, 1000, 0),
                                           rounds=1, iterations=1)
    assert len(articles) == 1000 and answers
    benchmark.extra_info["articles"] = len(articles)


def _traced(command: list[str]) -> tuple[float, float]:
    """Run ``command``; its wall time and the peak resident memory (MiB) of it or any process it
    waited for (the worker processes)."""
    ran = run(command, ok=(0, 1))  # 1: some article failed, and said so on stderr
    return ran.seconds, ran.peak_mib


@pytest.mark.parametrize("n", [100, 1000, pytest.param(10000, marks=pytest.mark.slow)])
def test_trace_scaling(benchmark, trace_bases, tmp_path, n: int) -> None:  # noqa: ANN001
    """Tracing n generated articles with every core, extraction included: the time, the peak
    memory, the growth factor against the size ten times smaller, and precision and recall per
    relation."""
    articles, answers = trace_corpus.generate(trace_bases, n, 0)
    path, out = tmp_path / "articles.jsonl", tmp_path / "trace.json"
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "date": a.date, "outlet": a.outlet},
                                ensure_ascii=False) + "\n")
    command = [sys.executable, "-m", "quotetrace", "trace", "--format", "json", "-o", str(out), str(path)]
    seconds, peak = benchmark.pedantic(lambda: _traced(command), rounds=1, iterations=1)
    _RUNS[n] = (seconds, peak)
    trace = json.loads(out.read_text(encoding="utf-8"))
    result = score_trace.score(answers, trace)
    words = sum(len(a.text.split()) for a in articles)
    info = {"articles": n, "words": words, "seconds": round(seconds, 1), "peak_mib": round(peak),
            "scores": {r: (v["precision"], v["recall"]) for r, v in result["relations"].items()}}
    line = f"\ntrace of {n} articles ({words} words): {seconds:.1f} s, peak {peak:.0f} MiB"
    if n // 10 in _RUNS:
        s0, m0 = _RUNS[n // 10]
        info["growth"] = {"time": round(seconds / s0, 1), "memory": round(peak / m0, 1)}
        line += f"; x{seconds / s0:.1f} the time and x{peak / m0:.1f} the memory of {n // 10}"
    benchmark.extra_info.update(info)
    print(line)
    print(score_trace.table(result))


# the steps after extraction, in a process of their own: units in, the trace's JSON out
_TRACE_UNITS = """
import pickle, sys, time
from quotetrace.report import write_trace
from quotetrace.tracing.engine import trace_components, _without_cycle_collector
with open(sys.argv[1], "rb") as fh:  # one pickle per article, as units come from the workers
    articles, entries = pickle.load(fh)
    got = [pickle.load(fh) for _ in articles]
started = time.perf_counter()
with _without_cycle_collector():
    tr = trace_components(articles, got, entries)
del got
with open(sys.argv[2], "w", encoding="utf-8") as out:
    write_trace(tr, out, "json")
with open(sys.argv[3], "w") as fh:
    fh.write(str(time.perf_counter() - started))
"""


@pytest.mark.parametrize("n", [1000, pytest.param(10000, marks=pytest.mark.slow)])
def test_tracing_alone(benchmark, trace_bases, tmp_path, n: int) -> None:  # noqa: ANN001
    """Tracing n generated articles already cut into units, as a trace keeps them (each quote its
    credit): the seconds from units to the written JSON, and the peak memory of the process,
    units included. Extraction (every core) is not counted."""
    import pickle

    from quotetrace.pipeline import map_articles
    from quotetrace.tracing.engine import _read_one, canonical, take_in
    from quotetrace.tracing.units import Units, lean

    articles, _ = trace_corpus.generate(trace_bases, n, 0)
    taken, entries, _ = canonical(*take_in(articles))
    got = [lean(u) if isinstance(u, Units) else Units([], [], [], [], [])
           for u in map_articles(_read_one, taken, jobs=None)]
    units, out, timing = tmp_path / "units.pickle", tmp_path / "trace.json", tmp_path / "seconds"
    with open(units, "wb") as fh:
        pickle.dump((taken, entries), fh, protocol=pickle.HIGHEST_PROTOCOL)
        for u in got:
            pickle.dump(u, fh, protocol=pickle.HIGHEST_PROTOCOL)
    del got
    command = [sys.executable, "-c", _TRACE_UNITS, str(units), str(out), str(timing)]
    proc_seconds, peak = benchmark.pedantic(lambda: _traced(command), rounds=1, iterations=1)
    seconds = float(timing.read_text())
    info = {"articles": n, "seconds": round(seconds, 1), "process_seconds": round(proc_seconds, 1),
            "peak_mib": round(peak)}
    benchmark.extra_info.update(info)
    print(f"\ntracing {n} extracted articles: {seconds:.1f} s (the process {proc_seconds:.1f} s, "
          f"loading the units too), peak {peak:.0f} MiB")
    assert json.loads(out.read_text(encoding="utf-8"))["articles"]
