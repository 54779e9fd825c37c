"""Where reported content starts and ends.

After a cue: its listener, an adverbial of time, place or channel, ``that`` (``told the BBC on
Thursday that …``, ``wrote in an email to the paper that …``); the content then runs to the end
of the sentence, or to a second attribution (``, adding …``, ``, according to``), to the end of
the subordinate or relative clause the cue stands in, or to the quotation a participle follows
(``called it “a disgrace,” blaming …``). A cue that takes no bare clause shows its content by
``that``, a quotation or its own preposition."""

from __future__ import annotations

from ..text.words import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    OBJECT_PRONOUNS,
    PERSONAL_SUBJECTS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    cue_kind,
)
from ..model import Span
from ..text.lexicon import CLAUSE_VERBS, NOUNISH, lemma_of
from .knobs import (
    ADVERBIAL_REACH,
    AS_OR_THAT_REACH,
    AS_REACH,
    GERUND_VERB_REACH,
    LISTENER_BEFORE_COLON,
    LISTENER_COMMA_REACH,
    LISTENER_PLACE_REACH,
    LISTENER_REACH,
    LONG_ADVERBIAL_REACH,
    LOOKBACK,
    MANNER_THAT_REACH,
    MARKER_REACH,
    OF_REACH,
    PHRASE_BEFORE_QUOTE,
    QUOTE_AFTER_AND_REACH,
    RECIPIENT_REACH,
    TO_REACH,
)
from .mentions import left_np
from .sentence import CLOSE_MARKS, DASHES, CueSentence, OPEN_MARKS, closing, trim_content


# Verbs whose object (the listener) sits between the cue and the content: "told the BBC that …",
# "implored voters to …", "texted a friend that …" (VerbNet advise-37.9, beg-58.2 and
# instr_communication-37.4 take a recipient object).
LISTENER_VERBS = frozenset("""tell inform assure warn remind advise ask urge reassure promise notify alert brief
caution admonish counsel instruct beg beseech entreat implore importune email e-mail text message phone
telephone cable wire fax""".split())


# Verbs that take their content after "as": "described him as …", "characterized it as …".
_AS_VERBS = frozenset("describe characterize characterise label brand term dub".split())


_NO_CONTENT = frozenset("nothing something anything little much more so this that it everything no yes".split())


TAIL_WORDS = frozenset("""statement interview interviews news conference briefing email emailed phone
telephone call speech rally tweet post letter ago recently earlier later late early last next this
television radio show program appearance op-ed written blog campaign event meeting hearing remarks
release press reporters spokesman spokeswoman aboard plane town hall visit stop forum debate message
video senior""".split())


# Where or how words were given: "said on its website that …", "wrote in the letter that …".
_CHANNELS = (DOCUMENT_HEADS | TAIL_WORDS | frozenset("""website site page program podcast broadcast op-ed column
interview appearance speech remarks email e-mail call""".split())) - {"ago", "recently", "earlier", "later", "this"}


# Words that carry no statement on their own.
FUNCTION_WORDS = SUBORDINATORS | ADVERBS | frozenset("""still however meanwhile yet so now then instead
indeed""".split())


# Verbs whose content may be an infinitive: "urged voters to …", "vowed to …"; after any other
# cue, "to" opens a phrase ("adding to his wins", "responded to critics").
_TO_VERBS = frozenset("""urge ask tell warn advise promise vow pledge threaten agree call beg implore plead encourage
invite order instruct remind demand propose offer expect hope want plan decide refuse decline intend caution
admonish entreat beseech importune notify claim continue""".split()) | {"go on"}


# A particle that makes a phrasal verb of a cue ("wrote off the effort"): it opens no content.
_PARTICLES = frozenset({"off"})


# Verbs of aspect: the participle after them is their complement ("began speaking").
_ASPECT = frozenset("""began begin begins started start starts kept keep keeps stopped stop stops continued
continue continues finished resumed spent""".split())


def _participle(s: CueSentence, k: int) -> bool:
    """Whether token ``k`` is a participle that opens a clause of its own ("…, blaming Bloomberg")."""
    low = s.low(k)
    return low.endswith("ing") and s.is_word(k) and not s.is_cap(k) and not s.inq[k] \
        and low not in ("including", "according", "during", "nothing", "something", "anything", "everything")


