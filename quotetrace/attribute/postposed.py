"""Attributions that follow their content: ``…, the agency said.`` and ``“…,” said the senator.``
(``post``, ``post-inverted``), with the parenthetical forms ``The museum, he said, would …``."""

from __future__ import annotations

from . import Candidate
from ..text.words import (
    ADVERBS,
    AUXILIARIES,
    DETERMINERS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    PRONOUNS,
    SUBORDINATORS,
    TIME_WORDS,
    TITLES,
    cue_kind,
    only_when,
)
from ..text.lexicon import CLAUSE_VERBS, NOUNISH, QUOTE_ONLY, SPEECH_FORMS
from .mentions import (
    DESCRIPTION_OPENERS,
    left_np,
    np_ok,
    opens_verb,
    right_np,
    through_descriptions,
    with_description_before,
)
from .frame import Cue, Frame, Reading, Rule
from ..text.quotemarks import QUOTATION_MARKS
from .sentence import CLOSE_MARKS, CueSentence, OPEN_MARKS, opens_quotation, span_of, titled, tokens_of, trim_content
from .content import (
    CLAUSE_OPENERS,
    LISTENER_VERBS,
    TAIL_WORDS,
    continues_content,
    end_of_content,
    starts_new_attribution,
)


POST = Rule("post", 0.95)
POST_INVERTED = Rule("post-inverted", 0.95)


# Prepositions that open a sentence's time or concession phrase: "Since then, Germany has responded …".
_OPENING_PREPOSITIONS = frozenset("since until despite amid following throughout like unlike".split())


_POSSESSIVE_DETERMINERS = frozenset("his her their its our my your".split())
#: conjunctions that may open a sentence before its quotation ("And “…,” she sighed")
_OPENING_CONJUNCTIONS = frozenset(("and", "but", "so", "yet"))
#: adverbs that open a phrase of when ("Later in the show, …")
_LATER = frozenset(("later", "earlier"))


# Sentence adverbs that open a clause: before "X said" they are not what X said.
_OPENING_WORDS = frozenset("""still however meanwhile yet so now then instead but and also indeed moreover
separately earlier later again finally first second third lastly similarly likewise ultimately overall
otherwise nonetheless nevertheless besides further furthermore thus hence""".split())


def _tail_is_adverbial(s: CueSentence, i: int, lemma: str | None, after_quote: bool = False) -> tuple[bool, int]:
    """Whether what follows token ``i`` to the end (or to a comma) is only place, time, manner or
    a listener, so that the attribution ends the sentence. Returns (answer, index where the
    attribution stops)."""
    k = i + 1
    n = len(s)
    if lemma in LISTENER_VERBS:
        # "told reporters", "told Radio Nord", "told the Associated Press"
        while k < n and (s.is_cap(k) or s.low(k) in DETERMINERS or s.low(k) in OBJECT_PRONOUNS
                         or s.low(k) in ("reporters", "journalists", "supporters", "crowd", "audience",
                                          "listeners", "viewers", "host", "interviewer", "’s", "'s")):
            k += 1
    in_phrase = False  # inside a prepositional phrase or an appositive, any noun may follow
    if k < n and (s.low(k) in CLAUSE_OPENERS - {"it", "there"} or s.toks[k].text in OPEN_MARKS):
        return False, k  # "asked the mayor how she would …": the cue's own content follows
    if k == i + 1 and lemma not in LISTENER_VERBS and s.is_cap(k) and s.low(k) not in TIME_WORDS:
        return False, k  # "accused the mayor of …": an object, so the cue is not an afterthought
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
            if continues_content(s, k + 1):
                return True, k  # "The archive, the curator said, would show …": the attribution interrupts
            if s.is_cap(k + 1) or nxt in DETERMINERS or nxt in TITLES or nxt in DESCRIPTION_OPENERS:
                # ", R-Texas" / ", a Democrat" / ", one of the organizers"
                in_phrase = True
                k += 1
                continue
            return False, k
        if low in PREPOSITIONS or low in TIME_WORDS or low in ADVERBS or low in TAIL_WORDS \
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
            return True, k  # "“…,” she said and left.", "… Ortiz said as the heckler yelled"
        return False, k
    return True, k


def _only_titles(s: CueSentence, end: int) -> bool:
    """Whether every passage in marks before token ``end`` is a title (a show, a book)."""
    o = 0
    while o < end:
        if opens_quotation(s, o):
            c = o + 1
            while c < s.n and s.inq[c]:
                c += 1  # (to the end of the marks, closed or not)
            if not titled(s, o, c):
                return False
            o = c
        o += 1
    return True


