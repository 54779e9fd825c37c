"""Speaker mentions around a cue: the noun phrase before it (``Russia’s foreign minister
said``), after it (``said Jane Doe, a lawyer who …``) or at the head of the clause it hangs on.

All functions take token indices into a :class:`~.sentence.CueSentence` and return inclusive
``(first, last)`` token ranges, or None when no plausible mention is there.
"""

from __future__ import annotations

from ..text.words import (
    ADVERBS,
    ANONYMOUS_HEADS,
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    MONTHS,
    ORG_HEADS,
    PARTICLES,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    TITLES,
    cue_kind,
    leads_ing_cue,
    only_when,
)
from ..text.lexicon import NOUNISH, is_possessive
from .sentence import ALL_MARKS, CLOSE_MARKS, DASHES, OPEN_MARKS, CueSentence, opens_quotation, titled

# verbs that take "to" + a cue: "continued to say", "refused to say"
_CATENATIVES = frozenset("""continue continued continues began begin begins on refused refuses declined declines
tried tries want wants wanted appeared seemed used going went had has have would like likes liked""".split())

# words that open a description of a speaker after a comma: ", one of the organizers", ", now a lawyer"
DESCRIPTION_OPENERS = frozenset("""who whose whom now one both each part among himself herself
formerly also then once""".split())

_MAX_NP = 12

#: words set off by commas between a subject and its verb: "Proponents, however, say …"
_INTERJECTED = frozenset("however though too meanwhile instead nonetheless nevertheless therefore".split())


def skip_adverbials_left(s: CueSentence, k: int, lo: int) -> int:
    """Step left over adverbs, auxiliaries and time phrases that sit between subject and cue."""
    doing = s.low(k + 1).endswith("ing")
    while k >= lo:
        low = s.low(k)
        if low == "," and s.low(k - 1) in _INTERJECTED and s.low(k - 2) == "," and k - 3 >= lo and not s.inq[k - 1]:
            k -= 3  # "Proponents of the bill, however, say"
        elif low in ADVERBS or low in AUXILIARIES or (low.endswith("ly") and not s.is_cap(k)) or low == "not":
            k -= 1
        elif low in TIME_WORDS or (s.is_cap(k) and low in TIME_WORDS):
            k -= 1
            if s.low(k) in ("on", "last", "this", "earlier", "late", "early", "next", "that", "the"):
                k -= 1
        elif low in ("week", "year", "month") and s.low(k - 1) in ("last", "this", "next"):
            k -= 2
        elif low.isdigit() and len(low) == 4 and s.low(k - 1) in ("in", "since"):
            k -= 2  # "who in 2010 said"
        elif doing and leads_ing_cue(low, s.low(k - 1)):
            k -= 1
            doing = False  # one such verb ("was heard saying"), then auxiliaries
        elif low == "to" and s.low(k - 1) in _CATENATIVES:
            k -= 2  # "continued to say", "declined to say", "went on to say"
            if s.low(k) == "went" and s.low(k + 1) == "on":
                k -= 1
        else:
            break
    return k

# Words that quantify a group of speakers: "Some said", "Two in three say", "Almost half of
# respondents said", "52 percent say", "those surveyed said".
QUANTIFIERS = frozenset("""many most some several few all both half everyone everybody nobody none others another one two
three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety
hundred thousand more less almost nearly about over under just roughly only""".split())
_NOT_MENTIONS = frozenset("perhaps maybe now then here there so thus still also please just".split())
_PARTICIPANTS = frozenset("surveyed polled interviewed asked questioned".split())


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "’s", "'s", "ics"))


