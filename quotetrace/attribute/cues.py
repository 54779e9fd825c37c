"""Which words are cues where they stand: a reporting verb, or a noun, adjective or name that
only looks like one ("the suing states", "more pledged delegates", "Southern states",
"Friday’s reported blast", "by adding a few towns").

The lexicon says which words can report; these rules say, from the words around it, whether
this one does."""

from __future__ import annotations

from ..text.words import (
    ANONYMOUS_HEADS,
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    OBJECT_PRONOUNS,
    ORG_HEADS,
    PREPOSITIONS,
    PRONOUNS,
    TIME_WORDS,
    TITLES,
    cue_kind,
)
from ..text.lexicon import (CLAUSE_VERBS, COPULAR_NOUNS, CUE_WORDS, NOMINAL_NOUNS, NOUNISH, PHRASAL_FORMS, QUOTING_AFTER_OBJECT,
                            QUOTING_FORMS, goes_on, is_possessive, lemma_of)
from .content import LISTENER_VERBS, contracted_pronoun
from . import Candidate
from .frame import Cue, Frame, Reading
from .mentions import QUANTIFIERS
from .knobs import QUOTING_REACH
from .nominal import is_nominal
from .sentence import CLAUSE_BREAKS, CueSentence, OPEN_MARKS, closing, opens_quotation, quoting_clause_end, titled


# -s forms that are plural nouns after a name ("Southern states", "campaign finance reports"):
# cues only when a content opener follows.
_NOUN_LIKE_CUES = frozenset("states reports estimates notes".split())


def _modifier_like(s: CueSentence, k: int) -> bool:
    """A capitalised word that modifies a noun rather than names a speaker: "Southern", "Tuesday",
    "Commission" in "Election Commission reports", or any word after a quantifier."""
    low = s.low(k)
    if low in ORG_HEADS or low in TITLES:
        return False  # "The Ledger reports", "the Associated Press reports"
    # (a capitalised article before it is the sentence's first word: "The IMF reports that …")
    return low.endswith(("ern", "ian", "ish", "ese", "ic")) or low in TIME_WORDS or s.low(k - 1) in QUANTIFIERS \
        or s.is_cap(k - 1) and s.low(k - 1) not in DETERMINERS


# Cue verbs with a common sense that reports nothing ("adding towns", "calling a meeting",
# "posting a loss"): as a means ("by adding …") they report only a that-clause or a quotation.
_TWO_SENSES = frozenset("add call post note report continue".split())


_ASKED_NEXT = frozenset("about whether if what why how who when where which by to on in".split())


_PHRASAL_FIRST = frozenset(form.split()[0] for form in PHRASAL_FORMS)
# a preposition before a cue-like word makes it a noun ("in reply"), but not one that can
# introduce a clause of speech ("by saying", "after claiming")
_PREPOSITIONS_BEFORE_NOUN = PREPOSITIONS - {"by", "after", "before", "while"}


# what opens the object of "add" in its sense of adding a thing ("would add a late boat", "added
# its weight"), not "added that …" or "added, “…”"
_THINGS_ADDED = frozenset("a an the another some more several its his her their our new".split())


# a verb that names something in marks, after "to", is an infinitive ("went on to call Roe “…”"),
# not a noun ("a call to arms"), when a quotation opens within this many words after it
_INFINITIVE_REACH = 6
_NAMING_VERBS = frozenset("call describe label brand dub term".split())


def _plural_noun(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "’s", "'s")) \
        and word not in PRONOUNS and not cue_kind(word) and word not in ("others", "as", "has", "was", "does")


def _quotation_after(s: CueSentence, i: int) -> bool:
    """Whether a quotation opens within a few words after token ``i``, in the same clause."""
    for k in range(i + 1, min(s.n - 1, i + 1 + _INFINITIVE_REACH)):
        if opens_quotation(s, k):
            return True
        if s.low(k) in CLAUSE_BREAKS:
            return False
    return False


