"""Find the passages an article puts inside quotation marks.

The detector reads paragraph by paragraph, so a stray or missing mark costs at most the
paragraph it stands in, and it never raises. In order:

1. **Double marks** (straight ``"``, curly ``“ ”``, low-high ``„ “``, guillemets ``« »``) are
   paired with a small stack. A mark's direction comes from its neighbours first (a mark after
   a space opens, a mark before a space or punctuation closes) and from its glyph only when the
   neighbours do not tell, because typed and auto-corrected text gets glyphs wrong. A mark of
   another style inside an open quote opens a nested quote; the nested quote belongs to the
   outer one.
2. **Paragraphs**: a quote still open at the end of a paragraph continues when the next
   paragraph opens with a mark (the convention for quotes over several paragraphs); otherwise it
   is dropped (its end is unknown), never carried further. A run-on that opened after its own
   attribution ends where a reopened quotation names a new speaker.
3. **Single marks** (``‘ ’`` and ``'``) outside double quotes are quotation marks only when an
   opener and a closer pair up in one paragraph; apostrophes (``don't``, ``forces'``, ``’90s``,
   ``rock ’n’ roll``) are told apart by their neighbours.
4. **Split quotes**: ``“…,” she said on Monday. “…”`` is one quote with two pieces, when the
   words between the pieces are a short attribution with a speech cue.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

import attrs
import regex

from .model import Span
from .text.layout import paragraphs
from .text.lexicon import SPEECH_FORMS, speech_cues
from .text.quotemarks import (
    CLOSING,
    DOUBLE_CLOSING,
    DOUBLE_OPENING,
    SINGLE_CLOSING,
    SINGLE_OPENING,
    STRAIGHT_DOUBLE,
    STRAIGHT_SINGLE,
    char_class,
)

# glyph -> (style, direction the glyph itself says: 1 opens, -1 closes, 0 either)
_DOUBLE = {'"': ("straight", 0), "“": ("curly", 1), "”": ("curly", -1), "„": ("curly", 1),
           "‟": ("curly", 1), "«": ("guillemet", 1), "»": ("guillemet", -1)}
_DOUBLE_RE = regex.compile(char_class(STRAIGHT_DOUBLE + DOUBLE_OPENING + DOUBLE_CLOSING))
_SINGLE_RE = regex.compile(char_class(STRAIGHT_SINGLE + SINGLE_OPENING + SINGLE_CLOSING))

_OPEN_LEFT = set("([{<—–-/\u00a0") | set(_DOUBLE) | set(SINGLE_OPENING + STRAIGHT_SINGLE)
_CLOSE_RIGHT = set(".,;:!?)]}>—–-/…\u00a0") | set(_DOUBLE) | set(SINGLE_CLOSING + STRAIGHT_SINGLE)
_CLOSE_LEFT = set(".,;:!?…)]") | set(_DOUBLE)
# a double mark that may open right after a single one: '“…
_DOUBLE_OPENERS = STRAIGHT_DOUBLE + DOUBLE_OPENING
# an apostrophe that begins a word: '90s, 'em, 'til, 'cause, 'n'
_ELISION_RE = regex.compile(r"(?:\d\d?s?\b|em\b|til\b|tis\b|twas\b|cause\b|bout\b|round\b|n['’]\s|nuff\b|ol\b)",
                            regex.I)



@attrs.frozen
class Marked:
    """One passage in quotation marks: its pieces (content without the marks) in order."""

    pieces: tuple[Span, ...]
    #: offsets of the opening mark of each piece and of the last closing mark (-1 if none)
    opens: tuple[int, ...]
    close: int


def _double_direction(text: str, i: int, glyph_dir: int) -> int:
    left = text[i - 1] if i > 0 else "\n"
    right = text[i + 1] if i + 1 < len(text) else "\n"
    if left.isspace() and right.isspace():
        # a curly mark between spaces may face the wrong way ("… the 'Title Sponsor,' “ Doe
        # wrote", as a typesetter's software turns a mark after a space): the pairing decides
        return 0
    opens = left.isspace() or left in _OPEN_LEFT
    closes = right.isspace() or right in _CLOSE_RIGHT
    if opens and not closes:
        return 1
    if closes and not opens:
        return -1
    return glyph_dir


def _pair_doubles(text: str, marks: list[int], para: tuple[int, int]) -> tuple[list[tuple[int, int]], int | None]:
    """Pair the double marks of one paragraph: ``(open, close)`` of each outermost quote, and the
    offset of an outermost opening mark still open at the paragraph's end."""
    stack: list[tuple[str, int]] = []
    out: list[tuple[int, int]] = []
    dirs = [_double_direction(text, i, _DOUBLE[text[i]][1]) for i in marks]
    # closers less openers from each mark to the paragraph's end (a mark the neighbours do not
    # explain counts as neither), summed once: a paragraph of many marks stays linear
    closing_after = [0] * (len(dirs) + 1)
    for k in range(len(dirs) - 1, -1, -1):
        closing_after[k] = closing_after[k + 1] - dirs[k]
    for k, i in enumerate(marks):
        style = _DOUBLE[text[i]][0]
        d = dirs[k]
        if d == 0:  # a straight mark the neighbours do not explain: close if we can
            d = -1 if stack else 1
        if d > 0:
            if not stack or (len(stack) == 1 and stack[0][0] != style):
                stack.append((style, i))
            elif len(stack) == 1 and closing_after[k + 1] >= 2:
                # "… says, "I'd like ten," you know, …": a quotation inside one of the same
                # style, when the marks after it hold two closers more than openers, enough to
                # close both
                stack.append((style, i))
            else:
                # an opener of the same style while one is open: the earlier one was stray
                stack[-1] = (style, i)
            continue
        if not stack:
            continue  # a stray closer costs nothing
        if stack[-1][0] == style or len(stack) == 1:
            _, o = stack.pop()
            if not stack:
                out.append((o, i))
        elif stack[0][0] == style:  # closes the outer quote; the inner one was stray
            out.append((stack[0][1], i))
            stack.clear()
    return out, (stack[0][1] if stack else None)


