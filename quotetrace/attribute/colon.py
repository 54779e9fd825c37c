"""Quotations introduced by a colon after a clause that names their speaker, whatever its verb:
``Ortiz went even further: “…”``, ``Asked about it, the mayor put it bluntly: “…”``, and the
verbless lines of round-ups and transcripts: ``Jane Doe, The Daily Planet: “…”``,
``Jane Doe (The Daily Planet): “…”``, ``From the report: “…”``, ``Here is Doe in 1992: “…”``.

The speaker is the clause's subject (or the name a verbless line gives); the cue is what stands
between the speaker and the quotation, colon included (``went even further:``), or the colon
alone when nothing does. A clause that ends its paragraph with a colon introduces the quotation
paragraphs that follow (see :mod:`.assemble`). A dash (``—``, ``--``) just before a quotation
that ends the sentence stands for a colon: ``Doe also defended the plan -- “It works.”``.

Notes:
    The colon as a cue follows PolNeAR's annotation, which takes the words between source and
    content as the cue and the colon itself when there are none (Newell et al. 2018).
"""

from __future__ import annotations

from . import Candidate
from ..text.words import (
    ANONYMOUS_HEADS,
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    ORG_HEADS,
    PREPOSITIONS,
    PRONOUNS,
    TITLES,
    only_when,
)
from ..text.lexicon import NOUNISH, lemma_of
from .mentions import right_np
from .frame import Cue, Frame, Reading, Rule
from .sentence import CLOSE_MARKS, DASHES, OPEN_MARKS, CueSentence, span_of, trim_content

COLON = Rule("colon", 0.8)

# the longest clause read before a colon
_MAX_CLAUSE = 24
# the longest opening phrase passed before it
_OPENING_REACH = 40


def _speaker_like(s: CueSentence, a: int, b: int) -> bool:
    """A mention that can speak: a name, a pronoun, or a person, group, organisation or document noun."""
    head = s.low(b)
    if head.endswith(("’s", "'s")):
        head = head[:-2]
    return s.is_cap(b) or head in PRONOUNS or head in ORG_HEADS or head in GROUP_HEADS or head in TITLES \
        or head in ANONYMOUS_HEADS or head in DOCUMENT_HEADS \
        or head.endswith("s") and (head[:-1] in TITLES or head[:-1] in ANONYMOUS_HEADS)


def _verbless(s: CueSentence, start: int, colon: int) -> tuple[int, int] | None:
    """The speaker of a line without a verb: ``From the report:``, ``More from Doe:``, ``Here's
    Doe in 1992:``, ``Jane Doe, The Daily Planet:``, ``Jane Doe (Planet):``, ``… - Jane Doe:``."""
    k = start
    if s.low(k) == "more" and s.low(k + 1) == "from":
        k += 1
    if s.low(k) == "from" or s.low(k) in ("here’s", "here's") or s.low(k) == "here" and s.low(k + 1) == "is":
        k += 2 if s.low(k) == "here" else 1
        np = right_np(s, k)
        return np if np is not None and np[1] < colon and _speaker_like(s, *np) else None
    # a name that fills the line up to a comma, a bracket or the colon
    b = k
    while b < colon and (s.is_cap(b) and not (s.toks[b].text.isupper() and len(s.toks[b].text) > 2)
                         or s.low(b) in ("’s", "'s", ".") or s.low(b) in TITLES
                         or s.low(b) in ("of", "de", "van", "von", "al")):
        b += 1  # a name, not a heading in capitals
    if b > k and s.is_cap(k) and (b == colon or s.low(b) in (",", "(")) and s.is_cap(b - 1) \
            and (b - k > 1 or s.low(k) not in _NOT_NAMES):
        # "Jane Doe, The Daily Planet:": the outlet describes the speaker, as a party does
        return k, colon - 1
    return None


def dash_signed(s: CueSentence, start: int, colon: int) -> tuple[int, int] | None:
    """The name between the last dash of a line and its colon: "TURNOUT IS UP - Jane Doe:",
    "Pollsters agree - Jane Doe:". What stands before the dash is a heading: its verb is not
    the name's, and the name speaks the quotation after the colon."""
    d = max((k for k in range(start, colon) if s.toks[k].text in DASHES), default=None)
    return _verbless(s, d + 1, colon) if d is not None else None


