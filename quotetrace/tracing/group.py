"""Group passages in quotation marks into families, one family per statement.

Passages are taken in the order that makes the first of a family its original: dated before
undated, earlier before later, fuller before shorter, then in the order the articles came. Each
passage looks up the families founded so far through an index of their originals:

- a passage of three words or more, by the word 3-grams it shares with an original (n-grams
  found in more than ``MAX_DF`` different passages of the corpus propose nothing: stock
  phrases, boilerplate);
- a passage of one or two words, only whole (the same words), or inside an original of the same
  speaker: two words alone are too little to tie two articles together; or as the expansion of
  a shorter original of the same speaker with that original's own narrator words
  (``supporters “deplorables”`` → ``“supporters deplorables”``), which the place vouches for;
- any passage with a known speaker, also through the short originals of that speaker
  (“fine-tuned” → “still need fine-tuning”);
- when none of that finds its family, by its *context*: the narrator's words just before its
  opening mark or just after its closing mark, when they hold a content word. A copied paragraph
  keeps them, so a short passage altered or handed to another speaker is still found where it
  stood (``the group, “We the People Foundation,” said`` / ``the group, “We the Folks
  Foundation,” said``); a context found around more than ``MAX_CONTEXT_DF`` different passages is a stock
  phrase and proposes nothing. A passage its article credits to no one is found so only as an
  expansion, or changed from an original credited to no one either: then the place alone vouches.

Which keys are dead is decided over the whole corpus before grouping (:mod:`.keys`: verbatim
copies count once), not by how many families hold a key so far: the decision then does not depend on the order, and the
passages of articles that share no live key can be grouped apart with the same result.

The best few candidates are aligned with the passage; the passage joins the family whose
alignment shows the same statement, or founds a family of its own. Each passage costs a few
dictionary lookups and at most ``MAX_TRIES`` alignments, so the whole step is near-linear.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Container, Hashable, Iterable, Iterator, Sequence
from itertools import chain

from .building import Building, Group, Spilled
from .compare import Alignment, align, could_match, expands, may_change, same_in_context, same_statement
from .keys import context_key, contexts, shingle_key, shingles, speaker_key, whole_key
from .knobs import MAX_ADDED, MAX_TRIES, MIN_SHARE, SHINGLE
from .units import Piece
from .words import NOT_CONTENT, is_content


def _similarity(al: Alignment, o: Piece, p: Piece) -> float:
    """Dice over words: the closest family wins, not the longest (a three-word passage is nearer
    a two-word quote than a long transcript that happens to hold it)."""
    return 2 * al.matched / (len(o.words) + len(p.words))


def _may_join(al: Alignment, o: Piece, p: Piece, placed: bool = False) -> bool:
    """Two passages of one article join only as a copy or a part of the other: an article that
    quotes two wordings gives two statements, whatever they share. And a passage that holds a
    family's original with many words around it is a longer statement that quotes it, not a copy
    (an excerpt, the other way round, is a copy). A passage its article credits to no one joins
    changed only when ``placed``: found where its original stood (:func:`.compare.may_change`)."""
    extra = len(p.words) - al.matched
    if al.matched == len(o.words) and extra > max(MAX_ADDED, len(o.words)):
        return False
    shorter = min(len(o.words), len(p.words))
    contained = al.whole(shorter)
    if p.quote is None and not contained and not placed:
        return False  # a passage its article gives to no one has no speaker to vouch for a change
    if o.article != p.article:
        return True
    if shorter < SHINGLE:  # a word or two said again in one article is a term, unless it is all
        return len(o.words) == len(p.words) == al.matched
    return contained


def group_passages(items: Iterable[tuple[Hashable, Piece]],
                   identity: Callable[[str | None], str | None],
                   differ: Callable[[str | None, str | None], bool],
                   dead: Container[str] = frozenset(), *,
                   spill_at: int | None = None, spill_to: str | None = None) -> Iterator[Group]:
    """Families of the passages ``items`` gives, (reference, passage) in the order of the module
    docstring; keys in ``dead`` (:func:`.keys.components`) propose nothing. Only each family's
    original is held: the passages can be read one at a time, and a passage that joins a family
    is kept by its reference and its alignment alone. With ``spill_at``, once there are more
    families than that, they move to a temporary file in ``spill_to`` (:mod:`.building`): a
    component of any size streams through in bounded memory (the Spark job's groups task). The
    families come back whole, in founding order."""
    families: Building | Spilled = Building()
    for pi, p in items:
        stems = p.words.stems
        if not stems:
            continue
        who = identity(p.speaker)
        found: list[Sequence[int]] = []  # one posting list per key the passage shares
        if len(stems) >= SHINGLE:
            grams = list(shingles(stems))
            found += [hits for sh, hits in zip(grams, families.lookup("shingle", grams))
                      if hits and shingle_key(sh) not in dead]
        elif whole_key(stems) not in dead:
            found += families.lookup("whole", [tuple(stems)])
        live = [s for s in set(stems) if s not in NOT_CONTENT and speaker_key(who, s) not in dead] \
            if who is not None else []
        mine = [(who, s) for s in live]
        found += families.lookup("short_by_speaker" if len(stems) >= SHINGLE else "any_by_speaker", mine)
        votes = Counter(chain.from_iterable(found))
        # families proposed to a short passage only by a short original of its speaker: it joins
        # one of them only as its expansion with the original's own narrator words
        only_expanding: set[int] = set()
        if len(stems) < SHINGLE and live:
            shorts = list(chain.from_iterable(families.lookup("short_by_speaker", mine)))
            only_expanding = set(shorts) - votes.keys()
            votes.update(shorts)
        best: tuple[int, float, Alignment] | None = None
        # most shared keys first; on a tie, the earlier family (deterministic)
        for gi, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_TRIES]:
            g = families.group(gi)
            o = g.piece
            if len(stems) >= SHINGLE and len(o.words) >= SHINGLE and not could_match(o.words.stems, stems, MIN_SHARE):
                continue
            al = align(o.words.stems, stems)
            other = differ(g.speaker, p.speaker)
            same = expands(al, o, p, other) if gi in only_expanding else same_statement(al, o, p, other)
            if same and _may_join(al, o, p):
                score = _similarity(al, o, p)
                if best is None or score > best[1]:
                    best = (gi, score, al)
        if best is None:
            # (a passage credited to no one is found where it stood as an expansion, or, of an
            # original credited to no one either, as a change the place vouches for, as no speaker does)
            around = [key for key in contexts(p) if context_key(*key) not in dead]
            for gi in sorted(set(chain.from_iterable(families.lookup("context", around))))[:MAX_TRIES]:
                g = families.group(gi)
                o = g.piece
                al = align(o.words.stems, stems)
                other = differ(g.speaker, p.speaker)
                in_place = may_change(o, p) and same_in_context(al, o, p, other)
                if (in_place or expands(al, o, p, other)) and _may_join(al, o, p, placed=in_place):
                    score = _similarity(al, o, p)
                    if best is None or score > best[1]:
                        best = (gi, score, al)
        if best is not None:
            families.join(best[0], pi, best[2], p)
            continue
        g = Group(pi, p.speaker if p.quote is not None else None, p)
        g.named = p.named and p.quote is not None
        keys: dict[str, Iterable[Hashable]] = {"context": contexts(p)}
        if len(stems) >= SHINGLE:
            keys["shingle"] = shingles(stems)
        else:
            keys["whole"] = [tuple(stems)]
        if who is not None:
            keys["short_by_speaker" if len(stems) < SHINGLE else "any_by_speaker"] = \
                [(who, s) for s in set(stems) if is_content(s)]
        families.found(g, keys)
        if spill_at is not None and isinstance(families, Building) and len(families) > spill_at:
            families = families.spill(spill_to)
    return families.finished()
