"""A sentence as the cue rules read it: tokens, which of them stand inside quotation marks,
and the small helpers that turn token ranges back into offsets."""

from __future__ import annotations

from bisect import bisect_left

import regex

from ..text.lexicon import inflected_cue
from ..text.words import ADVERBS, MODAL_NAMES, Tok, title_shaped, tokenize
from ..model import Span
from ..text.layout import DisjointSpans
from ..text.quotemarks import CLOSING, OPENING, QUOTATION_MARKS

# the quotation marks, under the names the cue rules read them by
OPEN_MARKS = OPENING
CLOSE_MARKS = CLOSING
ALL_MARKS = QUOTATION_MARKS

DASHES = set("—–-―")

class CueSentence:
    """The tokens of one sentence, with which of them stand inside quotation marks."""

    def __init__(self, text: str, span: Span, pieces: DisjointSpans):
        self.text = text
        self.span = span
        self.toks: list[Tok] = tokenize(text, span.start, span.end)
        self.lows = [t.low for t in self.toks]
        for k in _modal_names(self.toks):
            self.lows[k] = self.toks[k].text  # a name, not a modal: out of every lower-case word set
        self.starts = [t.start for t in self.toks]
        self.n = len(self.toks)
        inside = [(p.start, p.end) for p in pieces.overlapping(span.start, span.end)]
        self.inq = _inside(self.toks, inside) if inside else [False] * self.n
        # where content stops, by cue set (content.end_of_content): each token tested once
        self.stops: dict = {}
        #: the first token inside quotation marks (n if none): "is any token before k quoted?"
        #: in one comparison
        self.first_quoted = next((k for k, q in enumerate(self.inq) if q), self.n)

    def __len__(self) -> int:
        return len(self.toks)

    def low(self, i: int) -> str:
        return self.lows[i] if 0 <= i < self.n else ""

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text[0].isalnum()

    def is_cap(self, i: int) -> bool:
        return 0 <= i < self.n and self.toks[i].text[0].isupper() and self.toks[i].text[0].isalnum()

    def before_adverbs(self, i: int) -> int:
        """The last token before ``i`` that is not an adverb ("has also repeatedly said"); -1 if none."""
        j = i - 1
        while j >= 0 and self.lows[j] in ADVERBS:
            j -= 1
        return j

    def end_offset(self) -> int:
        """The end of the sentence without its final punctuation and marks."""
        k = len(self.toks) - 1
        while k >= 0 and not self.is_word(k) and self.toks[k].text not in CLOSE_MARKS:
            k -= 1
        return self.toks[k].end if k >= 0 else self.span.start

def _modal_names(toks: list[Tok]) -> list[int]:
    """The capitalized modals that are part of a name: before an inflected cue ("May said"), as
    a given name before a capitalized word and such a cue ("Will Estrada said") or, right after a
    quotation, before a capitalized word and a comma ("“…” Will Estrada, a lawyer, said"), or after a
    capitalized word at the end of a phrase ("said Theresa May."). A modal opening a question
    ("Will the deal hold?") or in a Title Case headline ("Deal Will Hold") stays a modal."""
    out = []
    n = len(toks)
    for k, t in enumerate(toks):
        if t.low not in MODAL_NAMES or not t.text[0].isupper():
            continue
        nxt = toks[k + 1] if k + 1 < n else None
        after = toks[k + 2] if k + 2 < n else None
        prev = toks[k - 1] if k > 0 else None
        if nxt is not None and inflected_cue(nxt.low) \
                or nxt is not None and nxt.text[0].isupper() and nxt.text[0].isalpha() and nxt.low != "i" \
                and after is not None and (inflected_cue(after.low) or after.text == "," and prev is not None
                                           and prev.text in CLOSING) \
                or prev is not None and prev.text[0].isupper() and prev.text[0].isalpha() \
                and (nxt is None or not nxt.text[0].isalnum() and nxt.text not in ("’", "'")):
            out.append(k)
    return out


