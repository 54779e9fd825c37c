"""Which article a shared narrator sentence comes from (quotetrace.tracing.derive), with sentences
and sketch values made by hand."""

from __future__ import annotations

from quotetrace.tracing.derive import count_sources, sentence_links
from quotetrace.tracing.units import Piece
from quotetrace.tracing.words import words

SENTENCE = "the harbour board has met every week since the storm broke the northern pier last winter"


def _narrator(article: int, text: str) -> Piece:
    return Piece("narrator", article, ((0, len(text)),), words(text))


def test_a_sentence_found_like_several_earlier_ones_comes_from_the_earliest() -> None:
    """Article 2 writes a sentence as article 0 first did and as article 1 (which rewrote it the
    same way) does: the sketch values it shares with each differ, but it comes from article 0
    only, so article 1 is no source of article 2."""
    rewritten = SENTENCE.replace("every week", "each week")
    narrator = [[_narrator(0, SENTENCE)], [_narrator(1, rewritten)], [_narrator(2, rewritten)]]
    # value 7 ties article 2 to article 0, value 9 to article 1 (which article 0 lacks)
    sketches = [[(7,)], [(9,)], [(7, 9)]]
    assert sentence_links(narrator, sketches, rank=[0, 1, 2]) == {(0, 2): 1}


def test_count_sources() -> None:
    """Each (article, sentence) is counted once, for its earliest source."""
    linked = [("b", "c", 0), ("a", "c", 0), ("b", "c", 1), ("a", "b", 0)]
    rank = {"a": 0, "b": 1, "c": 2}.__getitem__
    assert count_sources(linked, rank) == {("a", "c"): 1, ("b", "c"): 1, ("a", "b"): 1}
