"""The tracing benchmark corpus (scripts/trace_corpus.py): how fast it is made, and, once
``quotetrace trace`` exists, how long tracing 100 / 1,000 / 10,000 of its articles takes and how
well the trace scores against the answers (scripts/score_trace.py).

The bases are the ``--corpus`` articles (the seeds by default; PolNeAR's train.jsonl gives
articles of realistic length). Tracing runs the command of the output contract,
``python -m quotetrace trace --format json ARTICLES.jsonl``, so these need nothing but that.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from scripts import score_trace, trace_corpus


def _trace_command_exists() -> bool:
    probe = subprocess.run([sys.executable, "-m", "quotetrace", "trace", "--help"],
                           capture_output=True, text=True)
    return probe.returncode == 0


def test_generate_throughput(benchmark, corpus) -> None:  # noqa: ANN001
    """Generating 1,000 articles with their answers from the corpus's articles."""
    articles, answers = benchmark.pedantic(lambda: trace_corpus.generate(corpus, 1000, 0),
                                           rounds=1, iterations=1)
    assert len(articles) == 1000 and answers
    benchmark.extra_info["articles"] = len(articles)


@pytest.mark.parametrize("n", [100, 1000, pytest.param(10000, marks=pytest.mark.slow)])
def test_trace_scaling(benchmark, corpus, tmp_path, n: int) -> None:  # noqa: ANN001
    """Tracing n generated articles: the time, and precision and recall per relation."""
    if not _trace_command_exists():
        pytest.skip("quotetrace has no trace command yet")
    articles, answers = trace_corpus.generate(corpus, n, 0)
    path = tmp_path / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "date": a.date, "outlet": a.outlet},
                                ensure_ascii=False) + "\n")
    command = [sys.executable, "-m", "quotetrace", "trace", "--format", "json", str(path)]

    def run() -> dict:
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        benchmark.extra_info["seconds"] = round(time.perf_counter() - started, 2)
        return json.loads(done.stdout)

    trace = benchmark.pedantic(run, rounds=1, iterations=1)
    result = score_trace.score(answers, trace)
    words = sum(len(a.text.split()) for a in articles)
    benchmark.extra_info.update({"articles": n, "words": words,
                                 "scores": {r: (v["precision"], v["recall"])
                                            for r, v in result["relations"].items()}})
    print(f"\ntrace of {n} articles ({words} words): {benchmark.extra_info['seconds']} s")
    print(score_trace.table(result))
