"""Gold annotations and predictions, read into one small shape the scores compare.

Gold comes as JSONL (or a JSON array) in the output contract's shape with the article text
added, as PolNeAR-style JSONL, as a folder of brat standoff ``.txt``/``.ann`` pairs, or as
Python objects (dicts of either shape, :class:`~quotetrace.model.Extraction`). Predictions come
as ``quotetrace extract`` JSONL or JSON, or as :class:`~quotetrace.model.Extraction` objects or
their dicts.

Nothing here stops at the first problem: each loader returns what it could read and a list of
:class:`~quotetrace.errors.GoldError` or :class:`~quotetrace.errors.PredictionError`, one per line,
annotation or article it had to leave out.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import regex

from ..errors import GoldError, InputError, PredictionError, QuotetraceError, ReadError
from ..model import KINDS, Extraction, Quote
from ..read import read_file
from ..text.quotemarks import DOUBLE_CLOSING, DOUBLE_OPENING, STRAIGHT_DOUBLE

Piece = tuple[int, int]

#: Double quotation marks: a content wrapped in them is a direct quote, one holding some is mixed.
OPENING = DOUBLE_OPENING
CLOSING = DOUBLE_CLOSING
STRAIGHT = STRAIGHT_DOUBLE
DOUBLE = OPENING + CLOSING + STRAIGHT


@attrs.frozen
class Attribution:
    """One statement, annotated or predicted, reduced to what the scores compare: the content
    pieces, the kind, the speaker's and the cue's offsets, and the cue's words."""

    content: tuple[Piece, ...]
    kind: str | None = None
    speaker: Piece | None = None
    cue: Piece | None = None
    cue_text: str | None = None


@attrs.frozen
class GoldArticle:
    """An annotated article: its id, the text every offset indexes, and its attributions."""

    id: str
    text: str
    attributions: tuple[Attribution, ...]
    where: str = ""


@attrs.frozen
class Predicted:
    """What an extractor found in one article (no text: the gold article's text is used)."""

    id: str
    attributions: tuple[Attribution, ...]
    where: str = ""


def kind_of(text: str, content: Iterable[Piece]) -> str:
    """``direct`` when every piece is wrapped in double quotation marks (inside or just outside
    the piece), ``mixed`` when the content holds some, ``indirect`` otherwise; PolNeAR derives
    its kinds the same way.

    >>> text = 'He said "no." He called it "a farce" and left.'
    >>> kind_of(text, [(9, 12)]), kind_of(text, [(17, 36)]), kind_of(text, [(0, 7)])
    ('direct', 'mixed', 'indirect')
    """
    pieces = list(content)
    if pieces and all(_wrapped(text, s, e) for s, e in pieces):
        return "direct"
    if any(ch in DOUBLE for s, e in pieces for ch in text[s:e]):
        return "mixed"
    return "indirect"


def _wrapped(text: str, s: int, e: int) -> bool:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s == e:
        return False
    if text[s] in OPENING + STRAIGHT:
        opener, s = text[s], s + 1
    elif s > 0 and text[s - 1] in OPENING + STRAIGHT:
        opener = text[s - 1]
    else:
        return False
    if e > s and text[e - 1] in CLOSING + STRAIGHT:
        e -= 1
    elif not (e < len(text) and text[e] in CLOSING + STRAIGHT):
        return False
    # '"losers" and "sad."' opens and closes with marks but is two quotations, not one
    depth = 1
    for ch in text[s:e]:
        if ch == STRAIGHT and opener == STRAIGHT:
            return False
        if ch in OPENING:
            depth += 1
        elif ch in CLOSING:
            depth -= 1
            if depth == 0:
                return False
    return True


# ---------------------------------------------------------------- one quote, either shape