def post(s: CueSentence, i: int, cue_end: int, lemma: str, cues: dict[int, str]) -> Candidate | None:
    """``…, X said.`` and ``…, said X.``: content before, attribution after a comma or a quote."""
    text = s.text
    # normal order: ", X said." / "” X said"
    np = left_np(s, i)
    if np is None:
        return _inverted(s, i, cue_end, lemma)
    np = (with_description_before(s, np[0]), np[1])
    a = np[0]
    if s.low(a - 1) == "as" and a >= 3 and not s.inq[a - 2] and s.low(i) in SPEECH_FORMS \
            and (s.toks[a - 2].text in CLOSE_MARKS or s.low(a - 2) == "," and s.toks[a - 3].text in CLOSE_MARKS):
        # "The plan is “a mess,” as Jane Doe said.": after a quotation, "as" and a speech verb
        # attribute it (but "…,” she said, as the hall cheered" is when, not who); after
        # another cue of the sentence the quotation may be the words of either
        if any(k < a - 1 for k in cues if k != i):
            return None
        a -= 1
    before = s.low(a - 1)
    if before == ":" and s.first_quoted >= a:
        return None  # "The Latest: Ortiz urges …": a heading before a colon is not what was said
    if a <= 1 and s.low(i - 1) == "," and not s.inq[i - 1] and s.toks[0].text not in OPEN_MARKS:
        comma = next((x for x in range(a, i) if s.low(x) == ","), i)
        if np_ok(s, a, comma - 1) and (s.is_cap(a) or s.low(a) in DETERMINERS):
            return None  # "Ortiz, a lawyer, argued his case …": the mention is the subject, not content
    if not ((before in CLOSE_MARKS or before in (",", "—", "–", ":")) and not s.inq[a - 1]) or a - 1 <= 0:
        return _inverted(s, i, cue_end, lemma)
    if lemma in QUOTE_ONLY and (s.first_quoted >= a or any(
            s.is_word(x) and not s.inq[x] and s.low(x) not in _OPENING_CONJUNCTIONS for x in range(s.first_quoted))):
        # "As crowds gathered, Ortiz talked about …"; "After a host's remark about “Dune,” Ortiz
        # reacted with a letter": these verbs report a quotation, not a clause that holds a title
        return _inverted(s, i, cue_end, lemma)
    if s.low(cue_end + 1) in (",", ":") and s.toks[cue_end + 2].text in OPEN_MARKS if cue_end + 2 < s.n else False:
        return None  # "Praising his “patience,” Moreau said, “…”": the quotation after the cue is the content
    nxt = s.low(cue_end + 2)
    if before == "," and s.low(cue_end + 1) == "," and _incomplete_head(s, a - 1) and s.is_word(cue_end + 2) \
            and not (nxt.endswith("ing") or nxt in ("according", "who", "which", "and", "but", "referring")):
        # "Too often, Ms. Halvorsen said, owners walk away", "It was, he said, a bridge …": the
        # attribution interrupts one statement, whose second half follows it
        head = trim_content(s.text, s.span.start, s.toks[a - 2].end)
        tail = trim_content(s.text, s.toks[cue_end + 1].end, end_of_content(s, cue_end + 2, cues))
        if head and tail:
            return Candidate(cue=span_of(s, i, cue_end), content=(head, tail), speaker=span_of(s, *np), rule=POST)
    ok, stop = _tail_is_adverbial(s, cue_end, lemma, after_quote=before in CLOSE_MARKS or s.low(a - 2) in CLOSE_MARKS)
    if not ok:
        return _inverted(s, i, cue_end, lemma)
    boundary = a - 1
    content_end = s.toks[boundary - 1].end if s.low(boundary) == "," else s.toks[boundary].end
    if s.low(boundary) == "," and s.low(boundary - 1) in CLOSE_MARKS:
        content_end = s.toks[boundary - 1].end
    first = 1 if s.low(0) in _OPENING_CONJUNCTIONS else 0
    if before in ("—", "–") and all(s.toks[x].text.isupper() or not s.is_word(x) for x in range(boundary)):
        return None  # "WASHINGTON (AP) — Ortiz argued …": a dateline, not content
    if s.low(first) in PREPOSITIONS - {"that"} or s.low(first) in _OPENING_PREPOSITIONS \
            or s.low(first) in _LATER or (s.low(first).endswith("ing") and s.is_word(first)):
        if s.first_quoted >= boundary or _only_titles(s, boundary):
            # "Kicking off the day in Salem, Ruiz accused …", "And in that speech, Ortiz
            # chimed in, …", "On ABC’s “This Week,” Ortiz said …": an opening phrase, not what
            # was said
            return _inverted(s, i, cue_end, lemma)
    content_start = s.span.start
    q_end = boundary - 1 if s.low(boundary) == "," else boundary
    if s.toks[q_end].text in CLOSE_MARKS or (q_end > 0 and s.toks[q_end - 1].text in CLOSE_MARKS):
        # "… scolded him: “…,” she said.": the quotation after the colon is the content; so is
        # one that opens a bracket ("… of conquest (“…,” Doe wrote last week) and …")
        # (back over the closing marks, then the quoted words: a straight mark closes and opens)
        o = q_end if s.toks[q_end].text in CLOSE_MARKS else q_end - 1
        while o > 0 and not s.inq[o] and s.toks[o].text in CLOSE_MARKS:
            o -= 1
        while o > 0 and s.inq[o]:
            o -= 1
        if s.toks[o].text in OPEN_MARKS and o > 0 and s.low(o - 1) in (":", ",", "("):
            content_start = s.toks[o].start
    pieces = []
    head = trim_content(text, content_start, content_end)
    if head and not all(w.lower() in _OPENING_WORDS for w in head.of(text).split()) \
            and not only_when(head.of(text)):
        # "Still, the paper reported …", "Last month, the board said …": an opening adverb or a
        # time is not content
        pieces.append(head)
    if stop == cue_end + 1 and s.low(stop) == "," and not starts_new_attribution(s, stop + 1) \
            and s.low(stop + 1) not in PREPOSITIONS and s.low(stop + 1) not in SUBORDINATORS \
            and not s.low(stop + 1).endswith("ing") or s.low(stop) == "," and continues_content(s, stop + 1):
        # a parenthetical "The economy, he said, is strong" continues after the attribution
        tail = trim_content(text, s.toks[stop].end, end_of_content(s, stop + 1, cues))
        if tail:
            pieces.append(tail)
    if pieces == [head] and _opening_clause(head.of(text)):
        # "When talk turned to the deal, Roe declared …": a clause of when alone is not content
        # (but "Though it was easy, she said, merging again …" goes on after the attribution)
        pieces = []
    if not pieces:
        return _inverted(s, i, cue_end, lemma)
    return Candidate(cue=span_of(s, i, cue_end), content=tuple(pieces), speaker=span_of(s, *np), rule=POST)


