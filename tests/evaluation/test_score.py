"""Scoring by hand: tiny gold and predictions whose figures can be worked out on paper."""

from __future__ import annotations

import pytest

from quotetrace import GoldError, PredictionError, UsageError, evaluate
from quotetrace.evaluation import Score
from quotetrace.evaluation.score import dice, match, offsets

TEXT = ('The mayor said the budget was balanced. "We will not raise taxes," she added. '
        'Critics believe the plan will fail. "It is a fraud," said Jo Smith, "and a bad one."')


def at(words: str, nth: int = 1, text: str = TEXT) -> list[int]:
    """[start, end] of the nth occurrence of ``words`` in the text."""
    start = -1
    for _ in range(nth):
        start = text.index(words, start + 1)
    return [start, start + len(words)]


def quote(content: str | list[str], kind: str | None = None, speaker: str | tuple | None = None,
          cue: str | tuple | None = None) -> dict:
    """A quote of the output contract; ``speaker``/``cue`` are words, or (words, nth)."""
    pieces = [content] if isinstance(content, str) else content
    q: dict = {"spans": [at(p) for p in pieces], "kind": kind}
    if speaker is not None:
        s, e = at(*speaker) if isinstance(speaker, tuple) else at(speaker)
        q["speaker"] = {"start": s, "end": e}
    if cue is not None:
        s, e = at(*cue) if isinstance(cue, tuple) else at(cue)
        q.update(cue=TEXT[s:e], cue_start=s, cue_end=e)
    return q


def score(gold: list[dict], predicted: list[dict], **options: object) -> Score:
    result = evaluate([{"id": "a", "text": TEXT, "quotes": gold}], [{"article": "a", "quotes": predicted}],
                      **options)
    assert not result.errors, result.errors
    return result.scores["all"]


def counts(s: Score) -> tuple[int, int, int, int]:
    return s.gold, s.predicted, s.exact, s.matched


# gold content, predicted content, (gold, predicted, exact, matched)
CONTENT = [
    ("We will not raise taxes,", "We will not raise taxes,", (1, 1, 1, 1)),
    ("We will not raise taxes,", "We will not raise taxes", (1, 1, 1, 1)),
    ("We will not raise taxes,", '"We will not raise taxes,"', (1, 1, 1, 1)),
    ("the budget was balanced", "budget was balanced", (1, 1, 0, 1)),       # Dice 0.90
    ("the budget was balanced", "The mayor said the budget", (1, 1, 0, 0)),  # Dice 0.42
    ("the budget was balanced", "Critics believe the plan will fail", (1, 1, 0, 0)),
    (["It is a fraud,", "and a bad one."], ["It is a fraud,", "and a bad one."], (1, 1, 1, 1)),
    (["It is a fraud,", "and a bad one."], "It is a fraud,", (1, 1, 0, 1)),   # Dice 0.67
    (["It is a fraud,", "and a bad one."], 'It is a fraud," said Jo Smith, "and a bad one.', (1, 1, 0, 1)),
    ("It is a fraud,", ["It is a fraud,", "and a bad one."], (1, 1, 0, 1)),
]


@pytest.mark.parametrize(("gold", "predicted", "expected"), CONTENT)
def test_content(gold: str | list[str], predicted: str | list[str], expected: tuple) -> None:
    """Exact after trimming marks and edge punctuation; a match from Dice 0.5; split contents compare as sets."""
    assert counts(score([quote(gold)], [quote(predicted)])) == expected


def test_dice_of_one_half_is_a_match() -> None:
    """The threshold is inclusive: half the characters in common is a match."""
    text = "aaaaabbbbbccccc"
    result = evaluate([{"id": "a", "text": text, "quotes": [{"spans": [[0, 10]]}]}],
                      [{"article": "a", "quotes": [{"spans": [[5, 15]]}]}])
    assert dice(offsets(text, [(0, 10)]), offsets(text, [(5, 15)])) == 0.5
    assert counts(result.scores["all"]) == (1, 1, 0, 1)


# gold speaker, predicted speaker, (scored, overlap, exact)
SPEAKERS = [
    ("Jo Smith", "Jo Smith", (1, 1, 1)),
    ("Jo Smith", "Jo Smith,", (1, 1, 1)),     # edge punctuation is trimmed
    ("Jo Smith", "Smith", (1, 1, 0)),
    ("Jo Smith", "The mayor", (1, 0, 0)),
    ("Jo Smith", None, (1, 0, 0)),
    (None, "Jo Smith", (0, 0, 0)),            # nothing annotated, nothing scored
]


