"""Quotations and embedded posts signed after a dash: ``“…” ― Jane Doe`` and
``… pic.twitter.com/x — Jane Doe (@jdoe) April 25, 2025``; and quotations set between dashes
right after a name: ``…, including Jane Doe -- “…” -- and …``."""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..analyze import Analysis
from . import Candidate
from ..model import Span
from ..marks import Marked
from ..text.words import PREPOSITIONS, reads_as_title
from .frame import Rule
from .knobs import SIGNATURE_TAIL

SIGNED = Rule("signed", 0.9)
APPOSED = Rule("apposed", 0.8)

#: name suffixes whose period is theirs
_SUFFIXES = frozenset(("Jr.", "Sr."))

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

# "… pic.twitter.com/x — Jane Doe (@jdoe) April 25, 2025" and "“…” ― Jane Doe": a signature
_SIGNATURE_RE = regex.compile(
    r"(?P<link>\s*pic\.twitter\.com/\S+)?\s*(?P<dash>[—―–-])\s*"
    r"(?P<name>\p{Lu}[\w.’'\-]*(?:[ \u00a0]+[\p{Lu}\w][\w.’'\-]*){0,5}(?:[ \u00a0]*\(@\w+\))?)"
    r"(?P<date>[ \u00a0]+(?:%s)[ \u00a0]+\d{1,2},[ \u00a0]+\d{4})?[\s.]*\Z" % _MONTHS)

# a signature line of its own after a quotation paragraph, with a description after its comma:
# "- Jane Doe, Springfield.", "- Mayor Jane Doe, speaking after the vote."
_SIGNATURE_LINE_RE = regex.compile(
    r"\s*(?P<dash>[—―–-])\s*(?P<name>\p{Lu}[\w.’'\-]*(?:[ \u00a0]+\p{Lu}[\w.’'\-]*){0,4}),[ \u00a0]+"
    r"[^\n“”\"]{1,80}\Z")


def find_signed(text: str, analysis: Analysis, marked: Sequence[Marked]) -> list[Candidate]:
    """Quotations and embedded posts signed after a dash at the end of their paragraph; the
    dash is their cue."""
    out: list[Candidate] = []
    ends = {m.close: m for m in marked if m.close >= 0}
    paras = analysis.paragraphs
    for k, p in enumerate(paras):
        tail_from = max(p.start, p.end - SIGNATURE_TAIL)
        m = _SIGNATURE_RE.search(text, tail_from, p.end)
        if m is None:
            line = _SIGNATURE_LINE_RE.match(text, p.start, p.end) if k > 0 else None
            quote = _whole_paragraph_quote(text, paras[k - 1], ends) if line else None
            if line and quote is not None:
                out.append(Candidate(cue=Span(line.start("dash"), line.end("dash")), content=quote.pieces,
                                     speaker=Span(line.start("name"), line.end("name")), rule=SIGNED))
            continue
        name = Span(m.start("name"), m.end("name"))
        last = text[name.start:name.end].split()[-1]
        if last.endswith(".") and len(last) > 3 and last not in _SUFFIXES:
            name = Span(name.start, name.end - 1)  # "- Jane Doe." ends its line: the period is no name's
        dash = Span(m.start("dash"), m.end("dash"))  # PolNeAR takes the dash as the cue
        before = m.start()
        while before > p.start and text[before - 1].isspace():
            before -= 1
        quote = ends.get(before - 1)
        if quote is None and before == p.start and k > 0:
            # "“…”" ending one paragraph and "- Jane Doe." the next, alone: a signature line
            quote = _whole_paragraph_quote(text, paras[k - 1], ends)
        if quote is not None:
            out.append(Candidate(cue=dash, content=quote.pieces, speaker=name, rule=SIGNED))
        elif m.group("link") or "(@" in m.group("name"):
            start = p.start
            while start < before and not text[start].isalnum():
                start += 1  # an emoji or a bullet before the post
            pieces = [Span(start, before)] if before > start else []
            if k > 0 and text[p.start] in "-–—" or text[start:start + 1].islower():
                prev = paras[k - 1]
                s0 = prev.start
                while s0 < prev.end and not text[s0].isalnum():
                    s0 += 1
                pieces.insert(0, Span(s0, prev.end))
            if pieces:
                out.append(Candidate(cue=dash, content=tuple(pieces), speaker=name, rule=SIGNED))
    return out


def _whole_paragraph_quote(text: str, para: Span, ends: dict[int, Marked]) -> Marked | None:
    """The quotation that fills paragraph ``para`` from its first mark to its last, or None."""
    end = para.end
    while end > para.start and text[end - 1].isspace():
        end -= 1
    quote = ends.get(end - 1)
    if quote is None or not quote.pieces or any(not ch.isspace() for ch in text[para.start:quote.opens[0]]):
        return None
    return quote


# a name, then a dash, right before a quotation's opening mark: "the former mayor Jane Doe -- “"
_NAME_DASH_RE = regex.compile(
    r"(?P<before>[\p{Ll}][\w’'-]*)[ \u00a0]+(?P<name>\p{Lu}[\w.’'-]*(?:[ \u00a0]+\p{Lu}[\w.’'-]*){0,3})"
    r"[ \u00a0]*(?P<dash>--|[—―–])[ \u00a0]*\Z")
# a dash right after a quotation's closing mark
_DASH_AFTER_RE = regex.compile(r"[ \u00a0]*(?:--|[—―–])")


def find_apposed(text: str, marked: Sequence[Marked]) -> list[Candidate]:
    """Quotations set between dashes right after a name: ``including the former mayor Jane Doe
    -- “…” -- and Tom Roe``. The quotation stands beside the name as an apposition: it is what
    she said, whatever verb the sentence reports for the group she is named in. A name after a
    preposition is a place or a date (``voters in Marlow -- “the heartland” --``), and words in
    title case are a title, not speech; neither is read. ``text`` is the text the rules read,
    where two apostrophes typed for a double mark are one mark already (``… Doe -- "…" --``)."""
    out: list[Candidate] = []
    for m in marked:
        if len(m.pieces) != 1 or m.close < 0 or _DASH_AFTER_RE.match(text, m.close + 1) is None:
            continue
        o = m.opens[0]
        hit = _NAME_DASH_RE.search(text, max(0, o - 120), o)
        if hit is None or hit.group("before").lower() in PREPOSITIONS:
            continue
        if reads_as_title(m.pieces[0].of(text).split()):
            continue
        out.append(Candidate(cue=Span(hit.start("dash"), hit.end("dash")), content=m.pieces,
                             speaker=Span(hit.start("name"), hit.end("name")), rule=APPOSED))
    return out