def end_of_content(s: CueSentence, start_tok: int, cues: dict[int, str]) -> int:
    """Where content that starts at ``start_tok`` stops: the sentence end, or just before a second
    attribution (``, adding``, ``but added``, ``, according to``) or a closing participle."""
    first_is_quote = start_tok < len(s) and s.low(start_tok) in OPEN_MARKS
    near = min(len(s), start_tok + LOOKBACK + 1)
    for k in range(start_tok, near):
        stop = _stop(s, k, start_tok, first_is_quote, cues)
        if stop is not None:
            return stop
    return _far_stop(s, near, first_is_quote, cues)


def _far_stop(s: CueSentence, k: int, first_is_quote: bool, cues: dict[int, str]) -> int:
    """:func:`end_of_content` from token ``k`` on, more than :data:`LOOKBACK` tokens after the
    content's start, where no test depends on that start: each token is tested once per
    sentence and cue set, whichever cue's content reaches it (linear time)."""
    # the cue dict is kept with its table, so its id cannot be reused while the table lives;
    # every empty dict is one cue set (callers pass a fresh {} each time)
    table = s.stops.setdefault((id(cues) if cues else None, first_is_quote), (cues, {}))[1]
    seen = []
    stop = None
    while k < len(s):
        if k in table:
            stop = table[k]
            break
        seen.append(k)
        stop = _stop(s, k, k - LOOKBACK - 1, first_is_quote, cues)
        if stop is not None:
            break
        k += 1
    if stop is None:
        stop = s.end_offset()
    for j in seen:
        table[j] = stop
    return stop


def _and_quote(s: CueSentence, k: int) -> bool:
    """Whether ``and`` at ``k``, and perhaps a comma, lead straight into a second quotation:
    "telling the crowd, “…,” and, “…”" quotes the same speaker twice."""
    if s.low(k) != "and":
        return False
    j = k + 1 if s.low(k + 1) != "," else k + 2
    return j < s.n and s.toks[j].text in OPEN_MARKS


#: conjunctions that, after a comma, open a clause of its own (a second speaker's)
_CLAUSE_JOINS = frozenset("but and while whereas yet though although".split())


def named_doing(s: CueSentence, j: int) -> tuple[int, int] | None:
    """A name of up to four words that opens at ``j`` when a participle follows it ("Tom Vale
    taking …"), or None."""
    m = j
    while m < min(s.n, j + 4) and s.is_cap(m) and not s.inq[m] and s.low(m) not in GROUP_HEADS:
        m += 1  # (a group is not a name: "with Democrats voicing more anger" is what was reported)
    return (j, m - 1) if m > j and m < s.n and s.is_word(m) and not s.inq[m] and s.low(m).endswith("ing") else None