def is_cue(s: CueSentence, i: int) -> str | None:
    """The cue's kind (speech/stance) when token i is used as a cue verb here."""
    if s.inq[i]:
        return None
    low = s.lows[i]
    kind = cue_kind(low)
    if kind is None:
        # two-word cues: "shot back", "pointed out", "weighed in"
        return "speech" if low in _PHRASAL_FIRST and f"{low} {s.low(i + 1)}" in PHRASAL_FORMS \
            and not s.inq[i + 1] else None
    prev = s.low(i - 1)
    nxt = s.low(i + 1)
    if lemma_of(low) == "continue" and goes_on(s.text, s.toks[i].end, s.span.end):
        return None  # "students would continue to take tests": what goes on is no statement
    if lemma_of(low) == "add" and (nxt in _THINGS_ADDED or nxt.replace(",", "").isdigit()) \
            and not any(s.low(k) in (":", "“", '"') or s.low(k) in AUXILIARIES and not s.is_cap(k)
                        for k in range(i + 2, min(s.n, i + 8))):
        # "the plan would add a late boat", "added 300 jobs": a thing added, not words ("added
        # the vote must wait" is a clause, "added a caveat: …" introduces one)
        return None
    if (prev.endswith(("’s", "'s")) and not contracted_pronoun(prev)) or prev in ("’", "'") and s.low(i - 2).endswith("s"):
        return None  # "Friday’s reported blast", "the voters’ claims" — but "he’s claiming" is a verb
    if low in NOUNISH and low.endswith("s") and s.is_cap(i - 1) and (s.low(i - 2) in PREPOSITIONS
                                                                    or s.low(i - 2) in QUANTIFIERS):
        return None  # "40% of Liberal claims": a noun after a modifier
    if low in NOUNISH and low.endswith("s") and s.low(i + 1) in ("from", "of", "about", "by", "in", "on"):
        if not (low == "calls" and s.low(i + 1) in ("for", "on")):
            return None  # "reports from the blog …", "claims of fraud"
    infinitive = prev == "to" and low in _NAMING_VERBS and _quotation_after(s, i)
    if low in NOUNISH and not low.endswith("ing") and not infinitive:
        j = s.before_adverbs(i)
        pj = s.low(j)
        if not (s.is_cap(j) or pj in PRONOUNS or pj in ORG_HEADS or pj in ANONYMOUS_HEADS or pj in DOCUMENT_HEADS
                or pj in GROUP_HEADS or pj in TITLES or pj in (",", "”", '"', "’", "'", "and", "who")):
            return None  # "the suing states were …": a noun after a modifier
    if low in NOUNISH or low.endswith("ing"):
        # (a possessive before it has already returned above)
        if prev in DETERMINERS or prev in _PREPOSITIONS_BEFORE_NOUN and not infinitive:
            return None  # "the call", "for comment"; but "went on to call Roe “…”"
        if prev == "by" and low.endswith("ing") and lemma_of(low) in _TWO_SENSES and nxt not in ("that", ",", ":") \
                and not (i + 1 < s.n and s.toks[i + 1].text in OPEN_MARKS):
            return None  # "defined the areas by adding a few towns": a means, not a statement
    if low in _NOUN_LIKE_CUES and s.is_cap(i - 1) and _modifier_like(s, i - 1) \
            and not (nxt == ":" or s.toks[i + 1].text in OPEN_MARKS if i + 1 < s.n else True):
        return None  # "Super Tuesday states, especially …", "Election Commission reports that track …"
    if low.endswith("ed") and (prev in QUANTIFIERS or prev.replace(",", "").isdigit() or prev in DETERMINERS) \
            and s.is_word(i + 1) and not s.is_cap(i + 1) and nxt not in DETERMINERS and nxt not in PREPOSITIONS \
            and nxt not in PRONOUNS and nxt not in OBJECT_PRONOUNS and nxt not in ("that", "to", "as", "it"):
        return None  # "more pledged delegates", "eight reported incidents": an adjective
    if low.endswith("ing") and _plural_noun(prev) and not s.is_cap(i - 1) and nxt not in (",", ":", "that"):
        return None  # "tickets telling them when …", "superdelegates declaring support": a noun's modifier
    if s.is_cap(i) and i > 0 and s.low(i - 1) not in ("“", '"', ":"):
        return None  # "Said" inside a name or headline
    if s.is_cap(i) and i == 0 and not (s.is_cap(1) and any(s.low(k) in (":", ",") for k in range(2, min(len(s), 9)))) \
            and not (low == "asked" and (nxt in _ASKED_NEXT or nxt.endswith("ly"))) \
            and not (low.endswith("ing") and quoting_clause_end(s, 1) is not None):
        return None  # a sentence-initial cue only in "Said Ellis: “…”", "Asked whether …, X said"
        # and "Noting that it was “a mess,” X …"
    return kind


