"""A light tokenizer and the closed word classes that rules need in place of a tagger.

Notes:
    Closed classes (determiners, pronouns, auxiliaries, prepositions, subordinators) are the
    standard English ones; titles and source nouns follow the speaker categories of PolNeAR
    (Newell et al. 2018) and the source types of PARC 3.0 (Pareti 2016).
"""

from __future__ import annotations

from collections.abc import Sequence

from typing import NamedTuple

import regex

from .lexicon import SPEECH_FORMS, STANCE_FORMS

# words, numbers with inner punctuation (U.S., 3.5, don't, Ortiz’s), or one symbol
from .layout import ABBREVIATIONS

# acronyms (U.S.), initials (John D. Podesta), abbreviations (Sen., Rep.) keep their period
_ABBREVS = sorted((a for a in ABBREVIATIONS if a.isalnum()), key=len, reverse=True)
_ABBREV = "|".join(_ABBREVS)
# a plural possessive keeps its apostrophe ("veterans' families"), so it is not taken for a mark;
# the lookahead before the abbreviations spares the engine their long alternation at every word
# that is not followed by a period, which halves the tokenizer's time
_TOKEN_RE = regex.compile(r"(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|(?=\w{1,%d}\.\s)(?i:(?:%s)\.)(?=\s)"
                          r"|\w+(?:[’'\-&]\w+)*(?:(?<=s)[’'](?=\s+\p{Ll}))?|[^\w\s]" % (len(_ABBREVS[0]), _ABBREV))


class Tok(NamedTuple):
    """A token with offsets; a plain tuple because sentences with a cue make many of them."""

    start: int
    end: int
    text: str
    low: str


_new_tuple = tuple.__new__


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    # tuple.__new__ skips the named tuple's Python-level constructor: this is the rules' hottest loop
    return [_new_tuple(Tok, (m.start(), m.end(), g := m.group(), g.lower()))
            for m in _TOKEN_RE.finditer(text, start, end)]


DETERMINERS = frozenset("the a an this that these those his her their its our my your some any "
                        "each every another no".split())
#: Personal pronouns as subjects (and "who", which stands for one); as objects.
PERSONAL_SUBJECTS = frozenset("i we you he she it they".split())
PRONOUNS = PERSONAL_SUBJECTS | {"who"}
OBJECT_PRONOUNS = frozenset("him her them it us me you".split())
#: The forms of "be": before a participle they make it passive ("was told", "has been described").
BE_FORMS = frozenset("been was were is are be being".split())
#: Auxiliaries and modals that stand before a verb ("has said", "would argue"), without "be".
VERB_AUXILIARIES = frozenset("has have had is are was were will would could can may might should must did does "
                             "do shall".split())
AUXILIARIES = VERB_AUXILIARIES | BE_FORMS | {"'s", "’s"}
#: Before an -ing cue, what its subject is heard or seen doing, after a form of "be" ("was heard
#: saying", "can be seen telling"), or keeps doing ("kept saying"): the subject still speaks, and
#: the verb is part of the cue's verb group.
PERCEIVED = frozenset("heard overheard seen caught filmed recorded shown spotted".split())
KEEPS_ON = frozenset("kept keeps keep began begins started starts".split())


def leads_ing_cue(verb: str, before: str) -> bool:
    """Whether ``verb`` (lower case, ``before`` the word before it) stands between a subject and
    its -ing cue: "kept saying", or "was heard saying" after a form of "be"."""
    return verb in KEEPS_ON or verb in PERCEIVED and before in BE_FORMS


#: Modals: before a cue they make it a prediction or a possibility, not a report ("would tell").
MODALS = frozenset("would will could might may can should".split())
#: Modals that are also given names and surnames ("Will Estrada", "Theresa May"): capitalized
#: before a verb form no modal takes ("May said"), they are names.
MODAL_NAMES = frozenset(("may", "will", "can"))
# adverbs and particles that sit between a subject and its cue: "has also repeatedly said"
ADVERBS = frozenset("also later earlier then still again once previously already repeatedly never "
                    "not often just recently reportedly allegedly publicly privately separately "
                    "further even only first last finally since initially ultimately instead "
                    "frequently loudly quietly".split())
SUBORDINATORS = frozenset("after before because when while as though although but and or that "
                          "since if where whereas which who whom whose so yet until unless "
                          "whether than nor".split())
PREPOSITIONS = frozenset("in on at to for with from by of about into over under during after before "
                         "between against among through across without within per via".split())