def _single_kind(text: str, i: int) -> int:
    """1 opens, -1 closes, 0 is an apostrophe."""
    ch = text[i]
    if ch == "‹" or ch == "‚":
        return 1
    if ch == "›":
        return -1
    left = text[i - 1] if i > 0 else "\n"
    right = text[i + 1] if i + 1 < len(text) else "\n"
    if left.isalnum() and right.isalnum():
        return 0  # don't, Ortiz’s, rock’n’roll
    left_open = left.isspace() or left in _OPEN_LEFT
    if right.isalnum() or right in _DOUBLE_OPENERS:
        if not left_open:
            return 0
        if ch == "’" or _ELISION_RE.match(text, i + 1):
            return 0  # ’90s, 'em: a right single mark before a word is an elision
        return 1
    closes = right.isspace() or right in _CLOSE_RIGHT
    if closes and (left.isalnum() or left in _CLOSE_LEFT) and ch != "‘":
        if left == "n" and i >= 2 and text[i - 2] in "'’":
            return 0  # the second mark of ’n’
        return -1
    return 0


def _possessive_like(text: str, i: int) -> bool:
    # "the voters’ choice": s + mark + space + lower-case word reads as a plural possessive
    return text[i - 1] in "sS" and i + 2 < len(text) and text[i + 1] == " " and text[i + 2].islower()


def _pair_singles(text: str, marks: list[int]) -> list[tuple[int, int]]:
    kinds = [(i, _single_kind(text, i)) for i in marks]
    kinds = [(i, k) for i, k in kinds if k]
    out = []
    j = 0
    while j < len(kinds):
        i, k = kinds[j]
        if k < 0:
            j += 1
            continue
        closers = []
        n = j + 1
        while n < len(kinds) and kinds[n][1] < 0:
            closers.append(n)
            n += 1
        if not closers:
            j = n  # an opener with no closer before the next opener is an apostrophe
            continue
        pick = next((c for c in closers if not _possessive_like(text, kinds[c][0])), closers[0])
        out.append((i, kinds[pick][0]))
        j = pick + 1
    return out


