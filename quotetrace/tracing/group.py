"""Group passages in quotation marks into families, one family per statement.

Passages are taken in the order that makes the first of a family its original: dated before
undated, earlier before later, fuller before shorter, then in the order the articles came. Each
passage looks up the families founded so far through an index of their originals:

- a passage of three words or more, by the word 3-grams it shares with an original (n-grams
  found in more than ``MAX_DF`` families propose nothing: stock phrases, boilerplate);
- a passage of one or two words, only whole (the same words), or inside an original of the same
  speaker: two words alone are too little to tie two articles together;
- any passage with a known speaker, also through the short originals of that speaker
  (“fine-tuned” → “still need fine-tuning”).

The best few candidates are aligned with the passage; the passage joins the family whose
alignment shows the same statement, or founds a family of its own. Each passage costs a few
dictionary lookups and at most ``MAX_TRIES`` alignments, so the whole step is near-linear.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence

from .compare import Alignment, align, could_match, same_statement
from .knobs import MAX_DF, MAX_TRIES, MIN_SHARE, SHINGLE
from .units import Piece
from .words import is_content


class Group:
    """A family under construction: its original and the passages that joined it."""

    __slots__ = ("original", "members", "alignments", "speaker")

    def __init__(self, original: int, speaker: str | None):
        self.original = original
        self.members: list[int] = [original]
        self.alignments: dict[int, Alignment] = {}
        #: the speaker the family is credited to (raw name): its original's, else the first known
        self.speaker = speaker


def shingles(stems: Sequence[str]) -> set[str]:
    return {" ".join(stems[k:k + SHINGLE]) for k in range(len(stems) - SHINGLE + 1)}


def group_passages(passages: Sequence[Piece], order: Sequence[int],
                   identity: Callable[[str | None], str | None],
                   differ: Callable[[str | None, str | None], bool]) -> list[Group]:
    """Families of ``passages``, taken in ``order`` (indices into ``passages``)."""
    groups: list[Group] = []
    by_shingle: dict[str, list[int]] = defaultdict(list)
    whole: dict[tuple[str, ...], list[int]] = defaultdict(list)
    short_by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)
    any_by_speaker: dict[tuple[str, str], list[int]] = defaultdict(list)
    for pi in order:
        p = passages[pi]
        stems = p.words.stems
        if not stems:
            continue
        who = identity(p.speaker)
        votes: Counter[int] = Counter()
        if len(stems) >= SHINGLE:
            for sh in shingles(stems):
                hits = by_shingle.get(sh)
                if hits and len(hits) <= MAX_DF:
                    votes.update(hits)
        else:
            votes.update(whole.get(tuple(stems), ()))
            if who is not None:
                for s in set(stems):
                    if is_content(s):
                        votes.update(any_by_speaker.get((who, s), ()))
        if who is not None and len(stems) >= SHINGLE:
            for s in set(stems):
                if is_content(s):
                    votes.update(short_by_speaker.get((who, s), ()))
        best: tuple[int, int, Alignment] | None = None
        # most shared keys first; on a tie, the earlier family (deterministic)
        for gi, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TRIES]:
            g = groups[gi]
            o = passages[g.original]
            if len(stems) >= SHINGLE and len(o.words) >= SHINGLE and not could_match(o.words.stems, stems, MIN_SHARE):
                continue
            al = align(o.words.stems, stems)
            if same_statement(al, o, p, differ(g.speaker, p.speaker)) and (best is None or al.matched > best[1]):
                best = (gi, al.matched, al)
        if best is not None:
            g = groups[best[0]]
            g.members.append(pi)
            g.alignments[pi] = best[2]
            if g.speaker is None and p.speaker is not None and p.quote is not None:
                g.speaker = p.speaker
            continue
        gi = len(groups)
        groups.append(Group(pi, p.speaker if p.quote is not None else None))
        if len(stems) >= SHINGLE:
            for sh in shingles(stems):
                by_shingle[sh].append(gi)
        else:
            whole[tuple(stems)].append(gi)
        if who is not None:
            for s in set(stems):
                if is_content(s):
                    key = (who, s)
                    if len(stems) < SHINGLE:
                        short_by_speaker[key].append(gi)
                    elif len(any_by_speaker[key]) <= MAX_DF:
                        any_by_speaker[key].append(gi)
    return groups
