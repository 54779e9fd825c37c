"""Relayed quotations: ``The paper quoted Ines Ruiz as saying “…”`` and ``Ruiz was quoted (by
the paper) as saying …`` are Ruiz's words; the outlet that quotes her is the channel, not the
speaker. The cue is ``quoted`` (``quoted as saying`` when nothing stands between them).

Notes:
    PARC 3.0 and PolNeAR annotate the outlet as the source of ``quoted X as saying`` and nest X's
    statement inside; the speaker a reader (and a quote tracer) needs is X, so that is the one
    reported here (Pareti 2016 discusses the nesting).
"""

from __future__ import annotations

from . import Candidate
from ..model import Span
from ..text.lexicon import lemma_of
from ..text.words import OBJECT_PRONOUNS
from .content import pre_content
from .frame import Cue, Frame, Reading, Rule
from .mentions import left_np, right_np, skip_adverbials_left, through_descriptions
from .passive import BE_FORMS
from .sentence import CueSentence, span_of

RELAYED = Rule("relayed", 0.85)

# the verb of the relayed words: "as saying", "as telling", "as writing"
_INNER = frozenset("saying telling writing stating adding warning declaring describing calling".split())


def _inner_verb(s: CueSentence, k: int) -> int | None:
    """Index of ``saying`` in ``as saying`` / ``saying`` at ``k``."""
    if s.low(k) == "as" and s.low(k + 1) in _INNER:
        return k + 1
    if s.low(k) in _INNER:
        return k
    return None


def relayed(s: CueSentence, i: int, passive: bool) -> tuple[Span, tuple[int, int], int] | None:
    """(cue, speaker token range, index of the inner verb) of a relayed quotation whose ``quoted``
    is token ``i``, or None. The content is what the inner verb reports."""
    if passive:
        k = i + 1
        if s.low(k) == "by":  # "was quoted by the paper as saying": the paper is the channel
            channel = right_np(s, k + 1)
            if channel is None:
                return None
            k = channel[1] + 1
            while s.low(k) == ",":
                k += 1
        inner = _inner_verb(s, k)
        if inner is None:
            return None
        aux = skip_adverbials_left(s, i - 1, 0)
        speaker = left_np(s, aux + 1) if aux >= 0 else None
        if speaker is None:
            return None
        cue = span_of(s, i, inner) if k == i + 1 else span_of(s, i, i)
        return cue, speaker, inner
    np = (i + 1, i + 1) if s.low(i + 1) in OBJECT_PRONOUNS else right_np(s, i + 1)
    if np is None:
        return None
    end = through_descriptions(s, np[1])
    k = end + 1
    while s.low(k) == ",":
        k += 1
    inner = _inner_verb(s, k)
    if inner is None:
        # "quoted her saying": a pronoun object right before the participle
        if s.low(np[1] + 1) in _INNER:
            end, inner = np[1], np[1] + 1
        else:
            return None
    return span_of(s, i, i), (np[0], end if s.low(end) != "," else end - 1), inner


def relayed_frame(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The ``relayed`` frame at a ``quoted`` cue: the relayed speaker speaks, and the inner verb
    (``saying``) is read by no other frame."""
    if cue.lemma != "quote":
        return None
    found = relayed(s, cue.i, s.low(s.before_adverbs(cue.i)) in BE_FORMS)
    if found is None:
        return None
    span, who, inner = found
    content = pre_content(s, inner, inner, lemma_of(s.low(inner)) or "say", reading.cues)
    if content is None:
        return None
    reading.skip.add(inner)
    reading.spoke(who)
    return Candidate(cue=span, content=(content,), speaker=span_of(s, *who), rule=RELAYED)


RELAYED_FRAME = Frame("relayed", "cue", (RELAYED,), relayed_frame)