def _offset(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be a non-negative integer, not {value!r}")
    return value


def _piece(pair: Any, what: str) -> Piece:
    if not isinstance(pair, (list, tuple)) or len(pair) != 2:
        raise ValueError(f"{what} must be a [start, end] pair, not {pair!r}")
    s, e = _offset(pair[0], f"{what} start"), _offset(pair[1], f"{what} end")
    if e < s:
        raise ValueError(f"{what} ends ({e}) before it starts ({s})")
    return s, e


def attribution_from_dict(q: Any) -> Attribution:
    """An :class:`Attribution` from a quote of the output contract or of PolNeAR's JSONL.

    The content is ``spans``, else ``start``/``end``; the speaker is ``speaker.start``/``end``
    (the contract) or ``speaker_start``/``speaker_end`` (PolNeAR); the cue is
    ``cue_start``/``cue_end`` with its words in ``cue``. Raises ``ValueError`` with the reason.
    """
    if not isinstance(q, dict):
        raise ValueError(f"a quote must be an object, not {type(q).__name__}")
    if q.get("spans"):
        if not isinstance(q["spans"], list):
            raise ValueError("'spans' must be a list of [start, end] pairs")
        content = tuple(sorted(_piece(p, "a piece of 'spans'") for p in q["spans"]))
    elif q.get("start") is not None or q.get("end") is not None:
        content = (_piece([q.get("start"), q.get("end")], "'start'/'end'"),)
    else:
        raise ValueError("no content: neither 'spans' nor 'start'/'end'")
    kind = q.get("kind")
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}")
    speaker = None
    sp = q.get("speaker")
    if isinstance(sp, dict) and sp.get("start") is not None:
        speaker = _piece([sp.get("start"), sp.get("end")], "the speaker's offsets")
    elif q.get("speaker_start") is not None:
        speaker = _piece([q.get("speaker_start"), q.get("speaker_end")], "'speaker_start'/'speaker_end'")
    cue, cue_text = None, q.get("cue")
    if isinstance(cue_text, dict):  # {"text", "start", "end"}, as a user may write it
        cue_text, cue_start, cue_end = cue_text.get("text"), cue_text.get("start"), cue_text.get("end")
    else:
        cue_start, cue_end = q.get("cue_start"), q.get("cue_end")
    if cue_start is not None:
        cue = _piece([cue_start, cue_end], "the cue's offsets")
    if cue_text is not None and not isinstance(cue_text, str):
        raise ValueError(f"'cue' must be the cue's words, not {cue_text!r}")
    return Attribution(content=content, kind=kind, speaker=speaker, cue=cue, cue_text=cue_text)


def attribution_from_quote(q: Quote) -> Attribution:
    return Attribution(content=tuple((s.start, s.end) for s in q.spans), kind=q.kind,
                       speaker=(q.speaker.start, q.speaker.end) if q.speaker else None,
                       cue=(q.cue.start, q.cue.end) if q.cue else None,
                       cue_text=q.cue.text if q.cue else None)


def outside(text: str, a: Attribution) -> str | None:
    """Why ``a`` cannot index ``text`` (an offset past its end), or None when it can."""
    n = len(text)
    for what, pieces in (("content", a.content), ("speaker", (a.speaker,)), ("cue", (a.cue,))):
        for p in pieces:
            if p is not None and p[1] > n:
                return f"the {what} ends at {p[1]}, after the end of the text ({n} characters)"
    return None


def _complete(text: str, a: Attribution) -> Attribution:
    """A gold attribution with its kind derived and its cue's words read when they are missing."""
    if a.kind is None:
        a = attrs.evolve(a, kind=kind_of(text, a.content))
    if a.cue is not None and a.cue_text is None:
        a = attrs.evolve(a, cue_text=text[a.cue[0]:a.cue[1]])
    return a


# ---------------------------------------------------------------- JSON lines and arrays

def _records(path: str | os.PathLike[str], error: type[QuotetraceError]) -> Iterator[tuple[str, Any]]:
    """(where, object) for each line of a JSONL file, each item of a JSON array, or each line of
    standard input (``-``). A line that is not JSON gives ``(where, error)``."""
    name = str(path)
    try:
        if name == "-":
            name, data = "<stdin>", sys.stdin.buffer.read().decode("utf-8-sig", errors="replace")
        else:
            with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
                data = fh.read()
    except OSError as exc:
        raise ReadError(f"{name}: cannot read: {exc.strerror or exc}") from None
    if data.lstrip().startswith("["):
        try:
            items = json.loads(data)
        except ValueError as exc:
            raise error(f"{name}: not a JSON array: {exc}") from None
        for i, obj in enumerate(items):
            yield f"{name}[{i}]", obj
        return
    # split on line feeds only: a JSON string may hold U+2028, which str.splitlines() would cut
    for lineno, line in enumerate(data.split("\n"), 1):
        if not line.strip():
            continue
        try:
            yield f"{name}:{lineno}", json.loads(line)
        except ValueError as exc:
            yield f"{name}:{lineno}", error(f"{name}:{lineno}: not a JSON object: {exc}")


