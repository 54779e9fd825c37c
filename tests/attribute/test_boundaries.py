"""Where content ends, as a table: sentence → (cue, content). Written for these tests; each stands
for a construction of news text."""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, cue, content)
CASES = [
    # a participle after an auxiliary or a verb of aspect is the clause's own verb
    ("She added that she was only asking whether the count was fair.", "added",
     "that she was only asking whether the count was fair"),
    ("Okafor said she began talking with other members weeks ago.", "said",
     "she began talking with other members weeks ago"),
    # a participle after a quotation opens a clause of the attribution's own
    ("The coach called the ruling “a joke,” blaming the league for the delay.", "called",
     "the ruling “a joke"),
    # a cue inside a subordinate clause: its content ends with the clause
    ("As the mayor announces that she will run again, her rivals are lining up donors.", "announces",
     "that she will run again"),
    ("Prices fell in May, just as he said they would, and the shops stayed full.", "said", "they would"),
    # a parenthetical attribution: what comes after it continues the statement
    ("The archive, Ms. Lind said, would let pupils read the old letters.", "said",
     "The archive, would let pupils read the old letters"),
    ("The traffic had become so bad, the mayor noted, that buses ran empty.", "noted",
     "The traffic had become so bad, that buses ran empty"),
    ("Though the first merger was easy, she said, merging again would be much harder.", "said",
     "Though the first merger was easy, merging again would be much harder"),
    # ...but a clause of when before the attribution, with nothing after it, is no statement
    ("When talk turned to the merger, Ada Roe declared in a meeting with Tom Vale that any deal would need "
     "“absolute secrecy.”", "declared", "that any deal would need “absolute secrecy"),
    ("She has a plan, she said, for how the town can keep its school.", "said",
     "She has a plan, for how the town can keep its school"),
    ("The plan is dead, Ortiz said, citing the budget.", "said", "The plan is dead"),
    # an attribution after a phrase that is no statement by itself interrupts the statement
    ("Too often, Ms. Halvorsen said, the owners walk away from their farms.", "said",
     "Too often, the owners walk away from their farms"),
    ("It was, the guide said, a bridge where armies once crossed.", "said",
     "It was, a bridge where armies once crossed"),
    ("The archive, the curator said, tells the story of the town.", "said", "The archive, tells the story of the town"),
    ("Pryce “got a pass,” Okafor said, and still “sat on the board.”", "said",
     "Pryce “got a pass, and still “sat on the board"),
    # an attribution inside a sentence whose subject is the quotation: the predicate is content too
    ("“Sick leave,” the form states, starts after a month.", "states",
     "Sick leave, starts after a month"),
    # a request after a listener and where the listener was: who is to act is part of it
    ("Ortiz told her supporters at a rally in Avalon to “go vote early.”", "told",
     "her supporters at a rally in Avalon to “go vote early"),
    # a split quotation whose first piece ends in a nested quotation
    ("“Drivers honk and I wave, ‘Good morning,’” Lee explained. “Some wave back.”", "explained",
     "Drivers honk and I wave, ‘Good morning, Some wave back"),
]


def _content(text: str, q) -> str:  # noqa: ANN001
    return ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans)


@pytest.mark.parametrize("text, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_content_boundary(text: str, cue: str, content: str) -> None:
    """The content runs exactly as far as the construction allows."""
    quotes = [q for q in extract(text) if q.cue and q.cue.text == cue]
    assert quotes, [(q.cue and q.cue.text, q.text) for q in extract(text)]
    assert _content(text, quotes[0]) == content


# (text, speaker mention, cue, content): adverbials between a cue and its "that"
ADVERBIALS = [
    ("Ortiz wrote in an email to the Ledger that the deal was off.", "Ortiz", "wrote", "that the deal was off"),
    ("Rivera said Sunday in Salem, Oregon, that the count would take a week.", "Rivera", "said",
     "that the count would take a week"),
    ("Lee said on Channel 4’s “Early Hour” that the toll would go.", "Lee", "said", "that the toll would go"),
    ("The mayor toured the docks on Friday, telling workers in Salem, Oregon, that the toll would go.", "The mayor",
     "telling", "that the toll would go"),
    # a recipient after "to", then the that-clause
    ("The union wrote to the mayor's office that it had not agreed to the change.", "The union", "wrote",
     "that it had not agreed to the change"),
    ("Okafor admitted to the newspaper that the two had met before.", "Okafor", "admitted",
     "that the two had met before"),
    # a cue inside a relative clause: its content ends with the clause
    ("Her neighbours, who said the report should be public, read it on Thursday.", "who", "said",
     "the report should be public"),
    # a channel before "that", and "that," before a quotation
    ("The league says on its website that the match was postponed.", "The league", "says",
     "that the match was postponed"),
    ("Varga said via email that the club would respond.", "Varga", "said", "that the club would respond"),
    ("Ortiz tweeted that, “At least the buses ran on time.”", "Ortiz", "tweeted",
     "that, “At least the buses ran on time"),
    # a contracted pronoun subject, a relative pronoun after a year, a single person counted
    ("He’s claiming that the vote was rigged.", "He", "’s claiming", "that the vote was rigged"),
    ("Harlan, who in 2012 said the aim was to make the mayor a “one-term mayor,” agreed.", "who", "said",
     "the aim was to make the mayor a “one-term mayor"),
    ("At a forum, one questioner claimed that the rules hurt farmers.", "one questioner", "claimed",
     "that the rules hurt farmers"),
    # a quotation inside a clause, then an inverted attribution with a description
    ("The old law was “a failure,” said Dana Pike, education professor at the state university.", "Dana Pike",
     "said", "The old law was “a failure"),
]


@pytest.mark.parametrize("text, speaker, cue, content", ADVERBIALS, ids=[c[0][:40] for c in ADVERBIALS])
def test_adverbial_before_content(text: str, speaker: str, cue: str, content: str) -> None:
    """Time, place, channel and programme phrases after the cue are not content; "that" opens it."""
    quotes = [q for q in extract(text) if q.cue and q.cue.text == cue]
    assert quotes, [(q.cue and q.cue.text, q.text) for q in extract(text)]
    assert (quotes[0].speaker.mention, _content(text, quotes[0])) == (speaker, content)


def test_noun_complement_is_not_content() -> None:
    """'agreed to a settlement over allegations that …': the that-clause belongs to the noun."""
    text = "The firm agreed to a settlement over allegations that it misled investors."
    assert all(not q.text.startswith("that it misled") for q in extract(text))


@pytest.mark.parametrize("text", [
    "She is adding to her lead in the polls.",
    "The board has written off the loan to the club.",
    "Ortiz testified willingly in 2004.",
    "Northern states that vote in April have long winters.",
    "WASHINGTON (AP) — Ortiz argued the case on Friday.",
    "Ortiz, a lawyer, argued his case before the board.",
    "The clerk balanced the budget by adding a few fees to the bills.",
    "The panel rated 40% of Liberal claims as false.",
])
def test_no_reported_content(text: str) -> None:
    """A phrase after the cue (to …, off …, an adverb) or a noun that looks like a cue reports no statement."""
    assert all(not q.text.startswith(("to her", "off", "willingly", "that vote", "WASHINGTON", "Ortiz, a",
                                      "a few fees", "as false"))
               for q in extract(text))
