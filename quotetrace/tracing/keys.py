"""The keys through which one article's units can meet another's, and their corpus-wide caps.

Every step of tracing that looks across articles finds its candidates through a key two articles
share: a word 3-gram, a whole short passage, a (speaker, word) pair, a passage's context
(grouping, :mod:`.group`), a content pair (paraphrases, :mod:`.paraphrase`), a sentence-sketch
value (derivations, :mod:`.derive`). A key held by more articles than its cap (:mod:`.knobs`)
is a stock phrase and proposes nothing, whoever meets it first. Counting the holders over the
whole corpus, before anything is traced, makes that decision independent of the order passages
are taken in, and lets the corpus split into *components*: articles linked by a live key. No
step consults a posting list of a key another component holds, so tracing each component alone
gives what tracing the whole corpus gives (:func:`components`); the Spark engine computes the
same counts and components with a group-by and an iterative join.

Keys are plain strings (a kind letter, then the words), so an engine can store, hash and join
them without knowing what they mean.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

from .knobs import MAX_CONTEXT_DF, MAX_DF, MAX_PAIR_DF, MAX_SENTENCE_DF, SHINGLE
from .units import Piece, Units
from .words import is_content

SEP = "\x1f"  # never part of a stem or a name

#: the cap of each kind of key: a key held by more articles than this is dead
CAPS = {"s": MAX_DF, "w": MAX_DF, "p": MAX_DF, "c": MAX_CONTEXT_DF, "q": MAX_PAIR_DF, "k": MAX_SENTENCE_DF}


def shingle_key(shingle: str) -> str:
    return "s" + SEP + shingle


def whole_key(stems: Sequence[str]) -> str:
    return "w" + SEP + " ".join(stems)


def speaker_key(who: str, stem: str) -> str:
    return "p" + SEP + who + SEP + stem


def context_key(side: str, words: Sequence[str]) -> str:
    return "c" + SEP + side + SEP + " ".join(words)


def pair_key(pair: tuple[str, str]) -> str:
    return "q" + SEP + pair[0] + " " + pair[1]


def sketch_key(value: int) -> str:
    return "k" + SEP + str(value)


def passage_keys(p: Piece, who: str | None) -> Iterator[str]:
    """Every grouping key of a passage: what it looks families up by, and what it files them
    under when it founds one (:func:`.group.group_passages`)."""
    from .group import contexts, shingles  # group builds on these keys

    stems = p.words.stems
    if not stems:
        return
    if len(stems) >= SHINGLE:
        yield from map(shingle_key, shingles(stems))
    else:
        yield whole_key(stems)
    if who is not None:
        yield from (speaker_key(who, s) for s in set(stems) if is_content(s))
    yield from (context_key(side, w) for side, w in contexts(p))


def article_keys(u: Units, identity: Callable[[str | None], str | None]) -> Iterator[tuple[str, bool]]:
    """(key, counted) for every key of one article's units, once each; ``counted`` says whether
    the article counts towards the key's document frequency (a content pair counts only where
    it stands in reported speech or narrator text, as :func:`.paraphrase.find_paraphrases`
    counts it; a passage's pairs only link it to those)."""
    from .paraphrase import content_pairs

    out: dict[str, bool] = {}
    for p in u.passages:
        for key in passage_keys(p, identity(p.speaker)):
            out[key] = True
        for pair in content_pairs(p.words.stems):
            out.setdefault(pair_key(pair), False)
    for p in [*u.reported, *u.narrator]:
        for pair in content_pairs(p.words.stems):
            out[pair_key(pair)] = True
    for sk in u.sketches:
        for value in sk:
            out[sketch_key(value)] = True
    return iter(out.items())


def is_dead(key: str, df: int) -> bool:
    """Whether a key held (counted) by ``df`` articles proposes nothing."""
    return df > CAPS[key[0]]


def links(key: str, df: int) -> bool:
    """Whether a key ties its holders into one component: live, and counted somewhere (a content
    pair no reported speech or narrator text holds ties nothing)."""
    return df >= 1 and not is_dead(key, df)


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def components(keys: Sequence[Iterable[tuple[str, bool]]]) -> tuple[list[list[int]], frozenset[str]]:
    """The components of the articles whose keys are ``keys[a]`` (lists of article indices in
    order, ordered by their first article), and the dead keys among them."""
    held: dict[str, list[int]] = {}
    counted: Counter[str] = Counter()
    for a, mine in enumerate(keys):
        for key, c in mine:
            held.setdefault(key, []).append(a)
            if c:
                counted[key] += 1
    union = _Union(len(keys))
    dead = set()
    for key, holders in held.items():
        df = counted[key]
        if is_dead(key, df):
            dead.add(key)
        elif df >= 1:
            first = holders[0]
            for a in holders[1:]:
                union.union(first, a)
    parts: dict[int, list[int]] = {}
    for a in range(len(keys)):
        parts.setdefault(union.find(a), []).append(a)
    return sorted(parts.values()), frozenset(dead)
