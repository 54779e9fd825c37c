"""Find attributions from their cues: who says what, with or without quotation marks.

The rules read one sentence at a time (sentences never break inside a quotation) and look at
every cue word that is not itself inside quotation marks. Each cue is read in one frame:

``post``       ``…, the agency said.`` / ``“…,” said the senator.``: the content comes before the cue
               and the attribution runs to the end of the sentence (or to ``, adding …``);
``pre``        ``X said (that) …`` / ``X told the BBC on Thursday that …``: the content follows;
``carried``    ``…, saying …`` / ``… but added that …`` / ``after threatening …``: the subject is
               the one of the clause the cue hangs on;
``according``  ``according to X, …`` and ``…, according to X``;
``passive``    ``has been described as …`` (no speaker) and ``described by X as …``.

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
from ..text.words import (
    ADVERBS,
    ANONYMOUS_HEADS,
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    OBJECT_PRONOUNS,
    ORG_HEADS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    TITLES,
    cue_kind,
)
from ..model import Span
from ..text.layout import DisjointSpans
from ..text.lexicon import CLAUSE_VERBS, NEEDS_CLAUSE, NOUNISH, PHRASAL_FORMS, QUOTE_ONLY, cue_offsets, lemma_of
from ..marks import Marked
from .mentions import (
    DESCRIPTION_OPENERS,
    QUANTIFIERS,
    left_np,
    np_ok,
    right_np,
    subject,
    through_descriptions,
    with_description_before,
)
from .sentence import CLOSE_MARKS, OPEN_MARKS, CueSentence, span_of, trim_content
from .signed import find_signed
from .colon import colon_attribution
from .headline import headline_attribution, title_case
from .relayed import relayed
from .trailing import trailing_attribution

# Verbs whose object (the listener) sits between the cue and the content: "told the BBC that …",
# "implored voters to …", "texted a friend that …" (VerbNet advise-37.9, beg-58.2 and
# instr_communication-37.4 take a recipient object).
_LISTENER_VERBS = frozenset("""tell inform assure warn remind advise ask urge reassure promise notify alert brief
caution admonish counsel instruct beg beseech entreat implore importune email e-mail text message phone
telephone cable wire fax""".split())

# Verbs that take their content after "as": "described him as …", "characterized it as …".
_AS_VERBS = frozenset("describe characterize characterise label brand term dub".split())

_NO_CONTENT = frozenset("nothing something anything little much more so this that it everything no yes".split())

# -s forms that are plural nouns after a name ("Southern states", "campaign finance reports"):
# cues only when a content opener follows.
_NOUN_LIKE_CUES = frozenset("states reports estimates notes".split())

def _modifier_like(s: CueSentence, k: int) -> bool:
    """A capitalised word that modifies a noun rather than names a speaker: "Southern", "Tuesday",
    "Commission" in "Election Commission reports", or any word after a quantifier."""
    low = s.low(k)
    if low in ORG_HEADS or low in TITLES:
        return False  # "The Guardian reports", "the Associated Press reports"
    return low.endswith(("ern", "ian", "ish", "ese", "ic")) or low in TIME_WORDS or s.low(k - 1) in QUANTIFIERS \
        or s.is_cap(k - 1)


# Cue verbs with a common sense that reports nothing ("adding towns", "calling a meeting",
# "posting a loss"): as a means ("by adding …") they report only a that-clause or a quotation.
_TWO_SENSES = frozenset("add call post note report continue".split())

_ASKED_NEXT = frozenset("about whether if what why how who when where which by to on in".split())


_PHRASAL_FIRST = frozenset(form.split()[0] for form in PHRASAL_FORMS)


def _plural_noun(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "’s", "'s")) \
        and word not in PRONOUNS and not cue_kind(word) and word not in ("others", "as", "has", "was", "does")


def _is_cue(s: CueSentence, i: int) -> str | None:
    """The cue's kind (speech/stance) when token i is used as a cue verb here."""
    if s.inq[i]:
        return None
    low = s.lows[i]
    kind = cue_kind(low)
    if kind is None:
        # two-word cues: "shot back", "pointed out", "weighed in"
        return "speech" if low in _PHRASAL_FIRST and f"{low} {s.low(i + 1)}" in PHRASAL_FORMS \
            and not s.inq[i + 1] else None
    prev = s.low(i - 1)
    nxt = s.low(i + 1)
    if (prev.endswith(("’s", "'s")) and not _contracted_pronoun(prev)) or prev in ("’", "'") and s.low(i - 2).endswith("s"):
        return None  # "Friday’s reported blast", "the voters’ claims" — but "he’s claiming" is a verb
    if low in NOUNISH and low.endswith("s") and s.is_cap(i - 1) and (s.low(i - 2) in PREPOSITIONS
                                                                    or s.low(i - 2) in QUANTIFIERS):
        return None  # "32% of Republican claims": a noun after a modifier
    if low in NOUNISH and low.endswith("s") and s.low(i + 1) in ("from", "of", "about", "by", "in", "on"):
        if not (low == "calls" and s.low(i + 1) in ("for", "on")):
            return None  # "reports from the blog …", "claims of fraud"
    if low in NOUNISH and not low.endswith("ing"):
        j = i - 1
        while j >= 0 and s.low(j) in ADVERBS:
            j -= 1
        pj = s.low(j)
        if not (s.is_cap(j) or pj in PRONOUNS or pj in ORG_HEADS or pj in ANONYMOUS_HEADS or pj in DOCUMENT_HEADS
                or pj in GROUP_HEADS or pj in TITLES or pj in (",", "”", '"', "’", "'", "and", "who")):
            return None  # "the suing states were …": a noun after a modifier
    if low in NOUNISH or low.endswith("ing"):
        if prev in DETERMINERS or prev.endswith(("’s", "'s")) and not _contracted_pronoun(prev) \
                or prev in PREPOSITIONS - {"by", "after", "before", "while"}:
            return None
        if prev == "by" and low.endswith("ing") and lemma_of(low) in _TWO_SENSES and nxt not in ("that", ",", ":") \
                and not (i + 1 < s.n and s.toks[i + 1].text in OPEN_MARKS):
            return None  # "defined the areas by adding a few towns": a means, not a statement
    if low in _NOUN_LIKE_CUES and s.is_cap(i - 1) and _modifier_like(s, i - 1) \
            and not (nxt == ":" or s.toks[i + 1].text in OPEN_MARKS if i + 1 < s.n else True):
        return None  # "Super Tuesday states, especially …", "Election Commission reports that track …"
    if low.endswith("ed") and (prev in QUANTIFIERS or prev.replace(",", "").isdigit() or prev in DETERMINERS) \
            and s.is_word(i + 1) and not s.is_cap(i + 1) and nxt not in DETERMINERS and nxt not in PREPOSITIONS \
            and nxt not in PRONOUNS and nxt not in OBJECT_PRONOUNS and nxt not in ("that", "to", "as", "it"):
        return None  # "more pledged delegates", "eight reported incidents": an adjective
    if low.endswith("ing") and _plural_noun(prev) and not s.is_cap(i - 1) and nxt not in (",", ":", "that"):
        return None  # "tickets telling them when …", "superdelegates declaring support": a noun's modifier
    if s.is_cap(i) and i > 0 and s.low(i - 1) not in ("“", '"', ":"):
        return None  # "Said" inside a name or headline
    if s.is_cap(i) and i == 0 and not (s.is_cap(1) and any(s.low(k) in (":", ",") for k in range(2, min(len(s), 9)))) \
            and not (low == "asked" and (nxt in _ASKED_NEXT or nxt.endswith("ly"))):
        return None  # a sentence-initial cue only in "Said Ellis: “…”" and "Asked whether …, X said"
    return kind