def _stop(s: CueSentence, k: int, start_tok: int, first_is_quote: bool, cues: dict[int, str]) -> int | None:
    """Where content that started at ``start_tok`` stops because of token ``k``, if it does."""
    low = s.low(k)
    if not s.inq[k]:
        if low == "," and s.low(k + 1) == "according" and s.low(k + 2) == "to":
            return s.toks[k].start
        if low == "," and s.low(k + 1) == "with" and k > start_tok and named_doing(s, k + 2):
            # "denied it, with Doe taking to Twitter to call it “…”": a clause of its own, whose
            # name acts (and speaks)
            return s.toks[k].start
        if k in cues and k > start_tok:
            lo = max(start_tok, k - LOOKBACK)
            np = left_np(s, k, lo)
            if np and np[0] - 3 > lo and s.low(np[0] - 1) in _CLAUSE_JOINS:
                # "Doe warned him not to wait, but Roe said …": a clause of its own, its subject
                # before its cue, ends this content (after the marks of "to act “calm,” but …")
                c = np[0] - 2
                if s.low(c) == "," and not s.inq[c]:
                    return s.toks[c].start
                if s.toks[c].text in CLOSE_MARKS and s.low(c - 1) == ",":
                    return s.toks[c].end
            if np and np[0] - 1 > lo and (s.toks[np[0] - 1].text in CLOSE_MARKS
                                                 or s.low(np[0] - 1) == "," and s.toks[np[0] - 2].text in CLOSE_MARKS):
                # "… too busy to look: “…,” she wrote": the quotation has its own attribution,
                # so this content ends before it
                m = np[0] - 1 if s.toks[np[0] - 1].text in CLOSE_MARKS else np[0] - 2
                o = m - 1
                while o > lo and s.inq[o]:
                    o -= 1
                if s.toks[o].text in OPEN_MARKS and o - 1 > lo and s.low(o - 1) in (":", ",", "—", "–"):
                    return s.toks[o - 2].end
                return s.toks[m].end
            j = k - 1
            while j > lo and (s.low(j) in ADVERBS or s.low(j).endswith("ly")):
                j -= 1
            # "was questioning whether …", "began speaking with …": a participle after an
            # auxiliary or a verb of aspect is the clause's own verb, not a second attribution
            participle = s.low(k).endswith("ing") and s.low(j) not in AUXILIARIES and s.low(j) not in _ASPECT
            while j > lo and (s.low(j) in ADVERBS or s.low(j) in AUXILIARIES):
                j -= 1
            lowj = s.low(j)
            if lowj in (",", "and", "but", "though", "although", "while", "as", "yet") or participle \
                    or (lowj in PRONOUNS and s.low(j - 1) in (",", "and", "but", "though", "although")):
                # cut before the conjunction / comma that opens the second attribution
                m = j
                while m > lo and (s.low(m) in (",", "and", "but", "though", "although", "while", "yet", "as")
                                         or s.low(m) in PRONOUNS or s.low(m) in ADVERBS):
                    m -= 1
                return s.toks[m].end
        if first_is_quote and low in CLOSE_MARKS and k > start_tok and s.low(k + 1) == "," \
                and not s.inq[k + 1] and (s.low(k + 2).endswith("ing") or s.low(k + 2) in ("which", "who")
                                          or s.low(k + 2) in AUXILIARIES):
            return s.toks[k].end
        if low not in CLOSE_MARKS:
            return None  # (the walk below is only for marks: on a run of adverbs it would be n²)
        nxt = k + 1
        while s.low(nxt).endswith("ly") and not s.inq[nxt]:
            nxt += 1  # "“…,” presumably meaning …"
        if low in CLOSE_MARKS and k > start_tok and (s.low(k - 1) == "," or s.low(nxt) == ",") \
                and _participle(s, nxt + 1 if s.low(nxt) == "," else nxt):
            return s.toks[k].end  # "called it “a disgrace,” blaming …": the participle is not content
        if first_is_quote and low in CLOSE_MARKS and k > start_tok and s.low(k - 1) in (",", ".", "!", "?") \
                and (s.low(nxt) in SUBORDINATORS or s.low(nxt).endswith("ing")) and not _and_quote(s, nxt):
            return s.toks[k].end  # "says, “Don’t do it,” until the shots" — the quotation ends it
    return None


# Words that open a subordinate clause before its subject: "As the mayor announces that …, she …".
_SUBORDINATE_OPENERS = frozenset("as when while after before because although though since if once until unless "
                                 "which whom where whereas".split())


def subordinate_end(s: CueSentence, a: int, content: Span) -> Span | None:
    """The content of a cue in a subordinate clause ends with that clause: "As the mayor announces
    that she will run, her rivals …", "…, as he said it might, and the shares …"."""
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
        # "Her neighbours, who said it was fine, read it": a relative clause ends at its comma
        if relative or nxt in PRONOUNS or nxt in DETERMINERS or nxt in ("and", "but", "even", "so", "yet") \
                or s.is_cap(k + 1):
            return trim_content(s.text, content.start, t.end if quoted_comma else t.start)
    return content


def marked_content(s: CueSentence, i: int, cue_end: int, lemma: str, content: Span) -> bool:
    """Whether a cue that does not take a bare clause shows its content: "that", a quotation,
    or its own preposition (described … as, called for, accused … of)."""
    after = [s.low(k) for k in range(cue_end + 1, min(len(s), cue_end + MARKER_REACH))]
    if after[:1] == ["that"] or any(s.inq[k] for k in range(len(s)) if content.start <= s.toks[k].start < content.end):
        return True
    if lemma in _AS_VERBS and "as" in after[:AS_OR_THAT_REACH]:
        return True
    if lemma in _TO_VERBS and lemma in LISTENER_VERBS and "to" in after[:TO_REACH]:
        return True  # "urged residents to stay indoors": a request
    if lemma == "call" and (s.low(cue_end) in ("for", "on")):
        return True
    if lemma == "accuse" and "of" in after[:OF_REACH]:
        return True
    if lemma == "call" and after[:1] and after[0] in ("it", "them", "him", "her", "this", "that") and len(after) > 2:
        return True  # "calling it a violation of the rules"
    # "said on Thursday that …": "that" after a short adverbial
    return "that" in after[:AS_OR_THAT_REACH] and s.toks[next(k for k in range(cue_end + 1, len(s)) if s.low(k) == "that")].start <= content.start


