"""The keys through which one article's units can meet another's, and their corpus-wide caps.

Every step of tracing that looks across articles finds its candidates through a key two articles
share: a word 3-gram, a whole short passage, a (speaker, word) pair, a passage's context
(grouping, :mod:`.group`), a content pair (paraphrases, :mod:`.paraphrase`), a sentence-sketch
value (derivations, :mod:`.derive`). A key held more often than its cap (:mod:`.knobs`) is a
stock phrase and proposes nothing, whoever meets it first: a grouping key counts the distinct
statements of the passages that hold it (:func:`wording`), a pair or a sketch value the
articles. Counting the
holders over the whole corpus, before anything is traced, makes that decision independent of
the order passages are taken in, and lets the corpus split into *components*: articles linked by a live key. No
step consults a posting list of a key another component holds, so tracing each component alone
gives what tracing the whole corpus gives (:func:`components`); the Spark engine computes the
same counts and components with a group-by and an iterative join.

Keys are plain strings (a kind letter, then the words), so an engine can store, hash and join
them without knowing what they mean.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat

from .knobs import CONTEXT, MAX_CONTEXT_DF, MAX_DF, MAX_PAIR_DF, MAX_SENTENCE_DF, SHINGLE
from .units import Piece, Units
from .words import NOT_CONTENT, is_content

SEP = "\x1f"  # never part of a stem or a name

#: the cap of each kind of key: a key held by more articles than this is dead
CAPS = {"s": MAX_DF, "w": MAX_DF, "p": MAX_DF, "c": MAX_CONTEXT_DF, "q": MAX_PAIR_DF, "k": MAX_SENTENCE_DF}


def shingles(stems: Sequence[str]) -> set[str]:
    return {" ".join(stems[k:k + SHINGLE]) for k in range(len(stems) - SHINGLE + 1)}


def contexts(p: Piece) -> list[tuple[str, tuple[str, ...]]]:
    """The narrator's words on each side of a passage's marks, its own attribution left out, as
    index keys, when they hold a content word (``, he said`` holds none and would tie every
    quote to every other)."""
    out = []
    for side, w in (("before", p.context[0][-CONTEXT:]), ("after", p.context[1][:CONTEXT])):
        if len(w) >= 2 and any(is_content(s) for s in w):
            out.append((side, w))
    return out


def content_pairs(stems: Sequence[str]) -> list[tuple[str, str]]:
    """Consecutive content words, function words skipped: ``the plan would fail`` → (plan, fail)."""
    content = [s for s in stems if s not in NOT_CONTENT and not s.isdigit()]
    return [(a, b) for a, b in zip(content, content[1:]) if a != b]


def pair_keys(stems: Sequence[str]) -> list[str]:
    """The keys of a piece's content pairs (:func:`content_pairs`, :func:`pair_key`)."""
    return list(map(pair_key, content_pairs(stems)))


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


def _grams(stems: Sequence[str]) -> set[str]:
    return shingles(stems) if len(stems) >= SHINGLE else set()


def _worded_keys(p: Piece, grams: set[str]) -> Iterator[str]:
    """A passage's grouping keys that do not depend on who speaks it: its word 3-grams (its
    words whole when it has fewer) and its contexts. With :func:`_spoken_keys`, what it looks
    families up by, and what it files them under when it founds one (:func:`.group.group_passages`)."""
    stems = p.words.stems
    if not stems:
        return
    if grams:
        yield from map(shingle_key, grams)
    else:
        yield whole_key(stems)
    yield from (context_key(side, w) for side, w in contexts(p))


def _spoken_keys(p: Piece, who: str) -> Iterator[str]:
    """A passage's (speaker, content word) keys."""
    return (speaker_key(who, s) for s in set(p.words.stems) if is_content(s))


def wording(p: Piece, grams: set[str] | None = None) -> str:
    """What stands for a passage's statement when a grouping key's holders are counted, the same
    in every process: the least hash of its word 3-grams (a one-hash sketch), or its words when it
    has fewer. Verbatim copies of a quote share it, and so do most excerpts and altered copies
    (two passages share it with the odds of their n-grams' Jaccard overlap), so a quote copied by
    a thousand articles counts about once, while a stock phrase around a thousand different
    quotes counts a thousand times. ``grams``: the passage's 3-grams, when they are at hand."""
    stems = p.words.stems
    if len(stems) < SHINGLE:
        return " ".join(stems)
    return str(min(zlib.crc32(sh.encode()) for sh in (shingles(stems) if grams is None else grams)))


def article_keys(u: Units, identity: Callable[[str | None], str | None]) -> set[tuple[str, str | None]]:
    """(key, holder) for every key of one article's units. What counts towards a key's frequency
    is its holder: for a grouping key, each distinct wording of the passages that hold it
    (:func:`wording`: a quote copied by a thousand articles is one statement, which a stock
    phrase around a thousand different quotes is not); for a content pair or a sketch value,
    the article itself (``""``), as :func:`.paraphrase.find_paraphrases` and
    :func:`.derive.sentence_links` count them. A passage's content pairs have no holder
    (``None``): they only link the passage to the reported speech and narrator text that hold
    them, where paraphrases are looked for.

    The keys are :func:`unspoken_keys` and :func:`spoken_keys`: the first need only the
    article, so a trace counts them as each article comes from the workers; the second need the
    corpus's identities."""
    out = unspoken_keys(u)
    out.update(spoken_keys(u, identity))
    return out


