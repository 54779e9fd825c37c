"""Tracing the five seed articles against the golden relations in tests/golden/seeds_relations.json."""

from __future__ import annotations

import json

import pytest

from quotetrace import Family, Occurrence, Trace, trace

from ..conftest import GOLDEN, SEEDS

RELATIONS = json.loads((GOLDEN / "seeds_relations.json").read_text(encoding="utf-8"))
REQUIRED = [r for r in RELATIONS if r["level"] == "required"]
BONUS = [r for r in RELATIONS if r["level"] == "bonus"]


@pytest.fixture(scope="module")
def seeds_trace() -> Trace:
    return trace([SEEDS], jobs=1)


def _norm(text: str) -> str:
    return " ".join(text.strip(" .,;:!?\"“”‘’").split()).casefold()


def _family(tr: Trace, article: str, text: str) -> Family:
    found = [f for f in tr.families
             if f.original.article == article and _norm(f.original.text) == _norm(text)]
    assert len(found) == 1, f"no family (or several) with original {text!r} in {article}"
    return found[0]


def _occurrence(f: Family, article: str, text: str) -> Occurrence | None:
    for o in f.occurrences[1:]:
        if o.article == article and (_norm(text) == _norm(o.text) or _norm(text) in _norm(o.text)):
            return o
    return None


def test_required_families_count() -> None:
    """The golden file holds the 13 required families of the specification."""
    assert len(REQUIRED) == 13


@pytest.mark.parametrize("gold", REQUIRED, ids=[r["family"] for r in REQUIRED])
def test_required_family(seeds_trace: Trace, gold: dict) -> None:
    """Each required family has the golden original, status and occurrence labels."""
    f = _family(seeds_trace, gold["original"]["article"], gold["original"]["text"])
    assert f.original.relation == gold["original"]["relation"]
    for want in gold["occurrences"]:
        got = _occurrence(f, want["article"], want["text"])
        assert got is not None, f"{want['text']!r} in {want['article']} is not in the family"
        assert got.relation == want["relation"], (want, got.relation)
    for want in gold.get("evidence", []):
        assert any(e.article == want["article"] and e.role == want["role"] and _norm(want["text"]) in _norm(e.text)
                   for e in f.original.evidence), want


def test_constitution_line_is_unsupported_with_its_evidence(seeds_trace: Trace) -> None:
    """Zelensky's constitution line in 003 is unsupported; 000's reported speech (a paraphrase,
    with its speaker) and 000's narrator sentence on international law are its evidence."""
    f = _family(seeds_trace, "003_5e38c892982a003a", "This would violate Ukraine’s constitution and international law,")
    o = f.original
    assert o.relation == "unsupported" and o.speaker == "Volodymyr Zelensky"
    roles = {(e.article, e.role, e.speaker) for e in o.evidence}
    assert ("000_2273eac947c6bda1", "reported-speech", "Volodymyr Zelensky") in roles
    assert ("000_2273eac947c6bda1", "narrator", None) in roles
    assert any("would be against Ukraine’s constitution" in e.text for e in o.evidence)
    assert any("would be in breach of established international law" in e.text for e in o.evidence)
    paraphrase = [x for x in f.occurrences if x.relation == "paraphrase"]
    assert [(x.article, x.role) for x in paraphrase] == [("000_2273eac947c6bda1", "reported-speech")]


def test_changed_words_are_graded(seeds_trace: Trace) -> None:
    """The diff of an expanded copy names the word pulled in from the narrator and grades a
    negation critical; an altered copy's changes are substantive."""
    expanded = _occurrence(_family(seeds_trace, "000_2273eac947c6bda1", "taking the whole country"),
                           "003_5e38c892982a003a", "not taking the whole country")
    assert [(c.op, c.changed, c.grade, c.source) for c in expanded.diff] == [("insert", "not", "critical", "narrator")]
    altered = _occurrence(_family(seeds_trace, "000_2273eac947c6bda1",
                                  "to freeze the territorial lines at some level close to where they are today."),
                          "003_5e38c892982a003a", "freezing the territorial lines")
    assert [(c.op, c.original, c.changed, c.grade) for c in altered.diff] == [
        ("replace", "to freeze", "freezing", "substantive"), ("delete", "at some level", "", "substantive")]
    text = seeds_trace.texts["003_5e38c892982a003a"]
    assert all(text[c.start:c.end] == c.changed for c in altered.diff)


def test_no_flag_the_gold_does_not_give(seeds_trace: Trace) -> None:
    """Every altered, expanded, excerpt, misattributed and unsupported label on the seeds is one
    the golden file gives (required or bonus): no wrong flag."""
    golden = set()
    for r in RELATIONS:
        golden.add((r["original"]["article"], _norm(r["original"]["text"]), r["original"]["relation"]))
        for o in r["occurrences"]:
            golden.add((o["article"], _norm(o["text"]), o["relation"]))
    flagged = [(o.article, _norm(o.text), o.relation) for f in seeds_trace.families for o in f.occurrences
               if o.relation in ("altered", "expanded", "excerpt", "misattributed", "unsupported")]
    assert flagged
    for article, text, relation in flagged:
        assert any(a == article and r == relation and (t == text or t in text or text in t)
                   for a, t, r in golden), (article, text, relation)


def test_bonus_paraphrases(seeds_trace: Trace) -> None:
    """Two bonus families hold: 001 paraphrases Rybar's “tough on his subordinates” in reported
    speech, and 002 takes the Guardian's sentence on the latest operation without marks."""
    got = {b["family"] for b in BONUS for want in b["occurrences"]
           if (f := _find(seeds_trace, b)) is not None and (o := _occurrence(f, want["article"], want["text"][:30])) is not None
           and o.relation == want["relation"]}
    assert {"Rybar: tough on his subordinates", "Guardian: operation"} <= got


def _find(tr: Trace, gold: dict) -> Family | None:
    """The family whose original holds the golden original's words (bonus originals are cut short)."""
    want = _norm(gold["original"]["text"])
    return next((f for f in tr.families if f.original.article == gold["original"]["article"]
                 and want in _norm(f.original.text)), None)


def test_speakers_listed_once_with_aliases(seeds_trace: Trace) -> None:
    """Tass and TASS are one speaker, listed once with the other spelling as an alias."""
    names = [s.name.casefold() for s in seeds_trace.speakers]
    assert len(names) == len(set(names))
    tass = [s for s in seeds_trace.speakers if s.name.casefold() == "tass"]
    assert len(tass) == 1 and [a.casefold() for a in tass[0].aliases] == ["tass"]


def test_rewrites_derive_from_the_original(seeds_trace: Trace) -> None:
    """001 and 003 appear as drawing on 000; nothing draws on 003."""
    pairs = {(d.article, d.source) for d in seeds_trace.derivations}
    assert ("001_be27b18d7a417ea1", "000_2273eac947c6bda1") in pairs
    assert ("003_5e38c892982a003a", "000_2273eac947c6bda1") in pairs
    assert not any(src == "003_5e38c892982a003a" for _, src in pairs)
