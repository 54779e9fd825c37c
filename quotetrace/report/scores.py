"""Writers for an evaluation (``quotetrace evaluate``): a table for people, JSON for programs."""

from __future__ import annotations

import json
from typing import TextIO

from ..errors import UsageError
from ..evaluation import OVERLAP, Evaluation

from ..options import SCORE_FORMATS  # noqa: E402,F401


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def write_table(result: Evaluation, out: TextIO) -> None:
    """A row per kind and one for all: content P/R/F1 at exact match and at Dice >= 0.5, then
    speaker and cue accuracy on the matched quotes.

    >>> import sys
    >>> from quotetrace.evaluation import Evaluation, Score
    >>> write_table(Evaluation({"all": Score(gold=4, predicted=2, exact=1, matched=2)}, articles=1), sys.stdout)
    1 article, all attributions, kinds direct, mixed, indirect
                          content, exact        content, Dice >= 0.5  speaker on matched  cue
    kind      gold  pred  P      R      F1      P      R      F1      overlap  exact      exact
    all          4     2  0.500  0.250  0.333   1.000  0.500  0.667   -        -          -
    """
    subset = "speech attributions (quotation marks or a speech cue)" if result.subset == "speech" \
        else "all attributions"
    plural = "" if result.articles == 1 else "s"
    out.write(f"{result.articles} article{plural}, {subset}, kinds {', '.join(result.kinds)}\n")
    dice = f"Dice >= {OVERLAP:g}"
    out.write(f"{'':22}{'content, exact':<22}{'content, ' + dice:<22}{'speaker on matched':<20}cue\n")
    out.write(f"{'kind':<8}{'gold':>6}{'pred':>6}  {'P':<7}{'R':<7}{'F1':<8}{'P':<7}{'R':<7}{'F1':<8}"
              f"{'overlap':<9}{'exact':<11}exact\n")
    for kind, s in result.scores.items():
        out.write(f"{kind:<8}{s.gold:>6}{s.predicted:>6}  "
                  f"{_rate(s.precision(True)):<7}{_rate(s.recall(True)):<7}{_rate(s.f1(True)):<8}"
                  f"{_rate(s.precision()):<7}{_rate(s.recall()):<7}{_rate(s.f1()):<8}"
                  f"{_rate(s.speaker()):<9}{_rate(s.speaker(True)):<11}{_rate(s.cue())}\n")
    if result.missing:
        out.write(f"{len(result.missing)} of the {result.articles} articles have no prediction: "
                  "their attributions count as missed\n")


def write_json(result: Evaluation, out: TextIO) -> None:
    json.dump(result.to_dict(), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_scores(result: Evaluation, out: TextIO, fmt: str = "table") -> None:
    writers = {"table": write_table, "json": write_json}
    if fmt not in writers:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(SCORE_FORMATS)}")
    writers[fmt](result, out)