@pytest.mark.parametrize(("gold", "predicted", "expected"), SPEAKERS)
def test_speaker(gold: str | None, predicted: str | None, expected: tuple) -> None:
    """The speaker is right when it shares a character with the annotated one, exact when equal."""
    s = score([quote("It is a fraud,", speaker=gold)], [quote("It is a fraud,", speaker=predicted)])
    assert (s.speaker_scored, s.speaker_overlap, s.speaker_exact) == expected


# gold cue, predicted cue, (scored, right)
CUES = [
    (("said", 2), ("said", 2), (1, 1)),
    (("said", 2), "added", (1, 0)),
    (("said", 2), ("said", 1), (1, 0)),   # the same word elsewhere is another cue
    (("said", 2), None, (1, 0)),
    (None, "added", (0, 0)),
]


@pytest.mark.parametrize(("gold", "predicted", "expected"), CUES)
def test_cue(gold: tuple | str | None, predicted: tuple | str | None, expected: tuple) -> None:
    """The cue is right when its offsets are the annotated cue's."""
    s = score([quote("It is a fraud,", cue=gold)], [quote("It is a fraud,", cue=predicted)])
    assert (s.cue_scored, s.cue_exact) == expected


def test_speaker_and_cue_only_on_matched_quotes() -> None:
    """A prediction that matches no annotation is not judged on its speaker or cue."""
    s = score([quote("We will not raise taxes,", speaker="she", cue="added")],
              [quote("Critics believe the plan will fail", speaker="she", cue="added")])
    assert (s.matched, s.speaker_scored, s.cue_scored) == (0, 0, 0)
    assert s.speaker() is None and s.cue() is None


def test_unmatched_prediction_lowers_precision() -> None:
    """A prediction that overlaps nothing is wrong: precision 1/2, recall 1/1."""
    s = score([quote("We will not raise taxes,")],
              [quote("We will not raise taxes,"), quote("Critics believe the plan will fail")])
    assert (s.precision(), s.recall(), s.f1()) == (0.5, 1.0, pytest.approx(2 / 3))


def test_pairs_are_one_to_one() -> None:
    """Two predictions of one annotation: one match, one wrong prediction."""
    s = score([quote("We will not raise taxes,")],
              [quote("We will not raise taxes,"), quote("We will not raise taxes")])
    assert counts(s) == (1, 2, 1, 1)


def test_best_dice_first() -> None:
    """A prediction goes to the annotation it overlaps most, leaving the other to a better partner."""
    gold = [offsets(TEXT, [tuple(at("The mayor said the budget"))]),
            offsets(TEXT, [tuple(at("the budget was balanced"))])]
    predicted = [offsets(TEXT, [tuple(at("budget was balanced"))]),
                 offsets(TEXT, [tuple(at("The mayor said"))])]
    assert [(g, p) for g, p, _ in match(gold, predicted)] == [(1, 0), (0, 1)]


def test_ties_go_to_the_later_prediction() -> None:
    """Two predictions of the same content: the later one is paired (as PolNeAR's scorer does)."""
    s = score([quote("It is a fraud,", speaker="Jo Smith")],
              [quote("It is a fraud,", speaker="The mayor"), quote("It is a fraud,", speaker="Jo Smith")])
    assert (s.matched, s.speaker_overlap) == (1, 1)


GOLD = [quote("the budget was balanced", "indirect", speaker="The mayor", cue="said"),
        quote("We will not raise taxes,", "direct", speaker="she", cue="added"),
        quote("the plan will fail", "indirect", speaker="Critics", cue="believe"),
        quote(["It is a fraud,", "and a bad one."], "direct", speaker="Jo Smith", cue=("said", 2))]


def test_speech_subset() -> None:
    """--subset speech keeps marks and speech cues; a prediction of a belief is neither right nor wrong."""
    predicted = [quote("the plan will fail", "indirect"),               # the belief: dropped
                 quote("We will not raise taxes,", "direct"),           # right
                 quote("The mayor said", "indirect")]                   # wrong
    everything = score(GOLD, predicted)
    speech = score(GOLD, predicted, subset="speech")
    assert counts(everything) == (4, 3, 2, 2)
    assert counts(speech) == (3, 2, 1, 1)


