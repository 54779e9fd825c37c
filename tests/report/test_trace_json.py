"""The trace's JSON is written one family at a time, with the same characters as the whole
document (invented articles)."""

from __future__ import annotations

import io
import json

import pytest

from quotetrace import Article, trace
from quotetrace.report import write_trace
from quotetrace.report.safe import indented
from quotetrace.text.surrogates import has_surrogate


def whole(tr) -> str:  # noqa: ANN001
    """The document as the standard library writes it: non-ASCII as it is, unless a lone
    surrogate makes the whole document take escapes."""
    d = tr.to_dict()
    text = json.dumps(d, ensure_ascii=False, indent=1)
    return (json.dumps(d, ensure_ascii=True, indent=1) if has_surrogate(text) else text) + "\n"


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


@pytest.mark.parametrize("value", [
    {}, [], {"a": []}, {"a": {}}, [[], [{}], {"b": [[]]}],
    {"text": "Zoë said “no”\n\t\\ \"", "start": 0, "end": -12, "share": 0.5, "tiny": 1e-7, "zero": -0.0,
     "big": 10 ** 30, "yes": True, "no": False, "none": None},
    ("a tuple", (1, 2)), "a string alone", 7, None,
    {"half an emoji": "\ud83d"},
    # what json writes its own way: the whole value is left to it
    {1: "an int key"}, [float("nan"), float("inf")], {"a": [1, {"b": float("-inf")}]},
])
@pytest.mark.parametrize("indent", [0, 1, 2])
@pytest.mark.parametrize("ascii", [False, True])
def test_indented_writes_what_json_writes(value: object, indent: int, ascii: bool) -> None:
    assert indented(value, indent, ascii) == json.dumps(value, indent=indent, ensure_ascii=ascii)


def test_indented_refuses_a_cycle_as_json_does() -> None:
    loop: list = []
    loop.append(loop)
    with pytest.raises(ValueError, match="Circular"):
        indented(loop, 1)