def _quantified(s: CueSentence, a: int, b: int, lows: list[str]) -> bool:
    """A quantity of people or of a poll's respondents, as the subject of a cue."""
    if lows[0] == "those" and len(lows) == 2 and lows[1] in _PARTICIPANTS:
        return True
    if lows[0] in ("one", "another", "each") and 2 <= len(lows) <= 4 and all(s.is_word(k) for k in range(a, b + 1)) \
            and not lows[-1].endswith(("ed", "ing")) \
            and not any(w in PREPOSITIONS or w in SUBORDINATORS or w in PRONOUNS for w in lows):
        return True  # "one questioner", "another bus driver"
    parts = lows[0].replace("-", " ").split()
    first = parts[0] if parts else ""
    if not (first in QUANTIFIERS or first.isdigit() or first.rstrip("%").replace(",", "").isdigit()):
        return False
    if len(lows) > 7 or any(w in AUXILIARIES or w in SUBORDINATORS - {"than"} or w in PRONOUNS for w in lows):
        return False
    tail = lows[-1]
    return len(lows) == 1 and (first in QUANTIFIERS and first not in ("one", "about", "over", "under", "just", "only",
                                                                          "more", "less", "almost", "nearly", "roughly")) \
        or tail in ("percent", "%") or tail.endswith("%") or tail.isdigit() or _plural(tail) or tail in QUANTIFIERS \
        or "in" in lows and tail.isdigit()


def np_ok(s: CueSentence, a: int, b: int) -> bool:
    """Whether tokens a..b (inclusive) can be a speaker mention."""
    if b < a or b - a + 1 > _MAX_NP:
        return False
    lows = [s.low(k) for k in range(a, b + 1)]
    if any(s.inq[k] for k in range(a, b + 1)):
        return False
    if any(cue_kind(w) and not s.is_cap(a + n) and w not in NOUNISH
           and not (n == len(lows) - 1 and n > 0 and w in DOCUMENT_HEADS)
           and not (n > 0 and is_possessive(lows[n - 1])) for n, w in enumerate(lows)):
        return False  # a verb inside; but "the ruling" names a document, "Doe’s thinking" a noun
    if any(w in AUXILIARIES for w in lows):
        return False
    head = lows[-1]
    if len(lows) == 1 and head in _NOT_MENTIONS:
        return False  # "Perhaps ask …", "Now tell us …": a sentence adverb before an imperative
    if head in DOCUMENT_HEADS and len(lows) <= 4 and head not in DETERMINERS and not any(w in AUXILIARIES for w in lows):
        return True  # "the filing", "a police report", "court papers"
    if _quantified(s, a, b, lows):
        return True  # "Two in three", "52 percent", "Some", "those surveyed", "Almost half of respondents"
    if len(lows) <= 4 and _plural(head) and all(s.is_word(k) or lows[k - a] in ("’s", "'s") for k in range(a, b + 1)) \
            and not any(w in PREPOSITIONS or w in SUBORDINATORS or w in PRONOUNS or w in DETERMINERS - {"some", "these", "those", "many"}
                        for w in lows):
        return True  # "Political scientists", "abortion rights advocates", "Several party operatives"
    if head in DETERMINERS or (head.endswith(("ed", "ing")) and not s.is_cap(b) and head not in TITLES
                               and not (len(lows) > 1 and is_possessive(lows[-2]))) \
            or any(w.endswith(("’s", "'s")) and w[:-2] in PRONOUNS | {"that", "what", "there"} for w in lows):
        return False  # "a larger", "forces attempted", "he’s open": not a noun phrase
    if head in DOCUMENT_HEADS and len(lows) <= 4:
        return True
    if head.endswith("s") and head[:-1] in TITLES | ANONYMOUS_HEADS and len(lows) <= 5:
        return True  # "Several senators", "two officials"
    if s.is_cap(b) or head in PRONOUNS or head in ANONYMOUS_HEADS or head in ORG_HEADS \
            or head in GROUP_HEADS or head in TITLES or head.endswith(("’s", "'s")):
        return head not in SUBORDINATORS or head in PRONOUNS
    # "the announcer", "a narrator in the ad": a short noun phrase with a determiner
    if (lows[0] in DETERMINERS or lows[0].endswith(("’s", "'s"))) and len(lows) <= 6 \
            and not any(w in SUBORDINATORS or w in PRONOUNS for w in lows[1:]):
        return True
    # a lower-case head: "an official familiar with the matter", "sources close to the ministry"
    return any(w in ANONYMOUS_HEADS or w in GROUP_HEADS or w in ORG_HEADS or w in TITLES
               or w.endswith("s") and w[:-1] in TITLES for w in lows)  # "attorneys for the family"

