"""Split quotes and quotes side by side: each quotation goes to the speaker its own attribution
names. Invented sentences; the comment says which construction each stands for."""

from __future__ import annotations

import pytest

from quotetrace import extract

# (text, [(quoted words, speaker mention)] in order)
CASES = [
    # two quotations, each with its own attribution after it: two speakers, never one split quote
    ("“We will not wait any longer,” The Acme Institute said. “The rules are clear,” The Northfield League said.",
     [("We will not wait any longer,", "The Acme Institute"), ("The rules are clear,", "The Northfield League")]),
    ("“We will not wait any longer,” Jane Doe said. “The rules are clear,” Tom Roe said.",
     [("We will not wait any longer,", "Jane Doe"), ("The rules are clear,", "Tom Roe")]),
    ("“We will not wait any longer,” said Jane Doe. “The rules are clear,” said Tom Roe.",
     [("We will not wait any longer,", "Jane Doe"), ("The rules are clear,", "Tom Roe")]),
    ("“Can we wait?” Jane Doe asked. “No, we cannot,” Tom Roe replied.",
     [("Can we wait?", "Jane Doe"), ("No, we cannot,", "Tom Roe")]),
    # a split quote: the second passage has no attribution of its own, and is the same speaker's
    ("“We will not wait any longer,” Jane Doe said. “The rules are clear.”",
     [("We will not wait any longer, The rules are clear.", "Jane Doe")]),
    ("“We will not wait any longer,” The Acme Institute said. “The rules are clear.” Tom Roe left early.",
     [("We will not wait any longer, The rules are clear.", "The Acme Institute")]),
    # a capitalised cue word inside a name of the attribution is no second cue ("Rules")
    ("“We will not wait any longer,” said Jane Doe, a member of the Rules Committee. “The rules are clear.”",
     [("We will not wait any longer, The rules are clear.", "Jane Doe, a member of the Rules Committee")]),
    # nor is a cue word after a possessive: a noun ("the mayor’s comments")
    ("“We will not wait any longer,” Jane Doe said at a briefing before the mayor’s comments. “The rules are clear.”",
     [("We will not wait any longer, The rules are clear.", "Jane Doe")]),
    # a second cue that is a verb still ends the split quote: the second passage is not hers
    ("“We will not wait any longer,” Jane Doe said, and Tom Roe replied. “The rules are clear.”",
     [("We will not wait any longer,", "Jane Doe")]),
    # a quotation that fills the rest of its paragraph after a sentence that ends with its
    # attribution goes on with that speaker, as it does after a quote paragraph
    ("The vote may slip to May, Jane Doe said. “The other factor is the budget.”",
     [("The other factor is the budget.", "Jane Doe")]),
    ("Jane Doe says she got a call from her niece. “She was in tears and I did not know what to say.”",
     [("She was in tears and I did not know what to say.", "Jane Doe")]),
    ("The fund will grow to 85,000 next year, Tom Roe said.\n\n“That adds up over two years.”",
     [("That adds up over two years.", "Tom Roe")]),
    # the outermost attribution of the sentence speaks on, not one inside it
    ("Jane Doe said the plan was dead, hours after the agency announced the results. “We start again.”",
     [("We start again.", "Jane Doe")]),
    # a quotation that ends the sentence of an attribution the rules read short is its speaker's
    ("The panel ruled for Roe, the board said, reasoning that she met the rules because she “did not have to "
     "apply.”", [("did not have to apply.", "the board")]),
    # a statement's noun does not take a quotation another cue introduces, nor one far after it
    ("Asked about Vale’s statement that the ferry had sunk, Roe said, “We should wait for the inquiry.”",
     [("We should wait for the inquiry.", "Roe")]),
    # but not after a sentence of narration
    ("Jane Doe said the plan was dead. She left the room. “We start again.”", []),
    ("The mayor spoke for an hour.\n\n“It is a disaster for the city.”", []),
    # a connective before the passage does not change who speaks
    ("“There is no case like this one,” Jane Doe said, “and nobody went to prison for it.” Indeed, “We cite a "
     "dozen cases far worse than this one.”",
     [("There is no case like this one, and nobody went to prison for it.", "Jane Doe"),
      ("We cite a dozen cases far worse than this one.", "Jane Doe")]),
    # a verb coordinated with the attribution, and an infinitive that names a term, keep the speaker
    ("The vote may slip, Jane Doe said - and argued for a recount in November. “All the talk does not matter.”",
     [("All the talk does not matter.", "Jane Doe")]),
    ("“Who is the real villain here?” said Jane Doe, using a term Tom Roe has used to describe the mayor. "
     "“The council produced bills that shortchanged the town.”",
     [("Who is the real villain here?", "Jane Doe"), ("The council produced bills that shortchanged the town.", "Jane Doe")]),
    # a cue word that is a noun after a determiner and a word before it is no second cue
    ("“Who is the real villain here?” said Jane Doe on a conference call with reporters. “The council failed "
     "the town.”", [("Who is the real villain here?", "Jane Doe"), ("The council failed the town.", "Jane Doe")]),
    # a quotation that ends its paragraph in a sentence with no cue goes on with the speaker of the
    # sentence before ("He has directed “…”": the words are still the speaker's)
    ("His “rollout has been slow,” Jane Doe said. He has led “a sweeping overhaul of the harbour office. And I "
     "fear the staff are worn out.”",
     [("a sweeping overhaul of the harbour office. And I fear the staff are worn out.", "Jane Doe")]),
    ("His “rollout has been slow,” Jane Doe said. (He was not.) “He was a classic case.”", []),
    # ...but another speaker's own reply does not
    ("“It was a disgrace,” Jane Doe said, before Tom Roe rose to reply. “It was not.”",
     [("It was a disgrace,", "Jane Doe")]),
]


