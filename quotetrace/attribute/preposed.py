"""Attributions that come before their content.

``pre``      ``X said (that) …``, ``X told the BBC on Thursday that …``: the subject of the cue
             speaks and the content follows it;
``carried``  ``…, saying …``, ``… and added that …``, ``after threatening …``: the cue hangs on
             another clause, whose subject (or the last speaker named) speaks.

Where the content starts and ends is :mod:`.content`'s; a ``X said:`` that ends its paragraph
introduces the quotation paragraphs after it (the ``colon`` rule, see :mod:`.assemble`)."""

from __future__ import annotations

import re

from . import Candidate
from ..model import Span
from ..text.lexicon import CLAUSE_VERBS, NEEDS_CLAUSE, is_possessive
from ..text.words import ADVERBS, AUXILIARIES, MODALS, PREPOSITIONS, TIME_WORDS, TITLES, cue_kind
from .colon import COLON, dash_signed
from .content import FUNCTION_WORDS, clause_starts, marked_content, named_doing, pre_content, subordinate_end
from .cues import contracted_pronoun
from .frame import Cue, Frame, Reading, Rule
from .mentions import OBJECT_CONTROL, gerund_subject, left_np, subject
from .sentence import ALL_MARKS, DASHES, OPEN_MARKS, CueSentence, span_of

PRE = Rule("pre", 0.85)
CARRIED = Rule("carried", 0.75)


def _coordinated(s: CueSentence, i: int) -> bool:
    """``… and added that …``, ``… but has also said …``: a cue coordinated with a clause before."""
    prev = s.low(i - 1)
    return prev in ("and", "but", "yet") or (prev in ADVERBS | AUXILIARIES and _prev_word(s, i) in ("and", "but", "yet"))


def is_carried(s: CueSentence, cue: Cue, reading: Reading) -> bool:
    """Whether the cue is a participle after a comma or a subordinator, or coordinated: then
    only the ``carried`` frame reads it."""
    i = cue.i
    # (past the adverbs before it: "responded by first saying …")
    low, prev = s.low(i), s.low(s.before_adverbs(i))
    carried = low.endswith("ing") and (prev in (",", "after", "before", "while", "by", "when", "in") or s.low(i - 2) == ",")
    return carried or _coordinated(s, i)


