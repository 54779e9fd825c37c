"""What a speaker mention says on its own: its canonical name, its kind, and its role words.

``Germany’s Finance Minister Klara Vogt`` → name ``Klara Vogt``, type ``person``, role
``finance minister``; ``the state news agency Argus`` → ``Argus``, ``organization``;
``an official familiar with the framework`` → ``anonymous``; ``the lawsuit``, ``a police report``
→ ``document``; ``The US President`` → no name, role ``president``: the article has to say who
that is (see :mod:`.resolve`).
"""

from __future__ import annotations

import functools

import attrs
import regex

from ..text.layout import TITLE_STOPS
from ..text.words import (ANONYMOUS_HEADS, DETERMINERS, DOCUMENT_HEADS, GROUP_HEADS, ORG_HEADS, PRONOUNS, TITLES,
                          WEEKDAYS)
from .knobs import DESCRIPTION_MAX_CHARS, DESCRIPTION_WORDS

_WORD_RE = regex.compile(r"@\w+|(?:\p{Lu}\.){2,}|[\w’'.\-&]+")
_POSSESSIVE = ("’s", "'s", "’", "'")
# nationality and place adjectives before a title: "Brazilian President", "US Secretary"
_NATIONALITY_RE = regex.compile(r"(?:\p{Lu}[\p{Ll}]+(?:ian|ean|an|ese|ish|ic|i)|U\.?S\.?|UK|EU|UN|French|Dutch|Greek|"
                                r"Thai|Swiss|Czech|Welsh|Irish|Scottish|Danish|Swedish|Finnish|Polish|Turkish)\Z")
_HANDLE_RE = regex.compile(r"\(@\w+\)")
_BRACKETS_RE = regex.compile(r"\s*\([^)]*\)")
# abbreviated titles ("Del.", "Sen."), lower-case as TITLES holds its words
_TITLE_ABBREVIATIONS = frozenset(TITLE_STOPS.lower().split("|"))
_POSSESSIVE_END_RE = regex.compile(r"[’']s?\Z")
_NUMBERS = frozenset("one two three four five several many some few most".split())
#: a quantity standing alone for its speakers ("Another said", "Some argue"): one unnamed
#: person, or a group; never a name, capitalised though it is
_ONE_ALONE = frozenset(("one", "another"))
_SOME_ALONE = frozenset("several many some few most both all others".split())


@attrs.frozen
class Described:
    """A mention, read on its own."""

    name: str | None
    type: str
    role: str = ""
    pronoun: str = ""
    #: the country or owner a role belongs to, as a short stem: "US President" → "us"
    qualifier: str = ""


def _is_cap(word: str) -> bool:
    return word[:1].isupper() or word[:1] == "@"


#: titles that name a field, not a person: they head no title of their own ("Finance Minister",
#: "Secretary of State", "Vice President")
_FIELDS = frozenset("state finance foreign defense defence interior treasury press prime vice".split())


def _shortened(description: str, words: list[str]) -> str:
    """A description as a speaker's name: whole when short, else its first words."""
    return description if len(description) < DESCRIPTION_MAX_CHARS else " ".join(words[:DESCRIPTION_WORDS])


def _without_owner(words: list[str], lows: list[str]) -> tuple[list[str], list[str], str]:
    """The words without a possessive owner ("Russia’s Foreign Minister …" → "Foreign Minister
    …"), and the owner."""
    for k, w in enumerate(words[:-1]):
        if w.endswith(_POSSESSIVE) and k < len(words) - 1:
            return words[k + 1:], lows[k + 1:], lows[k]
    return words, lows, ""


#: titles that also end names: common surnames (Stephen King, John Major, Erik Prince, Jim
#: Justice) and agencies' names (the Associated Press, the Free Press)
_SURNAME_TITLES = frozenset("king bishop judge major prince justice press".split())
#: words that make a title of one of them before it: "Crown Prince", "Chief Justice"
_RANKS = frozenset("crown chief high grand supreme associate army drum senate house majority minority".split())


_AFFILIATIONS = frozenset("for of at from with".split())
_FORMER = frozenset("former acting interim late then".split())