@pytest.mark.parametrize("text, expected", CASES, ids=[c[0][:50] for c in CASES])
def test_each_quotation_goes_to_its_own_speaker(text: str, expected: list[tuple[str, str]]) -> None:
    got = [(q.text, q.speaker.mention if q.speaker else None) for q in extract(text) if q.kind == "direct"]
    assert got == expected


@pytest.mark.parametrize("text", [
    "“Put the two camps side by side and there will be trouble,” said Ada Roe, head of a club called "
    "Friends of Vale, which plans to send 400 members. “The city has made it worse.”",
    "“Slogans are cheap,” the former mayor told a hall that the organisers estimated at 2,000. "
    "“The job asks for more than that.”",
])
def test_a_cue_in_a_relative_clause_names_no_new_speaker(text: str) -> None:
    """A cue word that describes someone named before it ("a group called …", "which expects",
    "that the campaign estimated") does not stop the next quotation from going on with the
    speaker of the attribution."""
    quotes = extract(text)
    assert len(quotes) == 2 and quotes[0].speaker.mention == quotes[1].speaker.mention


def test_a_title_in_the_attribution_ends_no_sentence() -> None:
    """"… said of Mrs. Vale's plan. “…”": the period of "Mrs." does not end the attribution's
    sentence, so the quotation after it goes on with the same speaker."""
    text = ("“It is a modest plan,” Ada Roe, director of the Harbour Tax Center and a professor at the Avalon "
            "School of Law, said of Mrs. Vale’s plan. “It does not make our harbour's debts any worse.”")
    quotes = extract(text)
    assert [q.speaker.name for q in quotes] == ["Ada Roe", "Ada Roe"]


def test_two_quotations_joined_by_and_are_one_statement() -> None:
    """"told the crowd, “…,” and, “…”": the second quotation is the same speaker's, under the same
    cue, and both are in the statement's content."""
    text = "Jane Doe told the crowd, “We will win,” and, “Nobody can stop us now.” The crowd cheered."
    (q,) = [q for q in extract(text) if q.cue is not None and q.cue.text == "told"]
    assert q.speaker.mention == "Jane Doe"
    assert [text[s.start:s.end] for s in q.quoted] == ["We will win,", "Nobody can stop us now."]
