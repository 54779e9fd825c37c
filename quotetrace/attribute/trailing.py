"""Attributions that trail a quotation: ``“…,” the senator said, pointing at the map.`` and
``“…?” asked Gov. Ana Ruiz (D), who has pushed for the bill.``

A sentence that opens with a passage in quotation marks and goes on, right after the closing
mark, with a speaker and a cue (in either order) is that passage's attribution, whatever follows:
a participle, a description of the speaker, an ``as``-clause or a listener. Nothing after the
attribution is the quotation's content. The general frames judge such sentences by what follows
the cue; here the position alone decides, because a quotation followed at once by a name and a
reporting verb is attributed in every style guide's sense.

Notes:
    This is the dominant pattern of direct quotation in English news (Pouliquen et al. 2007
    call it the "quote–verb–speaker" and "quote–speaker–verb" patterns; Pareti 2016 counts it as
    the most frequent direct attribution in PARC 3.0).
"""

from __future__ import annotations

from . import Candidate
from ..model import Span
from ..text.lexicon import CLAUSE_VERBS, PHRASAL_FORMS, lemma_of
from ..text.words import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
)
from .mentions import left_np, np_ok, right_np, through_descriptions, with_description_before
from .frame import Cue, Frame, Reading
from .postposed import POST, POST_INVERTED
from .sentence import ALL_MARKS, CLOSE_MARKS, DASHES, OPEN_MARKS, CueSentence, span_of, titled, tokens_of, trim_content

# punctuation that ends a statement inside its marks: “…,” “…?” “…!” “…—” “….”
_STATEMENT_END = frozenset(",?!—–-….")
# what may stand just before a quotation that an attribution trails
_LEADS = frozenset(":,—–-")
# the longest speaker mention (with its descriptions) read between a quotation and its cue
_MAX_MENTION = 16


def _passages(s: CueSentence) -> list[tuple[int, int, bool]]:
    """(opening, closing, led) for the passages in marks of the sentence; ``led`` when the passage
    opens the sentence or follows a colon, a comma or a dash (``Yet, “…,” she added``; ``… in an
    ad: “…,” the senator says``), so that it is the whole content of an attribution after it."""
    out = []
    o = first = 0
    while first < s.n and (s.toks[first].text in DASHES or s.toks[first].text in ("•", "*")):
        first += 1  # a bullet or dash before a quote paragraph
    o = first
    while o + 1 < s.n:
        if s.toks[o].text in OPEN_MARKS and s.inq[o + 1]:
            c = o + 1
            while c < s.n and s.inq[c]:
                c += 1
            if c < s.n and s.toks[c].text in CLOSE_MARKS:
                out.append((o, c, o == first or s.low(o - 1) in _LEADS))
            o = c
        o += 1
    return out


def _cue_at(s: CueSentence, k: int) -> int | None:
    """The last token of a cue starting at ``k``, or None: after a quotation any reporting verb
    form is a verb ("the suit reads", "she quipped"), so nouns that look like cues are not
    filtered here."""
    if s.inq[k] or not s.is_word(k):
        return None
    low = s.low(k)
    if f"{low} {s.low(k + 1)}" in PHRASAL_FORMS:
        return k + 1
    if lemma_of(low) is None or (s.is_cap(k) and k > 0 and s.low(k - 1) not in ALL_MARKS and s.low(k - 1) != ","):
        return None
    return k


def _loose_mention(s: CueSentence, a: int, b: int) -> bool:
    """Words between a quotation and its cue that can only be the speaker: a short run of words
    that opens like a noun phrase and holds no verb of its own (``one P&G plant worker``)."""
    if b < a or b - a + 1 > 8:
        return False
    if not (s.is_cap(a) or s.low(a) in DETERMINERS or s.low(a).isdigit()
            or s.low(a) in ("one", "another", "two", "three", "several", "many", "some")):
        return False
    for k in range(a, b + 1):
        low = s.low(k)
        if s.inq[k] or not (s.is_word(k) or low in ("’s", "'s", "&", "-")):
            return False
        if low in AUXILIARIES or low in SUBORDINATORS - {"and"} or low in PRONOUNS and k > a:
            return False
        if lemma_of(low) and not s.is_cap(k):
            return False
    return True


