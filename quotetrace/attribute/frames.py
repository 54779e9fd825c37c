"""Find attributions from their cues: who says what, with or without quotation marks.

The rules read one sentence at a time (sentences never break inside a quotation) and look at
every cue word that is not itself inside quotation marks. Each cue is read in one frame:

``post``       ``…, the agency said.`` / ``“…,” said the senator.``: the content comes before the cue
               and the attribution runs to the end of the sentence (or to ``, adding …``);
``pre``        ``X said (that) …`` / ``X told the BBC on Thursday that …``: the content follows;
``carried``    ``…, saying …`` / ``… but added that …`` / ``after threatening …``: the subject is
               the one of the clause the cue hangs on;
``according``  ``according to X, …`` and ``…, according to X``;
``passive``    ``has been described as …`` (no speaker) and ``described by X as …``;
``relayed``    ``The paper quoted X as saying …`` (X speaks; the paper is the channel).

Before these, a sentence is read whole by the frames that need no cue word or read the
quotation first: a title-case headline (:mod:`.headline`), a quotation with its attribution right
after it (:mod:`.trailing`); after them, a clause that introduces a quotation with a colon
(:mod:`.colon`). Which words are cues is :mod:`.cues`'s; where content starts and ends is
:mod:`.content`'s; the frames that follow their content are in :mod:`.postposed`.

Notes:
    The frames follow the attribution patterns catalogued by Pareti (2016, PARC 3.0) and the
    quotation patterns of Pouliquen et al. (2007) and Krestel et al. (2008).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from ..analyze import Analysis
from . import Candidate
from ..text.words import ADVERBS, AUXILIARIES, TIME_WORDS
from ..model import Span
from ..text.layout import DisjointSpans
from ..text.lexicon import CLAUSE_VERBS, CUE_WORDS, NEEDS_CLAUSE, PHRASAL_FORMS, cue_offsets, lemma_of
from ..marks import Marked
from .mentions import left_np, subject
from .sentence import CueSentence, span_of, trim_content
from .signed import find_signed
from .colon import colon_attribution
from .headline import headline_attribution, title_case
from .relayed import relayed
from .trailing import trailing_attribution
from .content import (
    FUNCTION_WORDS,
    LISTENER_VERBS,
    clause_starts,
    marked_content,
    pre_content,
    subordinate_end,
)
from .cues import contracted_pronoun, is_cue
from .postposed import according, asked_first, passive, post, said_first


# A colon before a quotation or at the end of a sentence: a line with no cue word may still
# introduce a quotation ("Jane Doe, The Planet: “…”")
_COLON_INTRO_RE = regex.compile(r":\s*(?:[\"“‘'«„]|\Z)")


def find_reported(text: str, analysis: Analysis, marked: Sequence[Marked]) -> list[Candidate]:
    """Every attribution the cue rules find, in text order."""
    pieces = DisjointSpans(p for m in marked for p in m.pieces)
    out: list[Candidate] = find_signed(text, analysis, marked)
    cue_at = cue_offsets(text)
    for sent in analysis.sentences:
        k = bisect_left(cue_at, sent.start)
        if (k == len(cue_at) or cue_at[k] >= sent.end) and not _COLON_INTRO_RE.search(text, sent.start, sent.end):
            continue  # most sentences report nothing: skip them before tokenizing
        s = CueSentence(text, Span(sent.start, sent.end), pieces)
        if len(s) < 3:
            continue
        out.extend(_sentence_candidates(s))
    return out


_BE = ("been", "was", "were", "is", "are", "be", "being")


def _sentence_candidates(s: CueSentence) -> list[Candidate]:
    if title_case(s):
        # "Ortiz Says Budget Talks Are Over.": a headline capitalises its cue
        cand = headline_attribution(s)
        return [cand] if cand is not None else []
    cues: dict[int, str] = {}
    for i, low in enumerate(s.lows):
        kind = is_cue(s, i) if low in CUE_WORDS else None
        if kind:
            cues[i] = kind
        elif low == "according" and s.low(i + 1) == "to" and not s.inq[i]:
            cues[i] = "according"
    found: list[Candidate] = []
    last_speaker: tuple[int, int] | None = None
    skip: set[int] = set()
    trailing = trailing_attribution(s)
    if trailing is not None:
        # "“…?” Mr. Ortiz asked, pointing at the map": the quotation's attribution; the words
        # after it are not content
        cand, first, last = trailing
        found.append(cand)
        skip.update(range(first, last + 1))
        last_speaker = _tok_range(s, cand.speaker)
    floor = 0  # where the words before an "according to" may start (after the one before)
    for i in sorted(cues):
        if i in skip:
            continue
        kind = cues[i]
        if kind == "according":
            skip.add(i + 1)
            cand = according(s, i, cues, floor)
            if cand:
                found.append(cand)
                if cand.speaker is not None:
                    floor = cand.speaker.end
            continue
        low = s.low(i)
        lemma = lemma_of(low) or low
        nxt = s.low(i + 1)
        cue_end = i
        if f"{low} {nxt}" in PHRASAL_FORMS or (lemma == "call" and nxt in ("for", "on")):
            cue_end = i + 1
            lemma = PHRASAL_FORMS.get(f"{low} {nxt}", lemma)
        inner = lemma_of(s.low(cue_end + 2)) if s.low(cue_end + 1) == "to" and cue_end + 2 < s.n \
            and not s.inq[cue_end + 2] else None
        if inner in CLAUSE_VERBS and lemma not in LISTENER_VERBS:
            # "interjected to say", "went on to say": one cue, whose second verb takes the content
            skip.add(cue_end + 2)
            cue_end += 2
            lemma = inner
        cue_span = span_of(s, i, cue_end)
        prev = s.low(i - 1)
        if i == 0:
            # "Said Ellis: “…”", "Asked whether he would run, Ortiz said …"
            cand = asked_first(s) if low == "asked" else said_first(s, cue_end, cues)
            if cand:
                found.append(cand)
            continue
        if lemma == "claim" and s.low(cue_end + 1) in ("responsibility", "credit", "victory", "the", "a", "an", "his", "her", "their"):
            continue  # "claimed responsibility": a deed, not speech
        j = s.before_adverbs(i)  # the word before the cue and its adverbs: "was", ",", "he’s"
        if lemma == "quote":
            # "The paper quoted Ruiz as saying …", "Ruiz was quoted as saying …": Ruiz's words
            found_relay = relayed(s, i, s.low(j) in _BE)
            if found_relay is not None:
                cue, who, inner = found_relay
                content = pre_content(s, inner, inner, lemma_of(s.low(inner)) or "say", cues)
                if content is not None:
                    found.append(Candidate(cue=cue, content=(content,), speaker=span_of(s, *who), rule="relayed"))
                    skip.add(inner)
                    last_speaker = who
                    continue
        # passive: "has been described as …", "was described by X as …"
        if kind == "speech" and (low.endswith("ed") or low in ("told", "said", "written")):
            if s.low(j) in _BE:
                cand = passive(s, i, cue_end, cues)
                if cand:
                    found.append(cand)
                continue
            if s.low(j) == "," and s.low(cue_end + 1) == "by":  # "The scheme, described by X as …"
                cand = passive(s, i, cue_end, cues)
                if cand:
                    found.append(cand)
                continue
        # post-posed attribution: "…, the agency said." / "“…,” said the senator."
        cand = post(s, i, cue_end, lemma, cues)
        if cand:
            found.append(cand)
            last_speaker = _tok_range(s, cand.speaker)
            if len(cand.content) == 2:
                # "The archive, the curator said, tells the story …": the interrupted clause's verb is no cue
                skip.update(k for k in cues if s.toks[k].start == cand.content[1].start)
            continue
        # carried subject: "…, saying …", "… and added that …", "after threatening …"
        carried = low.endswith("ing") and (prev in (",", "after", "before", "while", "by", "when", "in") or s.low(i - 2) == ",")
        coordinated = prev in ("and", "but", "yet") or (prev in ADVERBS | AUXILIARIES and _prev_word(s, i) in ("and", "but", "yet"))
        speaker: tuple[int, int] | None = None
        rule = "pre"
        if carried or coordinated:
            # "The paper reported that the mayor … and has privately told aides …": a cue coordinated
            # inside another's content shares the subject of that content
            inner = next((c for c in reversed(found) if c.content and c.content[0].start < s.toks[i].start < c.content[-1].end + 1), None)
            if coordinated and inner is not None:
                k0 = next(k for k, t in enumerate(s.toks) if t.start >= inner.content[0].start)
                if s.low(k0) == "that":
                    k0 += 1
                speaker = subject(s, i, k0)
            else:
                speaker = last_speaker or subject(s, i)
            rule = "carried"
        else:
            speaker = left_np(s, i)
            if speaker is None:
                subj = subject(s, i)
                if subj and subj[1] < i and _only_adverbials_between(s, subj[1], i):
                    speaker = subj
            if speaker is None and contracted_pronoun(s.low(j)):
                speaker = (j, j)  # "He’s claiming that …"
        content = pre_content(s, i, cue_end, lemma, cues)
        if content is not None and speaker is not None and rule == "pre":
            content = subordinate_end(s, speaker[0], content)
        if content is not None and (kind == "stance" or lemma not in CLAUSE_VERBS):
            if not marked_content(s, i, cue_end, lemma, content):
                continue
        elif content is not None and lemma in NEEDS_CLAUSE and not clause_starts(s, content):
            continue  # "conceded the race", "maintains a lead": an object, not a statement

        if content is None:
            if s.low(cue_end + 1) == ":" and cue_end + 2 >= len(s) and speaker is not None:
                # "X said:" ends the paragraph; the quote paragraphs that follow are the content
                found.append(Candidate(cue=cue_span, content=(), speaker=span_of(s, *speaker), rule="colon"))
            continue
        if speaker is None and rule == "pre":
            continue
        if all(w.lower() in FUNCTION_WORDS or w.lower().endswith("ly") for w in content.of(s.text).split()):
            continue  # "agreed, but also contended …", "According to MSNBC, basically.": no statement
        found.append(Candidate(cue=cue_span, content=(content,), speaker=_mention_span(s, speaker), rule=rule))
        if speaker:
            last_speaker = speaker
    # "Ortiz went even further: “…”", "Jane Doe, The Planet: “…”": a clause before a colon
    colons = colon_attribution(s, _cue_tokens(s, found)) if ":" in s.lows else ()
    for colon in colons:
        # "Moreau said both are weak, but he gave the rookie a compliment: “…”": the said-content
        # ends before the clause that introduces the quotation
        at = colon.speaker.start
        for n, c in enumerate(found):
            if c.content and c.content[-1].start < at < c.content[-1].end:
                k = next(k for k in range(s.n) if s.toks[k].start >= at) - 1
                while k > 0 and s.low(k) in (",", "and", "but"):
                    k -= 1
                cut = trim_content(s.text, c.content[-1].start, s.toks[k].end)
                if cut is None and len(c.content) == 1:
                    continue
                found[n] = Candidate(cue=c.cue, content=(*c.content[:-1], *([cut] if cut else [])),
                                     speaker=c.speaker, rule=c.rule)
        found.append(colon)
    return found


def _cue_tokens(s: CueSentence, found: list[Candidate]) -> set[int]:
    """Indices of the tokens where the candidates' cues start."""
    starts = {c.cue.start for c in found if c.cue is not None}
    return {k for k in range(s.n) if s.toks[k].start in starts} if starts else set()


