"""Quotation-mark detection: which passages are quotes, with exact content, as a table of cases."""

from __future__ import annotations

import pytest

from quotetrace import extract
from quotetrace.marks import detect_marks


def pieces(text: str) -> list[list[str]]:
    return [[s.of(text) for s in m.pieces] for m in detect_marks(text)]


CASES = [
    # plain marks of every style
    ('He said "we will win" today.', [["we will win"]]),
    ("He said “we will win” today.", [["we will win"]]),
    ("Er sagte „wir gewinnen“ heute.", [["wir gewinnen"]]),
    ("Il a dit « nous gagnerons » hier.", [["nous gagnerons"]]),
    ("She called it ‘a disgrace’ on Monday.", [["a disgrace"]]),
    ("She called it 'a disgrace' on Monday.", [["a disgrace"]]),
    # edge punctuation inside the marks is kept
    ("“It is over,” she said.", [["It is over,"]]),
    # a quote nested in a quote belongs to the outer one
    ("“He told me ‘never again’ last year,” she said.", [["He told me ‘never again’ last year,"]]),
    ('"He told me \'never again\' last year," she said.', [["He told me 'never again' last year,"]]),
    ("‘He shouted “stop” at us,’ she said.", [["He shouted “stop” at us,"]]),
    # ...in marks of its own style too, when the marks after it close both
    ('"So if someone walks in and says, "I want ten crates," you might wonder," Roe said.',
     [['So if someone walks in and says, "I want ten crates," you might wonder,']]),
    ("“People wore “Settle For Roe” shirts at her rally… ouch,” she wrote.",
     [["People wore “Settle For Roe” shirts at her rally… ouch,"]]),
    # apostrophes are never quotation marks
    ("The forces' positions don't change, and the voters’ mood in the ’90s was rock ’n’ roll.", []),
    ("Trump’s aides said 'it's fine' and left the soldiers' barracks.", [["it's fine"]]),
    ("We said ‘the voters’ choice is final’ and left.", [["the voters’ choice is final"]]),
    ("He ate ’em all in the '80s, didn't he?", []),
    # a split quote is one quote with one piece per part
    ("“The next days matter,” Trump said on Thursday. “I think we are close.”",
     [["The next days matter,", "I think we are close."]]),
    ('"We are ready," he said, "and we will go."', [["We are ready,", "and we will go."]]),
    ("“Who pays?” the senator asked. “Not us.”", [["Who pays?", "Not us."]]),
    # a long attribution with a description, and a participle with its own words before a new sentence
    ("“No,” said Jane Doe, who chaired the committee that held hearings on the matter for most of the "
     "past two years before the chamber voted to disband it. “Never.”", [["No,", "Never."]]),
    ("“We will win,” Ortiz said, stressing why the vote mattered. “Nobody can stop us.”",
     [["We will win,", "Nobody can stop us."]]),
    ("“Drivers honk and I wave, ‘Good morning,’” Lee explained. “Some wave back.”",
     [["Drivers honk and I wave, ‘Good morning,’", "Some wave back."]]),
    # ... but not when the first part ends its statement or a second cue starts a new one
    ("“We won.” He left. “Then we lost.”", [["We won."], ["Then we lost."]]),
    ("“We won,” she said, adding later, “we lost.”", [["We won,"], ["we lost."]]),
    # wrongly typed glyphs are read by their neighbours
    ("He said ”we will win” today.", [["we will win"]]),
    ('He said "we will win" today, then "lose" tomorrow.', [["we will win"], ["lose"]]),
    # empty marks are not quotes
    ('He said "" and “ ” then.', []),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_detected_pieces(text: str, expected: list[list[str]]) -> None:
    """Each text yields exactly the expected quotes, piece by piece."""
    assert pieces(text) == expected


def test_multi_paragraph_quote_is_one_quote() -> None:
    """A quote over paragraphs, reopened at each and closed only at the last, is one quote."""
    text = ("He spoke at length.\n\n“The first part of it.\n\n“The second part of it.\n\n"
            "“The end of it,” he said.\n\nAfter that, “a coda.”")
    assert pieces(text) == [["The first part of it.", "The second part of it.", "The end of it,"],
                            ["a coda."]]


def test_run_on_quote_named_only_at_its_end_is_one_quote() -> None:
    """A quote that opens its paragraph with no attribution and runs on to a paragraph that names
    its speaker is one quote: the name is its attribution, not a new speaker's."""
    text = ("The union was angry.\n\n“We have waited for years.\n\n“The money never came.\n\n"
            "“Now we are done,” said Ana Ruiz, the union’s president.")
    assert pieces(text) == [["We have waited for years.", "The money never came.", "Now we are done,"]]


def test_quote_introduced_by_a_colon_paragraph_has_its_speaker() -> None:
    """A run-on quote introduced by 'From the report:' has its attribution; a reopened quote
    with a named speaker after it is a new quote."""
    text = ("From the report:\n\n“Turnout fell.\n\n“We cannot explain it,” said Mia Park.")
    assert pieces(text) == [["Turnout fell."], ["We cannot explain it,"]]


def test_reopened_quote_with_its_own_speaker_is_a_new_quote() -> None:
    """A paragraph that reopens a mark but names its own speaker starts a new quote; the open
    quote before it ran to the end of its paragraph."""
    text = ("“We are ready,” Jane Roe said. “If the vote fails, we try again.\n\n"
            "“It will not fail,” added Rep. John Poe. “Not this time.”")
    assert pieces(text) == [["We are ready,", "If the vote fails, we try again."],
                            ["It will not fail,", "Not this time."]]


def test_an_opener_with_one_closer_after_it_makes_the_first_stray() -> None:
    """An opening mark while another is open, with one closing mark left in the paragraph, is a
    new quotation: the first mark was stray."""
    text = 'He said "this never ends. Then "she left the hall," he added.'
    assert pieces(text) == [["she left the hall,"]]


def test_stray_mark_costs_one_paragraph() -> None:
    """An unbalanced paragraph does not disturb the paragraphs after it."""
    text = 'He said "this has no end.\n\nShe said "this one does" and "so does this."\n'
    assert pieces(text) == [["this one does"], ["so does this."]]


def test_stray_closer_is_ignored() -> None:
    """A closing mark with nothing open before it is not a quote and breaks nothing."""
    text = "Her 6” heels” were “fine,” she said."
    assert pieces(text) == [["fine,"]]


def test_heading_is_a_boundary() -> None:
    """An open quote does not run across a heading into the next paragraph."""
    text = "“We are not done.\n\nPeace Talks Resume\n\nThe talks “resumed” on Friday."
    assert pieces(text) == [["resumed"]]


def test_offsets_index_the_text() -> None:
    """Every piece's offsets point at its content in the original string."""
    text = "Intro line.\r\n\r\nShe said “yes,” he said “no.”"
    for m in detect_marks(text):
        for s in m.pieces:
            assert text[s.start - 1] in "“" and text[s.end] in "”"


def test_a_stray_straight_mark_opening_a_paragraph_is_no_quotation() -> None:
    """In an article set with typographic marks, a lone straight mark that opens a paragraph and
    that nothing closes is debris: the paragraph is narration, and the next paragraph's quotation
    is not run on from it."""
    text = ("The rally went on.\n\n"
            "\"Jane Doe walked onto the stage, chanting “Go Port! Go Port!”\n\n"
            "“That’s right, Jane, all the way,” Ada Roe said to the nominee.\n\n"
            "\"Tom was snoring.\n\nMore news.")
    got = [(text[m.pieces[0].start:m.pieces[-1].end], len(m.pieces)) for m in detect_marks(text)]
    assert got == [("Go Port! Go Port!", 1), ("That’s right, Jane, all the way,", 1)]


def test_a_straight_opening_mark_closed_by_a_typographic_one_is_one_quotation() -> None:
    """“…” set in two styles ("… ,” said Doe.) is still one quotation."""
    text = "The rally went on.\n\n\"We will win the port back,” said Ada Roe.\n\nMore news."
    got = [text[m.pieces[0].start:m.pieces[-1].end] for m in detect_marks(text)]
    assert got == ["We will win the port back,"]


@pytest.mark.parametrize(("text", "speaker"), [
    # a closing mark typed as an opening one after a space still ends the quotation
    ("The hall was full.\n\n“My father paid for it. That is why he is the 'Lead Sponsor,' “ Tom Roe wrote of the gift.",
     "Tom Roe"),
    # ...and an opening mark typed as a closing one opens it
    ("The hall was full.\n\n” … the port is ours again,” Ada Roe said in December.", "Ada Roe"),
])
def test_a_mark_facing_the_wrong_way_is_read_the_way_it_pairs(text: str, speaker: str) -> None:
    """Typesetting software turns a mark after a space into an opening one: the pairing reads
    it as the quotation's end, and so do the rules that find its speaker. The article's text is
    quoted as it is."""
    (q,) = extract(text)
    assert q.kind == "direct" and q.speaker.mention == speaker
    assert q.text in text  # as the article has it


def test_two_apostrophes_are_one_mark_to_the_rules_too() -> None:
    """An archive that types ''…'' for “…”: a title in such marks inside a speaker's description
    is a title there, as it is in curly marks, and the speaker is the name before it."""
    text = ("The hall was full.\n\n''It does sound as if the board believes a breach is likely,'' said Tom Vale, "
            "the author of ''Harbour Order,'' who studies the port.")
    (q,) = [q for q in extract(text) if q.kind == "direct"]
    assert q.speaker.name == "Tom Vale" and q.text.startswith("It does sound")
