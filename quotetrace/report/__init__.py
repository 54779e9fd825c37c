"""Reports: extraction results as JSONL, JSON or a table; traces and checks as a readable text
report or as the JSON of the output contract."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..errors import UsageError
from ..model import Trace
from .extraction import FORMATS, write, write_json, write_jsonl, write_table
from .text import marked_text, write_check_text, write_trace_text

#: formats of ``quotetrace trace`` and ``quotetrace check``
TRACE_FORMATS = ("text", "json")


def write_trace(tr: Trace, out: TextIO, fmt: str = "text") -> None:
    """Write a trace as the text report or as JSON."""
    if fmt == "json":
        _dump(tr.to_dict(), out)
    elif fmt == "text":
        write_trace_text(tr, out, tr.texts)
    else:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(TRACE_FORMATS)}")


def write_check(check: Any, out: TextIO, fmt: str = "text") -> None:
    """Write what :func:`quotetrace.check` found, as text or JSON."""
    if fmt == "json":
        _dump(check.to_dict(), out)
    elif fmt == "text":
        write_check_text(check, out, check.trace.texts)
    else:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(TRACE_FORMATS)}")


def _dump(obj: Any, out: TextIO) -> None:
    json.dump(obj, out, ensure_ascii=False, indent=1)
    out.write("\n")


__all__ = ["FORMATS", "TRACE_FORMATS", "marked_text", "write", "write_check", "write_json", "write_jsonl",
           "write_table", "write_trace"]