# capitalised words that open a line without naming anyone: "Then, on CNN: “…”"
_NOT_NAMES = frozenset("""then there here this that these those it but and so now later earlier also however
meanwhile still yet again finally first next update correction""".split())
# the longest cue read between a speaker and a colon: "is rolling out a new campaign message:"
_MAX_CUE = 12

_INTRO_OPENERS = frozenset("asked speaking however meanwhile still yet later earlier then now".split())
_OPENING_CLAUSES = frozenset("when after before as while because although though since once until if unless".split())


def _clause_subject(s: CueSentence, start: int, colon: int) -> tuple[int, int] | None:
    """The subject of the clause before a colon: the longest run of words from its start whose
    last word can speak (``The senator`` in ``The senator put it this way:``, ``Hoff’s letter``
    in ``Hoff’s letter makes the case:``), after an opening phrase that ends with a comma."""
    k = start
    w = s.low(k)
    # an opening phrase or a clause of its own ("When Vale died in 1998, the mayor released
    # the following statement:"): the subject comes after its comma
    comma = next((x for x in range(k, colon) if s.low(x) == ","), None)
    if w in PREPOSITIONS or w in _INTRO_OPENERS or w in _OPENING_CLAUSES or w.endswith(("ly", "ing")) \
            or comma is not None and only_when(s.text[s.toks[k].start:s.toks[comma].start]):
        # ("Last month, the board said of the plan:": a time before the comma)
        if comma is None:
            return None
        k = comma + 1
    while k < colon and s.low(k) in ("and", "but", "so"):
        k += 1
    if s.low(k) in PRONOUNS:
        return k, k
    best = None
    b = k
    while b < colon and b - k < 8 and (s.is_word(b) or s.low(b) in ("’s", "'s")):
        if s.low(b) in PRONOUNS and b > k:
            break
        if best is not None and s.is_cap(best[1]) and _verb(s, b):
            break  # "Smith took aim at Jones in a string of posts:": the subject ends at its verb
        if best is not None and not s.is_cap(b) and lemma_of(s.low(b)) is not None and s.low(b) not in NOUNISH:
            break  # "the board said of the plan:": a reporting verb no frame read ends it too
        if s.low(b) not in DETERMINERS and not s.low(b).endswith(("’s", "'s")) and _speaker_like(s, k, b) and s.low(b + 1) not in ("of", "’s", "'s") and (s.is_cap(k) or s.low(k) in DETERMINERS
                                                                             or s.low(k).endswith(("’s", "'s")) or b == k):
            best = (k, b)
        b += 1
    return best


# past forms that follow a name in a clause before a colon ("Doe took aim at …:", "Doe
# went further:"); regular ones end in -ed, and cue words are read by their own frames
_PAST = frozenset("""took gave put made went got kept left came sent brought struck fought drew set
ran stood spent won lost led hit held felt found saw had did got laid threw shot dug sought""".split())


def _verb(s: CueSentence, k: int) -> bool:
    """Whether token ``k`` is a lower-case verb that can follow a subject (not a noun of it)."""
    low = s.low(k)
    return not s.is_cap(k) and (low in AUXILIARIES or low in _PAST or low.endswith("ed")) \
        and not _speaker_like(s, k, k)


