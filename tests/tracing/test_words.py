"""Words as tracing compares them: folded, stemmed, contractions split, offsets kept."""

from __future__ import annotations

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.tracing.words import TextWords, is_critical, words


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


_PIECES = ["We’re", "don't", " ", ", ", "“", "”", "Ukraine’s", "3.5", "1,000", "fine-tuned", "Washington", "a",
           "abc1,000", "3,5million", "rock'n'roll", "U.S.", "won't", "-", ",",
           ". ", "can’t", "\n", "—", "it's", "Café"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.integers(0, 200), st.integers(0, 200))
def test_text_words_slice_as_words_reads(pieces: list[str], a: int, b: int) -> None:
    """The words of a range sliced from the text's words read once are the words read from the
    range alone, wherever the range starts or ends: between words, inside one, between the two
    halves of a contraction, inside a number."""
    text = "".join(pieces)
    start, end = sorted((a % (len(text) + 1), b % (len(text) + 1)))
    got, want = TextWords(text)(start, end), words(text, start, end)
    assert (got.stems, list(got.starts), list(got.ends)) == (want.stems, list(want.starts), list(want.ends))


def test_text_words_read_a_cut_word_again() -> None:
    """A range that ends inside a word, or between a contraction's halves, gets the words that
    range alone holds, not the text's."""
    text = "We’re in Washington"
    tw = TextWords(text)
    assert tw(0, 2).stems == ["we"]  # "We" of "We’re": a word of its own in this range
    assert tw(2, len(text)).stems == ["re", "in", "washington"]
    assert tw(9, 13).stems == ["wash"]