def _before_affiliation(words: list[str], lows: list[str]) -> tuple[list[str], list[str]]:
    """A full name (two or three capitalised words, or a surname before an institution) and where
    its bearer works or lives: "Jane Doe for Morning Consult", "Ada Roe of the Harbour Times",
    "Roe of the University of Avalon". The name is the speaker, not the
    place after the preposition (a mention that opens with a title, an institution or a longer
    run of words, "Secretary of State", "Bank of Avalon", "Port County Clerk of Courts Ada
    Roe", is left to the rules after)."""
    p = next((k for k, lw in enumerate(lows) if lw in _AFFILIATIONS), -1)
    if p < 1:
        return words, lows
    # titles before the name stay with it: "Sen. Jane Doe of Avalon", "US Rep. Ada Roe of Port
    # County" (but "Secretary of State Ana Ruiz" has no name before its "of")
    t = 0
    while t < p and (lows[t] in TITLES or lows[t] in _RANKS or lows[t] in _FORMER
                     or _NATIONALITY_RE.match(words[t]) and lows[t + 1] in TITLES) \
            and (lows[t] not in _SURNAME_TITLES or t == 0):
        t += 1
    if t and not any(lw in TITLES for lw in lows[:t]):
        t = p  # "Former Security of State …": no title, no name
    # a lone surname too, when an institution follows: "Vale of the University of Avalon"
    lone = p - t == 1 and (t > 0 or any(lw in ORG_HEADS for lw in lows[p + 1:]))
    # (a first name or a surname that ends like a nationality, "Brian", "Kowalski", is a name)
    if (2 <= p - t <= 3 or lone) and all(_is_cap(w) for w in words[t:p]) \
            and not any((lw in TITLES and not (lw in _SURNAME_TITLES and j == p - 1 > t)) or lw in ORG_HEADS
                        or lw in DETERMINERS or lw in _FORMER for j, lw in enumerate(lows[t:p], t)):
        return words[:p], lows[:p]
    return words, lows


#: "a speech Ms. Doe gave at …": a determiner, one or two lower-case nouns, a name, a verb
_MADE_BY_RE = regex.compile(r"(?:a|an|the|his|her|their|its)\s+((?:\p{Ll}[\p{L}-]*\s+){1,2}?)"
                            r"((?:the\s+)?(?:\p{Lu}[\p{L}\p{M}.’'-]*\s+){0,4}\p{Lu}[\p{L}\p{M}’'-]*)\s+(\p{Ll}+)\b")
_UTTERANCES = frozenset("speech speeches interview remarks address op-ed essay talk lecture sermon briefing "
                        "comments announcement".split())
_MADE_THINGS = _UTTERANCES | DOCUMENT_HEADS
# "a 2013 study by two economists", "data released Friday by state regulators", "calculations
# from the Avalon Institute": a thing made, then who made it
_MADE_BY_AFTER_RE = regex.compile(r"(?:(?:a|an|the)\s+)?((?:[\p{Ll}\d][\p{L}\d/-]*\s+){0,3}?[\p{Ll}][\p{L}-]*)"
                                  r"(?:\s+(?:released|published|conducted|commissioned|compiled|issued)"
                                  r"(?:\s+(?:on\s+)?\p{Lu}\p{Ll}+)?)?\s+(?:by|from)\s+(\S.*)")
_MADE_DATA = frozenset("calculations figures data numbers estimates tally count research findings results "
                       "projections models model".split())
_MAKING_VERBS = frozenset("gave made wrote sent held told posted gives makes writes sends holds tells posts "
                          "put puts took".split())


def _institution(words: list[str], lows: list[str]) -> str | None:
    """The name of an institution named with "of": "the Bank of Avalon", "Department of Justice",
    "the University of Port County" (the whole mention: the place after "of" is not the speaker)."""
    k = 1 if lows[0] == "the" else 0
    p = next((x for x in range(k + 1, len(lows) - 1) if lows[x] == "of"), -1)
    if p < 0 or lows[p - 1] not in ORG_HEADS or not all(_is_cap(w) for w in words[k:p] + words[p + 1:]) \
            or any(lw in TITLES for lw in lows[p + 1:]):  # "Bank of Avalon Governor Jane Doe"
        return None
    return " ".join(words[k:]).rstrip(",.;:")


#: prepositions that tie a common noun to the name of someone else: "supporters of", "close to"
_LINKS = frozenset("of to with for about among near behind around".split())
#: heads that name people by their tie to someone, or a share of a group: "friends of", "76
#: percent of" (with the titles and the heads of anonymous sources and groups; an institution
#: "of" a place is the place's: "the government of Avalon")
_TIED = frozenset("""friend friends ally allies backer backers supporter supporters critic critics rival rivals
member members fan fans son sons daughter daughters wife husband brother sister mother father relative
relatives neighbor neighbors neighbour neighbours colleague colleagues associate associates employee employees
staff producer producers manager managers owner owners partner partners percent majority minority share number
half most many some all third quarter fraction proportion dozens hundreds thousands""".split())
#: heads whose words are their principal's: "a spokesman for Jane Doe" speaks for Jane Doe
_AGENTS = frozenset("spokesman spokeswoman spokesperson spokesmen spokespeople lawyer lawyers attorney attorneys "
                    "representative representatives counsel".split())


