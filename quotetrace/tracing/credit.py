"""Whether a copy's credit clearly gives a statement to someone else than its family's speaker.

Two identities that differ are not enough to call a copy ``misattributed``: the words each
article uses to credit the statement must say so too. A copy does not clearly name another
speaker when

1. both articles credit it with the same words (``the senator``, ``the Republican candidate``):
   only the articles' own resolutions of those words differ;
2. it names the speaker by the family speaker's surname alone (``Doe said``), or with a
   description that holds that surname (``a speech Ms. Doe gave at the university``): the copy
   agrees with the original, whoever else of that surname its article names;
3. its credit is a description that names a person after a preposition (``a lawyer for Jane
   Doe``, ``a speech delivered at Ridge College``): the speaker is someone described, not the
   person or place named;
4. it is reported speech and its speaker's surname is one of its own words (``Doe argued that
   Marsh tells so many lies``, read as Marsh telling): the subject of the reported clause is
   as likely what was taken for its speaker;
5. its sentence gives the family speaker a speech cue too, outside the copied words (``Doe
   said Marsh says whatever he must``, ``“…,” Marsh said in May. “…,” said Doe.``): which of
   the two the words belong to is a reading of the sentence, not something the article
   clearly says.

And a family's whole credit is contested when the original's speaker is given by no other
article while most of the articles that credit it, two at least, agree on another identity (:func:`contested`): the
original's attribution is then the likelier mistake, and nothing in the family is called
misattributed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence

import regex

from ..text.lexicon import SPEECH_FORMS
from ..text.words import PREPOSITIONS
from .speakers import bare_surname, is_title, spelling_key
from .words import words


def _surname(name: str) -> str:
    parts = [w for w in name.split() if not is_title(w.casefold())] or name.split()
    return spelling_key(parts[-1].casefold().rstrip(".,")) if parts else ""


def _mention_key(mention: str) -> str:
    k = " ".join(mention.casefold().replace("’", "'").split())
    return k[4:] if k.startswith("the ") else k


def _describes(mention: str) -> bool:
    """A credit that describes its speaker (``a lawyer for Jane Doe``) rather than names one:
    it opens with a lower-case word and names someone after a preposition."""
    parts = mention.split()
    if not parts or not parts[0][:1].islower():
        return False
    return any(w.casefold() in PREPOSITIONS and nxt[:1].isupper() for w, nxt in zip(parts, parts[1:]))


def names_another(family_speaker: str, family_mention: str | None, speaker: str,
                  mention: str | None, role: str, statement: Sequence[str], around: str = "") -> bool:
    """Whether a copy credited to ``speaker`` (as ``mention``) clearly gives the statement to
    another than ``family_speaker`` (credited as ``family_mention`` by the original), the two
    being different identities already; ``statement`` is the copy's own stems and ``around``
    the rest of its sentence (see the module docstring for the five cases where it does not)."""
    if mention and family_mention and _mention_key(mention) == _mention_key(family_mention):
        return False
    theirs = _surname(family_speaker)
    if mention:
        alone = bare_surname(mention.strip())
        if alone is not None and spelling_key(alone.casefold()) == theirs:
            return False
        if _describes(mention):
            return False
        if mention[:1].islower() and theirs in {_bare_word(w) for w in mention.split()}:
            return False
    if role == "reported-speech":
        mine = words(_surname_word(speaker)).stems
        if mine and mine[0] in statement:
            return False
    if mention:  # the copy's own credit is not the family speaker's (``Ann Doe`` for ``Jane Doe``)
        around = around.replace(mention, " ", 1)
    if theirs and _speaks_in(theirs, around):
        return False
    return True


#: the forms that stand before their speaker in an inverted credit (``…,” said Doe``)
_INVERTED = frozenset("said says added adds asked asks wrote writes".split())


def _speaks_in(surname: str, sentence: str) -> bool:
    """Whether ``sentence`` gives the person of ``surname`` a speech cue: the name with a cue
    within two words after it (``Doe further argued``), or after an inverted one (``said
    Doe``, ``according to Doe``). A name in any other place (``she assured Doe``) is no credit."""
    tokens = _TOKEN_RE.findall(sentence)
    for k, w in enumerate(tokens):
        if not w[:1].isupper() or _bare_word(w) != surname:
            continue
        if any(t.casefold() in SPEECH_FORMS for t in tokens[k + 1:k + 3]):
            return True
        before = [t.casefold() for t in tokens[max(0, k - 2):k]]
        if before[-1:] and before[-1] in _INVERTED or before == ["according", "to"]:
            return True
    return False


_TOKEN_RE = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}’'-]*")
_SENTENCE_END_RE = regex.compile(r"[.!?][\"”’')]*\s+(?=[\p{Lu}“\"‘'])|\n")
#: how far from a copy its sentence is looked for, each way
_SENTENCE_REACH = 300


def around(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The sentence (or sentences, for a split quote) that holds ``spans``, without them."""
    start, end = spans[0][0], spans[-1][1]
    lo = max(0, start - _SENTENCE_REACH)
    cut = [m.end() for m in _SENTENCE_END_RE.finditer(text, lo, start)]
    first = cut[-1] if cut else lo
    m = _SENTENCE_END_RE.search(text, max(start, end - 1), min(len(text), end + _SENTENCE_REACH))
    last = m.start() + 1 if m else min(len(text), end + _SENTENCE_REACH)
    parts, pos = [], first
    for s, e in spans:
        parts.append(text[pos:s])
        pos = e
    parts.append(text[pos:last])
    return " ".join(parts)


def _bare_word(word: str) -> str:
    """A word of a mention as a surname would be compared: folded, without a possessive."""
    w = regex.sub(r"['’]s$", "", word.casefold().strip(".,;:"))
    return spelling_key(w)


def _surname_word(name: str) -> str:
    parts = [w for w in name.split() if not is_title(w.casefold())] or name.split()
    return parts[-1] if parts else ""


def contested(family: str | None, credits: Iterable[tuple[int, str | None]],
              identity: Callable[[str | None], str | None],
              differ: Callable[[str | None, str | None], bool]) -> bool:
    """Whether a family credited to ``family`` by its original is contested: no other article
    (``credits`` holds each other occurrence's article and speaker) gives it to the same
    identity, and most of those that give it to another identity, two at least, agree on one."""
    mine = identity(family)
    agree: set[int] = set()
    others: dict[int, str] = {}
    for article, who in credits:
        theirs = identity(who)
        if theirs is None:
            continue
        if theirs == mine:
            agree.add(article)
        elif differ(who, family):
            others.setdefault(article, theirs)
    if agree or len(others) < 2:
        return False
    top = Counter(others.values()).most_common(1)[0][1]
    return top >= 2 and 2 * top > len(others)