#: verbs whose object, not their subject, does what the infinitive after them says ("asked Doe to
#: comment", "persuaded the board to say")
OBJECT_CONTROL = frozenset("""ask asked asks persuade persuaded persuades convince convinced convinces force forced
forces allow allowed allows get got gets lead led leads prompt prompted prompts push pushed pushes press pressed
presses pressure pressured cause caused causes compel compelled enable enabled help helped helps want wanted wants
need needed needs expect expected expects urge urged urges tell told tells invite invited invites order ordered
orders encourage encouraged encourages require required requires let lets pay paid pays hire hired hires""".split())


def _title_opening(s: CueSentence, c: int, lo: int) -> int | None:
    """The opening mark of a title in marks that closes at token ``c`` inside a description
    (“Going Viral” after "the co-author of"), or None when the passage is words, not a title."""
    if s.toks[c].text not in CLOSE_MARKS or s.inq[c] or not s.inq[c - 1]:
        return None
    o = c - 1
    while o > lo and s.inq[o]:
        o -= 1
    words = [k for k in range(o + 1, c) if s.is_word(k)]
    # in title case (not a word after a possessive: "the nation’s “broken” system" quotes words)
    if o <= lo or s.toks[o].text not in OPEN_MARKS or not titled(s, o, c) \
            or sum(map(s.is_cap, words)) < 0.6 * len(words):
        return None
    return o


def left_np(s: CueSentence, end: int, lo: int = 0) -> tuple[int, int] | None:
    """The speaker mention that ends just before token ``end`` (a cue), as token indices."""
    k = skip_adverbials_left(s, end - 1, lo)
    if k < lo or s.low(k) in ("and", "or", "but"):
        return None  # "lamented the state of it and criticized …": a coordinated verb has no noun phrase of its own
    if s.low(k) == "to":
        # an infinitive: its speaker is the object of a verb that hands it on ("forced Ada Roe
        # to concede", "urged the board to say"), else no noun phrase before it ("took to
        # the radio to say" is the subject's, see preposed._purpose_of)
        np = left_np(s, k, lo) if k > lo else None
        return np if np is not None and s.low(np[0] - 1) in OBJECT_CONTROL else None
    if s.low(k) == ")":  # "Rep. Jane Doe (D-Wis.) said"
        j = k
        while j >= lo and s.low(j) != "(":
            j -= 1
        k = j - 1
    elif k > lo and (s.low(k) == "," or s.low(k - 1) == "," and (title := _title_opening(s, k, lo)) is not None):
        # appositives between commas: "Jane Doe, a senior adviser, said",
        # "“…,” Jane Doe, the attorney general of X, one of the states suing, said"; the last
        # comma may stand inside a title's marks ("Jane Doe, the author of “Going Viral,” said")
        commas = []
        j = k - 1 if s.low(k) == "," else title - 1
        last = k - 1 if s.low(k) == "," else k  # the mention's last token
        while j >= lo and k - j <= 40:
            if s.inq[j] or s.low(j) in ALL_MARKS:
                o = _title_opening(s, j, lo)
                if o is None:
                    break
                j = o - 1  # "Jane Doe, the co-author of “Going Viral,” said": a title in the description
                continue
            if s.low(j) == ",":
                commas.append(j)
            j -= 1
        if not commas:
            return None
        # the name is the chunk that follows the quotation or opens the clause
        first = commas[-1]
        start = j + 1
        if (s.low(start) in PREPOSITIONS or s.low(start) in ADVERBS or s.low(start) in ("as", "even")
                or only_when(s.text[s.toks[start].start:s.toks[first].start])) and len(commas) >= 2 and j < lo:
            # "In October, Mr. Roe, who …, told", "As for the plan, Ada Roe, its author, told": the
            # phrase that opens the sentence is no name
            start, first = first + 1, commas[-2]
        if s.low(j) in CLOSE_MARKS or j < lo:
            chunk_end = first - 1
            if np_ok(s, start, chunk_end) and s.is_cap(start) or s.low(start) in PRONOUNS:
                # the mention runs on through its descriptions: "Jane Doe, the state's attorney general"
                return start, last
        nearest = commas[0]
        if k - nearest > 14:
            return None
        head = left_np(s, nearest, lo)
        if head is None:
            return None
        described = nearest + 1
        if s.low(described) in DETERMINERS or s.is_cap(described) or s.low(described) in TITLES:
            return head[0], last
        return head
    b = k
    a = b
    while a - 1 >= lo:
        low = s.low(a - 1)
        tok = s.toks[a - 1].text
        if s.inq[a - 1] or low in ALL_MARKS or low in ",;:()[]" or tok in DASHES:
            break
        if low == "and":
            if s.is_cap(a - 2) and (s.is_cap(a) or s.low(a) in GROUP_HEADS):
                a -= 1
                continue
            break
        if low in SUBORDINATORS and low not in ("who",):
            break
        # a cue word after a possessive is a noun: "a source familiar with Doe’s thinking said"
        if low in AUXILIARIES or cue_kind(low) and not s.is_cap(a - 1) and low not in NOUNISH \
                and not is_possessive(s.low(a - 2)):
            break
        if not s.is_cap(a - 1) and low.endswith("ed") and low not in TITLES and "-" not in low \
                and not (low in _PARTICIPANTS and s.low(a - 2) == "those") and not _participle_adjective(s, a - 1):
            break  # "rejected the idea, …" — a verb, not part of the name ("self-described" is)
        a -= 1
    a = _drop_opening_phrase(s, a, b)
    # "Tom Vale marching through the streets chanted", "Democrats trying to win the seat say":
    # the participle's phrase describes the name before it, which is the mention (not
    # "Doe's fundraising email", "Monday morning", "the sweeping question")
    for j in range(a + 1, b + 1):
        if s.low(j).endswith("ing") and not s.is_cap(j) and s.is_cap(j - 1) and not cue_kind(s.low(j)) \
                and not is_possessive(s.low(j - 1)) and s.low(j) not in TIME_WORDS \
                and (s.low(j + 1) in PREPOSITIONS or s.low(j + 1) in DETERMINERS or s.low(j + 1) == "to"):
            b = j - 1
            break
    return trim_np(s, a, b)