def _named_by_link(words: list[str], lows: list[str], last_desc: int) -> int:
    """The index of the preposition when the name after ``last_desc`` is the object of one that
    follows a lower-case head ("friends of Jane Doe", "ties to both Roes"); -1 otherwise."""
    j = last_desc
    while j > 0 and (lows[j] in DETERMINERS or lows[j] == "both"):
        j -= 1
    if j < 1 or lows[j] not in _LINKS or last_desc + 1 >= len(words):
        return -1
    head = next((k for k in range(j - 1, -1, -1) if lows[k] not in DETERMINERS and lows[k] != "close"), -1)
    low = lows[head] if head >= 0 else ""
    # (a head that opens the sentence is capitalised all the same: "Supporters of Jane Doe")
    if head < 0 or _is_cap(words[head]) and not (head == 0 and (low in _TIED or low in GROUP_HEADS)) \
            or (lows[j] == "for" and low in _AGENTS):
        return -1
    tied = low in _TIED or low in TITLES or low in ANONYMOUS_HEADS or low in GROUP_HEADS or low == "%" \
        or low.endswith("s") and low[:-1] in TITLES
    return j if tied and not any(lw in ORG_HEADS for lw in lows[:j]) else -1


#: last words of names that are no person's though written like one: places ("United
#: States", "North Carolina", "Mexico City"), things ("Paris Agreement") and days ("Super Tuesday")...
_PLACE_LAST = frozenset("""states kingdom nations emirates carolina dakota virginia hampshire zealand korea
africa america arabia islands island republic city county hill coast valley europe asia street avenue square
airport bridge river lake district""".split()) | WEEKDAYS
#: ...and of things, whatever their length ("Free Trade Agreement", "Community Survey")
_THING_LAST = frozenset("""agreement partnership treaty accord act amendment survey poll index plan program
programme initiative recession depression war crisis revolution era movement election elections convention
caucus caucuses primary primaries debate debates summit olympics championship prize""".split())
#: ...and first words ("New Mexico", "San Bernardino")
_PLACE_FIRST = frozenset("""new united north south east west northern southern eastern western central saudi
costa sri hong puerto rhode san santa los las el""".split())


def _place(words: list[str]) -> bool:
    """Whether a capitalised name is a place's or a thing's: a country, a state or a treaty is
    no person, and "she" never stands for one."""
    lows = [w.lower().strip(".,") for w in words]
    return len(lows) >= 2 and lows[-1] in _THING_LAST \
        or 2 <= len(lows) <= 3 and (lows[-1] in _PLACE_LAST or lows[0] in _PLACE_FIRST)


def _appositive_name(apposition: str) -> str | None:
    """The name an appositive gives, up to its next comma: two to four capitalised words, none a
    title or an institution's head ("Ina Vale", "Tom J. Lund")."""
    named = _WORD_RE.findall(_BRACKETS_RE.sub("", apposition.partition(",")[0]))
    while named[2:] and (not _is_cap(named[0]) or named[0].lower().rstrip(".") in TITLES
                         or named[0].endswith(".") and named[0].lower()[:-1] in _TITLE_ABBREVIATIONS):
        named = named[1:]  # "state Del. Ina Vale (D-Avalon)": the title before the name
    if 2 <= len(named) <= 4 and all(_is_cap(w) for w in named) \
            and not any(w.lower().rstrip(".") in TITLES or w.lower() in ORG_HEADS for w in named):
        return " ".join(named).rstrip(",.;:")
    return None


#: party words that describe the name after them ("Democrat Ada Roe", "GOP Sen. Tom Vale")
_PARTIES = frozenset("republican republicans democrat democratic democrats gop independent libertarian".split())


#: occupations written before a full name like a title, but no role the article resolves
#: ("Comedian Jane Doe", "Assemblywoman Ada Roe"; "the businessman" names nobody)
_OCCUPATIONS = frozenset("""assemblyman assemblywoman councilman councilwoman alderman selectman businessman
businesswoman comedian historian physician politician musician librarian veteran statesman""".split())


