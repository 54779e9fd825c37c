"""``Doe’s claim that there were “thousands of shootings”``: a statement named by a noun, whose
speaker is the name that owns it. Read only where the clause after the noun holds a quotation in
marks: the words are then someone's, and the possessive says whose."""

from __future__ import annotations

from . import Candidate
from ..text.lexicon import COPULAR_NOUNS, NOMINAL_NOUNS, is_possessive
from ..text.words import TIME_WORDS
from .frame import Cue, Frame, Reading, Rule
from .knobs import NOMINAL_REACH
from .sentence import CLAUSE_BREAKS, OPEN_MARKS, CueSentence, closing, opens_quotation, span_of, trim_content

NOMINAL = Rule("nominal", 0.7)

#: possessive pronouns whose statement a noun may name ("her remark that …"): the pronoun speaks
_POSSESSIVE_PRONOUNS = frozenset("his her their its".split())


#: the most adjectives between a possessive and the statement's noun
_ADJECTIVES = 2
#: words that end such a run: no adjective
_NOT_ADJECTIVES = frozenset("and or but the a an of to in on at for with by that this".split())

#: prepositions of the occasion between a statement's noun and its "that" ("her assertion during
#: the debate that …", "his remark at a rally that …")
_OCCASION = frozenset(("during", "at", "in"))
#: the longest such phrase, in words
_OCCASION_WORDS = 5


def _that_after(s: CueSentence, i: int) -> int | None:
    """The "that" after a statement's noun at ``i``, right after it, after a day ("his comment
    Monday that …") or after a short phrase of the occasion ("her assertion during the debate
    that …")."""
    k = i + 1 + (s.low(i + 1) in TIME_WORDS)
    if s.low(k) in _OCCASION:
        m = k + 1
        while m < min(s.n, k + 1 + _OCCASION_WORDS) and s.is_word(m) and not s.inq[m] and s.low(m) != "that":
            m += 1
        if m > k + 1 and s.low(m) == "that":
            k = m
    return k if s.low(k) == "that" and not s.inq[k] else None


def _owner_at(s: CueSentence, i: int) -> int | None:
    """The possessive before the statement's noun at ``i``, past up to two adjectives ("its
    hyperbolic prediction", "Doe's earlier claim"), or None."""
    k = i - 1
    while k >= i - _ADJECTIVES - 1 and k >= 0:
        low = s.low(k)
        if not s.inq[k] and (s.is_cap(k) and is_possessive(low) or low in _POSSESSIVE_PRONOUNS):
            return k
        if s.inq[k] or not s.is_word(k) or s.is_cap(k) or low in _NOT_ADJECTIVES:
            return None
        k -= 1
    return None


_WAS = frozenset(("was", "is", "were"))
#: the longest bracket passed between the noun and "was", in tokens
_BRACKET = 16
#: the most words between a statement's noun and its "was" ("Doe’s dictum to his interns was")
_BEFORE_WAS = 6


def _quoted_after_was(s: CueSentence, i: int) -> int | None:
    """The opening mark of the quotation that a statement's noun at ``i`` is ("Doe’s response
    was: “…”", "Doe’s dictum to his interns (repeated for years) was, “…”"): "was" within a few
    words, past a phrase in brackets, then the quotation, after a comma or a colon."""
    k, words = i + 1, 0
    while k < s.n and not s.inq[k]:
        if s.low(k) == "(":  # a bracket is passed whole, a short one
            k = next((x for x in range(k + 1, min(s.n, k + _BRACKET)) if s.low(x) == ")"), s.n) + 1
            continue
        if s.low(k) in _WAS:
            break
        if not s.is_word(k) or words >= _BEFORE_WAS:
            return None
        words += 1
        k += 1
    else:
        return None
    # a comma or a colon: "was “false”" judges a statement, "was: “…”" gives it
    o = k + 2
    return o if s.low(k + 1) in (",", ":") and o < s.n and opens_quotation(s, o) \
        and closing(s, o) is not None else None


def is_nominal(s: CueSentence, i: int) -> bool:
    """Whether token ``i`` names a statement after a name's (or a pronoun's) possessive and before
    "that", or before "was" and a quotation (``COPULAR_NOUNS`` too)."""
    low = s.low(i)
    if s.inq[i] or low not in NOMINAL_NOUNS and low not in COPULAR_NOUNS or _owner_at(s, i) is None:
        return False
    return _that_after(s, i) is not None if low in NOMINAL_NOUNS else _quoted_after_was(s, i) is not None


def _possessor(s: CueSentence, k: int) -> tuple[int, int]:
    """The name whose possessive is token ``k``: the capitalised words before it too (a pronoun
    alone)."""
    a = k
    while a > 0 and s.low(k) not in _POSSESSIVE_PRONOUNS and s.is_cap(a - 1) and not s.inq[a - 1] \
            and not is_possessive(s.low(a - 1)):
        a -= 1
    return a, k


def nominal(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """``Doe’s claim that …“…”``: the possessor speaks; the content runs from "that" to the end
    of the first quotation, which must open within a few words of it, in the same clause (no
    comma, no other cue: in "Doe’s claim that it failed, Roe said, “…”" the quotation is Roe's;
    a long clause may have ended before it, "Doe’s claim that the plan … is “simply false”")."""
    i = cue.i
    that = _that_after(s, i) if s.low(i) in NOMINAL_NOUNS else None
    if that is None and s.low(i) in COPULAR_NOUNS:
        o = _quoted_after_was(s, i)
        if o is None:
            return None
        content = trim_content(s.text, s.toks[o].start, s.toks[closing(s, o)].end)
        if content is None:
            return None
        return Candidate(cue=span_of(s, i, i), content=(content,),
                         speaker=span_of(s, *_possessor(s, _owner_at(s, i))), rule=NOMINAL)
    if that is None:
        return None
    for k in range(that + 1, min(s.n - 1, that + 1 + NOMINAL_REACH)):
        if opens_quotation(s, k):
            j = k - 1
            while j > i and s.toks[j].text in OPEN_MARKS:
                j -= 1  # a mark of two characters ('') may be two tokens
            if s.low(j) == "as":
                return None  # "describing Doe’s statement that he opposed it as “a fairy tale”"
            c = closing(s, k)
            if c is None:
                return None
            content = trim_content(s.text, s.toks[that].start, s.toks[c].end)
            if content is None:
                return None
            return Candidate(cue=span_of(s, i, i), content=(content,),
                             speaker=span_of(s, *_possessor(s, _owner_at(s, i))), rule=NOMINAL)
        if s.inq[k] or s.low(k) in CLAUSE_BREAKS or k in reading.cues:
            return None
    return None


NOMINAL_FRAME = Frame("nominal", "cue", (NOMINAL,), nominal,
                      claims=lambda s, cue, reading: cue.kind == "nominal")
