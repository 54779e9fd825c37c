"""Speakers linked to the user's own table of people (``trace(people=…)``, ``--people``): a
small table written here, invented names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotetrace import Article, trace
from quotetrace.cli import main
from quotetrace.errors import InputError
from quotetrace.tracing.people import PeopleWarning, read_people

QUOTE = "The new bridge will be finished before the spring floods"
ARTICLES = [
    Article("a", f"“{QUOTE},” Mayor Jane Doe said.", date="2024-03-01"),
    Article("b", f"“{QUOTE},” Governor Tom Roe said.", date="2024-03-02"),
    Article("c", f"“{QUOTE},” Doe told reporters.", date="2024-03-03"),
]


def _ids(tr) -> dict[str, str | None]:  # noqa: ANN001
    return {s.name: s.id for s in tr.speakers}


def test_linked_where_unambiguous() -> None:
    """An identity whose names match one row carries its id, in speakers and occurrences."""
    people = [{"id": "Q1", "name": "Jane Doe", "aliases": ["Mayor Doe"]}, {"id": "Q2", "name": "Tom Roe"}]
    tr = trace(ARTICLES, jobs=1, people=people)
    assert _ids(tr) == {"Jane Doe": "Q1", "Tom Roe": "Q2"}
    assert [o.speaker_id for o in tr.families[0].occurrences] == ["Q1", "Q2", "Q1"]
    assert tr.to_dict()["speakers"][0]["id"] == "Q1"


def test_an_ambiguous_name_links_to_nothing_and_says_so() -> None:
    people = [{"id": "Q1", "name": "Jane Doe"}, {"id": "Q9", "name": "Jane Doe", "description": "a painter"}]
    jane = next(s for s in trace(ARTICLES, jobs=1, people=people).speakers if s.name == "Jane Doe")
    assert jane.id is None and "Q1" in jane.note and "Q9" in jane.note


def test_years_decide_between_two_rows() -> None:
    """Of two rows with the same name, the one whose years hold the articles' year is linked."""
    people = [{"id": "Q1", "name": "Jane Doe", "years": "1950-1990"},
              {"id": "Q5", "name": "Jane Doe", "years": [2020, None]}]
    assert _ids(trace(ARTICLES, jobs=1, people=people))["Jane Doe"] == "Q5"


def test_csv_and_jsonl_tables(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("id,name,aliases,description,years\nQ1,Jane Doe,J. Doe;Mayor Doe,mayor,2020-\n"
                   ",Nameless,,,\n", encoding="utf-8")
    with pytest.warns(PeopleWarning, match="line 3"):
        rows = read_people(csv)
    assert [(p.id, p.names, p.years) for p in rows] == [("Q1", ("Jane Doe", "J. Doe", "Mayor Doe"), (2020, None))]
    jsonl = tmp_path / "people.jsonl"
    jsonl.write_text(json.dumps({"id": "Q2", "name": "Tom Roe", "aliases": "T. Roe"}) + "\nnot json\n",
                     encoding="utf-8")
    with pytest.warns(PeopleWarning, match="line 2"):
        assert [p.names for p in read_people(jsonl)] == [("Tom Roe", "T. Roe")]
    with pytest.raises(InputError, match="cannot read the people table"):
        read_people(tmp_path / "missing.csv")


def test_cli_people(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for a in ARTICLES:
        (folder / f"{a.id}.txt").write_text(f" date {a.date}\n{a.text}\n", encoding="utf-8")
    table = tmp_path / "people.csv"
    table.write_text("id,name\nQ1,Jane Doe\n", encoding="utf-8")
    out = tmp_path / "trace.json"
    assert main(["trace", str(folder), "--people", str(table), "--format", "json", "-o", str(out), "-q"]) == 0
    got = json.loads(out.read_text(encoding="utf-8"))
    assert {s["name"]: s.get("id") for s in got["speakers"]} == {"Jane Doe": "Q1", "Tom Roe": None}
    assert main(["trace", str(folder), "--people", str(tmp_path / "nope.csv"), "-q"]) != 0
    assert "people table" in capsys.readouterr().err