_OPENERS = frozenset("however meanwhile but and so now then still".split())

_TIME_MODIFIERS = frozenset("the next same following on last this".split())

def _participle_adjective(s: CueSentence, k: int) -> bool:
    """Whether the -ed word at ``k`` describes the speaker: after a determiner, a comma, a
    quotation or the sentence's start, and before a title or a capitalised word ("the retired
    general", ", retired Gen. Tom Vale", "the embattled mayor"); a verb takes an object instead
    ("rejected the idea")."""
    before, after = s.low(k - 1), s.low(k + 1)
    return (k == 0 or before in DETERMINERS or before == "," or s.toks[k - 1].text in CLOSE_MARKS) \
        and (after in TITLES or after.endswith("s") and after[:-1] in TITLES or s.is_cap(k + 1))


def _drop_opening_phrase(s: CueSentence, a: int, b: int) -> int:
    """Skip words that open the clause rather than name the speaker: "However Ortiz", "the next
    day Ortiz", "On Wednesday Ortiz"."""
    while a < b:
        low = s.low(a)
        if low in _OPENERS or low in TIME_WORDS or low == "day":
            a += 1
        elif low in _TIME_MODIFIERS and any(s.low(x) in TIME_WORDS or s.low(x) == "day"
                                            for x in range(a + 1, min(b, a + 3) + 1)):
            a += 1
        else:
            break
    return a

def with_description_before(s: CueSentence, a: int) -> int:
    """``“…,” another friend, Jane Doe, told Radio Nord``: a short description before the name."""
    if a >= 2 and s.low(a - 1) == ",":
        c = a - 2
        while c >= 0 and not s.inq[c] and s.toks[c].text not in ALL_MARKS and s.low(c) != "," and a - c <= 6:
            c -= 1
        if c >= 0 and s.toks[c].text in CLOSE_MARKS and c + 1 <= a - 2 and s.low(c + 1) in DETERMINERS \
                and np_ok(s, c + 1, a - 2):
            return c + 1
    return a

