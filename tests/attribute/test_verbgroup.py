"""The cue as its verb group, as a table: sentence → cue."""

from __future__ import annotations

import pytest

from quotetrace import extract

CASES = [
    # auxiliaries, and the adverbs between them and the verb, belong to the cue
    ("The mayor has said the bridge will reopen.", "has said"),
    ("The senator has also repeatedly said that the bill is dead.", "has also repeatedly said"),
    ("The company did not say whether the plant would close.", "did not say"),
    ("Officials would not say how many people were hurt.", "would not say"),
    ("Ortiz went on to say that the deal was close.", "went on to say"),
    # a reporting verb that goes on with "to" and a second reporting verb is one cue
    ("The senator interjected to say that the vote was rigged.", "interjected to say"),
    # what the speaker is heard or seen doing, or keeps doing, before an -ing cue
    ("“The ferry will not run,” Ada Roe was heard telling the crew.", "was heard telling"),
    ("“Should the ferry run?” a passenger can be heard asking the captain.", "can be heard asking"),
    ("Ada Roe has been overheard saying that the ferry will not run.", "has been overheard saying"),
    ("Ada Roe kept saying that the ferry would not run.", "kept saying"),
    # a colon right after the cue joins it to the quotation it introduces
    ("The coach said: “We were not ready.”", "said:"),
    # an adverb with no auxiliary before it modifies the clause, and stays out
    ("The mayor also said the bridge would reopen.", "said"),
    # cues that are not verbs are left as they are
    ("Prices rose, according to the statistics office.", "according to"),
]


@pytest.mark.parametrize("text, cue", CASES, ids=[c[0][:40] for c in CASES])
def test_cue_is_the_verb_group(text: str, cue: str) -> None:
    """The cue runs from the first auxiliary to the verb, and over a colon that follows it."""
    assert [q.cue.text for q in extract(text) if q.cue] == [cue]


def test_participle_going_on_to_say() -> None:
    """'…, going on to say that …' reports with the cue 'going on to say'."""
    text = "Ortiz called the plan insane, going on to say that the city had spent too much."
    assert [q.cue.text for q in extract(text) if q.text.startswith("that the city")] == ["going on to say"]


def test_continued_paragraph_shares_the_cue() -> None:
    """A quotation paragraph that continues the one before has its attribution's cue."""
    text = "The mayor was defiant.\n\n“We are ready,” she said.\n\n“We have been ready for years.”"
    assert [q.cue.text for q in extract(text)] == ["said", "said"]
