"""The store (quotetrace.Corpus): adding from text and from web pages, and checking one article
against a store, warm and cold.

- ``add`` from text: articles a second, extraction included (``--corpus`` articles, one process);
- ``add`` from HTML against trafilatura alone on the same pages (the issue's target: trafilatura's
  own cost plus at most 20%; quotetrace's extraction of the text is the rest);
- ``check`` against a store of ``--store-articles`` articles generated from ``--trace-bases``
  (scripts/trace_corpus.py; 1,000 by default): median and 95th percentile, warm (one open
  Corpus, SQLite's cache and the speaker names loaded) and cold (a fresh Corpus each time);
- scaling (``test_store_scaling``, ``test_trace_store``; 10,000 and 100,000 marked slow): stores
  of 1,000 / 10,000 / 100,000 generated articles (``--stores DIR`` to reuse them): check warm,
  cold and as a new process, wall and processor time, peak memory; add's rate and memory; the
  store's size per article; ``trace STORE`` the first time and from the kept trace.

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

from .child import run


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


# -- scaling: 1,000 / 10,000 / 100,000 generated articles ---------------------------------------
#
# Each size is a store of that many articles generated from --trace-bases (scripts/trace_corpus.py,
# seed 0), taken from --stores DIR when it holds s{n}.db, else made there (or in a temporary
# folder) by the command a user runs, `quotetrace add --jobs 2`, whose wall time, peak memory and
# store size are measured then. The checked articles are generated with another seed (the same
# bases, other derivations), 650 to 950 words long, and are not in the store.

_SIZES = [1000, pytest.param(10000, marks=pytest.mark.slow), pytest.param(100000, marks=pytest.mark.slow)]
_PROBES = 30


def _run(command: list[str]) -> tuple[float, float, float]:
    """Run ``command``: its wall time, the peak resident memory (MiB) of it or of any process it
    waited for (the workers of add), and its processor time (user and system)."""
    ran = run(command)
    return ran.seconds, ran.peak_mib, ran.cpu


@pytest.fixture(scope="module")
def probes(trace_bases) -> list[Article]:  # noqa: ANN001
    from quotetrace.benchmark import corpus as trace_corpus

    made, _ = trace_corpus.generate(trace_bases, 400, 12345)
    chosen = [a for a in made if 650 <= len(a.text.split()) <= 950] or made
    return [Article(f"probe-{a.id}", a.text, date=a.date) for a in chosen[:_PROBES + 1]]


_ADDED: dict[int, dict] = {}
_MADE: dict[int, Path] = {}  # the store of each size, made once a session


def _sized_store(request, trace_bases, tmp_path_factory, n: int) -> Path:  # noqa: ANN001
    import json
    import sys

    folder = request.config.getoption("--stores")
    if n in _MADE:
        return _MADE[n]
    folder = Path(folder) if folder else tmp_path_factory.mktemp("stores")
    path = _MADE[n] = folder / f"s{n}.db"
    if path.exists():
        return path
    from quotetrace.benchmark import corpus as trace_corpus

    articles, _ = trace_corpus.generate(trace_bases, n, 0)
    source = folder / f"articles-{n}.jsonl"
    with open(source, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "date": a.date}, ensure_ascii=False) + "\n")
    seconds, peak, _ = _run([sys.executable, "-m", "quotetrace", "add", str(path), str(source), "--jobs", "2"])
    _ADDED[n] = {"seconds": round(seconds, 1), "articles_per_second": round(n / seconds, 1),
                 "peak_mib": round(peak), "store_kb_per_article": round(path.stat().st_size / n / 1024, 1)}
    return path


@pytest.mark.parametrize("n", _SIZES)
def test_store_scaling(benchmark, request, trace_bases, tmp_path_factory, probes, tmp_path, n: int) -> None:  # noqa: ANN001
    """Against a store of n articles: check warm (one open Corpus), cold (a fresh Corpus) and as
    a new process (`quotetrace check --against`, with its peak memory), median and 95th
    percentile over 30 checks; the store's size per article; and, when this session made the
    store, add's wall time, rate and peak memory."""
    import sys

    path = _sized_store(request, trace_bases, tmp_path_factory, n)
    # wall and processor time of each check: on a machine shared with other jobs, the
    # processor time is what the check costs, the wall time what it cost there and then
    times: dict[str, list[float]] = {k: [] for k in ("warm", "warm_cpu", "cold", "cold_cpu", "process", "process_cpu")}
    peaks = []

    def timed(label: str, call) -> None:  # noqa: ANN001
        t, c = time.perf_counter(), time.process_time()
        call()
        times[label].append(time.perf_counter() - t)
        times[f"{label}_cpu"].append(time.process_time() - c)

    def fresh(p: Article) -> None:
        with Corpus(path, readonly=True) as c:
            c.check(p)

    def run() -> None:
        with Corpus(path, readonly=True) as c:
            c.check(probes[0])
            for p in probes[1:]:
                timed("warm", lambda: c.check(p))  # noqa: B023
        for p in probes[1:]:
            timed("cold", lambda: fresh(p))  # noqa: B023
        for p in probes[1:11]:
            file = tmp_path / f"{len(peaks)}.txt"
            file.write_text(p.text, encoding="utf-8")
            seconds, peak, cpu = _run([sys.executable, "-m", "quotetrace", "check", str(file), "--against", str(path),
                                       "--format", "json"])
            times["process"].append(seconds)
            times["process_cpu"].append(cpu)
            peaks.append(peak)

    benchmark.pedantic(run, rounds=1, iterations=1)
    info: dict = {"articles": n, "store_kb_per_article": round(path.stat().st_size / n / 1024, 1)}
    for label, times in times.items():
        times = sorted(times)
        info[label] = {"median_ms": round(1000 * statistics.median(times)),
                       "p95_ms": round(1000 * times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]),
                       "checks": len(times)}
    info["process"]["peak_mib"] = round(max(peaks))
    if n in _ADDED:
        info["add"] = _ADDED[n]
    benchmark.extra_info.update(info)
    print(f"\nstore of {n}: {info}")


@pytest.mark.parametrize("n", _SIZES)
def test_trace_store(benchmark, request, trace_bases, tmp_path_factory, tmp_path, n: int) -> None:  # noqa: ANN001
    """`quotetrace trace STORE` of a copy of the store: the first (traces every article and keeps
    the trace in the store, in bounded memory: store/bounded.py) and the second (reads the kept
    trace), time and peak memory."""
    import shutil
    import sys

    path = tmp_path / "copy.db"
    shutil.copy(_sized_store(request, trace_bases, tmp_path_factory, n), path)
    command = [sys.executable, "-m", "quotetrace", "trace", str(path), "--format", "json", "-o", str(tmp_path / "t.json")]
    runs: list[tuple[float, float]] = []

    def run() -> None:
        runs.append(_run(command)[:2])
        runs.append(_run(command)[:2])  # the kept trace

    benchmark.pedantic(run, rounds=1, iterations=1)
    (first, first_peak), (kept, kept_peak) = runs
    benchmark.extra_info.update({"articles": n, "first": {"seconds": round(first, 1), "peak_mib": round(first_peak)},
                                 "kept": {"seconds": round(kept, 1), "peak_mib": round(kept_peak)}})
    print(f"\ntrace of a store of {n}: first {first:.1f} s, {first_peak:.0f} MiB; kept {kept:.1f} s, {kept_peak:.0f} MiB")
