"""Full names in a headline set in title case, read as names.

In ``Jane Marsh Says Bridge Will Open`` every word is capitalised, so capitals cannot tell where
a name ends; the body can. A pair of capitalised words in such a headline (``Jane Marsh``, with
a middle initial ``Jane Q. Marsh``) is a full name when the body names its last word alone,
capitalised inside a sentence (``…,” Marsh said.``): the body's bare surname then has the
headline's full name to resolve to (:mod:`.resolve`).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

import regex

from ..model import Span
from ..text.lexicon import CUE_WORDS
from ..text.words import DETERMINERS, PREPOSITIONS, TITLES

_WORD_RE = regex.compile(r"\p{L}[\p{L}’'\-]*\.?")
# words a title-case headline leaves in lower case, and words that end a name in one
_SMALL = frozenset("a an the and but or nor of to in on at for by with as from into over via vs".split())


# words that open a headline's question ("What Doe Could Do"), never a given name
_QUESTION_WORDS = frozenset("what why how when where who which whose whom".split())


def headline_names(text: str, headings: Sequence[Span]) -> Iterator[str]:
    """The full names of the title-case ``headings`` whose surname the rest of ``text`` uses alone."""
    bare: set[str] | None = None  # read once, when a title-case heading needs it: linear time
    for h in headings:
        words = [(m.group(), m.start()) for m in _WORD_RE.finditer(text, h.start, h.end)]
        if not _title_case([w for w, _ in words]):
            continue
        if bare is None:
            bare = _bare_words(text, headings)
        for k in range(1, len(words)):
            name = _name_ending_at(text, words, k)
            if name and words[k][0] in bare and _given_name(bare, name.split()[0]):
                yield name


def title_case(text: str, span: Span) -> bool:
    """Whether ``text[span]`` is set in title case (most of its longer words capitalised)."""
    return _title_case([m.group() for m in _WORD_RE.finditer(text, span.start, span.end)])


def _title_case(words: list[str]) -> bool:
    long = [w for w in words if w.lower() not in _SMALL]
    return len(long) >= 3 and sum(w[0].isupper() for w in long) >= 0.85 * len(long)


def _name_ending_at(text: str, words: list[tuple[str, int]], k: int) -> str | None:
    """``First Last`` or ``First M. Last`` ending at word ``k``, when each word can be part of a
    name and only spaces stand between them (``Doe, Marsh`` are two people)."""
    last = words[k][0]
    if not _namelike(last) or last.endswith("."):
        return None
    first = k - 1
    if words[first][0].endswith(".") and len(words[first][0]) == 2 and first > 0:
        first -= 1  # a middle initial
    if not _namelike(words[first][0]) or words[first][0].endswith("."):
        return None
    for (w, at), (_, nxt) in zip(words[first:k], words[first + 1:k + 1]):
        if text[at + len(w):nxt].strip(" \t"):
            return None
    return " ".join(w for w, _ in words[first:k + 1])


# a capital after a small letter or two capitals in a row: words run together by a scraper
# ("PMJane"), initialisms ("PM"); a name is written "Marsh", "McCain", "O’Neill", "Smith-Jones"
_NOT_A_NAME_RE = regex.compile(r"\p{Lu}\p{Lu}|(?<!\AMa?c)(?<=\p{Ll})\p{Lu}")


def _given_name(bare: set[str], word: str) -> bool:
    """Whether ``word`` can open a name rather than be the headline's verb ("… Meets Marsh",
    "… Backed Marsh"): a word with a verb's ending counts only when the body also writes it
    capitalised inside a sentence ("Chris", "James")."""
    return not word.lower().endswith(("s", "ed", "ing")) or word in bare


def _namelike(word: str) -> bool:
    low = word.lower().rstrip(".")
    return word[0].isupper() and len(word) > 1 and not _NOT_A_NAME_RE.search(word) and low not in _SMALL \
        and low not in TITLES and low not in CUE_WORDS and low not in DETERMINERS and low not in PREPOSITIONS \
        and low not in _QUESTION_WORDS


_CAPITALISED_RE = regex.compile(r"(?<![\p{L}’'\-])\p{Lu}[\p{L}’'\-]*(?![\p{L}’'\-])")


def _bare_words(text: str, headings: Sequence[Span]) -> set[str]:
    """The capitalised words that stand alone inside a sentence outside the headings: after a
    word in lower case ("as Marsh put it") or a mark or comma ("…,” Marsh said."), not at a
    sentence's start and not after another capitalised word. One pass over the text."""
    starts = [h.start for h in headings]
    out: set[str] = set()
    for m in _CAPITALISED_RE.finditer(text):
        k = bisect_right(starts, m.start()) - 1
        if k >= 0 and m.start() < headings[k].end or m.group() in out:
            continue
        before = text[max(0, m.start() - 40):m.start()].rstrip()
        prev = _WORD_RE.findall(before)[-1:] if before and before[-1].isalpha() else []
        if prev and not prev[0][0].isupper() or before and before[-1] in "”\"’',;—–(":
            out.add(m.group())
    return out
