"""One identity per speaker across articles, whatever each article calls it.

Each article has already resolved its own mentions (``he`` → ``Jane Doe``; ``Doe`` → ``Jane
Doe``). Across articles, names join when:

1. they are the same once case, a leading ``the`` and a handle are set aside (``Argus`` /
   ``ARGUS`` / ``the Argus``);
2. two full names share a surname and a compatible first name (``Jane Doe`` / ``Jane Q. Doe``,
   ``J. Doe``);
3. a lone surname belongs to exactly one full name (``Doe`` → ``Jane Doe``; with a ``Jane Doe``
   and a ``John Doe`` about, ``Doe`` stays on its own);
4. they differ by a transliteration variant: a doubled or dropped letter, ``-our``/``-or``,
   ``-ise``/``-ize`` (``Kovalenko`` / ``Kovalenkko``).

Anonymous, group and unknown speakers (``an official``, ``critics``, an unresolved ``he``) get no
identity: they can never be said to differ from anyone. (The one misattribution a group makes,
its words handed to a named person the original never names, is the tracer's:
``engine._Tracer._group_to_person``.)
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

import regex

from ..model import SpeakerIdentity
from ..text.words import ORG_HEADS, PREPOSITIONS, SUBORDINATORS, TIME_WORDS, TITLES
from .union import Union
from .words import STOPWORDS

_HANDLE_RE = regex.compile(r"\s*\(@\w+\)")
_IDENTIFIED = ("person", "organization")
#: a lone proper name the extractor could not type (:data:`.units.NAME`): it founds an identity
#: of its own, shown as ``unknown``, and joins the one full name of the corpus that ends with it
_NAME = "name"
PRONOUNS = frozenset("he she it they we i you him her them".split())


_NAME_WORD_RE = regex.compile(r"\p{Lu}[\p{L}\p{M}’'-]*\.?")


@functools.lru_cache(maxsize=1 << 16)
def bare_surname(mention: str) -> str | None:
    """The surname a mention names a person by when it gives nothing else (``Marsh``, ``Sen.
    Marsh``, ``Mr Marsh``), else None."""
    words = [w for w in mention.split() if w.casefold().rstrip(".") not in TITLES]
    if len(words) == 1 and _NAME_WORD_RE.fullmatch(words[0]) and not words[0].endswith("."):
        return words[0]
    return None


#: Words that stand before a surname without being a first name (``Later Doe said``).
_NOT_FIRST = (TITLES | STOPWORDS | PREPOSITIONS | SUBORDINATORS | TIME_WORDS
              | frozenset("later earlier meanwhile still now then also asked instead however yet "
                          "majority minority".split())
              # the verb of an inverted credit read into the name (``Said Doe: “…”``)
              | frozenset("said says added adds asks wrote writes told tells".split()))


def surname_holders(text: str, last: str) -> set[str]:
    """The first names an article gives a surname (``Ada`` and ``Tom`` for ``Ada Marsh`` and ``Tom
    Marsh``): titles, function words, sentence openers, and words the article also writes in
    lower case are not first names."""
    found = set()
    for m in regex.finditer(rf"(\p{{Lu}}[\p{{L}}\p{{M}}’'-]*\.?) {regex.escape(last)}(?![\p{{L}}\p{{M}}])", text):
        first = m.group(1).casefold().rstrip(".")
        if first not in _NOT_FIRST and len(first) > 1 and f" {first} " not in text:
            found.add(first)
    return found


def _key(name: str) -> str:
    k = _HANDLE_RE.sub("", name).casefold().replace("’", "'").strip(" .,")
    if k.startswith("the "):
        k = k[4:]
    return " ".join(_core(k.split()))


def _core(words: list[str]) -> list[str]:
    """A name without the words an article took in front of it (``when``, ``now``, ``sens.``,
    ``house``): a function word, a title, or an institution before a person's two names. An
    organisation's name (its last word an institution: ``foreign ministry``) stays whole."""
    if not words or words[-1] in ORG_HEADS:
        return words
    k = 0
    while len(words) - k > 1 and (words[k] in _NOT_FIRST or is_title(words[k])
                                   or (len(words) - k > 2 and words[k] in ORG_HEADS)):
        k += 1
    return words[k:]


