"""Reading gold and predictions: the output contract, PolNeAR's JSONL, brat folders, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrace import Article, Extraction, GoldError, PredictionError, ReadError, evaluate, extract
from quotetrace.evaluation import Attribution, is_speech_cue, kind_of
from quotetrace.evaluation.annotations import load_gold, load_predicted

DATA = Path(__file__).resolve().parent / "data"
BRAT = DATA / "brat"


def write_jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


TEXT = 'Ann Lee said the vote was fair. "We won," she added.'


@pytest.mark.parametrize(("text", "pieces", "kind"), [
    ('He said "no." Then he left.', [(9, 12)], "direct"),            # marks just outside the content
    ('He said "no." Then he left.', [(8, 13)], "direct"),            # marks inside it
    ("“Yes,” and “no.”", [(0, 6), (11, 16)], "direct"),              # each piece wrapped
    ('"losers" and "sad."', [(0, 19)], "mixed"),                     # two quotations, one content
    ("It was “a farce” and a shame.", [(0, 29)], "mixed"),
    ("“He called it “a farce” twice,” she said.", [(0, 31)], "direct"),  # a quotation inside a quotation
    ("The vote was fair, he said.", [(0, 17)], "indirect"),
    ("He was ‘fine’ then.", [(0, 19)], "indirect"),                  # single marks do not count
])
def test_kind_of(text: str, pieces: list, kind: str) -> None:
    """A missing kind is derived from the double quotation marks around and inside the content."""
    assert kind_of(text, pieces) == kind


@pytest.mark.parametrize(("cue", "speech"), [
    ("said", True), ("Said", True), ("says", True), ("according to", True), ("to say", True),
    ("publicly denied", True), ("told reporters", True), ("reportedly", True), ("tweeted", True),
    ("wrote", True), ("written", True), ("argued", True),
    ("arguing", False), ("believes", False), ("thinks", False), ("statement", False),
    ("criticised", False), ("sayings", False), ("", False), (None, False),
])
def test_speech_cues(cue: str | None, speech: bool) -> None:
    """The verbs PolNeAR-style scoring counts as speech, with that convention's exact coverage."""
    assert is_speech_cue(cue) is speech


def test_output_contract_and_polnear_shapes_read_the_same(tmp_path: Path) -> None:
    """A quote in the output contract's shape and the same quote in PolNeAR's give one attribution."""
    contract = {"article": "a", "text": TEXT, "quotes": [
        {"start": 33, "end": 40, "spans": [[33, 40]], "kind": "direct", "cue": "added", "cue_start": 46,
         "cue_end": 51, "speaker": {"name": "Ann Lee", "mention": "she", "start": 42, "end": 45}}]}
    polnear = {"doc_id": "a", "text": TEXT, "quotes": [
        {"start": 32, "end": 41, "spans": [[32, 41]], "speaker": "she", "speaker_start": 42,
         "speaker_end": 45, "cue": "added", "cue_start": 46, "cue_end": 51}]}
    a = load_gold(write_jsonl(tmp_path / "contract.jsonl", [contract]))[0]["a"].attributions
    b = load_gold(write_jsonl(tmp_path / "polnear.jsonl", [polnear]))[0]["a"].attributions
    assert a == (Attribution(content=((33, 40),), kind="direct", speaker=(42, 45), cue=(46, 51), cue_text="added"),)
    # PolNeAR's kind is derived from the marks, which its content includes
    assert b == (Attribution(content=((32, 41),), kind="direct", speaker=(42, 45), cue=(46, 51), cue_text="added"),)


def test_brat_folder() -> None:
    """Attribution events of .ann files: discontinuous contents, events without a source, other lines ignored."""
    gold, errors = load_gold(BRAT)
    assert errors == [] and sorted(gold) == ["council", "mayor"]
    mayor = gold["mayor"].attributions
    assert [a.content for a in mayor] == [((25, 53),), ((56, 82), (94, 128)), ((146, 164),)]
    assert [a.kind for a in mayor] == ["indirect", "direct", "indirect"]
    assert [(a.speaker, a.cue, a.cue_text) for a in mayor] == [
        ((0, 9), (10, 14), "said"), ((83, 86), (87, 92), "added"), ((130, 137), (138, 145), "believe")]
    council = gold["council"].attributions
    assert [(a.kind, a.speaker, a.cue_text) for a in council] == [
        ("indirect", None, "was told"), ("mixed", (80, 95), "wrote")]