def _article_id(obj: dict, keys: tuple[str, ...]) -> str | None:
    for k in keys:
        if obj.get(k) not in (None, ""):
            return str(obj[k])
    return None


def _gold_from_dict(obj: Any, where: str, errors: list[QuotetraceError]) -> GoldArticle | None:
    if not isinstance(obj, dict):
        errors.append(GoldError(f"{where}: expected an object per article, not {type(obj).__name__}"))
        return None
    art = _article_id(obj, ("id", "article", "doc_id"))
    if art is None:
        errors.append(GoldError(f"{where}: no 'id', 'article' or 'doc_id': the article cannot be "
                                "paired with a prediction; skipped"))
        return None
    text = obj.get("text")
    if not isinstance(text, str):
        errors.append(GoldError(f"{where} ({art}): no 'text': gold articles must carry the text "
                                "their offsets index; skipped"))
        return None
    quotes = obj.get("quotes")
    if not isinstance(quotes, list):
        errors.append(GoldError(f"{where} ({art}): no 'quotes' list (write \"quotes\": [] for an "
                                "article without attributions); skipped"))
        return None
    found = []
    for n, q in enumerate(quotes, 1):
        try:
            a = attribution_from_dict(q)
        except ValueError as exc:
            errors.append(GoldError(f"{where} ({art}), quote {n}: {exc}; skipped"))
            continue
        why = outside(text, a)
        if why:
            errors.append(GoldError(f"{where} ({art}), quote {n}: {why}; skipped"))
            continue
        found.append(_complete(text, a))
    return GoldArticle(id=art, text=text, attributions=tuple(found), where=where)


def _gold_from_extraction(r: Extraction, where: str, errors: list[QuotetraceError]) -> GoldArticle | None:
    if r.error or not r.article.text:
        errors.append(GoldError(f"{where} ({r.article.id}): no text ({r.error or 'empty'}); skipped"))
        return None
    atts = tuple(_complete(r.article.text, attribution_from_quote(q)) for q in r.quotes)
    return GoldArticle(id=r.article.id, text=r.article.text, attributions=atts, where=where)


# ---------------------------------------------------------------- brat standoff

_ROLE = regex.compile(r"^(.*?)\d*$")


def _brat_spans(line: str) -> tuple[str, str, tuple[Piece, ...], str | None]:
    """(id, type, pieces, words) of a text-bound line ``T1<TAB>Content 10 20;30 40<TAB>words``."""
    fields = line.split("\t")
    if len(fields) < 2:
        raise ValueError("expected 'ID<TAB>TYPE START END[;START END]<TAB>TEXT'")
    kind, _, offsets = fields[1].partition(" ")
    pieces = []
    for frag in offsets.split(";"):
        nums = frag.split()
        if len(nums) != 2 or not all(x.isdigit() for x in nums):
            raise ValueError(f"bad offsets {offsets!r}")
        pieces.append(_piece([int(nums[0]), int(nums[1])], "a fragment"))
    return fields[0], kind, tuple(sorted(pieces)), (fields[2] if len(fields) > 2 else None)


def _hull(pieces: tuple[Piece, ...]) -> Piece:
    return pieces[0][0], max(e for _, e in pieces)