#: conjunctions that open a clause of time, condition or cause before the sentence's subject
_CLAUSE_OF_WHEN = frozenset("""when while after before once as if unless because although though since until
whenever""".split())


#: the most words of a phrase or clause of when that opens a sentence before its subject
_SHORT_CLAUSE = 8


def _opening_clause(head: str) -> bool:
    """Whether the words before the attribution are one subordinate clause ("When talk turned to
    the deal"): with no comma inside, there is no main clause to be the statement ("If we lose,
    we lose" has one)."""
    last = head[head.rfind(",") + 1:].split(None, 1)
    # ("“Because I said so”, Roe said": a quotation is content, whatever its first word; the
    # cheap test first, as the head of every cue of a long sentence comes here)
    if not last or last[0].lower() not in _CLAUSE_OF_WHEN or any(ch in QUOTATION_MARKS for ch in head):
        return False
    parts = [p.split() for p in head.split(",")]
    if not all(parts):
        return False
    if len(parts) == 1:
        return True
    # "Later in the show, after the interview ended": short phrases of when or where before a
    # short clause are no main clause either (a dash may hide one: "though it may be good --
    # after all -- the case is weak")
    return len(parts[-1]) <= _SHORT_CLAUSE and "--" not in head and not any(ch in "—–―" for ch in head) \
        and all(len(p) <= _SHORT_CLAUSE and (p[0].lower() in _CLAUSE_OF_WHEN or p[0].lower() in PREPOSITIONS
                                             or p[0].lower() in _LATER or only_when(" ".join(p))) for p in parts[:-1])