def trim_np(s: CueSentence, a: int, b: int) -> tuple[int, int] | None:
    if s.low(a) in PREPOSITIONS and s.is_cap(b):
        # "In a radio interview Ortiz declared": the name after the opening phrase
        j = b
        while j > a and (s.is_cap(j - 1) or s.low(j - 1) in TITLES):
            j -= 1
        a = j
    if s.low(b) in PRONOUNS:
        a = b  # "officials it accuses": the pronoun is the subject
    while a < b and s.low(a) in PREPOSITIONS:
        a += 1  # "resulted in authorities describing"
    if s.low(a) in PARTICLES and not s.is_cap(a):
        return None  # "rolled out an ad calling": the object of a phrasal verb, not a speaker
    if not np_ok(s, a, b):
        return None
    return a, b

def right_np(s: CueSentence, start: int) -> tuple[int, int] | None:
    """The speaker mention that starts at token ``start`` (after an inverted cue or ``according to``)."""
    a = start
    while a < len(s) and s.low(a) in ADVERBS:
        a += 1
    if s.low(a) in PREPOSITIONS or s.low(a) in SUBORDINATORS:
        return None
    b = a
    while b < len(s):
        low = s.low(b)
        if s.inq[b] or low in ALL_MARKS or low in ",;:.!?()" or s.toks[b].text in DASHES:
            break
        if low in SUBORDINATORS - {"and"} or (low in PREPOSITIONS and low not in ("of", "for", "at", "to")):
            break
        if low == "and" and not (s.is_cap(b - 1) and s.is_cap(b + 1)):
            break
        if low in ("to", "at", "for") and not s.is_cap(b + 1) and s.low(b + 1) not in DETERMINERS:
            break
        if cue_kind(low) and not s.is_cap(b) and not (low in DOCUMENT_HEADS and b > a):
            break  # "said the ruling": a document noun after a determiner is the speaker
        b += 1
    b -= 1
    while b >= a and s.low(b) in ("of", "for", "at", "to", "the", "and"):
        b -= 1
    if not np_ok(s, a, b):
        return None
    return a, b

def opens_verb(s: CueSentence, k: int) -> bool:
    """Whether token ``k`` can open a clause's verb group, so that the noun phrase before it is
    whole: an auxiliary, an adverb, a cue, or a lower-case word in -ed, -s or -n't (not a
    possessive, a conjunction or a relative pronoun)."""
    low = s.low(k)
    return s.is_word(k) and not s.is_cap(k) and not s.inq[k] and not is_possessive(low) \
        and low not in ("and", "but", "who", "which") \
        and (low in AUXILIARIES or low in ADVERBS or low.endswith(("ed", "s", "ly", "n't", "n’t"))
             or cue_kind(low) is not None)


#: the most introductory phrases read before a clause's subject
_INTRODUCTIONS = 3


#: words that open an introductory phrase or clause before the subject: "However, …", "Asked
#: about it, …", "If the plan fails, …", "Absent a strong defense, …"
_INTRO_OPENERS = frozenset("""however meanwhile still yet but and asked speaking absent given barring once if
when while because although though since unless until whereas""".split())

#: words that open a phrase saying where ("Here in Ames, …", "Back home, …")...
_WHERE_OPENERS = frozenset("here there back elsewhere nearby".split())
#: ...and that end one saying when ("Hours later, …", "Two days ago, …")
_WHEN_ENDS = frozenset("later earlier ago afterward afterwards".split())
#: adverbs that stand on the noun after them ("Even Ms. Vale, …"), not open a phrase of their own
_FOCUS = frozenset("even only also just".split())
#: ...and words that stand before a subordinator or a preposition opening one ("Ever since she
#: won, …", "Days after the vote, …"; "Just as …" and "Shortly after …" open with an adverb)
_BEFORE_WHEN = frozenset("ever soon long right well moments minutes hours days weeks months years".split())


