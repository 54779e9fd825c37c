"""Sentences that open with their cue: ``Said Ellis: “…”`` and ``Asked whether …, she said …``.

A cue at the sentence's first word has no subject before it, so neither ``post`` nor ``pre``
reads it; this frame claims it, found or not."""

from __future__ import annotations

from . import Candidate
from ..text.words import ADVERBS
from .content import end_of_content
from .frame import Cue, Frame, Reading
from .mentions import right_np
from .passive import PASSIVE
from .postposed import POST_INVERTED
from .sentence import CueSentence, span_of, trim_content


def opening(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The attribution of a sentence whose first word is the cue."""
    return asked_first(s) if s.low(cue.i) == "asked" else said_first(s, cue.end, reading.cues)


def asked_first(s: CueSentence) -> Candidate | None:
    """``Asked whether …, she said …``, ``Asked by the host about …, he …``: the question is the
    content of "Asked"; its asker, when named, is the speaker. The clause ends at the first comma."""
    k = 1
    while s.low(k) in ADVERBS or s.low(k).endswith("ly"):
        k += 1
    speaker = None
    if s.low(k) == "by":
        speaker = right_np(s, k + 1)
        if speaker is None:
            return None
        k = speaker[1] + 1
    cue_end = 0
    if s.low(k) == "about":
        cue_end = k if k == 1 else 0
        k += 1
    elif s.low(k) not in ("whether", "if", "what", "why", "how", "who", "when", "where", "which", "to", "on", "in"):
        return None
    end = next((x for x in range(k, s.n) if s.low(x) == "," and not s.inq[x]), None)
    if end is None or end <= k:
        return None
    content = trim_content(s.text, s.toks[k].start, s.toks[end - 1].end)
    if content is None:
        return None
    return Candidate(cue=span_of(s, 0, cue_end), content=(content,),
                     speaker=span_of(s, *speaker) if speaker else None, rule=PASSIVE)


def said_first(s: CueSentence, cue_end: int, cues: dict[int, str]) -> Candidate | None:
    """``Said Ellis: “…”``: a sentence that opens with its cue."""
    np = right_np(s, cue_end + 1)
    if np is None or s.low(np[1] + 1) not in (":", ","):
        return None
    k = np[1] + 2
    if k >= len(s):
        return None
    content = trim_content(s.text, s.toks[k].start, end_of_content(s, k, cues))
    if content is None:
        return None
    return Candidate(cue=span_of(s, 0, cue_end), content=(content,), speaker=span_of(s, *np), rule=POST_INVERTED)


OPENING_FRAME = Frame("opening", "cue", (POST_INVERTED, PASSIVE), opening, claims=lambda s, cue, reading: cue.i == 0)