def _resumes(s: CueSentence, comma: int) -> int | None:
    """Where an interrupted statement resumes after an inverted attribution's speaker: the verb
    right after the comma at ``comma`` (", says Doe, is …"), or after one description set off by
    commas (", says Doe, a historian, is …"); None when something else follows."""
    if s.low(comma) != ",":
        return None
    if opens_verb(s, comma + 1):
        return comma + 1
    end = next((k for k in range(comma + 1, min(s.n, comma + 14)) if s.low(k) == "," or s.inq[k]), None)
    if end is None or s.low(end) != "," or s.low(comma + 1) in ("which", "and", "but"):
        return None
    return end + 1 if opens_verb(s, end + 1) else None


#: the longest noun phrase an inverted attribution interrupts ("The paradox of the mayor, says
#: Tom Vale, is that …"): the cue after its comma says the phrase is not a statement of its own
_LONGEST_HEAD = 8


def _incomplete_head(s: CueSentence, comma: int, longest: int = 4) -> bool:
    """Whether the words before an attribution's comma (from the sentence start) cannot be a
    statement by themselves: a short phrase of ``longest`` words at most ("Too often", "The
    museum", "Back in Virginia") or a clause cut after its verb ("It was")."""
    words = [k for k in range(0, comma) if s.is_word(k)]
    if not words or s.first_quoted < comma:
        return False
    if s.low(comma - 1) in AUXILIARIES:
        return True
    has_verb = any(s.low(k) in AUXILIARIES or cue_kind(s.low(k)) and s.low(k) not in NOUNISH for k in words)
    return len(words) <= longest and not has_verb


def _inverted(s: CueSentence, i: int, cue_end: int, lemma: str) -> Candidate | None:
    """``…,” said the senator.``: the speaker after the cue."""
    text = s.text
    j = s.before_adverbs(i)
    if (s.low(j) == "," or s.low(j) in CLOSE_MARKS) and not s.inq[j] and lemma in CLAUSE_VERBS \
            and not s.low(i).endswith("ing"):  # "…, telling supporters that …" is carried, not inverted
        np = right_np(s, cue_end + 1)
        if np and s.low(np[0]) in PRONOUNS and s.is_word(np[0] + 1):
            np = None  # "…, said she wanted change": the pronoun opens the content
        if np and s.low(np[0]) in _POSSESSIVE_DETERMINERS:
            np = None  # "…, argued his case …": an object, not a speaker after the cue
        if np and np[0] == np[1] and s.low(np[0]) in TIME_WORDS:
            np = None  # "The deal, announced Friday, …": when, not who
        if np:
            np = (np[0], through_descriptions(s, np[1]))
            ok, stop = _tail_is_adverbial(s, np[1], None)
            boundary = j
            resumes = _resumes(s, np[1] + 1)
            if s.low(boundary) == "," and resumes is not None and _incomplete_head(s, boundary, _LONGEST_HEAD):
                # "The paradox of the mayor, says Tom Vale, a historian, is that …": the inverted
                # attribution interrupts one statement, whose second half follows it
                head = trim_content(text, s.span.start, s.toks[boundary - 1].end)
                tail = trim_content(text, s.toks[resumes - 1].end, end_of_content(s, resumes, {}))
                if head and tail:
                    return Candidate(cue=span_of(s, i, cue_end), content=(head, tail),
                                     speaker=span_of(s, *np), rule=POST_INVERTED)
            content_end_tok = boundary - 1 if s.low(boundary) == "," else boundary
            if ok and content_end_tok >= 0:
                content = trim_content(text, s.span.start, s.toks[content_end_tok].end)
                if content:
                    return Candidate(cue=span_of(s, i, cue_end), content=(content,),
                                     speaker=span_of(s, *np), rule=POST_INVERTED)
    return None


def post_frame(s: CueSentence, cue: Cue, reading: Reading) -> Candidate | None:
    """The ``post`` frame at a cue: its speaker is the one a later ``…, saying …`` carries."""
    cand = post(s, cue.i, cue.end, cue.lemma, reading.cues)
    if cand is not None and any(c.rule.name == "carried" and c.cue is not None and c.cue.start == s.toks[0].start
                                and c.content and cand.content[0].start <= c.content[0].start < cand.content[-1].end
                                for c in reading.found):
        return None  # "Calling the plan “a disaster,” Doe urged …": the opening clause is read already
    if cand is not None:
        reading.spoke(tokens_of(s, cand.speaker))
        if len(cand.content) == 2:
            # "The archive, the curator said, tells the story …": the interrupted clause's verb is no cue
            reading.skip.update(k for k in reading.cues if s.toks[k].start == cand.content[1].start)
    return cand


POST_FRAME = Frame("post", "cue", (POST, POST_INVERTED), post_frame)
