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


SPEAKER_ALIASES = __import__("json").loads((GOLDEN / "seeds_speakers.json").read_text(encoding="utf-8"))
REPORTED = load_jsonl(GOLDEN / "seeds_reported.jsonl")


def _same_speaker(got: str | None, want: str | None) -> bool:
    """Canonical names compare without case and without a leading article ("The Kremlin")."""
    def norm(name: str | None) -> str:
        name = (name or "").lower().strip()
        return name[4:] if name.startswith("the ") else name
    return norm(got) == norm(want)


def _speaker_name(q) -> str | None:  # noqa: ANN001
    return q.speaker.name if q.speaker else None


@pytest.mark.parametrize("gold", DIRECT, ids=[f"{g['article'][:3]}:{g['text'][:30]}" for g in DIRECT])
def test_direct_quote_speaker_and_cue(seed_quotes: dict[str, list], gold: dict) -> None:
    """Each golden quotation is attributed to the golden canonical speaker through the golden cue."""
    owners = [q for q in seed_quotes[gold["article"]]
              if any(s.start < gold["end"] and gold["start"] < s.end for s in q.quoted)]
    assert len(owners) == 1, "a passage in quotation marks belongs to exactly one quote"
    q = owners[0]
    assert _same_speaker(_speaker_name(q), gold["speaker"]), (_speaker_name(q), gold["speaker"])
    assert q.cue is not None and q.cue.text.lower() == gold["cue"].lower()


def _found_reported(seed_quotes: dict[str, list], gold: dict) -> bool:
    for q in seed_quotes[gold["article"]]:
        inside = any(s.start <= gold["start"] and gold["end"] <= s.end for s in q.spans)
        if inside and q.cue is not None and q.cue.text.lower() == gold["cue"].lower() \
                and _same_speaker(_speaker_name(q), gold["speaker"]):
            return True
    return False


def test_reported_speech(seed_quotes: dict[str, list]) -> None:
    """At least 15 of the 17 required reported-speech attributions are found with speaker and cue."""
    required = [g for g in REPORTED if g["level"] == "required"]
    found = [g for g in required if _found_reported(seed_quotes, g)]
    missing = [(g["article"][:3], g["contains"][:40]) for g in required if g not in found]
    assert len(required) == 17
    assert len(found) >= 15, missing


def test_passive_without_agent_has_no_speaker(seed_quotes: dict[str, list]) -> None:
    """'has been described as “homemade.”' names no one: the speaker is None, the cue is kept."""
    (q,) = [q for q in seed_quotes["001_be27b18d7a417ea1"] if q.text.startswith("homemade")]
    assert q.speaker is None and q.cue.text == "described"


def test_pronoun_and_role_resolution(seed_quotes: dict[str, list]) -> None:
    """'he said' and 'The US President' resolve to the person the article means."""
    by_text = {q.text: q for q in seed_quotes["003_5e38c892982a003a"]}
    he = by_text["This would violate Ukraine’s constitution and international law,"]
    assert he.speaker.mention == "he" and _same_speaker(he.speaker.name, "Volodymyr Zelensky")
    role = next(q for q in seed_quotes["003_5e38c892982a003a"] if "not taking the whole country" in q.text)
    assert _same_speaker(role.speaker.name, "Donald Trump") and role.speaker.type == "person"


def test_speaker_aliases_resolve_to_canonical_names(seed_quotes: dict[str, list]) -> None:
    """A mention the golden file lists as an alias resolves to that speaker's canonical name."""
    checked = 0
    for quotes in seed_quotes.values():
        for q in quotes:
            if q.speaker is None or q.speaker.type == "unknown":
                continue
            for name, aliases in SPEAKER_ALIASES.items():
                if q.speaker.mention in aliases and q.speaker.mention not in ("he", "It"):
                    assert _same_speaker(q.speaker.name, name), (q.speaker.mention, q.speaker.name, name)
                    checked += 1
    assert checked >= 30
