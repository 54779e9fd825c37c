"""Benchmark corpus: ``--corpus PATH`` (a JSONL file or a folder of articles); the seeds by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotetrace import Article, read_articles

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--corpus", default=str(ROOT / "seeds"),
                     help="articles to measure on: a .jsonl file or a folder (default: seeds/)")
    parser.addoption("--trace-bases", default=None,
                     help="real articles the tracing benchmark corpus is generated from "
                          "(default: --corpus)")
    parser.addoption("--store", default=None,
                     help="a store made by `quotetrace add` for the check benchmarks (read, never written)")
    parser.addoption("--stores", default=None,
                     help="a folder of stores for the store scaling benchmarks, s1000.db, s10000.db, "
                          "s100000.db (one missing is made there with `quotetrace add --jobs 2`)")
    parser.addoption("--store-articles", type=int, default=1000,
                     help="articles of the store the check benchmarks generate when --store is not given")


@pytest.fixture(scope="session")
def corpus(request: pytest.FixtureRequest) -> list[Article]:
    arts = [a for a in read_articles(request.config.getoption("--corpus")) if isinstance(a, Article)]
    if not arts:
        pytest.skip("no articles in the corpus")
    return arts


def words_per_second(benchmark, corpus: list[Article]) -> float:  # noqa: ANN001
    words = sum(len(a.text.split()) for a in corpus)
    rate = words / benchmark.stats.stats.mean
    benchmark.extra_info.update({"articles": len(corpus), "words": words, "words_per_second": round(rate)})
    print(f"\n{benchmark.name}: {len(corpus)} articles, {words} words, {rate:,.0f} words/s")
    return rate


@pytest.fixture(scope="session")
def trace_bases(request: pytest.FixtureRequest) -> list[Article]:
    """The bases of the generated tracing corpus, with the dates a JSONL file gives
    (``publication_date`` too), read the way the generator reads them."""
    from quotetrace.benchmark import load_bases

    path = request.config.getoption("--trace-bases") or request.config.getoption("--corpus")
    bases = load_bases([path])
    if not bases:
        pytest.skip("no articles to generate a tracing corpus from")
    return bases