_TAIL_WORDS = frozenset("""statement interview interviews news conference briefing email emailed phone
telephone call speech rally tweet post letter ago recently earlier later late early last next this
television radio show program appearance op-ed written blog campaign event meeting hearing remarks
release press reporters spokesman spokeswoman aboard plane town hall visit stop forum debate message
video senior""".split())

def _tail_is_adverbial(s: CueSentence, i: int, lemma: str | None, after_quote: bool = False) -> tuple[bool, int]:
    """Whether what follows token ``i`` to the end (or to a comma) is only place, time, manner or
    a listener, so that the attribution ends the sentence. Returns (answer, index where the
    attribution stops)."""
    k = i + 1
    n = len(s)
    if lemma in _LISTENER_VERBS:
        # "told reporters", "told Radio Nord", "told the Associated Press"
        while k < n and (s.is_cap(k) or s.low(k) in DETERMINERS or s.low(k) in OBJECT_PRONOUNS
                         or s.low(k) in ("reporters", "journalists", "supporters", "crowd", "audience",
                                          "listeners", "viewers", "host", "interviewer", "’s", "'s")):
            k += 1
    in_phrase = False  # inside a prepositional phrase or an appositive, any noun may follow
    if k < n and (s.low(k) in _CLAUSE_OPENERS - {"it", "there"} or s.toks[k].text in OPEN_MARKS):
        return False, k  # "asked Trump how he would …": the cue's own content follows
    if k == i + 1 and lemma not in _LISTENER_VERBS and s.is_cap(k) and s.low(k) not in TIME_WORDS:
        return False, k  # "accused Cruz of …": an object, so the cue is not an afterthought
    if after_quote and k < n and s.toks[k].text not in OPEN_MARKS and s.low(k) != "that":
        # right after a quotation ("“…,” the mayor told a meeting being held in …") the rest of the
        # clause can only be the attribution's
        while k < n and s.low(k) not in (",", ".", "!", "?", ";") and s.toks[k].text not in OPEN_MARKS:
            k += 1
        return True, k
    while k < n:
        low = s.low(k)
        tok = s.toks[k].text
        if low in ".!?" or (tok in CLOSE_MARKS and k >= n - 2):
            return True, k
        if in_phrase and (low in ("that", "which", "who") and s.low(k - 1) not in TIME_WORDS
                          and s.low(k - 1) not in OBJECT_PRONOUNS  # "confided to her that …"
                          and s.low(k - 1) not in ("week", "month", "year", "day", "ago", "time")
                          or low.endswith("ing") and s.is_word(k)):
            # "after the meeting that was held …", "at a conference announcing …": a clause
            # inside the phrase; the attribution still ends the sentence
            while k < n and s.low(k) != ",":
                k += 1
            return True, k
        if in_phrase and tok in OPEN_MARKS and s.is_cap(k + 1):
            # a title in quotation marks: "on Channel 9's “Morning Hour.”"
            k += 1
            while k < n and (s.inq[k] or s.toks[k].text in CLOSE_MARKS or s.low(k) in ".,"):
                k += 1
            continue
        if s.inq[k] or tok in OPEN_MARKS or low == "that" or low in AUXILIARIES \
                or (cue_kind(low) and low not in NOUNISH and not s.is_cap(k)):
            return False, k
        if low == ",":
            nxt = s.low(k + 1)
            # ", adding …", ", noting …", ", who …": a second clause starts; the attribution ends
            if nxt.endswith("ing") or cue_kind(nxt) or nxt in SUBORDINATORS or nxt in PREPOSITIONS \
                    or nxt in ("according", "referring", "who", "which", "where"):
                return True, k
            if _continues_content(s, k + 1):
                return True, k  # "The museum, Mr. Obama said, would make …": the attribution interrupts
            if s.is_cap(k + 1) or nxt in DETERMINERS or nxt in TITLES or nxt in DESCRIPTION_OPENERS:
                # ", R-Texas" / ", a Democrat" / ", one of the organizers"
                in_phrase = True
                k += 1
                continue
            return False, k
        if low in PREPOSITIONS or low in TIME_WORDS or low in ADVERBS or low in _TAIL_WORDS \
                or s.is_cap(k) or low.isdigit() or tok in "()-—–":
            in_phrase = in_phrase or low in PREPOSITIONS
            k += 1
            continue
        if in_phrase and low not in PRONOUNS:
            k += 1
            continue
        if low in DETERMINERS or after_quote:
            # right after a quotation ("“…,” she said twice") only a clause of its own would
            # make this anything but the quotation's attribution
            k += 1
            continue
        if low in ("and", "but", "as", "when", "while", "before", "after", "because", "until", "then"):
            return True, k  # "“…,” she said and left.", "… Cruz said as the heckler yelled"
        return False, k
    return True, k

# Verbs of aspect: the participle after them is their complement ("began speaking").
_ASPECT = frozenset("""began begin begins started start starts kept keep keeps stopped stop stops continued
continue continues finished resumed spent""".split())


