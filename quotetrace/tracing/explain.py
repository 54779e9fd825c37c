"""Why a copy is ``misattributed``: the two speakers as each article names them, the identities
they resolve to, and the difference between those identities, in a few words a reader can check."""

from __future__ import annotations

from ..model import Misattribution
from .speakers import is_title, spelling_key


#: Name suffixes, which are no surname (``Joseph R. Biden Jr``).
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def _surname(name: str) -> str:
    words = [w for w in name.split() if w.casefold() not in _SUFFIXES] or name.split()
    return words[-1] if words else name


def reason(family_speaker: str, family_type: str | None, speaker: str, speaker_type: str | None) -> str:
    """Why two identities differ: their kinds, their surnames, or their first names."""
    if family_type and speaker_type and family_type != speaker_type:
        return f"{family_type} and {speaker_type}"
    a, b = _surname(family_speaker), _surname(speaker)
    if spelling_key(a.casefold()) != spelling_key(b.casefold()):
        return f"different {'names' if family_type == 'organization' else 'surnames'} ({a}, {b})"
    return f"different first names ({_first(family_speaker)}, {_first(speaker)})"


def _first(name: str) -> str:
    words = [w for w in name.split() if not is_title(w.casefold())] or name.split()
    return words[0]


def misattribution(original_article: str, original_mention: str | None, family_speaker: str,
                   family_type: str | None, mention: str | None, speaker: str,
                   speaker_type: str | None) -> Misattribution:
    return Misattribution(original_article, original_mention, family_speaker, mention, speaker,
                          reason(family_speaker, family_type, speaker, speaker_type))