#: tokens that end a clause: what a quotation must come before to belong to the words before it
CLAUSE_BREAKS = frozenset([",", ";", ":", ".", "!", "?", "("])


def opens_quotation(s: CueSentence, o: int) -> bool:
    """Whether token ``o`` is an opening mark with words in marks after it."""
    return o + 1 < s.n and s.toks[o].text in OPEN_MARKS and s.inq[o + 1]


def closing(s: CueSentence, o: int) -> int | None:
    """The closing mark of the quotation that token ``o`` opens (see :func:`opens_quotation`), or
    None when it runs past the sentence unclosed."""
    c = o + 1
    while c < s.n and s.inq[c]:
        c += 1
    return c if c < s.n and s.toks[c].text in CLOSE_MARKS else None


def quoting_clause_end(s: CueSentence, start: int) -> int | None:
    """Where the clause that opens at ``start`` ends, when it holds a quotation: its first comma
    outside quotation marks, or the closing mark of a quotation that ends on a comma (``Noting
    that the plan was “a mess,” Doe …``). None when the clause holds no quotation, or runs on."""
    quoted = False
    for k in range(start, s.n):
        if opens_quotation(s, k):
            c = closing(s, k)
            if c is None or titled(s, k, c):
                return None  # "Speaking on ABC’s “This Week,” Doe …": where, not what
            quoted = True
        elif s.inq[k]:
            continue
        elif s.low(k) == ",":
            return k if quoted else None
        elif s.toks[k].text in CLOSE_MARKS and quoted and s.low(k - 1) == ",":
            return k
        elif s.low(k) in (";", ":", ".", "!", "?"):
            return None
    return None


def titled(s: CueSentence, o: int, c: int) -> bool:
    """Whether the passage between marks ``o`` and ``c`` is a name, not words: short and in
    title case, or after a possessive (“This Week” on ABC’s “This Week”, a book, a bill)."""
    words = [k for k in range(o + 1, c) if s.is_word(k)]
    caps = sum(1 for k in words if s.is_cap(k))
    return bool(words) and (title_shaped(len(words), caps) or s.low(o - 1).endswith(("’s", "'s")))


def _inside(toks: list[Tok], pieces: list[tuple[int, int]]) -> list[bool]:
    """Whether each token starts inside one of ``pieces`` (in order, disjoint): one pass."""
    out = []
    k, n = 0, len(pieces)
    for t in toks:
        while k < n and pieces[k][1] <= t.start:
            k += 1
        out.append(k < n and pieces[k][0] <= t.start)
    return out


def span_of(s: CueSentence, a: int, b: int) -> Span:
    return Span(s.toks[a].start, s.toks[b].end)


def tokens_of(s: CueSentence, span: Span | None) -> tuple[int, int] | None:
    """The first and last token inside ``span`` (the inverse of :func:`span_of`), or None."""
    if span is None:
        return None
    # tokens are in order and never overlap: the ones inside the span are one run, found by
    # bisecting the starts (a scan of the sentence per speaker was n² on a one-line article)
    first = bisect_left(s.starts, span.start)
    last = first
    while last < s.n and s.toks[last].end <= span.end:
        last += 1
    return (first, last - 1) if last > first else None

# "(AP) — ", "WASHINGTON (Reuters) — ", "HEMPSTEAD, N.Y., Sept. 26 (UPI) — ": a dateline, not content
_DATELINE_RE = regex.compile(r"[^a-z\n]{0,40}?(?:\([\w .]{2,20}\)|[A-Z]{3,}[^a-z\n]{0,30})\s*[—–―-]+\s+")


def trim_content(text: str, start: int, end: int) -> Span | None:
    m = _DATELINE_RE.match(text, start, end)
    if m:
        start = m.end()

    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–"):
        end -= 1
    if end - start < 2 or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Span(start, end)
