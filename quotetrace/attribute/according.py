"""``according to X, …`` and ``…, according to X``: the phrase names the source; the content is
the clause it qualifies, before or after it."""

from __future__ import annotations

from . import Candidate
from .content import end_of_content, starts_new_attribution
from .frame import Cue, Frame, Reading, Rule
from .knobs import ACCORDING_SOURCE_REACH
from .mentions import right_np
from ..text.words import PREPOSITIONS, cue_kind, only_when
from .sentence import CueSentence, OPEN_MARKS, span_of, trim_content

ACCORDING = Rule("according", 0.85)


def according(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """``according to X, …`` and ``…, according to X``."""
    i = cue.i
    reading.skip.add(i + 1)
    np = right_np(s, i + 2)
    if np is None:
        # "according to early returns", "according to one global index": whatever follows is
        # the source, up to the punctuation that ends it
        b = i + 2
        while b < s.n and b - i < ACCORDING_SOURCE_REACH and s.low(b) not in _SOURCE_ENDS \
                and (not s.inq[b] or s.toks[b - 1].text in OPEN_MARKS or s.inq[b - 1]):
            b += 1
        if b == i + 2 or not any(s.is_word(k) for k in range(i + 2, b)):
            return None
        np = (i + 2, b - 1)
    extended = False
    if np != (found := _with_its_maker(s, i, np)):
        np, extended = found, True
    after = np[1] + 1  # the punctuation after the whole source, before a time phrase is cut off
    np = _without_time(s, np)
    phrase = span_of(s, i, i + 1)
    text = s.text
    pieces = []
    before_end = i - 1
    while before_end >= 0 and s.low(before_end) in (",", "—", "–", "(") and not s.inq[before_end]:
        before_end -= 1
    floor = reading.according_floor
    if before_end >= 0 and s.toks[before_end].end > floor:
        head = trim_content(text, max(s.span.start, floor), s.toks[before_end].end)
        if head:
            pieces.append(head)
    # ("According to the Ledger: “…”": a colon before a quotation hands it on too)
    colon = after + 1 < len(s) and s.low(after) == ":" and s.toks[after + 1].text in OPEN_MARKS
    if after < len(s) and (s.low(after) in (",", "—", "–", ")") or colon) and not starts_new_attribution(s, after + 1) \
            and not (extended and pieces):
        # (after a clause, "…, according to a study by Roe, a former aide, …": what follows the
        # source's maker describes the maker)
        # "According to X, “…,” presumably meaning …": a participle after the quotation ends it
        tail = trim_content(text, s.toks[after].end, end_of_content(s, after + 1, _according_cues(reading)))
        if tail:
            pieces.append(tail)
    if not pieces:
        return None
    speaker = span_of(s, *np)
    reading.according_floor = s.toks[after - 1].end
    return Candidate(cue=phrase, content=tuple(pieces), speaker=speaker, rule=ACCORDING)


_SOURCE_ENDS = frozenset((",", ".", ";", ":", ")", "—", "–", "?", "!"))
# words that hand the source's noun phrase on to who made it: "a study by …", "figures released by …"
_MAKER_LINKS = frozenset("by from released published conducted commissioned compiled issued".split())


def _with_its_maker(s: CueSentence, i: int, np: tuple[int, int]) -> tuple[int, int]:
    """``according to a 2013 study by two economists, …``: the source runs on past a phrase that
    names who made it, up to the punctuation that ends it. Without that punctuation within
    reach, or with a clause or a quotation on the way ("a study by Roe that found …"), the noun
    phrase stays as it was."""
    b = np[1] + 1
    if b >= s.n or s.low(b) not in _MAKER_LINKS:
        return np
    while b < s.n and b - i < ACCORDING_SOURCE_REACH and s.low(b) not in _SOURCE_ENDS:
        if s.inq[b] or s.toks[b].text in OPEN_MARKS or cue_kind(s.low(b)) \
                or (s.low(b) in ("that", "which", "who", "and") and not s.is_cap(b + 1)):
            return np
        b += 1
    return (np[0], b - 1) if b < s.n and s.low(b) in _SOURCE_ENDS else np


def _without_time(s: CueSentence, np: tuple[int, int]) -> tuple[int, int]:
    """The source without a time phrase at its end: in "figures released by the ministry on
    Monday" the ministry, not Monday, is who speaks."""
    for k in range(np[0] + 1, np[1] + 1):
        if only_when(s.text[s.toks[k].start:s.toks[np[1]].end]):
            end = k - 1  # ("a poll released Thursday", "a poll conducted in May": the participle goes too)
            while end > np[0] and (s.low(end) in PREPOSITIONS or s.low(end) in _MAKER_LINKS):
                end -= 1
            return np[0], end
    return np


def _according_cues(reading: Reading) -> dict[int, str]:
    """The sentence's ``according to`` cues, one dict per sentence: content after one stops at
    the next, and :func:`.content.end_of_content` remembers its stops per dict."""
    if reading.according_cues is None:
        reading.according_cues = {k: v for k, v in reading.cues.items() if v == "according"}
    return reading.according_cues


ACCORDING_FRAME = Frame("according", "cue", (ACCORDING,), according,
                        claims=lambda s, cue, reading: cue.kind == "according")
