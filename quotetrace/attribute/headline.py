"""Headlines in title case: ``Ortiz Says Budget Talks Are Over.``, ``Mayor Urges Calm After Vote``.

Title case capitalises the cue, so the sentence rules (which read a capitalised cue as part of a
name) miss it. In a sentence whose words are nearly all capitalised, a present-tense reporting
verb after a short subject is the cue: the subject before it speaks, the rest of the headline is
what was said.

Notes:
    Headline grammar (present tense for past events, dropped articles) follows the style guides
    of the wire services; PolNeAR annotates headline attributions like any other.
"""

from __future__ import annotations

from . import Candidate
from ..text.lexicon import CLAUSE_VERBS, lemma_of
from .frame import Cue, Frame, Reading, Rule
from .sentence import ALL_MARKS, CueSentence, span_of, trim_content

HEADLINE = Rule("headline", 0.7)

# The verbs headlines report with; nouns that double as cues ("Rules", "Reports", "Calls") are left out.
HEADLINE_CUES = CLAUSE_VERBS | frozenset("""urge slam blast praise criticize accuse attack thank hail dismiss
question demand pledge vow rip mock defend""".split()) - {"report", "rule", "call", "state", "post", "note"}

# words a title-case headline leaves in lower case
_SMALL = frozenset("a an the and but or of to in on at for by with as from into over via vs".split())
_MAX_SUBJECT = 8


def title_case(s: CueSentence) -> bool:
    """Whether the sentence is a headline in title case: its long words nearly all capitalised,
    counted with and without the words inside quotation marks. Quoted words can keep a line
    from being a headline, never make it one: ``“Toward A Fair Deal For Farmers,” Jane Doe
    said.`` quotes a title-case phrase in a body sentence whose own words are not title case."""
    return _capitalised(s, quoted=True) and (s.first_quoted >= s.n or _capitalised(s, quoted=False))


def _capitalised(s: CueSentence, quoted: bool) -> bool:
    words = lower = 0
    for k in range(s.n):
        if s.is_word(k) and (quoted or not s.inq[k]) and s.lows[k] not in _SMALL:
            words += 1
            if not s.is_cap(k):
                lower += 1
                if lower > 1:
                    return False  # most sentences: out at their second lower-case word
    return words >= 3 and words - lower >= 0.85 * words


def headline_attribution(s: CueSentence) -> Candidate | None:
    """The attribution of a title-case headline: ``X Says Y``, ``Y, X Says`` (``X: Y`` is the
    colon frame's)."""
    last = s.n - 1
    while last > 0 and not s.is_word(last):
        last -= 1
    if last > 2 and s.is_cap(last) and s.low(last).endswith("s") and lemma_of(s.low(last)) in HEADLINE_CUES:
        # "Budget Talks Are Over, Mayor Ruiz Says."
        comma = max((k for k in range(last) if s.low(k) == ","), default=None)
        if comma is not None and 0 < last - comma - 1 <= 4 and comma > 1:
            content = trim_content(s.text, s.toks[0].start, s.toks[comma - 1].end)
            if content is not None:
                return Candidate(cue=span_of(s, last, last), content=(content,),
                                 speaker=span_of(s, comma + 1, last - 1), rule=HEADLINE)
    start = 0
    for i in range(1, min(s.n, _MAX_SUBJECT + 2)):
        low = s.low(i)
        if low in (":", "—", "–", "-", ",") or s.toks[i].text in ALL_MARKS:
            start = i + 1  # "Harbor Rally: Ruiz Says …", "Railing Against The Council, Ruiz Vows …"
            continue
        lemma = lemma_of(low)
        cue_end = i + 1 if lemma == "call" and s.low(i + 1) in ("on", "for") else i  # "Calls On", "Calls For"
        if (lemma not in HEADLINE_CUES and cue_end == i) or not s.is_cap(i) or not low.endswith("s") or i - start < 1:
            continue
        content = trim_content(s.text, s.toks[cue_end + 1].start, s.end_offset()) if cue_end + 1 < s.n else None
        if content is None or not all(s.is_word(k) or s.low(k) in ("’s", "'s", ".") for k in range(start, i)):
            return None
        return Candidate(cue=span_of(s, i, cue_end), content=(content,), speaker=span_of(s, start, i - 1),
                         rule=HEADLINE)
    return None


def headline(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The ``headline`` frame, tried once per sentence."""
    return headline_attribution(s)


def is_headline(s: CueSentence, cue: Cue, reading: Reading) -> bool:
    """"Ortiz Says Budget Talks Are Over.": a headline capitalises its cue, so it is read whole
    and no other frame reads it."""
    return title_case(s)


HEADLINE_FRAME = Frame("headline", "sentence", (HEADLINE,), headline, claims=is_headline)
