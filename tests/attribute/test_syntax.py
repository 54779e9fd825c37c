"""Syntactic attribution over hand-written parses: cue, speaker and content of each construction.

Each parse is written out as CoNLL-U-like rows, ``form head deprel UPOS lemma``, with 1-based
heads inside the sentence and 0 for the root, as a parser would give them.
"""

from __future__ import annotations

import pytest

from quotetrace.analyze import Analysis, Sentence, Token
from quotetrace.analyze.rules import RulesAnalyzer
from quotetrace.attribute.syntax import syntactic_candidates
from quotetrace.errors import UsageError
from quotetrace.model import Span


def parsed(text: str, rows: str) -> Analysis:
    """An Analysis of one sentence from its rows; offsets come from finding each form in order."""
    tokens, at = [], 0
    for row in rows.strip().splitlines():
        form, head, deprel, upos, lemma = row.split()
        start = text.index(form, at)
        at = start + len(form)
        tokens.append(Token(start, at, form, upos, lemma, int(head) - 1 if int(head) else None, deprel))
    sent = Sentence(tokens[0].start, tokens[-1].end, 0, len(tokens))
    return Analysis(text=text, analyzer="test", paragraphs=(Span(0, len(text)),), sentences=(sent,),
                    tokens=tuple(tokens), provides=frozenset({"paragraphs", "sentences", "tokens", "deps"}))


def found(a: Analysis) -> list[tuple[str, str | None, list[str], str]]:
    """(cue, speaker, content pieces, rule) of each candidate, as text."""
    t = a.text
    return [(c.cue.of(t), c.speaker.of(t) if c.speaker else None, [s.of(t) for s in c.content], c.rule.name)
            for c in syntactic_candidates(a)]