def _nickname(s: CueSentence, k: int) -> bool:
    """Whether token ``k`` belongs to a short quoted nickname inside a name: Lena “Lulu” Park."""
    o = k
    if 0 < k < s.n and not s.inq[k] and s.inq[k - 1] and s.toks[k].text in CLOSE_MARKS:
        o = k - 1  # its closing mark, which may be a straight mark like the opening one
    while o > 0 and s.inq[o]:
        o -= 1
    if s.toks[o].text not in OPEN_MARKS:
        return False
    c = o + 1
    while c < s.n and s.inq[c]:
        c += 1
    inner = range(o + 1, c)
    return 0 < len(inner) <= 2 and all(s.is_cap(x) for x in inner) and s.is_cap(o - 1) and s.is_cap(c + 1)


def _abbreviation(s: CueSentence, k: int) -> bool:
    return s.toks[k].start == s.toks[k - 1].end and k > 0 and len(s.toks[k - 1].text) <= 4


def _described_mention(s: CueSentence, a: int, b: int) -> bool:
    """A name with its descriptions between a quotation and its cue: "Omar's cousin, state Del.
    Lena “Lulu” Park (D-Md.),"."""
    if b < a or b - a + 1 > _MAX_MENTION or not s.is_cap(a):
        return False
    for k in range(a, b + 1):
        low = s.low(k)
        if s.inq[k] or s.toks[k].text in ALL_MARKS:
            if not _nickname(s, k) and not (s.toks[k].text in ALL_MARKS and (_nickname(s, k + 1) or _nickname(s, k - 1))):
                return False
            continue
        if low in AUXILIARIES or low in SUBORDINATORS - {"and"} or lemma_of(low) and not s.is_cap(k):
            return False
        if not (s.is_word(k) or low in (",", "(", ")", ".", "’s", "'s", "-")):
            return False
    return s.is_cap(b) or s.low(b) in (")", ",")


def _right_mention(s: CueSentence, k: int) -> tuple[int, int] | None:
    """The speaker after an inverted cue (``said one Republican involved in the talks``), with
    the descriptions that follow it."""
    np = right_np(s, k)
    if np is None:
        # "one Republican involved in the planning": the longest plausible head
        b = k
        while b < s.n and s.is_word(b) and not s.inq[b] and b - k < 8 and s.low(b) not in PREPOSITIONS \
                and s.low(b) not in SUBORDINATORS:
            b += 1
        b -= 1
        while b >= k and not np_ok(s, k, b):
            b -= 1
        if b < k:
            return None
        np = (k, b)
    return np[0], through_descriptions(s, np[1])


def _parenthetical_tail(s: CueSentence, c: int, cue_end: int) -> Span | None:
    """The rest of a sentence the attribution interrupts: "“Sick leave,” the form states,
    starts after a month." — the quotation is its subject, so the predicate is content
    too. Participles, conjunctions, adverbs and prepositions open clauses of the attribution's own."""
    k = cue_end + 2
    if s.low(c - 1) != "," or s.low(cue_end + 1) != "," or k >= s.n or not s.is_word(k) or s.is_cap(k):
        return None
    low = s.low(k)
    if low in ("and", "but") and any(s.toks[x].text in OPEN_MARKS and s.inq[x + 1] for x in range(k + 1, min(s.n - 1, k + 4))):
        # "“I like Sam,” he said, but “when it comes to money …”": the quotation goes on
        return trim_content(s.text, s.toks[cue_end + 1].end, s.end_offset())
    if low.endswith("ing") or low in SUBORDINATORS or low in PREPOSITIONS or low in ADVERBS or low.endswith("ly") \
            or low in DETERMINERS or low in PRONOUNS or lemma_of(low) is not None or low in ("then", "who"):
        return None
    return trim_content(s.text, s.toks[cue_end + 1].end, s.end_offset())


def trailing_attribution(s: CueSentence) -> tuple[Candidate, int, int] | None:
    """The attribution that trails a quotation opening the sentence, as (candidate, first and
    last token of its cue), or None."""
    if True not in s.inq:
        return None  # no quotation in the sentence
    for o, c, led in _passages(s):
        found = _trailing(s, o, c, led)
        if found is not None:
            return found
    return None


