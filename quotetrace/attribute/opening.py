"""Sentences that open with their cue: ``Said Ellis: “…”``, ``Asked whether …, she said …`` and
``Noting that the plan was “a mess,” Doe voted no``.

A cue at the sentence's first word has no subject before it, so neither ``post`` nor ``pre``
reads it; this frame claims it, found or not."""

from __future__ import annotations

from . import Candidate
from ..text.words import ADVERBS
from .content import end_of_content
from .frame import Cue, Frame, Reading
from .mentions import opens_verb, right_np, subject
from .passive import PASSIVE
from .postposed import POST_INVERTED
from .preposed import CARRIED
from .sentence import CueSentence, quoting_clause_end, span_of, trim_content


def opening(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The attribution of a sentence whose first word is the cue."""
    if s.low(cue.i) == "asked":
        return asked_first(s)
    if s.low(cue.i).endswith("ing"):
        return participle_first(s, cue.end)
    return said_first(s, cue.i, cue.end, reading.cues)


# words that may stand between the opening clause's comma and the main clause's subject
_BETWEEN = frozenset("though however then also still".split())


def participle_first(s: CueSentence, cue_end: int) -> Candidate | None:
    """``Noting that the plan was “a mess,” Doe voted no``, ``Calling the deal “a fraud,” the
    board …``: a participle clause that opens the sentence and holds a quotation; the subject of
    the clause after it speaks, as after ``…, saying``. Without a quotation the clause is often a
    reason, not a statement (``Citing costs, the board …``), and is left alone."""
    end = quoting_clause_end(s, cue_end + 1)
    if end is None:
        return None
    k = end + 1
    while k < s.n and (s.low(k) == "," or s.low(k) in _BETWEEN):
        k += 1
    np = subject(s, s.n, k)
    if np is None or np[0] != k or not opens_verb(s, np[1] + 1):
        return None  # "…, the former vice president": a subject cut short is no speaker
    first = cue_end + 1 + (s.low(cue_end + 1) == "that")
    if first > end:
        return None
    content = trim_content(s.text, s.toks[first].start, s.toks[end - (s.low(end) == ",")].end)
    if content is None:
        return None
    return Candidate(cue=span_of(s, 0, cue_end), content=(content,), speaker=span_of(s, *np), rule=CARRIED)


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


def said_first(s: CueSentence, cue_start: int, cue_end: int, cues: dict[int, str]) -> Candidate | None:
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
    return Candidate(cue=span_of(s, cue_start, cue_end), content=(content,), speaker=span_of(s, *np), rule=POST_INVERTED)


def _opens(s: CueSentence, cue: Cue, reading: Reading) -> bool:
    """Whether the cue opens its sentence, alone or after a conjunction and its comma ("But,
    said Vale, “…”")."""
    return cue.i == 0 or (cue.i == 2 and s.low(0) in ("but", "and", "yet", "still") and s.low(1) == ","
                          and s.low(2) in ("said", "says", "added", "adds"))


OPENING_FRAME = Frame("opening", "cue", (POST_INVERTED, PASSIVE, CARRIED), opening, claims=_opens)
