"""Score quotetrace, or any extractor, against your own annotated articles.

:func:`evaluate` reads the annotations (the *gold*) and the predictions, pairs them article by
article, and reports precision, recall and F1 of the content at exact match and at Dice >= 0.5,
and the accuracy of speakers and cues on the matched quotes, for each kind and for all. The
definitions are in :mod:`quotetrace.evaluation.score`; the formats in ``docs/evaluate.md``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any

from ..errors import UsageError
from ..model import KINDS
from .annotations import Attribution, GoldArticle, Predicted, kind_of, load_gold, load_predicted
from .score import OVERLAP, SUBSETS, TRIMMED, Evaluation, Score, score
from .speech import SPEECH_FORMS, is_speech_cue

__all__ = ["OVERLAP", "SPEECH_FORMS", "SUBSETS", "TRIMMED", "Attribution", "Evaluation", "GoldArticle",
           "Predicted", "Score", "evaluate", "is_speech_cue", "kind_of"]


def evaluate(gold: str | os.PathLike[str] | Iterable[Any], predicted: str | os.PathLike[str] | Iterable[Any],
             *, subset: str = "all", kinds: Iterable[str] | None = None) -> Evaluation:
    """Score ``predicted`` quotes against ``gold`` annotations.

    ``gold`` is a JSONL file (or JSON array) with one object per article: ``id`` (or ``article``
    or ``doc_id``), the article ``text`` its offsets index, and ``quotes`` in the output
    contract's shape (``spans`` or ``start``/``end``, ``kind``, ``cue_start``/``cue_end``,
    ``speaker`` with ``start``/``end``) or in PolNeAR's (``speaker_start``/``speaker_end``); or a
    folder of brat ``.txt``/``.ann`` pairs with attribution events (``Content``, ``Source``,
    ``Cue``); or the same objects in Python (dicts, :class:`~quotetrace.model.Extraction`). A
    missing ``kind`` is derived from the quotation marks in the content.

    ``predicted`` is what ``quotetrace extract`` writes (a JSONL or JSON file, or ``-`` for
    standard input), or :class:`~quotetrace.model.Extraction` objects, or their dicts.

    ``subset="speech"`` scores only the annotations with quotation marks or a speech or writing
    cue; ``kinds`` only the annotations of those kinds (``direct``, ``mixed``, ``indirect``).

    >>> text = 'Rain is coming, the mayor said. "We are ready," she added.'
    >>> gold = [{"id": "a1", "text": text, "quotes": [
    ...     {"spans": [[0, 14]], "kind": "indirect", "cue_start": 26, "cue_end": 30,
    ...      "speaker": {"start": 16, "end": 25}},
    ...     {"spans": [[33, 46]], "kind": "direct", "cue_start": 52, "cue_end": 57,
    ...      "speaker": {"start": 48, "end": 51}}]}]
    >>> predicted = [{"article": "a1", "quotes": [
    ...     {"spans": [[33, 45]], "kind": "direct", "cue_start": 52, "cue_end": 57,
    ...      "speaker": {"start": 20, "end": 25}}]}]
    >>> result = evaluate(gold, predicted)
    >>> s = result.scores["all"]
    >>> s.gold, s.predicted, s.precision(), s.recall(), s.recall(exact=True), s.speaker(), s.cue()
    (2, 1, 1.0, 0.5, 0.5, 0.0, 1.0)
    >>> result.scores["indirect"].recall()
    0.0

    Problems that leave part of the input out (a gold line without text, an article in
    ``predicted`` that ``gold`` lacks, offsets past the end of the text) do not stop the
    evaluation: each is a :class:`~quotetrace.errors.GoldError` or
    :class:`~quotetrace.errors.PredictionError` in ``result.errors``. Gold articles without
    predictions count as all missed and are listed in ``result.missing``. Raises
    :class:`~quotetrace.errors.GoldError` when no gold article can be read at all,
    :class:`~quotetrace.errors.ReadError` when a file cannot be read, and
    :class:`~quotetrace.errors.UsageError` for an unknown subset or kind.
    """
    if subset not in SUBSETS:
        raise UsageError(f"unknown subset {subset!r}; choose one of {', '.join(SUBSETS)}")
    if kinds is not None:
        kinds = tuple(kinds)
        unknown = [k for k in kinds if k not in KINDS]
        if unknown or not kinds:
            raise UsageError(f"unknown kind {', '.join(map(repr, unknown)) or '(none given)'}; "
                             f"choose among {', '.join(KINDS)}")
    gold_articles, gold_errors = load_gold(gold)
    predictions, pred_errors = load_predicted(predicted)
    return score(gold_articles, predictions, subset=subset, kinds=kinds, errors=gold_errors + pred_errors)