CLAUSE_OPENERS = frozenset("""that whether if how why what when where who which there he she they we i it
you""".split())


def contracted_pronoun(word: str) -> bool:
    """A pronoun subject contracted with its auxiliary: "he’s", "they’re", "we've"."""
    for sep in ("’", "'"):
        head, _, tail = word.partition(sep)
        if tail and head in PRONOUNS and tail in ("s", "re", "ve", "ll", "d"):
            return True
    return False


def clause_starts(s: CueSentence, content: Span) -> bool:
    """Whether ``content`` opens like a clause: a complementizer, a question word, a pronoun
    subject (``he’s``, contracted with its auxiliary, too) or a quotation."""
    k = next((k for k in range(s.n) if s.toks[k].start >= content.start), None)
    if k is None:
        return False
    # "threatening last week it could walk away": a time phrase before the clause
    while k < s.n and (s.low(k) in TIME_WORDS or s.low(k) in ADVERBS
                       or s.low(k) in ("last", "this", "next", "week", "month", "year", "on", "earlier", "later")):
        k += 1
    # ("he’s going to …": a pronoun subject contracted with its auxiliary opens one too)
    return s.low(k) in CLAUSE_OPENERS or contracted_pronoun(s.low(k)) \
        or (k < s.n and (s.toks[k].text in OPEN_MARKS or s.inq[k]))


def continues_content(s: CueSentence, k: int) -> bool:
    """Whether the words at ``k``, after an attribution and its comma, go on with the statement it
    interrupted: a verb ("The test, the agency said, was its biggest"), a "that" ("so bad, he
    noted, that …"), a gerund subject ("…, she said, merging again would be …") or a wh-phrase
    ("a plan, she said, for how the town …")."""
    low = s.low(k)
    if not s.is_word(k) or s.is_cap(k) or s.inq[k]:
        return False
    if low in AUXILIARIES or low == "that":
        return True
    if low in ("and", "but"):
        # "Pryce “got immunity,” Okafor said, and still “sat in”": the quotation goes on
        return any(s.toks[x].text in OPEN_MARKS and s.inq[x + 1] for x in range(k + 1, min(s.n - 1, k + QUOTE_AFTER_AND_REACH)))
    if low in PREPOSITIONS:
        return s.low(k + 1) in ("how", "why", "what", "whether", "when", "where")
    if low.endswith("ing"):
        # a gerund subject has its verb before the next comma; a participle adjunct does not
        for x in range(k + 1, min(s.n, k + GERUND_VERB_REACH)):
            if s.low(x) in (",", ".", ";") and not s.inq[x]:
                return False
            if s.low(x) in AUXILIARIES:
                return True
        return False
    return False


def starts_new_attribution(s: CueSentence, k: int) -> bool:
    low = s.low(k)
    return low.endswith("ing") or bool(cue_kind(low)) or low in ("according", "who", "which", "and", "but", "referring")


def pre_content(s: CueSentence, i: int, cue_end: int, lemma: str, cues: dict[int, str]) -> Span | None:
    """The content after a cue: ``said (that) …``, ``told X that …``, ``described X as …``."""
    k = cue_end + 1
    if lemma in _AS_VERBS:
        k = _after_as_verb(s, k)
    elif lemma in LISTENER_VERBS:
        k = _after_listener(s, k, lemma)
        if k is None:
            return None
    else:
        k = _after_phrase(s, k, lemma)
    return _content_from(s, k, lemma, cues)


def _after_as_verb(s: CueSentence, k: int) -> int:
    """``described the plan as …``: the content starts after the "as" (when it is near)."""
    n = len(s)
    j = k
    while j < min(n, k + AS_REACH) and s.low(j) != "as":
        j += 1
    if s.low(j) == "as":
        k = j + 1
    return k


