"""Edits of a passage's words: excerpts, alterations, expansions with the narrator's words,
paraphrases without the marks."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from quotetrace.model import Quote
from .knobs import CLOSE_MARKS, OPEN_MARKS
from .words import is_content, norm, STOPWORDS, WORD_RE, word_tokens, words_of
from .bases import Base, followed_by_dependent, Passage



@dataclass
class Block:
    """One paragraph of a derived article: a base paragraph (with splices), or new text."""

    base: Base | None
    para: int = -1
    text: str = ""
    splices: list[Splice] = field(default_factory=list)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Splice:
    """Replace ``base.text[start:end]`` with ``text``; ``spans`` name offsets inside ``text``."""

    start: int
    end: int
    text: str
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)


@dataclass
class Edit:
    kind: str
    para: int
    splices: list[Splice]
    passages: set[str]                 # passage keys this edit changes (not carried unchanged)
    quotes: set[int]
    new: list[dict]                    # occurrences it creates, each with a "tag" naming a span
    relabel: dict[str, dict] = field(default_factory=dict)  # carried passages with another relation
    reported: str | None = None        # the reported clause it promotes
    region: tuple[int, int] = (0, 0)
    block: Block | None = None         # the new paragraph of an invented quote


def _tokens(base: Base, p: Passage) -> list[tuple[int, int, str]]:
    return word_tokens(base.text, p.start, p.end)


def _tail(text: str, p: Passage, last_end: int) -> str:
    """The punctuation a passage ends with inside its marks (``,`` of ``“…,” she said``)."""
    tail = text[last_end:p.end]
    return tail if not any(c.isalnum() for c in tail) else ""


def edit_excerpt(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    toks = _tokens(base, p)
    n = len(toks)
    if n < 6:
        return None
    length = rng.randint(3, max(3, int(0.7 * n)))
    # "…let's take out the." is no one's excerpt: the run ends on a content word
    starts = [i for i in range(n - length + 1) if is_content(toks[i + length - 1][2])]
    if not starts:
        return None
    i = rng.choice(starts)
    text = base.text
    inner = text[toks[i][0]:toks[i + length - 1][1]] + _tail(text, p, toks[-1][1])
    if i and text[p.start].isupper():
        inner = inner[0].upper() + inner[1:]
    tag = f"{p.key}:excerpt"
    return Edit("excerpt", p.para, [Splice(p.start, p.end, inner, {tag: (0, len(inner))})], {p.key},
                {p.quote}, [_occ(tag, "excerpt", p, f"cut to words {i + 1}-{i + length} of {n}")],
                region=(p.start, p.end))


#: Real words an altered quote takes in place of one of its own, by the shape of the word replaced.
SUBSTITUTES = {
    "ing": "building fighting winning helping running moving working making losing changing saving "
           "hurting leading paying".split(),
    "ed": "handled changed decided promised delivered blocked approved rejected ignored supported "
          "created destroyed wanted needed".split(),
    "ly": "clearly really simply certainly truly frankly honestly totally deeply openly".split(),
    "s": "voters leaders families workers problems policies results promises taxes jobs rules "
         "markets borders schools numbers reforms".split(),
    "": "country plan deal people system party economy campaign government problem issue future "
        "record message strong weak great terrible important serious unfair dangerous simple "
        "difficult good bad huge small wrong right".split(),
}
#: Words an altered quote gains in the middle.
INSERTS = "really very clearly simply certainly truly just absolutely totally frankly".split()


#: Near-synonyms for words quotes often hold: the kind of change a hurried rewrite makes.
SYNONYMS = {
    "good": "great", "great": "good", "big": "huge", "huge": "big", "important": "crucial",
    "well": "much", "bad": "terrible", "terrible": "awful", "people": "folks", "country": "nation",
    "nation": "country", "want": "need", "need": "want", "think": "believe", "believe": "think",
    "know": "think", "help": "support", "support": "help", "fight": "battle", "win": "prevail",
    "strong": "tough", "tough": "strong", "real": "true", "true": "real", "clear": "obvious",
    "problem": "issue", "issue": "problem", "wrong": "mistaken", "change": "reform", "plan": "proposal",
    "deal": "agreement", "job": "work", "jobs": "positions", "money": "cash", "war": "conflict",
    "said": "stated", "going": "about", "make": "create", "made": "created", "get": "obtain",
    "president": "leader", "campaign": "race", "election": "vote", "voters": "people",
    "americans": "citizens", "states": "nations", "government": "administration",
}


def _substitute(word: str, rng: random.Random) -> str:
    low = word.lower()
    if low in SYNONYMS:
        return _same_case(word, SYNONYMS[low])
    shape = next((k for k in ("ing", "ed", "ly") if low.endswith(k)), "")
    if not shape and low.endswith("s") and not low.endswith("ss"):
        shape = "s"
    return _same_case(word, rng.choice([w for w in SUBSTITUTES[shape] if w != low]))


def _same_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word.capitalize() if model[0].isupper() else word


def edit_altered(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    toks = _tokens(base, p)
    n = len(toks)
    if n < 4:
        return None
    text = base.text
    inner_ids = [j for j in range(1, n - 1) if is_content(toks[j][2]) and toks[j][2].isalpha()]
    deletable = [j for j in range(1, n - 1) if text[toks[j][1]:toks[j + 1][0]] == " "]
    ops = ["insert"] + (["substitute"] * 2 if inner_ids else []) + (["delete"] if n >= 5 and deletable else [])
    op = rng.choice(ops)
    pieces: list[tuple[int, int, str]] = []  # (start, end, replacement) in base offsets
    if op == "substitute":
        picked = sorted(rng.sample(inner_ids, 2 if len(inner_ids) >= 2 and rng.random() < 0.35 else 1))
        subs = [(toks[j][0], toks[j][1], _substitute(text[toks[j][0]:toks[j][1]], rng)) for j in picked]
        pieces = subs
        what = "; ".join(f"substituted {text[s:e]!r} with {w!r}" for s, e, w in subs)
    elif op == "insert":
        j = rng.randint(1, n - 1)
        word = rng.choice(INSERTS)
        pieces = [(toks[j][0], toks[j][0], word + " ")]
        what = f"inserted {word!r} before word {j + 1} of {n}"
    else:
        j = rng.choice(deletable)
        pieces = [(toks[j][0], toks[j + 1][0], "")]
        what = f"deleted {text[toks[j][0]:toks[j][1]]!r} (word {j + 1} of {n})"
    inner, cur = [], p.start
    for s, e, w in pieces:
        inner += [text[cur:s], w]
        cur = e
    inner.append(text[cur:p.end])
    new = "".join(inner)
    if words_of(new) == p.words:
        return None  # a substitute that only changed case
    tag = f"{p.key}:altered"
    return Edit("altered", p.para, [Splice(p.start, p.end, new, {tag: (0, len(new))})], {p.key},
                {p.quote}, [_occ(tag, "altered", p, what)], region=(p.start, p.end))


def _free_word(base: Base, s: int, e: int) -> bool:
    """A narrator's word: not the speaker, not the cue, not inside another passage."""
    if not any(c.isalpha() for c in base.text[s:e]):
        return False
    return not any(a < e and s < b for a, b in base.protected) and \
        not any(a < e and s < b for a, b in base.quoted)