def brat_attributions(text: str, ann: str, name: str) -> tuple[list[Attribution], list[QuotetraceError]]:
    """The attribution events of one ``.ann`` file: each event with a ``Content`` argument (and
    optionally ``Source`` and ``Cue``) gives one :class:`Attribution`. A discontinuous content
    keeps its fragments; a discontinuous source or cue is taken whole, from its first fragment to
    its last, as PolNeAR's JSONL does."""
    bound: dict[str, tuple[str, tuple[Piece, ...], str | None]] = {}
    events: list[tuple[int, str, str, list[tuple[str, str]]]] = []
    errors: list[QuotetraceError] = []
    for lineno, line in enumerate(ann.split("\n"), 1):
        line = line.rstrip("\r")
        where = f"{name}:{lineno}"
        if line.startswith("T"):
            try:
                tid, kind, pieces, words = _brat_spans(line)
            except ValueError as exc:
                errors.append(GoldError(f"{where}: {exc}; skipped"))
                continue
            if max(e for _, e in pieces) > len(text):
                errors.append(GoldError(f"{where}: {tid} ends after the end of the text "
                                        f"({len(text)} characters); skipped"))
                continue
            found = " ".join(text[s:e] for s, e in pieces)
            if words is not None and " ".join(found.split()) != " ".join(words.split()):
                errors.append(GoldError(f"{where}: {tid} reads {words[:40]!r} but the text there is "
                                        f"{found[:40]!r}: is the .txt the one annotated? skipped"))
                continue
            bound[tid] = (kind, pieces, words)
        elif line.startswith("E"):
            fields = line.split("\t")
            args = fields[1].split() if len(fields) > 1 else []
            if not args:
                errors.append(GoldError(f"{where}: an event without arguments; skipped"))
                continue
            roles = [tuple(a.split(":", 1)) for a in args[1:] if ":" in a]
            events.append((lineno, fields[0], args[0].partition(":")[0], roles))  # type: ignore[arg-type]
    out = []
    for lineno, eid, etype, roles in events:
        where = f"{name}:{lineno}"
        parts: dict[str, list[tuple[str, tuple[Piece, ...], str | None]]] = {}
        missing = [ref for _, ref in roles if ref not in bound]
        if missing:
            errors.append(GoldError(f"{where}: event {eid} names {', '.join(missing)}, which the file "
                                    "does not define (or which was left out above); skipped"))
            continue
        for role, ref in roles:
            parts.setdefault(_ROLE.match(role).group(1), []).append(bound[ref])
        if "Content" not in parts:
            if etype.startswith("Attribution"):
                errors.append(GoldError(f"{where}: attribution {eid} has no Content; skipped"))
            continue
        content = tuple(sorted(p for _, pieces, _ in parts["Content"] for p in pieces))
        speaker = _hull(parts["Source"][0][1]) if "Source" in parts else None
        cue = cue_text = None
        if "Cue" in parts:
            _, pieces, words = parts["Cue"][0]
            cue, cue_text = _hull(pieces), words
        out.append(_complete(text, Attribution(content=content, speaker=speaker, cue=cue, cue_text=cue_text)))
    return out, errors


def _brat_folder(folder: Path, errors: list[QuotetraceError]) -> Iterator[GoldArticle]:
    anns = sorted(folder.rglob("*.ann"))
    if not anns:
        raise GoldError(f"{folder}: no .ann files: a gold folder holds brat .txt/.ann pairs")
    for ann in anns:
        txt = ann.with_suffix(".txt")
        if not txt.is_file():
            errors.append(GoldError(f"{ann}: no {txt.name} beside it: the offsets index that text; skipped"))
            continue
        try:
            article = read_file(txt)
            notes = ann.read_text(encoding="utf-8-sig")
        except (ReadError, InputError, UnicodeError) as exc:
            errors.append(GoldError(f"{ann}: {exc}; skipped"))
            continue
        atts, errs = brat_attributions(article.text, notes, str(ann))
        errors.extend(errs)
        yield GoldArticle(id=article.id, text=article.text, attributions=tuple(atts), where=str(ann))


# ---------------------------------------------------------------- the two loaders