def _shown(name: str) -> str:
    """A name as an identity shows it: without the words an article took in front of it
    (``For Doe`` → ``Doe``, ``Said Jane Doe`` → ``Jane Doe``), as :func:`_core` leaves it."""
    words = name.split()
    if not words or words[0].casefold() == "the":  # ``The Argus`` is the outlet's own name
        return name
    core = _core(name.casefold().replace("’", "'").split())
    if _HANDLE_RE.search(name) or not core or len(core) >= len(words) or len(words) != len(name.casefold().split()):
        return name
    return " ".join(words[-len(core):])


def is_title(word: str) -> bool:
    w = word.rstrip(".")
    return w in TITLES or (w.endswith("s") and w[:-1] in TITLES)  # "sens." too


#: Spelling variation folded away, in order: doubled letters (Gaddafi / Gadafi), -our / -or,
#: -ise / -ize, -yse / -yze, -tre / -ter. Compiled once: identities fold every name they meet.
_SPELLINGS = [(regex.compile(pattern), repl) for pattern, repl in (
    (r"(.)\1+", r"\1"), (r"our\b", "or"), (r"(?<=\w{2})is(e|ed|es|ing|ation)\b", r"iz\1"),
    (r"(?<=\w{2})ys(e|ed|es|ing)\b", r"yz\1"), (r"(?<=\w{3})tre\b", "ter"))]


@functools.lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """A word with its usual transliteration and spelling variation folded away."""
    for pattern, repl in _SPELLINGS:
        word = pattern.sub(repl, word)
    return word


def _headline_like(name: str) -> bool:
    """A "person" name that is more likely a piece of a headline (``Railing Against Vale``,
    ``Senator Calls Rival Liar Again``): more than four words, or a function word inside. Such a
    speaker gets no identity, so it can never ground a misattribution."""
    words = _key(name).split()
    return len(words) > 4 or any(w in STOPWORDS for w in words)


def _first_compatible(a: list[str], b: list[str]) -> bool:
    """Given names agree: equal, or one is the other's initial (``J.`` / ``Jane``)."""
    fa, fb = a[0].rstrip("."), b[0].rstrip(".")
    if fa == fb:
        return True
    return (len(fa) == 1 and fb.startswith(fa)) or (len(fb) == 1 and fa.startswith(fb))


def _ends_with(a: str, b: str) -> bool:
    """One full name is the other with words in front (``democrat jane doe`` / ``jane doe``): a
    word the article took into the name, a party or a place, not another person."""
    short, long_ = sorted((a.split(), b.split()), key=len)
    return len(short) >= 2 and len(long_) > len(short) and long_[-len(short):] == short


def _shape(root: str) -> tuple[str, bool]:
    """A name's surname (spelling folded) and whether it runs to three words or more without an
    initial (see :meth:`Identities.differ`)."""
    words = root.split()
    return (spelling_key(words[-1]) if words else "", len([w for w in words if len(w.rstrip(".")) > 1]) >= 3)


