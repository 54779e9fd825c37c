"""Text primitives every step shares: paragraphs, headings and sentence boundaries."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator

import regex

from .lexicon import is_possessive, speech_cues
from ..model import Span
from .quotemarks import CLOSING, OPENING, char_class

_LINE_RE = regex.compile(r"[^\n]+")

#: The months' abbreviations ("Sept. 11"): no sentence ends on their period.
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())

# Abbreviations after which a period does not end a sentence (titles, months, initials, places).
ABBREVIATIONS = MONTH_ABBREVIATIONS | frozenset("""
mr mrs ms dr prof sen rep gov gen lt col maj capt sgt cmdr adm rev fr st sr jr hon pres supt det
insp atty amb sec dept corp inc ltd co no vs etc
mon tue tues wed thu thur thurs fri sat sun ala ariz ark calif colo conn del fla ga ill ind kan ky
la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo u.s a.m p.m
e.g i.e approx est univ mt ft
""".split())

# a stop, its closing marks and white space; or, with no space, a closing mark against the next
# quotation's opening one ("…native-born.”“Your facts …": a typesetter dropped the space)
_BOUNDARY_RE = regex.compile(r"[.!?…]+(?:{c}*\s+|{c}+(?={o}))(?={o}{{0,2}}[\p{{Lu}}\d])".format(
    c=char_class(CLOSING, ")]"), o=char_class(OPENING, "([")))
# searched backwards from the stop ((?r)): a forward search would try every start in the sentence
_LAST_WORD_RE = regex.compile(r"(?r)([\w.]+)[.!?…]*%s*\s*\Z" % char_class(CLOSING, ")]"))


class DisjointSpans:
    """Non-overlapping spans sorted by start, asked which of them meet ``[lo, hi)``; keeps every
    per-sentence or per-quote lookup logarithmic, so a long article stays linear."""

    def __init__(self, spans: Iterable[Span]):
        self.spans = sorted(spans)
        self.starts = [s.start for s in self.spans]

    def overlapping(self, lo: int, hi: int) -> list[Span]:
        return list(self.iter_overlapping(lo, hi))

    def iter_overlapping(self, lo: int, hi: int) -> Iterator[Span]:
        """The spans that meet ``[lo, hi)``, in order, found one at a time: a caller that stops at
        the first that answers its question never walks a long range whole."""
        k = max(0, bisect_right(self.starts, lo) - 1)
        while k < len(self.spans) and self.starts[k] < hi:
            if self.spans[k].end > lo:
                yield self.spans[k]
            k += 1


def paragraphs(text: str) -> list[Span]:
    """Every line that holds more than white space, stripped: news text puts a paragraph a line."""
    out = []
    for m in _LINE_RE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            out.append(Span(s, e))
    return out


# what ends a sentence, not a heading: its punctuation, or a closing ” " ’ after it. Not every
# closing mark: a paragraph ending in a straight ' (a plural possessive, "… Veterans'") or a
# guillemet stays a possible heading, which keeps pronouns from resolving across it (counting ',
# four PolNeAR train/dev speakers moved, one "he" to an organisation)
_HEADING_ENDS = frozenset(".!?…:;,)\"”’")


def is_heading(text: str, para: Span) -> bool:
    """A headline or sub-heading: short, and without the punctuation that ends a sentence."""
    body = text[para.start:para.end]
    if body[-1] in _HEADING_ENDS or len(body.split()) > 16:
        return False
    return body[0].isupper() or body[0].isdigit()


# Titles and initials whose period does not end a short attribution: "… country?” Dr. Ruiz said."
TITLE_STOPS = "Mr|Mrs|Ms|Dr|Sen|Rep|Del|Gov|Gen|Lt|Col|Maj|Capt|Sgt|Adm|Rev|Fr|St|Sr|Jr|Hon|Pres|Amb|Sec|Prof|Atty|Supt|Det"
# (an abbreviation closing brackets, "(D-Md.)", and a quoted nickname between a given name and a
# surname, Lena “Lulu” Park, are part of the name)
_SHORT_CLAUSE_RE = regex.compile(r"(?:[^.!?\n“”\"]|(?<=\b(?:{0}|\p{{Lu}}))\.(?=\s)|\.(?=\))"
                                 r"|(?<=\p{{Lu}}\p{{L}}*\s)[“\"]\p{{Lu}}[\p{{L}}’'-]*(?:\s\p{{Lu}}[\p{{L}}’'-]*)?[”\"](?=\s\p{{Lu}}))*?"
                                 r"(?:[!?,:]|(?<!\b(?:{0}|\p{{Lu}}))\.(?!\)))"
                                 .format(TITLE_STOPS))


# the opening marks as one string: an empty string (the text's end) is in it too
_OPENERS = "".join(sorted(OPENING))


# (a small list of its own: text.words builds on this module)
_WHERE_WHEN = frozenset("in on at to during after before from while via outside inside near about of with as when".split())
_LISTENER_OPENS = frozenset("the a an his her their its our reporters".split())
_REPORTS_RE = regex.compile(r"\b(?:that|whether|if|how|why|what)\b|[:“\"]")


def _asked_or_exclaimed(text: str, pos: int) -> bool:
    """Whether the quotation that closes just before ``pos`` ends on "?" or "!"."""
    k = pos - 1
    while k > 0 and (text[k].isspace() or text[k] in CLOSING):
        k -= 1
    return text[k] in "?!"


def _possessive_lead(words: list[str]) -> bool:
    """``Doe’s niece,``: a short description that opens on a name's possessive (not ``That’s
    why,``, which opens a sentence of its own)."""
    return len(words) <= 3 and words[0][:1].isupper() and is_possessive(words[0])


def _attribution_follows(text: str, pos: int, end: int) -> bool:
    """Whether a short attribution (``Clinton said.``, ``asked Graham,``) starts at ``pos``."""
    m = _SHORT_CLAUSE_RE.match(text, pos, min(end, pos + 81))
    if not m:
        return False
    words = m.group().split()
    if len(words) > 8:
        # "…?” Doe told the town’s radio station in an interview.": a longer clause is the
        # attribution when its cue comes among its first words, it ends the sentence, what
        # follows the cue is where, when or to whom (a preposition; a listener after "told"),
        # and it reports nothing of its own ("…?” Officials said on Tuesday that the plan would
        # wait." "…” The network said it would send her."). It may go on past a comma ("…?” Doe
        # asks as a waiter walks in, saying …")
        # Only after a question or an exclamation: a quotation that ends on a period ended its
        # sentence ("….” She also argued in favor of it.")
        cues = speech_cues(m.group())
        if not _asked_or_exclaimed(text, pos) or len(words) > 14 or m.group()[-1] not in ".," or len(cues) != 1 \
                or len(m.group()[: cues[0].start()].split()) > 4:
            return False
        after = m.group()[cues[0].end():].split()
        told = cues[0].group().lower() in ("told", "tells", "tell")
        return (bool(after) and (after[0].lower() in _WHERE_WHEN or told and after[0].lower() in _LISTENER_OPENS)
                and not _REPORTS_RE.search(m.group(), cues[0].end()))
    if m.group()[-1] in ",:" and text[m.end():m.end() + 2].lstrip()[:1] in _OPENERS:
        return False  # "She adds, “…”" introduces the next quotation
    if speech_cues(m.group()):
        return True
    # "…!” Jane Doe, a local lawyer, shouted." and "…!” Doe’s niece, Ada Roe, shouted.": a name
    # (or a description that opens on one's possessive) and its descriptions, then the cue
    if m.group()[-1] == "," and (all(w[:1].isupper() for w in m.group()[:-1].split())
                                 or _asked_or_exclaimed(text, pos) and _possessive_lead(words)):
        pos = m.end()
        for _ in range(2):
            n = _SHORT_CLAUSE_RE.match(text, pos, min(end, pos + 81))
            if not n:
                return False
            if len(n.group().split()) > 8:
                # "…, the head of the Harbour Fund, tweeted on Friday with a photo of it.": the
                # cue opens the clause and only where, when or how follows it
                cues = speech_cues(n.group())
                rest = n.group()[cues[0].end():].split() if cues else []
                return bool(cues) and not n.group()[:cues[0].start()].strip() and bool(rest) \
                    and rest[0].lower() in _WHERE_WHEN and not _REPORTS_RE.search(n.group(), cues[0].end())
            if speech_cues(n.group()):
                return True
            if n.group()[-1] != ",":
                return False
            pos = n.end()
    return False


def sentences(text: str, para: Span, protected: DisjointSpans | None = None) -> list[Span]:
    """Sentences of one paragraph; no boundary falls inside a ``protected`` span (a quotation)."""
    guard = [(s.start, s.end) for s in protected.overlapping(para.start, para.end)] if protected else []
    out = []
    start = para.start
    g = 0  # the guards ending at or before the last cut: cuts only grow, so each is passed once
    for m in _BOUNDARY_RE.finditer(text, para.start, para.end):
        # the white space after the stop decides: “We won. They lost” stays one sentence,
        # “… homemade.” The next … does not. The cut falls before that space, or between two
        # marks that touch; inside a quotation, it is no cut
        cut = m.end() - 1 if text[m.end() - 1].isspace() else m.end()
        while g < len(guard) and guard[g][1] <= cut:
            g += 1
        if g < len(guard) and guard[g][0] < cut:
            continue
        if any(ch in "\"”’'" for ch in m.group()) and _attribution_follows(text, m.end(), para.end):
            continue  # “… country?” Clinton said. — the attribution belongs to the quote
        last = _LAST_WORD_RE.search(text, start, m.end())
        if last and text[m.start()] == ".":
            word = last.group(1).lower().rstrip(".")
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
        end = m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Span(start, end))
        start = m.end()
    if start < para.end:
        out.append(Span(start, para.end))
    return out