def test_kinds() -> None:
    """--kinds keeps annotations of those kinds; an unmatched prediction of another kind is not counted."""
    predicted = [quote("We will not raise taxes,", "direct"),           # right
                 quote("the budget was balanced", "indirect"),          # matches an indirect: dropped
                 quote("The mayor said", "mixed"),                      # unmatched, not direct: left out
                 quote("Critics believe", "direct"),                    # unmatched direct: wrong
                 quote("It is a fraud,", "mixed")]                      # a direct quote found as mixed: right
    s = score(GOLD, predicted, kinds=["direct"])
    assert counts(s) == (2, 3, 1, 2)


def test_rows_by_kind() -> None:
    """A matched prediction counts under its annotation's kind, an unmatched one under its own."""
    predicted = [quote("We will not raise taxes,", "mixed"), quote("The mayor said", "indirect")]
    result = evaluate([{"id": "a", "text": TEXT, "quotes": GOLD}], [{"article": "a", "quotes": predicted}])
    rows = {k: (s.gold, s.predicted, s.matched) for k, s in result.scores.items()}
    assert rows == {"direct": (2, 1, 1), "mixed": (0, 0, 0), "indirect": (2, 1, 0), "all": (4, 2, 1)}
    assert result.scores["mixed"].precision() is None and result.scores["mixed"].f1() is None


def test_missing_articles_count_as_missed() -> None:
    """A gold article without predictions is listed, and its annotations are missed."""
    gold = [{"id": "a", "text": TEXT, "quotes": GOLD}, {"id": "b", "text": TEXT, "quotes": GOLD[:1]}]
    result = evaluate(gold, [{"article": "a", "quotes": [quote("We will not raise taxes,")]}])
    assert result.missing == ("b",) and not result.errors
    assert counts(result.scores["all"]) == (5, 1, 1, 1)


def test_prediction_for_an_unknown_article() -> None:
    """An article in PRED that GOLD lacks is an error naming it; the rest is scored."""
    result = evaluate([{"id": "a", "text": TEXT, "quotes": GOLD}],
                      [{"article": "a", "quotes": [quote("We will not raise taxes,")]},
                       {"article": "zz", "quotes": [quote("We will not raise taxes,")]}])
    assert len(result.errors) == 1 and isinstance(result.errors[0], PredictionError)
    assert "zz is in PRED but not in GOLD" in str(result.errors[0])
    assert counts(result.scores["all"]) == (4, 1, 1, 1)


def test_prediction_past_the_end_of_the_text() -> None:
    """Offsets beyond the gold text are an error for that quote only."""
    result = evaluate([{"id": "a", "text": TEXT, "quotes": GOLD}],
                      [{"article": "a", "quotes": [{"spans": [[5, 9999]]}, quote("We will not raise taxes,")]}])
    assert len(result.errors) == 1 and "after the end of the text" in str(result.errors[0])
    assert counts(result.scores["all"]) == (4, 1, 1, 1)


@pytest.mark.parametrize(("options", "message"), [({"subset": "beliefs"}, "unknown subset"),
                                                  ({"kinds": ["quoted"]}, "unknown kind"),
                                                  ({"kinds": []}, "unknown kind")])
def test_usage_errors(options: dict, message: str) -> None:
    """An unknown subset or kind is a usage error before any work."""
    with pytest.raises(UsageError, match=message):
        evaluate([], [], **options)


def test_nothing_to_score() -> None:
    """Gold that holds no readable article is an error, not an empty score."""
    with pytest.raises(GoldError, match="no annotated article"):
        evaluate([{"id": "a", "quotes": []}], [])


def test_json_form() -> None:
    """to_dict() has a row per kind and for all, with counts, rates (None when undefined) and errors."""
    result = evaluate([{"id": "a", "text": TEXT, "quotes": GOLD}],
                      [{"article": "a", "quotes": [quote("We will not raise taxes,", "direct", speaker="she")]}],
                      kinds=["direct", "indirect"])
    d = result.to_dict()
    assert d["subset"] == "all" and d["kinds"] == ["direct", "indirect"] and d["overlap"] == 0.5
    assert d["articles"] == 1 and d["missing"] == [] and d["errors"] == []
    assert list(d["scores"]) == ["direct", "indirect", "all"]
    assert d["scores"]["direct"] == {
        "gold": 2, "predicted": 1,
        "exact": {"matched": 1, "precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)},
        "overlap": {"matched": 1, "precision": 1.0, "recall": 0.5, "f1": pytest.approx(2 / 3)},
        "speaker": {"scored": 1, "overlap": 1.0, "exact": 1.0},
        "cue": {"scored": 1, "exact": 0.0}}
    assert d["scores"]["indirect"]["overlap"]["precision"] is None
