"""Hard-wrapped plain text: paragraphs whose lines were cut at one width.

Wire copy, e-mail, plain-text archives and Project Gutenberg break each paragraph into lines of
about one width and put a blank line between paragraphs. Every other step reads a line as a
paragraph (news puts one paragraph a line), so in such text each line end would cut a quotation
or a sentence in two. :func:`unwrap` decides whether an article is wrapped, and gives a reading
of it in which each line break inside a paragraph is one space, with a map from the offsets of
that reading back to the article text.

An article is wrapped at width ``W`` when, over the line breaks inside its paragraphs (a line
followed by a line that is not blank, and not indented further: that is a new paragraph):

1. most of the lines before them are full: the next line's first word would not have fitted
   on them (greedy filling, as ``textwrap``, ``fmt``, mail clients and editors do), allowing
   ``W // 8`` columns for filling that balances lines;
2. at most half of them end a sentence (one-paragraph-a-line news ends nearly all of them),
   and, when there are three or more, at most three in four open the next line with a capital
   (a list of headlines, or verse, does);
3. hardly any line is longer than ``W`` while it holds a space (a lone long address cannot be
   cut); and ``W`` lies between 30 and 160 columns.

``W`` is the 90th percentile of the lengths of the lines before those breaks. Each test is one
pass over the lines, so detection is linear in the text and costs next to nothing.

Inside a wrapped article a break stays a paragraph break when the line before it is not full (a
heading, a dateline, a list item's last line, the end of a paragraph set without a blank line),
when the next line is indented further (a paragraph set with a first-line indent, a block
quote), or when it opens a list item after a line ending with a colon or inside a list (``-``,
``*``, ``•``, ``1.``, ``a)``).

A word broken after its own hyphen (``well-`` / ``known``, as ``textwrap`` breaks compounds) is
joined without a space and keeps its hyphen: the hyphen may also be a typesetter's syllable
hyphen (``conver-`` / ``sation``), which cannot be told apart from a compound's without a
dictionary, and a kept hyphen leaves the word whole either way. A hyphen that stands for an
omitted word (``pre-`` / ``and post-war``) keeps its space.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import regex

from ..model import Span
from .quotemarks import CLOSING, OPENING, char_class

#: narrowest and widest widths taken for a wrap: narrower lines are verse or lists, and no
#: screen, terminal or mail client wraps wider
MIN_WIDTH = 30
MAX_WIDTH = 160
#: share of the breaks inside paragraphs whose line must be full
FULL_SHARE = 0.6
#: largest share of those breaks that may end a sentence
SENTENCE_END_SHARE = 0.5
#: largest share of those breaks whose next line may open with a capital, when there are at
#: least three: wrapped prose goes on in lower case (a sixth of its lines open with a capital in
#: PolNeAR, never more than three in five), a list of headlines or verse does not
CAPITAL_SHARE = 0.75
#: largest share of lines longer than the width that could have been cut
OVERLONG_SHARE = 0.05

# a line with words after a line break; starting on the break keeps the search fast
_LINE_START_RE = regex.compile(r"\n[^\S\n]*\S")
# a space a wrapper may cut at (not a no-break one)
_SPACE_RE = regex.compile(r"[^\S\u00a0\u2007\u202f]")
# a word as a wrapper sees it: no-break spaces bind the words on their sides
_WORD_RE = regex.compile(r"[^\s\u00a0\u2007\u202f]+(?:[\u00a0\u2007\u202f]+[^\s\u00a0\u2007\u202f]+)*")
_SENTENCE_END_RE = regex.compile(r"[.!?…:]%s*\Z" % char_class(CLOSING, ")]"))
_CAPITAL_RE = regex.compile(r"%s?\p{Lu}" % char_class(OPENING, "(["))
# list markers: "-", "*", "•" bullets and "1." "2)" "a." "(b)" numbers, then a space
_MARKER_RE = regex.compile(r"(?:(?P<bullet>[-*•‣◦▪·])|(?P<number>\(?(?:\d{1,3}|[a-z])[.)]))[ \t]+")
# a bullet no sentence starts a line with; "-" and "1." may be a dash or "March 1." moved down
_ALWAYS_ITEMS = set("*•‣◦▪·")
# "pre- and post-war": the hyphen stands for a word the next one shares
_SUSPENDED = frozenset({"and", "or", "nor", "to", "&"})
_HYPHEN_END_RE = regex.compile(r"(?:\p{L}\p{L}-|\p{L}-\p{L}-|\w-{2,})\Z")


class _Line:
    """One line: where it starts, where its words start and end (white space and CR aside), its
    indent, the length of its first word, and the list marker it opens with."""

    __slots__ = ("start", "first", "last", "indent", "length", "blank", "word", "marker", "item")

    def __init__(self, raw: str, start: int):
        body = raw.lstrip(" \t")
        # a no-break space is not indentation: a wrapper moves it down with the word it binds
        self.indent = len(raw) - len(body)
        body = body.lstrip()
        self.start = start
        self.first = start + len(raw) - len(body)
        body = body.rstrip()
        self.last = self.first + len(body)
        self.length = self.last - start  # columns, the indent included
        self.blank = not body
        m = _WORD_RE.match(body)
        self.word = m.end() if m else 0
        m = _MARKER_RE.match(body)
        self.marker = m.end() if m else 0  # the marker's length, its space included
        self.item = None if m is None else m.group("bullet") or "number"


def _lines(text: str) -> list[_Line]:
    out = []
    start = 0
    for raw in text.split("\n"):
        out.append(_Line(raw, start))
        start += len(raw) + 1
    return out


def _starts_paragraph(a: _Line, b: _Line) -> bool:
    """Whether ``b`` is indented further than ``a``: a first-line indent or a block quote, unless
    ``a`` opens a list item and ``b`` is its hanging continuation."""
    return b.indent > a.indent and not (a.marker and b.indent <= a.indent + a.marker)


def _tolerance(width: int) -> int:
    return max(4, width // 8)


def _full(a: _Line, b: _Line, width: int) -> bool:
    """Whether ``b``'s first word would not have fitted at the end of ``a``."""
    slack = _tolerance(width)
    return width - slack < a.length + 1 + b.word and a.length <= width + slack


