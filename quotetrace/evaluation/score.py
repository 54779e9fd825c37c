"""Scores of predicted quotes against annotated ones: content, speaker and cue.

Definitions (the PolNeAR-style scoring the README's figures use):

- **Content** is compared as a set of character offsets: each piece is first trimmed of white
  space, quotation marks and edge punctuation (:data:`TRIMMED`), so ``“Yes,”`` and ``Yes`` are
  the same content. Two contents match *exactly* when the sets are equal, and *overlap* when
  their Dice coefficient, ``2·|A∩B| / (|A|+|B|)``, reaches :data:`OVERLAP`.
- **Pairs** are one-to-one: every annotated and predicted content that share a character are
  candidates, taken best Dice first; a content already paired is not paired again. Ties go to
  the later annotation, then the later prediction, as PolNeAR's scorer breaks them (it matters
  when an extractor reports one content twice). A pair below :data:`OVERLAP` is no match.
- **Precision** divides the matches by the predictions, **recall** by the annotations.
- **Speaker** and **cue** are judged on the pairs that overlap: the speaker is right when its
  trimmed offsets share a character with the annotated speaker's (*overlap*) or equal them
  (*exact*); the cue when its offsets equal the annotated cue's. A pair whose annotation has no
  speaker (or no cue) is left out of that measure.
- **Subsets.** ``subset="speech"`` keeps the annotations that carry quotation marks (kind
  ``direct`` or ``mixed``) or whose cue is a speech or writing verb
  (:func:`~quotetrace.evaluation.speech.is_speech_cue`); ``kinds`` keeps the annotations of those
  kinds. A prediction that overlaps an annotation left out is neither right nor wrong: it is
  dropped before the scores. A prediction that overlaps nothing is wrong, unless ``kinds`` is
  given and the prediction's own kind is not among them.
- **Rows.** Each kind has a row and ``all`` sums them: a matched prediction counts under the
  kind of its annotation, an unmatched one under its own kind. Recall by kind is therefore the
  share of that kind's annotations found, whatever kind the extractor called them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from ..errors import PredictionError, QuotetraceError
from ..model import KINDS
from .annotations import Attribution, GoldArticle, Piece, Predicted, outside
from .speech import is_speech_cue

#: Trimmed from both ends of every content piece (and speaker) before comparing offsets: white
#: space, quotation marks and the punctuation that annotators and extractors place either side
#: of a mark. Only these four white-space characters: a no-break space is kept, as PolNeAR's
#: scorer keeps it.
WHITE_SPACE = " \t\r\n"
EDGE_PUNCTUATION = ".,;:!?()[]"
DASHES = "—–-"
#: The marks the PolNeAR scorer trims: a scoring convention, like the speech verbs of
#: :mod:`.speech`, and deliberately not the extractor's list (:mod:`quotetrace.text.quotemarks`,
#: which adds ‚ ‹ ›): scores must stay comparable with that scorer's (scripts/compare_scorers.py).
QUOTATION_MARKS = "\"'“”‘’«»„‟"
TRIMMED = frozenset(WHITE_SPACE + QUOTATION_MARKS + EDGE_PUNCTUATION + DASHES)

#: A predicted content matches an annotated one when their Dice coefficient reaches this: half
#: the characters in common forgives a clause boundary drawn a few words off, but never lets one
#: prediction cover two neighbouring statements.
OVERLAP = 0.5

from ..options import SUBSETS  # noqa: E402,F401

Offsets = tuple[Piece, ...]  # disjoint, sorted, non-empty ranges


def trim(text: str, start: int, end: int) -> Piece:
    """``start``/``end`` moved inward past :data:`TRIMMED` characters."""
    while start < end and text[start] in TRIMMED:
        start += 1
    while end > start and text[end - 1] in TRIMMED:
        end -= 1
    return start, end


def offsets(text: str, pieces: Iterable[Piece]) -> Offsets:
    """The trimmed pieces as sorted, disjoint ranges: equal sets of offsets give equal tuples.

    >>> offsets('“Yes,” and “no.”', [(0, 6), (11, 16)])
    ((1, 4), (12, 14))
    """
    out: list[list[int]] = []
    for s, e in sorted(trim(text, s, e) for s, e in pieces):
        if s == e:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


def _size(a: Offsets) -> int:
    return sum(e - s for s, e in a)


def _common(a: Offsets, b: Offsets) -> int:
    i = j = n = 0
    while i < len(a) and j < len(b):
        lo, hi = max(a[i][0], b[j][0]), min(a[i][1], b[j][1])
        n += max(0, hi - lo)
        if a[i][1] < b[j][1]:
            i += 1
        else:
            j += 1
    return n


def dice(a: Offsets, b: Offsets) -> float:
    """Dice coefficient of two sets of offsets; 0 when either is empty.

    >>> dice(((0, 10),), ((5, 15),))
    0.5
    """
    if not a or not b:
        return 0.0
    return 2 * _common(a, b) / (_size(a) + _size(b))


def match(gold: Sequence[Offsets], predicted: Sequence[Offsets]) -> list[tuple[int, int, float]]:
    """One-to-one pairs ``(gold index, predicted index, dice)``, best Dice first."""
    candidates = []
    for gi, g in enumerate(gold):
        if not g:
            continue
        for pi, p in enumerate(predicted):
            if p and p[0][0] < g[-1][1] and g[0][0] < p[-1][1]:
                d = dice(g, p)
                if d > 0:
                    candidates.append((d, gi, pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for d, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi, d))
    return pairs


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@attrs.frozen
class Score:
    """The counts of one row (one kind, or all) and the rates they give. A rate with nothing to
    measure (no predictions, no annotated speaker) is None, not 0."""

    gold: int = 0
    predicted: int = 0
    exact: int = 0
    matched: int = 0
    speaker_scored: int = 0
    speaker_overlap: int = 0
    speaker_exact: int = 0
    cue_scored: int = 0
    cue_exact: int = 0

    def __add__(self, other: Score) -> Score:
        return Score(*(a + b for a, b in zip(attrs.astuple(self), attrs.astuple(other))))

    def _hits(self, exact: bool) -> int:
        return self.exact if exact else self.matched

    def precision(self, exact: bool = False) -> float | None:
        """Matched predictions over predictions (``exact=True``: exact matches only)."""
        return _ratio(self._hits(exact), self.predicted)

    def recall(self, exact: bool = False) -> float | None:
        """Matched annotations over annotations (``exact=True``: exact matches only)."""
        return _ratio(self._hits(exact), self.gold)

    def f1(self, exact: bool = False) -> float | None:
        """Harmonic mean of precision and recall; None when there is neither gold nor prediction."""
        if not self.gold and not self.predicted:
            return None
        p, r = self.precision(exact) or 0.0, self.recall(exact) or 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    def speaker(self, exact: bool = False) -> float | None:
        """Share of matched quotes whose speaker overlaps (or, ``exact=True``, equals) the annotated one."""
        return _ratio(self.speaker_exact if exact else self.speaker_overlap, self.speaker_scored)

    def cue(self) -> float | None:
        """Share of matched quotes whose cue has the annotated cue's offsets."""
        return _ratio(self.cue_exact, self.cue_scored)

    def to_dict(self) -> dict[str, Any]:
        def content(exact: bool) -> dict[str, Any]:
            return {"matched": self._hits(exact), "precision": self.precision(exact),
                    "recall": self.recall(exact), "f1": self.f1(exact)}

        return {"gold": self.gold, "predicted": self.predicted,
                "exact": content(True), "overlap": content(False),
                "speaker": {"scored": self.speaker_scored, "overlap": self.speaker(),
                            "exact": self.speaker(exact=True)},
                "cue": {"scored": self.cue_scored, "exact": self.cue()}}


