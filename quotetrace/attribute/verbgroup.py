"""A cue verb as its verb group: ``has said``, ``would not say``, ``went on to say``, ``said:``.

The frames find the reporting verb; the cue the output reports is the verb group around it: the
auxiliaries before it (with the adverbs between them: ``has also repeatedly said``), a catenative
``went on to``, and a colon right after it, which is what joins a cue to the quotation it
introduces (``she said: “…”``). An adverb with no auxiliary before it (``also said``) stays
outside: it modifies the clause, not the verb group.

Notes:
    The verb group (auxiliaries + main verb) is the cue unit of PARC 3.0 and PolNeAR (Pareti
    2016, Newell et al. 2018), whose annotators include the auxiliaries in 99% of cases.
"""

from __future__ import annotations

import regex

from ..model import Span
from ..text.words import ADVERBS

_AUX = "has|have|had|is|are|was|were|will|would|could|can|may|might|should|must|did|does|do|shall"
_ADV = "|".join(sorted(ADVERBS | {"not", "also", "never", "still", "just", "even", "always", "long"}, key=len,
                       reverse=True))
# "has (also repeatedly) ", "did not ", "didn’t " just before the verb, on the same line
_BEFORE_RE = regex.compile(r"\b(?:%s)(?:n[’']t)?(?:[ \t\u00a0]+(?:%s|\w+ly))*[ \t\u00a0]+\Z" % (_AUX, _ADV),
                           regex.I)
_CATENATIVE_RE = regex.compile(
    r"\b(?:(?:went|go|goes|going|gone)[ \t\u00a0]+on|continued|continues|continue|proceeded|began|begins)"
    r"[ \t\u00a0]+to[ \t\u00a0]+\Z", regex.I)
_LOOK_BACK = 60


def widen(text: str, cue: Span) -> Span:
    """The verb group of the cue verb at ``cue``; other cues (``according to``, a dash) as they are."""
    word = text[cue.start:cue.end]
    if not word[:1].islower() or not word[:1].isalpha() or word.startswith("according"):
        return cue
    start = cue.start
    lo = max(0, start - _LOOK_BACK)
    m = _CATENATIVE_RE.search(text, lo, start)
    if m:
        start = m.start()
    m = _BEFORE_RE.search(text, lo, start)
    if m:
        start = m.start()
    end = cue.end
    if text[end:end + 1] == ":":
        end += 1
    return Span(start, end)
