"""Where content ends, as a table: sentence → (cue, content). Written for these tests; each stands
for a construction of news text."""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, cue, content)
CASES = [
    # a participle after an auxiliary or a verb of aspect is the clause's own verb
    ("He added that he was simply questioning whether the trial was fair.", "added",
     "that he was simply questioning whether the trial was fair"),
    ("Corker said he began speaking with other members months ago.", "said",
     "he began speaking with other members months ago"),
    # a participle after a quotation opens a clause of the attribution's own
    ("The mayor called the plan “a disgrace,” blaming the council for the delay.", "called",
     "the plan “a disgrace"),
    # a cue inside a subordinate clause: its content ends with the clause
    ("As the governor announces that she is ready for the fight, she is set to sign three orders.", "announces",
     "that she is ready for the fight"),
    ("The rate rose in December, just as she said it would, and the market barely moved.", "said", "it would"),
    # a parenthetical attribution: what comes after it continues the statement
    ("The museum, Mr. Obama said, would make visitors face hard truths.", "said",
     "The museum, would make visitors face hard truths"),
    ("The smog had become so bad, Mr. Obama noted, that the embassy page was the most visited.", "noted",
     "The smog had become so bad, that the embassy page was the most visited"),
    ("Though that transition was seamless, he said, replacing her would be much harder.", "said",
     "Though that transition was seamless, replacing her would be much harder"),
    ("He has a model, he said, for how the industry can keep producing.", "said",
     "He has a model, for how the industry can keep producing"),
    ("The plan is dead, Ortiz said, citing the budget.", "said", "The plan is dead"),
    # an attribution after a phrase that is no statement by itself interrupts the statement
    ("Too often, Mr. Clarke said, the companies walk away from their mines.", "said",
     "Too often, the companies walk away from their mines"),
    ("It was, the president said, a stone where families were sold.", "said",
     "It was, a stone where families were sold"),
    ("The museum, Mr. Bush said, tells the story of a nation.", "said", "The museum, tells the story of a nation"),
    ("Mills “got immunity,” Jordan said, and still “sat in on the interview.”", "said",
     "Mills “got immunity, and still “sat in on the interview"),
    # an attribution inside a sentence whose subject is the quotation: the predicate is content too
    ("“Family leave,” the form states, becomes available after a year.", "states",
     "Family leave, becomes available after a year"),
    # a split quotation whose first piece ends in a nested quotation
    ("“People stop and I say, ‘Thank you for voting,’” Lee explained. “Some say we are wrong.”", "explained",
     "People stop and I say, ‘Thank you for voting, Some say we are wrong"),
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
    ("Ortiz wrote in an email to the Ledger that the plan was dead.", "Ortiz", "wrote", "that the plan was dead"),
    ("Rivera said Sunday in Salem, Oregon, that he was hoping for a big turnout.", "Rivera", "said",
     "that he was hoping for a big turnout"),
    ("Lee said on Channel 4’s “Morning Hour” that the tax would go.", "Lee", "said", "that the tax would go"),
    ("The mayor campaigned on Friday, telling voters in Salem, Oregon, that the tax would go.", "The mayor",
     "telling", "that the tax would go"),
    # a recipient after "to", then the that-clause
    ("The Legion wrote to the senator's office that it had not given permission.", "The Legion", "wrote",
     "that it had not given permission"),
    ("Weiner admitted to the newspaper that they had been friends for years.", "Weiner", "admitted",
     "that they had been friends for years"),
    # a cue inside a relative clause: its content ends with the clause
    ("Her relatives, who said the video should be released, watched it on Thursday.", "who", "said",
     "the video should be released"),
    # a channel before "that", and "that," before a quotation
    ("The commission says on its website that there were issues with the audio.", "The commission", "says",
     "that there were issues with the audio"),
    ("Ditto said via email that the campaign would respond.", "Ditto", "said", "that the campaign would respond"),
    ("Ortiz tweeted that, “At least you know I will be awake.”", "Ortiz", "tweeted",
     "that, “At least you know I will be awake"),
    # a contracted pronoun subject, a relative pronoun after a year, a single person counted
    ("He’s claiming that the vote was rigged.", "He", "’s claiming", "that the vote was rigged"),
    ("McConnell, who in 2010 said the goal was to make Obama a “one-term president,” agreed.", "who", "said",
     "the goal was to make Obama a “one-term president"),
    ("At a forum, one questioner claimed that the rules hurt the military.", "one questioner", "claimed",
     "that the rules hurt the military"),
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
    "He is adding to his wins in the South.",
    "The committee has written off efforts by the dissidents.",
    "Ortiz testified voluntarily in 1998.",
    "Southern states that vote in March have large minority populations.",
    "WASHINGTON (AP) — Ortiz argued the case on Friday.",
    "Ortiz, a lawyer, argued his case before the board.",
    "The agency defined the zones by adding a few poor towns to rich ones.",
    "The site rated 32% of Republican claims as false.",
])
def test_no_reported_content(text: str) -> None:
    """A phrase after the cue (to …, off …, an adverb) or a noun that looks like a cue reports no statement."""
    assert all(not q.text.startswith(("to his", "off", "voluntarily", "that vote", "WASHINGTON", "Ortiz, a",
                                      "a few poor", "as false"))
               for q in extract(text))