def _participle(s: CueSentence, k: int) -> bool:
    """Whether token ``k`` is a participle that opens a clause of its own ("…, blaming Bloomberg")."""
    low = s.low(k)
    return low.endswith("ing") and s.is_word(k) and not s.is_cap(k) and not s.inq[k] \
        and low not in ("including", "according", "during", "nothing", "something", "anything", "everything")


def _content_end(s: CueSentence, start_tok: int, cues: dict[int, str]) -> int:
    """Where content that starts at ``start_tok`` stops: the sentence end, or just before a second
    attribution (``, adding``, ``but added``, ``, according to``) or a closing participle."""
    n = len(s)
    k = start_tok
    first_is_quote = start_tok < n and s.low(start_tok) in OPEN_MARKS
    while k < n:
        low = s.low(k)
        if not s.inq[k]:
            if low == "," and s.low(k + 1) == "according" and s.low(k + 2) == "to":
                return s.toks[k].start
            if k in cues and k > start_tok:
                np = left_np(s, k, start_tok)
                if np and np[0] - 1 > start_tok and (s.toks[np[0] - 1].text in CLOSE_MARKS
                                                     or s.low(np[0] - 1) == "," and s.toks[np[0] - 2].text in CLOSE_MARKS):
                    # "… too busy to look: “…,” she wrote": the quotation has its own attribution,
                    # so this content ends before it
                    m = np[0] - 1 if s.toks[np[0] - 1].text in CLOSE_MARKS else np[0] - 2
                    o = m - 1
                    while o > start_tok and s.inq[o]:
                        o -= 1
                    if s.toks[o].text in OPEN_MARKS and o - 1 > start_tok and s.low(o - 1) in (":", ",", "—", "–"):
                        return s.toks[o - 2].end
                    return s.toks[m].end
                j = k - 1
                while j > start_tok and (s.low(j) in ADVERBS or s.low(j).endswith("ly")):
                    j -= 1
                # "was questioning whether …", "began speaking with …": a participle after an
                # auxiliary or a verb of aspect is the clause's own verb, not a second attribution
                participle = s.low(k).endswith("ing") and s.low(j) not in AUXILIARIES and s.low(j) not in _ASPECT
                while j > start_tok and (s.low(j) in ADVERBS or s.low(j) in AUXILIARIES):
                    j -= 1
                lowj = s.low(j)
                if lowj in (",", "and", "but", "though", "although", "while", "as", "yet") or participle \
                        or (lowj in PRONOUNS and s.low(j - 1) in (",", "and", "but", "though", "although")):
                    # cut before the conjunction / comma that opens the second attribution
                    m = j
                    while m > start_tok and (s.low(m) in (",", "and", "but", "though", "although", "while", "yet", "as")
                                             or s.low(m) in PRONOUNS or s.low(m) in ADVERBS):
                        m -= 1
                    return s.toks[m].end
            if first_is_quote and low in CLOSE_MARKS and k > start_tok and s.low(k + 1) == "," \
                    and not s.inq[k + 1] and (s.low(k + 2).endswith("ing") or s.low(k + 2) in ("which", "who")
                                              or s.low(k + 2) in AUXILIARIES):
                return s.toks[k].end
            nxt = k + 1
            while s.low(nxt).endswith("ly") and not s.inq[nxt]:
                nxt += 1  # "“…,” presumably meaning …"
            if low in CLOSE_MARKS and k > start_tok and (s.low(k - 1) == "," or s.low(nxt) == ",") \
                    and _participle(s, nxt + 1 if s.low(nxt) == "," else nxt):
                return s.toks[k].end  # "called it “a disgrace,” blaming …": the participle is not content
            if first_is_quote and low in CLOSE_MARKS and k > start_tok and s.low(k - 1) in (",", ".", "!", "?") \
                    and (s.low(nxt) in SUBORDINATORS or s.low(nxt).endswith("ing")):
                return s.toks[k].end  # "says, “Don’t do it,” until the shots" — the quotation ends it
        k += 1
    return s.end_offset()

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

