"""Which articles draw on which: the quotes and the narrator sentences they share.

Sentences are compared through their sketches (:func:`.units.sketch`): sentences that share a
sketch value are candidates, and each candidate is linked only to the earliest sentence with that
value (its leader), never to every other member, so a sentence copied by a thousand articles
costs a thousand comparisons, not half a million. A candidate counts when the two sentences'
word 4-grams overlap by ``MIN_SENTENCE_JACCARD``.

A quote links the article of a family's original to every other article that carries it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from typing import TypeVar

from ..model import Derivation
from .knobs import (
    MIN_DERIVATION_SCORE,
    MIN_DERIVATION_SENTENCES,
    MIN_DERIVATION_SHARED,
    MIN_SENTENCE_JACCARD,
    SENTENCE_SHINGLE,
)
from .keys import sketch_key
from .units import Piece

A = TypeVar("A")


def sentence_grams(piece: Piece) -> set[str]:
    return grams_of_stems(piece.words.stems)


def grams_of_stems(st: Sequence[str]) -> set[str]:
    """A sentence's word 4-grams, from its stems."""
    n = SENTENCE_SHINGLE
    return {" ".join(st[k:k + n]) for k in range(len(st) - n + 1)}


def sentence_links(narrator: Sequence[Sequence[Piece]], sketches: Sequence[Sequence[tuple[int, ...]]],
                   rank: Sequence[int], dead: Container[str] = frozenset()) -> dict[tuple[int, int], int]:
    """(source article, later article) → how many of the later article's narrator sentences
    repeat one of the source's. ``rank[a]`` orders articles: earlier first. ``dead`` are the
    boilerplate sketch values of the whole corpus (:mod:`.keys`), which link nothing."""
    buckets: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for a in sorted(range(len(narrator)), key=lambda a: rank[a]):
        for k, sk in enumerate(sketches[a]):
            for value in sk:
                buckets[value].append((rank[a], a, k))
    # only the leaders' n-grams are kept: a leader is compared with every member of its bucket,
    # a member with a leader or two; keeping every sentence's n-grams was most of a trace's peak
    grams: dict[tuple[int, int], set[str]] = {}

    def grams_of(a: int, k: int) -> set[str]:
        if (a, k) not in grams:
            grams[(a, k)] = sentence_grams(narrator[a][k])
        return grams[(a, k)]

    linked: set[tuple[int, int, int]] = set()  # (source article, article, sentence) found once
    for value in sorted(buckets):
        members = buckets[value]
        if len(members) < 2 or sketch_key(value) in dead:
            continue
        for la, a, k in leader_links([(a, k) for _, a, k in members], grams_of, linked,
                                     lambda a, k: sentence_grams(narrator[a][k])):
            linked.add((la, a, k))
    return count_sources(linked, rank.__getitem__)


def count_sources(linked: Iterable[tuple[A, A, int]], rank: Callable[[A], object]) -> dict[tuple[A, A], int]:
    """(source article, article) → how many of the article's sentences come from the source: a
    sentence found like several earlier ones (a rewrite's "Doe said" where the first article
    wrote "Jane Doe said", and a second rewrite that made the same change) comes from the
    earliest, where it was first written, not from each."""
    first: dict[tuple[A, int], A] = {}
    for la, a, k in linked:
        if (a, k) not in first or rank(la) < rank(first[(a, k)]):
            first[(a, k)] = la
    counts: dict[tuple[A, A], int] = defaultdict(int)
    for (a, _), la in first.items():
        counts[(la, a)] += 1
    return counts