def carried(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """``…, saying …``: the subject of the clause the cue hangs on speaks."""
    i = cue.i
    # "The paper reported that the mayor … and has privately told aides …": a cue coordinated
    # inside another's content shares the subject of that content
    inner = next((c for c in reversed(reading.found) if c.content and c.content[0].start < s.toks[i].start < c.content[-1].end + 1), None)
    if _coordinated(s, i) and inner is not None:
        k0 = next(k for k, t in enumerate(s.toks) if t.start >= inner.content[0].start)
        if s.low(k0) == "that":
            k0 += 1
        speaker = subject(s, i, k0)
    elif reading.last_speaker is not None:
        speaker = reading.last_speaker
    else:
        speaker = subject(s, i)
        if speaker is not None:
            # "I remember Ada Roe going on TV, declaring …": the participle is Roe's
            speaker = gerund_subject(s, speaker[1], i) or speaker
    return _preposed(s, cue, reading, speaker, CARRIED)


def pre(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """``X said (that) …``: the noun phrase before the cue (or the clause's subject) speaks."""
    i = cue.i
    if s.low(s.before_adverbs(i)) in MODALS and i < s.first_quoted \
            and any(c.speaker is not None and any(x.start <= s.toks[i].start < x.end for x in c.content)
                    for c in reading.found):
        # "Doe said the museum would tell a story of “…”": what someone will say, inside what
        # someone said, is part of that statement; the words in marks are the speaker's before it
        return None
    if _closes_opening_clause(s, i, cue.end) or _signed_after(s, cue.end):
        return None
    speaker = left_np(s, i)
    subj = subject(s, i) if speaker is None else None
    place = speaker is not None and _after_place_object(s, i)
    if place or speaker is not None and _authored_document(s, i):
        # "Roe posted on Facebook saying …", "Roe wrote a letter to Jane Doe asking …": the name
        # before the participle is where or to whom it went; "Roe issued a statement saying …":
        # what the document says, its author says. The subject of the clause speaks (the
        # document itself when no subject is found; a place never)
        subj = subject(s, i)
        if subj is not None and subj[1] < i - 2:
            speaker = subj
        elif place:
            speaker = None
    if speaker is None:
        if subj and subj[1] < i and (_only_adverbials_between(s, subj[1], i) or _purpose_of(s, subj[1], i)):
            speaker = subj
        else:
            speaker = _with_doing(s, i)
    j = s.before_adverbs(i)  # the word before the cue and its adverbs: "was", ",", "he’s"
    if speaker is None and contracted_pronoun(s.low(j)):
        speaker = (j, j)  # "He’s claiming that …"
    return _preposed(s, cue, reading, speaker, PRE)


def _preposed(s: CueSentence, cue: Cue, reading: Reading, speaker: tuple[int, int] | None,
              rule: Rule) -> Candidate | None:
    """The candidate of a cue whose content follows it, once its speaker is known."""
    i, cue_end, lemma, kind = cue.i, cue.end, cue.lemma, cue.kind
    content = pre_content(s, i, cue_end, lemma, reading.cues)
    if content is not None and speaker is not None and rule is PRE:
        content = subordinate_end(s, speaker[0], content)
    if content is not None and (kind == "stance" or lemma not in CLAUSE_VERBS):
        if not marked_content(s, i, cue_end, lemma, content):
            return None
    elif content is not None and lemma in NEEDS_CLAUSE and not clause_starts(s, content) \
            and not _quoted_object(s, content):
        return None  # "conceded the race", "maintains a lead": an object, not a statement

    if content is None:
        if s.low(cue_end + 1) == ":" and cue_end + 2 >= len(s) and speaker is not None:
            # "X said:" ends the paragraph; the quote paragraphs that follow are the content
            return Candidate(cue=span_of(s, i, cue_end), content=(), speaker=span_of(s, *speaker), rule=COLON)
        if s.low(cue_end + 1) == "." and cue_end + 2 >= len(s) and speaker is not None and rule is PRE \
                and lemma in _ALONE and s.first_quoted >= len(s):
            # "Jane Doe agreed." alone: a quotation that follows it in the paragraph is hers
            # (:mod:`.assemble`)
            return Candidate(cue=span_of(s, i, cue_end), content=(), speaker=span_of(s, *speaker), rule=PRE)
        return None
    if speaker is None and rule is PRE:
        return None
    if _no_statement(s.text, content):
        return None  # "agreed, but also contended …", "According to MSNBC, basically.": no statement
    if speaker:
        reading.spoke(speaker)
    return Candidate(cue=span_of(s, i, cue_end), content=(content,), speaker=_mention_span(s, speaker), rule=rule)


#: verbs that make a sentence of their own before the quotation they introduce ("Doe agreed.")
_ALONE = frozenset("agree disagree concur add explain elaborate continue reply respond answer object".split())

_WORD = re.compile(r"\S+")

#: the most words of an object before the quotation it holds ("lamented the “good old days”")
_OBJECT_BEFORE_QUOTE = 2


def _quoted_object(s: CueSentence, content: Span) -> bool:
    """Whether the content opens on an object that holds a quotation within its first words
    ("lamented the “good old days”", "decried his “reckless” plan"): the words in marks are the
    speaker's, whatever the verb's object is."""
    k = next((k for k in range(s.n) if s.toks[k].start >= content.start), None)
    if k is None:
        return False
    for j in range(k, min(s.n, k + _OBJECT_BEFORE_QUOTE + 1)):
        if s.inq[j] or s.toks[j].text in OPEN_MARKS:
            return True
        if not s.is_word(j) or s.low(j) in PREPOSITIONS:
            return False  # ("proposing variations on “…” systems": a term in a phrase of its own)
    return False


def _no_statement(text: str, content: Span) -> bool:
    """Whether the content holds only function words and ``-ly`` adverbs. The words are read
    lazily, up to the first that says something: the content of each cue in a long sentence runs
    to its end, and splitting all of it at every cue made such a sentence quadratic."""
    return all(w.lower() in FUNCTION_WORDS or w.lower().endswith("ly")
               for w in map(re.Match.group, _WORD.finditer(text, content.start, content.end)))


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


def _with_doing(s: CueSentence, i: int) -> tuple[int, int] | None:
    """The name of "…, with Doe taking to Twitter to call it “…”": a clause of "with", a name and
    a participle, whose purpose is the cue at ``i`` (no comma and no other word in marks
    between)."""
    for w in range(i - 1, max(-1, i - _WITH_REACH), -1):
        if s.inq[w] or s.low(w) in (",", ";", ":"):
            return None
        if s.low(w) == "with":
            name = named_doing(s, w + 1)
            return name if name is not None and s.low(i - 1) == "to" else None
    return None


#: the most tokens from "with" to the cue it leads to
_WITH_REACH = 10

#: the most tokens between a cue and the colon after a heading's dash and a name
_SIGNED_REACH = 12


def _signed_after(s: CueSentence, cue_end: int) -> bool:
    """Whether a dash and a name lead from the cue to a colon before the quotation: "Pollsters
    agree - Jane Doe: “…”" is Doe's (:func:`.colon.dash_signed`)."""
    # (looked for within a few words: a sentence of many cues must not be read again at each)
    colon = next((k for k in range(cue_end + 1, min(s.n, s.first_quoted, cue_end + _SIGNED_REACH))
                  if s.low(k) == ":"), None)
    return colon is not None and dash_signed(s, cue_end + 1, colon) is not None


def _prev_word(s: CueSentence, i: int) -> str:
    j = i - 1
    while j >= 0 and (s.low(j) in ADVERBS or s.low(j) in AUXILIARIES):
        j -= 1
    return s.low(j)


def _purpose_of(s: CueSentence, subj_end: int, i: int) -> bool:
    """``Doe took to the radio on Friday to accuse …``, ``Doe used the speech to call …``: a cue in
    an infinitive of purpose after its subject's own verb phrase, in one clause (no comma, no
    second subject, no verb that hands the infinitive to its object)."""
    j = s.before_adverbs(i)
    if s.low(j) != "to" or j - subj_end < 2 or j - subj_end > 9:
        return False
    between = [s.low(k) for k in range(subj_end + 1, j)]
    if any(s.inq[k] for k in range(subj_end + 1, j)) or any(w in (",", ";", ":", "that", "who", "which", "and", "but")
                                                            for w in between):
        return False
    return not any(w in OBJECT_CONTROL or cue_kind(w) for w in between)


#: prepositions of place, direction and time: the name after one is no participle's subject
_PLACE_PREPOSITIONS = frozenset("on in at to into onto via through during across over under toward towards".split())


def _after_place_object(s: CueSentence, i: int) -> bool:
    """Whether the cue at ``i`` is a participle right after a name that a preposition of place,
    direction or time governs ("on Facebook saying", "to Attorney General Jane Doe asking"). A
    name after "from", "of", "for" or "with" may still be the speaker ("a report from the agency
    saying", "a spokesman for Doe saying")."""
    if not s.low(i).endswith("ing") or s.low(i - 1) == ",":
        return False
    k = i - 1
    while k >= 0 and not s.inq[k] and (s.is_cap(k) or s.low(k) in TITLES or is_possessive(s.low(k))):
        k -= 1
    return k < i - 1 and k >= 0 and s.low(k) in _PLACE_PREPOSITIONS


#: documents whose words are their author's: "issued a statement saying …"
_AUTHORED = frozenset("""statement statements letter letters memo memos tweet tweets email emails message messages
post posts note notes release video ad petition""".split())
#: verbs that take in a document someone else wrote: "received a letter saying …"
_RECEIVING = frozenset("""receive receives received get gets got obtain obtains obtained cite cites cited see sees saw
seen find finds found share shares shared retweet retweets retweeted quote quotes quoted review reviews reviewed
view views viewed publish publishes published""".split())
_DOCUMENT_DETERMINERS = frozenset("a an the his her their its".split())
#: time words that may stand between a document and its participle ("a series of tweets early Friday saying")
_TIME_BETWEEN = frozenset("early late on last this".split())


def _authored_document(s: CueSentence, i: int) -> bool:
    """Whether the cue at ``i`` is a participle right after a document the clause's subject
    made ("issued a statement saying", "released a string of posts late Monday saying"): a
    verb, then the document's phrase. "received a letter saying", "a letter from Roe saying" and
    "in a statement saying" leave the document's words to someone else, or to no one here."""
    if not s.low(i).endswith("ing") or s.low(i - 1) == ",":
        return False
    k = i - 1
    while k > 0 and (s.low(k) in TIME_WORDS or s.low(k) in _TIME_BETWEEN) and not s.inq[k]:
        k -= 1
    if s.low(k) not in _AUTHORED or s.inq[k]:
        return False
    j = k - 1
    while j >= 0 and k - j <= 4 and s.low(j) not in _DOCUMENT_DETERMINERS and s.is_word(j) and not s.is_cap(j) \
            and not s.inq[j]:
        j -= 1
    if j < 1 or s.low(j) not in _DOCUMENT_DETERMINERS:
        return False
    verb = s.low(j - 1)
    return s.is_word(j - 1) and not s.is_cap(j - 1) and verb not in PREPOSITIONS and verb not in _RECEIVING \
        and verb not in AUXILIARIES


#: subordinators that open a clause of time, cause or condition before a main clause
_OPENING_SUBORDINATORS = frozenset("after before when once until since because although though while if unless whereas".split())
#: the most words of such a clause before its cue
_CLAUSE_REACH = 10


def _closes_opening_clause(s: CueSentence, i: int, cue_end: int) -> bool:
    """Whether the cue ends a subordinate clause before its comma ("after the interview
    concluded, Roe stated …"): the verb has no statement of its own there, and what follows the
    comma is the main clause, not its content."""
    if s.low(cue_end + 1) != "," or cue_end + 2 < len(s) and s.toks[cue_end + 2].text in OPEN_MARKS:
        return False  # "When Roe spoke, Doe boasted, “…”": a quotation after the comma is content
    k = i - 1
    while k >= max(0, i - _CLAUSE_REACH) and s.low(k) not in (",", ";", ":", "that") and not s.inq[k] \
            and s.toks[k].text not in ALL_MARKS and s.toks[k].text not in DASHES:
        k -= 1
    return k + 1 < i and s.low(k + 1) in _OPENING_SUBORDINATORS


def _only_adverbials_between(s: CueSentence, a: int, b: int) -> bool:
    return all(s.low(k) in ADVERBS or s.low(k) in AUXILIARIES or s.low(k) in TIME_WORDS
               or s.low(k) in ("on", "in", "last", "this", "week") for k in range(a + 1, b))


CARRIED_FRAME = Frame("carried", "cue", (CARRIED, COLON), carried, claims=is_carried)
PRE_FRAME = Frame("pre", "cue", (PRE, COLON), pre)
