"""Compare one passage with its family's original: align their words, list the changes, grade
them, and name the relation.

The alignment is :class:`difflib.SequenceMatcher` over stems (``autojunk=False``, since quotes
repeat small words on purpose), with free end gaps: words missing or added at either end are an
excerpt or an expansion, not an alteration. Words whose stems align but whose spelling differs
(``fine-tuned`` / ``fine-tuning``, ``we’re`` / ``we are``) become one-word replacements.

Grades (one per change):

- ``trivial``: case, punctuation, quote style, contraction, spelling variant (``Kovalenkko``),
  an article (``a``/``the``), or words an ellipsis marks as left out. An article is another
  word all the same: a copy that adds or drops one inside the marks is ``altered`` (with a
  trivial change), not ``verbatim``, which means the same words;
- ``critical``: a negation, a number, a modal (will, would, might, must …) or a subject pronoun
  is added, dropped or swapped;
- ``substantive``: any other change of words.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

import attrs
import regex

from ..model import Change
from .knobs import (
    ALTER_REACH,
    MAX_ALIGN_WORDS,
    MIN_CONTENT_MATCHED,
    MIN_CONTENT_SHARE,
    MIN_MATCHED,
    MIN_MATCHED_OTHER_SPEAKER,
    MIN_SHARE,
    MIN_DENSITY,
    MIN_RUN_SHARE,
    MIN_SHARE_OTHER_SPEAKER,
    RUN_WORDS,
    SHORT_REACH,
)
from .speakers import spelling_key
from .units import Piece
from .words import content_count, fold, is_critical

_LIGHT = frozenset({"a", "an", "the"})  # words whose change leaves the statement as it was
#: the grade of an article's change while the relation is decided: shown as trivial, but a word
#: changed (no longer the same words)
_ARTICLE = "article"
_ELLIPSIS_RE = regex.compile(r"…|\.\s?\.\s?\.|\[\s*\.\.\.\s*\]")


@attrs.frozen
class Alignment:
    """How a passage's stems align with the original's."""

    opcodes: tuple[tuple[str, int, int, int, int], ...]
    matched: int
    content_matched: int

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(op[0] for op in self.opcodes)

    def whole(self, shorter: int) -> bool:
        """Whether the shorter side (of ``shorter`` stems) stands whole, in one run, in the other."""
        return self.matched == shorter and sum(1 for op in self.opcodes if op[0] == "equal") == 1


_SEP = "\x1f"  # joins stems into one string for a containment test: no stem holds it


def _contained(a: list[str], b: list[str]) -> int:
    """Where the words of ``b`` stand, in a row, inside ``a`` (-1 when they do not)."""
    if len(b) > len(a):
        return -1
    ja, jb = _SEP + _SEP.join(a) + _SEP, _SEP + _SEP.join(b) + _SEP
    at = ja.find(jb)
    return -1 if at < 0 else ja.count(_SEP, 0, at)


def _contained_ops(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]] | None:
    """Opcodes without difflib when one side is the other, or lies inside it word for word (the
    common case: copies, excerpts, expansions)."""
    if a == b:
        return [("equal", 0, len(a), 0, len(b))]
    k = _contained(a, b)
    if k >= 0:
        ops = [("delete", 0, k, 0, 0)] if k else []
        ops.append(("equal", k, k + len(b), 0, len(b)))
        if k + len(b) < len(a):
            ops.append(("delete", k + len(b), len(a), len(b), len(b)))
        return ops
    k = _contained(b, a)
    if k >= 0:
        ops = [("insert", 0, 0, 0, k)] if k else []
        ops.append(("equal", 0, len(a), k, k + len(a)))
        if k + len(a) < len(b):
            ops.append(("insert", len(a), len(a), k + len(a), len(b)))
        return ops
    return None


def could_match(original: list[str], changed: list[str], share: float) -> bool:
    """A cheap bound: whether the two share enough distinct words for an alignment to reach
    ``share`` of the shorter (saves the alignment of most candidates that share a stock phrase)."""
    shorter = min(len(original), len(changed))
    common = len(set(original) & set(changed))
    return common >= share * min(shorter, len(set(original)), len(set(changed)))


def align(original: list[str], changed: list[str]) -> Alignment:
    a, b = original[:MAX_ALIGN_WORDS], changed[:MAX_ALIGN_WORDS]
    ops = _contained_ops(a, b) or SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    matched = content = 0
    for tag, i1, i2, _, _ in ops:
        if tag == "equal":
            matched += i2 - i1
            content += content_count(a[i1:i2])
    return Alignment(tuple(ops), matched, content)


def same_statement(al: Alignment, original: Piece, changed: Piece, other_speaker: bool) -> bool:
    """Whether an alignment shows the same statement (see :mod:`.knobs` for the thresholds).

    - A passage of one or two words is the same statement only whole, and only inside a passage
      not much longer than itself: two words alone are too little to tie two articles together,
      and a word found inside a long quote is more often a term than an excerpt.
    - Otherwise the alignment must match enough words, and enough of the *content* words of the
      shorter side, so that a shared run of function words (``is not going to``) or a template
      never joins two statements. A copy that holds the other whole (an excerpt, an expansion)
      needs only its words to match.
    """
    so, sc = original.words.stems, changed.words.stems
    lo, lc = len(so), len(sc)
    shorter, longer = min(lo, lc), max(lo, lc)
    if shorter == 0:
        return False
    contained = al.whole(shorter)
    if shorter < MIN_MATCHED:
        return contained and not other_speaker and longer <= SHORT_REACH * shorter + 1
    content = min(original.content, changed.content)
    if content == 0:  # all function words ("This is all me."): the same words, or nothing
        return al.matched == lo == lc and not other_speaker
    if other_speaker:
        # a misattribution claims the same words: one inside the other, or nearly all of both
        return al.matched >= MIN_MATCHED_OTHER_SPEAKER and al.content_matched >= MIN_CONTENT_MATCHED \
            and (contained or al.matched >= MIN_SHARE_OTHER_SPEAKER * longer)
    if contained:
        return al.content_matched >= 1
    if al.matched >= MIN_MATCHED and _longest_run(al) >= RUN_WORDS and al.matched >= MIN_RUN_SHARE * longer:
        # nearly all the words, a long run of them unbroken: the same statement with a few words
        # changed, however few content words are left in common ("How can you know those dents
        # were not there before? I am not a mechanic" with "know those dents" changed)
        return al.content_matched >= 1
    return al.matched >= MIN_MATCHED and al.matched >= MIN_SHARE * shorter and _dense(al) \
        and longer <= ALTER_REACH * shorter + 2 \
        and al.content_matched >= MIN_CONTENT_MATCHED and al.content_matched >= MIN_CONTENT_SHARE * content


def _longest_run(al: Alignment) -> int:
    """The most words matched in one stretch."""
    return max((op[2] - op[1] for op in al.opcodes if op[0] == "equal"), default=0)


def _dense(al: Alignment) -> bool:
    """Whether the matched words stand close together on both sides, not scattered over a long
    transcript: an altered copy changes a few words of a stretch, it does not pick one here
    and one there."""
    equal = [op for op in al.opcodes if op[0] == "equal"]
    if not equal:
        return False
    span_o = equal[-1][2] - equal[0][1]
    span_c = equal[-1][4] - equal[0][3]
    return al.matched >= MIN_DENSITY * max(span_o, span_c)


def expands(al: Alignment, original: Piece, changed: Piece, other_speaker: bool) -> bool:
    """Whether a copy is the original whole with the original article's own words just outside
    its marks taken in (``supporters “deplorables”`` → ``“supporters deplorables”``): the same
    statement however short, since the words it adds are where the original stood. Never for
    another speaker: what is flagged as given to someone else must hold more than a word or two."""
    lo = len(original.words)
    return not other_speaker and len(changed.words) > lo and al.whole(lo) and may_change(original, changed) \
        and bool(_from_narrator(original, changed, list(al.opcodes)))


def may_change(original: Piece, changed: Piece) -> bool:
    """Whether ``changed`` may be a changed copy of ``original`` at all: a copy its article
    credits to no one changes only an original credited to no one either (where the place
    around the marks, not a speaker, vouches for the change)."""
    return changed.quote is not None or original.quote is None


def same_in_context(al: Alignment, original: Piece, changed: Piece, other_speaker: bool) -> bool:
    """Whether a passage found where the original stood (the same narrator words around its
    marks) is the same statement: then half its words suffice, since the place vouches for the
    rest; given to another speaker, it must be the same words. Words other than function words
    must be among those kept, half of them: two quotes of one template (``We will not … again``)
    in one place are two statements."""
    lo, lc = len(original.words), len(changed.words)
    if al.matched == lo == lc:
        return True
    if other_speaker:
        return False
    content = min(original.content, changed.content)
    return al.matched >= 1 and al.matched >= MIN_SHARE * max(lo, lc) \
        and al.content_matched >= 1 and al.content_matched >= MIN_SHARE * content


def _surface(text: str, piece: Piece, a: int, b: int) -> str:
    """The words a..b of a piece as written (with what stands between them)."""
    if a >= b:
        return ""
    return " ".join(text[piece.words.starts[a]:piece.words.ends[b - 1]].split())


def _letters(s: str) -> str:
    return "".join(ch for ch in fold(s) if ch.isalnum())


def grade(original_stems: list[str], changed_stems: list[str], original_text: str, changed_text: str) -> str:
    """The grade of one change (see the module docstring)."""
    if _letters(original_text) == _letters(changed_text):
        return "trivial"  # U.S. / US, e-mail / email
    if original_stems == changed_stems:
        return "trivial"  # a contraction, case, or a variant the stemmer folds
    words_o, words_c = original_text.split(), changed_text.split()
    if len(words_o) == len(words_c) == 1 and spelling_key(_letters(original_text)) == spelling_key(_letters(changed_text)):
        return "trivial"  # colour / color, Kovalenko / Kovalenkko
    stems = original_stems + changed_stems
    if any(is_critical(s) for s in stems):
        return "critical"
    if all(s in _LIGHT for s in stems):
        return _ARTICLE
    return "substantive"


@attrs.frozen
class Comparison:
    """A passage against its original: the changes, and the relation they make."""

    relation: str
    changes: tuple[Change, ...]


def compare(original: Piece, original_text: str, changed: Piece, changed_text: str,
            al: Alignment | None = None, twins: Sequence[Piece] = ()) -> Comparison:
    """The relation of ``changed`` to ``original`` (same speaker assumed), with its diff.

    ``twins`` are other passages of the original's article with the original's words: an
    expansion may take its words from around any of them."""
    so, sc = original.words.stems, changed.words.stems
    if original_text[original.start:original.end] == changed_text[changed.start:changed.end]:
        return Comparison("verbatim", ())  # the same characters: most copies are
    al = al or align(so, sc)
    ops = list(al.opcodes)
    # (i1, i2, j1, j2, grade, at an end) of every change, in order
    raw: list[tuple[int, int, int, int, str, bool]] = []
    elided = True  # every inner deletion sits at an ellipsis
    cut_at_ellipsis = False
    for k, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            # same stems, other spelling: an inflection, a contraction, a variant
            for i, j in zip(range(i1, i2), range(j1, j2)):
                wo = original_text[original.words.starts[i]:original.words.ends[i]]
                wc = changed_text[changed.words.starts[j]:changed.words.ends[j]]
                if fold(wo) != fold(wc):
                    raw.append((i, i + 1, j, j + 1, _inflection_grade(wo, wc), False))
            continue
        at_edge = (k == 0 or k == len(ops) - 1) and tag != "replace"
        g = grade(so[i1:i2], sc[j1:j2], _surface(original_text, original, i1, i2),
                  _surface(changed_text, changed, j1, j2))
        if tag == "delete" and not at_edge:
            if _ellipsis_between(changed_text, changed, j1):
                g = "trivial"  # “… I think …”: the writer marks the words left out
                cut_at_ellipsis = True
            else:
                elided = False
        raw.append((i1, i2, j1, j2, g, at_edge))
    raw = _merge_adjacent(raw)
    changes = [_change(original, original_text, changed, changed_text, r) for r in raw]
    inner_nontrivial = any(r[4] != "trivial" for r in raw if not r[5])
    tags = [op[0] for op in ops]
    edges = {t for t, r in ((tags[0], 0), (tags[-1], 0)) if t in ("insert", "delete")}
    inner = [r for r in raw if not r[5]]
    if not inner_nontrivial and "equal" in tags:
        if edges == {"insert"} and not any(r[1] > r[0] for r in inner) \
                and any(_from_narrator(o, changed, ops) for o in (original, *twins)):
            return Comparison("expanded", tuple(attrs.evolve(c, source="narrator") if r[5] else c
                                                for c, r in zip(changes, raw)))
        cut = edges == {"delete"} or (not edges and cut_at_ellipsis)
        # inside the cut only trivial changes (’ve / have) and ellipsis-marked omissions
        if cut and elided and not any(r[3] > r[2] and r[1] - r[0] != r[3] - r[2] for r in inner) and \
                (cut_at_ellipsis or any(r[4] != "trivial" for r in raw)):
            return Comparison("excerpt", tuple(changes))
        if not edges or all(r[4] == "trivial" for r in raw):
            return Comparison("verbatim", tuple(changes))
    if all(r[4] == "trivial" for r in raw):
        return Comparison("verbatim", tuple(changes))
    return Comparison("altered", tuple(changes))


_RANK = {"trivial": 0, _ARTICLE: 1, "substantive": 2, "critical": 3}


def _merge_adjacent(raw: list[tuple[int, int, int, int, str, bool]]) -> list[tuple[int, int, int, int, str, bool]]:
    """One change for words that change together: ``to freeze`` → ``freezing``, not a deletion
    and a replacement side by side."""
    out: list[tuple[int, int, int, int, str, bool]] = []
    for r in raw:
        # an end gap next to an inner change is part of that change, not an excerpt's cut
        if out and out[-1][1] == r[0] and out[-1][3] == r[2] and not (out[-1][5] and r[5]):
            p = out[-1]
            g = max(p[4], r[4], key=_RANK.__getitem__)
            out[-1] = (p[0], r[1], p[2], r[3], g, False)
        else:
            out.append(r)
    return out


def _change(original: Piece, original_text: str, changed: Piece, changed_text: str,
            r: tuple[int, int, int, int, str, bool]) -> Change:
    i1, i2, j1, j2, g, _ = r
    op = "replace" if i2 > i1 and j2 > j1 else "delete" if i2 > i1 else "insert"
    cs, ce = _offsets(changed, j1, j2)
    os_, oe = _offsets(original, i1, i2)
    return Change(op, _surface(original_text, original, i1, i2), _surface(changed_text, changed, j1, j2),
                  "trivial" if g == _ARTICLE else g,
                  start=cs, end=ce, original_start=os_, original_end=oe)


def _offsets(piece: Piece, a: int, b: int) -> tuple[int, int]:
    """Offsets of words a..b of a piece; for no words, the point between words a-1 and a."""
    w = piece.words
    if b > a:
        return w.starts[a], w.ends[b - 1]
    at = w.starts[a] if a < len(w) else (w.ends[a - 1] if a > 0 else piece.start)
    return at, at


def _inflection_grade(wo: str, wc: str) -> str:
    fo, fc = fold(wo), fold(wc)
    if fo.replace("'", "") == fc.replace("'", "") or _letters(wo) == _letters(wc):
        return "trivial"
    if spelling_key(_letters(wo)) == spelling_key(_letters(wc)):
        return "trivial"
    # "'re" / "are": a contraction spelled out
    if fo.startswith("'") or fc.startswith("'") or fo.startswith("n'") or fc.startswith("n'"):
        return "trivial"
    return "substantive"


def _ellipsis_between(text: str, piece: Piece, j: int) -> bool:
    """Whether an ellipsis stands between words j-1 and j of a piece."""
    if j <= 0 or j >= len(piece.words):
        return False
    return bool(_ELLIPSIS_RE.search(text, piece.words.ends[j - 1], piece.words.starts[j]))


def _from_narrator(original: Piece, changed: Piece, ops: list[tuple[str, int, int, int, int]]) -> bool | None:
    """Whether the words a copy adds at its ends are the original article's own words just
    outside the original's marks (``is a “big concession”`` → ``“a big concession”``)."""
    before = original.before.stems if original.before is not None else []
    after = original.after.stems if original.after is not None else []
    sc = changed.words.stems
    for tag, _, _, j1, j2 in (ops[0], ops[-1]) if len(ops) > 1 else (ops[0],):
        if tag != "insert":
            continue
        added = sc[j1:j2]
        if j1 == 0:
            if not added or len(added) > len(before) or before[len(before) - len(added):] != added:
                return None
        elif len(added) > len(after) or after[: len(added)] != added:
            return None
    return True