def _content(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end or not any(ch.isalnum() for ch in text[start:end]):
        return None
    return Span(start, end)


def _by_paragraph(positions: list[int], paras: list[tuple[int, int]]) -> list[list[int]]:
    starts = [p[0] for p in paras]
    groups: list[list[int]] = [[] for _ in paras]
    for i in positions:
        k = bisect_right(starts, i) - 1
        if k >= 0 and i < paras[k][1]:
            groups[k].append(i)
    return groups


_TWO_APOSTROPHES_RE = regex.compile(r"''(?!')")


def _two_apostrophes_as_marks(text: str) -> str:
    """Some archives type a double quotation mark as two apostrophes (''Yes,'' he said). Each pair
    becomes one straight mark beside a space, keeping every offset."""
    if "''" not in text:
        return text

    def repl(m: regex.Match) -> str:
        after = text[m.end():m.end() + 1]
        return ' "' if after.isalnum() else '" '

    return _TWO_APOSTROPHES_RE.sub(repl, text)


def find_marked(text: str) -> list[Marked]:
    """Every passage in quotation marks, in order of its first piece (split quotes not merged)."""
    return _find_marked(_two_apostrophes_as_marks(text))


def _find_marked(text: str) -> list[Marked]:
    """:func:`find_marked` of a text whose two-apostrophe marks are single marks already."""
    paras = [(p.start, p.end) for p in paragraphs(text)]
    doubles = _by_paragraph([m.start() for m in _DOUBLE_RE.finditer(text)], paras)
    singles = _by_paragraph([m.start() for m in _SINGLE_RE.finditer(text)], paras)
    found: list[Marked] = []
    para_starts = {p[0] for p in paras}
    carry: list[tuple[int, int]] = []  # pieces of a quote that runs on from earlier paragraphs
    carry_opens: list[int] = []
    curly = "“" in text or "”" in text
    for k, (ps, pe) in enumerate(paras):
        if curly:
            doubles[k] = _without_stray_straight(text, doubles[k], ps, paras[k + 1][0] if k + 1 < len(paras) else -1)
        pairs, open_at_end = _pair_doubles(text, doubles[k], (ps, pe))
        if carry:
            first = doubles[k][0] if doubles[k] else -1
            if first == ps and (pairs and pairs[0][0] == ps or open_at_end == ps):
                if pairs and pairs[0][0] == ps and _introduced(text, carry_opens[0], para_starts) \
                        and _newly_attributed(text, pairs[0][1], pe):
                    # “…,” added Rep. Jane Doe: a quotation with its own speaker, not a run-on;
                    # the one before (opened after its own attribution: "Roe said. “…") ran to
                    # the end of its paragraph. A run-on that opened its paragraph has no speaker
                    # yet: the attribution in its last paragraph is its own
                    found.append(_marked(text, carry, carry_opens, -1))
                    carry, carry_opens = [], []
                elif pairs and pairs[0][0] == ps:  # the run-on quote closes here
                    o, c = pairs.pop(0)
                    found.append(_marked(text, carry + [(o + 1, c)], carry_opens + [o], c))
                    carry, carry_opens = [], []
                else:  # it runs on through this whole paragraph too
                    carry.append((ps + 1, pe))
                    carry_opens.append(ps)
                    open_at_end = None
            else:
                _flush_unclosed(text, found, carry, carry_opens)
                carry, carry_opens = [], []
        here = len(found)  # the quotes of this paragraph start here
        for o, c in pairs:
            found.append(_marked(text, [(o + 1, c)], [o], c))
        if open_at_end is not None:
            carry, carry_opens = [(open_at_end + 1, pe)], [open_at_end]
        # single marks outside the double quotes of this paragraph
        inside = [(o, c) for o, c in pairs] + ([(open_at_end, pe)] if open_at_end is not None else [])
        single_pairs = _pair_singles(text, _outside(singles[k], inside))
        # a single-quoted passage that holds whole double quotes is the outer quote
        found[here:] = [m for m in found[here:] if not (m.pieces and _within(m, single_pairs))]
        found.extend(_marked(text, [(o + 1, c)], [o], c) for o, c in single_pairs)
    if carry:
        _flush_unclosed(text, found, carry, carry_opens)
    found = [m for m in found if m.pieces]
    found.sort(key=lambda m: m.pieces[0].start)
    return found


def _without_stray_straight(text: str, marks: list[int], start: int, next_start: int) -> list[int]:
    """The double marks of a paragraph without a stray straight mark at its start: in an article
    set with typographic marks, a lone ``"`` that opens a paragraph, with no mark of its own in it
    to close it (the typographic ones pair among themselves) and none opening the next paragraph
    (as a quotation running on would), is debris of a conversion, not a quotation running to the
    end of the paragraph and into the next one's quote."""
    straight = [i for i in marks if text[i] == '"']
    if straight != [start] or (next_start >= 0 and text[next_start] == '"'):
        return marks
    # typographic marks that pair among themselves leave it no partner ("…,” said Doe after a
    # straight opening mark is its partner: a quotation set in two styles)
    opening = sum(1 for i in marks if text[i] == "“")
    closing = sum(1 for i in marks if text[i] == "”")
    return [i for i in marks if i != start] if opening == closing else marks


def _outside(positions: list[int], spans: list[tuple[int, int]]) -> list[int]:
    """The positions that fall in none of the closed ranges ``spans``: a bisect each, not a scan
    of every range (a paragraph of thousands of marks would make that n²)."""
    merged: list[list[int]] = []
    for o, c in sorted(spans):
        if merged and o <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], c)
        else:
            merged.append([o, c])
    starts = [o for o, _ in merged]
    out = []
    for i in positions:
        k = bisect_right(starts, i) - 1
        if k < 0 or i > merged[k][1]:
            out.append(i)
    return out


