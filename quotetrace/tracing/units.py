"""What one article brings to tracing: its passages in quotation marks, its reported speech and
its narrator's sentences, each as words with offsets.

- **passages**: every passage in quotation marks, attributed or not (a passage the article gives
  to nobody can still be a copy of a quote made elsewhere), with the speaker of the quote that
  holds it and the narrator's words just outside its marks (``is a “big concession”``), which
  tell an expanded copy from an altered one;
- **reported**: the words of reported speech outside any quotation marks (``said the plan would
  fail``), with their speaker: a paraphrase of a quote, or evidence for one;
- **narrator**: what is left of each sentence once quotes and reported speech are taken out.

Built in the worker process that extracted the article, so the main process only indexes.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_right
from difflib import SequenceMatcher
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs
import regex

from ..model import Article, Quote, Span, Speaker, join_spans
from ..pipeline import Reading
from ..text.quotemarks import CLOSING
from ..text.wrapping import Unwrapped
from ..text.words import reads_as_title
from .speakers import PRONOUNS, bare_surname, surname_holders
from .knobs import (CONTEXT, CONTEXT_ATTRIBUTION, CONTEXT_ATTRIBUTION_CHARS, CONTEXT_CHARS, CONTEXT_READ,
                    SENTENCE_MIN_WORDS, SENTENCE_SHINGLE, SENTENCE_SKETCH)
from .words import OFFSET, TextWords, Words, content_count, is_content, run_at, words


@attrs.define(slots=True)
class Piece:
    """Words of one role in one article: a passage in marks, reported speech, or a narrator
    sentence. ``spans`` are the pieces of text they come from (several for a split quote)."""

    role: str
    article: int
    spans: tuple[tuple[int, int], ...]
    words: Words
    quote: str | None = None
    speaker: str | None = None
    speaker_type: str | None = None
    #: whether the article names the speaker at this attribution (not ``he`` or ``she``, whose
    #: resolution depends on what the paragraphs before say, and differs between copies)
    named: bool = False
    #: narrator words just before the opening mark and just after the closing mark (their
    #: stems only: what an expanded copy is told by; no offsets are kept)
    before: Words | None = None
    after: Words | None = None
    #: the same, without the words of the passage's own attribution (its speaker and cue): the
    #: place the passage stands in, which a copied paragraph keeps whoever it credits
    context: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    #: whether a passage in marks reads as a title ("The Late Show"), not as speech
    titled: bool = False
    _content: int = -1

    def __reduce__(self) -> tuple:
        # a tuple of fields, not attrs' dict of them: every piece of every article is sent from
        # the worker that cut it to the process that traces, and this is twice as fast each way
        return (_piece, (self.role, self.article, self.spans, self.words, self.quote, self.speaker,
                         self.speaker_type, self.named, self.before, self.after, self.context, self.titled))

    @property
    def content(self) -> int:
        """How many of its words carry content (counted once: grouping asks it for every
        candidate)."""
        n = self._content
        if n < 0:
            n = self._content = content_count(self.words.stems)
        return n

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


def _piece(*fields: object) -> Piece:
    return Piece(*fields)  # type: ignore[arg-type]


@attrs.frozen
class Credit:
    """What a trace reads of a quote once its article is cut into units: its id and its speaker
    (identities are built from the speakers' names, a misattribution is explained with their
    mentions). :func:`lean` keeps only this of each quote."""

    id: str
    speaker: Speaker | None
    #: how the article names the speaker (:func:`mentions`)
    mention: str | None = None


@attrs.define(slots=True)
class Units:
    """Everything tracing needs from one article (see the module docstring)."""

    #: the article's quotes whole, or only their credits (:func:`lean`)
    quotes: list[Quote] | list[Credit]
    passages: list[Piece]
    reported: list[Piece]
    narrator: list[Piece]
    #: per narrator piece: a few stable hashes of its word 4-grams (a bottom-k sketch), or ()
    sketches: list[tuple[int, ...]]


def lean(u: Units) -> Units:
    """``u`` with each quote cut to its :class:`Credit`: a trace of many articles holds every
    article's units at once, and the rest of a quote (its text, spans, cue) is in the passages
    already or read by nothing after extraction."""
    named = mentions(u.quotes)
    return Units([Credit(q.id, q.speaker, named.get(q.id)) for q in u.quotes], u.passages, u.reported,
                 u.narrator, u.sketches)


def _minus(spans: Sequence[tuple[int, int]], holes: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` without the characters of ``holes`` (both sorted)."""
    out = []
    for s, e in spans:
        pos = s
        for hs, he in holes:
            if he <= pos or hs >= e:
                continue
            if hs > pos:
                out.append((pos, hs))
            pos = max(pos, he)
        if pos < e:
            out.append((pos, e))
    return out


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _trimmed(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span cut to its first and last word character; spans without a word dropped."""
    out = []
    for s, e in spans:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


def _words_of(tw: TextWords, spans: Sequence[tuple[int, int]]) -> Words:
    if len(spans) == 1:
        return tw(*spans[0])
    stems: list[str] = []
    starts: array[int] = array(OFFSET)
    ends: array[int] = array(OFFSET)
    for s, e in spans:
        w = tw(s, e)
        stems += w.stems
        starts += w.starts
        ends += w.ends
    return Words(stems, starts, ends)


#: how far before a pronoun the statement that holds it may start (:func:`mentions`)
_REPORT_REACH = 2000


def _by_name(sp: Speaker | None) -> bool:
    return sp is not None and sp.mention.strip().lower() not in PRONOUNS


def mentions(quotes: Sequence[Quote] | Sequence[Credit]) -> dict[str, str]:
    """Each quote's speaker as its article names it: the mention, except that a pronoun inside
    the content of a statement the article credits by name to the same person (``Jane Doe said
    she recalled thinking, “…”``, ``Doe says she admired what she calls a “…”``) is named by
    that statement's mention: the person reports on themselves, and the pronoun's reading is the
    sentence's own, not a guess across sentences."""
    if any(isinstance(q, Credit) for q in quotes):  # read already (lean)
        return {q.id: q.mention for q in quotes if isinstance(q, Credit) and q.mention is not None}
    spans = sorted((s.start, s.end, k) for k, q in enumerate(quotes) for s in q.spans)
    starts = [s for s, _, _ in spans]

    def around(sp: Speaker) -> Iterator[Quote]:
        """The quotes whose content holds ``sp``'s mention (a span starting further back than
        :data:`_REPORT_REACH` is not looked for: one statement, not a page)."""
        k = bisect_right(starts, sp.start) - 1
        while k >= 0 and starts[k] >= sp.start - _REPORT_REACH:
            if sp.end <= spans[k][1]:
                yield quotes[spans[k][2]]
            k -= 1

    def reports(q: Quote, sp: Speaker) -> bool:
        # a statement that is itself reported by another (``Doe said Marsh had told them that
        # he …``) names no pronoun: whose words the innermost are is the outer speaker's account
        return (q.speaker is not None and q.speaker.name == sp.name and _by_name(q.speaker)
                and not any(o.speaker is None or o.speaker.name != sp.name for o in around(q.speaker)))

    out = {}
    for q in quotes:
        sp = q.speaker
        if sp is None:
            continue
        out[q.id] = sp.mention
        if not _by_name(sp):
            out[q.id] = next((r.speaker.mention for r in around(sp) if r is not q and reports(r, sp)),
                             sp.mention)
    return out


def _name(sp: Speaker | None, text: str, holders: dict[str, set[str]]) -> str | None:
    """The speaker's name as tracing takes it: the article's resolution, except for a bare surname
    that two people of the article share (``Marsh`` with an Ada Marsh and a Tom Marsh about),
    where the resolution is a guess and the surname alone is kept; across articles it then joins
    an identity only when one person of the corpus holds it. ``holders`` caches the first names
    of each surname in ``text``."""
    if sp is None:
        return None
    last = bare_surname(sp.mention.strip())
    if last is None or not sp.name.endswith(last):
        return sp.name
    if last not in holders:
        holders[last] = surname_holders(text, last)
    return last if len(holders[last]) >= 2 else sp.name


#: the type :func:`_kind` gives a lone proper name the extractor could not type; identities
#: take it as a name of its own (:class:`.speakers.Identities`), shown as ``unknown``
NAME = "name"


def _kind(sp: Speaker | None, text: str, holders: dict[str, set[str]]) -> str | None:
    """The speaker's type as tracing takes it: the extractor's, except that a lone word it could
    not type (``Marsh said``) is a name (:data:`NAME`) when the article writes it only with a
    capital and once at least inside a sentence (after a lower-case word, a comma, or a
    quotation that ends on a comma, ``“…,” Marsh said``): a surname or a first name, not a
    sentence's first word taken for one (``Chastened, he said``). ``holders`` caches the answer."""
    if sp is None or sp.type != "unknown" or " " in sp.name or not sp.name[:1].isupper():
        return sp.type if sp is not None else None
    key = "\x1f" + sp.name  # beside the surnames' first names, never a surname itself
    if key not in holders:
        holders[key] = {NAME} if _proper(text, sp.name) else set()
    return NAME if holders[key] else sp.type


def _proper(text: str, word: str) -> bool:
    inside = False
    for m in regex.finditer(rf"(?<![\p{{L}}\p{{M}}\p{{N}}'’-]){regex.escape(word)}(?![\p{{L}}\p{{M}}\p{{N}}'’-])",
                            text, flags=regex.IGNORECASE):
        if m.group() != word:
            return False  # written in lower case too: a word, not a name
        k = m.start() - 1
        while k >= 0 and text[k] in " \t":
            k -= 1
        if k >= 0 and text[k] in CLOSING:
            # after a quotation that stops mid-sentence: “…,” Marsh said (“…, ‘…,’” too)
            while k > 0 and text[k - 1] in CLOSING:
                k -= 1
            inside |= k > 0 and text[k - 1] in ",?!—–"
            continue
        inside |= k >= 0 and (text[k].islower() or text[k] in ",;")
    return inside


def _context(q: Quote | None, before: Words, after: Words | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words around a passage that are not its attribution (see :attr:`Piece.context`),
    ``CONTEXT`` a side at most."""
    skip = []
    if q is not None:
        if q.speaker is not None:
            skip.append((q.speaker.start, q.speaker.end))
        if q.cue is not None:
            skip.append((q.cue.start, q.cue.end))

    def keep(w: Words | None) -> tuple[str, ...]:
        if w is None:
            return ()
        return tuple(st for st, a, b in zip(w.stems, w.starts, w.ends) if not any(s <= a < e for s, e in skip))

    return keep(before)[-CONTEXT:], keep(after)[:CONTEXT]


def _wide_context(q: Quote | None, tw: TextWords, opening: int, closing: int, s0: int,
                  sentence_of: Callable[[int], tuple[int, int]]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A passage's context read wide enough that its own credit, dropped, leaves ``CONTEXT``
    words a side (see :data:`.knobs.CONTEXT_ATTRIBUTION`)."""
    reach, n = CONTEXT_CHARS + CONTEXT_ATTRIBUTION_CHARS, CONTEXT_READ + CONTEXT_ATTRIBUTION
    before, after = _near(tw, opening, closing, s0, sentence_of, reach, n)
    ahead, behind = _context(q, before, after)
    # a quote that makes a sentence of its own (“It's a start,” she said. “We go on.”) has no
    # place inside it; the words of the sentence before or after are its place then
    if not _placed(ahead):
        wide = tw(max(0, opening - reach), opening)
        ahead = _context(q, wide.slice(max(0, len(wide) - n), len(wide)), None)[0]
    if not _placed(behind) and closing >= 0:
        behind = _context(q, tw(0, 0), tw(closing + 1, min(len(tw.text), closing + reach)).slice(0, n))[1]
    return ahead, behind


def _placed(side: tuple[str, ...]) -> bool:
    """Whether context words can place a passage (:func:`.keys.contexts` keys them): two words
    or more, one of them a content word."""
    return len(side) >= 2 and any(is_content(s) for s in side)


def _near(tw: TextWords, opening: int, closing: int, s0: int, sentence_of: Callable[[int], tuple[int, int]],
          reach: int, n: int) -> tuple[Words, Words | None]:
    """The last ``n`` words before a passage's opening mark and the first ``n`` after its closing
    mark (None without one), each read within its sentence and at most ``reach`` characters."""
    before = tw(max(s0, opening - reach), opening)
    before = before.slice(max(0, len(before) - n), len(before))
    after = None
    if closing >= 0:
        _, e1 = sentence_of(closing)
        after = tw(closing + 1, min(e1, closing + reach)).slice(0, n)
    return before, after


def _stems_only(w: Words | None) -> Words | None:
    """``w`` without its offsets (one shared empty array): nothing reads where the words around a
    passage stand, and every passage of every article keeps them."""
    return None if w is None else Words(w.stems, _NO_OFFSETS, _NO_OFFSETS)


def _closing_mark(text: str, end: int) -> int:
    """The offset of the mark that closes a piece ending at ``end`` (white space may stand
    between), or -1."""
    k = end
    while k < len(text) and k < end + 3 and text[k].isspace():
        k += 1
    return k if k < len(text) and text[k] in CLOSING else -1


def sketch(stems: Sequence[str]) -> tuple[int, ...]:
    """The smallest stable hashes of a sentence's word 4-grams: two sentences that share most of
    their 4-grams share their smallest hash with high probability (Broder's min-wise hashing)."""
    if len(stems) < SENTENCE_MIN_WORDS:
        return ()
    n = SENTENCE_SHINGLE
    hashes = {zlib.crc32(" ".join(stems[k:k + n]).encode()) for k in range(len(stems) - n + 1)}
    return tuple(sorted(hashes)[:SENTENCE_SKETCH])


#: the offsets of every narrator sentence (none are kept): one empty array shared by all of an
#: article's sentences, not two of 64 bytes each per sentence; it is only ever replaced, never
#: filled in place
_NO_OFFSETS: array[int] = array(OFFSET)


def units(article: Article, reading: Reading, index: int) -> Units:
    """The passages, reported speech and narrator sentences of one extracted article, with
    offsets into the article text (a hard-wrapped article is cut in its unwrapped reading, and
    every offset carried back)."""
    text = reading.text
    tw = TextWords(text)  # every piece's words are sliced from the text's, read once
    quotes = reading.found
    owner: dict[int, Quote] = {s.start: q for q in quotes for s in q.quoted}
    sentences = [(s.start, s.end) for s in reading.analysis.sentences]
    sent_starts = [s for s, _ in sentences]

    def sentence_of(offset: int) -> tuple[int, int]:
        k = bisect_right(sent_starts, offset) - 1
        return sentences[k] if k >= 0 else (0, len(text))

    passages = []
    marked_spans = []
    holders: dict[str, set[str]] = {}
    credited = mentions(quotes)

    def is_named(q: Quote | None) -> bool:
        return q is not None and q.id in credited and credited[q.id].strip().lower() not in PRONOUNS
    # each pair of marks is a passage of its own, a split quote's pieces too: an editor keeps one
    # half of “…,” she said. “…” as often as both
    for m in reading.marked:
        for k, piece in enumerate(m.pieces):
            span = (piece.start, piece.end)
            marked_spans.append(span)
            q = owner.get(piece.start)
            sp = q.speaker if q else None
            opening = m.opens[k]
            if q is None and opening > 0 and text[opening - 1] == "=":
                continue  # a markup attribute's value (<tweet id="7503…">), no quotation
            closing = m.close if k == len(m.pieces) - 1 else _closing_mark(text, piece.end)
            s0, _ = sentence_of(opening)
            before, after = _near(tw, opening, closing, s0, sentence_of, CONTEXT_CHARS, CONTEXT_READ)
            passages.append(Piece("quote", index, (span,), tw(*span), quote=q.id if q else None,
                                  speaker=_name(sp, text, holders), speaker_type=_kind(sp, text, holders),
                                  named=is_named(q), before=_stems_only(before), after=_stems_only(after),
                                  context=_wide_context(q, tw, opening, closing, s0, sentence_of),
                                  titled=reads_as_title(text[span[0]:span[1]].split())))
    marked_spans = _merged(marked_spans)
    reported = []
    content_spans = []
    for q in quotes:
        spans = [(s.start, s.end) for s in q.spans]
        content_spans.extend(spans)
        if q.kind == "direct":
            continue
        own = _trimmed(text, _minus(spans, marked_spans))
        w = _words_of(tw, own)
        if len(w):
            sp = q.speaker
            reported.append(Piece("reported-speech", index, tuple(own), w, quote=q.id,
                                  speaker=_name(sp, text, holders), speaker_type=_kind(sp, text, holders),
                                  named=is_named(q)))
    taken = _merged(content_spans + marked_spans)
    narrator = []
    sketches = []
    for s, e in sentences:
        own = _trimmed(text, _minus([(s, e)], taken))
        w = _words_of(tw, own)
        if len(w):
            # a narrator sentence is compared by its stems and shown whole: its words' offsets
            # would be most of what tracing holds, and nothing reads them
            narrator.append(Piece("narrator", index, tuple(own), Words(w.stems, _NO_OFFSETS, _NO_OFFSETS)))
            sketches.append(sketch(w.stems))
    if reading.unwrapped.width is not None:
        for piece in (*passages, *reported, *narrator):
            _to_article(piece, reading.unwrapped)
    return Units(reading.quotes, passages, reported, narrator, sketches)


def _to_article(piece: Piece, unwrapped: Unwrapped) -> None:
    """Carry a piece cut in an unwrapped reading back to the offsets of the article text."""
    piece.spans = tuple((unwrapped.start(s), max(unwrapped.start(s), unwrapped.end(e))) for s, e in piece.spans)
    for w in (piece.words, piece.before, piece.after):
        if w is not None and len(w.starts):  # words kept without offsets share one empty array
            w.starts = array(OFFSET, (unwrapped.start(x) for x in w.starts))
            w.ends = array(OFFSET, (unwrapped.end(x) for x in w.ends))


def piece_text(text: str, piece: Piece) -> str:
    """The words of a piece as the article writes them; a split quote's parts joined by a space."""
    return join_spans(text, [Span(s, e) for s, e in piece.spans])


#: the fewest words of a quote in a row that show where reported speech holds a part of it
MIN_RUN = 4


def _with_offsets(piece: Piece, text: str | None) -> Words:
    """The piece's words with their offsets: a narrator sentence keeps none (read again from
    ``text``, when given, for the few a trace shows)."""
    w = piece.words
    if len(w.starts) == len(w.stems) or text is None:
        return w
    stems: list[str] = []
    starts: array[int] = array(OFFSET)
    ends: array[int] = array(OFFSET)
    for s, e in piece.spans:
        x = words(text, s, e)
        stems += x.stems
        starts += x.starts
        ends += x.ends
    return Words(stems, starts, ends) if stems == w.stems else w


def holding(piece: Piece, stems: Iterable[str], quote: Sequence[str] = (), text: str | None = None) -> tuple[int, int]:
    """The offsets of the part of a piece that holds the given stems: from the first of its
    spans with one of them to the last (the whole piece when none is found); or, when the piece
    holds the words of ``quote`` in a row (a quotation whose marks were dropped), those words:
    all of them, or the longest run of at least half of them (a quotation of two sentences whose
    first ends the reported clause, or a narrator sentence that holds the first of them). A
    narrator sentence is read again from ``text``; without it, it is shown whole."""
    wanted = set(stems)
    w = _with_offsets(piece, text)
    if len(w.starts) < len(w.stems):
        return piece.start, piece.end
    at = run_at(w.stems, quote)
    if at is not None:
        return w.starts[at], w.ends[at + len(quote) - 1]
    if len(quote) >= 2 * MIN_RUN:
        run = SequenceMatcher(None, w.stems, list(quote), autojunk=False).find_longest_match()
        if run.size >= max(MIN_RUN, len(quote) / 2):
            return w.starts[run.a], w.ends[run.a + run.size - 1]
    hits = [k for k, s in enumerate(w.stems) if s in wanted]
    if not hits:
        return piece.start, piece.end
    first, last = w.starts[hits[0]], w.ends[hits[-1]]
    spans = [(s, e) for s, e in piece.spans if s < last and first < e]
    return (spans[0][0], spans[-1][1]) if spans else (piece.start, piece.end)
