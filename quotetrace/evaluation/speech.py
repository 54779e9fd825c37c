"""The verbs PolNeAR-style scoring counts as speech: what ``--subset speech`` keeps.

PolNeAR annotates every attribution (beliefs, polls, documents, endorsements), and scores of
reported speech keep only the annotations whose cue is a speech or writing verb, plus every
annotation that carries quotation marks. This list is that scoring convention written as data,
and it is deliberately *not* quotetrace's own cue lexicon (``quotetrace.text.lexicon``): the
lexicon grows with the extractor, while a benchmark's subset must stay put, or the figures of two
versions stop being comparable. ``scripts/compare_scorers.py`` checks that this list selects the
same annotations as the scorer shipped with the PolNeAR data.

A cue counts as speech when, after an optional ``to`` and an optional word ending in ``-ly``
(``to say``, ``publicly denied``), its next word is one of the forms below, in any case. A form
ending in ``*`` stands for every word that begins with it (``report*``: report, reported,
reportedly, reporters); the others must be the whole word. What follows that word does not matter
(``said on Tuesday``, ``according to``).

Notes:
    The coverage is uneven on purpose, because it is the convention's: ``argue*`` takes *argued*
    but not *arguing*, ``criticiz*`` takes the American spelling only, ``post*`` and ``call*``
    take every word that begins so (*postpone*, *caller*). Change nothing here without changing
    the figures you compare with.
"""

from __future__ import annotations

import re

# lemma -> the word forms counted; "stem*" is any word that begins with the stem
SPEECH_FORMS: dict[str, tuple[str, ...]] = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "accord": ("accord", "according"),
    "state": ("state", "states", "stated", "stating"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "announce": ("announce*",),
    "report": ("report*",),
    "explain": ("explain*",),
    "claim": ("claim*",),
    "insist": ("insist*",),
    "argue": ("argue*",),
    "ask": ("ask*",),
    "answer": ("answer*",),
    "reply": ("repl*",),
    "respond": ("respond*",),
    "declare": ("declare*",),
    "note": ("note*",),
    "describe": ("describ*",),
    "call": ("call*",),
    "warn": ("warn*",),
    "admit": ("admit*",),
    "acknowledge": ("acknowledg*",),
    "deny": ("deny*", "deni*"),
    "confirm": ("confirm*",),
    "suggest": ("suggest*",),
    "recall": ("recall*",),
    "comment": ("comment*",),
    "tweet": ("tweet*",),
    "post": ("post*",),
    "continue": ("continu*",),
    "remark": ("remark*",),
    "assert": ("assert*",),
    "predict": ("predict*",),
    "promise": ("promis*",),
    "vow": ("vow*",),
    "pledge": ("pledg*",),
    "testify": ("testif*",),
    "speak": ("speak*", "spoke*"),
    "quote": ("quot*",),
    "accuse": ("accus*",),
    "criticize": ("criticiz*",),
    "praise": ("praise*",),
    "mention": ("mention*",),
    "reveal": ("reveal*",),
    "disclose": ("disclos*",),
    "concede": ("conced*",),
    "complain": ("complain*",),
    "boast": ("boast*",),
    "joke": ("joke*",),
    "shout": ("shout*",),
    "yell": ("yell*",),
    "urge": ("urg*",),
    "blast": ("blast*",),
    "slam": ("slam*",),
    "agree": ("agre*",),
    "disagree": ("disagre*",),
    "echo": ("echo*",),
    "counter": ("counter*",),
    "charge": ("charg*",),
    "allege": ("alleg*",),
}


def coverage(forms: dict[str, tuple[str, ...]] | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The whole words and the stems a form list counts, each reduced to what no other entry
    already covers, so two lists with the same effect give the same pair.

    >>> words, stems = coverage({"say": ("say", "said"), "report": ("report*", "reported", "reporter*")})
    >>> sorted(words), sorted(stems)
    (['said', 'say'], ['report'])
    """
    forms = SPEECH_FORMS if forms is None else forms
    every = [f.lower() for fs in forms.values() for f in fs]
    stems = {f[:-1] for f in every if f.endswith("*")}
    stems = {s for s in stems if not any(o != s and s.startswith(o) for o in stems)}
    words = {f for f in every if not f.endswith("*") and not any(f.startswith(s) for s in stems)}
    return frozenset(words), frozenset(stems)


def _pattern() -> re.Pattern[str]:
    words, stems = coverage()
    alternatives = sorted(re.escape(w) for w in words) + sorted(re.escape(s) + r"\w*" for s in stems)
    # the standard library's \w, the definition of a word the convention was written with
    return re.compile(r"(?:to )?(?:\w+ly )?(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)


_SPEECH_CUE = _pattern()


def is_speech_cue(cue: str | None) -> bool:
    """Whether the words of a cue report speech or writing, by the convention above.

    >>> [is_speech_cue(c) for c in ("said", "According to", "to publicly deny", "believes", None)]
    [True, True, True, False, False]
    """
    return bool(cue) and _SPEECH_CUE.match(cue.strip()) is not None
