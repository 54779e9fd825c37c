"""Speaker mentions read on their own (canonical name, type) and resolved inside an article."""

from __future__ import annotations

import pytest

from quotetrace import extract
from quotetrace.attribute.speakers import describe

DESCRIBE = [
    ("Germany’s Finance Minister Klara Vogt", "Klara Vogt", "person"),
    ("Vice President Ana Ruiz", "Ana Ruiz", "person"),
    ("Sen. Tom Harlan (R-Neb.)", "Tom Harlan", "person"),
    ("the state news agency Kyodo", "Kyodo", "organization"),
    ("Argus, a weekly paper based in the capital", "Argus", "organization"),
    ("The Brazilian Supreme Court", "Supreme Court", "organization"),
    ("NATO", "NATO", "organization"),
    ("The Times", "The Times", "organization"),
    ("an official familiar with the matter", "an official familiar with the matter", "anonymous"),
    ("Sources close to the ministry", "Sources close to the ministry", "anonymous"),
    ("Democrats", "Democrats", "group"),
    ("Military analyst Ivo Brandt", "Ivo Brandt", "person"),
    # a field heads no person's title: capitalised, the words name a body; with a title they
    # are a role
    ("Harbour State", "Harbour State", "organization"),
    ("Avalon New Energy Finance", "Avalon New Energy Finance", "organization"),
    ("the Foreign Minister", None, "person"),
    ("the Secretary of State", None, "person"),
    ("the lawsuit", "the lawsuit", "document"),
    ("a police report", "a police report", "document"),
    ("The complaint, filed in federal court", "The complaint", "document"),
    ("Video Transcript", "Video Transcript", "document"),
    ("The Washington Post", "Washington Post", "organization"),
    # a surname that is also a title, after a first name, is a surname; before a name, a title
    ("Charlie Lund King", "Charlie Lund King", "person"),
    ("Ada Bishop", "Ada Bishop", "person"),
    ("King Haakon", "Haakon", "person"),
    # a name and where its bearer works: the name speaks, not the outlet or the school
    ("Jane Doe for the Harbour Courier", "Jane Doe", "person"),
    ("Ada Roe of Port Lund", "Ada Roe", "person"),
    ("Vale of the University of Avalon School of Law", "Vale", "unknown"),
    # the one who gave the speech or released the statement, not the place or the day after
    ("a speech Ms. Ada Roe gave at Port Lund University", "Ada Roe", "person"),
    ("a statement the Harbour Board released on Monday", "Harbour Board", "organization"),
    # but a person someone appointed or hired is described, not named
    ("an official Ada Roe appointed", "an official Ada Roe appointed", "anonymous"),
    # a title or an institution before the preposition is not a name
    ("Secretary of State Ana Ruiz", "Ana Ruiz", "person"),
    ("Former Secretary of State Ana Ruiz", "Ana Ruiz", "person"),
    # a title, a name and the place they serve: the name speaks, not the state
    ("Sen. Jane Doe of Avalon", "Jane Doe", "person"),
    ("Attorney General Ada Roe of Port Lund", "Ada Roe", "person"),
    ("former Gov. Tom Vale of New Avalon", "Tom Vale", "person"),
    ("Judge Ada Roe of the district court", "Ada Roe", "person"),
    ("Senate Minority Whip Tom J. Vale of Avalon", "Tom J. Vale", "person"),
    ("House Majority Leader Ada Roe of Port Lund", "Ada Roe", "person"),
    ("Finance Minister Klara Vogt of the Harbour Party", "Klara Vogt", "person"),
    # an institution named with "of" is named whole
    ("the Bank of Avalon", "Bank of Avalon", "organization"),
    ("the Department of Harbours", "Department of Harbours", "organization"),
    # but an institution "of" a place speaks for the place
    ("the government of Avalon", "Avalon", "organization"),
    # someone tied to a named person is not that person
    ("supporters of Jane Doe", "supporters of Jane Doe", "group"),
    ("a friend of Ada Roe", "a friend of Ada Roe", "anonymous"),
    ("sources close to Jane Doe", "sources close to Jane Doe", "anonymous"),
    ("The director of the Avalon Centre, Ina Vale", "Ina Vale", "person"),
    # ...except who speaks for them
    ("a spokesman for Jane Doe", "Jane Doe", "person"),
    # a description, then the name
    ("Another critic, Ina Vale,", "Ina Vale", "person"),
    # a relation to someone, then the name (and its title and party, in brackets)
    ("Roe’s niece, Ina Vale", "Ina Vale", "person"),
    ("Roe’s niece, state Del. Ina “Nan” Vale (D-Avalon)", "Ina Nan Vale", "person"),
    ("Roe’s spokesman, the agency", "Roe’s spokesman, the agency", "anonymous"),
    # a quantity alone is one unnamed speaker or a group, never a name
    ("Another", "Another", "anonymous"),
    ("Some", "Some", "group"),
    ("His former partner at Argus, Tom J. Lund,", "Tom J. Lund", "person"),
    # a surname that ends like a nationality is still a name; a relative clause is no institution
    ("Sen. Ada Kowalski of Avalon, who wants a commission to study it", "Ada Kowalski", "person"),
    # ...and so is a first name ("Susan", "Eric", "Brian", "Ryan" end like "Italian", "Hispanic")
    ("Susan Vale", "Susan Vale", "person"),
    ("Eric Roe", "Eric Roe", "person"),
    ("Brian P. Lund", "Brian P. Lund", "person"),
    ("Ryan Vale of Port Lund", "Ryan Vale", "person"),
    # a party or an occupation before a full name describes it; a party's own name keeps it
    ("Republican Tom Vale", "Tom Vale", "person"),
    ("Comedian Ada Roe", "Ada Roe", "person"),
    ("Democratic National Committee", "Democratic National Committee", "organization"),
    ("Christian Democrats", "Democrats", "group"),
    # a country or a state written like a person's name is none
    ("United States", "United States", "organization"),
    ("North Carolina", "North Carolina", "organization"),
    # a thing made, then who made it: the maker speaks
    ("a new poll by the Avalon Institute of Politics", "Avalon Institute of Politics", "organization"),
    ("calculations by the Avalon Institute of Technology", "Avalon Institute of Technology", "organization"),
    ("data released Friday by state regulators", "state regulators", "group"),
    # a title word can end a name: a news agency is no press secretary
    ("the Associated Press", "Associated Press", "organization"),
    ("Press Secretary Ada Roe", "Ada Roe", "person"),
    # a share of a group or its followers, even at the start of a sentence, are not the one they follow
    ("Supporters of Jane Doe", "Supporters of Jane Doe", "group"),
]


