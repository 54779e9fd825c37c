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
from collections.abc import Iterable
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


def write_sections(sections: Iterable[tuple[str, Iterable[dict]]], out: TextIO, fmt: str = "json") -> None:
    """Write a trace given as the sections of its JSON object, item by item, never holding the
    whole: ``json`` writes the bytes :func:`write_trace` writes; ``jsonl`` one object per item,
    with its ``kind``. Items hold no lone surrogate (a store keeps none), which in
    :func:`write_trace` would turn the whole document to escapes."""
    kinds = {"articles": "article", "speakers": "speaker", "families": "family", "derivations": "derivation"}
    if fmt == "jsonl":
        for key, items in sections:
            for item in items:
                out.write(json_text({"kind": kinds[key], **item}) + "\n")
        return
    out.write("{")
    for k, (key, items) in enumerate(sections):
        out.write(("\n" if k == 0 else ",\n") + f" {json_text(key)}: [")
        n = 0
        for n, item in enumerate(items, 1):  # json's indent=1, two levels down
            out.write(("\n  " if n == 1 else ",\n  ") + json_text(item, indent=1).replace("\n", "\n  "))
        out.write("\n ]" if n else "]")
    out.write("\n}\n")


def _dump(obj: Any, out: TextIO) -> None:
    out.write(json_text(obj, indent=1) + "\n")


def _dump_trace(tr: Trace, out: TextIO) -> None:
    """The trace's JSON, the same characters as :func:`_dump` of ``tr.to_dict()``, written one
    family at a time by :func:`write_sections`: the dicts of a whole document were the largest
    thing a trace of many articles held. Every string of a family comes from an article's text,
    an id or a speaker's name; when one of them holds a lone surrogate (the document may then
    need ``\\u`` escapes throughout), or the texts are not at hand, the document is written whole."""
    head = {"articles": [a.to_dict() for a in tr.articles], "speakers": [s.to_dict() for s in tr.speakers],
            "derivations": [d.to_dict() for d in tr.derivations]}
    if (not tr.families or not tr.texts or any(has_surrogate(t) for t in tr.texts.values())
            or has_surrogate(json_text(head))):
        return _dump(tr.to_dict(), out)
    write_sections([("articles", head["articles"]), ("speakers", head["speakers"]),
                    ("families", (f.to_dict() for f in tr.families)), ("derivations", head["derivations"])], out)


__all__ = ["FORMATS", "TRACE_FORMATS", "html", "marked_text", "write", "write_check", "write_html", "write_json",
           "write_jsonl", "write_sections", "write_table", "write_trace"]
