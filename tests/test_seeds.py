"""Whole-article checks on the seed articles against the golden facts in tests/golden/."""

from __future__ import annotations

from collections import defaultdict

import pytest

from quotetrace import extract, read_articles

from .conftest import GOLDEN, SEEDS, load_jsonl

DIRECT = [g for g in load_jsonl(GOLDEN / "seeds_direct.jsonl") if g["level"] == "required"]


@pytest.fixture(scope="module")
def seed_quotes() -> dict[str, list]:
    return {a.id: extract(a) for a in read_articles(SEEDS)}


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    # edge punctuation inside the marks may be kept or trimmed: compare without it
    edge = " .,;:!?"
    while s < e and text[s] in edge:
        s += 1
    while e > s and text[e - 1] in edge:
        e -= 1
    return s, e


def test_quoted_passages_are_exactly_the_golden_ones(seed_quotes: dict[str, list]) -> None:
    """Every passage in quotation marks is found with exact offsets, and nothing else is."""
    texts = {a.id: a.text for a in read_articles(SEEDS)}
    want: dict[str, set] = defaultdict(set)
    for g in DIRECT:
        want[g["article"]].add(_trim(texts[g["article"]], g["start"], g["end"]))
    got: dict[str, set] = defaultdict(set)
    for art, quotes in seed_quotes.items():
        for q in quotes:
            for s in q.quoted:
                got[art].add(_trim(texts[art], s.start, s.end))
    assert sum(len(v) for v in want.values()) == 38
    for art in texts:
        assert got[art] == want[art], art


def test_split_quote_is_one_quote(seed_quotes: dict[str, list]) -> None:
    """'“…,” Trump said on Thursday. “…”' is one quote with two pieces."""
    split = [q for q in seed_quotes["002_9423660f65a83069"] if len(q.spans) == 2]
    assert len(split) == 1
    assert split[0].text.startswith("The next few days") and split[0].text.endswith("very close.")
