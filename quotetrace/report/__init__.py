"""Reports: extraction results as JSONL, JSON or a table; traces and checks as a readable text
report, the JSON of the output contract, or one self-contained HTML page (:func:`html`).

Importing this package registers the rich displays of the model's values (``_repr_html_`` in a
notebook): the model looks them up by class and never imports the report (see
:func:`quotetrace.model.register_html_view`). ``quotetrace/__init__.py`` imports it, so every
user has them.
"""

from __future__ import annotations

from typing import Any, TextIO

from ..errors import UsageError
from ..model import Extraction, Family, Occurrence, Quote, Trace, register_html_view
from ..tracing import Check
from .extraction import FORMATS, write, write_json, write_jsonl, write_table
from .fragments import check_view, extraction_view, family_view, occurrence_view, quote_view, trace_view
from .page import html, write_html
from .safe import NeutralWriter, json_text
from .text import marked_text, write_check_text, write_trace_text

#: formats of ``quotetrace trace`` and ``quotetrace check``
TRACE_FORMATS = ("text", "json", "html")

register_html_view(Quote, quote_view)
register_html_view(Extraction, extraction_view)
register_html_view(Occurrence, occurrence_view)
register_html_view(Family, family_view)
register_html_view(Trace, trace_view)
register_html_view(Check, check_view)


def write_trace(tr: Trace, out: TextIO, fmt: str = "text") -> None:
    """Write a trace as the text report, as JSON or as the HTML page."""
    if fmt == "json":
        _dump(tr.to_dict(), out)
    elif fmt == "html":
        write_html(tr, out)
    elif fmt == "text":
        write_trace_text(tr, NeutralWriter(out), tr.texts)  # type: ignore[arg-type]
    else:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(TRACE_FORMATS)}")


def write_check(check: Any, out: TextIO, fmt: str = "text") -> None:
    """Write what :func:`quotetrace.check` found, as text, JSON or the HTML page."""
    if fmt == "json":
        _dump(check.to_dict(), out)
    elif fmt == "html":
        write_html(check, out)
    elif fmt == "text":
        write_check_text(check, NeutralWriter(out), check.trace.texts)  # type: ignore[arg-type]
    else:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(TRACE_FORMATS)}")


def _dump(obj: Any, out: TextIO) -> None:
    out.write(json_text(obj, indent=1) + "\n")


__all__ = ["FORMATS", "TRACE_FORMATS", "html", "marked_text", "write", "write_check", "write_html", "write_json",
           "write_jsonl", "write_table", "write_trace"]