def _trailing(s: CueSentence, o: int, c: int, led: bool) -> tuple[Candidate, int, int] | None:
    j = c + 1
    last = c - 1
    while last > o and s.toks[last].text in CLOSE_MARKS and s.inq[last]:
        last -= 1  # “… called it ‘a miracle,’” she said: the nested quotation's mark
    if s.low(j) in (",", "—", "–"):
        j += 1
    elif s.low(last) not in _STATEMENT_END:
        return None  # “Blue Sky” opened on Friday: a title, not a statement
    if s.low(j) == "as" and last > o and s.low(last) in _STATEMENT_END:
        j += 1  # "“…,” as the mayor put it"
    if j >= s.n:
        return None
    if not led and titled(s, o, c):
        return None  # "On Fox’s “Sunday Futures,” Rep. Issa said …": a title, not a statement
    # "No law was “very assertive,” said …": a passage inside a clause is part of its content
    content = trim_content(s.text, s.toks[o].start if led else s.span.start, s.toks[c].end)
    if content is None:
        return None
    # inverted: "“…,” said the senator" / "“…?” asked Gov. Ana Ruiz, who …"
    k = j
    while k < s.n and s.low(k) in ADVERBS:
        k += 1
    if k < s.n:
        cue_end = _cue_at(s, k)
        if cue_end is not None and not s.low(k).endswith("ing") \
                and (led or (lemma_of(s.low(k)) or "") in CLAUSE_VERBS):
            np = _right_mention(s, cue_end + 1)
            if np is not None and s.low(np[0]) in PRONOUNS and s.is_word(np[1] + 1):
                np = None  # "…,” said he doesn’t …": "he" opens a clause; the cue is not inverted
            if np is not None:
                return Candidate(cue=span_of(s, k, cue_end), content=(content,),
                                 speaker=span_of(s, *np), rule=POST_INVERTED), k, cue_end
    if not led:
        return None  # "Despite his “brash manner,” his lawyer wrote, he …": the post frame reads it
    # normal: "“…,” the senator said" / "“…,” Jane Doe, a lawyer for the family, told reporters"
    for i in range(j + 1, min(s.n, j + _MAX_MENTION + 1)):
        if (s.inq[i] or s.toks[i].text in OPEN_MARKS) and not _nickname(s, i):
            return None
        if s.low(i) in (";", "?", "!") or s.low(i) == "." and not _abbreviation(s, i):
            return None
        cue_end = _cue_at(s, i)
        if cue_end is None or s.low(i).endswith("ing") and s.low(i - 1) != "is":
            continue
        np = left_np(s, i, j)
        if np is not None and with_description_before(s, np[0]) <= j:
            np = (j, np[1])
        elif np is None or np[0] != j:
            b = i - 1
            while b >= j and (s.low(b) in ADVERBS or s.low(b) in AUXILIARIES or s.low(b).endswith("ly")):
                b -= 1
            if not (_loose_mention(s, j, b) or _described_mention(s, j, b)):
                return None
            while b > j and s.low(b) == ",":
                b -= 1
            np = (j, b)
        if s.low(np[0]) in PRONOUNS and np[0] != np[1] and s.low(np[0] + 1) not in (",", "and"):
            return None  # "“…,” he told the crowd was …": a clause, not a mention
        pieces = (content,)
        tail = _parenthetical_tail(s, c, cue_end)
        if tail is not None:
            pieces = (content, tail)
        return Candidate(cue=span_of(s, i, cue_end), content=pieces,
                         speaker=span_of(s, *np), rule=POST), i, cue_end
    return None


def trailing(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The ``trailing`` frame: "“…?” Mr. Ortiz asked, pointing at the map" is the quotation's
    attribution, and the words after it are not content (no frame reads their cues)."""
    found = trailing_attribution(s)
    if found is None:
        return None
    cand, first, last = found
    reading.skip.update(range(first, last + 1))
    reading.spoke(tokens_of(s, cand.speaker))
    return cand


TRAILING = Frame("trailing", "sentence", (POST, POST_INVERTED), trailing)
