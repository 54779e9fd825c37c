"""Attributions that trail a quotation, as a table: sentence → (speaker mention, cue, content).

The sentences are written for these tests; each stands for a construction of news text.
Content is compared after trimming edge punctuation and marks.
"""

from __future__ import annotations

import pytest

from quotetrace import extract

TRIM = " \t\n\"'“”‘’.,;:?!"

# (text, speaker mention, cue, content)
CASES = [
    # a question or an exclamation before a titled speaker, and a participle after the cue
    ("“Where is the money?” Mr. Okafor asked, pointing at the map.", "Mr. Okafor", "asked", "Where is the money"),
    ("“We will not back down!” Sen. Ruth Alder said, waving a copy of the bill.", "Sen. Ruth Alder", "said",
     "We will not back down"),
    ("“Who signed this?” Dr. Amira Haddad said.", "Dr. Amira Haddad", "said", "Who signed this"),
    ("“Is this what we were promised?” asked Gov. Tom Reyes (D), who has fought the plan for a year.",
     "Gov. Tom Reyes (D), who has fought the plan for a year", "asked", "Is this what we were promised"),
    # an as-clause, a participle phrase or a listener with its own clause after the attribution
    ("“Nobody told us,” Mrs. Lund said as the crowd grew louder.", "Mrs. Lund", "said", "Nobody told us"),
    ("“It was a mistake,” said Rep. Carl Young, angered that the vote had been moved.", "Rep. Carl Young", "said",
     "It was a mistake"),
    ("“Nobody doubts that the fix is in,” the candidate told a breakfast programme on Monday, "
     "saying rivals feared her.", "the candidate", "told", "Nobody doubts that the fix is in"),
    # a speaker no word class knows, and a description with a verb of its own
    ("“We are stunned,” one plant worker told a local radio station.", "one plant worker", "told",
     "We are stunned"),
    ("“The numbers do not add up,” said one analyst involved in the review, who asked not to be named.",
     "one analyst", "said", "The numbers do not add up"),
    # a quotation after an opening word or a colon, with its own attribution
    ("Yet, “the deal is not done,” added Lena Ortiz, the lead negotiator. “We need another week.”",
     "Lena Ortiz, the lead negotiator", "added", "the deal is not done, We need another week"),
    ("He gave the plan a grudging welcome: “It is better than nothing,” he wrote.", "he", "wrote",
     "It is better than nothing"),
    # after a question or an exclamation: a description opening on a possessive, and a longer
    # attribution whose cue comes first and whose rest says where or to whom
    ("“This is a big year for our harbour!” Okafor’s niece, Ada Lund, shouted to the crowd.",
     "Okafor’s niece, Ada Lund", "shouted", "This is a big year for our harbour"),
    ("“It looks like a bad deal, who knows?” Mr. Okafor told the island’s radio station in an interview.",
     "Mr. Okafor", "told", "It looks like a bad deal, who knows"),
    # a document as the speaker of a quotation
    ("“The officers acted without cause,” the suit reads.", "the suit", "reads", "The officers acted without cause"),
]


def _content(text: str, q) -> str:  # noqa: ANN001
    return ", ".join(text[s.start:s.end].strip(TRIM) for s in q.spans)


@pytest.mark.parametrize("text, speaker, cue, content", CASES, ids=[c[0][:40] for c in CASES])
def test_trailing_attribution(text: str, speaker: str, cue: str, content: str) -> None:
    """A quotation followed at once by a speaker and a cue is that speaker's, whatever follows."""
    quotes = [q for q in extract(text) if q.cue and q.cue.text == cue]
    assert quotes, [(q.cue and q.cue.text, q.text) for q in extract(text)]
    q = quotes[0]
    assert q.kind == "direct"
    assert _content(text, q) == content
    assert q.speaker is not None and q.speaker.mention == speaker


@pytest.mark.parametrize("text", [
    "“Where is the money?” Mr. Okafor asked, pointing at the map.",
    "“Stop it now!” Gen. Ida Marsh shouted, pointing at the gate.",
])
def test_participle_is_not_content(text: str) -> None:
    """The words after an attribution's participle belong to no quote."""
    assert all("pointing" not in q.text for q in extract(text))


