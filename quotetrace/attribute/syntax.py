"""Attribution from a dependency parse: the cue verb, its subject (the speaker) and its clausal
complement (the content).

Notes:
    The constructions follow the Universal Dependencies v2 English guidelines: reported content is
    the ``ccomp`` of a speech verb (``X said that Y``), or its head when the speech clause is a
    ``parataxis`` (``Y, X said.``); passive agents are ``obl:agent`` (or ``obl`` with case ``by``);
    ``according to X`` is ``case`` + ``fixed`` on X. The idea of reading attributions off the
    subject and complement of a cue verb is the one of textacy's ``extract.triples`` and of
    Pareti's PARC attribution model (cue, source, content).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..analyze import Analysis, Token, require
from ..text.lexicon import PHRASAL_FORMS, SPEECH_FORMS, STANCE_FORMS, lemma_of
from ..model import Span
from ..text.quotemarks import OPENING
from . import Candidate
from .frame import Rule

# The rules of the dependency parse: a clausal complement, a parenthetical attribution, an "as"
# phrase, an infinitive, and "according to X"; the parse trusts each alike.
SYNTAX_CCOMP = Rule("syntax:ccomp", 0.8)
SYNTAX_PARATAXIS = Rule("syntax:parataxis", 0.8)
SYNTAX_AS = Rule("syntax:as", 0.8)
SYNTAX_XCOMP = Rule("syntax:xcomp", 0.8)
SYNTAX_ACCORDING = Rule("syntax:according", 0.8)
SYNTAX_RULES = (SYNTAX_CCOMP, SYNTAX_PARATAXIS, SYNTAX_AS, SYNTAX_XCOMP, SYNTAX_ACCORDING)

# Every cue lemma: with a parse, the POS tells the verb "report" from the noun, so base forms
# that the lexicon keeps out of its form table for plain-text matching count here.
_CUE_LEMMAS = frozenset(SPEECH_FORMS.values()) | frozenset(STANCE_FORMS.values())

# Verbs whose infinitival complement is what was said: "called to end the strike", "vowed to".
_XCOMP_CUES = frozenset({"call", "urge", "vow", "pledge", "promise", "threaten", "warn", "tell",
                         "advise", "plead", "swear", "recommend", "demand"})

# What belongs to a speaker's noun phrase; relative clauses and parentheticals do not.
_NP_DEPS = frozenset({"compound", "amod", "det", "nmod", "case", "flat", "fixed", "nummod",
                      "appos", "conj", "cc", "acl", "punct"})
_NP_EXCLUDED = frozenset({"acl:relcl"})
_MODIFIERS = frozenset({"amod", "acl"})  # taken whole: "an official familiar with the talks"
_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
_NOMINAL_DEPS = frozenset({"obl", "nmod", "obj", "iobj", "nsubj", "appos"})
_APPOS_MAX = 8  # a longer apposition is a description, not part of the name

_QUOTE_OPEN = "".join(sorted(OPENING))


class _Tree:
    """Children lists and subtree helpers over the flat token tuple."""

    def __init__(self, tokens: tuple[Token, ...]):
        self.tokens = tokens
        # a bad parse may point outside the text or at the token itself: treat that as a root
        self.heads = [t.head if t.head is not None and 0 <= t.head < len(tokens) and t.head != i
                      else None for i, t in enumerate(tokens)]
        self.children: list[list[int]] = [[] for _ in tokens]
        for i, h in enumerate(self.heads):
            if h is not None:
                self.children[h].append(i)

    def kids(self, i: int, *deprels: str) -> list[int]:
        """Children of ``i`` whose relation (or its base before ``:``) is one of ``deprels``."""
        return [c for c in self.children[i] if _rel(self.tokens[c]) in deprels
                or _base(self.tokens[c]) in deprels]

    def subtree(self, i: int, keep: frozenset[str] | None = None,
                drop: frozenset[str] = frozenset()) -> set[int]:
        """``i`` and its descendants; below ``i`` only through relations in ``keep`` (all if None)."""
        out, stack = {i}, [i]
        while stack:
            for c in self.children[stack.pop()]:
                if c in out or _rel(self.tokens[c]) in drop:
                    continue
                if keep is None or _base(self.tokens[c]) in keep or _rel(self.tokens[c]) in keep:
                    out.add(c)
                    stack.append(c)
        return out


def _rel(t: Token) -> str:
    return (t.deprel or "").lower()


def _base(t: Token) -> str:
    return _rel(t).split(":")[0]


def _word(t: Token) -> str:
    return t.text.lower()


def _lemma(t: Token) -> str | None:
    """The cue lemma of a token, from the analyzer's lemma or else from the form."""
    lemma = (t.lemma or "").lower()
    return lemma if lemma in _CUE_LEMMAS else lemma_of(t.text)


