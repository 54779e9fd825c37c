"""The trace's JSON is written one family at a time, with the same characters as the whole
document (invented articles)."""

from __future__ import annotations

import io
import json

import pytest

from quotetrace import Article, trace
from quotetrace.report import write_trace
from quotetrace.report.safe import json_text


def whole(tr) -> str:  # noqa: ANN001
    return json_text(tr.to_dict(), indent=1) + "\n"


@pytest.mark.parametrize("texts", [
    # families, speakers and derivations
    ["“The ferry fares will double next spring,” Mayor Jane Doe said. “We have no choice.”",
     "Mayor Jane Doe said: “The ferry fares will double next spring.” “We have no choice,” she added.",
     "“The ferry fares will double,” Councillor Tom Roe said, “and nobody asked us.”"],
    # no family at all
    ["The harbour was quiet on Monday.", "Nobody said anything."],
    # a lone surrogate in a text: the whole document takes \\u escapes
    ["“The ferry fares will double next spring \ud83d,” Mayor Jane Doe said.",
     "“The ferry fares will double next spring \ud83d,” Doe said."],
    # non-ASCII words and line breaks inside quoted text
    ["“Les tarifs du ferry vont doubler,\nau printemps,” Maire Zoë Durand a dit.",
     "“Les tarifs du ferry vont doubler,\nau printemps,” Zoë Durand said."],
])
def test_trace_json_is_the_whole_document(texts: list[str]) -> None:
    """Written family by family or whole, the JSON has the same characters and reads back."""
    tr = trace([Article(f"a{k}", t, date=f"2024-03-0{k + 1}") for k, t in enumerate(texts)], jobs=1)
    out = io.StringIO()
    write_trace(tr, out, "json")
    assert out.getvalue() == whole(tr)
    assert json.loads(out.getvalue()) == json.loads(whole(tr))