def _sentence_candidates(s: CueSentence) -> list[Candidate]:
    cues: dict[int, str] = {}
    for i in range(len(s)):
        kind = _is_cue(s, i)
        if kind:
            cues[i] = kind
        elif s.low(i) == "according" and s.low(i + 1) == "to" and not s.inq[i]:
            cues[i] = "according"
    found: list[Candidate] = []
    last_speaker: tuple[int, int] | None = None
    skip: set[int] = set()
    if title_case(s):
        # "Ortiz Says Budget Talks Are Over.": a headline capitalises its cue
        cand = headline_attribution(s)
        return [cand] if cand is not None else []
    trailing = trailing_attribution(s)
    if trailing is not None:
        # "“…?” Mr. Ortiz asked, pointing at the map": the quotation's attribution; the words
        # after it are not content
        cand, first, last = trailing
        found.append(cand)
        skip.update(range(first, last + 1))
        last_speaker = _tok_range(s, cand.speaker)
    for i in sorted(cues):
        if i in skip:
            continue
        kind = cues[i]
        if kind == "according":
            skip.add(i + 1)
            cand = _according(s, i, cues)
            if cand:
                found.append(cand)
            continue
        low = s.low(i)
        lemma = lemma_of(low) or low
        nxt = s.low(i + 1)
        cue_end = i
        if f"{low} {nxt}" in PHRASAL_FORMS or (lemma == "call" and nxt in ("for", "on")):
            cue_end = i + 1
            lemma = PHRASAL_FORMS.get(f"{low} {nxt}", lemma)
        inner = lemma_of(s.low(cue_end + 2)) if s.low(cue_end + 1) == "to" and not s.inq[cue_end + 2] else None
        if inner in CLAUSE_VERBS and lemma not in _LISTENER_VERBS:
            # "interjected to say", "went on to say": one cue, whose second verb takes the content
            skip.add(cue_end + 2)
            cue_end += 2
            lemma = inner
        cue_span = span_of(s, i, cue_end)
        prev = s.low(i - 1)
        if i == 0:
            # "Said Ellis: “…”", "Asked whether he would run, Ortiz said …"
            cand = _asked_first(s) if low == "asked" else _said_first(s, cue_end, cues)
            if cand:
                found.append(cand)
            continue
        if lemma == "claim" and s.low(cue_end + 1) in ("responsibility", "credit", "victory", "the", "a", "an", "his", "her", "their"):
            continue  # "claimed responsibility": a deed, not speech
        if lemma == "quote":
            # "The paper quoted Ruiz as saying …", "Ruiz was quoted as saying …": Ruiz's words
            j = i - 1
            while j >= 0 and s.low(j) in ADVERBS:
                j -= 1
            found_relay = relayed(s, i, s.low(j) in ("been", "was", "were", "is", "are", "be", "being"))
            if found_relay is not None:
                cue, who, inner = found_relay
                content = _pre_content(s, inner, inner, lemma_of(s.low(inner)) or "say", cues)
                if content is not None:
                    found.append(Candidate(cue=cue, content=(content,), speaker=span_of(s, *who), rule="relayed"))
                    skip.add(inner)
                    last_speaker = who
                    continue
        # passive: "has been described as …", "was described by X as …"
        if kind == "speech" and (low.endswith("ed") or low in ("told", "said", "written")):
            j = i - 1
            while j >= 0 and s.low(j) in ADVERBS:
                j -= 1
            if s.low(j) in ("been", "was", "were", "is", "are", "be", "being"):
                cand = _passive(s, i, cue_end, cues)
                if cand:
                    found.append(cand)
                continue
            if s.low(j) == "," and s.low(cue_end + 1) == "by":  # "The scheme, described by X as …"
                cand = _passive(s, i, cue_end, cues)
                if cand:
                    found.append(cand)
                continue
        # post-posed attribution: "…, the agency said." / "“…,” said the senator."
        cand = _post(s, i, cue_end, lemma, cues)
        if cand:
            found.append(cand)
            last_speaker = _tok_range(s, cand.speaker)
            if len(cand.content) == 2:
                # "The museum, Bush said, tells the story …": the interrupted clause's verb is no cue
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
            if speaker is None and _contracted_pronoun(s.low(_prev_index(s, i))):
                speaker = (_prev_index(s, i), _prev_index(s, i))  # "He’s claiming that …"
        content = _pre_content(s, i, cue_end, lemma, cues)
        if content is not None and speaker is not None and rule == "pre":
            content = _subordinate_end(s, speaker[0], content)
        if content is not None and (kind == "stance" or lemma not in CLAUSE_VERBS):
            if not _marked_content(s, i, cue_end, lemma, content):
                continue
        elif content is not None and lemma in NEEDS_CLAUSE and not _clause_starts(s, content):
            continue  # "conceded the race", "maintains a lead": an object, not a statement

        if content is None:
            if s.low(cue_end + 1) == ":" and cue_end + 2 >= len(s) and speaker is not None:
                # "X said:" ends the paragraph; the quote paragraphs that follow are the content
                found.append(Candidate(cue=cue_span, content=(), speaker=span_of(s, *speaker), rule="colon"))
            continue
        if speaker is None and rule == "pre":
            continue
        if all(w.lower() in _FUNCTION_WORDS or w.lower().endswith("ly") for w in content.of(s.text).split()):
            continue  # "agreed, but also contended …", "According to MSNBC, basically.": no statement
        found.append(Candidate(cue=cue_span, content=(content,), speaker=_mention_span(s, speaker), rule=rule))
        if speaker:
            last_speaker = speaker
    # "Ortiz went even further: “…”", "Jane Doe, The Planet: “…”": a clause before a colon
    colons = colon_attribution(s, _cue_tokens(s, found)) if ":" in s.lows else ()
    for colon in colons:
        # "Reid said both are weak, but he gave the Texan a compliment: “…”": the said-content
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

# Words that open a subordinate clause before its subject: "As Obama announces that …, he …".
_SUBORDINATE_OPENERS = frozenset("as when while after before because although though since if once until unless "
                                 "which whom where whereas".split())


def _subordinate_end(s: CueSentence, a: int, content: Span) -> Span | None:
    """The content of a cue in a subordinate clause ends with that clause: "As Obama announces
    that he is ready, he is set to …", "…, just as she said she would, and the market …"."""
    opener = s.low(a - 1)
    relative = s.low(a) in ("who", "which") and opener == ","
    if not relative and opener not in _SUBORDINATE_OPENERS and not (opener == "that" and s.low(a - 2) == "now"):
        return content
    for k in range(s.n):
        t = s.toks[k]
        if t.start <= content.start or t.start >= content.end or s.inq[k]:
            continue
        # the comma may stand inside a quotation's marks: "who called him a “one-term president,” agreed"
        quoted_comma = s.toks[k].text in CLOSE_MARKS and s.low(k - 1) == "," and s.inq[k - 1]
        if s.low(k) != "," and not quoted_comma:
            continue
        nxt = s.low(k + 1)
        # "Her relatives, who said it was fine, watched it": a relative clause ends at its comma
        if relative or nxt in PRONOUNS or nxt in DETERMINERS or nxt in ("and", "but", "even", "so", "yet") \
                or s.is_cap(k + 1):
            return trim_content(s.text, content.start, t.end if quoted_comma else t.start)
    return content


def _marked_content(s: CueSentence, i: int, cue_end: int, lemma: str, content: Span) -> bool:
    """Whether a cue that does not take a bare clause shows its content: "that", a quotation,
    or its own preposition (described … as, called for, accused … of)."""
    after = [s.low(k) for k in range(cue_end + 1, min(len(s), cue_end + 12))]
    if after[:1] == ["that"] or any(s.inq[k] for k in range(len(s)) if content.start <= s.toks[k].start < content.end):
        return True
    if lemma in _AS_VERBS and "as" in after[:8]:
        return True
    if lemma in _TO_VERBS and lemma in _LISTENER_VERBS and "to" in after[:7]:
        return True  # "urged residents to stay indoors": a request
    if lemma == "call" and (s.low(cue_end) in ("for", "on")):
        return True
    if lemma == "accuse" and "of" in after[:6]:
        return True
    if lemma == "call" and after[:1] and after[0] in ("it", "them", "him", "her", "this", "that") and len(after) > 2:
        return True  # "calling it a violation of the rules"
    # "said on Thursday that …": "that" after a short adverbial
    return "that" in after[:8] and s.toks[next(k for k in range(cue_end + 1, len(s)) if s.low(k) == "that")].start <= content.start

_CLAUSE_OPENERS = frozenset("""that whether if how why what when where who which there he she they we i it
you""".split())