def _introduction(s: CueSentence, first: int, comma: int) -> bool:
    """Whether the words before ``comma`` open the sentence as an introductory phrase, not as its
    subject: a preposition, an adverb or a subordinator first ("In a statement Tuesday,",
    "However,", "If the plan fails,"), or a phrase that only says where or when ("Here in Ames,",
    "Hours later,", "Last week,", "Ever since she won,"). A capitalised word opening such a phrase
    is no speaker."""
    w = s.low(first)
    if w in _FOCUS and s.is_cap(first + 1):
        return False  # "Even Ms. Vale, a loyal ally, said": the adverb stands on the subject
    # ("There is talk of Roe, who …" is a clause: a place word opens a phrase alone or before a
    # preposition)
    where = w in _WHERE_OPENERS and (comma == first + 1 or s.low(first + 1) in PREPOSITIONS or s.low(first + 1) == "home")
    led = w in _BEFORE_WHEN and (s.low(first + 1) in SUBORDINATORS or s.low(first + 1) in PREPOSITIONS)
    return w in PREPOSITIONS or w in ADVERBS or w in _INTRO_OPENERS or w.endswith("ly") or where or led \
        or (comma - first <= 4 and s.low(comma - 1) in _WHEN_ENDS) \
        or only_when(s.text[s.toks[first].start:s.toks[comma - 1].end])


def _place_goes_on(s: CueSentence, first: int, comma: int, before: int) -> bool:
    """Whether the capitalised words from ``first`` to ``comma``, right after an introductory
    phrase that ends on a name, go on naming its place ("At a rally in Ames, Iowa, on Sunday,"):
    one to three capitalised words, and another introductory phrase after them. "In Ames, Roe,
    the mayor, said" has a description after the name, and Roe stays the subject."""
    if not 1 <= comma - first <= 3 or not s.is_cap(first - 2) \
            or not all(s.is_cap(k) and s.low(k) not in TITLES for k in range(first, comma)):
        return False
    nxt = next((k for k in range(comma + 1, min(before, comma + 15)) if s.low(k) == "," and not s.inq[k]), None)
    return nxt is not None and _introduction(s, comma + 1, nxt)


def subject(s: CueSentence, before: int, start: int = 0) -> tuple[int, int] | None:
    """The subject of the clause that opens at ``start`` (the sentence by default): its first
    noun phrase, after an introductory phrase that ends with a comma."""
    while start < before and not s.is_word(start) and not s.inq[start] and not opens_quotation(s, start):
        start += 1  # a stray mark or a bullet before the clause ("\"Doe walked on, chanting “…”")
    # skip introductory phrases: "In a statement Tuesday, …", "However, …", "On Thursday, after
    # weeks of silence, …"
    skipped = False
    for _ in range(_INTRODUCTIONS):
        first = start
        for k in range(first, min(before, first + 14)):
            if s.low(k) == "," and not s.inq[k]:
                if _introduction(s, first, k) or skipped and _place_goes_on(s, first, k, before):
                    start = k + 1
                break
        if start == first:
            break
        skipped = True
    a = start
    while a < before and (s.low(a) in ("but", "and", "so", "yet", "still", "however", "meanwhile")
                          or s.low(a) in _FOCUS and s.is_cap(a + 1)):
        a += 1
    b = a
    while b < before:
        low = s.low(b)
        if b > a and s.low(b - 1) in DETERMINERS and s.is_word(b) and not s.is_cap(b) and low not in AUXILIARIES \
                and not cue_kind(low) and not low.endswith("ed") and low not in PREPOSITIONS and low not in SUBORDINATORS:
            # "The coach praised …": the noun after the determiner
            b += 1
            while b < before and s.is_word(b) and not s.is_cap(b) and s.low(b) not in AUXILIARIES \
                    and not cue_kind(s.low(b)) and not s.low(b).endswith(("ed", "s")) and s.low(b) not in PREPOSITIONS \
                    and s.low(b) not in SUBORDINATORS and b - a < 4:
                b += 1
            # "the district party Chairman Jane Doe declined": a name of two words or more after
            # the described noun belongs to it when a verb follows (a day's or a month's name
            # does not: "The board Monday approved"; nor "That irritates Clinton supporters")
            c = b
            while c < before and not s.inq[c] and (s.is_cap(c) or s.low(c) in TITLES) \
                    and s.low(c) not in TIME_WORDS and s.low(c) not in MONTHS:
                c += 1
            if c - b >= 2 and s.is_cap(c - 1) and s.low(c - 1) not in TITLES and opens_verb(s, c):
                b = c
            break
        if s.is_cap(b) or low in DETERMINERS or low in TITLES or low.endswith(("’s", "'s")) \
                or low in ("of", "and") and s.is_cap(b + 1) or low in ORG_HEADS or low in ANONYMOUS_HEADS \
                or low in GROUP_HEADS or low in PRONOUNS and b == a \
                or b > a and s.is_word(b) and s.low(b + 1) in TITLES and s.is_cap(b + 2):
            # (a word that describes a title before a name: "Republican presidential nominee Jane Doe")
            if low in PRONOUNS:
                b += 1
                break
            b += 1
            continue
        break
    b -= 1
    while b >= a and s.low(b) in DETERMINERS | {"of", "and"}:
        b -= 1
    if b < a or not np_ok(s, a, b):
        return None
    return a, b

