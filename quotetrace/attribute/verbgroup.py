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
from ..text.lexicon import inflected_cue
from ..text.words import ADVERBS, KEEPS_ON, MODAL_NAMES, PERCEIVED, PRONOUNS, VERB_AUXILIARIES, leads_ing_cue

_AUX = VERB_AUXILIARIES
_ADV = ADVERBS | {"not", "also", "never", "still", "just", "even", "always", "long"}
_NEGATED = frozenset(a + "n" + q + "t" for a in ("has", "have", "had", "is", "are", "was", "were", "would", "could",
                                                    "should", "did", "does", "do", "must") for q in "’'")
_CATENATIVE = frozenset("continued continues continue proceeded began begins".split())
_GO = frozenset("went go goes going gone".split())
_WORD_RE = regex.compile(r"[\w’'-]+")
_LOOK_BACK = 60
# the words that may stand just before a cue in its verb group
_FIRST_WORDS = _AUX | _ADV | _NEGATED | {"to"}
_CONTRACTED_RE = regex.compile(r"(?:%s)([’'](?:s|re|ve|ll|d))" % "|".join(sorted(PRONOUNS)))


def _words_before(text: str, end: int) -> list[tuple[int, str]]:
    """The words on the same line just before ``end``, last first, with their starts; empty if
    anything but spaces separates them."""
    lo = max(0, end - _LOOK_BACK)
    line = text.rfind("\n", lo, end)
    lo = line + 1 if line >= 0 else lo
    out = []
    pos = end
    for m in reversed(list(_WORD_RE.finditer(text, lo, end))):
        if text[m.end():pos].strip(" \t\u00a0"):
            break  # punctuation between: the verb group ends here
        out.append((m.start(), m.group().lower()))
        pos = m.start()
    return out


def widen(text: str, cue: Span) -> Span:
    """The verb group of the cue verb at ``cue``; other cues (``according to``, a dash) as they are."""
    word = text[cue.start:cue.end]
    if not word[:1].islower() or not word[:1].isalpha() or word.startswith("according"):
        return cue
    start = cue.start
    # most cues stand after a name or a noun: look at the one word before first
    k = start - 1
    while k >= 0 and text[k] in " \t\u00a0":
        k -= 1
    j = k
    while j >= 0 and (text[j].isalnum() or text[j] in "’'-"):
        j -= 1
    last = text[j + 1:k + 1].lower()
    if last in MODAL_NAMES and text[j + 1:j + 2].isupper() and inflected_cue(word):
        last = ""  # "Theresa May said": a name, since no modal stands before "said"
    doing = word.lower().endswith("ing") and (last in KEEPS_ON or last in PERCEIVED)
    if not doing and last not in _FIRST_WORDS and not last.endswith("ly") and not _CONTRACTED_RE.fullmatch(last):
        return Span(start, cue.end + 1 if text[cue.end:cue.end + 1] == ":" else cue.end)
    before = _words_before(text, start)
    k = 0
    if doing and before and leads_ing_cue(last, before[1][1] if len(before) > 1 else ""):
        start, k = before[0][0], 1  # "kept saying", "was heard saying", "can be seen telling"
        if last in PERCEIVED and before[1][1] not in _AUX:
            start, k = before[1][0], 2  # "be", "been": the modal or "has" before it comes next
    # "went on to say", "continued to say"
    if len(before) >= 2 and before[0][1] == "to":
        if before[1][1] in _CATENATIVE:
            start, k = before[1][0], 2
        elif before[1][1] == "on" and len(before) >= 3 and before[2][1] in _GO:
            start, k = before[2][0], 3
    # "has (also repeatedly) said", "did not say", "didn’t say"
    j = k
    while j < len(before) and (before[j][1] in _ADV or before[j][1].endswith("ly")):
        j += 1
    if j < len(before) and (before[j][1] in _AUX or before[j][1] in _NEGATED):
        start = before[j][0]
    elif j < len(before) and _CONTRACTED_RE.fullmatch(before[j][1]):
        # "he’s claiming": the auxiliary is the contraction's second half
        start = before[j][0] + _CONTRACTED_RE.fullmatch(before[j][1]).start(1)
    end = cue.end
    if text[end:end + 1] == ":":
        end += 1
    return Span(start, end)