CASES = [
    ("X said that Y",
     "The mayor said that the bridge would reopen in May.",
     """
     The 2 det DET the
     mayor 3 nsubj NOUN mayor
     said 0 root VERB say
     that 8 mark SCONJ that
     the 6 det DET the
     bridge 8 nsubj NOUN bridge
     would 8 aux AUX would
     reopen 3 ccomp VERB reopen
     in 10 case ADP in
     May 8 obl PROPN May
     . 3 punct PUNCT .
     """,
     [("said", "The mayor", ["the bridge would reopen in May"], "syntax:ccomp")]),
    ("Y, X said",
     "Prices will keep rising, the central bank warned.",
     """
     Prices 3 nsubj NOUN price
     will 3 aux AUX will
     keep 0 root VERB keep
     rising 3 xcomp VERB rise
     , 9 punct PUNCT ,
     the 8 det DET the
     central 8 amod ADJ central
     bank 9 nsubj NOUN bank
     warned 3 parataxis VERB warn
     . 3 punct PUNCT .
     """,
     [("warned", "the central bank", ["Prices will keep rising"], "syntax:parataxis")]),
    ("Y, X said, Y: the content comes in two pieces",
     "The talks, he said, will resume on Monday.",
     """
     The 2 det DET the
     talks 8 nsubj NOUN talk
     , 5 punct PUNCT ,
     he 5 nsubj PRON he
     said 8 parataxis VERB say
     , 5 punct PUNCT ,
     will 8 aux AUX will
     resume 0 root VERB resume
     on 10 case ADP on
     Monday 8 obl PROPN Monday
     . 8 punct PUNCT .
     """,
     [("said", "he", ["The talks", "will resume on Monday"], "syntax:parataxis")]),
    ("a direct quotation before the cue loses its marks",
     "“We will not give in,” she said.",
     """
     “ 5 punct PUNCT “
     We 5 nsubj PRON we
     will 5 aux AUX will
     not 5 advmod PART not
     give 10 ccomp VERB give
     in 5 compound:prt ADP in
     , 5 punct PUNCT ,
     ” 5 punct PUNCT ”
     she 10 nsubj PRON she
     said 0 root VERB say
     . 10 punct PUNCT .
     """,
     [("said", "she", ["We will not give in"], "syntax:ccomp")]),
    ("X told CBS that Y",
     "Officials told CBS News that the talks had stalled.",
     """
     Officials 2 nsubj NOUN official
     told 0 root VERB tell
     CBS 4 compound PROPN CBS
     News 2 obj PROPN News
     that 9 mark SCONJ that
     the 7 det DET the
     talks 9 nsubj NOUN talk
     had 9 aux AUX have
     stalled 2 ccomp VERB stall
     . 2 punct PUNCT .
     """,
     [("told", "Officials", ["the talks had stalled"], "syntax:ccomp")]),
    ("according to X, Y",
     "According to the ministry, three ships were damaged.",
     """
     According 4 case VERB accord
     to 1 fixed ADP to
     the 4 det DET the
     ministry 9 obl NOUN ministry
     , 4 punct PUNCT ,
     three 7 nummod NUM three
     ships 9 nsubj:pass NOUN ship
     were 9 aux:pass AUX be
     damaged 0 root VERB damage
     . 9 punct PUNCT .
     """,
     [("According to", "the ministry", ["three ships were damaged"], "syntax:according")]),
    ("described by X as Y",
     "The plan was described by critics as a disaster.",
     """
     The 2 det DET the
     plan 4 nsubj:pass NOUN plan
     was 4 aux:pass AUX be
     described 0 root VERB describe
     by 6 case ADP by
     critics 4 obl:agent NOUN critic
     as 9 case ADP as
     a 9 det DET a
     disaster 4 obl NOUN disaster
     . 4 punct PUNCT .
     """,
     [("described", "critics", ["a disaster"], "syntax:as")]),
    ("a passive with no agent names no speaker",
     "The company has been described as a leader in the field.",
     """
     The 2 det DET the
     company 5 nsubj:pass NOUN company
     has 5 aux AUX have
     been 5 aux:pass AUX be
     described 0 root VERB describe
     as 8 case ADP as
     a 8 det DET a
     leader 5 obl NOUN leader
     in 11 case ADP in
     the 11 det DET the
     field 8 nmod NOUN field
     . 5 punct PUNCT .
     """,
     [("described", None, ["a leader in the field"], "syntax:as")]),
    ("it was reported that Y",
     "It was reported that the deal was signed.",
     """
     It 3 expl PRON it
     was 3 aux:pass AUX be
     reported 0 root VERB report
     that 8 mark SCONJ that
     the 6 det DET the
     deal 8 nsubj:pass NOUN deal
     was 8 aux:pass AUX be
     signed 3 ccomp VERB sign
     . 3 punct PUNCT .
     """,
     [("reported", None, ["the deal was signed"], "syntax:ccomp")]),
    ("a mixed quotation keeps its closing mark; according to X stays out of the content",
     'He said Moscow was "ready to talk," according to an aide.',
     """
     He 2 nsubj PRON he
     said 0 root VERB say
     Moscow 6 nsubj PROPN Moscow
     was 6 cop AUX be
     " 6 punct PUNCT "
     ready 2 ccomp ADJ ready
     to 8 mark PART to
     talk 6 xcomp VERB talk
     , 6 punct PUNCT ,
     " 6 punct PUNCT "
     according 14 case VERB accord
     to 11 fixed ADP to
     an 14 det DET an
     aide 6 obl NOUN aide
     . 2 punct PUNCT .
     """,
     [("said", "He", ['Moscow was "ready to talk,"'], "syntax:ccomp"),
      ("according to", "an aide", ['Moscow was "ready to talk,"'], "syntax:according")]),
    ("a phrasal cue",
     "She pointed out that the law had changed.",
     """
     She 2 nsubj PRON she
     pointed 0 root VERB point
     out 2 compound:prt ADP out
     that 8 mark SCONJ that
     the 6 det DET the
     law 8 nsubj NOUN law
     had 8 aux AUX have
     changed 2 ccomp VERB change
     . 2 punct PUNCT .
     """,
     [("pointed out", "She", ["the law had changed"], "syntax:ccomp")]),
    ("called to …",
     "The union called to end the strike.",
     """
     The 2 det DET the
     union 3 nsubj NOUN union
     called 0 root VERB call
     to 5 mark PART to
     end 3 xcomp VERB end
     the 7 det DET the
     strike 5 obj NOUN strike
     . 3 punct PUNCT .
     """,
     [("called", "The union", ["end the strike"], "syntax:xcomp")]),
    ("a relative clause is not part of the speaker",
     "The man who led the talks said they failed.",
     """
     The 2 det DET the
     man 7 nsubj NOUN man
     who 4 nsubj PRON who
     led 2 acl:relcl VERB lead
     the 6 det DET the
     talks 4 obj NOUN talk
     said 0 root VERB say
     they 9 nsubj PRON they
     failed 7 ccomp VERB fail
     . 7 punct PUNCT .
     """,
     [("said", "The man", ["they failed"], "syntax:ccomp")]),
    ("a short apposition is part of the speaker",
     "Maria Lopez, a lawyer for the family, said the ruling was unfair.",
     """
     Maria 10 nsubj PROPN Maria
     Lopez 1 flat PROPN Lopez
     , 5 punct PUNCT ,
     a 5 det DET a
     lawyer 1 appos NOUN lawyer
     for 8 case ADP for
     the 8 det DET the
     family 5 nmod NOUN family
     , 5 punct PUNCT ,
     said 0 root VERB say
     the 12 det DET the
     ruling 14 nsubj NOUN ruling
     was 14 cop AUX be
     unfair 10 ccomp ADJ unfair
     . 10 punct PUNCT .
     """,
     [("said", "Maria Lopez, a lawyer for the family", ["the ruling was unfair"], "syntax:ccomp")]),
    ("a name with a short apposition parsed as two subjects",
     "Anna Berg, the head of the agency, warned that supplies were low.",
     """
     Anna 10 nsubj PROPN Anna
     Berg 1 flat PROPN Berg
     , 5 punct PUNCT ,
     the 5 det DET the
     head 10 nsubj NOUN head
     of 8 case ADP of
     the 8 det DET the
     agency 5 nmod NOUN agency
     , 5 punct PUNCT ,
     warned 0 root VERB warn
     that 14 mark SCONJ that
     supplies 14 nsubj NOUN supply
     were 14 cop AUX be
     low 10 ccomp ADJ low
     . 10 punct PUNCT .
     """,
     [("warned", "Anna Berg, the head of the agency", ["supplies were low"], "syntax:ccomp")]),
    ("a noun that shares a cue's form is no cue",
     "The claims that the war ended were false.",
     """
     The 2 det DET the
     claims 8 nsubj NOUN claim
     that 6 mark SCONJ that
     the 5 det DET the
     war 6 nsubj NOUN war
     ended 2 acl VERB end
     were 8 cop AUX be
     false 0 root ADJ false
     . 8 punct PUNCT .
     """,
     []),
    ("a cue with nothing reported is no candidate",
     "The minister said nothing.",
     """
     The 2 det DET the
     minister 3 nsubj NOUN minister
     said 0 root VERB say
     nothing 3 obj PRON nothing
     . 3 punct PUNCT .
     """,
     []),
    ("quoted as saying: the inner verb speaks, for the quoted subject",
     "The minister was quoted as saying the talks would continue.",
     """
     The 2 det DET the
     minister 4 nsubj:pass NOUN minister
     was 4 aux:pass AUX be
     quoted 0 root VERB quote
     as 6 mark SCONJ as
     saying 4 advcl VERB say
     the 8 det DET the
     talks 10 nsubj NOUN talk
     would 10 aux AUX would
     continue 6 ccomp VERB continue
     . 4 punct PUNCT .
     """,
     [("saying", "The minister", ["the talks would continue"], "syntax:ccomp")]),
]


