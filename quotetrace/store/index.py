"""The store's tracing index: which keys each article holds, so a check finds the few stored
articles it must be traced with instead of reading the corpus.

The keys are those the in-memory engine looks passages up by (:mod:`..tracing.group`,
:mod:`..tracing.paraphrase`, :mod:`..tracing.derive`), each hashed to 64 bits with a letter for
its kind:

- ``s``: a passage's word n-grams (``SHINGLE`` stems); ``w``: a short passage whole;
  ``c``: a passage's context (the narrator's words beside its marks);
- ``q``: the content-word pairs of a passage, and ``r``: those of reported speech and narrator
  sentences: a quote in one article meets its paraphrase in another through them;
- ``k``: the sketch values of narrator sentences (which article draws on which).

A checked article looks up its ``s``/``w``/``c`` keys among the same kinds, its passages' pairs
among ``r``, its other pairs among ``q``, and its sketches among ``k``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from ..tracing.group import contexts, shingles
from ..tracing.knobs import SHINGLE
from ..tracing.paraphrase import content_pairs
from ..tracing.units import Units

def key_hash(kind: str, value: str) -> int:
    """A stable signed 64-bit hash of one key (SQLite's INTEGER)."""
    digest = hashlib.blake2b(f"{kind}\x1f{value}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def passage_keys(stems: list[str]) -> list[tuple[str, str]]:
    """The n-gram keys of a passage, or the passage whole when it is too short for one."""
    if len(stems) >= SHINGLE:
        return [("s", sh) for sh in sorted(shingles(stems))]
    return [("w", " ".join(stems))] if stems else []


def _looked_up_by(stems: list[str]) -> list[tuple[str, str]]:
    """The keys a checked passage looks originals up by: its own, and for a passage too short
    for an n-gram, also each shorter run of its words, whole: the original it expands with its
    article's narrator words (``“supporters deplorables”`` of ``supporters “deplorables”``) is
    filed under its own words alone."""
    keys = passage_keys(stems)
    if len(stems) < SHINGLE:
        keys += [("w", " ".join(stems[i:j])) for i in range(len(stems)) for j in range(i + 1, len(stems) + 1)
                 if j - i < len(stems)]
    return keys


def article_keys(u: Units) -> set[tuple[str, str]]:
    """Every (kind, value) key of one article's units."""
    out: set[tuple[str, str]] = set()
    for p in u.passages:
        stems = p.words.stems
        out.update(passage_keys(stems))
        out.update(("c", f"{side}\x1f{' '.join(w)}") for side, w in contexts(p))
        out.update(("q", f"{a}\x1f{b}") for a, b in content_pairs(stems))
    for p in (*u.reported, *u.narrator):
        out.update(("r", f"{a}\x1f{b}") for a, b in content_pairs(p.words.stems))
    for sk in u.sketches:
        out.update(("k", str(v)) for v in sk)
    return out


def hashed(keys: Iterable[tuple[str, str]]) -> list[int]:
    return sorted({key_hash(kind, value) for kind, value in keys})


def lookups(u: Units) -> tuple[list[list[int]], dict[str, list[int]], list[list[int]]]:
    """What a checked article is looked up by: per passage, the hashes of its n-gram (or whole)
    keys; the hashes of its context and sketch keys, by kind; and, per piece, the hashes of its
    content pairs (an article a pair leads to is a candidate only when it shares two pairs with
    one piece, as a paraphrase must)."""
    single: dict[str, set[int]] = {}
    passages: list[list[int]] = []
    pairs: list[list[int]] = []
    for p in u.passages:
        passages.append(sorted({key_hash(kind, value) for kind, value in _looked_up_by(p.words.stems)}))
        for side, w in contexts(p):
            single.setdefault("c", set()).add(key_hash("c", f"{side}\x1f{' '.join(w)}"))
        pairs.append(sorted({key_hash("r", f"{a}\x1f{b}") for a, b in content_pairs(p.words.stems)}))
    for p in (*u.reported, *u.narrator):
        pairs.append(sorted({key_hash("q", f"{a}\x1f{b}") for a, b in content_pairs(p.words.stems)}))
    for sk in u.sketches:
        single.setdefault("k", set()).update(key_hash("k", str(v)) for v in sk)
    return ([g for g in passages if g], {kind: sorted(v) for kind, v in single.items()},
            [g for g in pairs if len(g) >= 2])
