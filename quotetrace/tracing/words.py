"""Words as tracing compares them: offsets kept, case, punctuation, quote style and unicode folded.

Each word of a passage becomes a *stem* (what alignment compares) and keeps its character offsets
(so a diff can show the words as written). Folding, in order:

1. Unicode NFKC, case and accent folding (full-width letters, ligatures, ``É``, ``é`` and ``e``);
2. curly apostrophes become straight ones, and a possessive ``'s`` is dropped (``Ukraine’s`` →
   ``ukraine``);
3. contractions split into the words they stand for (``we’re`` → ``we`` + ``are``, ``don’t`` →
   ``do`` + ``not``), so ``we are`` and ``we’re`` align word for word;
4. a light suffix stemmer joins inflections (``freeze`` / ``freezing``, ``tuned`` / ``tuning``)
   so that a changed inflection aligns with its word and shows as a replacement, not as an
   insertion and a deletion.

Notes:
    The suffix rules are a small subset of the classic English stemmers (Lovins 1968; Porter
    1980): enough to join inflections, never derivations, since a diff must stay readable.
"""

from __future__ import annotations

import functools
import sys
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Sequence

import regex

from ..text.words import PERSONAL_SUBJECTS

# words with inner apostrophes and hyphens (don't, fine-tuned, Ukraine’s), or numbers (3.5, 1,000)
_WORD_RE = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}\p{N}]+(?:['’‘\-][\p{L}\p{M}\p{N}]+)*")

# contraction suffix -> the word it stands for
_CONTRACTIONS = {"n't": "not", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would", "'m": "am"}
_IRREGULAR_NOT = {"can't": ("can", "not"), "won't": ("will", "not"), "shan't": ("shall", "not"),
                  "ain't": ("is", "not")}
# 's after these is "is" or "has", not a possessive: it's, that's, there's
_S_IS = frozenset("it he she that there here what who where how let".split())

#: Words that carry no content of their own: a shared run of them says nothing about a statement.
STOPWORDS = frozenset("""
a an the this that these those some any each every no all both either neither such
i me my mine we us our ours you your yours he him his she her hers it its they them their theirs
who whom whose which what when where why how there here
is are was were be been being am do does did done have has had having
will would shall should can could may might must ought
and or but nor so yet if then than because as while although though unless until since
of in on at to for with from by about into over under after before between against among through
during without within upon off out up down across along around near via per
not also just only even very too much more most less least such own same other another
said says say
""".split())

#: Words whose change reverses or weakens a statement.
NEGATIONS = frozenset("not no never nothing none nobody nowhere neither nor without cannot".split())
#: Modal verbs: will/would/might/must change how sure or how binding a statement is.
MODALS = frozenset("will would shall should can could may might must ought need".split())
#: Subject pronouns: changing one changes who does what.
SUBJECTS = PERSONAL_SUBJECTS
NUMBER_WORDS = frozenset("""zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty
seventy eighty ninety hundred thousand million billion trillion half dozen first second third
percent""".split())

# suffixes a light stemmer may strip, longest first, with the shortest stem left behind
_SUFFIXES = (("ies", 3), ("ied", 3), ("ing", 3), ("ed", 3), ("es", 3), ("s", 3))


@functools.lru_cache(maxsize=200_000)
def fold(word: str) -> str:
    """Case, unicode, accent and apostrophe folding of one word: ``Ukraine’s`` → ``ukraine's``,
    ``Café`` → ``cafe`` (outlets drop accents from names and words alike)."""
    w = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", word).casefold())
    w = "".join(ch for ch in w if not unicodedata.combining(ch))
    return unicodedata.normalize("NFC", w).replace("’", "'").replace("‘", "'")


@functools.lru_cache(maxsize=200_000)
def stem(folded: str) -> str:
    """A light stem of a folded word: inflections joined (``freezing`` and ``freeze`` → ``freez``)."""
    w = folded
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("s'"):
        w = w[:-1]
    if "-" in w:  # fine-tuned / fine-tuning: the last part inflects
        head, _, last = w.rpartition("-")
        return f"{head}-{stem(last)}" if last.isalpha() else w
    if not w.isalpha():
        return w
    if w in STOPWORDS or w in NUMBER_WORDS:
        return w
    for suffix, keep in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= keep:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            elif suffix in ("ing", "ed") and len(w) >= 4 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]  # planning -> plan, stopped -> stop
            break
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]  # freeze / freez(ing), tune / tun(ed)
    return w


#: the array type of word offsets: 4 bytes an offset (a text would need two billion characters
#: to outgrow it), where ``"l"`` took 8 on most machines
OFFSET = "i" if array("i").itemsize >= 4 else "l"


class Words:
    """The words of one piece of text: their stems, and their offsets into the article text.

    Offsets are kept in arrays (8 bytes a word instead of about 70 for two Python ints): tracing
    holds every word of every article at once."""

    __slots__ = ("stems", "starts", "ends")

    def __init__(self, stems: list[str], starts: Sequence[int], ends: Sequence[int]):
        self.stems = stems
        self.starts = starts if isinstance(starts, array) else array(OFFSET, starts)
        self.ends = ends if isinstance(ends, array) else array(OFFSET, ends)

    def __len__(self) -> int:
        return len(self.stems)

    def __reduce__(self) -> tuple:  # compact pickling between processes
        return (_unpickle, (self.stems, self.starts, self.ends))

    def slice(self, a: int, b: int) -> Words:
        return Words(self.stems[a:b], self.starts[a:b], self.ends[a:b])


def _unpickle(stems: list[str], starts: Sequence[int], ends: Sequence[int]) -> Words:
    # one string per distinct stem in the process that gathers every article's words
    return Words(list(map(sys.intern, stems)), starts, ends)


def words(text: str, start: int = 0, end: int | None = None) -> Words:
    """The words of ``text[start:end]``, folded and stemmed, with offsets into ``text``."""
    stems, starts, ends, _ = _scan(text, start, len(text) if end is None else end)
    return Words(stems, starts, ends)


def _scan(text: str, start: int, end: int) -> tuple[list[str], list[int], list[int], bytearray]:
    """The words of ``text[start:end]`` (stems, starts, ends), and which of them are the second
    word of a contraction (``are`` of ``we're``): a word that does not stand alone in the text."""
    found = list(_WORD_RE.finditer(text, start, end))
    read = list(map(_read, [m.group() for m in found]))
    spans = [m.span() for m in found]
    if not any(type(r) is tuple for r in read):  # no contraction: the common case, in bulk
        return read, [s for s, _ in spans], [e for _, e in spans], bytearray(len(read))
    stems: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    tails = bytearray()
    for r, (s, e) in zip(read, spans):
        if type(r) is tuple:
            cut = s + r[0]
            stems += r[1:]
            starts += (s, cut)
            ends += (cut, e)
            tails += b"\0\1"
        else:
            stems.append(r)
            starts.append(s)
            ends.append(e)
            tails.append(0)
    return stems, starts, ends, tails


@functools.lru_cache(maxsize=200_000)
def _read(word: str) -> str | tuple[int, str, str]:
    """A word as written → its stem, or, for a contraction, where it splits and its two words
    (``we’re`` → (2, ``we``, ``are``))."""
    w = fold(word)
    if "'" in w:
        cut_at, head, tail = _split_contraction(w)
        if tail:
            return cut_at, stem(head), tail
    return stem(w)


class TextWords:
    """The words of one text, read once: ``tw(start, end)`` is ``words(text, start, end)``.

    Cutting an article into units reads most of its text several times over (each passage, the
    words around it, each sentence); slicing the words read once is several times faster than
    reading again. A range whose end falls inside a word (``Wash|ington``, ``we|'re``) is read
    again, since the words of that range are not words of the whole text."""

    __slots__ = ("text", "stems", "starts", "ends", "tails")

    def __init__(self, text: str):
        self.text = text
        stems, starts, ends, self.tails = _scan(text, 0, len(text))
        self.stems = stems
        self.starts = array(OFFSET, starts)
        self.ends = array(OFFSET, ends)

    def __call__(self, start: int, end: int) -> Words:
        starts, ends, tails = self.starts, self.ends, self.tails
        n = len(starts)
        k = bisect_left(starts, start)
        j = bisect_left(starts, end, k)
        # a word of the text that begins before a boundary and ends after it, or a contraction
        # whose two words the boundary parts
        if ((k and ends[k - 1] > start) or (k < n and tails[k])
                or (j and ends[j - 1] > end) or (j < n and tails[j])):
            return words(self.text, start, end)
        return Words(self.stems[k:j], starts[k:j], ends[k:j])


def _split_contraction(w: str) -> tuple[int, str, str]:
    """Where a contraction splits, and the two words it stands for: ``we're`` → (2, ``we``,
    ``are``); ``can't`` → (2, ``can``, ``not``). A possessive or an unknown apostrophe → (0, w, "")."""
    if w in _IRREGULAR_NOT:
        head, tail = _IRREGULAR_NOT[w]
        return len(w) - 3, head, tail
    for suffix, full in _CONTRACTIONS.items():
        if w.endswith(suffix) and len(w) > len(suffix):
            return len(w) - len(suffix), w[: -len(suffix)], full
    if w.endswith("'s") and w[:-2] in _S_IS:
        return len(w) - 2, w[:-2], "is"
    return 0, w, ""


#: stems that carry no content: function words, and the bits a tokenizer leaves
NOT_CONTENT = STOPWORDS | {"'", "-"}


def is_content(stem_: str) -> bool:
    """Whether a stem carries content: not a function word."""
    return stem_ not in NOT_CONTENT


def content_count(stems: Sequence[str]) -> int:
    """How many of ``stems`` carry content."""
    return sum(1 for s in stems if s not in NOT_CONTENT)


def is_critical(stem_: str) -> bool:
    """Negation, number, modality or subject: a change here changes what the statement claims."""
    return (stem_ in NEGATIONS or stem_ in MODALS or stem_ in SUBJECTS or stem_ in NUMBER_WORDS
            or stem_[:1].isdigit())


def run_at(stems: Sequence[str], run: Sequence[str]) -> int | None:
    """Where ``stems`` hold every stem of ``run`` in a row (the first such place), or None."""
    n = len(run)
    if n == 0:
        return None
    first, wanted = run[0], list(run)
    return next((k for k in range(len(stems) - n + 1) if stems[k] == first and list(stems[k:k + n]) == wanted),
                None)
