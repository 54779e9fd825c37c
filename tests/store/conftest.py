"""An invented corpus that exercises tracing: statements quoted, cut, altered, handed to another
speaker and told without marks, over several dates; written by a seeded generator, so the same
every run."""

from __future__ import annotations

import random

import pytest

from quotetrace import Article

SPEAKERS = ["Mayor Jane Doe", "Councillor Omar Bell", "Judge Rita Vale", "Director Paul Imre"]
STATEMENTS = [
    "We will build the new river bridge before the spring floods arrive",
    "The budget for the harbour clinic has been cut by a third this year",
    "Nobody in this office approved the sale of the old tram depot",
    "Our inspectors found rust in every pillar of the northern viaduct",
    "The court will not tolerate another delay in the housing case",
    "Parents deserve a straight answer about the closing of the night school",
    "I have asked the auditors to publish every contract signed since March",
    "The water in the eastern districts is safe to drink again",
]
FILLER = ["The council met on Tuesday evening.", "Residents filled the hall to hear the debate.",
          "The vote is expected next month.", "Local papers have followed the story for weeks.",
          "A spokesperson declined to comment further.", "Traffic on the ring road was slow all day."]


def _variant(rng: random.Random, words: list[str]) -> str:
    how = rng.choice(["same", "same", "cut", "altered"])
    if how == "cut":
        return " ".join(words[: max(4, len(words) * 2 // 3)])
    if how == "altered":
        w = list(words)
        w[len(w) // 2] = rng.choice(["never", "quickly", "certainly"])
        return " ".join(w)
    return " ".join(words)


def make_articles(n: int = 30, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    owner = {s: SPEAKERS[k % len(SPEAKERS)] for k, s in enumerate(STATEMENTS)}
    out = []
    for k in range(n):
        paragraphs = [rng.choice(FILLER)]
        for statement in rng.sample(STATEMENTS, 3):
            words = statement.split()
            speaker = owner[statement] if rng.random() > 0.1 else rng.choice(SPEAKERS)
            form = rng.random()
            if form < 0.7:
                paragraphs.append(f"“{_variant(rng, words)},” {speaker} said.")
            else:
                clause = statement[0].lower() + statement[1:]
                paragraphs.append(f"{speaker} said that {clause}.")
            paragraphs.append(rng.choice(FILLER))
        day = rng.randint(1, 9)
        date = None if rng.random() < 0.15 else f"2024-03-{day:02d}"
        out.append(Article(f"art{k:03d}", "\n\n".join(paragraphs) + "\n", date=date, path=f"invented/art{k:03d}.txt"))
    return out


@pytest.fixture(scope="session")
def articles() -> list[Article]:
    return make_articles()