#: the most words of an aside between commas inside a relative clause (``who, like the others,``)
_ASIDE = 6


def through_descriptions(s: CueSentence, b: int) -> int:
    """Extend a mention over the descriptions that follow it: "Jane Doe, a lawyer at X, who has
    worked on such cases, said" — PolNeAR's source spans include them."""
    n = len(s)
    while b + 2 < n and s.low(b + 1) in (",", "(") and not s.inq[b + 1]:
        nxt = s.low(b + 2)
        if s.low(b + 1) == "(":
            j = b + 2
            while j < n and s.low(j) != ")":
                j += 1
            if j >= n:
                break
            b = j
            continue
        if not (nxt in DETERMINERS or s.is_cap(b + 2) or nxt in TITLES or nxt in DESCRIPTION_OPENERS
                or nxt.isdigit() or nxt in ("executive", "senior", "former", "chief", "co-founder")):
            break
        j = b + 2
        if nxt in ("who", "which") and j + 1 < n and s.low(j + 1) == ",":
            # "who, like the others, spoke anonymously": the clause goes on past its aside
            k = j + 2
            while k < n and k < j + 2 + _ASIDE and s.low(k) not in (",", ".", ";", ":", "?", "!") and not s.inq[k]:
                k += 1
            if k < n and s.low(k) == "," and k < j + 2 + _ASIDE:
                j = k + 1
        while j < n and s.low(j) not in (",", ".", ";", ":", "?", "!") and not s.inq[j] \
                and s.toks[j].text not in OPEN_MARKS:
            j += 1
        if j < n and s.toks[j].text in OPEN_MARKS:
            break
        b = j - 1
    return b


#: verbs of perception and memory that take a name and an -ing verb ("remember Ada Roe going")
_PERCEIVING = frozenset("""remember remembers remembered recall recalls recalled saw see sees seen watch watched
watches heard hear hears imagine imagined picture pictured""".split())


def gerund_subject(s: CueSentence, lo: int, before: int) -> tuple[int, int] | None:
    """The last name of two or more capitalised words between a verb of perception or memory
    and an -ing verb, between ``lo`` and ``before`` ("… remember President Ada Roe going on TV,
    declaring …"): the subject of the clause a participle after it hangs on, not the sentence's."""
    found = None
    for p in range(lo, before - 2):
        if s.low(p) not in _PERCEIVING:
            continue
        k = p + 1  # the name after the verb of perception, then its -ing verb
        while k < before and s.is_cap(k) and not s.inq[k]:
            k += 1
        if k - p > 2 and k < before and s.low(k).endswith("ing") and not s.inq[k] and not cue_kind(s.low(k)) \
                and s.low(k) not in PREPOSITIONS and left_np(s, k, lo) == (p + 1, k - 1):
            found = (p + 1, k - 1)
    return found