def _is_punct(t: Token) -> bool:
    return t.upos == "PUNCT" or _rel(t) == "punct" or not any(ch.isalnum() for ch in t.text)


def _runs(indices: Iterable[int]) -> list[list[int]]:
    """Consecutive runs of token indices."""
    runs: list[list[int]] = []
    for i in sorted(indices):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _trim(tokens: tuple[Token, ...], run: list[int], text: str, *,
          leading: Iterable[str] = ()) -> Span | None:
    """The span of a run without edge punctuation and without a leading complementizer.

    A closing quotation mark stays when the run opens a quotation it would otherwise leave
    unclosed: ``the city was "ready to talk,"``.
    """
    lo, hi = 0, len(run)
    strip = {w.lower() for w in leading}
    if lo < hi and _word(tokens[run[lo]]) in strip and _base(tokens[run[lo]]) in ("mark", "case", ""):
        lo += 1
    while lo < hi and _is_punct(tokens[run[lo]]):
        lo += 1
    end = hi
    while end > lo and _is_punct(tokens[run[end - 1]]):
        end -= 1
    if lo >= end:
        return None
    start, stop = tokens[run[lo]].start, tokens[run[end - 1]].end
    inside = text[start:stop]
    # single quotes are left alone: the same character is an apostrophe (forces’)
    closer = '"' if inside.count('"') % 2 else "”" if inside.count("“") > inside.count("”") else ""
    k = run[end - 1] + 1
    while closer and k < len(tokens) and k <= run[end - 1] + 3 and _is_punct(tokens[k]):
        if closer in tokens[k].text:
            stop = tokens[k].end
            break
        k += 1
    return Span(start, stop)


