"""Reports: extraction results as JSONL, JSON or a table; traces and checks as a readable text
report, the JSON of the output contract, or one self-contained HTML page (:func:`html`).

The rich displays of the model's values (``_repr_html_`` in a notebook) are registered by
:mod:`quotetrace.report.views`: the model looks them up by class and never imports the report (see
:func:`quotetrace.model.register_html_view`). The public API (``quotetrace.extract`` and the rest)
imports the views on first use, so every user has them. The page and the text report load when
first asked for, so writing an extraction's JSONL never loads tracing.
"""

from __future__ import annotations

import importlib
import json
from typing import TYPE_CHECKING, Any, TextIO

from ..errors import UsageError
from ..model import Trace
from .extraction import FORMATS, write, write_json, write_jsonl, write_table
from .safe import NeutralWriter, has_surrogate, json_text

#: formats of ``quotetrace trace`` and ``quotetrace check``
from ..options import TRACE_FORMATS  # noqa: E402,F401

if TYPE_CHECKING:
    from .page import html, write_html
    from .text import marked_text

# the names whose modules load when first used: the page and the text report need tracing's words
_LAZY = {"html": "page", "write_html": "page", "marked_text": "text"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'quotetrace.report' has no attribute {name!r}")
    importlib.import_module(".views", __name__)
    return getattr(importlib.import_module(f".{module}", __name__), name)


def write_trace(tr: Trace, out: TextIO, fmt: str = "text") -> None:
    """Write a trace as the text report, as JSON or as the HTML page."""
    from .page import write_html
    from .text import write_trace_text

    if fmt == "json":
        _dump_trace(tr, out)
    elif fmt == "html":
        write_html(tr, out)
    elif fmt == "text":
        write_trace_text(tr, NeutralWriter(out), tr.texts)  # type: ignore[arg-type]
    else:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(TRACE_FORMATS)}")


def write_check(check: Any, out: TextIO, fmt: str = "text") -> None:
    """Write what :func:`quotetrace.check` found, as text, JSON or the HTML page."""
    from .page import write_html
    from .text import write_check_text

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


_FAMILIES = '\n "families": []'  # where the families stand in the document; unique, since JSON
# writes a line break inside a string as an escape


def _dump_trace(tr: Trace, out: TextIO) -> None:
    """The trace's JSON, the same characters as :func:`_dump` of ``tr.to_dict()``, written one
    family at a time: the dicts of a whole document were the largest thing a trace of many
    articles held. Every string of a family comes from an article's text, an id or a speaker's
    name; when a text holds a lone surrogate (the document may then need ``\\u`` escapes
    throughout), or the texts are not at hand, the document is written whole."""
    if not tr.families or not tr.texts or any(has_surrogate(t) for t in tr.texts.values()):
        return _dump(tr.to_dict(), out)
    head = {"articles": [a.to_dict() for a in tr.articles], "speakers": [s.to_dict() for s in tr.speakers],
            "families": [], "derivations": [d.to_dict() for d in tr.derivations]}
    skeleton = json_text(head, indent=1)
    if has_surrogate(skeleton) or skeleton.count(_FAMILIES) != 1:
        return _dump(tr.to_dict(), out)
    before, after = skeleton.split(_FAMILIES)
    out.write(before + '\n "families": [\n')
    for k, f in enumerate(tr.families):
        if k:
            out.write(",\n")
        out.write("  " + json.dumps(f.to_dict(), ensure_ascii=False, indent=1).replace("\n", "\n  "))
    out.write("\n ]" + after + "\n")


__all__ = ["FORMATS", "TRACE_FORMATS", "html", "marked_text", "write", "write_check", "write_html", "write_json",
           "write_jsonl", "write_table", "write_trace"]