def _within(m: Marked, pairs: list[tuple[int, int]]) -> bool:
    """Whether quote ``m`` lies strictly inside one of ``pairs`` (in order, disjoint, as
    :func:`_pair_singles` gives them): only the last pair opening before it can hold it."""
    k = bisect_left(pairs, (m.opens[0],)) - 1
    return k >= 0 and m.close < pairs[k][1]


def _introduced(text: str, opening: int, para_starts: set[int]) -> bool:
    """Whether a quotation has an attribution before it: words before its mark in its paragraph
    ("Roe said. “…"), or a paragraph ending with a colon just before it ("From the report:")."""
    if opening not in para_starts:
        return True
    before = text[max(0, opening - 200):opening].rstrip()
    return before.endswith(":")


_NAME_WORD_RE = regex.compile(r"[\p{L}][\w’'.-]*")


def _newly_attributed(text: str, close: int, end: int) -> bool:
    """Whether a quotation that closes at ``close`` is followed by an attribution to a named
    speaker (``,” added Rep. Jane Doe``), not by a pronoun or nothing."""
    tail = text[close + 1 : min(end, close + 90)]
    found = speech_cues(tail)
    cue = found[0] if found else None
    if cue is None or cue.start() > 50:
        return False
    words = _NAME_WORD_RE.findall(tail[: cue.start()] + " " + tail[cue.end():cue.end() + 40])
    return any(w[0].isupper() and w not in ("He", "She", "They", "I", "We", "It") for w in words[:6])


def _flush_unclosed(text: str, found: list[Marked], pieces: list[tuple[int, int]], opens: list[int]) -> None:
    """A quote left open at a paragraph end that the next paragraph does not reopen: its last
    piece is dropped; the pieces before it were closed by the paragraph convention."""
    if len(pieces) > 1:
        found.append(_marked(text, pieces[:-1], opens[:-1], -1))


def _marked(text: str, pieces: list[tuple[int, int]], opens: list[int], close: int) -> Marked:
    spans: list[Span] = []
    kept_opens: list[int] = []
    for (s, e), o in zip(pieces, opens):
        span = _content(text, s, e)
        if span is not None:
            spans.append(span)
            kept_opens.append(o)
    return Marked(tuple(spans), tuple(kept_opens), close)


# "…,” the mayor said on Thursday. “…" — the words between the two pieces of a split quote.
_BETWEEN_MAX_WORDS = 14
_WORD_RE = regex.compile(r"\w+")
_NEXT_WORD_RE = regex.compile(r"[ \t\u00a0]+(\p{Ll}\w*)")
_NOUN_BEFORE_RE = regex.compile(r"(?:\b(?:in|a|an|the|his|her|their|its|of|was|were|been|being|is|are)|\w['’]s|s['’])"
                                r"\s+(?:\w+ly\s+)?\Z", regex.I)