def _last_descriptor(words: list[str], lows: list[str]) -> int:
    """The index of the last title or descriptor word: the name is the capitalised words after it
    (-1 when the mention opens with the name)."""
    last_desc = -1
    for k, (w, lw) in enumerate(zip(words, lows)):
        if lw in _SURNAME_TITLES and k == len(words) - 1 and k > 0 and _is_cap(w) and _is_cap(words[k - 1]) \
                and lows[k - 1] not in TITLES and lows[k - 1] not in ORG_HEADS and lows[k - 1] not in _RANKS \
                and not _NATIONALITY_RE.match(words[k - 1]):
            continue  # a surname that is also a title, after a first name: Tom Lund King, Ada Bishop
        if not _is_cap(w) or lw in TITLES or (_NATIONALITY_RE.match(w) and k + 1 < len(words) and lows[k + 1] in TITLES) \
                or ((lw in _PARTIES or lw in _OCCUPATIONS) and k + 2 < len(words)
                    and all(_is_cap(x) for x in words[k + 1:]) and lows[-1] not in ORG_HEADS):
            last_desc = k  # ... or a party or an occupation before a full name: "Comedian Jane Doe"
    # "Secretary of State Ana Ruiz": "of State" belongs to the title
    k = last_desc + 1
    while k + 1 < len(words) and lows[k] == "of" and _is_cap(words[k + 1]):
        k += 2
        last_desc = k - 1
    return last_desc


def _unnamed(text: str, head: str, words: list[str], lows: list[str], org: bool, role: str,
             qualifier: str) -> Described:
    """A mention with no name in it: "a senior official", "Republicans", "the agency", "the
    senator"."""
    head_low = lows[-1]
    if (lows[0] in ("a", "an") or lows[0] in _NUMBERS or head_low in ANONYMOUS_HEADS) \
            and not org and (head_low in ANONYMOUS_HEADS or lows[0] in ("a", "an")):
        return Described(_shortened(text, words), "anonymous", role=role)
    if head_low in GROUP_HEADS or head_low.endswith("s") and not org and head_low not in TITLES:
        return Described(head, "group", role=role)
    if org:
        return Described(None, "organization", role=head_low)
    if any(lw in ANONYMOUS_HEADS for lw in lows):
        return Described(_shortened(text, words), "anonymous", role=role)
    return Described(None, "person" if role else "unknown", role=role, qualifier=qualifier)