class _Finder:
    """The attributions of one analysis."""

    def __init__(self, analysis: Analysis):
        self.text = analysis.text
        self.toks = analysis.tokens
        self.tree = _Tree(analysis.tokens)
        # "according to X" phrases, kept out of every other attribution's content
        self.according = {i: found for i in range(len(self.toks))
                          if (found := self._according_parts(i)) is not None}
        self.asides = set().union(*(p for _, _, p in self.according.values()))

    # -- shared pieces ------------------------------------------------------------------------

    def content(self, nodes: set[int], leading: Iterable[str] = ()) -> tuple[Span, ...]:
        nodes = nodes - self.asides
        spans = (_trim(self.toks, run, self.text, leading=leading) for run in _runs(nodes))
        return tuple(s for s in spans if s is not None)

    def noun_phrase(self, head: int, without: set[int] = frozenset()) -> Span | None:
        """The phrase headed by ``head``: modifiers, names, a short apposition; no relative clause."""
        tree = self.tree
        nodes = tree.subtree(head, keep=_NP_DEPS, drop=_NP_EXCLUDED)
        for m in [n for n in nodes if _base(self.toks[n]) in _MODIFIERS and n != head]:
            nodes |= tree.subtree(m, drop=_NP_EXCLUDED)
        nodes -= without
        for a in tree.kids(head, "appos"):
            sub = tree.subtree(a, keep=_NP_DEPS, drop=_NP_EXCLUDED)
            if len(sub) > _APPOS_MAX:
                nodes -= sub
        runs = [r for r in _runs(nodes) if head in r]
        return _trim(self.toks, runs[0], self.text) if runs else None

    # -- verbs ----------------------------------------------------------------------------------

    def cue_lemma(self, i: int) -> tuple[str, int | None] | None:
        """The cue lemma of token ``i`` and its particle's index, or None when ``i`` is no cue."""
        t, tree = self.toks[i], self.tree
        for prt in tree.kids(i, "compound:prt"):
            p = _word(self.toks[prt])
            lemma = (PHRASAL_FORMS.get(f"{(t.lemma or '').lower()} {p}")
                     or PHRASAL_FORMS.get(f"{_word(t)} {p}"))
            if lemma:
                return lemma, prt
        lemma = _lemma(t)
        if lemma is None or " " in lemma:
            return None
        # "the claims", "a report": nouns that share a verb's form are cues only with a clause
        if t.upos not in (None, "VERB") and not tree.kids(i, "ccomp"):
            return None
        return lemma, None

    def subjects(self, i: int) -> list[int]:
        """The subjects of ``i``, nearest first."""
        subj = [c for c in self.tree.children[i] if _rel(self.toks[c]) in ("nsubj", "nsubj:outer")]
        return sorted(subj, key=lambda c: abs(c - i))

    def speaker(self, i: int, extra: set[int]) -> Span | None:
        """Who speaks through cue ``i``; subjects that are not the speaker go into ``extra``."""
        toks, tree = self.toks, self.tree
        subj = self.subjects(i)
        if subj:
            head, others = subj[0], subj[1:]
            span = self.noun_phrase(head)
            for o in others:
                before = self.noun_phrase(o)
                # "John Smith, a lawyer for the family, said": an apposition parsed as a second subject
                if span and before and before.end <= span.start and toks[head].upos != "PRON" \
                        and self.text[before.end:span.start].strip() == ",":
                    span = Span(before.start, span.end)
                else:  # "The talks, he said, will resume": the other subject is what was said
                    extra |= tree.subtree(o)
            return span
        for c in tree.children[i]:
            if _rel(toks[c]) == "obl:agent" or (_base(toks[c]) == "obl" and any(
                    _word(toks[k]) == "by" for k in tree.kids(c, "case"))):
                by = {k for k in tree.kids(c, "case") if _word(toks[k]) == "by"}
                as_ = self.as_phrase(c)
                return self.noun_phrase(c, by | (tree.subtree(as_) if as_ is not None else set()))
        if tree.kids(i, "nsubj:pass", "aux:pass", "expl"):
            return None  # "It was reported that …", "has been described as …": nobody is named
        head = tree.heads[i]
        if head is not None and _rel(toks[i]) in ("conj", "xcomp", "advcl"):
            # "He paused and said …", "…, adding that …", "was quoted as saying …"
            up = self.subjects(head)
            if not up and _lemma(toks[head]) == "quote":
                up = [c for c in tree.children[head] if _rel(toks[c]) == "nsubj:pass"]
            if up:
                return self.noun_phrase(up[0])
        return None

    def as_phrase(self, i: int) -> int | None:
        """A ``described as Y`` complement right of ``i``, but not a clause (``as he left``)."""
        toks, tree = self.toks, self.tree
        for c in tree.children[i]:
            if c < i or _base(toks[c]) not in ("obl", "xcomp", "advcl", "nmod", "acl"):
                continue
            if any(_word(toks[k]) == "as" for k in tree.kids(c, "case", "mark")) \
                    and not tree.kids(c, "nsubj", "nsubj:pass"):
                return c
        return None

    def verb(self, i: int) -> Candidate | None:
        found = self.cue_lemma(i)
        if found is None:
            return None
        lemma, prt = found
        toks = self.toks
        cue = Span(toks[i].start, toks[prt].end if prt is not None and 0 < prt - i <= 3 else toks[i].end)
        extra: set[int] = set()
        speaker = self.speaker(i, extra)
        nodes, leading, rule = self.content_nodes(i, lemma)
        if nodes is None:
            return None
        content = self.content(nodes | extra, leading)
        if not content:
            return None
        return Candidate(cue=cue, content=content, speaker=speaker, rule=rule)

    def content_nodes(self, i: int, lemma: str) -> tuple[set[int] | None, tuple[str, ...], Rule | None]:
        """The tokens of what cue ``i`` reports, the words to strip before it, and the rule's name."""
        toks, tree = self.toks, self.tree
        ccomp = tree.kids(i, "ccomp")
        if ccomp:
            return tree.subtree(ccomp[0]), ("that",), SYNTAX_CCOMP
        head = tree.heads[i]
        if head is not None and (_rel(toks[i]) == "parataxis" or self._comma_conjunct(i)):
            # "Y, X said." — the speech clause hangs off the root of what was said
            return tree.subtree(head) - tree.subtree(i), (), SYNTAX_PARATAXIS
        for c in tree.kids(i, "parataxis"):
            if c > i and any(toks[k].text and toks[k].text in ":" + _QUOTE_OPEN
                             for k in range(i + 1, min(tree.subtree(c)))):
                return tree.subtree(c), (), SYNTAX_PARATAXIS  # 'He said: "…"'
        as_ = self.as_phrase(i)
        if as_ is None:  # "described by critics as …", with the as-phrase on the agent
            for c in tree.kids(i, "obl"):
                as_ = as_ or self.as_phrase(c)
        if as_ is not None:
            if self.cue_lemma(as_) is not None:
                return None, (), None  # "quoted as saying …": the inner verb carries the attribution
            return tree.subtree(as_), ("as",), SYNTAX_AS
        if lemma in _XCOMP_CUES:
            for x in tree.kids(i, "xcomp"):
                if toks[x].upos in (None, "VERB") or tree.kids(x, "mark"):
                    return tree.subtree(x), ("to",), SYNTAX_XCOMP
        return None, (), None

    def _comma_conjunct(self, i: int) -> bool:
        """``Y, X warned`` parsed as a conjunction: a conjunct with its own subject, no ``and``."""
        toks, tree = self.toks, self.tree
        if _rel(toks[i]) != "conj" or tree.kids(i, "cc") or not self.subjects(i):
            return False
        first = min(tree.subtree(i))
        return first > 0 and toks[first - 1].text == "," or toks[first].text == ","

    # -- according to X -------------------------------------------------------------------------

    def _according_parts(self, i: int) -> tuple[int, int, set[int]] | None:
        """(source, clause, phrase tokens) of an ``according to X`` at token ``i``."""
        toks, tree = self.toks, self.tree
        if _word(toks[i]) != "according" or i + 1 >= len(toks) or _word(toks[i + 1]) != "to":
            return None
        objs = [c for c in tree.children[i] if c > i + 1 and _base(toks[c]) in ("obl", "nmod", "obj")]
        if objs:  # parsed as a verb with a "to X" oblique, hanging off the clause
            source, clause = objs[0], tree.heads[i]
        elif _base(toks[i]) == "case":
            source = tree.heads[i]
            clause = tree.heads[source] if source is not None else None
        else:
            return None
        if source is None or clause is None or source == clause:
            return None
        # climb from a verb chain or a noun phrase to the clause the phrase qualifies
        for _ in range(len(toks)):  # bounded: a bad parse may have a cycle
            up = tree.heads[clause]
            if up is None or not (_rel(toks[clause]) in ("xcomp", "conj") or (
                    toks[clause].upos in _NOMINAL and _base(toks[clause]) in _NOMINAL_DEPS)):
                break
            clause = up
        phrase = tree.subtree(i) | tree.subtree(source)
        if clause in phrase:
            return None
        return source, clause, phrase

    def according_candidate(self, i: int) -> Candidate | None:
        """``according to X``: X is the speaker, the clause it modifies the content."""
        if i not in self.according:
            return None
        source, clause, _ = self.according[i]
        content = self.content(self.tree.subtree(clause), ("that",))
        if not content:
            return None
        speaker = self.noun_phrase(source, {i, i + 1})
        return Candidate(cue=Span(self.toks[i].start, self.toks[i + 1].end), content=content,
                         speaker=speaker, rule=SYNTAX_ACCORDING)


