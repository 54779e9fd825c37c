"""The store (quotetrace.Corpus): adding from text and from web pages, and checking one article
against a store, warm and cold.

- ``add`` from text: articles a second, extraction included (``--corpus`` articles, one process);
- ``add`` from HTML against trafilatura alone on the same pages (the issue's target: trafilatura's
  own cost plus at most 20%; quotetrace's extraction of the text is the rest);
- ``check`` against a store of ``--store-articles`` articles generated from ``--trace-bases``
  (scripts/trace_corpus.py; 1,000 by default): median and 95th percentile, warm (one open
  Corpus, SQLite's cache and the speaker names loaded) and cold (a fresh Corpus each time).

Big stores are better made once with the command (``quotetrace add news.db articles.jsonl``) and
given with ``--store PATH``: the check benchmarks then read it and never write it.
"""

from __future__ import annotations

import html
import statistics
import time
from pathlib import Path

import pytest

from quotetrace import Article, Corpus


def _page(a: Article) -> str:
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in a.text.split("\n") if p.strip())
    return (f"<!DOCTYPE html><html><head><title>{html.escape(a.id)}</title>"
            f"<meta property='article:published_time' content='{a.date or ''}'></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            "<div class='cookie-banner'>We use cookies. <button>Accept</button></div>"
            f"<article><h1>{html.escape(a.id)}</h1>{body}</article>"
            "<footer>(c) Example</footer><script>track()</script></body></html>")


def test_add_from_text(benchmark, corpus, tmp_path) -> None:  # noqa: ANN001
    """Articles a second that add keeps, extraction included, one process."""
    counter = iter(range(1000))

    def run() -> int:
        with Corpus(tmp_path / f"text{next(counter)}.db") as c:
            return len(c.add(corpus, jobs=1).added)

    added = benchmark.pedantic(run, rounds=3, iterations=1)
    assert added == len(corpus)
    rate = len(corpus) / benchmark.stats.stats.mean
    benchmark.extra_info.update({"articles": len(corpus), "articles_per_second": round(rate, 1)})
    print(f"\nadd from text: {len(corpus)} articles, {rate:,.1f} articles/s")


@pytest.fixture(scope="module")
def pages(corpus, tmp_path_factory) -> Path:  # noqa: ANN001
    pytest.importorskip("trafilatura")
    folder = tmp_path_factory.mktemp("pages")
    for a in corpus:
        (folder / f"{a.id.replace('/', '_')}.html").write_text(_page(a), encoding="utf-8")
    return folder


def test_trafilatura_alone(benchmark, pages) -> None:  # noqa: ANN001
    """trafilatura's own cost on the pages: the floor add from HTML is measured against."""
    import trafilatura

    files = sorted(pages.glob("*.html"))

    def run() -> int:
        return sum(1 for f in files if trafilatura.bare_extraction(f.read_bytes(), with_metadata=True))

    assert benchmark.pedantic(run, rounds=3, iterations=1) == len(files)
    benchmark.extra_info["pages_per_second"] = round(len(files) / benchmark.stats.stats.mean, 1)


def test_add_from_html(benchmark, pages, tmp_path) -> None:  # noqa: ANN001
    """add from the same pages: trafilatura, then quotetrace's extraction and the store."""
    counter = iter(range(1000))
    n = len(list(pages.glob("*.html")))

    def run() -> int:
        with Corpus(tmp_path / f"html{next(counter)}.db") as c:
            return len(c.add([pages], jobs=1).added)

    added = benchmark.pedantic(run, rounds=3, iterations=1)
    assert added > 0  # a page whose main text is too short is reported, not added
    benchmark.extra_info.update({"pages": n, "added": added,
                                 "pages_per_second": round(n / benchmark.stats.stats.mean, 1)})


def test_html_reading_alone(benchmark, pages) -> None:  # noqa: ANN001
    """Reading the pages into articles (trafilatura plus quotetrace's page handling), no extraction."""
    from quotetrace import read_articles

    n = len(list(pages.glob("*.html")))
    assert benchmark.pedantic(lambda: sum(1 for _ in read_articles(pages)), rounds=3, iterations=1) > 0
    benchmark.extra_info["pages_per_second"] = round(n / benchmark.stats.stats.mean, 1)


@pytest.fixture(scope="module")
def store(request, trace_bases, tmp_path_factory) -> tuple[Path, list[Article]]:  # noqa: ANN001
    """A store of generated articles (or ``--store``), and a few articles to check against it."""
    from quotetrace.benchmark import corpus as trace_corpus

    given = request.config.getoption("--store")
    n = request.config.getoption("--store-articles")
    articles, _ = trace_corpus.generate(trace_bases, n, 0)
    probes, _ = trace_corpus.generate(trace_bases, 60, 12345)
    probes = [Article(f"probe-{a.id}", a.text, date=a.date) for a in probes[-20:]]
    if given:
        return Path(given), probes
    path = tmp_path_factory.mktemp("store") / "news.db"
    with Corpus(path) as c:
        c.add(articles, jobs=None)
    return path, probes


def _percentiles(benchmark, times: list[float], label: str) -> None:  # noqa: ANN001
    times = sorted(times)
    p50 = statistics.median(times)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    benchmark.extra_info.update({"median_ms": round(1000 * p50, 1), "p95_ms": round(1000 * p95, 1),
                                 "checks": len(times)})
    print(f"\n{label}: median {1000 * p50:.0f} ms, p95 {1000 * p95:.0f} ms over {len(times)} checks")


def test_check_warm(benchmark, store) -> None:  # noqa: ANN001
    """Checks of one article against an open store (after one check to warm it)."""
    path, probes = store
    times: list[float] = []
    with Corpus(path, readonly=True) as c:
        c.check(probes[0])

        def run() -> None:
            for p in probes:
                t = time.perf_counter()
                c.check(p)
                times.append(time.perf_counter() - t)

        benchmark.pedantic(run, rounds=1, iterations=1)
    _percentiles(benchmark, times, f"check warm ({path})")


def test_check_cold(benchmark, store) -> None:  # noqa: ANN001
    """Checks of one article, each opening the store afresh (as one `quotetrace check` does,
    without the interpreter's start)."""
    path, probes = store
    times: list[float] = []

    def run() -> None:
        for p in probes:
            t = time.perf_counter()
            with Corpus(path, readonly=True) as c:
                c.check(p)
            times.append(time.perf_counter() - t)

    benchmark.pedantic(run, rounds=1, iterations=1)
    _percentiles(benchmark, times, f"check cold ({path})")