@functools.lru_cache(maxsize=65536)
def describe(mention: str) -> Described:
    """Canonical name, type and role of a speaker mention, from its words alone."""
    text = mention.strip()
    low = text.lower()
    if low in PRONOUNS or low in ("him", "her", "them", "his", "its", "their"):
        return Described(None, "unknown", pronoun=low)  # (a possessive one is left unresolved)
    if low in _ONE_ALONE or low in _SOME_ALONE:
        return Described(text, "anonymous" if low in _ONE_ALONE else "group")
    made = _MADE_BY_RE.match(text)
    if made and made.group(1).split()[-1] in _MADE_THINGS \
            and (made.group(3).endswith("ed") or made.group(3) in _MAKING_VERBS):
        # "a speech Ms. Doe gave at the university", "a statement Argus released on Monday":
        # the one who gave or released it speaks, not the place or the day named after
        return describe(made.group(2))
    made = _MADE_BY_AFTER_RE.fullmatch(text)
    if made and made.group(1).split()[-1] in _MADE_THINGS | _MADE_DATA:
        # "a new poll by the Avalon Institute of Politics": the institute, not "Politics"
        return describe(made.group(2))
    # an appositive or a relative clause describes the name before it: "Argus, a weekly paper …"
    head, _, apposition = text.partition(",")
    handle = _HANDLE_RE.search(head)
    head = _BRACKETS_RE.sub("", head).strip()
    words = _WORD_RE.findall(head)
    if not words:
        return Described(None, "unknown")
    lows = [w.lower().rstrip(".") for w in words]
    words, lows, owner = _without_owner(words, lows)
    words, lows = _before_affiliation(words, lows)
    app_lows = [w.lower() for w in _WORD_RE.findall(apposition)]
    content = [lw for lw in lows if lw not in DETERMINERS]
    if len(content) >= 2 and all(lw in DOCUMENT_HEADS for lw in content) and not handle:
        # "Video Transcript:" over a transcript: a document's words, capitalised as a heading
        return Described(_shortened(head, words), "document")
    if lows[-1] in DOCUMENT_HEADS and words[-1].islower() and not handle:
        # "the lawsuit", "a police report", "Mueller's memo": a document, named by its mention
        # ("The Washington Post" is capitalised, and a paper)
        return Described(_shortened(head, words), "document")
    if (lows[0] in DETERMINERS and lows[0] not in ("the", "that", "this") or owner and not any(map(_is_cap, words))) \
            and (named := _appositive_name(apposition)):
        # "Another critic, Ina Vale", "His former partner at Argus, Tom Lund", "Roe's niece, Ina
        # Vale": a description, then the name
        return Described(named, "person", role=" ".join(lw for lw in lows if lw in TITLES))
    institution = _institution(words, lows) if not owner else None
    if institution is not None:
        return Described(institution, "organization")
    last_desc = _last_descriptor(words, lows)
    link = _named_by_link(words, lows, last_desc)
    if link > 0:
        # "supporters of Jane Doe", "sources close to Ada Roe", "the mayor of Port Avalon": the
        # name after the preposition is not the speaker, who is unnamed here
        role = " ".join(lw for lw in lows[:link] if lw in TITLES)
        named = _appositive_name(apposition)
        if named:  # "The director of the Avalon Centre, Ina Vale": the name follows
            return Described(named, "person", role=role)
        org = lows[link - 1] in ORG_HEADS
        place = " ".join(w for w in words[link + 1:] if _is_cap(w))
        return _unnamed(text, head, words[:link], lows[:link], org, role,
                        place.replace(".", "").lower()[:4] if role else "")
    name_words = [w for w in words[last_desc + 1:]]
    name_lows = [lw for lw in lows[last_desc + 1:]]
    desc_lows = [lw for lw in lows[: last_desc + 1] if lw not in DETERMINERS] + app_lows
    role = " ".join(lw for lw in lows[: last_desc + 1] if lw in TITLES)
    nation = next((w for w in words[: last_desc + 1] if _NATIONALITY_RE.match(w)), "") or owner
    qualifier = nation.replace(".", "").lower()[:4]
    # the head noun decides: "military blogger" is a person, "the military" an organisation
    org = bool(desc_lows and desc_lows[-1] in ORG_HEADS and desc_lows[-1] not in app_lows) \
        or bool(name_lows and name_lows[-1] in ORG_HEADS) \
        or (app_lows[:1] != ["who"] and any(lw in ORG_HEADS for lw in app_lows[:4]))
    first = next((lw for lw in lows if lw not in DETERMINERS and lw not in _NUMBERS), "")
    if first in ANONYMOUS_HEADS and not name_words[1:]:
        return Described(_shortened(text, words), "anonymous", role=role)
    the = lows[0] == "the"
    while name_words[1:] and name_lows[0] in DETERMINERS:
        name_words, name_lows = name_words[1:], name_lows[1:]
    if len(name_words) > 1 and _NATIONALITY_RE.match(name_words[0]) and not handle \
            and (name_lows[-1] in ORG_HEADS or name_lows[-1] in GROUP_HEADS) and name_lows[0] not in _PARTIES:
        # "The Freedonian Audit Committee" names the committee; but "Brian Vale", "Susan Roe":
        # a first name may end like a nationality
        name_words, name_lows = name_words[1:], name_lows[1:]
    if not name_words:
        if lows[-1] in _FIELDS and len(lows) > 1 and not any(lw in TITLES for lw in lows[:-1]) and lows[-2] != "of" \
                and all(_is_cap(w) for w, lw in zip(words, lows) if lw not in DETERMINERS):
            # "Islamic State", "Harbour Energy Finance": a field heads no person's title (that is
            # "Secretary of State", "Finance Minister"); capitalised, the words name a body
            return Described(" ".join(w for w, lw in zip(words, lows) if lw not in DETERMINERS), "organization")
        return _unnamed(text, head, words, lows, org, role, qualifier)
    name = " ".join(name_words).rstrip(",.;:")
    if name.endswith(_POSSESSIVE):
        name = _POSSESSIVE_END_RE.sub("", name)
    # "The Times", "the Vatican": a one-word name keeps its article
    if len(name_words) == 1 and the and last_desc <= 0:
        name = "The " + name
    if handle:
        name = f"{name} {handle.group(0)}"
    if name.lower() in GROUP_HEADS:
        return Described(name, "group", role=role)
    if org or the or (name.replace(".", "").isupper() and len(name.replace(".", "")) >= 2) \
            or (not role and _place(name_words)):
        kind = "organization"  # a country or a state speaks as its government does
    elif role or len(name_words) >= 2:
        kind = "person"
    else:
        kind = "unknown"
    if any(lw in ANONYMOUS_HEADS for lw in desc_lows) and not role and kind == "unknown":
        kind = "person"
    return Described(name, kind, role=role, qualifier=qualifier)