@pytest.mark.parametrize("mention, name, kind", DESCRIBE)
def test_describe(mention: str, name: str, kind: str) -> None:
    """Titles, roles, possessive owners and descriptions are not part of the canonical name."""
    d = describe(mention)
    assert (d.name, d.type) == (name, kind)


def test_a_share_of_a_group_is_not_the_group() -> None:
    """"76 percent of Democrats" is no name; neither is the place after "the mayor of"."""
    assert describe("76 percent of Democrats").name is None
    d = describe("the mayor of Port Lund")
    assert d.name is None and d.role == "mayor"


def test_role_phrase_has_no_name_but_a_role() -> None:
    """'The French President' names a role; the article must say who holds it."""
    d = describe("The French President")
    assert d.name is None and d.role == "president" and d.qualifier == "fren"


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.speaker.mention, q.speaker.name) for q in extract(text) if q.speaker]


def test_surname_resolves_to_full_name() -> None:
    """A later surname takes the full name the article used first."""
    text = ("Finance Minister Klara Vogt said the budget was balanced.\n\n"
            "Vogt added that taxes would not rise.")
    assert _speakers(text) == [("Finance Minister Klara Vogt", "Klara Vogt"), ("Vogt", "Klara Vogt")]


@pytest.mark.parametrize("text, expected", [
    # a sentence's last word and the next one's first are two names, not one
    ("Ada Marsh runs the ferry board. The board met Tom Vale. But Marsh said the talks had failed.",
     [("Marsh", "Ada Marsh")]),
    # nor do a sentence's opening conjunction or adverb and the surname after it make one
    ("Ada Marsh runs the ferry board. Although Marsh was cleared, the inquiry went on for a year. Marsh said "
     "the talks had failed.", [("Marsh", "Ada Marsh")]),
    # an initial and a title's abbreviation stay inside the name
    ("The board met Gov. Tom Vale and Jane Q. Doe on Monday. Doe said the talks had failed.", [("Doe", "Jane Q. Doe")]),
])
def test_a_full_name_never_crosses_a_sentence_end(text: str, expected: list) -> None:
    """The names an article writes in full are read without running over a period that ends a
    sentence, so a surname never takes a "name" made of two sentences' words."""
    assert _speakers(text) == expected


