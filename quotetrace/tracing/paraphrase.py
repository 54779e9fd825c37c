"""Find a family's words where they stand without quotation marks: in reported speech (a
paraphrase, or a misattribution when another speaker is named) and in the narrator's text.

The families' originals are indexed by *content pairs*: two content words in a row once function
words are set aside (``violate Ukraine’s constitution`` gives ``violate·ukraine`` and
``ukraine·constitution``), so ``would be against Ukraine’s constitution`` meets ``This would
violate Ukraine’s constitution`` through the pair they share, where word 3-grams would not. Every
reported-speech and narrator piece of every article is scanned once against that index; a pair
found in more than ``MAX_PAIR_DF`` articles proposes nothing.

A hit is then judged by the share of the quote's content words the piece holds (see
:mod:`.knobs`): reported speech by the same speaker needs less than narrator text, since the
speaker vouches for the rest. Weaker hits in articles related to the quote's article (sharing
quotes or sentences with it) are kept as evidence for an unsupported quote.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence

import attrs

from .knobs import (
    ALTER_REACH,
    MIN_NARRATOR_SHARE,
    MIN_NARRATOR_WORDS,
    MIN_PARAPHRASE_WORDS,
    MIN_REPORTED_SHARE,
)
from .keys import content_pairs, pair_key
from .units import Piece
from .words import NOT_CONTENT, run_at


@attrs.frozen
class Hit:
    """A piece that holds some of a family's content words."""

    family: int
    piece: Piece
    matched: frozenset[str]
    share: float
    #: "paraphrase", "misattributed" or "evidence"
    verdict: str


def names_in(piece: Piece, text: str) -> frozenset[str]:
    """The stems a passage writes with a capital inside a sentence: names of people, places,
    parties. Two texts that share only names share a topic, not a statement."""
    w = piece.words
    out = set()
    for k in range(1, len(w)):
        start = w.starts[k]
        before = text[w.ends[k - 1]:start]
        if text[start:start + 1].isupper() and not any(ch in ".!?:;\"“”" for ch in before):
            out.add(w.stems[k])
    return frozenset(out)


def find_paraphrases(originals: Sequence[Piece], speakers: Sequence[str | None],
                     pieces_by_article: Sequence[Sequence[Piece]],
                     quoted_in: Sequence[set[int]], related: Mapping[int, set[int]],
                     identity: Callable[[str | None], str | None],
                     differ: Callable[[str | None, str | None], bool],
                     names: Sequence[frozenset[str]] = (),
                     dead: Container[str] = frozenset()) -> list[Hit]:
    """Hits of every family (``originals[k]``, credited to ``speakers[k]``) in the reported speech
    and narrator pieces of the articles, skipping the articles that quote the family already
    (``quoted_in[k]``). A piece that shares a single pair with a family is a hit only when it is
    reported speech by the family's speaker or stands in an article ``related`` to the original's.
    ``dead`` are the stock pairs of the whole corpus (:mod:`.keys`), which propose nothing."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    wanted: list[frozenset[str]] = []
    for k, o in enumerate(originals):
        wanted.append(frozenset(s for s in o.words.stems if s not in NOT_CONTENT))
        for pair in set(content_pairs(o.words.stems)):
            index[pair].append(k)
    # the pieces that share a pair with a family, through the pairs that are not stock phrases,
    # one article at a time: kept for the whole corpus, these sets were a trace's peak of memory
    found: list[tuple[tuple[int, int, int], Hit]] = []
    for a, pieces in enumerate(pieces_by_article):
        shared: dict[tuple[int, int], set[tuple[str, str]]] = defaultdict(set)
        for pk, piece in enumerate(pieces):
            for pair in content_pairs(piece.words.stems):
                if pair not in index or pair_key(pair) in dead:
                    continue
                for k in index[pair]:
                    if a not in quoted_in[k]:
                        shared[(k, pk)].add(pair)
        for (k, pk), pairs in shared.items():
            piece = pieces[pk]
            if len(pairs) < 2 and a not in related.get(originals[k].article, ()) \
                    and not (piece.role == "reported-speech" and identity(piece.speaker) is not None
                             and identity(piece.speaker) == identity(speakers[k])):
                continue
            matched = wanted[k] & frozenset(piece.words.stems)
            share = len(matched) / max(1, len(wanted[k]))
            whole = len(wanted[k]) >= MIN_PARAPHRASE_WORDS and carries(piece.words.stems, originals[k].words.stems)
            verdict = _verdict(piece, speakers[k], len(matched), share, identity, differ, whole)
            if (verdict == "paraphrase" and piece.role == "narrator" or verdict == "misattributed") \
                    and names and not whole:
                # narrator text must share the statement, not only its names; so must reported
                # speech that would give it to someone else ("… of United States District Court"
                # is a name two statements share, not a statement)
                own = len(matched - names[k])
                if own < MIN_NARRATOR_WORDS - 1 or own < MIN_NARRATOR_SHARE * len(wanted[k] - names[k]):
                    verdict = "evidence"
            found.append(((k, a, pk), Hit(k, piece, matched, share, verdict)))
    found.sort(key=lambda kh: kh[0])  # by family, then article and piece
    return [h for _, h in found]


def carries(stems: Sequence[str], quote: Sequence[str]) -> bool:
    """Whether ``stems`` hold every word of ``quote``, in a row, and little else: the quote's
    words without its marks (``she said, the vote was rigged``), as an editor who drops the
    marks or an extractor that misses a credit leaves them. A long sentence that holds a
    three-word phrase (``... a threat from radical extremism``) makes a statement of its own."""
    n = len(quote)
    if n == 0 or n > len(stems) or len(stems) > ALTER_REACH * n + 2:
        return False
    return run_at(stems, quote) is not None


def _verdict(piece: Piece, speaker: str | None, matched: int, share: float,
             identity: Callable[[str | None], str | None],
             differ: Callable[[str | None, str | None], bool], whole: bool = False) -> str:
    # the quote's words in a row are the statement, however few of them carry content
    strong = whole or (share >= MIN_NARRATOR_SHARE and matched >= MIN_NARRATOR_WORDS)
    if piece.role == "reported-speech" and piece.speaker is not None:
        who, theirs = identity(piece.speaker), identity(speaker)
        if who is not None and who == theirs and share >= MIN_REPORTED_SHARE and matched >= MIN_PARAPHRASE_WORDS:
            return "paraphrase"
        if piece.named and differ(piece.speaker, speaker) and strong:
            return "misattributed"
    if strong:
        return "paraphrase"
    return "evidence"