@attrs.frozen
class Evaluation:
    """What :func:`quotetrace.evaluate` found: a :class:`Score` per kind and for ``all``, the
    articles scored, those without predictions, and every problem met on the way."""

    scores: dict[str, Score]
    articles: int
    missing: tuple[str, ...] = ()
    errors: tuple[QuotetraceError, ...] = ()
    subset: str = "all"
    kinds: tuple[str, ...] = KINDS

    @property
    def all(self) -> Score:
        return self.scores["all"]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (``quotetrace evaluate --format json``), documented in docs/evaluate.md."""
        return {"subset": self.subset, "kinds": list(self.kinds), "overlap": OVERLAP,
                "articles": self.articles, "missing": list(self.missing),
                "scores": {k: s.to_dict() for k, s in self.scores.items()},
                "errors": [str(e) for e in self.errors]}


class _Row:
    """A mutable :class:`Score` while an evaluation runs."""

    def __init__(self) -> None:
        self.counts = dict.fromkeys(attrs.fields_dict(Score), 0)

    def add(self, **counts: int) -> None:
        for k, v in counts.items():
            self.counts[k] += v

    def freeze(self) -> Score:
        return Score(**self.counts)


def in_subset(a: Attribution, subset: str) -> bool:
    """Whether an annotation belongs to the subset scored (see the module docstring)."""
    return subset == "all" or a.kind in ("direct", "mixed") or is_speech_cue(a.cue_text)


def _score_article(gold: GoldArticle, predicted: Sequence[Attribution], subset: str,
                   kinds: tuple[str, ...] | None, rows: dict[str, _Row]) -> None:
    text = gold.text
    every = gold.attributions
    keep = [in_subset(a, subset) and (kinds is None or a.kind in kinds) for a in every]
    gsets = [offsets(text, a.content) for a in every]
    psets = [offsets(text, a.content) for a in predicted]
    preds = list(predicted)
    if not all(keep):
        # a prediction of an annotation outside the subset is neither right nor wrong
        drop = {pi for gi, pi, d in match(gsets, psets) if d >= OVERLAP and not keep[gi]}
        preds = [p for i, p in enumerate(preds) if i not in drop]
        psets = [s for i, s in enumerate(psets) if i not in drop]
    golds = [a for a, k in zip(every, keep) if k]
    gsets = [s for s, k in zip(gsets, keep) if k]

    def add(kind: str | None, **counts: int) -> None:
        rows["all"].add(**counts)
        if kind in rows:
            rows[kind].add(**counts)

    for g in golds:
        add(g.kind, gold=1)
    matched: set[int] = set()
    for gi, pi, d in match(gsets, psets):
        g, p = golds[gi], preds[pi]
        if d < OVERLAP:
            continue
        matched.add(pi)
        add(g.kind, predicted=1, matched=1, exact=int(gsets[gi] == psets[pi]))
        if g.speaker is not None:
            right = exact = 0
            if p.speaker is not None:
                gs, ps = offsets(text, [g.speaker]), offsets(text, [p.speaker])
                right, exact = int(_common(gs, ps) > 0), int(gs == ps)
            add(g.kind, speaker_scored=1, speaker_overlap=right, speaker_exact=exact)
        if g.cue is not None:
            add(g.kind, cue_scored=1, cue_exact=int(p.cue == g.cue))
    for pi, p in enumerate(preds):
        if pi not in matched and (kinds is None or p.kind is None or p.kind in kinds):
            add(p.kind, predicted=1)


def score(gold: dict[str, GoldArticle], predicted: dict[str, Predicted], *, subset: str = "all",
          kinds: Iterable[str] | None = None,
          errors: Iterable[QuotetraceError] = ()) -> Evaluation:
    """Score loaded predictions against loaded gold (see :func:`quotetrace.evaluate`)."""
    chosen = tuple(k for k in KINDS if kinds is None or k in set(kinds))
    rows = {k: _Row() for k in (*chosen, "all")}
    problems = list(errors)
    missing = []
    for art_id, g in gold.items():
        p = predicted.get(art_id)
        if p is None:
            missing.append(art_id)
        usable = []
        for n, a in enumerate(p.attributions if p else (), 1):
            why = outside(g.text, a)
            if why:
                problems.append(PredictionError(f"{p.where} ({art_id}), quote {n}: {why}: do GOLD "
                                                "and PRED hold the same text? skipped"))
            else:
                usable.append(a)
        _score_article(g, usable, subset, None if kinds is None else chosen, rows)
    for art_id, p in predicted.items():
        if art_id not in gold:
            problems.append(PredictionError(
                f"{p.where}: article {art_id} is in PRED but not in GOLD; its "
                f"{len(p.attributions)} predictions are not scored"))
    return Evaluation(scores={k: r.freeze() for k, r in rows.items()}, articles=len(gold),
                      missing=tuple(missing), errors=tuple(problems), subset=subset, kinds=chosen)