def _after_listener(s: CueSentence, k: int, lemma: str) -> int | None:
    """``told the BBC on Thursday that …``, ``told reporters the plan …``: where the content
    starts past the listener, or None when a participle after it is the content's own cue."""
    n = len(s)
    j = k
    while j < min(n, k + LISTENER_REACH) and s.low(j) not in ("that", ",", ".") and not s.inq[j] and s.low(j) not in OPEN_MARKS:
        j += 1
    if s.low(j) == ",":
        # "telling customers at a diner in Manchester, New Hampshire, that …"
        m = j
        while m < min(n, k + LISTENER_COMMA_REACH) and s.low(m) not in ("that", ".") and not s.inq[m] \
                and s.toks[m].text not in OPEN_MARKS and not cue_kind(s.low(m)):
            m += 1
        if s.low(m) == "that":
            j = m
    if s.low(j) == "that":
        k = j
    elif s.low(j) == "," and j + 1 < n and s.toks[j + 1].text in OPEN_MARKS:
        k = j + 1  # "told SiriusXM host Matt Boyle, “…”"
    elif j < n and s.toks[j].text in OPEN_MARKS and s.low(j - 1) == ":" and j - 1 - k <= LISTENER_BEFORE_COLON \
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
        if k > first and s.low(k) in PREPOSITIONS and s.low(k) != "to":
            # "told his supporters at a rally in Ohio to …": where the listener was, then the request
            m = k + 1
            while m < min(n, k + LISTENER_PLACE_REACH) and s.is_word(m) and not s.inq[m] and s.low(m) != "to" \
                    and s.low(m) not in AUXILIARIES and not cue_kind(s.low(m)):
                m += 1
            if s.low(m) == "to" and not s.inq[m]:
                k = m
        if s.low(k) == "to" and k > first:
            k = first  # "urged voters to …", "asked him to …": who is to act is part of the request
        elif s.low(k) == "to":
            k += 1
        elif s.low(k).endswith("ing") and lemma_of(s.low(k)) in CLAUSE_VERBS:
            return None  # "emailed supporters saying …": the participle is the cue of the content
    return k


def _set_off(s: CueSentence, o: int) -> bool:
    """Whether the quotation that opens at token ``o`` is set off by dashes on both sides
    ("… of her harbour crew - “the finest on the coast” - and …"): an aside that is the
    statement, not the start of a new sentence's quotation."""
    c = closing(s, o)
    return c is not None and c + 1 < s.n and s.toks[c + 1].text in DASHES


def _after_phrase(s: CueSentence, k: int, lemma: str) -> int:
    """``said on Thursday that …``, ``said during the debate, “…”``: where the content starts
    past a phrase of time, place or channel after the cue."""
    n = len(s)
    # "said during the debate last week, “…”", "says of her rival: “…”": a phrase, then the quote
    j = k
    while j < min(n, k + PHRASE_BEFORE_QUOTE) and not s.inq[j] and s.toks[j].text not in OPEN_MARKS \
            and s.low(j) not in ("that", ".", ";") and s.low(j) not in AUXILIARIES and not cue_kind(s.low(j)):
        j += 1
    if j > k and j + 1 < n and (s.low(j - 1) in (",", ":") or s.toks[j - 1].text in DASHES and _set_off(s, j)) \
            and s.toks[j].text in OPEN_MARKS:
        k = j  # ("bragged to the press of her harbour crew - “the finest on the coast” -" too)
    # time and place adverbials right after the cue: "said on Thursday that …"
    j = k
    while j < min(n, k + ADVERBIAL_REACH) and s.low(j) != "that" and not s.inq[j] and s.low(j) not in (",", ".") \
            and (s.low(j) in PREPOSITIONS or s.low(j) in TIME_WORDS or s.is_cap(j) or s.low(j) in DETERMINERS
                 or s.low(j).isdigit() or s.low(j) in ("‘", "’", "'")
                 or s.low(j) in ("interview", "statement", "week", "last", "earlier", "later", "news", "conference",
                                 "time", "times")):
        j += 1
    if s.low(j) == "that" and j > k:
        k = j
    elif j > k and s.low(j) in PERSONAL_SUBJECTS and (s.low(j - 1) in TIME_WORDS or s.low(j - 1).isdigit()):
        k = j  # "said on Thursday he …": the content opens on its subject, "that" left out
    elif s.low(k) in PREPOSITIONS or s.low(k) in TIME_WORDS:
        # a longer adverbial: "said in a radio interview recorded before the vote that …",
        # "wrote in an email to the paper that …", "said Sunday in Madison, Wisconsin, that …",
        # "said on ABC’s “This Week” that …" (a title in marks after a possessive)
        j = k
        while j < min(n, k + LONG_ADVERBIAL_REACH) and s.low(j) != "that" and s.low(j) not in (".", ";", ":") \
                and s.low(j) not in AUXILIARIES and s.low(j) not in PRONOUNS \
                and not (cue_kind(s.low(j)) and s.low(j) not in NOUNISH) \
                and (not s.inq[j] and s.toks[j].text not in OPEN_MARKS or _title_in_marks(s, j)):
            j += 1
        before = j - 1 if s.low(j - 1) != "," else j - 2
        # a name, a title or a time before "that"; after a common noun ("accusations that",
        # "a provision that") "that" opens the noun's own clause, not the content
        # ("said of the scandal that …": what a statement is about, then its content)
        if s.low(j) == "that" and not s.inq[j] and lemma in CLAUSE_VERBS \
                and (s.low(k) == "of" or s.is_cap(before) or s.toks[before].text in CLOSE_MARKS or s.low(before) in TIME_WORDS
                     or s.low(before).isdigit() or s.low(before) in _CHANNELS):
            k = j  # "said on its website that …", "said in the letter that …", "said via email that …"
        else:
            k = _after_channel_comma(s, k)
    return k


