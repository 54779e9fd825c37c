"""A copy against its original: relation and graded changes, as a table."""

from __future__ import annotations

import pytest

from quotetrace.tracing.compare import align, compare, same_statement
from quotetrace.tracing.units import Piece
from quotetrace.tracing.words import words


def piece(sentence: str) -> tuple[Piece, str]:
    """The passage inside the curly marks of ``sentence``, with the narrator's words around it."""
    start = sentence.index("“") + 1
    end = sentence.index("”")
    before = words(sentence, 0, start - 1)
    return Piece("quote", 0, ((start, end),), words(sentence, start, end),
                 before=before.slice(max(0, len(before) - 4), len(before)),
                 after=words(sentence, end + 1).slice(0, 4)), sentence


CASES = [
    # original sentence, copy sentence, relation, [(op, original, changed, grade)]
    ("“We will win.”", "“we will win”", "verbatim", []),
    ("“We’re going to win,” she said.", "“We are going to win.”", "verbatim",
     [("replace", "’re", "are", "trivial")]),
    ("“The U.S. will help.”", "“The US will help.”", "verbatim", [("replace", "U.S", "US", "trivial")]),
    ("“the colour of money”", "“the color of money”", "verbatim", [("replace", "colour", "color", "trivial")]),
    ("“We will win the election in November.”", "“win the election”", "excerpt",
     [("delete", "We will", "", "critical"), ("delete", "in November", "", "substantive")]),
    ("“We will win the election in November.”", "“We will win … in November.”", "excerpt",
     [("delete", "the election", "", "trivial")]),
    ("“We will win the election in November.”", "“We will win in November.”", "altered",
     [("delete", "the election", "", "substantive")]),
    # an article dropped or added inside the marks: a trivial change, but no longer the same words
    ("“We will build the bridge by spring.”", "“We will build bridge by spring.”", "altered",
     [("delete", "the", "", "trivial")]),
    ("“We will win the race.”", "“We might win the race.”", "altered", [("replace", "will", "might", "critical")]),
    ("“We will win the race.”", "“We will not win the race.”", "altered", [("insert", "", "not", "critical")]),
    ("“Taxes rose by 5 percent last year.”", "“Taxes rose by 7 percent last year.”", "altered",
     [("replace", "5", "7", "critical")]),
    ("“They will pay for the wall.”", "“We will pay for the wall.”", "altered", [("replace", "They", "We", "critical")]),
    ("“to freeze the lines where they are”", "“freezing the lines where they are”", "altered",
     [("replace", "to freeze", "freezing", "substantive")]),
    ("He called it a “big concession” today.", "“a big concession”", "expanded", [("insert", "", "a", "trivial")]),
    ("She said it was not “fair to the voters.”", "“not fair to the voters”", "expanded",
     [("insert", "", "not", "critical")]),
    ("He called it a “big concession” today.", "“a very big concession”", "altered",
     [("insert", "", "a very", "substantive")]),
    ("He called it a “big concession” today.", "“big concession today”", "expanded", [("insert", "", "today", "substantive")]),
]


@pytest.mark.parametrize(("original", "copy", "relation", "changes"), CASES,
                         ids=[f"{c[2]}:{c[1][:24]}" for c in CASES])
def test_relation_and_changes(original: str, copy: str, relation: str, changes: list) -> None:
    """The copy's relation to the original and its word changes, each graded."""
    o, ot = piece(original)
    c, ct = piece(copy)
    got = compare(o, ot, c, ct)
    assert got.relation == relation
    assert [(x.op, x.original, x.changed, x.grade) for x in got.changes] == changes


def test_change_offsets_point_into_both_texts() -> None:
    """A change's offsets slice its words out of the copy and out of the original."""
    o, ot = piece("“We will win the race.”")
    c, ct = piece("Yes: “We might win the race.”")
    (x,) = compare(o, ot, c, ct).changes
    assert ct[x.start:x.end] == "might" and ot[x.original_start:x.original_end] == "will"


def test_narrator_source_is_marked() -> None:
    """Words pulled inside the marks from the original's narrator text say so."""
    o, ot = piece("He called it a “big concession” today.")
    c, ct = piece("“a big concession”")
    assert [x.source for x in compare(o, ot, c, ct).changes] == ["narrator"]


@pytest.mark.parametrize(("original", "copy", "other_speaker", "same"), [
    ("“We will build the bridge by spring.”", "“We will build a tunnel by spring.”", False, True),
    ("“We will build the bridge by spring.”", "“The spring was cold and the river high.”", False, False),
    ("“homemade”", "“homemade.”", False, True),
    ("“homemade”", "“homemade.”", True, False),  # one word is too little to claim a misattribution
    ("“ready”", "“ready to reach a deal”", False, False),  # a word inside a longer quote is a term
    ("“fine-tuned”", "“still need fine-tuning”", False, True),
    ("“We will build the bridge by spring.”", "“We will build the bridge.”", True, True),
    ("“We will build the bridge by spring.”", "“We will build it.”", True, False),
    # nearly every word the same, in one long run: the same statement, one content word shared
    ("“How can you know those dents were not there before? I am not a mechanic,”",
     "“How can you think those rules were not there before? I am not a mechanic,”", False, True),
    # ...but not when another speaker is named: a misattribution needs more in common
    ("“How can you know those dents were not there before? I am not a mechanic,”",
     "“How can you think those rules were not there before? I am not a mechanic,”", True, False),
])
def test_same_statement(original: str, copy: str, other_speaker: bool, same: bool) -> None:
    """Whether an alignment shows one statement: half the shorter side and three words at least;
    a whole short passage; more when the speakers differ."""
    o, _ = piece(original)
    c, _ = piece(copy)
    assert same_statement(align(o.words.stems, c.words.stems), o, c, other_speaker) is same
