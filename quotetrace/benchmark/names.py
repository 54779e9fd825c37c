"""Whether a speaker's name looks like a person's or an organization's full name."""

from __future__ import annotations

import re

from quotetrace.model import Quote
from .words import STOPWORDS

# a name word: a capital, then letters (McManus, D’Souza, García, O'Malley); or an initial (F.)
_NAME_WORD = r"(?:[A-Z](?=[^\W\d_]*[a-zà-ÿ])[^\W\d_]*(?:[-'’][^\W\d_]+)*|[A-Z]\.)"
_FULL_NAME = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{1,3}}")
_PERSON = re.compile(rf"{_NAME_WORD}(?: {_NAME_WORD}){{0,3}}")


#: Words a sentence starts with that the extractor sometimes takes into a name (``But Pate``).
NOT_A_NAME = STOPWORDS | frozenset("""
but then though although as on in at after before however meanwhile later earlier still also now
continued added says said asked told according monday tuesday wednesday thursday friday saturday
sunday january february march april may june july august september october november december
professor president senator governor mr mrs ms dr sen rep gov
whether since despite besides following unlike several another many
""".split())
#: First words of places the extractor sometimes types as people (``New Hampshire said``).
PLACE_WORDS = frozenset("new north south east west united los san las saint st fort".split())


_ORG_NAME = re.compile(r"(?:[A-Z][\w&.'’-]*)(?: (?:of|for|and|the|[A-Z][\w&.'’-]*)){0,4}")


def full_name(name: str) -> bool:
    """``Jane Okafor``, ``John F. Marsh``: not ``Friends Of The Harbour (@harbourfriends)``,
    ``But Pate`` or ``On Wednesday``."""
    return bool(_FULL_NAME.fullmatch(name)) and _no_stray_words(name)


def _no_stray_words(name: str) -> bool:
    words = name.lower().split()
    return not any(w in NOT_A_NAME for w in words) and words[0] not in PLACE_WORDS


def org_name(name: str) -> bool:
    """``The Ledger``, ``Audit Committee``: not ``The F.B.I``, cut short of its period."""
    return bool(_ORG_NAME.fullmatch(name)) and "." not in name \
        and name.split()[0].lower() not in NOT_A_NAME - {"the"}


def _named(q: Quote) -> bool:
    """Credited to a person or organization whose name looks like one (``Clinton`` will do)."""
    spk = q.speaker
    if spk is None:
        return False
    if spk.type == "person":
        return bool(_PERSON.fullmatch(spk.name)) and _no_stray_words(spk.name)
    return spk.type == "organization" and org_name(spk.name)