def test_brat_equals_the_same_gold_in_jsonl(tmp_path: Path) -> None:
    """A brat folder and a JSONL file holding the same annotations score the same."""
    text = (BRAT / "mayor.txt").read_text(encoding="utf-8")
    quotes = [{"spans": [[25, 53]], "speaker_start": 0, "speaker_end": 9, "cue": "said", "cue_start": 10, "cue_end": 14},
              {"spans": [[56, 82], [94, 128]], "speaker_start": 83, "speaker_end": 86, "cue": "added",
               "cue_start": 87, "cue_end": 92},
              {"spans": [[146, 164]], "speaker_start": 130, "speaker_end": 137, "cue": "believe",
               "cue_start": 138, "cue_end": 145}]
    council = {"doc_id": "council", "text": (BRAT / "council.txt").read_text(encoding="utf-8"), "quotes": [
        {"spans": [[21, 51]], "cue": "was told", "cue_start": 12, "cue_end": 20},
        {"spans": [[54, 73]], "speaker_start": 80, "speaker_end": 95, "cue": "wrote", "cue_start": 74, "cue_end": 79}]}
    jsonl = write_jsonl(tmp_path / "gold.jsonl", [{"doc_id": "mayor", "text": text, "quotes": quotes}, council])
    predicted = [Extraction(Article("mayor", text), extract(text))]
    a = evaluate(BRAT, predicted, subset="speech")
    b = evaluate(jsonl, predicted, subset="speech")
    # "Critics believe" and "was told" are no speech; the two quotations and "said" are
    assert a.scores["all"].gold == 3 and a.missing == ("council",)
    assert a.scores == b.scores and a.missing == b.missing


def test_broken_brat_folder_goes_on() -> None:
    """Each bad annotation is one GoldError naming its file and line; the good article is scored."""
    gold, errors = load_gold(DATA / "brat-broken")
    messages = [str(e) for e in errors]
    assert all(isinstance(e, GoldError) for e in errors)
    assert len(gold["good"].attributions) == 1 and gold["bad"].attributions == ()
    for expected in ("bad.ann:4: attribution E1 has no Content",
                     "bad.ann:5: T4 reads 'the budget is balanced' but the text there is 'that the budget was balanced'",
                     "bad.ann:8: event E2 names T4",
                     "bad.ann:9: bad offsets '146 x'",
                     "bad.ann:11: event E3 names T99",
                     "bad.ann:12: T9 ends after the end of the text",
                     "orphan.ann: no orphan.txt beside it"):
        assert any(expected in m for m in messages), (expected, messages)
    assert len(errors) == 7


def test_gold_problems_do_not_stop_the_batch(tmp_path: Path) -> None:
    """A gold line that is not JSON, has no text, no id or a bad quote is reported; the rest is read."""
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok", "text": TEXT, "quotes": [{"spans": [[33, 40]], "kind": "direct"}]}),
        "{not json",
        json.dumps({"id": "notext", "quotes": []}),
        json.dumps({"text": TEXT, "quotes": []}),
        json.dumps({"id": "noquotes", "text": TEXT}),
        json.dumps({"id": "badquote", "text": TEXT, "quotes": [{"spans": [[5, 500]]}, {"kind": "quoted", "spans": [[0, 3]]},
                                                             {"spans": [[33, 40]]}]}),
        json.dumps({"id": "ok", "text": TEXT, "quotes": []}),
    ]) + "\n", encoding="utf-8")
    gold, errors = load_gold(path)
    assert sorted(gold) == ["badquote", "ok"] and len(gold["badquote"].attributions) == 1
    messages = "\n".join(map(str, errors))
    for expected in ("gold.jsonl:2: not a JSON object", "gold.jsonl:3 (notext): no 'text'",
                     "gold.jsonl:4: no 'id', 'article' or 'doc_id'", "gold.jsonl:5 (noquotes): no 'quotes' list",
                     "gold.jsonl:6 (badquote), quote 1: the content ends at 500, after the end of the text",
                     "gold.jsonl:6 (badquote), quote 2: unknown kind 'quoted'",
                     "gold.jsonl:7: article ok is already in GOLD (", "the first is kept"):
        assert expected in messages, expected
    assert len(errors) == 7


def test_predictions_from_json_array_and_failed_articles(tmp_path: Path) -> None:
    """`extract --format json` output is read too; an article whose extraction failed is reported."""
    path = tmp_path / "pred.json"
    path.write_text(json.dumps([{"article": "a", "quotes": [{"spans": [[33, 40]], "kind": "direct"}]},
                                {"article": "b", "quotes": [], "error": "b.txt: empty article (no text)"},
                                {"quotes": []}]), encoding="utf-8")
    predicted, errors = load_predicted(path)
    assert sorted(predicted) == ["a", "b"]
    assert [type(e) for e in errors] == [PredictionError, PredictionError]
    assert "the extraction failed (b.txt: empty article (no text))" in str(errors[0])
    assert "no 'article'" in str(errors[1])


def test_extractions_as_gold_and_predictions() -> None:
    """The API takes Extraction objects on both sides: a hand-corrected extraction is gold."""
    results = [Extraction(Article("a", TEXT), extract(TEXT))]
    result = evaluate(results, results)
    assert result.scores["all"].f1() == 1.0 and result.scores["all"].speaker() == 1.0


def test_unreadable_files(tmp_path: Path) -> None:
    """Missing files are read errors; a folder without .ann files is a gold error."""
    with pytest.raises(ReadError, match="no such file"):
        evaluate(DATA / "nothing.jsonl", [])
    with pytest.raises(GoldError, match="no .ann files"):
        evaluate(tmp_path, [])
    with pytest.raises(ReadError, match="a folder"):
        evaluate(BRAT, BRAT)
