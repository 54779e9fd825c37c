"""Words as tracing compares them: folded, stemmed, contractions split, offsets kept."""

from __future__ import annotations

import pytest

from quotetrace.tracing.words import is_critical, words


@pytest.mark.parametrize(("text", "stems"), [
    ("We’re ready", ["we", "are", "ready"]),
    ("don't go", ["do", "not", "go"]),
    ("It’s Ukraine’s choice", ["it", "is", "ukrain", "choic"]),
    ("can’t won’t", ["can", "not", "will", "not"]),
    ("freeze freezing frozen", ["freez", "freez", "frozen"]),
    ("fine-tuned fine-tuning", ["fine-tun", "fine-tun"]),
    ("countries voters planning stopped", ["country", "voter", "plan", "stop"]),
    ("ＦＵＬＬ width Café", ["full", "width", "caf"]),
    ("3.5 percent of 1,000", ["3.5", "percent", "of", "1,000"]),
])
def test_stems(text: str, stems: list[str]) -> None:
    """Case, unicode, apostrophes and inflections are folded; contractions become two words."""
    assert words(text).stems == stems


def test_offsets_index_the_text() -> None:
    """Every word's offsets slice it out of the text, contraction halves included."""
    text = "“We’re ready,” she said."
    w = words(text)
    assert [text[s:e] for s, e in zip(w.starts, w.ends)] == ["We", "’re", "ready", "she", "said"]


@pytest.mark.parametrize(("stem", "critical"), [("not", True), ("never", True), ("would", True), ("7", True),
                                                ("million", True), ("they", True), ("bridg", False), ("the", False)])
def test_critical_words(stem: str, critical: bool) -> None:
    """Negation, modality, numbers and subject pronouns are what a change must never slip past."""
    assert is_critical(stem) is critical