def outside_words(base: Base, p: Passage) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Up to three narrator words just before the opening mark and just after the closing one,
    in the same clause (single spaces only between them), nearest first."""
    text = base.text
    ps, pe = base.paras[p.para]
    before: list[tuple[int, int]] = []
    if p.start - 1 > ps and text[p.start - 1] in OPEN_MARKS:
        pos = p.start - 1
        while len(before) < 3 and pos - 1 > ps and text[pos - 1] == " ":
            m = re.search(r"[\w'’-]+\Z", text[ps:pos - 1])
            if not m:
                break
            s, e = ps + m.start(), pos - 1
            if not _free_word(base, s, e):
                break
            before.append((s, e))
            pos = s
    after: list[tuple[int, int]] = []
    if p.end < pe and text[p.end] in CLOSE_MARKS and text[p.end - 1].isalnum():
        pos = p.end + 1
        while len(after) < 3 and pos < pe and text[pos] == " ":
            m = re.match(r"[\w'’-]+", text[pos + 1:pe])
            if not m:
                break
            s, e = pos + 1, pos + 1 + m.end()
            if not _free_word(base, s, e):
                break
            after.append((s, e))
            pos = e
    return before, after


def edit_expanded(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    before, after = outside_words(base, p)
    sides = (["before"] if before else []) + (["after"] if after else [])
    if not sides:
        return None
    text = base.text
    tag = f"{p.key}:expanded"
    if rng.choice(sides) == "before":
        k = rng.randint(1, len(before))
        s = before[k - 1][0]
        moved = text[s:p.start - 2]
        new = text[p.start - 1] + text[s:p.start - 1] + text[p.start:p.end]
        sp = Splice(s, p.end, new, {tag: (1, len(new))})
        what = f"moved {moved!r} inside the opening mark"
    else:
        k = rng.randint(1, len(after))
        e = after[k - 1][1]
        moved = text[p.end + 2:e]
        new = text[p.start:p.end] + text[p.end + 1:e] + text[p.end]
        sp = Splice(p.start, e, new, {tag: (0, len(new) - 1)})
        what = f"moved {moved!r} inside the closing mark"
    return Edit("expanded", p.para, [sp], {p.key}, {p.quote}, [_occ(tag, "expanded", p, what)],
                region=(sp.start, sp.end))


def _lower_first(words: str) -> str:
    """``We will`` → ``we will`` when the first word is a function word (never ``I``)."""
    first = WORD_RE.match(words)
    if first and norm(first.group()) in STOPWORDS and not first.group().startswith("I"):
        return words[0].lower() + words[1:]
    return words


def edit_paraphrase(base: Base, p: Passage, rng: random.Random) -> Edit | None:
    """Drop the marks, the words kept: ``Smith said the plan was a disaster``."""
    if len(p.words) < 6:
        return None
    q, text = base.quotes[p.quote], base.text
    tag = f"{p.key}:paraphrase"
    if text[p.start - 1] not in OPEN_MARKS or p.end >= len(text) or text[p.end] not in CLOSE_MARKS:
        return None
    if q.kind == "mixed":
        new = text[p.start:p.end]
        sp = Splice(p.start - 1, p.end + 1, new, {tag: (0, len(new))})
        what = "dropped the marks"
    elif q.kind == "direct" and len(q.quoted) == 1 and q.speaker and q.cue:
        if re.search(r"[.!?][\"”’)]*\s+\S", text[p.start:p.end]):
            return None  # "Henry said I know. I know." reads as nobody's report
        sp = _said_first(base, q, p, tag) or _said_before(base, q, p, tag)
        if sp is None:
            return None
        what = "dropped the marks; reported as 'X said …'"
    else:
        return None
    if any(o.quote != p.quote and sp.start < o.end and o.start < sp.end for o in base.passages):
        return None
    if q.speaker and (followed_by_dependent(base, q.speaker.start, q.speaker.name, same=True)
                      or _shares_mention(base, p.quote)):
        return None  # a quote become reported speech may stop lending "he said" its speaker
    return Edit("paraphrase", p.para, [sp], {p.key}, {p.quote}, [_occ(tag, "paraphrase", p, what)],
                region=(sp.start, sp.end))


def _shares_mention(base: Base, qi: int) -> bool:
    """Whether another quote hangs on this quote's attribution (the paragraphs of a long quotation
    after ``Viguerie said``)."""
    spk = base.quotes[qi].speaker
    return any(i != qi and o.speaker and (o.speaker.start, o.speaker.end) == (spk.start, spk.end)
               for i, o in enumerate(base.quotes))


def _said_first(base: Base, q: Quote, p: Passage, tag: str) -> Splice | None:
    """``“We will win,” Smith said on Tuesday.`` → ``Smith said we will win.``"""
    text = base.text
    ps, pe = base.paras[p.para]
    lead = text[ps:p.start - 1].rstrip()
    if lead and not re.search(r"[.!?][\"”’)]*\Z", lead):
        return None
    if not text[p.start:p.end].endswith(",") or text[p.end + 1:p.end + 2] != " ":
        return None
    spk, cue = q.speaker, q.cue
    first, second = sorted([(spk.start, spk.end), (cue.start, cue.end)])
    if first[0] != p.end + 2 or second[0] != first[1] + 1:
        return None
    m = re.match(r"[\w ,'’-]{0,60}?\.(?=\s|\Z)", text[second[1]:pe])
    if not m:
        return None
    mention = text[spk.start:spk.end]
    mention = mention[0].upper() + mention[1:]
    words = _lower_first(text[p.start:p.end].rstrip(",").rstrip())
    new = f"{mention} said {words}."
    at = len(mention) + len(" said ")
    return Splice(p.start - 1, second[1] + m.end(), new, {tag: (at, at + len(words))})


def _said_before(base: Base, q: Quote, p: Passage, tag: str) -> Splice | None:
    """``Smith said: “We will win.”`` → ``Smith said we will win.``; ``describes that “A…”`` →
    ``describes that a…``: the cue ends right before the quotation."""
    text = base.text
    spk, cue = q.speaker, q.cue
    sep = text[cue.end:p.start - 1]
    if spk.end > cue.start or sep not in (" ", ", ", ": ", " that "):
        return None
    lead = " that " if sep == " that " else " "
    words = _lower_first(text[p.start:p.end])
    return Splice(cue.end, p.end + 1, lead + words, {tag: (len(lead), len(lead) + len(words))})


def _occ(tag: str, relation: str, p: Passage, edit: str) -> dict:
    return {"tag": tag, "relation": relation, "family": p.key, "source": p.key,
            "speaker": p.speaker, "given_to": None, "edit": edit}


#: Full names for a quote handed to someone else when no other base offers one.