def test_clause_before_a_colon_keeps_its_own_content() -> None:
    """'X said A: “B,” X wrote': A is the said-content, B the written quotation."""
    text = "She said she had no time to read it: “The week is full,” she wrote."
    by_cue = {q.cue.text: q for q in extract(text)}
    assert _content(text, by_cue["said"]) == "she had no time to read it"
    assert _content(text, by_cue["wrote"]) == "The week is full"


def test_as_clause_attribution() -> None:
    """'“…,” as the mayor put it' attributes the quotation to the mayor."""
    (q,) = extract("“We are broke,” as the mayor put it.")
    assert (q.speaker.mention, q.cue.text, q.text) == ("the mayor", "put it", "We are broke,")


def test_quote_over_paragraphs_takes_its_speaker_from_the_end() -> None:
    """A quotation over several paragraphs whose attribution comes only in the last is one quote,
    spoken by the speaker named at its end."""
    text = ("The union was angry.\n\n“We have waited for years for this contract.\n\n"
            "“The money never came, and the rent went up.\n\n"
            "“Now we are done waiting,” said Ana Ruiz, the union’s president.")
    (q,) = extract(text)
    assert q.kind == "direct" and len(q.spans) == 3
    assert q.text.startswith("We have waited") and q.text.endswith("done waiting,")
    assert q.speaker.name == "Ana Ruiz" and q.cue.text == "said"


def test_quotation_ending_in_a_nested_quotation_keeps_its_attribution() -> None:
    """'…: “… you called ‘cures,’” she said' is attributed by 'she said', not by the verb
    before the colon."""
    text = "Brandt scolded him: “Nobody trusts the pills you called ‘cures,’” she said."
    owners = [q for q in extract(text) if "pills" in q.text]
    assert [(q.cue.text, q.speaker.mention) for q in owners] == [("said", "she")]


@pytest.mark.parametrize("text, speaker, cue", [
    # a name with descriptions and a quoted nickname between the quotation and its cue
    ("“We won,” Omar’s cousin, state Del. Lena “Lulu” Park (D-Md.), said at the rally.",
     "Omar’s cousin, state Del. Lena “Lulu” Park (D-Md.)", "said"),
    # ...in straight marks, after an exclamation
    ('"We won!" Omar’s cousin, state Del. Lena "Lulu" Park (D-Md.), shouted to the crowd.',
     'Omar’s cousin, state Del. Lena "Lulu" Park (D-Md.)', "shouted"),
    # an exclamation, then a name and its description before the cue: one sentence
    ("The crowd surged.\n\n“Stop it now!” Jane Doe, a local lawyer, shouted at the officers.",
     "Jane Doe, a local lawyer", "shouted"),
    # ...and a longer clause that opens on its cue and says only where, when or how
    ("“Not us, but we like it!” Roe, the head of the Harbour Fund, tweeted on Friday with a photo of the sky.",
     "Roe, the head of the Harbour Fund", "tweeted"),
    # a document after an inverted cue
    ("“The county may not close the polls early,” said the ruling.", "the ruling", "said"),
])
def test_described_speakers(text: str, speaker: str, cue: str) -> None:
    """The speaker between (or after) a quotation and its cue may carry descriptions and a nickname."""
    (q,) = [q for q in extract(text) if q.cue and q.cue.text == cue]
    assert q.kind == "direct" and q.speaker.mention == speaker