def test_pronoun_resolves_to_previous_speaker() -> None:
    """'she said' takes the nearest earlier person who spoke."""
    text = ("Mayor Rita Osei said the bridge would reopen.\n\n"
            "“We have waited long enough,” she said.")
    assert _speakers(text)[-1] == ("she", "Rita Osei")


def test_it_resolves_to_an_organization() -> None:
    """'It added' takes the nearest earlier organisation, not a person."""
    text = ("The election commission said the count was complete. "
            "It added that a recount had been requested by Mayor Dan Ferris.")
    assert _speakers(text)[-1] == ("It", "The election commission")


def test_role_resolves_to_the_person_named_with_it() -> None:
    """'the French President' takes the person the article named with that role."""
    text = ("French President Luc Marand met the delegation on Monday.\n\n"
            "The French President said the talks had gone well.")
    assert _speakers(text)[-1] == ("The French President", "Luc Marand")


def test_role_with_another_country_is_not_that_person() -> None:
    """A role of another country does not resolve to the wrong president."""
    text = ("Brazilian President Lia Costa spoke first.\n\n"
            "Paul Ames said the deal was close. The French President said the talks had gone well.")
    assert _speakers(text)[-1][1] != "Lia Costa"


@pytest.mark.parametrize(("mention", "name"), [
    # a description points back to the person who spoke just before
    ("the senator", "Ada Vale"),
    # a name of capitalised words is its own, and someone new is not the last speaker
    ("Harbour Pollster", "Harbour Pollster"),
    ("one former aide", "one former aide"),
    # a title word that is the surname of a person the article names takes that person
    ("Mr. Prince", "Tom Prince"),
])
def test_a_role_phrase_points_back_only_when_it_describes(mention: str, name: str) -> None:
    text = ("Tom Prince opened the hearing on Monday.\n\n“We will not wait,” said Ada Vale. "
            f"“The rules are clear,” {mention} said.")
    assert _speakers(text)[-1] == (mention, name)


def test_a_name_is_read_without_the_word_that_opens_its_sentence() -> None:
    """"And Jane Doe spoke first" names Jane Doe, whom a later "Doe" is."""
    text = ("And Jane Doe spoke first at the hearing on Monday.\n\n"
            "“We will win this,” Doe said.")
    assert _speakers(text)[-1] == ("Doe", "Jane Doe")


def test_a_surname_takes_the_usual_form_of_its_name() -> None:
    """Of two forms of one name, the one the article writes most names the speaker, not a
    nickname written once before it."""
    text = ("Critics call him Lying Tom Vale.\n\n"
            "Tom Vale spoke on Monday. Tom Vale spoke again on Tuesday.\n\n"
            "“We will win this,” Vale said.")
    assert _speakers(text)[-1] == ("Vale", "Tom Vale")


def test_a_title_in_capitals_is_no_name() -> None:
    """A run of capitalised words with a verb or a preposition in it ("Vale Just Responded To
    Roe") is a title: its last word is not a full name's surname."""
    text = ("Vale Just Responded To Roe.\n\nJane Roe spoke first at the hearing.\n\n"
            "“We will win this,” Roe said.")
    assert _speakers(text)[-1] == ("Roe", "Jane Roe")


