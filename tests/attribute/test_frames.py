"""Attribution rules as a table: sentence → (speaker mention, cue, content).

The sentences are written for these tests; each stands for a construction found in news text
(the comment names it). Content is compared after trimming edge punctuation and marks.
"""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, speaker mention or None, cue, content)
CASES = [
    # X said (that) …
    ("The mayor said the bridge would reopen in May.", "The mayor", "said", "the bridge would reopen in May"),
    ("Senator Jane Alder said that the bill was dead.", "Senator Jane Alder", "said", "that the bill was dead"),
    ("The governor said on Tuesday that taxes would not rise.", "The governor", "said", "that taxes would not rise"),
    # …, X said.  /  …, said X.
    ("The plant will close next year, the company said.", "the company", "said", "The plant will close next year"),
    ("The vote was rigged, said Omar Beltran, a local organizer.", "Omar Beltran, a local organizer", "said",
     "The vote was rigged"),
    ("“We will fight on,” Maria Costa told reporters on Monday.", "Maria Costa", "told", "We will fight on"),
    ("“Nobody saw it coming,” said the chief inspector.", "the chief inspector", "said", "Nobody saw it coming"),
    # a participle's phrase after the name describes it: the name alone speaks
    ("Ada Roe walking across the bridges chanted “Which budget?” and moved on.", "Ada Roe", "chanted",
     "Which budget"),
    ("Democrats trying to win the seat in November say they have a new weapon.", "Democrats", "say",
     "they have a new weapon"),
    # a clause of its own after a comma and a conjunction, with its own speaker, ends the content
    ("Jane Doe said the plan was dead, while Tom Roe insisted it would pass.", "Jane Doe", "said", "the plan was dead"),
    ("Jane Doe had warned him to act “calm,” but Tom Roe said the vote would pass.", "Jane Doe", "had warned",
     "him to act “calm"),
    # X told Y (on Z) that …
    ("Tom Vale has assured reporters he’s going to keep the budget “balanced” this year.", "Tom Vale", "has assured",
     "he’s going to keep the budget “balanced” this year"),
    ("The minister told the BBC on Friday that the talks had failed.", "The minister", "told",
     "that the talks had failed"),
    # X added that … / It added that …
    ("The agency confirmed the outage. It added that repairs had begun.", "It", "added", "that repairs had begun"),
    # according to X, … / …, according to X
    ("According to the health ministry, 40 people were hurt.", "the health ministry", "According to",
     "40 people were hurt"),
    ("Prices rose by 3 percent, according to the statistics office.", "the statistics office", "according to",
     "Prices rose by 3 percent"),
    # participial and coordinated cues carry the subject over
    ("The senator attacked the plan, saying it would cost billions.", "The senator", "saying", "it would cost billions"),
    ("The coach praised his players but added that the defense was weak.", "The coach", "added",
     "that the defense was weak"),
    # described as / described by X as / a passive with no agent
    ("Neighbors described him as “quiet and polite.”", "Neighbors", "described", "quiet and polite"),
    ("The device has been described as “crude.”", None, "described", "crude"),
    ("The scheme, described by prosecutors as “brazen,” ran for years.", "prosecutors", "described", "brazen"),
    # a split quotation: one quote, two pieces
    ("“The next weeks matter,” the envoy said on Monday. “We are close to a deal.”", "the envoy", "said",
     "The next weeks matter, We are close to a deal"),
    # a quotation after a colon-ended paragraph
    ("The statement read:\n\n“We regret the decision and will appeal.”", "The statement", "read:",
     "We regret the decision and will appeal"),
    # a quotation signed after a dash
    ("“I have never seen anything like it.” ― Dana Whitfield", "Dana Whitfield", "―",
     "I have never seen anything like it"),
    # anonymous sources
    ("An official familiar with the talks said no date had been set.", "An official familiar with the talks", "said",
     "no date had been set"),
    ("Sources close to the team said the coach would resign.", "Sources close to the team", "said",
     "the coach would resign"),
    # a cue word after a name's possessive is a noun of the description ("Lund’s thinking")
    ("Another source familiar with Lund’s thinking said, “She will run again.”",
     "Another source familiar with Lund’s thinking", "said", "She will run again"),
    # descriptions around a name: "X, a Y, said"
    ("Paul Renner, a lawyer for the family, said the case would go to trial.", "Paul Renner, a lawyer for the family",
     "said", "the case would go to trial"),
    # a question: "…?” Clinton asked."
    ("“Who pays for this?” the senator asked.", "the senator", "asked", "Who pays for this"),
    # constructions found in PolNeAR's training split, in sentences written for these tests:
    # a sentence that opens with its cue
    ("Said Moreno: “Nobody here wants a recount.”", "Moreno", "Said", "Nobody here wants a recount"),
    ("The vote was close. But, said Moreno, “nobody here wants a recount.”", "Moreno", "said",
     "nobody here wants a recount"),
    # a catenative before the cue
    ("Lindqvist continued to say he had never met the donor.", "Lindqvist", "continued to say", "he had never met the donor"),
    # a listener with a clause of its own after a quotation
    ("“We will win this county,” Harlow told a rally being held in a church hall.", "Harlow", "told",
     "We will win this county"),
    # two apostrophes as quotation marks, as some archives type them
    ("''It is a fair deal,'' Mr. Okafor said.", "Mr. Okafor", "said", "It is a fair deal"),
    # a plural possessive inside the speaker's description
    ("Dana Rooks, who runs the group's outreach to veterans' families, said, “They feel ignored.”",
     "Dana Rooks, who runs the group's outreach to veterans' families", "said", "They feel ignored"),
    # a description that opens with "one of"
    ("“She came forward when nobody else did,” said Ivo Pavel, one of several engineers on the project.",
     "Ivo Pavel, one of several engineers on the project", "said", "She came forward when nobody else did"),
    # asked whether
    ("The union asked whether the candidates supported the bill.", "The union", "asked",
     "whether the candidates supported the bill"),
    # any phrase after "according to" is the source
    ("According to early returns, Ortiz won the county.", "early returns", "According to", "Ortiz won the county"),
    # a sentence that opens with "Asked": the question is the content, its asker (if named) the speaker
    ("Asked whether he would run again, Ortiz said he had not decided.", None, "Asked", "whether he would run again"),
    ("Asked about her own vote, she declined to answer.", None, "Asked about", "her own vote"),
    ("Asked by the host about the plan, Ortiz laughed.", "the host", "Asked", "the plan"),
    # a headline in title case capitalises its cue
    ("Mayor Ruiz Says Budget Talks Are Over.", "Mayor Ruiz", "Says", "Budget Talks Are Over"),
    ("Budget Talks Are Over, Mayor Ruiz Says.", "Mayor Ruiz", "Says", "Budget Talks Are Over"),
    ("Ruiz Calls On The Chief To Resign.", "Ruiz", "Calls On", "The Chief To Resign"),
    ("Railing Against The Council, Ruiz Vows To End The Talks.", "Ruiz", "Vows", "To End The Talks"),
    # a directive: who is asked to act is part of the request
    ("The mayor urged residents to stay indoors.", "The mayor", "urged", "residents to stay indoors"),
    # a reporting verb and a colon end a paragraph; the next paragraph, without marks, is the content
    ("The coach added:\n\nWe were outplayed from the first minute. Nobody on the bench can deny it.", "The coach",
     "added:", "We were outplayed from the first minute. Nobody on the bench can deny it"),
    # an infinitive of purpose after the subject's own verb phrase: the subject speaks
    ("Ada Roe took to the radio overnight to accuse the board of being “duped” by “a con.”", "Ada Roe", "accuse",
     "the board of being “duped” by “a con"),
    # after a verb that hands the infinitive to its object, the object speaks
    ("Ada Roe persuaded the board to say that the fares would rise.", "the board", "say",
     "that the fares would rise"),
    # a group with "and others"
    ("Edwards and others said they could not back the plan.", "Edwards and others", "said",
     "they could not back the plan"),
    # an opening phrase that names a show in marks is where it was said, not what
    ("On “Meet the Harbour,” Jane Doe said the plan would “wreck the city.”", "Jane Doe", "said",
     "the plan would “wreck the city"),
    # a title in marks inside the description of the speaker, its comma inside its marks
    ("Jane Doe, the co-author of “Going Viral,” said the days of “a unifying story” are gone.",
     "Jane Doe, the co-author of “Going Viral,”", "said", "the days of “a unifying story” are gone"),
    ('Jane Doe, the author of "Going Viral," about rumours, said the days of "a unifying story" are gone.',
     'Jane Doe, the author of "Going Viral," about rumours', "said", 'the days of "a unifying story" are gone'),
    # the subject of what is heard or seen said, or kept being said, speaks
    ("“The ferry will not run,” Ada Roe was heard telling the crew.", "Ada Roe", "was heard telling",
     "The ferry will not run"),
    ("Sen. Ada Roe (D-Avalon) kept asking him why the ferry had stopped running.", "Sen. Ada Roe",
     "kept asking", "why the ferry had stopped running"),
    ("The crowd was shown chanting “Ferry now! Ferry now!”", "The crowd", "was shown chanting",
     "Ferry now! Ferry now"),
    # a reaction reports the quotation it is given, before or after it
    ("Ada Roe, the harbour master, reacted sharply to the vote, “We will not let the ferry sink.”",
     "Ada Roe, the harbour master", "reacted", "We will not let the ferry sink"),
    ("“What ferry is he talking about?” reacted Roe.", "Roe", "reacted", "What ferry is he talking about"),
    # a naming verb after "to" is an infinitive when a quotation follows it
    ("Vale went on to call Roe “the worst mayor the harbour town ever had.”", "Vale", "went on to call",
     "Roe “the worst mayor the harbour town ever had"),
    # a noun names the statement, and its owner speaks: the quotation that follows closely
    ("Fact-checkers looked at Vale’s claim that there were “thousands of shootings” in the city.", "Vale’s",
     "claim", "that there were “thousands of shootings"),
    ("Critics mocked Jane Doe’s statement that the city was “open for business.”", "Jane Doe’s", "statement",
     "that the city was “open for business"),
    ("Doe stood by her comment Monday that “the harbour hates us,” refusing to back down.", "her", "comment",
     "the harbour hates us"),
    ("Critics mocked Jane Doe’s hasty earlier claim that the city was “open for business.”", "Jane Doe’s", "claim",
     "that the city was “open for business"),
    ("Doe came under fire over her assertion during the debate that “the harbour is safe” at last.", "her",
     "assertion", "the harbour is safe"),
    ("Jane Doe said that Vale’s claim that Roe is in favour of raising the harbour fees is “simply not true.”",
     "Jane Doe", "said", "that Vale’s claim that Roe is in favour of raising the harbour fees is “simply not true"),
    # a participle that describes the speaker is part of the mention; a verb before its object is not
    ("Roe is the best candidate, retired general Tom Vale said.", "retired general Tom Vale", "said",
     "Roe is the best candidate"),
    ("Roe “is the only one who can win,” retired Gen. Tom Vale said.", "retired Gen. Tom Vale", "said",
     "Roe “is the only one who can win"),
    ("The plan will fail, the embattled mayor said.", "the embattled mayor", "said", "The plan will fail"),
    ("Doe rejected the offer, officials said.", "officials", "said", "Doe rejected the offer"),
    # verbs of judging, blaming and referring report the quotation close after their object
    ("Jane Doe blamed the flooding on “careless city planners.”", "Jane Doe", "blamed",
     "the flooding on “careless city planners"),
    ("Ada Roe mocked the mayor for “having a tough night” after the vote.", "Ada Roe", "mocked",
     "the mayor for “having a tough night” after the vote"),
    ("Vale likened the new rules to “burning the charter” in a letter.", "Vale", "likened",
     "the new rules to “burning the charter” in a letter"),
    ("Doe referred to the senator as “a bright, able leader” on Monday.", "Doe", "referred to",
     "the senator as “a bright, able leader” on Monday"),
    ("Marsh openly admires the premier as a “strong leader.”", "Marsh", "admires",
     "the premier as a “strong leader"),
    ("Chancellor Ada Roe heralded the harbour deal as a “breakthrough for the region.”", "Chancellor Ada Roe",
     "heralded", "the harbour deal as a “breakthrough for the region"),
    ("The board suspended the deal on Friday, citing “serious lapses in oversight.”", "The board", "citing",
     "serious lapses in oversight"),
    # a participle clause that opens the sentence with a quotation: the main clause's subject speaks
    ("Noting that the plan was “a mess,” Jane Doe voted against it.", "Jane Doe", "Noting",
     "the plan was “a mess"),
    ("Acknowledging that the mayor “says a lot of silly things,” though, Doe backed his budget.", "Doe",
     "Acknowledging", "the mayor “says a lot of silly things"),
    ("Calling the plan “a disaster,” Jane Doe urged lawmakers to vote against it.", "Jane Doe", "Calling",
     "the plan “a disaster"),
    # a dash before a quotation that ends the sentence introduces it as a colon would
    ("Vale also defended the harbour tax -- “I think it is the fairest tax we have.”", "Vale",
     "also defended the harbour tax --", "I think it is the fairest tax we have"),
    ("Vale also defended the harbour tax — “I think it is the fairest tax we have.”", "Vale",
     "also defended the harbour tax —", "I think it is the fairest tax we have"),
    # an inverted attribution that interrupts one statement, the speaker with a description
    ("The paradox of the harbour, says Tom Vale, a historian at the Avalon Library, is that it was “one of the "
     "busiest ports.”", "Tom Vale, a historian at the Avalon Library", "says",
     "The paradox of the harbour, is that it was “one of the busiest ports"),
    # a day after the cue, then the content without "that"
    ("In an interview, Tom Vale said on Thursday he “took the petition to the harbour office myself.”",
     "Tom Vale", "said", "he “took the petition to the harbour office myself"),
    # words that describe a title before the name belong to the subject
    ("Presumptive Harbour Party nominee Jane Doe joined the debate, announcing on Wednesday she would meet "
     "the “whole board.”", "Presumptive Harbour Party nominee Jane Doe", "announcing",
     "she would meet the “whole board"),
    # a verb coordinated after "and" has no noun phrase of its own: the clause's subject speaks
    ("Tom Vale regretted the mood of the harbour race and criticized the “petty feuding” in the council.",
     "Tom Vale", "criticized", "the “petty feuding” in the council"),
    # a passive cue with its agent after the quotation
    ("This habit of the board has been called “strategic ambiguity” by Jane Doe, a professor at Avalon.",
     "Jane Doe", "called", "strategic ambiguity"),
    # a word set off by commas between the subject and its verb
    ("Proponents of the harbour bill, however, say it would keep the “old safeguards.”",
     "Proponents of the harbour bill", "say", "it would keep the “old safeguards"),
    # "continue to" and a verb that is no cue is no attribution after a quotation that ends on a period
    ("Jane Doe said the harbour board would serve as a “referee.” Pilots will continue to guide the ferries.",
     "Jane Doe", "said", "the harbour board would serve as a “referee"),
    # a rating's words are the rater's, once its object is named
    ("The Harbour Fund rated 32% of the claims as “false” or “wildly wrong” last year.", "The Harbour Fund",
     "rated", "32% of the claims as “false” or “wildly wrong” last year"),
    ("The Harbour Fund rated 32% of Avalon claims as “false” last year.", "The Harbour Fund",
     "rated", "32% of Avalon claims as “false” last year"),
    # a channel or a time closed by a comma, then the clause without "that"
    ("Jane Doe argued in her email, the incident is a reason to adopt the new rules.", "Jane Doe", "argued",
     "the incident is a reason to adopt the new rules"),
    ("Jane Doe said on Sunday, it was a mistake.", "Jane Doe", "said", "it was a mistake"),
    # ...but a place goes on after its comma, and a participle opens a statement of its own
    ("Jane Doe said in Port Lund, Avalon, that it was a mistake.", "Jane Doe", "said", "that it was a mistake"),
    ("Jane Doe said in a statement, adding that it was a mistake.", "Jane Doe", "adding", "that it was a mistake"),
    # the source of "according to" runs on to who made the thing it names; a time is no source
    ("According to a 2019 study by the Avalon Institute of Economics, wages fell.",
     "a 2019 study by the Avalon Institute of Economics", "According to", "wages fell"),
    ("According to figures released by the ministry on Monday, prices rose.",
     "figures released by the ministry", "According to", "prices rose"),
    ("Prices rose, according to a survey conducted in May.", "a survey", "according to", "Prices rose"),
]


