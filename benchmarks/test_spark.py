"""`trace --engine spark --master local[2]` against `--engine local` on the same generated
articles, one after the other in one run: wall time, articles a second per core, the growth per
tenfold step, and peak memory (resident set) of the driver process tree and of Spark's side (the
JVM and its Python workers, the executor of a local master). Both outputs must be equal.

    tox -e bench -- benchmarks/test_spark.py --trace-bases ../shared/data/polnear/train.jsonl -m "not slow or slow"
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from quotetrace.benchmark import corpus as trace_corpus

CORES = 2
_RUNS: dict[tuple[str, int], float] = {}


def _tree(root: int) -> dict[int, tuple[str, int]]:
    """pid → (command name, resident KiB) of ``root`` and its descendants, from /proc."""
    kids: dict[int, list[int]] = {}
    info: dict[int, tuple[str, int]] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            stat = (d / "stat").read_text()
            status = (d / "status").read_text()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        rss = next((int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:")), 0)
        kids.setdefault(ppid, []).append(int(d.name))
        info[int(d.name)] = (name, rss)
    out, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in info:
            out[pid] = info[pid]
        todo += kids.get(pid, [])
    return out


def _run(command: list[str]) -> tuple[float, float, float, float]:
    """Wall seconds, peak MiB of the Python driver, peak MiB of everything it started (the JVM and
    the Python workers, or the local engine's worker processes), and the peak MiB of any one
    Python worker (what a task holds, which must stay bounded as the corpus grows), sampled
    every 0.2 s."""
    peak = [0, 0, 0]
    started = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def sample() -> None:
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak[0] = max(peak[0], tree.get(proc.pid, ("", 0))[1])
            peak[1] = max(peak[1], sum(rss for pid, (_, rss) in tree.items() if pid != proc.pid))
            peak[2] = max([peak[2], *(rss for pid, (name, rss) in tree.items() if pid != proc.pid and name != "java")])
            time.sleep(0.2)

    t = threading.Thread(target=sample)
    t.start()
    _, err = proc.communicate()
    t.join()
    if proc.returncode not in (0, 1):
        raise AssertionError(err.decode())
    return time.perf_counter() - started, peak[0] / 1024, peak[1] / 1024, peak[2] / 1024


@pytest.mark.parametrize("n", [1000, pytest.param(10000, marks=pytest.mark.slow),
                               pytest.param(100000, marks=pytest.mark.slow)])
def test_spark_against_local(benchmark, trace_bases, tmp_path, n: int) -> None:  # noqa: ANN001
    pytest.importorskip("pyspark")
    articles, _ = trace_corpus.generate(trace_bases, n, 1)
    path = tmp_path / "articles.jsonl"
    with open(path, "w", encoding="utf-8") as fh:
        for a in articles:
            fh.write(json.dumps({"id": a.id, "text": a.text, "date": a.date}) + "\n")
    root = str(Path(__file__).resolve().parent.parent)
    base = [sys.executable, "-m", "quotetrace", "trace", str(path), "--format", "json", "-q"]
    env_path = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (root, env_path) if p)
    figures = {}
    for engine, extra in (("local", ["--jobs", str(CORES)]),
                          ("spark", ["--engine", "spark", "--master", f"local[{CORES}]"])):
        out = tmp_path / f"{engine}.json"
        seconds, driver, rest, worker = benchmark.pedantic(_run, args=([*base, *extra, "-o", str(out)],),
                                                   rounds=1, iterations=1) if engine == "spark" \
            else _run([*base, *extra, "-o", str(out)])
        _RUNS[(engine, n)] = seconds
        smaller = _RUNS.get((engine, n // 10))
        figures[engine] = {"seconds": round(seconds, 1), "articles_per_second_per_core": round(n / seconds / CORES, 1),
                           "driver_mib": round(driver), "workers_mib": round(rest),
                           "one_worker_mib": round(worker),
                           "growth_per_tenfold": round(seconds / smaller, 2) if smaller else None}
        print(f"\n{engine} {n}: {figures[engine]}")
    benchmark.extra_info.update({"articles": n, **{f"{e}_{k}": v for e, f in figures.items() for k, v in f.items()}})
    assert (tmp_path / "spark.json").read_bytes() == (tmp_path / "local.json").read_bytes()
