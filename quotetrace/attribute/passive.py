"""Passive cues: ``has been described as …`` (no speaker), ``was described by X as …``,
``was called “…” by X``, ``it was reported that …``, and the appositive ``The scheme, described
by X as …``."""

from __future__ import annotations

from . import Candidate
from ..text.words import BE_FORMS
from .content import end_of_content
from .frame import Cue, Frame, Reading, Rule
from .mentions import right_np
from .sentence import CLOSE_MARKS, CueSentence, OPEN_MARKS, closing, span_of, titled, trim_content

PASSIVE = Rule("passive", 0.7)



# What opens the content of a passive cue: "was asked by the host whether …", "was told that …"
_PASSIVE_CONTENT = frozenset("that whether if how why what when where who to".split())


def passive(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """``described as …`` (no speaker), ``described by X as …``, ``it was reported that …``."""
    i, cue_end, cues = cue.i, cue.end, reading.cues
    subject = _quoted_subject(s, i, cue_end)
    if subject is not None:
        return subject
    k = cue_end + 1
    speaker = None
    if s.low(k) == "by":
        np = right_np(s, k + 1)
        if np is None:
            return None
        speaker = np
        k = np[1] + 1
    marked_first = False
    if s.low(k) == "as":
        k += 1
    elif speaker is None and s.low(k) != "that":
        if k >= len(s) or s.toks[k].text not in OPEN_MARKS or (c := closing(s, k)) is None or titled(s, k, c):
            return None  # "was called “Harbour Two”": a name
        marked_first = True  # "was called “a disaster” by Doe": only with the agent after it
    elif speaker is not None and (k >= len(s) or s.low(k) not in _PASSIVE_CONTENT and s.toks[k].text not in OPEN_MARKS):
        return None  # "lines to be uttered by the father, played by …": the content is elsewhere
    if k >= len(s):
        return None
    end = end_of_content(s, k, cues)
    if s.low(i - 1) == ",":
        # "The scheme, described by prosecutors as “brazen,” ran for years": the description
        # ends with the appositive
        j = k
        while j < len(s) and (s.inq[j] or s.low(j) != ",") \
                and not (s.toks[j].text in CLOSE_MARKS and s.low(j - 1) == ","):
            j += 1
        if j < len(s):
            end = min(end, s.toks[j].end if s.toks[j].text in CLOSE_MARKS else s.toks[j].start)
    if speaker is None:
        # the agent after the quotation: "has been called “strategic ambiguity” by Doe"
        by = next((b for b in range(k + 1, len(s)) if s.toks[b].start < end and s.low(b) == "by"
                   and not s.inq[b] and s.toks[b - 1].text in CLOSE_MARKS), None)
        if by is not None:
            speaker = right_np(s, by + 1)
            if speaker is not None:
                end = s.toks[by - 1].end
    if marked_first and speaker is None:
        return None
    content = trim_content(s.text, s.toks[k].start, end)
    if content is None:
        return None
    return Candidate(cue=span_of(s, i, cue_end), content=(content,),
                     speaker=span_of(s, *speaker) if speaker else None, rule=PASSIVE)


#: what may stand between a passive cue and "by": "was uttered once, by Doe"
_BEFORE_AGENT = frozenset(("once", "twice", "only", "first", "again", ","))
#: agents that name no one ("was uttered by nobody")
_NO_ONE = frozenset("nobody no none anyone anybody".split())
#: where or when after the agent
_AFTER_AGENT = frozenset("at in on during after before while when".split())


def _quoted_subject(s: CueSentence, i: int, cue_end: int) -> Candidate | None:
    """``The phrase “harbour tax” was spoken once, by Doe``: a quotation that is the subject of
    the passive cue is the agent's. Not a title in marks (“Hamlet” was written by …)."""
    c = s.before_adverbs(i) - 1  # the closing mark before "was"
    if c < 2 or s.low(c + 1) not in BE_FORMS or s.toks[c].text not in CLOSE_MARKS or not s.inq[c - 1]:
        return None
    o = c - 1
    while o > 0 and s.inq[o]:
        o -= 1
    if s.toks[o].text not in OPEN_MARKS or titled(s, o, c):
        return None
    k = cue_end + 1
    while k < min(s.n, cue_end + 4) and s.low(k) in _BEFORE_AGENT:
        k += 1
    np = right_np(s, k + 1) if s.low(k) == "by" else None
    if np is None or s.low(np[0]) in _NO_ONE:
        return None
    # the agent, not where or when it spoke ("by the mayor at the start")
    np = (np[0], next((x - 1 for x in range(np[0] + 1, np[1] + 1) if s.low(x) in _AFTER_AGENT), np[1]))
    content = trim_content(s.text, s.toks[o].start, s.toks[c].end)
    if content is None:
        return None
    return Candidate(cue=span_of(s, i, cue_end), content=(content,), speaker=span_of(s, *np), rule=PASSIVE)


def is_passive(s: CueSentence, cue: Cue, reading: Reading) -> bool:
    """Whether the cue is a passive participle after a form of "be" or before "by" in an
    appositive: then only this frame reads it."""
    low = s.low(cue.i)
    if cue.kind != "speech" or not (low.endswith("ed") or low in ("told", "said", "written", "spoken")):
        return False
    j = s.before_adverbs(cue.i)
    return s.low(j) in BE_FORMS or (s.low(j) == "," and s.low(cue.end + 1) == "by")


PASSIVE_FRAME = Frame("passive", "cue", (PASSIVE,), passive, claims=is_passive)