@pytest.mark.parametrize("name, text, rows, expected", CASES, ids=[c[0] for c in CASES])
def test_constructions(name: str, text: str, rows: str, expected: list) -> None:
    """Each construction gives its cue, speaker and content, and nothing else."""
    assert found(parsed(text, rows)) == expected


def test_needs_a_parse() -> None:
    """Without dependencies (the rules analyzer) syntactic attribution refuses before any work."""
    with pytest.raises(UsageError, match="syntactic attribution needs deps, tokens"):
        syntactic_candidates(RulesAnalyzer().analyze("He said so."))


def test_lemma_is_optional() -> None:
    """Without lemmas the cue is recognised from its form."""
    a = parsed(CASES[0][1], CASES[0][2])
    bare = Analysis(a.text, "test", a.paragraphs, a.sentences,
                    tuple(Token(t.start, t.end, t.text, t.upos, None, t.head, t.deprel) for t in a.tokens),
                    provides=frozenset({"tokens", "deps"}))
    assert found(bare) == CASES[0][3]


def test_broken_trees_do_not_crash() -> None:
    """Heads out of range, self-loops and cycles from a bad parse give no exception."""
    text = "He said that it failed."
    toks = (Token(0, 2, "He", "PRON", "he", 1, "nsubj"), Token(3, 7, "said", "VERB", "say", 4, "ccomp"),
            Token(8, 12, "that", "SCONJ", "that", 2, "mark"), Token(13, 15, "it", "PRON", "it", 99, "nsubj"),
            Token(16, 22, "failed", "VERB", "fail", 1, "ccomp"), Token(22, 23, ".", "PUNCT", ".", 5, "punct"))
    a = Analysis(text, "test", (), (), toks, provides=frozenset({"tokens", "deps"}))
    for c in syntactic_candidates(a):
        assert all(0 <= s.start <= s.end <= len(text) for s in c.content)