def _mention_span(s: CueSentence, speaker: tuple[int, int] | None) -> Span | None:
    """The offsets of a mention; of a contracted pronoun ("He’s claiming"), the pronoun alone."""
    if speaker is None:
        return None
    span = span_of(s, *speaker)
    if speaker[0] == speaker[1] and contracted_pronoun(s.low(speaker[0])):
        word = s.toks[speaker[0]].text
        cut = min(x for x in (word.find("’"), word.find("'")) if x > 0)
        return Span(span.start, span.start + cut)
    return span


def _prev_word(s: CueSentence, i: int) -> str:
    j = i - 1
    while j >= 0 and (s.low(j) in ADVERBS or s.low(j) in AUXILIARIES):
        j -= 1
    return s.low(j)


def _only_adverbials_between(s: CueSentence, a: int, b: int) -> bool:
    return all(s.low(k) in ADVERBS or s.low(k) in AUXILIARIES or s.low(k) in TIME_WORDS
               or s.low(k) in ("on", "in", "last", "this", "week") for k in range(a + 1, b))


def _tok_range(s: CueSentence, span: Span | None) -> tuple[int, int] | None:
    if span is None:
        return None
    # tokens are in order and never overlap: the ones inside the span are one run, found by
    # bisecting the starts (a scan of the sentence per speaker was n² on a one-line article)
    first = bisect_left(s.starts, span.start)
    last = first
    while last < s.n and s.toks[last].end <= span.end:
        last += 1
    return (first, last - 1) if last > first else None