def syntactic_candidates(analysis: Analysis) -> list[Candidate]:
    """Every attribution the dependency parse shows, in text order.

    >>> from quotetrace.analyze import Analysis, Token
    >>> text = "Officials said that talks failed."
    >>> toks = (Token(0, 9, "Officials", "NOUN", "official", 1, "nsubj"),
    ...         Token(10, 14, "said", "VERB", "say", None, "root"),
    ...         Token(15, 19, "that", "SCONJ", "that", 4, "mark"),
    ...         Token(20, 25, "talks", "NOUN", "talk", 4, "nsubj"),
    ...         Token(26, 32, "failed", "VERB", "fail", 1, "ccomp"),
    ...         Token(32, 33, ".", "PUNCT", ".", 1, "punct"))
    >>> a = Analysis(text, "test", (), (), toks, provides=frozenset({"tokens", "deps"}))
    >>> [(c.cue.of(text), c.speaker.of(text), [s.of(text) for s in c.content])
    ...  for c in syntactic_candidates(a)]
    [('said', 'Officials', ['talks failed'])]
    """
    require(analysis, {"tokens", "deps"}, "syntactic attribution")
    finder = _Finder(analysis)
    out = []
    for i in range(len(analysis.tokens)):
        cand = finder.according_candidate(i) or finder.verb(i)
        if cand is not None:
            out.append(cand)
    return sorted(out, key=lambda c: (c.cue.start, c.cue.end))