def colon_attribution(s: CueSentence, cue_tokens: set[int]) -> list[Candidate]:
    """Attributions whose clause ends in a colon before a quotation (or before the end of the
    sentence: the quotation paragraphs follow), for clauses no cue word already reads."""
    out: list[Candidate] = []
    clause_start = 0
    for c in range(s.n):
        low = s.low(c)
        if s.inq[c]:
            continue
        if low in (";", ".", "!", "?") or s.toks[c].text in CLOSE_MARKS:
            clause_start = c + 1
            continue
        if low in ("but", "and", "that") and s.low(c - 1) == "," and (s.low(c + 1) in PRONOUNS or s.is_cap(c + 1)):
            clause_start = c + 1  # "…, but he gave the rookie a compliment: “…”": a clause of its own
            continue
        if not (low == ":" or introducing_dash(s, c)) or c == clause_start \
                or c - _after_opening(s, clause_start, c) > _MAX_CLAUSE:
            continue
        quote_after = c + 2 < s.n and s.toks[c + 1].text in OPEN_MARKS and s.inq[c + 2]
        if not (quote_after or c == s.n - 1):
            continue
        start = clause_start
        while start < c and (s.toks[start].text in DASHES or s.low(start) in ("•", "*")):
            start += 1
        signed = dash_signed(s, start, c)
        if signed is None and any(start <= k < c for k in cue_tokens):
            continue  # "X told the committee: “…”": the cue word's own frame reads it
        np = _verbless(s, start, c) or signed
        if np is None:
            np = _clause_subject(s, start, c)
            if np is None:
                continue
        cue_start = np[1] + 1
        while cue_start < c and s.low(cue_start) in (",", ")"):
            cue_start += 1
        if c - cue_start > _MAX_CUE or any(s.low(x) in ("that", "which", "who") for x in range(cue_start, c)):
            continue  # "he seems content that the deal … happened:" — a clause of its own, not a cue
        cue = span_of(s, cue_start, c)
        if quote_after:
            o = c + 1
            e = o + 1
            while e < s.n and s.inq[e]:
                e += 1
            if e + 1 < s.n and s.is_word(e + 1):
                continue  # "Ruiz: ‘Closed Doors’ Have No Place": a quoted fragment of a headline
            if low != ":" and any(s.low(k) not in (".", "!", "?") for k in range(e + 1, s.n)):
                continue  # "had one answer -- “no” -- for every question": a dash in the sentence
            content = trim_content(s.text, s.toks[o].start, s.toks[min(e, s.n - 1)].end)
            if content is not None:
                out.append(Candidate(cue=cue, content=(content,), speaker=span_of(s, *np), rule=COLON))
        else:
            out.append(Candidate(cue=cue, content=(), speaker=span_of(s, *np), rule=COLON))
    return out


def _after_opening(s: CueSentence, start: int, c: int) -> int:
    """Where a clause before a colon starts once an opening phrase set off by a comma is passed
    ("With leaders worried about turnout, the mayor is rolling out a message:"): a long
    opening phrase does not make the clause too long to read."""
    w = s.low(start)
    if w in PREPOSITIONS or w in _INTRO_OPENERS or w.endswith(("ing", "ly")):
        # (looked for among the opening's first words only: a sentence of one endless clause
        # must not be read again at every colon)
        comma = next((x for x in range(start, min(c, start + _OPENING_REACH)) if s.low(x) == ","), None)
        if comma is not None:
            return comma + 1
    return start


def introducing_dash(s: CueSentence, c: int) -> bool:
    """Whether the token at ``c`` is a dash (``—``, or the second hyphen of ``--``) that stands
    as a colon would, just before a quotation: ``Doe also defended the plan -- “It works.”``.
    Whether the quotation then ends the sentence is checked as for a colon."""
    return s.toks[c].text in DASHES and c + 2 < s.n and s.toks[c + 1].text in OPEN_MARKS and s.inq[c + 2] \
        and not s.inq[c] and (s.toks[c].text != "-" or s.toks[c - 1].text == "-")


def colon(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The ``colon`` frame at the colon token ``cue.i``, for a clause no cue word's frame read."""
    if reading.colons is None:  # worked out once per sentence, after every cue frame
        reading.colons = {c.cue.end: c for c in colon_attribution(s, _cue_tokens(s, reading.found)) if c.cue}
    found = reading.colons.get(s.toks[cue.i].end)
    if found is not None and found.speaker is not None:
        _end_before(s, reading.found, found.speaker.start)
    return found


def _end_before(s: CueSentence, found: list[Candidate], at: int) -> None:
    """"Moreau said both are weak, but he gave the rookie a compliment: “…”": the said-content
    ends before the clause that introduces the quotation."""
    for n, c in enumerate(found):
        if c.content and c.content[-1].start < at < c.content[-1].end:
            k = next(k for k in range(s.n) if s.toks[k].start >= at) - 1
            while k > 0 and s.low(k) in (",", "and", "but"):
                k -= 1
            cut = trim_content(s.text, c.content[-1].start, s.toks[k].end)
            if cut is None and len(c.content) == 1:
                continue
            found[n] = Candidate(cue=c.cue, content=(*c.content[:-1], *([cut] if cut else [])),
                                 speaker=c.speaker, rule=c.rule)


def _cue_tokens(s: CueSentence, found: list[Candidate]) -> set[int]:
    """Indices of the tokens where the candidates' cues start."""
    starts = {c.cue.start for c in found if c.cue is not None}
    return {k for k in range(s.n) if s.toks[k].start in starts} if starts else set()


COLON_FRAME = Frame("colon", "colon", (COLON,), colon)
