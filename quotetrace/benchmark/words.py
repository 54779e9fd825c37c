"""The generator's own word model: words, stop words, a small stemmer, sentences.

It keeps a model of its own, rather than the tracer's (``quotetrace.tracing.words``), so that
the benchmark stays independent of the tracer it measures: a change to how the tracer reads
words never quietly changes the answers it is scored against."""

from __future__ import annotations

import bisect
import functools
import re

from quotetrace.text.layout import paragraphs


WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")

#: Function words: never content, never coined, the only words an invented quote's template uses.
STOPWORDS = frozenset("""
a about above after again against all am an and any are aren't as at be because been before being
below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each every everyone few for from further had hadn't has hasn't have haven't having he
he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll i'm i've if in
into is isn't it it's its itself let's me more most mustn't my myself no nobody nor not nothing
now of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some something such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too
under until up us very was wasn't we we'd we'll we're we've were weren't what what's when when's
where where's which while who who's whom why why's will with won't would wouldn't you you'd
you'll you're you've your yours yourself yourselves also just still ever never again s t
""".split())


# a corpus has some tens of thousands of distinct words: remembering each one's normal form,
# stem and class is much cheaper than computing them for each of its millions of occurrences
_NORM: dict[str, str] = {}
_STEM: dict[str, str | None] = {}


def norm(word: str) -> str:
    out = _NORM.get(word)
    if out is None:
        out = _NORM[word] = word.lower().replace("’", "'").replace("‘", "'")
    return out


def word_tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """``(start, end, normalized)`` of each word in ``text[start:end]``."""
    return [(m.start(), m.end(), norm(m.group())) for m in WORD_RE.finditer(text, start, end)]


def words_of(text: str) -> list[str]:
    return [norm(w) for w in WORD_RE.findall(text)]


def is_content(word: str) -> bool:
    return word not in STOPWORDS and any(c.isalpha() for c in word)


def stem(word: str) -> str:
    """A crude stem, enough to see ``fine-tuned`` and ``fine-tuning`` as one word."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:5]


def content_stem(word: str) -> str | None:
    """The stem of a content word; None for a function word."""
    if word not in _STEM:
        _STEM[word] = stem(word) if is_content(word) else None
    return _STEM[word]


def content_stems(words: list[str]) -> frozenset[str]:
    return frozenset(st for st in map(content_stem, words) if st is not None)


def surname(name: str | None) -> str | None:
    """The last word of a name, which later mentions (``Okafor``) reuse."""
    if not name:
        return None
    parts = WORD_RE.findall(name)
    return parts[-1] if parts else None


@functools.lru_cache(maxsize=4096)
def _whole_word(word: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w'’-])" + re.escape(word) + r"(?![\w-])")


def word_at(text: str, word: str, start: int = 0, end: int | None = None) -> list[int]:
    """Offsets where ``word`` stands as a whole word, case as written."""
    return [m.start() for m in _whole_word(word).finditer(text, start, len(text) if end is None else end)]


def inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether ``pos`` falls in one of ``spans`` (sorted, disjoint; ``starts`` their starts)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and pos < spans[k][1]


# --- sentences and paragraphs ----------------------------------------------------------------------

_BOUNDARY_RE = re.compile(r"[.!?]+[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREV = frozenset("mr mrs ms dr sen rep gov gen lt col st jr sr rev prof u.s a.m p.m jan feb aug "
                    "sept oct nov dec no vs inc corp co".split())


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Every line with more than white space, stripped: the project's own paragraphs."""
    return [(p.start, p.end) for p in paragraphs(text)]


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one paragraph, good enough to find the sentence around a reported clause."""
    out, s = [], start
    for m in _BOUNDARY_RE.finditer(text, start, end):
        before = text[s:m.start()].rsplit(None, 1)
        last = before[-1].lower().rstrip(".") if before else ""
        if text[m.start()] == "." and (last in _ABBREV or len(last) == 1):
            continue  # "Mr. Vale", "U.S. officials", "John F. Kennedy"
        e = m.end()
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        s = m.end()
    if s < end:
        out.append((s, end))
    return out