def _unique(items: Iterable[GoldArticle | Predicted], side: str,
            errors: list[QuotetraceError]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    error = GoldError if side == "GOLD" else PredictionError
    for item in items:
        if item.id in out:
            errors.append(error(f"{item.where}: article {item.id} is already in {side} "
                                f"({out[item.id].where}); the first is kept"))
            continue
        out[item.id] = item
    return out


def load_gold(gold: Any) -> tuple[dict[str, GoldArticle], list[QuotetraceError]]:
    """The annotated articles by id, and the problems met (each a :class:`GoldError`).

    Raises :class:`GoldError` or :class:`~quotetrace.errors.ReadError` when nothing can be read.
    """
    errors: list[QuotetraceError] = []

    def articles() -> Iterator[GoldArticle]:
        if isinstance(gold, (str, os.PathLike)):
            p = Path(gold)
            if p.is_dir():
                yield from _brat_folder(p, errors)
                return
            if not p.exists():
                raise ReadError(f"{p}: no such file or folder")
            for where, obj in _records(p, GoldError):
                if isinstance(obj, QuotetraceError):
                    errors.append(obj)
                elif (a := _gold_from_dict(obj, where, errors)) is not None:
                    yield a
            return
        for i, obj in enumerate(gold):
            where = f"gold[{i}]"
            if isinstance(obj, GoldArticle):
                yield obj
            elif isinstance(obj, Extraction):
                if (a := _gold_from_extraction(obj, where, errors)) is not None:
                    yield a
            elif (a := _gold_from_dict(obj, where, errors)) is not None:
                yield a

    found = _unique(articles(), "GOLD", errors)
    if not found:
        raise GoldError(f"no annotated article could be read from {_name(gold)}"
                        + (f": {errors[0]}" if errors else ""))
    return found, errors


def _predicted_from_dict(obj: Any, where: str, errors: list[QuotetraceError]) -> Predicted | None:
    if not isinstance(obj, dict):
        errors.append(PredictionError(f"{where}: expected an object per article, not {type(obj).__name__}"))
        return None
    art = _article_id(obj, ("article", "id", "doc_id"))
    if art is None:
        errors.append(PredictionError(f"{where}: no 'article': the prediction cannot be paired "
                                      "with a gold article; skipped"))
        return None
    if obj.get("error"):
        errors.append(PredictionError(f"{where} ({art}): the extraction failed ({obj['error']}); "
                                      "its gold attributions count as missed"))
    quotes = obj.get("quotes") or []
    if not isinstance(quotes, list):
        errors.append(PredictionError(f"{where} ({art}): 'quotes' is not a list; skipped"))
        return None
    found = []
    for n, q in enumerate(quotes, 1):
        try:
            found.append(attribution_from_dict(q))
        except ValueError as exc:
            errors.append(PredictionError(f"{where} ({art}), quote {n}: {exc}; skipped"))
    return Predicted(id=art, attributions=tuple(found), where=where)


def load_predicted(predicted: Any) -> tuple[dict[str, Predicted], list[QuotetraceError]]:
    """The predictions by article id, and the problems met (each a :class:`PredictionError`).

    Raises :class:`~quotetrace.errors.ReadError` when the file cannot be read.
    """
    errors: list[QuotetraceError] = []

    def items() -> Iterator[Predicted]:
        if isinstance(predicted, (str, os.PathLike)):
            if str(predicted) != "-" and Path(predicted).is_dir():
                raise ReadError(f"{predicted}: a folder; PRED is the JSONL that `quotetrace extract` writes")
            if str(predicted) != "-" and not Path(predicted).exists():
                raise ReadError(f"{predicted}: no such file")
            for where, obj in _records(predicted, PredictionError):
                if isinstance(obj, QuotetraceError):
                    errors.append(obj)
                elif (p := _predicted_from_dict(obj, where, errors)) is not None:
                    yield p
            return
        for i, obj in enumerate(predicted):
            where = f"predicted[{i}]"
            if isinstance(obj, Predicted):
                yield obj
            elif isinstance(obj, Extraction):
                if obj.error:
                    errors.append(PredictionError(f"{where} ({obj.article.id}): the extraction failed "
                                                  f"({obj.error}); its gold attributions count as missed"))
                yield Predicted(id=obj.article.id, where=where,
                                attributions=tuple(attribution_from_quote(q) for q in obj.quotes))
            elif (p := _predicted_from_dict(obj, where, errors)) is not None:
                yield p

    return _unique(items(), "PRED", errors), errors


def _name(source: Any) -> str:
    return str(source) if isinstance(source, (str, os.PathLike)) else "the gold given"