def test_she_is_never_a_man_the_article_calls_mr() -> None:
    """A pronoun skips the speakers its article's honorifics give the other gender."""
    text = ("Jane Roe spoke first at the hearing. Mr. Vale spoke next and said the plan would fail.\n\n"
            "“We lost the vote,” she said.")
    assert _speakers(text)[-1] == ("she", "Jane Roe")


def test_she_is_never_a_place() -> None:
    """A pronoun does not take a country or a state the article names before it."""
    text = ("Voters across the United States rejected the motion on Monday.\n\n"
            "“We lost the vote,” she said.")
    assert _speakers(text)[-1] == ("she", "she")


def test_she_is_never_an_event() -> None:
    """Nor an event or an era written like a name ("the Great Crisis", "the Long War")."""
    text = ("Their plan kept the Great Crisis from becoming another Long War.\n\n"
            "“We lost the vote,” she said.")
    assert _speakers(text)[-1] == ("she", "she")


def test_an_opening_clause_is_no_subject() -> None:
    """The subject comes after an opening phrase or clause ("Absent …,", "If …,"), not in it."""
    text = "Absent a strong defense of these programs, the voters may listen and conclude that they failed."
    assert _speakers(text)[-1] == ("the voters", "the voters")
    text = "If the plan fails, Jane Doe said, the town will sue."
    assert _speakers(text)[-1] == ("Jane Doe", "Jane Doe")


def test_who_takes_the_name_before_it() -> None:
    """A relative "who" keeps its mention and takes the name just before its comma, or before the
    description between them; never one of two names, nor a name inside a description."""
    cases = [
        ("The plan drew fire from Sen. Tom Vale of Avalon, who said that it was unfit.", "Tom Vale"),
        ("It is not enough, said Tom Vale, a senior analyst at Argus, who notes that sales fell.", "Tom Vale"),
        ("The plan drew fire from Ada Roe and Tom Vale, who say that it was unfit.", "who"),
    ]
    for text, name in cases:
        assert _speakers(text)[-1] == ("who", name), text


def test_a_conjunction_opening_the_sentence_is_no_part_of_the_name() -> None:
    """"But Roe, who …, said" names Roe, whose full name the article gave before."""
    text = "It was a tale, said Ada Roe. But Roe, who recalled the day, said that it was a tale of caution."
    assert _speakers(text)[-1][1] == "Ada Roe"


def test_a_surname_two_people_bear() -> None:
    """A surname two people of the article bear names the one introduced first, unless another
    is written in full twice as often; written more often but not twice, it names nobody."""
    first = "Tom Vale spoke first. Ada Vale nodded. “We will win,” Vale said."
    assert _speakers(first)[-1] == ("Vale", "Tom Vale")
    twice = "Ada Vale nodded. Tom Vale spoke. Tom Vale spoke again. “We will win,” Vale said."
    assert _speakers(twice)[-1] == ("Vale", "Tom Vale")
    tie = ("Ada Vale nodded. Ada Vale left. Tom Vale spoke. Tom Vale spoke again. Tom Vale sat down. "
           "“We will win,” Vale said.")
    assert _speakers(tie)[-1] == ("Vale", "Vale")
    # a middle initial does not make a second person, nor does a word that opens the sentence
    one = "Tom Vale spoke first. Tom Q. Vale spoke again. Does Vale care? “We will win,” Vale said."
    assert _speakers(one)[-1] == ("Vale", "Tom Q. Vale")  # (the fuller form of one name)


def test_pronoun_never_resolves_across_a_heading() -> None:
    """After a heading, 'he said' with no speaker since stays unresolved rather than guessed."""
    text = ("Senator Omar Haddad said the vote would pass.\n\n"
            "Storm Season Begins\n\n"
            "“It will be a long night,” he said.")
    mention, name = _speakers(text)[-1]
    assert mention == "he" and name == "he"