def _clause_starts(s: CueSentence, content: Span) -> bool:
    """Whether ``content`` opens like a clause: a complementizer, a question word, a pronoun
    subject or a quotation."""
    k = next((k for k in range(s.n) if s.toks[k].start >= content.start), None)
    if k is None:
        return False
    # "threatening last week it could walk away": a time phrase before the clause
    while k < s.n and (s.low(k) in TIME_WORDS or s.low(k) in ADVERBS
                       or s.low(k) in ("last", "this", "next", "week", "month", "year", "on", "earlier", "later")):
        k += 1
    return s.low(k) in _CLAUSE_OPENERS or (k < s.n and (s.toks[k].text in OPEN_MARKS or s.inq[k]))

def _cue_tokens(s: CueSentence, found: list[Candidate]) -> set[int]:
    """Indices of the tokens where the candidates' cues start."""
    starts = {c.cue.start for c in found if c.cue is not None}
    return {k for k in range(s.n) if s.toks[k].start in starts} if starts else set()


def _mention_span(s: CueSentence, speaker: tuple[int, int] | None) -> Span | None:
    """The offsets of a mention; of a contracted pronoun ("He’s claiming"), the pronoun alone."""
    if speaker is None:
        return None
    span = span_of(s, *speaker)
    if speaker[0] == speaker[1] and _contracted_pronoun(s.low(speaker[0])):
        word = s.toks[speaker[0]].text
        cut = min(x for x in (word.find("’"), word.find("'")) if x > 0)
        return Span(span.start, span.start + cut)
    return span


def _prev_index(s: CueSentence, i: int) -> int:
    j = i - 1
    while j >= 0 and s.low(j) in ADVERBS:
        j -= 1
    return j


def _contracted_pronoun(word: str) -> bool:
    """A pronoun subject contracted with its auxiliary: "he’s", "they’re", "we've"."""
    for sep in ("’", "'"):
        head, _, tail = word.partition(sep)
        if tail and head in PRONOUNS and tail in ("s", "re", "ve", "ll", "d"):
            return True
    return False


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
    idx = [k for k, t in enumerate(s.toks) if span.start <= t.start and t.end <= span.end]
    return (idx[0], idx[-1]) if idx else None

# Prepositions that open a sentence's time or concession phrase: "Since then, Germany has responded …".
_OPENING_PREPOSITIONS = frozenset("since until despite amid following throughout like unlike".split())

# Where or how words were given: "said on its website that …", "wrote in the letter that …".
_CHANNELS = (DOCUMENT_HEADS | _TAIL_WORDS | frozenset("""website site page program podcast broadcast op-ed column
interview appearance speech remarks email e-mail call""".split())) - {"ago", "recently", "earlier", "later", "this"}

# Words that carry no statement on their own.
_FUNCTION_WORDS = SUBORDINATORS | ADVERBS | frozenset("""still however meanwhile yet so now then instead
indeed""".split())

_POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())

# Verbs whose content may be an infinitive: "urged voters to …", "vowed to …"; after any other
# cue, "to" opens a phrase ("adding to his wins", "responded to critics").
_TO_VERBS = frozenset("""urge ask tell warn advise promise vow pledge threaten agree call beg implore plead encourage
invite order instruct remind demand propose offer expect hope want plan decide refuse decline intend caution
admonish entreat beseech importune notify claim continue go on""".split()) | {"go on"}

# A particle that makes a phrasal verb of a cue ("wrote off the effort"): it opens no content.
_PARTICLES = frozenset({"off"})

# Sentence adverbs that open a clause: before "X said" they are not what X said.
_OPENING_WORDS = frozenset("""still however meanwhile yet so now then instead but and also indeed moreover
separately earlier later again finally first second third lastly similarly likewise ultimately overall
otherwise nonetheless nevertheless besides further furthermore thus hence""".split())

def _post(s: CueSentence, i: int, cue_end: int, lemma: str, cues: dict[int, str]) -> Candidate | None:
    """``…, X said.`` and ``…, said X.``: content before, attribution after a comma or a quote."""
    text = s.text
    # normal order: ", X said." / "” X said"
    np = left_np(s, i)
    if np is None:
        return _inverted(s, i, cue_end, lemma)
    np = (with_description_before(s, np[0]), np[1])
    a = np[0]
    before = s.low(a - 1)
    if before == ":" and not any(s.inq[x] for x in range(a)):
        return None  # "The Latest: Ortiz urges …": a heading before a colon is not what was said
    if a <= 1 and s.low(i - 1) == "," and not s.inq[i - 1] and s.toks[0].text not in OPEN_MARKS:
        comma = next((x for x in range(a, i) if s.low(x) == ","), i)
        if np_ok(s, a, comma - 1) and (s.is_cap(a) or s.low(a) in DETERMINERS):
            return None  # "Ortiz, a lawyer, argued his case …": the mention is the subject, not content
    if not (before in (",", "”", '"', "’", "'", "—", "–", ":") and not s.inq[a - 1]) or a - 1 <= 0:
        return _inverted(s, i, cue_end, lemma)
    if lemma in QUOTE_ONLY and not any(s.inq[x] for x in range(a)):
        return _inverted(s, i, cue_end, lemma)  # "As crowds gathered, Ortiz talked about …"
    if s.low(cue_end + 1) in (",", ":") and s.toks[cue_end + 2].text in OPEN_MARKS if cue_end + 2 < s.n else False:
        return None  # "Remarking on his “empathy,” Starr said, “…”": the quotation after the cue is the content
    nxt = s.low(cue_end + 2)
    if before == "," and s.low(cue_end + 1) == "," and _incomplete_head(s, a - 1) and s.is_word(cue_end + 2) \
            and not (nxt.endswith("ing") or nxt in ("according", "who", "which", "and", "but", "referring")):
        # "Too often, Mr. Clarke said, the companies walk away", "It was, he said, a stone …": the
        # attribution interrupts one statement, whose second half follows it
        head = trim_content(s.text, s.span.start, s.toks[a - 2].end)
        tail = trim_content(s.text, s.toks[cue_end + 1].end, _content_end(s, cue_end + 2, cues))
        if head and tail:
            return Candidate(cue=span_of(s, i, cue_end), content=(head, tail), speaker=span_of(s, *np), rule="post")
    ok, stop = _tail_is_adverbial(s, cue_end, lemma, after_quote=before in CLOSE_MARKS or s.low(a - 2) in CLOSE_MARKS)
    if not ok:
        return _inverted(s, i, cue_end, lemma)
    boundary = a - 1
    content_end = s.toks[boundary - 1].end if s.low(boundary) == "," else s.toks[boundary].end
    if s.low(boundary) == "," and s.low(boundary - 1) in CLOSE_MARKS:
        content_end = s.toks[boundary - 1].end
    first = 1 if s.low(0) in ("and", "but", "so", "yet") else 0
    if before in ("—", "–") and all(s.toks[x].text.isupper() or not s.is_word(x) for x in range(boundary)):
        return None  # "WASHINGTON (AP) — Ortiz argued …": a dateline, not content
    if s.low(first) in PREPOSITIONS - {"that"} or s.low(first) in _OPENING_PREPOSITIONS \
            or (s.low(first).endswith("ing") and s.is_word(first)):
        if not any(s.inq[x] for x in range(boundary)):
            # "Kicking off the day in Salem, Trump accused …", "And in that speech, Ortiz
            # chimed in, …": an opening phrase, not what was said
            return _inverted(s, i, cue_end, lemma)
    content_start = s.span.start
    q_end = boundary - 1 if s.low(boundary) == "," else boundary
    if s.toks[q_end].text in CLOSE_MARKS or (q_end > 0 and s.toks[q_end - 1].text in CLOSE_MARKS):
        # "… scolded him: “…,” she said.": the quotation after the colon is the content
        o = q_end - 1
        while o > 0 and (s.inq[o] or s.toks[o].text in CLOSE_MARKS):
            o -= 1
        if s.toks[o].text in OPEN_MARKS and o > 0 and s.low(o - 1) in (":", ","):
            content_start = s.toks[o].start
    pieces = []
    head = trim_content(text, content_start, content_end)
    if head and not all(w.lower() in _OPENING_WORDS for w in head.of(text).split()):
        pieces.append(head)  # "Still, the paper reported …": an opening adverb is not content
    if stop == cue_end + 1 and s.low(stop) == "," and not _starts_new_attribution(s, stop + 1) \
            and s.low(stop + 1) not in PREPOSITIONS and s.low(stop + 1) not in SUBORDINATORS \
            and not s.low(stop + 1).endswith("ing") or s.low(stop) == "," and _continues_content(s, stop + 1):
        # a parenthetical "The economy, he said, is strong" continues after the attribution
        tail = trim_content(text, s.toks[stop].end, _content_end(s, stop + 1, cues))
        if tail:
            pieces.append(tail)
    if not pieces:
        return _inverted(s, i, cue_end, lemma)
    return Candidate(cue=span_of(s, i, cue_end), content=tuple(pieces), speaker=span_of(s, *np), rule="post")