@pytest.mark.parametrize(("text", "expected"), [
    # the clause after a question reports something of its own: a new sentence
    ("“Why not?” Officials said on Tuesday that the ferry would wait a year.",
     [("Officials", "that the ferry would wait a year")]),
    ("The board said it was ‘‘not our policy.’’ The network said it would send her to the island.",
     [("The board", "it was ‘‘not our policy"), ("The network", "it would send her to the island")]),
    # a quotation that ends on a period ends its sentence, whatever follows
    ("“The fares will rise.” She also argued in favour of the toll in the long run.", []),
    ("“It means nothing.” That’s why, he added, ferries run late.", [("he", "That’s why ferries run late")]),
])
def test_a_sentence_after_a_quotation_keeps_its_own_attribution(text: str, expected: list[tuple[str, str]]) -> None:
    """Only an attribution joins the sentence of the quotation before it: a clause that reports
    something of its own, or one after a quotation that ended its sentence, stands apart."""
    assert [(q.speaker.mention if q.speaker else None, q.text.strip(TRIM)) for q in extract(text)] == expected


def test_a_relative_clause_with_an_aside_is_the_speakers_and_the_quotation_goes_on() -> None:
    """``said X, who, like the others, spoke anonymously.``: the mention takes the clause whole
    (not ``X, who``), so the quotation that opens the next sentence is X's too."""
    text = ("“The mayor will lose,” said a Vale councillor, who, like the others, spoke anonymously. “Good luck "
            "to her rival, who now has every group in town against him.”")
    mention = "a Vale councillor, who, like the others, spoke anonymously"
    assert [(q.speaker.mention if q.speaker else None, q.text.strip(TRIM)[:14]) for q in extract(text)] == [
        (mention, "The mayor will"), (mention, "Good luck to h")]


@pytest.mark.parametrize("text, speaker", [
    ("“Why would anyone trust the old mayor with the keys?” Marsh said about the effort to hide those ties.",
     "Marsh"),
    ("“Is the ferry ever going to run on time again?” Vale said of the long delays at the harbour pier.", "Vale"),
    ("“Who can remember how many towns I have lost in a row?” Vale asks as a janitor walks past the desk.",
     "Vale"),
])
def test_a_longer_attribution_after_a_question_says_what_it_was_about(text: str, speaker: str) -> None:
    """After a question, ``X said about …``, ``said of …`` and ``asks as …`` end the quotation's
    sentence: the attribution is the question's, and the clause after ``as`` is no statement."""
    assert [(q.speaker.mention if q.speaker else None, q.kind) for q in extract(text)] == [(speaker, "direct")]


@pytest.mark.parametrize(("text", "mention", "name"), [
    # a modal that is a given name or a surname: before a verb form no modal takes, or ending a name
    ("“Can we win the county?” Will Estrada asked.", "Will Estrada", "Will Estrada"),
    ("“We will leave the union,” Theresa May said.", "Theresa May", "Theresa May"),
    ("“We will win the county.” Will Estrada, a lawyer, said.", "Will Estrada, a lawyer", "Will Estrada"),
    ("“We will leave the union,” said Theresa May.", "Theresa May", "Theresa May"),
    ("Prime Minister Theresa May spoke on Friday. “We will leave the union,” May said.", "May", "Theresa May"),
])
def test_a_modal_can_be_a_name(text: str, mention: str, name: str) -> None:
    """“May” and “Will” are names where no modal could stand; the cue is the verb alone."""
    (q,) = extract(text)
    assert (q.speaker.mention, q.speaker.name, q.cue.text) == (mention, name, q.cue.text.split()[-1])
    assert q.cue.text in ("said", "asked")


@pytest.mark.parametrize("text", ["“Will the deal hold?” Doe asked.", "Deal Will Hold, Ada Roe Says"])
def test_a_modal_that_opens_a_question_or_sits_in_a_headline_stays_a_modal(text: str) -> None:
    """The name reading needs a verb no modal takes after it: a question or a Title Case
    headline keeps its modal, and no name is made of it."""
    assert all("Will" not in q.speaker.mention for q in extract(text) if q.speaker)


def test_another_alone_is_an_unnamed_speaker() -> None:
    """“Yet another said, …”: the quotation is attributed, to no one's name."""
    (q,) = extract("Yet another said, “Roe is in a five-person battle with Vale and Marsh.”")
    assert (q.kind, q.speaker.mention, q.speaker.type) == ("direct", "another", "anonymous")
