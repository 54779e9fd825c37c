"""Turn attribution candidates and quotation-mark passages into quotes.

Every passage in quotation marks goes to at most one quote: the candidate with the smallest
content that overlaps it (the innermost attribution). A candidate whose content is only the
passage (punctuation and marks aside) is a ``direct`` quote whose spans are the passage's pieces,
so a split quote keeps its pieces; a candidate with more words is ``mixed``, or ``indirect`` when
it holds no passage. Passages no candidate takes are attributed by position (a quote paragraph
after ``X said:``, or a quotation that ends its paragraph, or a paragraph, right after a
sentence that holds an attribution, or in one: the same speaker goes on); the rest are titles
or scare quotes and are left out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

import regex

from ..marks import Marked
from ..model import Span, join_spans
from ..text.layout import MONTH_ABBREVIATIONS, TITLE_STOPS, DisjointSpans
from . import Candidate
from ..text.lexicon import CLAUSE_VERBS, lemma_of, speech_cues
from ..text.quotemarks import QUOTATION_MARKS
from ..text.words import DETERMINERS, cue_kind, reads_as_title
from .according import ACCORDING
from .colon import COLON
from .frame import Rule

# a quotation paragraph that continues a quote of the paragraph before, with no cue of its own
CONTINUED = Rule("continued", 0.6)

_FILLER = set(" \t\r\n\u00a0,.;:!?—–-…()[]") | QUOTATION_MARKS


def _only_filler(text: str, spans: Sequence[Span], pieces: Sequence[Span] | DisjointSpans) -> bool:
    """Whether the words of ``spans`` are all inside ``pieces``. Pieces held as
    :class:`DisjointSpans` are met one at a time, up to the first word outside them: a long
    content among many quotations is answered at its first gap, not after a walk over all."""
    ordered = sorted(pieces) if not isinstance(pieces, DisjointSpans) else None
    for s in spans:
        pos = s.start
        for p in ordered if ordered is not None else pieces.iter_overlapping(s.start, s.end):
            if p.end <= pos or p.start >= s.end:
                continue
            if any(ch not in _FILLER for ch in text[pos:max(pos, p.start)]):
                return False
            pos = max(pos, p.end)
        if any(ch not in _FILLER for ch in text[pos:s.end]):
            return False
    return True


def _without_that(text: str, spans: Sequence[Span]) -> list[Span]:
    """The content without a leading complementizer: ``that “…”`` is a direct quotation."""
    out = list(spans)
    if out and text[out[0].start:out[0].start + 5].lower() == "that ":
        out[0] = Span(out[0].start + 5, max(out[0].start + 5, out[0].end))
    return out


def _merge(spans: list[Span]) -> tuple[Span, ...]:
    out: list[Span] = []
    for s in sorted(spans):
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return tuple(out)


class Assembled:
    """A quote before resolution: content spans, quoted passages, cue and speaker mention."""

    __slots__ = ("kind", "spans", "quoted", "candidate", "rule")

    def __init__(self, kind: str, spans: tuple[Span, ...], quoted: tuple[Span, ...],
                 candidate: Candidate | None, rule: Rule):
        self.kind = kind
        self.spans = spans
        self.quoted = quoted
        self.candidate = candidate
        self.rule = rule

    def text(self, text: str) -> str:
        return join_spans(text, self.spans)


def _owners(marked: Sequence[Marked], candidates: Sequence[Candidate]) -> dict[int, int]:
    """Each quotation passage's owner: of the candidates whose content overlaps one of its pieces,
    the one with the least content (then the first). Candidates are taken from the smallest, and
    each takes the passages no smaller one took, looked up by bisect among the pieces still free:
    every passage is taken once, so a sentence of many cues whose contents all run to its end
    costs a log per lookup, not a scan of every content at every passage."""
    pieces = sorted((p.start, p.end, mi) for mi, m in enumerate(marked) for p in m.pieces)
    starts = [p[0] for p in pieces]
    longest = max((e - s for s, e, _ in pieces), default=0)
    order = sorted((sum(len(x) for x in c.content), ci) for ci, c in enumerate(candidates) if c.content)
    owner: dict[int, int] = {}
    for _, ci in order:
        for x in candidates[ci].content:
            k = bisect_left(starts, x.start - longest)
            while k < len(pieces) and starts[k] < x.end:
                s, e, mi = pieces[k]
                if e > x.start:
                    owner[mi] = ci
                    for p in marked[mi].pieces:  # the passage is taken: none of its pieces is free
                        j = bisect_left(pieces, (p.start, p.end, mi))
                        del pieces[j], starts[j]
                    k = bisect_left(starts, x.start - longest)
                    continue
                k += 1
    return dict(sorted(owner.items()))


def assemble(text: str, marked: Sequence[Marked], candidates: Sequence[Candidate],
             paragraphs: Sequence[Span]) -> list[Assembled]:
    """Quotes from candidates and passages, in text order (see the module docstring)."""
    owner = _owners(marked, candidates)
    owned: dict[int, list[int]] = {}
    for mi, ci in owner.items():
        owned.setdefault(ci, []).append(mi)
    passage_at = DisjointSpans(p for mi in owner for p in marked[mi].pieces)
    out: list[Assembled] = []
    for ci, c in enumerate(candidates):
        pieces = [p for mi in owned.get(ci, ()) for p in marked[mi].pieces]
        if not c.content and not pieces:
            continue
        if pieces and _only_filler(text, _without_that(text, c.content), pieces):
            out.append(Assembled("direct", _merge(pieces), _merge(pieces), c, c.rule))
        elif pieces:
            spans = _merge(list(c.content) + pieces)
            out.append(Assembled("mixed", spans, _merge(pieces), c, c.rule))
        elif c.content:
            # passages another cue took: the same quotation must not make a second quote
            taken = any(True for x in c.content for _ in passage_at.iter_overlapping(x.start, x.end))
            if taken and _only_filler(text, _without_that(text, c.content), passage_at):
                continue
            out.append(Assembled("indirect", _merge(list(c.content)), (), c, c.rule))
    out.extend(_orphans(text, marked, owner, candidates, out, paragraphs))
    out.extend(_colon_blocks(text, marked, candidates, out, paragraphs))
    out.sort(key=lambda a: a.spans[0].start)
    return out


def _colon_blocks(text: str, marked: Sequence[Marked], candidates: Sequence[Candidate], done: list[Assembled],
                  paragraphs: Sequence[Span]) -> list[Assembled]:
    """``The governor added:`` ending a paragraph, then a paragraph without quotation marks: the
    paragraph is what he added (a block quotation, set off by its layout instead of marks)."""
    starts = [p.start for p in paragraphs]
    used = {c for a in done for c in [a.candidate] if a.candidate is not None and not a.candidate.content}
    passages = DisjointSpans(p for m in marked for p in m.pieces)
    out = []
    for c in candidates:
        if c.content or c.cue is None or c.speaker is None or c in used or not _introduces(text, c) \
                or lemma_of(text[c.cue.start:c.cue.end].split()[0].rstrip(":")) not in CLAUSE_VERBS:
            continue  # only a reporting verb ("added:") introduces a block; "Watch the video below:" does not
        k = bisect_right(starts, c.cue.start) - 1
        if k + 1 >= len(paragraphs):
            continue
        para = paragraphs[k + 1]
        body = text[para.start:para.end]
        if passages.overlapping(para.start, para.end) or not body[:1].isupper() or len(body.split()) < 6 \
                or body[-1] not in ".!?…":
            continue  # quotation paragraphs are the orphans' to take; headings and lists are not speech
        out.append(Assembled("indirect", (para,), (), c, COLON))
    return out


def _introduces(text: str, c: Candidate) -> bool:
    """Whether a candidate without content ends on a colon (``The governor added:``), and so
    introduces what follows; ``Doe agreed.`` introduces only a quotation right after it."""
    return text[c.cue.end - 1] == ":" or text[c.cue.end:c.cue.end + 3].lstrip()[:1] == ":"


def _extent(a: Assembled) -> tuple[int, int]:
    """Where an attribution starts and ends in the text: its content, its cue and its speaker
    together (``The vote may slip, Doe said.`` ends after "said")."""
    parts = [a.spans[0], a.spans[-1]]
    if a.candidate is not None:
        parts += [x for x in (a.candidate.cue, a.candidate.speaker) if x is not None]
    return min(x.start for x in parts), max(x.end for x in parts)


# where a sentence ends inside a paragraph: its mark, any closing quotation marks, a space
# (a title's, a month's or an initial's period ends no sentence: "… said of Mrs. Doe's plan.
# “…”", "the attacks of Sept. 11")
_MONTH_STOPS = "|".join(sorted(w.capitalize() for w in MONTH_ABBREVIATIONS))
_SENTENCE_END_RE = regex.compile(r"(?:(?<!\b(?:%s|%s|\p{Lu}))\.|[!?…])[\"”’']*\s+" % (TITLE_STOPS, _MONTH_STOPS))
# how far back the sentence before a passage is looked for
_SENTENCE_REACH = 2000


_LAST_WORD_RE = regex.compile(r"(\w+)\W*\Z")


def _sentence_start(text: str, lo: int, end: int) -> int:
    """Where the sentence that holds offset ``end`` starts, looked for from ``lo`` (``lo`` when
    no sentence ends in between)."""
    return max((x.end() for x in _SENTENCE_END_RE.finditer(text, lo, end)), default=lo)


def _before_filler(text: str, end: int, floor: int) -> int:
    """``end`` moved left over spaces, punctuation and marks, not past ``floor``."""
    while end > floor and text[end - 1] in _FILLER:
        end -= 1
    return end


# a determiner and one or two lower-case words before a cue: "a conference call", "a brief phone call"
_MODIFIED_BEFORE_RES = (regex.compile(r"\b(\w+)\s+\p{Ll}[\p{Ll}-]*\s+\Z"),
                        regex.compile(r"\b(\w+)\s+\p{Ll}[\p{Ll}-]*\s+\p{Ll}[\p{Ll}-]*\s+\Z"))


# cue words that, after a determiner and a word or two, are nouns: "a conference call"; not "say",
# "report" or "note", which follow a plural subject as verbs ("and the local papers report")
_NOUN_CUES = frozenset("""call interview conference briefing statement comment comments remark remarks post tweet
email message release speech address question reply response appearance announcement attack attacks""".split())


def _after_determiner(text: str, cue: regex.Match) -> bool:
    """Whether the cue is a noun after a determiner: "the rules", "her reply"; or one of
    :data:`_NOUN_CUES` after a determiner and a word or two that describe it ("a conference call",
    "a news conference"). "and the mayor replied" is a verb after its subject, and stays a cue."""
    pos = cue.start()
    m = _LAST_WORD_RE.search(text, max(0, pos - 20), pos)
    if m is not None and m.group(1).lower() in DETERMINERS:
        return True
    if cue.group().lower() not in _NOUN_CUES:
        return False
    return any((m := r.search(text, max(0, pos - 40), pos)) is not None and m.group(1).lower() in DETERMINERS
               for r in _MODIFIED_BEFORE_RES)


# a form of "be" and at most one adverb before the cue ("was first reported", "was soon reported")
_PASSIVE_BEFORE_RE = regex.compile(r"\b(?:is|are|was|were|been|being)(?:\s+\p{Ll}+)?\s+\Z")


def _passive(text: str, pos: int) -> bool:
    """Whether the cue at ``pos`` is a passive participle ("a memo, which was soon reported by
    the paper"): what it says of a document names no new speaker of the words around it."""
    return _PASSIVE_BEFORE_RE.search(text, max(0, pos - 30), pos) is not None


# a relative pronoun and at most two words before a cue ("a club, which plans to send 400")
_RELATIVE_BEFORE_RE = regex.compile(r"\b(?:which|who|whom|that)\s+(?:[\w’'-]+\s+){0,2}\Z", regex.I)


def _in_relative_clause(text: str, pos: int) -> bool:
    """Whether the cue at ``pos`` opens a relative clause ("a hall that the organisers estimated
    at 2,000", "a club, which plans to send 400"): it describes someone named before it and names
    no new speaker of the words after it."""
    return _RELATIVE_BEFORE_RE.search(text, max(0, pos - 40), pos) is not None


# a noun phrase before a participle that names it ("a group called Citizens for Vale")
_NAMED_BEFORE_RE = regex.compile(r"\b(?:a|an|the|its|his|her|their)\s+(?:[\w’'-]+\s+){1,2}\Z", regex.I)
_NAMING = frozenset(("called", "named", "dubbed", "titled"))


def _naming(text: str, cue: regex.Match) -> bool:
    """Whether the cue word names the noun before it ("a group called …"): no speech."""
    return cue.group().lower() in _NAMING and _NAMED_BEFORE_RE.search(text, max(0, cue.start() - 40), cue.start()) is not None


# words that open a sentence without changing who speaks: "Indeed, “…”"
_CONNECTIVES = frozenset("indeed but and still yet so also moreover however later then again plus".split()) \
    | {"in fact", "and yet", "but then", "and then"}

# "and" right before a cue, with at most an adverb between ("he said - and argued …"), and "to"
_AND_ONLY_RE = regex.compile(r"\b(?:and|but)\s+(?:\p{Ll}+ly\s+)?\Z")
_TO_BEFORE_RE = regex.compile(r"\bto\s+\Z")


# verbs that, as an infinitive, name a term rather than report speech ("a term Roe used to describe …")
_NAMING_INFINITIVES = frozenset("describe call label characterize characterise refer dub brand term".split())


def _shares_subject(text: str, cue: regex.Match) -> bool:
    """Whether the cue names no new speaker: a verb coordinated right after "and" ("he said -
    and argued for …") goes on with the subject before it, and an infinitive that names a term
    ("a term Roe has used to describe …") reports no speech. "Doe said, and Roe replied" has a
    subject between the "and" and the cue, and "before Roe rose to reply" is Roe's own speech:
    both still stop the speaker going on."""
    pos = cue.start()
    return _AND_ONLY_RE.search(text, max(0, pos - 20), pos) is not None \
        or (lemma_of(cue.group().lower()) in _NAMING_INFINITIVES
            and _TO_BEFORE_RE.search(text, max(0, pos - 5), pos) is not None)


# between an attribution and a cue word: "as" ("is quoted as saying"), or a clause of "after"
# ("said after Roe spoke"): the cue says nothing of who speaks next
_SAME_ATTRIBUTION_RE = regex.compile(r"\s+(?:as\s+|after\s+(?:[\w’'.-]+\s+){1,4})\Z")
# a comma, then the participle: "Doe asked, repeating a line she used before. “…”"
_PARTICIPLE_AFTER_RE = regex.compile(r",\s+\Z")


def _same_attribution(text: str, end: int, cue: regex.Match) -> bool:
    """Whether the cue word is part of the attribution that ends at ``end`` ("Doe is quoted as
    saying"), stands in a clause of what came before it ("Doe said after Roe spoke"), or is a
    participle that hangs on it ("Doe asked, repeating a line …"): the speaker goes on all the
    same. "Doe said before Roe replied" does not: Roe's reply may follow."""
    return _SAME_ATTRIBUTION_RE.fullmatch(text, end, cue.start()) is not None \
        or cue.group().lower().endswith("ing") and _PARTICIPLE_AFTER_RE.fullmatch(text, end, cue.start()) is not None


#: the most words before a quotation in a sentence that hands it to the sentence before's speaker
_PLAIN_LEAD_WORDS = 12


def _plain_lead(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, the words of a sentence before its quotation, are a few with
    no speech cue among them ("He has directed"): nobody new is said to speak."""
    lead = text[start:end]
    # (a bracket or a colon may hide a sentence's end or an introduction: "(He was not.) “…”")
    return 0 < len(lead.split()) <= _PLAIN_LEAD_WORDS and not any(ch in lead for ch in "():") \
        and not speech_cues(text, start, end)


def _orphans(text: str, marked: Sequence[Marked], owner: dict[int, int], candidates: Sequence[Candidate],
             done: list[Assembled], paragraphs: Sequence[Span]) -> list[Assembled]:
    """Passages no cue took that go on with the speaker just attributed: a quote paragraph after
    ``X said:``; a quotation that ends its paragraph right after a sentence that holds an
    attribution (``…, Doe said. “…”``, ``Doe said the vote may slip. “…”``) or in a sentence
    that holds one before it (``Doe said, arguing that he “…”``), or after a connective
    (``Doe said. Indeed, “…”``), or in a sentence with no cue right after one that holds an
    attribution (``Doe said. He has led “…”``); a quote paragraph after a paragraph that ends so.
    Everything else (titles, scare quotes, a quotation after narration) is dropped: the trace
    still follows such words when they travel (:attr:`..tracing.building.Group.kept`)."""
    starts = [p.start for p in paragraphs]

    def para_of(offset: int) -> int:
        return bisect_right(starts, offset) - 1

    # the attributions with a speaker by where they end, the last of each paragraph found by bisect
    pool = list(done)  # with the passages attributed here, which later ones may go on from
    attributed = sorted((_extent(a)[1], k) for k, a in enumerate(pool) if a.candidate is not None
                        and a.candidate.speaker is not None)
    ends = [r for r, _ in attributed]
    # the cues the rules read, by where they start: those of a sentence are found by bisect
    read = sorted((c.cue.start, c.cue.end) for c in candidates if c.cue is not None)
    read_starts = [a for a, _ in read]
    colon_cands = {para_of(c.cue.start): c for c in candidates
                   if not c.content and c.cue is not None and _introduces(text, c)}
    # "Doe agreed.": an attribution that ends its sentence without content, by where it ends
    alone = {text.find(".", c.cue.end) + 1: c for c in candidates
             if not c.content and c.cue is not None and c.speaker is not None and not _introduces(text, c)}
    out = []
    for mi, m in enumerate(marked):
        if mi in owner or not m.pieces or m.close < 0:
            continue  # a passage whose end is a guess is nobody's quotation without a cue
        start = m.opens[0]
        k = para_of(start)
        para = paragraphs[k] if k >= 0 else None
        # the passage must fill the rest of its paragraph: quoted speech, not a title inside a sentence
        if para is None or any(ch not in _FILLER for ch in text[m.close + 1 : para.end]):
            continue
        words = text[m.pieces[0].start:m.pieces[-1].end].split()
        if reads_as_title(words):
            continue  # a quoted heading ("Legend in the Coal Fields."), not speech
        opens_paragraph = para.start == start
        source = colon_cands.get(k - 1) if opens_paragraph else None
        if source is not None:
            out.append(Assembled("direct", _merge(list(m.pieces)), _merge(list(m.pieces)), source, COLON))
            colon_cands[k] = source
            continue
        if opens_paragraph and k == 0:
            continue
        # the sentence the passage opens follows an attribution (in its paragraph, or ending the
        # paragraph before), or the sentence the passage ends holds one before it ("the board
        # said, reasoning that he “did not have to …”": content the rules cut short); of several,
        # the outermost speaks on: after "“…,” Doe said, after the agency announced the
        # results." it is Doe, not the agency
        gap_from = paragraphs[k - 1].start if opens_paragraph else para.start
        e = _before_filler(text, start, gap_from)
        if e <= gap_from:
            continue
        # (a sentence is looked for in the last _SENTENCE_REACH characters: a text of one endless
        # paragraph must not be read again at every passage)
        lo = max(gap_from, e - _SENTENCE_REACH)
        s0 = _sentence_start(text, lo, e)
        lead = text[s0:e].strip(" ,:").lower()
        if s0 > lo and (lead in _CONNECTIVES or lead.endswith("ing") and cue_kind(lead) == "speech"):
            # "…,” Doe said. Indeed, “…”": a connective before the passage, which opens its
            # sentence all the same; or a participle of speech alone ("Adding, “…”")
            e = _before_filler(text, s0, gap_from)
            s0 = _sentence_start(text, lo, e)
        j = bisect_right(ends, start)
        same = []
        while j > 0 and ends[j - 1] > s0:
            j -= 1
            same.append(pool[attributed[j][1]])
        if not same and not opens_paragraph and s0 > lo and _plain_lead(text, s0, e) \
                and _sentence_start(text, max(lo, start - 10), start) != start:
            # "Mr. Roe said. He has directed “a very ambitious plan …”": a sentence with no cue
            # whose quotation ends the paragraph quotes the speaker of the sentence before
            s0 = _sentence_start(text, lo, s0 - 1)
            while j > 0 and ends[j - 1] > s0:
                j -= 1
                same.append(pool[attributed[j][1]])
        if not same:
            c = alone.get(len(text[:start].rstrip())) if not opens_paragraph else None
            if c is not None and c.cue.start >= s0 and para_of(c.cue.start) == k:
                # "Doe agreed. “…”": the sentence before the passage is an attribution alone
                out.append(Assembled("direct", _merge(list(m.pieces)), _merge(list(m.pieces)), c, CONTINUED))
            continue
        # ("Doe said, according to the Ledger. “…”": the outlet relays; Doe speaks on)
        a = min([x for x in same if x.rule is not ACCORDING] or same, key=lambda a: _extent(a)[0])
        cues_here = read[bisect_left(read_starts, s0):bisect_left(read_starts, e)]
        if any(not any(x <= w.start() < y for x, y in cues_here) and not _after_determiner(text, w)
               and not _passive(text, w.start()) and not _in_relative_clause(text, w.start())
               and not _naming(text, w) and not _shares_subject(text, w)
               and not _same_attribution(text, _extent(a)[1], w) for w in speech_cues(text, _extent(a)[1], e)):
            continue  # "“…,” Doe said, and Roe replied. “…”": a cue no rule read; the passage may be Roe's
        q = Assembled("direct", _merge(list(m.pieces)), _merge(list(m.pieces)), a.candidate, CONTINUED)
        out.append(q)
        reach = _extent(q)[1]
        attributed.insert(j + 1, (reach, len(pool)))
        ends.insert(j + 1, reach)
        pool.append(q)
    return out
