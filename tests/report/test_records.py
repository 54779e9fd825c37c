"""Plain rows for tables: Trace.to_records / Extraction.to_records and their DataFrames, with
pandas and without it."""

from __future__ import annotations

import sys

import pytest

import quotetrace
from quotetrace import ExtraError, QuotetraceError, Trace
from quotetrace.model import OCCURRENCE_COLUMNS, QUOTE_COLUMNS

from ..conftest import ROOT, SEEDS
from .conftest import CONSTITUTION, FINE_TUNED, FREEZE, family_of


def test_trace_records_one_row_per_occurrence(seeds_trace: Trace) -> None:
    """Every occurrence is a row with the documented columns, families in order, original first."""
    rows = seeds_trace.to_records()
    assert len(rows) == sum(len(f.occurrences) for f in seeds_trace.families)
    assert all(tuple(r) == OCCURRENCE_COLUMNS for r in rows)
    assert [r["family"] for r in rows if r["original"]] == [f.id for f in seeds_trace.families]
    by = {(r["family"], r["article"]): r for r in rows}
    zelensky = by[family_of(seeds_trace, CONSTITUTION).id, "003_5e38c892982a003a"]
    assert (zelensky["relation"], zelensky["status"], zelensky["evidence"], zelensky["original"]) == \
        ("unsupported", "unsupported", 2, True)
    vance = by[family_of(seeds_trace, FREEZE).id, "003_5e38c892982a003a"]
    assert (vance["relation"], vance["changes"], vance["grade"], vance["original_article"]) == \
        ("altered", 2, "substantive", "000_2273eac947c6bda1")
    assert by[family_of(seeds_trace, FREEZE).id, "000_2273eac947c6bda1"]["date"] == "2025-04-25"
    assert by[family_of(seeds_trace, FINE_TUNED).id, "003_5e38c892982a003a"]["grade"] == "critical"
    assert by[family_of(seeds_trace, "tough on his subordinates.").id, "001_be27b18d7a417ea1"]["role"] \
        == "reported-speech"
    # flat values only: a CSV writer or a DataFrame takes them as they are
    assert all(v is None or isinstance(v, (str, int, float, bool)) for r in rows for v in r.values())


def test_extraction_records_one_row_per_quote() -> None:
    """Every quote is a row with the documented columns; an article that failed has none."""
    good, empty = quotetrace.extract_all([str(SEEDS / "000_2273eac947c6bda1.txt"),
                                          quotetrace.Article("empty", "")])
    rows = good.to_records()
    assert len(rows) == len(good.quotes) and all(tuple(r) == QUOTE_COLUMNS for r in rows)
    lavrov = next(r for r in rows if "ready to reach a deal" in r["text"])
    assert lavrov["speaker"] == "Sergey Lavrov" and lavrov["mention"] == "Russia’s Foreign Minister Sergey Lavrov"
    assert (lavrov["kind"], lavrov["cue"], lavrov["speaker_type"], lavrov["date"]) == \
        ("mixed", "said", "person", "2025-04-25")
    assert empty.error and empty.to_records() == []


def test_to_pandas(seeds_trace: Trace) -> None:
    """With pandas, the records become a DataFrame with the same columns, even when empty."""
    pandas = pytest.importorskip("pandas")
    df = seeds_trace.to_pandas()
    assert isinstance(df, pandas.DataFrame)
    assert list(df.columns) == list(OCCURRENCE_COLUMNS) and len(df) == len(seeds_trace.to_records())
    assert df.loc[df.relation == "unsupported", "family"].tolist() == [family_of(seeds_trace, CONSTITUTION).id]
    assert list(Trace(articles=[]).to_pandas().columns) == list(OCCURRENCE_COLUMNS)
    r = next(quotetrace.extract_all([str(SEEDS / "003_5e38c892982a003a.txt")]))
    assert list(r.to_pandas().columns) == list(QUOTE_COLUMNS) and len(r.to_pandas()) == len(r.quotes)


def test_to_pandas_without_pandas(seeds_trace: Trace, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, one clear error names the extra to install, and is an ImportError too."""
    monkeypatch.setitem(sys.modules, "pandas", None)  # `import pandas` now fails as if absent
    with pytest.raises(ExtraError, match=r"pip install 'quotetrace\[pandas\]'") as info:
        seeds_trace.to_pandas()
    assert isinstance(info.value, ImportError) and isinstance(info.value, QuotetraceError)
    with pytest.raises(ExtraError):
        next(quotetrace.extract_all([str(SEEDS / "003_5e38c892982a003a.txt")])).to_pandas()


def test_columns_are_documented() -> None:
    """docs/output.md has a row for every column of both tables."""
    doc = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Tables"):]
    for column in {*OCCURRENCE_COLUMNS, *QUOTE_COLUMNS}:
        assert f"`{column}`" in section, column