def quotes_object(s: CueSentence, i: int) -> bool:
    """Whether a verb that reports only quotations (``lexicon.QUOTING_VERBS``) does so here: a
    quotation in marks opens within a few words after it, in the same clause (no comma, no
    other cue between), and is words, not a name in title case ("cited the “Clean Water Act”").
    "the blame", "his credit", "with reference": nouns."""
    prev = s.low(i - 1)
    if s.inq[i] or prev in DETERMINERS or prev in _PREPOSITIONS_BEFORE_NOUN or is_possessive(prev) \
            or (s.is_cap(i) and i > 0):
        return False
    for k in range(i + 1, min(s.n - 1, i + 1 + QUOTING_REACH)):
        if opens_quotation(s, k):
            if k == i + 1 and QUOTING_FORMS[s.low(i)] in QUOTING_AFTER_OBJECT:
                return False
            c = closing(s, k)
            return c is not None and not titled(s, k, c)
        prev = s.low(k - 1)
        # "likened the rules to …", "the new rules": a noun, not a verb with a clause of its own
        noun = (prev in DETERMINERS or is_possessive(prev)
                or (s.low(k).endswith("s") and s.is_word(k - 1) and not s.is_cap(k - 1)
                    and prev not in ("who", "which", "that") and prev not in PRONOUNS)
                or prev == "of" or (s.low(k - 2) == "of" and s.is_cap(k - 1)))  # "32% of Republican claims"
        verb = (cue_kind(s.low(k)) or s.low(k) in QUOTING_FORMS) and not noun \
            or is_nominal(s, k)  # "mocked Doe’s claim that “…”": the words are Doe's
        if s.inq[k] or s.low(k) in CLAUSE_BREAKS or verb:
            return False
    return False


def find_cues(s: CueSentence) -> dict[int, str]:
    """The cue words of a sentence, by token index: ``speech``, ``stance`` or ``according``."""
    cues: dict[int, str] = {}
    for i, low in enumerate(s.lows):
        kind = is_cue(s, i) if low in CUE_WORDS else None
        if kind:
            cues[i] = kind
        elif low == "according" and s.low(i + 1) == "to" and not s.inq[i]:
            cues[i] = "according"
        elif low in QUOTING_FORMS and quotes_object(s, i):
            cues[i] = "speech"
        elif (low in NOMINAL_NOUNS or low in COPULAR_NOUNS) and is_nominal(s, i):
            cues[i] = "nominal"
    return cues


def read_cue(s: CueSentence, i: int, kind: str, reading: Reading) -> Cue:
    """The cue at token ``i`` with the words it takes along: a particle (``called for``), or a
    second verb that takes the content (``went on to say``, whose ``say`` no frame reads again)."""
    low = s.low(i)
    if kind in ("according", "nominal"):
        return Cue(i, i, kind, kind)
    lemma = lemma_of(low) or QUOTING_FORMS.get(low) or low
    nxt = s.low(i + 1)
    cue_end = i
    if f"{low} {nxt}" in PHRASAL_FORMS or (lemma == "call" and nxt in ("for", "on")) or (lemma == "refer" and nxt == "to"):
        cue_end = i + 1
        lemma = PHRASAL_FORMS.get(f"{low} {nxt}", lemma)
    inner = lemma_of(s.low(cue_end + 2)) if s.low(cue_end + 1) == "to" and cue_end + 2 < s.n \
        and not s.inq[cue_end + 2] else None
    if inner in CLAUSE_VERBS and lemma not in LISTENER_VERBS:
        # "interjected to say", "went on to say": one cue, whose second verb takes the content
        reading.skip.add(cue_end + 2)
        cue_end += 2
        lemma = inner
    return Cue(i, cue_end, lemma, kind)


# "claimed responsibility", "claimed victory": a deed, not speech
_CLAIMED_DEEDS = frozenset("responsibility credit victory the a an his her their".split())


def is_deed(s: CueSentence, cue: Cue, reading: Reading) -> bool:
    """Whether the cue reports a deed, not speech: then no frame reads it."""
    return cue.lemma == "claim" and s.low(cue.end + 1) in _CLAIMED_DEEDS


def deed(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The ``deed`` frame finds nothing: it claims the cue so that no other frame reads it."""
    return None


DEED = Frame("deed", "cue", (), deed, claims=is_deed)