def _joins(text: str, a: Marked, b: Marked) -> bool:
    """Whether ``b`` continues ``a`` across a short attribution: ``“…,” she said. “…”``."""
    if a.close < 0 or not a.pieces:
        return False
    between = text[a.close + 1 : b.opens[0]]
    inner = between.strip()
    # nothing between: two quotes side by side; no closing punctuation: a quoted fragment
    # inside a sentence ("called the “…” and the “…”"), not an interruption
    if not inner or inner[-1] not in ".,:;—–" or "\n" in between or len(between) > 320:
        return False
    words = _WORD_RE.findall(between)
    # "said in reply": a cue word after a preposition or determiner is a noun, and after
    # "was" a passive ("he was formally called to testify") reports nothing
    # and a cue word written with a capital inside the attribution is part of a name ("a
    # veteran of the Rules Committee"), one after a possessive a noun ("the mayor’s comments")
    cues = [c for c in speech_cues(between)
            if not _NOUN_BEFORE_RE.search(between, 0, c.start())
            and not (c.group()[:1].isupper() and between[: c.start()].strip())]
    if len(cues) == 2 and cues[1].group().lower().endswith("ing") and inner[-1] == "." \
            and len(_WORD_RE.findall(between[cues[1].end():])) >= 2:
        # "…,” she said, stressing why the past matters. “…”: a participle with its own content,
        # then a new sentence of the same quotation
        cues = cues[:1]
    # exactly one cue: "Ortiz said, adding later, “…”" starts a second statement, and so does a
    # participle alone: "… before asking her, “…”"
    if len(cues) != 1 or cues[0].group().lower().endswith("ing"):
        return False
    # and someone who speaks: "“…,” adding, “…”" reports a second statement
    others = [w for w in _WORD_RE.findall(between[: cues[0].start()] + " " + between[cues[0].end():])
              if not w.lower().endswith("ing")]
    if not others:
        return False
    if len(words) > _BETWEEN_MAX_WORDS:
        # a long attribution is still one when the cue opens it and a description follows:
        # "…,” said Jane Doe, a lawyer who has worked on such cases for years. “…”
        lead = len(_WORD_RE.findall(between[: cues[0].start()]))
        if len(words) > 45 or lead > 10 or inner[-1] not in ".,":
            return False
    # the second passage must be a statement of its own, not a fragment that the sentence goes
    # on from ("“…,” Warren said. “You squeezed them” to drive up the price, she said.")
    after = _NEXT_WORD_RE.match(text, b.close + 1) if b.close >= 0 else None
    if after and after.group(1).lower() not in SPEECH_FORMS:
        return False
    if _attributed_again(text, b):
        # "“…,” The Acme Institute said. “…,” The Northfield League said.": the second passage
        # has an attribution of its own; two quotes, each with its speaker
        return False
    # the first piece must stop mid-statement (“…,” or “…—”) or ask or exclaim (“…?” she asked.
    # “…”); a piece that ends its sentence with a period is mostly a quotation of its own
    last = a.pieces[-1].end - 1
    while last > a.pieces[-1].start and text[last] in CLOSING:
        last -= 1  # “… ‘Thank you for voting,’” Bennett explained: the nested quote's mark
    return text[last] in ",—–-…?!"


def _attributed_again(text: str, b: Marked) -> bool:
    """Whether passage ``b`` stops mid-statement (“…,” or “…?”) and a named speaker's attribution
    follows it in its paragraph (``,” Tom Roe said.``, ``,” said Tom Roe.``)."""
    if b.close < 0 or not b.pieces:
        return False
    last = b.pieces[-1].end - 1
    while last > b.pieces[-1].start and text[last] in CLOSING:
        last -= 1
    if text[last] not in ",—–-…?!":
        return False
    # the attribution is read in the 90 characters after the mark: look no further for the line end
    end = text.find("\n", b.close, b.close + 90)
    return _newly_attributed(text, b.close, b.close + 90 if end < 0 else end)


def merge_split(text: str, marked: list[Marked]) -> list[Marked]:
    """Join the pieces of split quotes (``“…,” she said. “…”``) into one passage each."""
    out: list[Marked] = []
    for m in marked:
        if out and m.pieces and _joins(text, out[-1], m):
            prev = out[-1]
            out[-1] = Marked(prev.pieces + m.pieces, prev.opens + m.opens, m.close)
        else:
            out.append(m)
    return out


def detect_marks(text: str) -> Iterator[Marked]:
    """The quotation-mark passages of ``text``, split quotes merged, in order."""
    text = _two_apostrophes_as_marks(text)
    yield from merge_split(text, _find_marked(text))


def rules_text(text: str, marked: list[Marked]) -> str:
    """The text the attribution rules read, with the marks as the pairing of :func:`detect_marks`
    read them: two apostrophes typed for a double mark (''Yes,'' he said) are one mark, and each
    curly double mark faces the way the pairing read it. One character for one: every offset
    stays."""
    return _facing(_two_apostrophes_as_marks(text), marked)


def _facing(text: str, marked: list[Marked]) -> str:
    """``text`` with each curly double mark facing the way the pairing read it: a closing mark
    set as an opening one after a space (“… the 'Title Sponsor,' “ Doe wrote) becomes ”, so the
    rules that look for a quotation's end see one."""
    opening = {o for m in marked for o in m.opens}
    fixes = {o: "“" for o in opening if text[o] == "”"}
    # (a piece ends at its closing mark, past the spaces the piece leaves out, in a split quote too)
    for m in marked:
        for p in m.pieces:
            at = p.end
            while at < len(text) and text[at] in " \t\u00a0":
                at += 1
            if at < len(text) and text[at] == "“" and at not in opening:
                fixes[at] = "”"
    if not fixes:
        return text
    chars = list(text)
    for at, ch in fixes.items():
        chars[at] = ch
    return "".join(chars)