# (text, speaker mention): quantities, groups and descriptions as speakers
GROUP_SPEAKERS = [
    ("Two in three said they would vote again.", "Two in three"),
    ("Sixty-one percent said the fare was too high.", "Sixty-one percent"),
    ("On transport, 35% say they drive daily.", "35%"),
    ("Some said they had left early.", "Some"),
    ("Almost half of respondents said the park was unsafe.", "Almost half of respondents"),
    ("In every district, those surveyed say the roads come first.", "those surveyed"),
    ("Marine biologists say the reef is recovering.", "Marine biologists"),
    ("The self-described former anarchist said he would win the seat.", "The self-described former anarchist"),
    ("Rosa Lee, 58, a retired nurse born in Porto, said she wanted change.",
     "Rosa Lee, 58, a retired nurse born in Porto"),
]


@pytest.mark.parametrize("text, mention", GROUP_SPEAKERS, ids=[c[0][:40] for c in GROUP_SPEAKERS])
def test_group_and_quantity_speakers(text: str, mention: str) -> None:
    """A poll's share, a quantified or plural group, or a described person speaks."""
    (q,) = extract(text)
    assert q.speaker is not None and q.speaker.mention == mention


@pytest.mark.parametrize("text", [
    "Visitors get passes telling them which door to use.",
    "The town had only three reported thefts last winter.",
    "Ruiz has won more pledged votes than her rival.",
])
def test_modifiers_are_not_cues(text: str) -> None:
    """A participle that modifies a noun ('passes telling', 'reported thefts') reports nothing."""
    assert extract(text) == []


def test_a_role_mention_is_resolved_but_not_a_name_ending_with_a_title() -> None:
    """'the king' stands for the king the article named; 'Charlie Lund King' is a person of his
    own, never the last person the article named."""
    text = ("Mayor Ada Roe said the port would reopen.\n\n"
            "“It is heartbreaking,” Charlie Lund King said.")
    (q,) = [q for q in extract(text) if q.kind == "direct"]
    assert q.speaker is not None and q.speaker.name == "Charlie Lund King"


@pytest.mark.parametrize(("text", "name"), [
    # a group named against someone is no full name of theirs
    ("The Coalition Against Vale met on Friday. Earlier, Tom Vale had spoken. “We will win,” Vale said.",
     "Tom Vale"),
    # a surname that is also a modal
    ("Columnist George Will wrote on Friday. “The party is lost,” Will said.", "George Will"),
])
def test_a_surname_takes_the_full_name_of_a_person(text: str, name: str) -> None:
    """A bare surname takes the full name of the person the article names, not of a group
    whose name ends with it; a surname that is a function word ends a full name too."""
    (q,) = extract(text)
    assert q.speaker.name == name


def test_a_title_case_headline_with_a_stop_lends_no_run_of_capitals_as_a_name() -> None:
    """In a title-case first line capitals cannot tell where a name ends: "Hedge Funds Support
    Jane Doe" is no full name of the Doe the body quotes."""
    text = ("The Only Reason Hedge Funds Support Jane Doe.\n\nWASHINGTON — Jane Doe argued on Saturday that she "
            "could be tough.\n\n"
            "“They clearly think I will do what I say,” Doe said.")
    assert [q.speaker.name for q in extract(text)] == ["Jane Doe", "Jane Doe"]


def test_the_end_of_an_institutions_name_is_no_person() -> None:
    """"Office of Harbour Management" names no person "Harbour Management" for a pronoun to
    take: with no person named before it, "he" stays as written."""
    text = ("The Office of Harbour Management was hacked last year. In his view the ferry had run "
            "in waters of what he called “sophisticated adversaries.”")
    (q,) = extract(text)
    assert q.speaker.name == "he"



def test_a_title_in_marks_is_nobody_a_pronoun_can_be() -> None:
    """'the author of “Harbour Lights Forever,” who …': the words in marks name a book, which
    the article's people (those a "he" may resolve to) leave out; a name in a quotation stays."""
    from quotetrace.attribute.resolve import _Names
    text = ("“The port will close,” said Tom Vale, the author of “Harbour Lights Forever,” who studies "
            "ferries at the college. “Ask Ada Roe about it,” he added.")
    assert [name for _, name in _Names(text).people] == ["Tom Vale", "Ada Roe"]
