"""Batch extraction in worker processes holds a bounded number of articles in flight, however
slow the consumer: an add whose commits fall behind the workers must not pile up results."""

from __future__ import annotations

import itertools
import time

from quotetrace import Article
from quotetrace.pipeline import _CHUNK, _IN_FLIGHT, _extract_one, map_articles


def test_a_slow_consumer_holds_few_articles_in_flight() -> None:
    pulled = itertools.count()
    taken = [0]

    def articles():  # noqa: ANN202
        for k in range(5000):
            taken[0] = next(pulled) + 1
            yield Article(f"a{k}", "“The harbour will close in May,” Ada Lund said. The port board met.")

    results = map_articles(_extract_one, articles(), jobs=2)
    first = [next(results) for _ in range(3)]
    time.sleep(1.5)  # the workers could extract hundreds of these meanwhile
    ahead = taken[0]
    rest = sum(1 for _ in results)
    assert [len(e.quotes) for e in first] == [1, 1, 1]
    assert rest == 5000 - 3
    # what was read but not yet consumed stays within the window (plus a chunk being handed out)
    assert ahead - 3 <= 2 * _IN_FLIGHT + 2 * _CHUNK, ahead