def _content(text: str, q) -> str:  # noqa: ANN001
    return ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans)


@pytest.mark.parametrize("text, speaker, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_construction(text: str, speaker: str | None, cue: str, content: str) -> None:
    """The construction yields a quote with this speaker mention, cue and content."""
    quotes = [q for q in extract(text) if q.cue and q.cue.text == cue]
    assert quotes, [(q.cue and q.cue.text, q.text) for q in extract(text)]
    q = quotes[-1]
    assert _content(text, q) == content
    if speaker is None:
        assert q.speaker is None
    else:
        assert q.speaker is not None and q.speaker.mention == speaker


NOT_SPEECH = [
    "The company posted record profits and claimed the top spot.",
    "The mayor conceded the race on Tuesday night.",
    "Rivera maintains a wide lead in the polls.",
    "Responding to critics, the board delayed the vote.",
    "No group has claimed responsibility for the attack.",
    "Footage posted on social media showed the fire.",
    "Her 2019 report on the state budget was widely read.",
    "He called a taxi and left.",
    "The talks, which began on Monday, continue this week.",
    "She said nothing.",
    # nouns that double as cues in a headline, a heading before a colon, a sentence adverb
    "New Parking Rules Draw Complaints Downtown.",
    "The Latest: Ruiz urges calm.",
    "Perhaps ask whether it matters.",
    "Like my neighbours, I believe the bridge will hold.",
    # a statement's noun without a quotation close after it reports nothing here
    "Jane Doe’s prediction that the vote would fail came true.",
    # verbs of judging and referring without a quotation close after them, or with a title
    "The mayor blamed the flooding on careless city planners.",
    "Roe cited the “Clean Water Harbour Act” as the reason for the delay.",
    "Doe compared the deal to the “Treaty of Port Lund” in a speech.",
    "She credited the crowd, which then sang “we shall overcome” together.",
    # an opening participle clause that names a show, or whose subject is cut short, reports nothing
    "Speaking on “The Harbour Hour,” Jane Doe smiled.",
    "Saying “enough,” the crowd left.",
    # a quotation between dashes inside the sentence is not introduced by the first
    "Vale had one answer -- “no” -- for every question.",
    "Students will continue to take the tests every spring.",
    # a day after an inverted cue says when, not who
    "The ferry accord, announced Friday, would stay in force for three summers.",
    # a name in marks called so by someone is not their words
    "The plan was called “Harbour Two” by its planners.",
    # what something was rated is not its own words
    "Most harbour files were withheld, nearly all of them rated “restricted,” the mildest grade.",
    # the object of a phrasal verb is no speaker: better none than the noun after "out" or "back"
    "The committee rolled out an ad calling the senator “a fraud.”",
    "Later that day, the office fired back a letter saying “we will not pay.”",
    # a verb that reports only a quotation does not report a clause that holds a title
    "After a host was fired over remarks about “Return of the Tides,” the anchor Ada Roe reacted with a letter.",
    "After a host was fired over remarks about “Return of the Tides,” the anchor Ada Roe sighed with relief.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_no_attribution(text: str) -> None:
    """Cue-like words that report no statement yield no quote."""
    assert extract(text) == []


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    """A quoted title or a scare-quoted word with no one saying it is left out."""
    assert extract("The film “Blue Sky” opened in the so-called “arts district” on Friday.") == []


KINDS = [
    ("“We are ready,” she said.", "direct"),
    ("She said the city was “ready for anything” after the storm.", "mixed"),
    ("She said the city was ready.", "indirect"),
    ("The Guardian reports that “the vote was close.”", "direct"),
]


@pytest.mark.parametrize("text, kind", KINDS)
def test_kinds(text: str, kind: str) -> None:
    """direct: only quoted words; mixed: a clause with quoted fragments; indirect: no marks."""
    (q,) = extract(text)
    assert q.kind == kind


@pytest.mark.parametrize("text", ["He did exactly what he was told to", "It is what she asked to",
                                  "“Go,” he said, as he had promised to"])
def test_cue_and_to_at_the_end_of_a_sentence(text: str) -> None:
    """A cue followed by a final "to" (no verb after it) reads without error and takes no second verb."""
    for q in extract(text):
        assert q.cue is None or not q.cue.text.endswith("to")


def test_continuing_to_act_is_no_attribution() -> None:
    """"Continue to" and a verb that is no cue reports nothing: the quotation before it is not
    the words of the subject that goes on doing something."""
    text = "The mayor spoke last. “The board will serve as a referee.” Pilots will continue to guide the ferries."
    assert all(q.speaker is None or q.speaker.mention != "Students" for q in extract(text))


def test_a_quotation_goes_on_past_a_passive_cue() -> None:
    """A quotation that ends its paragraph goes on with the speaker of the sentence before it,
    though that sentence says the document was reported by someone else: a passive participle
    names no new speaker."""
    text = ("“The ferry rules may have done that,” Ash wrote in a memo, which was soon "
            "reported by the Harbour Gazette. “Reopening the vote halfway is no answer.”")
    got = [(q.text, q.speaker.name if q.speaker else None) for q in extract(text)]
    assert ("Reopening the vote halfway is no answer.", "Ash") in got


def test_a_cue_that_opens_the_sentence_is_not_part_of_the_name() -> None:
    """"Said Vale:" names Vale: the capitalised cue before a lone surname is no first name."""
    (q,) = extract("Said Vale: “We won the harbour vote.”")
    assert q.speaker is not None and q.speaker.name == "Vale"


@pytest.mark.parametrize("text, expected", [
    ("Last month, the ferry board said about the new plan that it would run a late boat.",
     [("the ferry board", "that it would run a late boat")]),
    ("Early on Tuesday, the ferry board said of the timetable:\n\n“It adds a late boat and a second crew for the "
     "winter.”", [("the ferry board", "It adds a late boat and a second crew for the winter")]),
])
def test_a_time_before_the_comma_is_neither_content_nor_speaker(text: str, expected: list) -> None:
    """``Last month, the board said …``: the time that opens the sentence is not what was said,
    and before a colon the speaker is the subject after it, up to its reporting verb."""
    assert [(q.speaker.mention if q.speaker else None, _content(text, q)) for q in extract(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("The ferry board said that the new timetable would add a late boat.",
     [("The ferry board", "that the new timetable would add a late boat")]),
    ("The harbour added 300 jobs in May, the ferry board said.", [("the ferry board", "The harbour added 300 jobs in May")]),
    # the words added: a clause, or a colon before them
    ("Ada Vale added the vote must wait until the spring.", [("Ada Vale", "the vote must wait until the spring")]),
])
def test_adding_a_thing_is_not_a_statement(text: str, expected: list) -> None:
    """``would add a late boat``, ``added 300 jobs``: what is added is a thing, not words."""
    assert [(q.speaker.mention if q.speaker else None, _content(text, q)) for q in extract(text)] == expected


@pytest.mark.parametrize("text", [
    "Jane Doe said the museum would tell a story of “grief and delight” to every visitor.",
    "President Ada Roe, opening the hall, said it would tell a story, one of “grief and delight.”",
])
def test_what_someone_will_say_belongs_to_the_statement_around_it(text: str) -> None:
    """A cue after a modal inside someone's statement ("would tell") is part of what they said:
    the passage in marks is theirs, not the museum's or "it"'s."""
    (q,) = [q for q in extract(text) if q.quoted]
    assert q.cue.text == "said" and q.speaker.mention.endswith(("Jane Doe", "opening the hall"))


@pytest.mark.parametrize(("text", "mention"), [
    # two phrases open the sentence before the subject of the participle's clause
    ("On Thursday, after weeks of silence, Roe appeared on the radio and endorsed Vale, saying, “She is the one.”",
     "Roe"),
    # a name between a verb of memory and an -ing verb is the participle's subject
    ("I am old enough to remember President Ada Roe going on TV in 1977, declaring a “war on waste” at home.",
     "President Ada Roe"),
    # but a name before "during" is no such subject
    ("Doe and other leaders shunned Ada Roe during her visit to the port, claiming that she is “anti-harbour.”",
     "Doe"),
    ("As for the network, Ada Roe, the chief executive of Harbour Media, told me, “We sell what people want.”",
     "Ada Roe, the chief executive of Harbour Media"),
    # ...but a conjunction before the name is not such a phrase
    ("But Ada Roe, the chief executive of Harbour Media, told me, “We sell what people want.”",
     "But Ada Roe, the chief executive of Harbour Media"),
    # a stray mark before the clause is not where its subject starts
    ('"Roe walked onto the stage, chanting “We won! We won!”\n\n“That is right,” Vale said.', "Roe"),
    # a phrase that only says where or when opens the sentence; its first word is no speaker
    ("Hours later, Doe returned the compliment to Roe, telling reporters, “Roe and I have been friends.”", "Doe"),
    ("Two days ago, Doe returned the compliment, telling reporters, “Roe and I have been friends.”", "Doe"),
    ("Here in Springfield, Doe stepped up her attack, saying, “We have got to end the evictions.”", "Doe"),
    ("Back home, Doe stepped up her attack, saying, “We have got to end the evictions.”", "Doe"),
    ("Last week, Doe stepped up her attack, saying, “We have got to end the evictions.”", "Doe"),
    ("Ever since she won the seat, Doe stepped up her attack, saying, “We have got to end the evictions.”", "Doe"),
    ("Days after the vote, Doe stepped up her attack, saying, “We have got to end the evictions.”", "Doe"),
    # a participle after "by" and an adverb hangs on the clause all the same
    ("Mr. Vale, a calm man, answered by first saying “a few kind things” about the ferry plan.", "Mr. Vale"),
    # ...but an adverb that stands on the subject opens no phrase
    ("Even Ms. Vale, a loyal ally, stepped up her attack, saying, “We won the vote.”", "Ms. Vale"),
    ("There, the district party Chairman Tom Vale declined to name them, saying, “One is a loyal supporter.”",
     "the district party Chairman Tom Vale"),
    # ...but a name that opens the sentence and an aside after it are the subject's
    ("Jane Doe, the mayor, stepped up her attack, saying, “We have got to end the evictions.”", "Jane Doe"),
    # a time or a place that opens the sentence is not part of the name before the relative clause
    ("In October, Mr. Vale, who made his money in shipping, told investors the fears were “overblown.”",
     "Mr. Vale, who made his money in shipping"),
    # the place of an opening phrase goes on past its comma ("in Ames, Iowa, on Sunday")
    ("At a fair in Marlow, Ohio, on Sunday, Mrs. Vale tried again, saying that the town should “lead the way.”",
     "Mrs. Vale"),
    # ...but a name after a place, with a description of its own, is the subject
    ("In Marlow, Ada Roe, the mayor, stepped up her attack, saying, “We have got to end the evictions.”",
     "Ada Roe"),
    # a name a preposition of place or direction governs is no subject of the participle after it
    ("Ada Roe answered the question on Facebook writing, “Yes, I will. Those were the wrong words to use.”",
     "Ada Roe"),
    ("Mayor Tom Vale sent a letter to Attorney General Jane Doe asking her office to look into the “fiasco.”",
     "Mayor Tom Vale"),
])
def test_the_subject_a_participle_hangs_on(text: str, mention: str) -> None:
    """The speaker of a cue is found past the phrases that open its sentence, and a participle
    after a perceived name is that name's."""
    q = [q for q in extract(text) if q.quoted][0]
    assert q.speaker is not None and q.speaker.mention == mention


@pytest.mark.parametrize(("text", "mention"), [
    # "as" and a speech verb after a quotation attribute it
    ("The vote was “rigged,” as Roe claimed on Friday.", "Roe"),
    ("The harbour plan is “a total mess,” as Jane Doe said.", "Jane Doe"),
    # "as" and anything else after an attribution is when, not who
    ("“I would say so,” she said, smiling a little, as the hall cheered.", "she"),
])
def test_as_and_a_speech_verb_after_a_quotation(text: str, mention: str) -> None:
    """"…“…,” as Roe claimed" is Roe's; "…, as the hall cheered" names no speaker."""
    assert [q.speaker.mention for q in extract(text) if q.quoted] == [mention]


@pytest.mark.parametrize(("text", "mention", "content"), [
    # a verb that ends a clause of time before its comma has no statement; the main clause's does
    ("Later in the show, after the Vale interview ended, Marsh said of the audit that the report “was not good.”",
     "Marsh", "that the report “was not good.”"),
    ("After the vote concluded, Ada Roe told reporters that the result was “a disgrace.”",
     "Ada Roe", "that the result was “a disgrace.”"),
])
def test_a_clause_of_time_before_the_subject_is_not_content(text: str, mention: str, content: str) -> None:
    """"after the interview ended, X said …": the opening clause is no one's statement, and its
    verb takes nothing after its comma as content."""
    assert [(q.speaker.mention, q.text) for q in extract(text)] == [(mention, content)]


@pytest.mark.parametrize("text", [
    "“Our method works where others fail,” Vale is quoted as saying. “Because we dial less, we are faster.”",
    "“I am satisfied with his answer on the budget,” Roe said after Vale spoke. “My biggest worry is the debt.”",
])
def test_a_cue_within_the_attribution_lets_the_speaker_go_on(text: str) -> None:
    """A second quotation after "is quoted as saying" or "said after Vale spoke" is still the
    first speaker's: the cue word there names no one new."""
    quotes = [q for q in extract(text) if q.quoted]
    assert len(quotes) >= 1 and {q.speaker.mention for q in quotes} == {text.split("” ")[1].split()[0]}
    assert sum(len(q.quoted) for q in quotes) == 2


def test_a_name_after_from_is_the_source_of_a_participle() -> None:
    """"a story from the Ledger saying …" is the Ledger's claim, not that of the man who disputes it."""
    (q,) = extract("Tom Vale is disputing a story from the Ledger saying his campaign had “begged” for the slot.")
    assert q.speaker is not None and q.speaker.name == "The Ledger"


@pytest.mark.parametrize(("text", "name"), [
    # what a document says, the one who issued it says
    ("Tom Vale issued a statement saying the ferry plan had “failed the town.”", "Tom Vale"),
    ("Ada Roe released a string of posts late Monday saying that her rival had shown “bad judgment.”", "Ada Roe"),
    # ...but not one who received it, nor a document quoted from someone else
    ("Tom Vale received a letter saying the ferry plan had “failed the town.”", None),
])
def test_a_document_a_participle_follows_speaks_for_its_author(text: str, name: str | None) -> None:
    """"X issued a statement saying …" is X's statement; "X received a letter saying …" is not X's."""
    (q,) = [q for q in extract(text) if q.quoted] or [None]
    got = q.speaker.name if q is not None and q.speaker is not None else None
    assert got == name or name is None and got != "Tom Vale"


def test_a_capitalised_article_before_a_name_leaves_reports_a_verb() -> None:
    """"The IMF reports that …": "reports" after a name that opens the sentence is its verb."""
    (q,) = extract("The IMF reports that the harbour board avoided the vote in order to “keep it quiet.”")
    assert q.speaker.name == "The IMF" and q.cue.text == "reports"


@pytest.mark.parametrize(("text", "speaker"), [
    # a quotation between dashes right after a name is that person's
    ("Several officials made the same point, among them the former mayor Ada Roe -- “It is wrong for a "
     "candidate to hide the accounts” -- and Tom Vale, a former auditor.", "Ada Roe"),
    ("Two members spoke up, among them Jane Doe — “We were never asked” — before the vote.", "Jane Doe"),
    ("Two members spoke up, among them Jane Doe -- ''We were never asked'' -- before the vote.", "Jane Doe"),
    # ...but not a place after a preposition, a common noun, or a title
    ("Voters in Marlow -- “the heartland of the state” -- were unmoved.", None),
    ("His campaign -- “an outrage and an insult” -- is over.", None),
    ("The new film by Tom Vale -- “Harbour Lights” -- opens on Friday.", None),
])
def test_a_quotation_between_dashes_after_a_name(text: str, speaker: str | None) -> None:
    """"including Ada Roe -- “…” --": the quotation stands beside the name and is hers, not the
    group's the sentence reports."""
    got = {q.speaker.mention for q in extract(text) if q.kind == "direct" and q.speaker is not None}
    assert got == ({speaker} if speaker else set())


@pytest.mark.parametrize(("text", "name"), [
    # a verb that needs a clause takes an object that holds a quotation: the words are the speaker's
    ("Mr. Vale lamented the “good old days” of the port.", "Vale"),
    ("Later, the mayor, Ada Roe, lamented the “disheartened” state of the harbour board.", "Ada Roe"),
    # ...but not a term inside a phrase of its own, nor an object without marks
    ("Tom Vale is proposing variations on “harbour-tax” systems used abroad.", None),
    ("Ms. Roe conceded the race on Tuesday.", None),
])
def test_an_object_that_holds_a_quotation(text: str, name: str | None) -> None:
    """"lamented the “good old days”": the quotation in the object is the speaker's words."""
    got = [q.speaker.name for q in extract(text) if q.speaker is not None]
    assert got == ([name] if name else [])


def test_according_to_a_source_and_a_colon() -> None:
    """"According to the Ledger: “…”" credits the quotation to the Ledger, as a comma would."""
    (q,) = extract("According to the Ledger: “Senator Tom Vale has had a mixed record on the harbour.”")
    assert q.kind == "direct" and q.speaker.name == "The Ledger"


@pytest.mark.parametrize("text", [
    # a noun after a describing word is no cue ("the terrorist attacks"), and a participle that
    # hangs on the attribution names no one new
    "“What does that mean, he kept the port safe?” Mr. Vale asked, blaming the old mayor for the terrorist "
    "attacks on the port. “What about during the flood? I was there.”",
    "''What does that mean, he kept the port safe?'' Mr. Vale asked, repeating a broadside - that the old mayor "
    "was to blame for the storm attacks of Sept. 11, 2001 - that he had tried at the forum. ''And what about "
    "the flood? I was there.''",
])
def test_the_speaker_goes_on_past_a_participle(text: str) -> None:
    """The quotation after "Mr. Vale asked, blaming …" is still his."""
    quotes = [q for q in extract(text) if q.quoted]
    assert sum(len(q.quoted) for q in quotes) == 2 and {q.speaker.name for q in quotes} == {"Vale"}


def test_a_months_abbreviation_ends_no_sentence() -> None:
    """"the attacks of Sept. 11": the period after a month's abbreviation is not a sentence's end."""
    from quotetrace.attribute.assemble import _sentence_start
    text = "He recalled the attacks of Sept. 11 in the city"
    assert _sentence_start(text, 0, len(text)) == 0


@pytest.mark.parametrize(("text", "quote", "name"), [
    # a quotation set off by dashes after the cue's phrase is what was said
    ("Tom Vale bragged to the press of his harbour crew - “the finest on the coast” - and praised the port's "
     "workers.", "the finest on the coast", "Tom Vale"),
    # ...but a dash before a quotation that runs on to its own attribution is no aside
    ("The board believes it, but the mayor strongly denies — “why would you want the toll?” asked Tom Vale, "
     "a partner at the firm.", "why would you want the toll?", "Tom Vale"),
])
def test_a_quotation_set_off_by_dashes_after_the_cue(text: str, quote: str, name: str) -> None:
    """"boasted … of his team - “…” -": the aside in dashes is the statement."""
    got = {(q.text, q.speaker.name if q.speaker else None) for q in extract(text) if q.quoted}
    assert (quote, name) in got and not any(n not in (name, None) for t, n in got if quote in t)


@pytest.mark.parametrize(("text", "name"), [
    # a quotation paragraph signed on the line after it
    ("Other papers asked for copies as well.\n\n“I went to the harbour before the storm. I was the one warning "
     "you would sink it.”\n\n- Ada Roe.\n\nRoe has looked into it a long time.", "Ada Roe"),
    # ...but not a quotation that shares its paragraph with narration
    ("Talks went on.\n\n“I went to the harbour before the storm,” she said.\n\n- Ada Roe.\n", "she"),
])
def test_a_signature_on_the_line_after_a_quotation(text: str, name: str) -> None:
    """"“…”" then "- Ada Roe." alone on the next line: a signature, as at the end of the line."""
    (q,) = [q for q in extract(text) if q.quoted]
    assert q.speaker.mention == name


def test_a_participle_of_speech_alone_hands_on_the_speaker() -> None:
    """"Marsh stated … “…” Adding, “…”": the second quotation is Marsh's too."""
    text = "Later in the show, Marsh stated of the audit that the report “was not good.” Adding, “Now, it is never that bad.”"
    assert [(q.kind, q.speaker.mention) for q in extract(text)] == [("mixed", "Marsh"), ("direct", "Marsh")]


@pytest.mark.parametrize(("text", "quote", "name"), [
    # a name between a heading's dash and the colon speaks, not the heading's subject
    ("Forecasters agree - Jane Doe: “The storm will turn north before it reaches the harbour.”",
     "The storm will turn north before it reaches the harbour.", "Jane Doe"),
    ("But surveys did foresee the turnout - Tom Vale: “Every poll in the county showed the same long lines.”",
     "Every poll in the county showed the same long lines.", "Tom Vale"),
    # ...and a dash inside the clause still leaves the cue's speaker
    ("Ada Roe told the council - and the press: “We will not sell the ferry.”", "We will not sell the ferry.",
     "Ada Roe"),
    # a quotation that opens a bracket is the content of the attribution inside it
    ("The row between those who fear the tide (\"This is less a storm and more a siege,\" Tom Vale wrote last "
     "week) and the rest goes on.", "This is less a storm and more a siege,", "Tom Vale"),
    # two quotations with no space between their marks are two sentences
    ("Roe answered with a chart showing “ferries are safer than the bridge.”“Your figures are wrong,” Tom "
     "Vale wrote.", "Your figures are wrong,", "Tom Vale"),
    # a question's attribution may go on past a comma
    ("“Who counts the boats? Is it two? Three?” Roe asks as a porter walks past the desk, carrying a lamp.",
     "Who counts the boats? Is it two? Three?", "Roe"),
    # a quotation that is the subject of a passive cue is the agent's
    ("The word ''ferry'' was mentioned only twice in the debate. The phrase ''harbour tax'' was uttered once, "
     "by Mr. Vale.", "harbour tax", "Vale"),
    # "Jane Doe agreed." alone, then the quotation
    ("“The port must stay open,” said Tom Vale, a trader. Harbour Board member Jane Doe agreed. “We cannot close "
     "it for a season.”", "We cannot close it for a season.", "Jane Doe"),
    # the possessor of a statement's noun, then "was" and a colon or a comma
    ("Marsh’s response was: “Is the ferry from Leith or from Perth?” The ferry is a fishing boat.",
     "Is the ferry from Leith or from Perth?", "Marsh"),
    ("Vale’s dictum to his crews (told to me for years) was, “A boat that is not painted is not a boat.”",
     "A boat that is not painted is not a boat.", "Vale"),
])
def test_who_speaks_this_rounds_constructions(text: str, quote: str, name: str) -> None:
    """Constructions read from the misses of the end-to-end corpus, each in invented words."""
    got = {q.text.strip(TRIM): q.speaker.name if q.speaker else None for q in extract(text) if q.quoted}
    assert got.get(quote.strip(TRIM)) == name


@pytest.mark.parametrize("text", [
    # a statement judged, not given: no colon or comma after "was"
    "Marsh’s reply was “false,” the fact checkers found.",
    "Roe’s pledge to be “neutral” in the talks worried the board.",
    # a quotation that is the subject of a passive cue with no agent, or no one as agent
    "The phrase “harbour tax” was uttered by nobody at the meeting.",
    "“Harbour Lights” was written by Tom Vale.",
    # "Doe agreed." before a paragraph of narration: no block of her words
    "Jane Doe agreed.\n\nThe council will vote on the plan next week, and the harbour will open in May.",
])
def test_this_rounds_constructions_leave_others_alone(text: str) -> None:
    assert [q.speaker.name for q in extract(text) if q.speaker is not None] == []


def test_a_signature_line_with_a_place_or_an_occasion() -> None:
    """"- Jane Doe, Springfield." alone after a quotation paragraph signs it."""
    text = ("quotable.\n\n“The whole idea of a toll on the ferry is something we hear about all year.”\n\n"
            "- Jane Doe, Port Lund.\n\n“Great speech. She is ready.”\n\n-Mayor Tom Vale, writing after the vote.")
    assert [(q.speaker.name, q.cue.text) for q in extract(text)] == [("Jane Doe", "-"), ("Tom Vale", "-")]


def test_the_speaker_an_outlet_relays_speaks_on() -> None:
    """"…, Doe said, according to the Ledger. “…”": the outlet relays Doe's words; the quotation
    after them is Doe's too."""
    text = ("I ask you not to block the ferry lanes in any way, Ada Roe said, according to the Ledger. "
            "“It matters that you tell your crews.”")
    (q,) = [q for q in extract(text) if q.kind == "direct"]
    assert q.speaker.name == "Ada Roe"


@pytest.mark.parametrize(("text", "quote", "name"), [
    # a clause of "with", a name and a participle is its own attribution, not the content before it
    ("The board has denied it happened, with Tom Vale taking to the radio to call Roe “a plain liar” for it.",
     "a plain liar", "Tom Vale"),
    ("The board denied the claim, with Ada Roe saying the harbour was “never at risk.”", "never at risk.",
     "Ada Roe"),
])
def test_a_clause_of_with_a_name_and_a_participle(text: str, quote: str, name: str) -> None:
    got = {q.quoted[0].of(text).strip(TRIM) if q.quoted else None: q.speaker.name for q in extract(text)
           if q.speaker is not None and q.quoted}
    assert got.get(quote.strip(TRIM)) == name


def test_a_group_doing_something_is_what_was_told() -> None:
    """"reported a split county, with Democrats voicing more anger": a group is no name of its
    own clause; the content goes on."""
    (q,) = extract("The pollsters reported a split county, with Democrats voicing far more anger than others.")
    assert q.text.endswith("than others") and q.speaker.name == "The pollsters"