def _incomplete_head(s: CueSentence, comma: int) -> bool:
    """Whether the words before an attribution's comma (from the sentence start) cannot be a
    statement by themselves: a short phrase ("Too often", "The museum", "Back in Virginia") or a
    clause cut after its verb ("It was")."""
    words = [k for k in range(0, comma) if s.is_word(k)]
    if not words or any(s.inq[k] for k in range(comma)):
        return False
    if s.low(comma - 1) in AUXILIARIES:
        return True
    has_verb = any(s.low(k) in AUXILIARIES or cue_kind(s.low(k)) and s.low(k) not in NOUNISH for k in words)
    return len(words) <= 4 and not has_verb


def _continues_content(s: CueSentence, k: int) -> bool:
    """Whether the words at ``k``, after an attribution and its comma, go on with the statement it
    interrupted: a verb ("The test, the agency said, was its biggest"), a "that" ("so bad, he
    noted, that …"), a gerund subject ("…, he said, replacing her would be …") or a wh-phrase
    ("a model, he said, for how the industry …")."""
    low = s.low(k)
    if not s.is_word(k) or s.is_cap(k) or s.inq[k]:
        return False
    if low in AUXILIARIES or low == "that":
        return True
    if low in ("and", "but"):
        # "Mills “got immunity,” Jordan said, and still “got to sit in”": the quotation goes on
        return any(s.toks[x].text in OPEN_MARKS and s.inq[x + 1] for x in range(k + 1, min(s.n - 1, k + 4)))
    if low in PREPOSITIONS:
        return s.low(k + 1) in ("how", "why", "what", "whether", "when", "where")
    if low.endswith("ing"):
        # a gerund subject has its verb before the next comma; a participle adjunct does not
        for x in range(k + 1, min(s.n, k + 8)):
            if s.low(x) in (",", ".", ";") and not s.inq[x]:
                return False
            if s.low(x) in AUXILIARIES:
                return True
        return False
    return False


def _inverted(s: CueSentence, i: int, cue_end: int, lemma: str) -> Candidate | None:
    """``…,” said the senator.``: the speaker after the cue."""
    text = s.text
    j = i - 1
    while j >= 0 and s.low(j) in ADVERBS:
        j -= 1
    if s.low(j) in (",", "”", '"', "’", "'") and not s.inq[j] and lemma in CLAUSE_VERBS \
            and not s.low(i).endswith("ing"):  # "…, telling supporters that …" is carried, not inverted
        np = right_np(s, cue_end + 1)
        if np and s.low(np[0]) in PRONOUNS and s.is_word(np[0] + 1):
            np = None  # "…, said she wanted change": the pronoun opens the content
        if np and s.low(np[0]) in _POSSESSIVE_DETERMINERS:
            np = None  # "…, argued his case …": an object, not a speaker after the cue
        if np:
            np = (np[0], through_descriptions(s, np[1]))
            ok, stop = _tail_is_adverbial(s, np[1], None)
            boundary = j
            content_end_tok = boundary - 1 if s.low(boundary) == "," else boundary
            if ok and content_end_tok >= 0:
                content = trim_content(text, s.span.start, s.toks[content_end_tok].end)
                if content:
                    return Candidate(cue=span_of(s, i, cue_end), content=(content,),
                                     speaker=span_of(s, *np), rule="post-inverted")
    return None

def _asked_first(s: CueSentence) -> Candidate | None:
    """``Asked whether …, she said …``, ``Asked by the host about …, he …``: the question is the
    content of "Asked"; its asker, when named, is the speaker. The clause ends at the first comma."""
    k = 1
    while s.low(k) in ADVERBS or s.low(k).endswith("ly"):
        k += 1
    speaker = None
    if s.low(k) == "by":
        speaker = right_np(s, k + 1)
        if speaker is None:
            return None
        k = speaker[1] + 1
    cue_end = 0
    if s.low(k) == "about":
        cue_end = k if k == 1 else 0
        k += 1
    elif s.low(k) not in ("whether", "if", "what", "why", "how", "who", "when", "where", "which", "to", "on", "in"):
        return None
    end = next((x for x in range(k, s.n) if s.low(x) == "," and not s.inq[x]), None)
    if end is None or end <= k:
        return None
    content = trim_content(s.text, s.toks[k].start, s.toks[end - 1].end)
    if content is None:
        return None
    return Candidate(cue=span_of(s, 0, cue_end), content=(content,),
                     speaker=span_of(s, *speaker) if speaker else None, rule="passive")