def leader_links(members: Sequence[tuple[A, int]], grams_of: Callable[[A, int], set[str]],
                 skip: Container[tuple[A, A, int]] = (),
                 member_grams: Callable[[A, int], set[str]] | None = None) -> Iterator[tuple[A, A, int]]:
    """The links one sketch value makes: ``members`` are the (article, sentence) that hold it,
    earliest article first; each sentence of another article than the first member's (the
    leader) whose word 4-grams overlap the leader's by ``MIN_SENTENCE_JACCARD`` gives (leader's
    article, article, sentence). ``skip``: links already counted. Articles are indices here and
    ids in the Spark job, which calls this per sketch value. ``member_grams``, when given,
    gives the other members' n-grams (uncached, where ``grams_of`` caches the leaders')."""
    member_grams = member_grams or grams_of
    la, lk = members[0]
    for a, k in members[1:]:
        if a == la or (la, a, k) in skip:
            continue
        g1, g2 = grams_of(la, lk), member_grams(a, k)
        if len(g1 & g2) >= MIN_SENTENCE_JACCARD * len(g1 | g2):
            yield la, a, k


def derivations(quote_links: dict[tuple[int, int], int], sentence_counts: dict[tuple[int, int], int],
                statements: Sequence[int], ids: Sequence[str], rank: Sequence[int]) -> list[Derivation]:
    """The derivations table: for each pair of articles sharing statements, the later one (or
    the one that carries the other's originals) derives from the other, when they share enough
    of the later one's statements or two of their narrator sentences (:mod:`.knobs`), or one
    sentence that nothing else explains (:func:`settled`)."""
    return settled(candidates(quote_links, sentence_counts, statements, ids, rank))


def candidates(quote_links: dict[tuple[int, int], int], sentence_counts: dict[tuple[int, int], int],
               statements: Sequence[int], ids: Sequence[str], rank: Sequence[int]) -> list[tuple[Derivation, bool]]:
    """Each pair of articles that shares statements, as (derivation, lone) in the table's order:
    ``lone`` when the pair is short of the knobs' thresholds but shares a narrator sentence, a
    derivation only if :func:`settled` keeps it. Pairs that share fewer statements are left out."""
    pairs: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for (src, dst), n in quote_links.items():
        pairs[(src, dst)][0] += n
    for (src, dst), n in sentence_counts.items():
        pairs[(src, dst)][1] += n
    # one direction per pair of articles: the one with more shared statements, else the earlier
    out: list[tuple[int, float, int, Derivation, bool]] = []
    for (src, dst), (q, s) in sorted(pairs.items()):
        back = pairs.get((dst, src))
        if back is not None and (sum(back), -rank[dst]) > (q + s, -rank[src]):
            continue
        if back is not None:
            q, s = q + back[0], s + back[1]
        shared = q + s
        score = min(1.0, shared / max(1, statements[dst]))
        enough = (shared >= MIN_DERIVATION_SHARED and score >= MIN_DERIVATION_SCORE) or s >= MIN_DERIVATION_SENTENCES
        if enough or s:
            out.append((dst, -score, src, Derivation(ids[dst], ids[src], q, s, score), not enough))
    out.sort(key=lambda row: row[:3])
    return [(row[3], row[4]) for row in out]


def settled(pairs: Iterable[tuple[Derivation, bool]]) -> list[Derivation]:
    """The derivations among :func:`candidates` (in their order): every pair that shares
    enough, and each lone pair (one narrator sentence) that nothing else explains. A lone
    sentence between an article and an earlier one is explained when a source the article
    draws on enough is itself a candidate with that earlier one: two rewrites of one story that
    made the same change to a sentence, or an outlet's boilerplate line that a rewrite took from
    its own source, not from the first article to print it. A paragraph lifted from an
    unrelated article is a lone sentence nothing explains."""
    pairs = list(pairs)
    sources: dict[str, set[str]] = defaultdict(set)
    touching: set[tuple[str, str]] = set()
    for d, lone in pairs:
        touching.add(_unordered(d.article, d.source))
        if not lone:
            sources[d.article].add(d.source)
    return [d for d, lone in pairs
            if not lone or not any(_unordered(via, d.source) in touching for via in sources[d.article])]


def _unordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
