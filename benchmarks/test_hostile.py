"""Adversarial articles, timed at two sizes: the growth per doubling of the input (linear is
2x). tests/test_linear_time.py checks the same property by counting calls, which cannot flake;
this shows the seconds."""

from __future__ import annotations

import time

import pytest

from quotetrace import extract

# One line each, as a careless scraper or a hostile user would give them.
HOSTILE = {
    "repeated said": lambda n: "Officials said " + "said " * (n // 5) + ".",
    "repeated He said:": lambda n: "He said: " * (n // 9),
    "said and according to": lambda n: "He said: according to officials, " * (n // 34),
    "mixed quotation marks": lambda n: "'a' “b” \"c\" ‘d’ «e» " * (n // 20),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_growth_per_doubling(benchmark, name: str) -> None:  # noqa: ANN001
    """Seconds for a 16 KB and a 32 KB article of one hostile kind, and their ratio."""
    make = HOSTILE[name]
    small, large = make(16_000), make(32_000)

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            t = time.perf_counter()
            extract(text)
            times.append(time.perf_counter() - t)
        return min(times)

    benchmark.pedantic(lambda: extract(large), rounds=3, iterations=1)
    growth = best(large) / best(small)
    benchmark.extra_info.update({"growth_per_doubling": round(growth, 2)})
    print(f"\n{name}: growth per doubling {growth:.2f}x")