def _said_first(s: CueSentence, cue_end: int, cues: dict[int, str]) -> Candidate | None:
    """``Said Ellis: “…”``: a sentence that opens with its cue."""
    np = right_np(s, cue_end + 1)
    if np is None or s.low(np[1] + 1) not in (":", ","):
        return None
    k = np[1] + 2
    if k >= len(s):
        return None
    content = trim_content(s.text, s.toks[k].start, _content_end(s, k, cues))
    if content is None:
        return None
    return Candidate(cue=span_of(s, 0, cue_end), content=(content,), speaker=span_of(s, *np), rule="post-inverted")

def _starts_new_attribution(s: CueSentence, k: int) -> bool:
    low = s.low(k)
    return low.endswith("ing") or bool(cue_kind(low)) or low in ("according", "who", "which", "and", "but", "referring")

def _pre_content(s: CueSentence, i: int, cue_end: int, lemma: str, cues: dict[int, str]) -> Span | None:
    """The content after a cue: ``said (that) …``, ``told X that …``, ``described X as …``."""
    n = len(s)
    k = cue_end + 1
    if lemma in _AS_VERBS:
        j = k
        while j < min(n, k + 8) and s.low(j) != "as":
            j += 1
        if s.low(j) == "as":
            k = j + 1
    elif lemma in _LISTENER_VERBS:
        j = k
        while j < min(n, k + 10) and s.low(j) not in ("that", ",", ".") and not s.inq[j] and s.low(j) not in OPEN_MARKS:
            j += 1
        if s.low(j) == ",":
            # "telling customers at a diner in Manchester, New Hampshire, that …"
            m = j
            while m < min(n, k + 18) and s.low(m) not in ("that", ".") and not s.inq[m] \
                    and s.toks[m].text not in OPEN_MARKS and not cue_kind(s.low(m)):
                m += 1
            if s.low(m) == "that":
                j = m
        if s.low(j) == "that":
            k = j
        elif s.low(j) == "," and j + 1 < n and s.toks[j + 1].text in OPEN_MARKS:
            k = j + 1  # "told SiriusXM host Matt Boyle, “…”"
        elif j < n and s.toks[j].text in OPEN_MARKS and s.low(j - 1) == ":" and j - 1 - k <= 6 \
                and (s.low(k) in DETERMINERS or s.low(k) in OBJECT_PRONOUNS or s.is_cap(k) or s.low(k) in GROUP_HEADS):
            k = j  # "told the committee: “…”" — but "promised mass deportation: “…”" is no listener
        else:
            # "told reporters the plan …": skip the listener
            first = k
            while k < n and (s.is_cap(k) or s.low(k) in DETERMINERS or s.low(k) in OBJECT_PRONOUNS
                             or s.low(k) in ("reporters", "journalists", "supporters", "crowd", "audience")):
                k += 1
            if k + 1 < n and s.low(k).endswith("s") and not s.is_cap(k) and s.low(k) not in AUXILIARIES \
                    and (s.low(k + 1) in PRONOUNS or s.low(k + 1) in DETERMINERS or s.is_cap(k + 1)):
                k += 1  # "tells audiences she may be prosecuted"
            while k < n and (s.low(k) in PREPOSITIONS and s.low(k) not in ("that",)) and (s.is_cap(k + 1) or s.low(k + 1) in TIME_WORDS):
                k += 2
            if s.low(k) == "to" and k > first:
                k = first  # "urged voters to …", "asked him to …": who is to act is part of the request
            elif s.low(k) == "to":
                k += 1
            elif s.low(k).endswith("ing") and lemma_of(s.low(k)) in CLAUSE_VERBS:
                return None  # "emailed supporters saying …": the participle is the cue of the content
    else:
        # "said during the debate last week, “…”", "says of Clinton: “…”": a phrase, then the quote
        j = k
        while j < min(n, k + 12) and not s.inq[j] and s.toks[j].text not in OPEN_MARKS \
                and s.low(j) not in ("that", ".", ";") and s.low(j) not in AUXILIARIES and not cue_kind(s.low(j)):
            j += 1
        if j > k and j + 1 < n and s.low(j - 1) in (",", ":") and s.toks[j].text in OPEN_MARKS:
            k = j
        # time and place adverbials right after the cue: "said on Thursday that …"
        j = k
        while j < min(n, k + 8) and s.low(j) != "that" and not s.inq[j] and s.low(j) not in (",", ".") \
                and (s.low(j) in PREPOSITIONS or s.low(j) in TIME_WORDS or s.is_cap(j) or s.low(j) in DETERMINERS
                     or s.low(j).isdigit() or s.low(j) in ("‘", "’", "'")
                     or s.low(j) in ("interview", "statement", "week", "last", "earlier", "later", "news", "conference",
                                     "time", "times")):
            j += 1
        if s.low(j) == "that" and j > k:
            k = j
        elif s.low(k) in PREPOSITIONS or s.low(k) in TIME_WORDS:
            # a longer adverbial: "said in an ABC interview taped before the attacks that …",
            # "wrote in an email to the paper that …", "said Sunday in Madison, Wisconsin, that …",
            # "said on ABC’s “This Week” that …" (a title in marks after a possessive)
            j = k
            while j < min(n, k + 16) and s.low(j) != "that" and s.low(j) not in (".", ";", ":") \
                    and s.low(j) not in AUXILIARIES and s.low(j) not in PRONOUNS \
                    and not (cue_kind(s.low(j)) and s.low(j) not in NOUNISH) \
                    and (not s.inq[j] and s.toks[j].text not in OPEN_MARKS or _title_in_marks(s, j)):
                j += 1
            before = j - 1 if s.low(j - 1) != "," else j - 2
            # a name, a title or a time before "that"; after a common noun ("accusations that",
            # "a provision that") "that" opens the noun's own clause, not the content
            if s.low(j) == "that" and not s.inq[j] and lemma in CLAUSE_VERBS \
                    and (s.is_cap(before) or s.toks[before].text in CLOSE_MARKS or s.low(before) in TIME_WORDS
                         or s.low(before).isdigit() or s.low(before) in _CHANNELS):
                k = j  # "said on its website that …", "said in the letter that …", "said via email that …"
    # the complementizer belongs to the content ("said that …"), as PolNeAR annotates it
    while k < n and s.low(k) in (":", ",") and not s.inq[k]:
        k += 1
    if k >= n:
        return None
    if s.low(k) in ".!?" or (s.low(k) in PREPOSITIONS and s.low(k) != "to") or s.low(k) in _PARTICLES:
        return None  # "responded by …", "spoke on Radio Nord", "wrote off …": no reported clause
    if s.low(k) == "to" and lemma not in _TO_VERBS:
        # "wrote to the office that …", "admitted to the paper that …": a recipient, then the
        # content; "is adding to his wins": a phrase, not an infinitive the cue reports
        j = next((x for x in range(k + 1, min(n, k + 9)) if s.low(x) == "that" and not s.inq[x]), None)
        if j is None or any(s.low(x) in AUXILIARIES or cue_kind(s.low(x)) for x in range(k + 1, j)):
            return None
        k = j
    j = k
    while j < n and (s.low(j).endswith("ly") and s.is_word(j) and not s.is_cap(j) or s.low(j) in ADVERBS):
        j += 1
    if j > k and (j >= n or s.low(j) in PREPOSITIONS - {"that", "to"} or s.low(j) in ".,;!?") \
            and not any(s.low(x) == "that" for x in range(j, min(n, j + 10))):
        return None  # "testified voluntarily in 1998": how, not what
    if s.low(k) in _NO_CONTENT and (k + 1 >= n or s.low(k + 1) in ".,;!?") \
            and not (s.low(k) == "that" and s.low(k + 1) == "," and k + 2 < n):
        return None  # "said nothing", "said so" — but "tweeted that, “…”" has content
    j = k
    while j < n and (s.low(j) in TIME_WORDS or s.low(j) in ("this", "last", "next", "week", "month", "year")):
        j += 1
    if j > k and s.low(j) == "," and j + 2 < n and not _starts_new_attribution(s, j + 1):
        k = j + 1  # "You said yesterday, the middle class is …"
    elif j > k and (j >= n or s.low(j) in ".,;!?"):
        return None  # "what he said this week, …": a time, not a statement
    end = _content_end(s, k, cues)
    return trim_content(s.text, s.toks[k].start, end)

