"""Writers for extraction results: JSONL, JSON and a plain-text table."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from ..errors import UsageError
from ..model import Extraction
from .safe import NeutralWriter, json_text

from ..options import FORMATS  # noqa: E402,F401


def write_jsonl(results: Iterable[Extraction], out: TextIO) -> None:
    for r in results:
        out.write(json_text(r.to_dict()) + "\n")


def write_json(results: Iterable[Extraction], out: TextIO) -> None:
    out.write(json_text([r.to_dict() for r in results], indent=2) + "\n")


def _cell(value: str | None, width: int) -> str:
    value = " ".join((value or "-").split())
    return value if len(value) <= width else value[: width - 1] + "…"


def write_table(results: Iterable[Extraction], out: TextIO) -> None:
    """One line per quote: article, kind, speaker, cue and the quoted text (control and bidi
    characters shown as escapes: see :mod:`.safe`)."""
    out = NeutralWriter(out)  # type: ignore[assignment]
    out.write(f"{'quote':<28} {'kind':<8} {'speaker':<24} {'cue':<14} text\n")
    for r in results:
        if r.error:
            out.write(f"{_cell(r.article.id, 28):<28} error    {r.error}\n")
        for q in r.quotes:
            speaker = q.speaker.name if q.speaker else None
            cue = q.cue.text if q.cue else None
            out.write(f"{_cell(q.id, 28):<28} {q.kind:<8} {_cell(speaker, 24):<24} "
                      f"{_cell(cue, 14):<14} {_cell(q.text, 80)}\n")


def write(results: Iterable[Extraction], out: TextIO, fmt: str = "jsonl") -> None:
    writers = {"jsonl": write_jsonl, "json": write_json, "table": write_table}
    if fmt not in writers:
        raise UsageError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    writers[fmt](results, out)