def _has_inner_break(text: str) -> bool:
    """Whether some line with words follows another at once: without one (blank lines between
    all paragraphs), there is nothing to unwrap."""
    for m in _LINE_START_RE.finditer(text):
        i = m.start() - 1
        while i >= 0 and text[i] != "\n" and text[i].isspace():
            i -= 1
        if i >= 0 and text[i] != "\n":
            return True
    return False


def wrap_width(text: str) -> int | None:
    """The width ``text`` is hard-wrapped at, or None when it is not (see the module docstring)."""
    return _wrap_width(text, _lines(text)) if _has_inner_break(text) else None


def _wrap_width(text: str, lines: list[_Line]) -> int | None:
    # breaks before a list item or an indented line are paragraph breaks in wrapped text too:
    # they tell nothing about the width
    inner = [(a, b) for a, b in zip(lines, lines[1:])
             if not a.blank and not b.blank and not b.marker and not _starts_paragraph(a, b)]
    if not inner:
        return None
    lengths = sorted(a.length for a, _ in inner)
    width = lengths[min(len(lengths) - 1, (9 * len(lengths)) // 10)]
    if not MIN_WIDTH <= width <= MAX_WIDTH:
        return None
    full = sum(_full(a, b, width) for a, b in inner)
    ends = sum(bool(_SENTENCE_END_RE.search(text, max(a.first, a.last - 8), a.last)) for a, _ in inner)
    capitals = sum(bool(_CAPITAL_RE.match(text, b.first, b.last)) for _, b in inner)
    if full < FULL_SHARE * len(inner) or ends > SENTENCE_END_SHARE * len(inner) \
            or (len(inner) >= 3 and capitals > CAPITAL_SHARE * len(inner)):
        return None
    limit = width + _tolerance(width)
    filled = [ln for ln in lines if not ln.blank]
    overlong = sum(1 for ln in filled if ln.length > limit and _cuttable(text, ln, limit))
    if overlong > OVERLONG_SHARE * len(filled):
        return None
    return width


def _cuttable(text: str, line: _Line, limit: int) -> bool:
    # a space after the indent and within the width: a wrapper would have cut the line there
    return _SPACE_RE.search(text, line.first, min(line.last, line.start + limit)) is not None


class Unwrapped:
    """A reading of a text in which line breaks inside wrapped paragraphs are single spaces.

    ``text`` is the reading; ``width`` the width detected, or None when the text is not wrapped
    (then ``text`` is the original string itself). The reading only drops characters, so an
    offset maps back by adding what was dropped before it: :meth:`start` for the first character
    of a span, :meth:`end` for the end of one.
    """

    __slots__ = ("text", "width", "_at", "_dropped")

    def __init__(self, text: str, width: int | None = None, at: list[int] | None = None,
                 dropped: list[int] | None = None):
        self.text = text
        self.width = width
        self._at = at or []  # reading offsets before which characters were dropped, ascending
        self._dropped = dropped or []  # characters dropped up to and including each of those

    def start(self, pos: int) -> int:
        """The original offset of the character at ``pos`` in the reading."""
        k = bisect_right(self._at, pos) - 1
        return pos + (self._dropped[k] if k >= 0 else 0)

    def end(self, pos: int) -> int:
        """The original offset of an end at ``pos``: just after the character before it, so a
        span never takes in the white space dropped after its last character."""
        k = bisect_left(self._at, pos) - 1
        return pos + (self._dropped[k] if k >= 0 else 0)

    def span(self, span: Span) -> Span:
        start = self.start(span.start)
        return Span(start, max(start, self.end(span.end)))


def unwrap(text: str) -> Unwrapped:
    r"""``text`` read with each line break inside a wrapped paragraph as one space.

    >>> text = ("The harbour board said on Monday that the old swing bridge would close\n"
    ...         "for six months, and that a well-known engineering firm from the capital\n"
    ...         "would carry out the repairs to its two piers and to its steel swing-\n"
    ...         "section.\n")
    >>> reading = unwrap(text)
    >>> reading.width, reading.text[52:90]
    (71, 'bridge would close for six months, and')
    >>> reading.text[-25:]
    'its steel swing-section.\n'
    >>> at = reading.text.index("section")
    >>> text[reading.start(at):reading.end(at + 7)]
    'section'
    """
    if not _has_inner_break(text):
        return Unwrapped(text)
    lines = _lines(text)
    width = _wrap_width(text, lines)
    if width is None:
        return Unwrapped(text)
    parts: list[str] = []
    at: list[int] = []
    dropped: list[int] = []
    total = 0
    pos = 0  # the original text is copied up to here
    soft = False
    item: str | None = None  # the list marker the current paragraph opens with
    for a, b in zip(lines, lines[1:]):
        if not soft:  # ``a`` opens a paragraph
            item = a.item
        soft = _soft(text, a, b, width, item)
        if not soft:
            continue
        # the gap's first character stays, read as a space; a word broken at a hyphen closes up
        keep = 0 if _closes_up(text, a, b) else 1
        parts.append(text[pos:a.last] + " " * keep)
        pos = b.first
        if b.first - a.last > keep:
            total += b.first - a.last - keep
            at.append(b.first - total)
            dropped.append(total)
    parts.append(text[pos:])
    return Unwrapped("".join(parts), width, at, dropped)


def _closes_up(text: str, a: _Line, b: _Line) -> bool:
    """Whether the break after ``a`` is inside a word: after a compound's hyphen (``well-`` /
    ``known``) or a dash typed as hyphens between two words (``now--`` / ``today``)."""
    if text[a.last - 1] != "-" or not text[b.first].isalnum():
        return False
    m = _HYPHEN_END_RE.search(text, max(a.first, a.last - 4), a.last)
    if m is None:
        return False
    return m.group().endswith("--") or text[b.first:b.first + b.word].lower() not in _SUSPENDED


def _soft(text: str, a: _Line, b: _Line, width: int, item: str | None) -> bool:
    """Whether the break between lines ``a`` and ``b`` is inside a wrapped paragraph."""
    if a.blank or b.blank or not _full(a, b, width) or _starts_paragraph(a, b):
        return False
    if b.item is not None and (b.item in _ALWAYS_ITEMS or _kind(b.item) == _kind(item)
                               or text[a.last - 1] == ":"):
        return False  # a new item of the list
    return True


def _kind(item: str | None) -> str | None:
    # "-" and "*" open items of one list; so do "1." and "b)"
    return None if item is None else "number" if item == "number" else "bullet"