def _title_in_marks(s: CueSentence, j: int) -> bool:
    """Whether token ``j`` is in or at the edge of a capitalised title in marks: “This Week”."""
    if s.inq[j]:
        k = j
    elif s.toks[j].text in OPEN_MARKS and s.inq[j + 1] if j + 1 < s.n else False:
        k = j + 1
    elif s.toks[j].text in CLOSE_MARKS and j > 0 and s.inq[j - 1]:
        k = j - 1
    else:
        return False
    while k > 0 and s.inq[k - 1]:
        k -= 1
    o = k - 1  # the opening mark
    return s.is_cap(k) and (s.low(o - 1).endswith(("’s", "'s")) or s.is_cap(o - 1))


def _according(s: CueSentence, i: int, cues: dict[int, str]) -> Candidate | None:
    """``according to X, …`` and ``…, according to X``."""
    np = right_np(s, i + 2)
    if np is None:
        # "according to early returns", "according to one global index": whatever follows is
        # the source, up to the punctuation that ends it
        b = i + 2
        while b < s.n and b - i < 22 and s.low(b) not in (",", ".", ";", ":", ")", "—", "–", "?", "!") \
                and (not s.inq[b] or s.toks[b - 1].text in OPEN_MARKS or s.inq[b - 1]):
            b += 1
        if b == i + 2 or not any(s.is_word(k) for k in range(i + 2, b)):
            return None
        np = (i + 2, b - 1)
    cue = span_of(s, i, i + 1)
    text = s.text
    pieces = []
    before_end = i - 1
    while before_end >= 0 and s.low(before_end) in (",", "—", "–", "(") and not s.inq[before_end]:
        before_end -= 1
    if before_end >= 0:
        head = trim_content(text, s.span.start, s.toks[before_end].end)
        if head:
            pieces.append(head)
    after = np[1] + 1
    if after < len(s) and s.low(after) in (",", "—", "–", ")") and not _starts_new_attribution(s, after + 1):
        # "According to X, “…,” presumably meaning …": a participle after the quotation ends it
        tail = trim_content(text, s.toks[after].end, _content_end(s, after + 1, {}))
        if tail:
            pieces.append(tail)
    if not pieces:
        return None
    return Candidate(cue=cue, content=tuple(pieces), speaker=span_of(s, *np), rule="according")

# What opens the content of a passive cue: "was asked by the host whether …", "was told that …"
_PASSIVE_CONTENT = frozenset("that whether if how why what when where who to".split())

def _passive(s: CueSentence, i: int, cue_end: int, cues: dict[int, str]) -> Candidate | None:
    """``described as …`` (no speaker), ``described by X as …``, ``it was reported that …``."""
    k = cue_end + 1
    speaker = None
    if s.low(k) == "by":
        np = right_np(s, k + 1)
        if np is None:
            return None
        speaker = np
        k = np[1] + 1
    if s.low(k) == "as":
        k += 1
    elif speaker is None and s.low(k) != "that":
        return None
    elif speaker is not None and (k >= len(s) or s.low(k) not in _PASSIVE_CONTENT and s.toks[k].text not in OPEN_MARKS):
        return None  # "lines to be uttered by the father, played by …": the content is elsewhere
    if k >= len(s):
        return None
    end = _content_end(s, k, cues)
    if s.low(i - 1) == ",":
        # "The scheme, described by prosecutors as “brazen,” ran for years": the description
        # ends with the appositive
        j = k
        while j < len(s) and (s.inq[j] or s.low(j) != ",") \
                and not (s.toks[j].text in CLOSE_MARKS and s.low(j - 1) == ","):
            j += 1
        if j < len(s):
            end = min(end, s.toks[j].end if s.toks[j].text in CLOSE_MARKS else s.toks[j].start)
    content = trim_content(s.text, s.toks[k].start, end)
    if content is None:
        return None
    return Candidate(cue=span_of(s, i, cue_end), content=(content,),
                     speaker=span_of(s, *speaker) if speaker else None, rule="passive")