def _after_channel_comma(s: CueSentence, k: int) -> int:
    """``argued in his email, the incident is …``, ``said on Sunday, it was …``: a phrase of
    channel or time closed by a comma, then a clause with "that" left out. The clause must open
    on a determiner or a personal pronoun: after "said in Madison, Wisconsin, …" a capital goes
    on with the place, and after "said in a statement, adding …" a cue opens a clause of its own.
    Returns ``k`` unchanged when the words after the cue are not such a phrase."""
    n = len(s)
    c = k
    while c < min(n, k + LONG_ADVERBIAL_REACH) and s.is_word(c) and not s.inq[c] and s.low(c) != "that" \
            and s.low(c) not in AUXILIARIES and not cue_kind(s.low(c)):
        c += 1
    if c - k < 2 or c + 2 >= n or s.low(c) != ",":
        return k
    last, nxt = s.low(c - 1), s.low(c + 1)
    if s.low(k) not in _CHANNEL_PREPOSITIONS \
            or not (last in _CHANNELS or last in TIME_WORDS or last.isdigit() or s.is_cap(c - 1)):
        return k  # "ruled for Roe, the board said …": whom for is no channel
    if not (nxt in DETERMINERS - {"that"} or nxt in PERSONAL_SUBJECTS) or starts_new_attribution(s, c + 1) \
            or any(cue_kind(s.low(x)) for x in range(c + 2, min(n, c + 5))):
        return k  # "…, the board said": the clause is another attribution
    return c + 1


# prepositions that open where or when something was said: "in his email", "on Sunday", "via text"
_CHANNEL_PREPOSITIONS = frozenset("in on via during at over after before".split())


def _content_from(s: CueSentence, k: int, lemma: str, cues: dict[int, str]) -> Span | None:
    """The content from token ``k`` (past the listener or adverbial) to its end, or None when
    what follows reports no statement ("responded by …", "said nothing", "said this week,")."""
    n = len(s)
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
        j = next((x for x in range(k + 1, min(n, k + 1 + RECIPIENT_REACH)) if s.low(x) == "that" and not s.inq[x]), None)
        if j is None or any(s.low(x) in AUXILIARIES or cue_kind(s.low(x)) for x in range(k + 1, j)):
            return None
        k = j
    j = k
    while j < n and (s.low(j).endswith("ly") and s.is_word(j) and not s.is_cap(j) or s.low(j) in ADVERBS):
        j += 1
    if j > k and (j >= n or s.low(j) in PREPOSITIONS - {"that", "to"} or s.low(j) in ".,;!?") \
            and not any(s.low(x) == "that" for x in range(j, min(n, j + MANNER_THAT_REACH))):
        return None  # "testified voluntarily in 1998": how, not what
    if s.low(k) in _NO_CONTENT and (k + 1 >= n or s.low(k + 1) in ".,;!?") \
            and not (s.low(k) == "that" and s.low(k + 1) == "," and k + 2 < n):
        return None  # "said nothing", "said so" — but "tweeted that, “…”" has content
    j = k
    while j < n and (s.low(j) in TIME_WORDS or s.low(j) in ("this", "last", "next", "week", "month", "year")):
        j += 1
    if j > k and s.low(j) == "," and j + 2 < n and not starts_new_attribution(s, j + 1):
        k = j + 1  # "You said yesterday, the middle class is …"
    elif j > k and (j >= n or s.low(j) in ".,;!?"):
        return None  # "what he said this week, …": a time, not a statement
    end = end_of_content(s, k, cues)
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