class Identities:
    """Speaker names (as each article resolved them) grouped into identities across articles."""

    def __init__(self, names: Iterable[tuple[str, str]] | Mapping[tuple[str, str], int]):
        """``names``: (name, type) once per quote, or already counted (a store keeps the counts,
        so an identity is built from a name's count, not from a list that repeats it)."""
        given: Counter[tuple[str, str]] = Counter(names) if not isinstance(names, Mapping) else Counter(
            {nt: c for nt, c in names.items() if c > 0})
        counts: Counter[tuple[str, str]] = Counter(
            {(n, t): c for (n, t), c in given.items() if n and (t in _IDENTIFIED or t == _NAME)
             and _key(n) not in PRONOUNS and _key(n) and not (t == "person" and _headline_like(n))})
        # names an article could not type ("Doe" alone): they join an identity that is clearly
        # theirs, never found one of their own
        loose = sorted({n for n, t in given if n and t == "unknown" and n[:1].isupper()
                        and _key(n) not in PRONOUNS and not _headline_like(n)})
        self._counts = counts
        union = Union()
        by_key: dict[str, list[str]] = defaultdict(list)
        for name, _ in sorted(counts):
            by_key[_key(name)].append(name)
        keys = sorted(by_key)
        for k in keys:
            union.find(k)
        # full names by surname, and lone words
        full: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            parts = k.split()
            if len(parts) >= 2:
                full[spelling_key(parts[-1])].append(k)
        for group in full.values():
            for a in group:
                for b in group:
                    if a < b and (_first_compatible(a.split(), b.split()) or _ends_with(a, b)):
                        union.union(a, b)
        ambiguous: dict[str, set[str]] = {}
        for k in keys:
            parts = k.split()
            if len(parts) == 1:
                holders = {union.find(f) for f in full.get(spelling_key(k), ())}
                if len(holders) == 1:
                    union.union(k, holders.pop())
                elif holders:
                    ambiguous[k] = holders  # "Doe" with a Jane Doe and a John Doe about
        # a lone word that is also a full name's first name ("Ada" beside "Ada Marsh"): an
        # article may call that person by first name alone, so it differs from none of them
        first_names: dict[str, list[str]] = defaultdict(list)
        for group in full.values():
            for f in group:
                first_names[f.split()[0]].append(f)
        for k in keys:
            if " " not in k and k in first_names:
                ambiguous.setdefault(k, set()).update(first_names[k])
        # lone names and organisations that differ only by spelling variation
        by_spelling: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            by_spelling[" ".join(spelling_key(w) for w in k.split())].append(k)
        for group in by_spelling.values():
            for other in group[1:]:
                union.union(group[0], other)
        self._root = {name: union.find(_key(name)) for name, _ in counts}
        spelled = {key: union.find(group[0]) for key, group in by_spelling.items()}
        for name in loose:
            if name in self._root:
                continue
            k = _key(name)
            root = union.find(k) if k in by_key else spelled.get(" ".join(spelling_key(w) for w in k.split()))
            if root is None and len(k.split()) == 1:
                holders = {union.find(f) for f in full.get(spelling_key(k), ())}
                root = holders.pop() if len(holders) == 1 else None
            if root is not None:
                self._root[name] = root
        # the identities an ambiguous surname may stand for: it differs from none of them
        self._maybe = {name: {union.find(h) for h in ambiguous[_key(name)]}
                       for name, _ in counts if _key(name) in ambiguous}
        members: dict[str, set[str]] = defaultdict(set)
        types: dict[str, Counter[str]] = defaultdict(Counter)
        uses: Counter[str] = Counter()
        for (name, kind), n in counts.items():
            root = self._root[name]
            members[root].add(name)
            types[root][kind] += n
            uses[name] += n
        for name in loose:
            if name in self._root:
                members[self._root[name]].add(name)
        self._display: dict[str, SpeakerIdentity] = {}
        self._by_display: dict[str, SpeakerIdentity] = {}
        for root, names_ in members.items():
            # the display name: the fullest of the most used forms
            display = _shown(max(sorted(names_), key=lambda n: (len(_shown(n).split()) >= 2, uses[n], len(n))))
            # the type most quotes give it (a lone name's own mark aside); on a tie a person
            # (the same whatever order the names came in, so a store's counts give what a corpus
            # in memory gives)
            typed = [kv for kv in types[root].items() if kv[0] != _NAME]
            kind = max(typed, key=lambda kv: (kv[1], kv[0] == "person", kv[0]))[0] if typed else "unknown"
            aliases = sorted({n for n in names_ if n != display})
            self._display[root] = self._by_display[display] = SpeakerIdentity(display, kind, aliases)
        # one dictionary lookup per question: tracing asks it for every passage and every hit
        self._of = {name: self._display[root].name for name, root in self._root.items()}
        self._shapes = {root: _shape(root) for root in set(self._root.values())}

    def of(self, name: str | None) -> str | None:
        """The display name of ``name``'s identity, or None when it has none."""
        return self._of.get(name) if name else None

    def differ(self, a: str | None, b: str | None) -> bool:
        """Whether two speakers are clearly different identities (never for an unknown one)."""
        ia, ib = self._of.get(a) if a else None, self._of.get(b) if b else None
        if ia is None or ib is None or ia == ib:
            return False
        ra, rb = self._root[a], self._root[b]  # type: ignore[index]
        # two names of one surname, one of them three words or more without an initial
        # (``washington post doe`` / ``jane doe``): the extra words are as likely an outlet or a
        # place taken into the name as another person's first names, so not clearly two people
        (la, long_a), (lb, long_b) = self._shapes[ra], self._shapes[rb]
        if la == lb and (long_a or long_b):
            return False
        return rb not in self._maybe.get(a, ()) and ra not in self._maybe.get(b, ())

    def identity(self, display: str) -> SpeakerIdentity | None:
        return self._by_display.get(display)

    def all(self) -> list[SpeakerIdentity]:
        return sorted(self._display.values(), key=lambda i: i.name.casefold())