def unspoken_keys(u: Units) -> set[tuple[str, str | None]]:
    """The keys of :func:`article_keys` that do not depend on who speaks: all but the
    (speaker, word) keys."""
    out: set[tuple[str, str | None]] = set()
    unheld: set[str] = set()  # keys built first, then paired with their holder in bulk: this runs
    counted: set[str] = set()  # over every piece of every article, before anything is traced
    for p in u.passages:
        grams = _grams(p.words.stems)
        out.update(zip(_worded_keys(p, grams), repeat(wording(p, grams))))
        unheld.update(pair_keys(p.words.stems))
    for p in [*u.reported, *u.narrator]:
        counted.update(pair_keys(p.words.stems))
    counted.update(sketch_key(value) for sk in u.sketches for value in sk)
    out.update(zip(unheld, repeat(None)))
    out.update(zip(counted, repeat("")))
    return out


def spoken_keys(u: Units, identity: Callable[[str | None], str | None]) -> set[tuple[str, str]]:
    """The (speaker, content word) keys of :func:`article_keys`, each held by its passage's
    wording: they need ``identity``, the corpus's."""
    out: set[tuple[str, str]] = set()
    for p in u.passages:
        who = identity(p.speaker)
        if who is not None and p.words.stems:
            out.update(zip(_spoken_keys(p, who), repeat(wording(p))))
    return out


def is_dead(key: str, df: int) -> bool:
    """Whether a key with ``df`` holders (see :func:`article_keys`) proposes nothing."""
    return df > CAPS[key[0]]


def links(key: str, df: int) -> bool:
    """Whether a key ties its holders into one component: live, and counted somewhere (a content
    pair no reported speech or narrator text holds ties nothing)."""
    return df >= 1 and not is_dead(key, df)


def components(keys: Iterable[Iterable[tuple[str, str | None]]]) -> tuple[list[list[int]], frozenset[str]]:
    """The components of the articles whose keys are ``keys[a]`` (see :func:`article_keys`; an
    iterable, so an engine need not hold every article's keys at once): lists of article
    indices in order, ordered by their first article; and the dead keys."""
    linker = Linker()
    for a, mine in enumerate(keys):
        linker.add(a, mine)
    return linker.components()


class Linker:
    """:func:`components`, fed article by article and in more than one pass: every article's
    keys are added under its index (:meth:`add`; a pass adds each article once, in order of
    index, and no two passes add the same key), then :meth:`components` joins them. A trace
    adds each article's :func:`unspoken_keys` as it comes from the workers, so that counting
    them overlaps extraction, and the :func:`spoken_keys` once the identities are known."""

    def __init__(self) -> None:
        # a key's articles kept as one index until a second comes; its counted holders as a
        # count of articles (each brings a key once) or its wordings: a set of holders for each
        # of millions of keys was most of a trace's memory at its peak
        self.held: dict[str, int | list[int]] = {}
        self.counted: dict[str, object] = {}  # a count of articles, one wording, or a set of wordings
        self.n = 0

    def add(self, a: int, mine: Iterable[tuple[str, str | None]]) -> None:
        held, counted = self.held, self.counted
        self.n = max(self.n, a + 1)
        for key, holder in mine if isinstance(mine, (set, frozenset)) else set(mine):
            h = held.get(key)
            if h is None:
                held[key] = a
            elif type(h) is int:
                if h != a:
                    held[key] = [h, a]
            elif h[-1] != a:  # type: ignore[index]
                h.append(a)  # type: ignore[union-attr]
            if holder is None:
                continue
            c = counted.get(key)
            if holder == "":  # the article itself, which brings each key once: a count will do
                counted[key] = 1 if c is None else c + 1  # type: ignore[operator]
            elif c is None:
                counted[key] = holder
            elif type(c) is _Holders:
                c.add(holder)  # type: ignore[attr-defined]
            elif c != holder:
                counted[key] = _Holders((c, holder))

    def components(self) -> tuple[list[list[int]], frozenset[str]]:
        """What :func:`components` returns, of the keys added so far. The counts go with it:
        they are the largest thing a trace holds, and tracing the parts needs only the dead keys."""
        held, counted, self.held, self.counted = self.held, self.counted, {}, {}
        parent = list(range(self.n))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]  # path halving
                x = parent[x]
            return x

        dead = set()
        for key, h in held.items():
            c = counted.get(key)
            df = 0 if c is None else c if type(c) is int else len(c) if type(c) is _Holders else 1  # type: ignore[arg-type]
            if is_dead(key, df):
                dead.add(key)
            elif type(h) is list and links(key, df):
                first = find(h[0])
                for a in h[1:]:
                    ra = find(a)
                    if ra != first:  # the smaller root leads, so the parts do not depend on the order
                        first, ra = min(first, ra), max(first, ra)
                        parent[ra] = first
        del held, counted
        parts: dict[int, list[int]] = {}
        for a in range(self.n):
            parts.setdefault(find(a), []).append(a)
        return sorted(parts.values()), frozenset(dead)


class _Holders(set):
    """The distinct holders of a key, once it has two (a set of its own type, so that a holder
    is never taken for a set of holders)."""

    __slots__ = ()