#: The particles of phrasal verbs (``rolled out``, ``put up``): a noun phrase after one is the
#: verb's object, and never begins with it.
PARTICLES = frozenset("out up off down away back".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
TIME_WORDS = WEEKDAYS | frozenset("today yesterday tonight morning afternoon evening night week month year "
                                  "weekend".split())
MONTHS = frozenset("""january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec""".split())
# what a time phrase is made of besides its time words ("last month", "early on Tuesday")
_WHEN_GLUE = frozenset("last this next that each every early late earlier later on in at the of".split())


#: the longest phrase :func:`only_when` reads ("Early on Tuesday morning"): a longer one says more
#: than when, and is not read word by word (a sentence's whole head is asked about at each cue)
WHEN_CHARS = 40


#: the most words a passage in marks may have and still be read as a title when most are capitalised
TITLE_WORDS = 8


def title_shaped(n: int, capitalised: int) -> bool:
    """Whether ``n`` words in marks, ``capitalised`` of them, are shaped like a title or a
    heading rather than speech: a few words, most of them capitalised."""
    return 0 < n <= TITLE_WORDS and capitalised >= 0.6 * n


def reads_as_title(words: Sequence[str]) -> bool:
    """Whether a passage in marks reads as a title or a heading rather than speech
    (:func:`title_shaped`: "Legend in the Coal Fields.", "The Late Show")."""
    return title_shaped(len(words), sum(w[:1].isupper() for w in words))


def only_when(phrase: str) -> bool:
    """Whether a phrase only says when (``Last month``, ``On Tuesday morning``, ``In May 2016``):
    an opening phrase, not what was said nor who said it."""
    if len(phrase) > WHEN_CHARS:
        return False
    ws = [w.strip(".,").lower() for w in phrase.split()]
    return any(w in TIME_WORDS or w in MONTHS for w in ws) \
        and all(w in TIME_WORDS or w in MONTHS or w in _WHEN_GLUE or w.isdigit() for w in ws)

# Nouns that name a person's role; with a name after them they are a title, alone a description.
TITLES = frozenset("""
whip president vice prime minister secretary senator sen rep representative congressman congresswoman
governor gov mayor general gen lt col colonel maj major capt captain admiral adm sgt sergeant
ambassador envoy adviser advisor aide chief director chairman chairwoman chair spokesman
spokeswoman spokesperson press leader speaker judge justice attorney commissioner officer official
minister deputy head foreign defense defence interior finance state treasury chancellor king queen
prince princess pope bishop dr mr mrs ms miss prof professor rev reverend sir lord lady dame
candidate nominee founder ceo executive analyst economist strategist pollster commander
correspondent reporter editor columnist blogger host anchor journalist writer author
""".split())

# Head nouns of organisations and media; a mention ending in one is not a person.
ORG_HEADS = frozenset("""
agency committee ministry department government administration campaign party newspaper paper
channel network company corporation council office police court commission bureau service union
association institute foundation organization organisation group coalition alliance army military
navy force forces parliament congress senate house kremlin pentagon embassy board team station
magazine journal times post news tribune herald gazette guardian telegraph blog website site
outlet wire center centre university college school hospital bank fund club society
""".split())

# Documents and messages that "say" things: "the statement read", "the letter says", "the filing
# alleges", "according to a police report" (speaker type ``document``).
DOCUMENT_HEADS = frozenset("""
statement letter report memo sign post tweet email message note document ad advert release study
survey poll filing complaint lawsuit indictment ruling order decision plan bill website page video
article story piece column editorial book headline caption text transcript placard banner
suit affidavit motion petition warrant subpoena audit memorandum manifesto dossier notice directive
bulletin testimony deposition summary readout communique draft proposal platform resolution analysis
review assessment records documents filings papers
""".split())

# Nouns that stand for an unnamed source.

ANONYMOUS_HEADS = frozenset("""
official officials source sources person people aide aides insider insiders adviser advisers
spokesman spokeswoman spokesperson staffer staffers diplomat diplomats analyst analysts expert
experts observer observers witness witnesses resident residents someone
""".split())

GROUP_HEADS = frozenset("""
democrats republicans conservatives liberals voters critics supporters opponents protesters
lawmakers leaders officials residents americans citizens activists members investigators
authorities prosecutors police workers students parents analysts experts economists others
senators representatives congressmen governors mayors ministers candidates
delegates donors organizers proponents backers advocates detractors skeptics""".split())


def cue_kind(low: str) -> str | None:
    """``speech``, ``stance`` or None for a lower-cased word."""
    if low in SPEECH_FORMS:
        return "speech"
    if low in STANCE_FORMS:
        return "stance"
    return None

