"""Fuzz target: any bytes as a file, any text as an article, any JSONL line: the reader and the
extractor never raise anything but their documented errors, and every offset they give is
valid. CI runs it longer with FUZZ_EXAMPLES (see .ci/run); the suite runs a small budget."""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotetrace
from quotetrace.errors import QuotetraceError
from quotetrace.read import iter_articles

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
_PIECES = st.sampled_from(["“", "”", "\"", "'", "‘", "’", "«", "»", " said ", "According to ", "Mr. ", "Jane Doe",
                           ", ", ": ", ". ", "\n", "\n\n", "\x1b]0;x\x07", "\u202e", "\ud83d", "\x00", "—", "he "])
TEXTS = st.one_of(st.text(max_size=300), st.lists(_PIECES, max_size=80).map("".join))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))


@SETTINGS
@given(text=TEXTS)
def test_extract_never_crashes_and_offsets_are_valid(text: str) -> None:
    try:
        quotes = quotetrace.extract(text)
    except QuotetraceError:
        return
    for q in quotes:
        for span in q.spans + q.quoted:
            assert 0 <= span.start <= span.end <= len(text)


@SETTINGS
@given(data=st.binary(max_size=400))
def test_reader_takes_any_bytes(tmp_path_factory, data: bytes) -> None:  # noqa: ANN001
    folder = tmp_path_factory.mktemp("fuzz")
    for name in ("a.txt", "b.jsonl"):
        (folder / name).write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for item in iter_articles(str(folder)):
            assert isinstance(item, (quotetrace.Article, quotetrace.Unreadable))


@SETTINGS
@given(obj=st.dictionaries(st.sampled_from(["id", "text", "date", "outlet"]),
                           st.one_of(st.none(), st.integers(), st.booleans(), TEXTS, st.lists(st.integers(), max_size=2))))
def test_jsonl_lines_of_any_shape_give_one_item_each(tmp_path_factory, obj: dict) -> None:  # noqa: ANN001
    path = Path(tmp_path_factory.mktemp("fuzz")) / "a.jsonl"
    path.write_text(json.dumps(obj) + "\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        items = list(iter_articles(str(path)))
        assert len(items) == 1
        for r in quotetrace.extract_all(items, timeout=10):
            assert r.error is None or isinstance(r.error, str)
