"""When a copy credited to another identity clearly names another speaker, when a family's
credit is contested (quotetrace.tracing.credit), and where such copies are found (a short copy
by its place, a paraphrase beside a fragment), with invented names and sentences."""

from __future__ import annotations

import pytest

from quotetrace import Article, trace
from quotetrace.tracing.credit import around, contested, names_another
from quotetrace.tracing.speakers import Identities
from quotetrace.tracing.words import words

STATEMENT = words("the harbour toll will double by winter").stems


@pytest.mark.parametrize("family, family_mention, speaker, mention, role, expected", [
    # two people, each named by the credit: a misattribution
    ("Ada Marsh", "Ada Marsh", "Tom Quill", "Tom Quill", "quote", True),
    ("Ada Marsh", "Ada Marsh", "Tom Marsh", "Tom Marsh", "quote", True),
    ("Ada Marsh", "Marsh", "Tom Quill", "Sen. Quill", "reported-speech", True),
    # the same words credit both copies: only the articles' readings of them differ
    ("Ada Marsh", "the harbour master", "Tom Quill", "The harbour master", "quote", False),
    # the copy names the family speaker's surname alone, whoever else its article names
    ("Ada Marsh", "Ada Marsh", "Lena Marsh", "Marsh", "quote", False),
    ("Ada Marsh", "Ada Marsh", "Lena Marsh", "Ms. Marsh", "reported-speech", False),
    # a description that holds the family speaker's surname
    ("Ada Marsh", "Ada Marsh", "Ridge College", "a speech Ms. Marsh gave at Ridge College", "reported-speech", False),
    # a description of someone by a person or place named after a preposition
    ("Ada Marsh", "Ada Marsh", "Tom Quill", "one of the lawyers for Tom Quill", "quote", False),
    # reported speech whose "speaker" is the subject of the reported clause
    ("Ada Marsh", "Ada Marsh", "Tom Harbour", "Harbour", "reported-speech", False),
    # the same name inside a quotation is its topic, not a sign of a misreading
    ("Ada Marsh", "Ada Marsh", "Tom Harbour", "Harbour", "quote", True),
])
def test_names_another(family, family_mention, speaker, mention, role, expected):
    """A copy is misattributed only when its credit clearly names someone else."""
    assert names_another(family, family_mention, speaker, mention, role, STATEMENT) is expected


@pytest.mark.parametrize("text, copied, expected", [
    # the copy's sentence names only its own speaker: another speaker
    ("Port news. “The toll will double,” Tom Quill said. Next.", "The toll will double", True),
    # a report nested in the family speaker's report
    ("Port news. Ada Marsh said Tom Quill says the toll will double. Next.", "the toll will double", False),
    # the second half of a split quote, whose own credit names the family speaker
    ("“It is fine,” Tom Quill said in May. “But the toll will double,” said Marsh. Next.",
     "But the toll will double", False),
    # the family speaker named in the next sentence counts for nothing, after a line break or
    # after a full stop inside the closing mark
    ("“The toll will double,” Tom Quill said.\nMarsh left early.", "The toll will double", True),
    ("Tom Quill said the toll “will double.” Marsh left early.", "will double.", True),
    # the family speaker in the sentence, but not as a speaker
    ("“The toll will double,” Tom Quill assured Marsh, who nodded.", "The toll will double", True),
    ("Marsh further argued that Tom Quill says the toll will double.", "the toll will double", False),
    ("Tom Quill says the toll will double, according to Marsh.", "the toll will double", False),
])
def test_names_another_reads_the_sentence(text, copied, expected):
    """A sentence that names the family speaker outside the copied words leaves the credit open."""
    start = text.index(copied)
    rest = around(text, [(start, start + len(copied))])
    assert names_another("Ada Marsh", "Ada Marsh", "Tom Quill", "Tom Quill", "quote", STATEMENT, rest) is expected


def test_the_copys_own_credit_is_not_the_family_speakers():
    """A copy credited to another person of the family speaker's surname is still another
    speaker: its own credit in its sentence is not the family speaker's."""
    text = "“The toll will double,” Senator Lena Marsh said. Next."
    rest = around(text, [(1, 21)])
    assert names_another("Ada Marsh", "Ada Marsh", "Lena Marsh", "Senator Lena Marsh", "quote", STATEMENT, rest)


IDS = Identities([("Ada Marsh", "person"), ("Tom Quill", "person"), ("Lena Holt", "person"),
                  ("Quill", "person"), ("Ravi Patel", "person")])


@pytest.mark.parametrize("credits, expected", [
    # two articles agree on another speaker and none on the original's: contested
    ([(1, "Tom Quill"), (2, "Quill")], True),
    ([(1, "Tom Quill"), (2, "Tom Quill"), (3, "Lena Holt")], True),
    # one article alone does not contest the original
    ([(1, "Tom Quill")], False),
    # one article that agrees with the original settles it
    ([(1, "Tom Quill"), (2, "Tom Quill"), (3, "Ada Marsh")], False),
    # the dissenters scatter over several speakers: no other credit is the likelier
    ([(1, "Tom Quill"), (2, "Tom Quill"), (3, "Lena Holt"), (4, "Ravi Patel")], False),
    # credits nobody can identify count for nothing
    ([(1, None), (2, "an aide")], False),
])
def test_contested(credits, expected):
    """A family's credit is contested when the other articles agree on someone else."""
    assert contested("Ada Marsh", credits, IDS.of, IDS.differ) is expected


def _article(name: str, text: str, date: str) -> Article:
    return Article(name, text, date=date)


def test_a_misread_original_flags_nothing():
    """When the earliest quote credits one person and the later articles agree on another, the
    later ones are not called misattributed: the original's credit is the likelier mistake."""
    said = "The harbour toll will double by winter and the ferries will stop at dusk"
    articles = [
        _article("a", f"Port news.\n\n“{said},” said Tom Quill, who sat beside Ada Marsh.\n", "2024-03-01"),
        _article("b", f"Port news.\n\nAda Marsh said {said[0].lower() + said[1:]}.\n", "2024-03-02"),
        _article("c", f"Ferry news.\n\nAda Marsh said {said[0].lower() + said[1:]}.\n", "2024-03-03"),
    ]
    labels = [(o.article, o.relation) for f in trace(articles, jobs=1).families for o in f.occurrences]
    assert ("b", "misattributed") not in labels and ("c", "misattributed") not in labels
    assert ("b", "paraphrase") in labels and ("c", "paraphrase") in labels


def test_a_single_misattributing_copy_is_still_flagged():
    """One later article that gives the quote to someone else is still misattributed."""
    said = "The harbour toll will double by winter and the ferries will stop at dusk"
    articles = [
        _article("a", f"Port news.\n\n“{said},” Ada Marsh said.\n", "2024-03-01"),
        _article("b", f"Port news.\n\n“{said},” Tom Quill said.\n", "2024-03-02"),
    ]
    labels = [(o.article, o.relation) for f in trace(articles, jobs=1).families for o in f.occurrences]
    assert labels == [("a", "original"), ("b", "misattributed")]


@pytest.mark.parametrize("credit", ["Tom Quill said", "Senator Thomas B. Quill of Ridgefield said"])
def test_a_short_copy_is_found_where_it_stood(credit):
    """A quote of a few words, handed to another speaker in a copied paragraph, is found by the
    narrator words around it, however long the new credit that stands between."""
    articles = [
        _article("a", "Council news.\n\n“Every time you do that,” Ada Marsh said, pointing the finger at the "
                      "harbour board.\n", "2024-03-01"),
        _article("b", f"Council news.\n\n“Every time you do that,” {credit}, pointing the finger at the "
                      "harbour board.\n", "2024-03-02"),
    ]
    labels = [(o.article, o.relation) for f in trace(articles, jobs=1).families for o in f.occurrences]
    assert labels == [("a", "original"), ("b", "misattributed")]


def test_a_fragment_in_the_headline_does_not_hide_the_paraphrase():
    """An article that quotes a few words of a statement in its headline and reports the whole of
    it in its body carries both: the fragment, and the paraphrase."""
    articles = [
        _article("a", "Port news.\n\n“The harbour toll will double by winter and the ferries will stop at dusk,” "
                      "Ada Marsh said.\n", "2024-03-01"),
        _article("b", "Marsh: Toll “will double by winter”\n\nAda Marsh said the harbour toll would double by "
                      "winter and the ferries would stop at dusk.\n", "2024-03-02"),
    ]
    family = trace(articles, jobs=1).families[0]
    assert {(o.article, o.relation) for o in family.occurrences} == {
        ("a", "original"), ("b", "excerpt"), ("b", "paraphrase")}


def test_a_nested_report_is_listed_once():
    """A sentence that reports a report (``Doe said Roe says …``) carries the statement once, by
    its nearest credit, not once per reporting clause."""
    said = "the harbour toll will double by winter and the ferries will stop at dusk"
    articles = [
        _article("a", f"Port news.\n\n“{said[0].upper() + said[1:]},” Ada Marsh said.\n", "2024-03-01"),
        _article("b", f"Port news.\n\nLena Holt said Ada Marsh says {said}.\n", "2024-03-02"),
    ]
    family = trace(articles, jobs=1).families[0]
    assert [(o.article, o.relation, o.speaker) for o in family.occurrences] == [
        ("a", "original", "Ada Marsh"), ("b", "paraphrase", "Ada Marsh")]


@pytest.mark.parametrize(("credit", "flagged"), [
    # a named person the original never names takes the group's words
    ("Tom Quill chanted", True),
    # ...but a credit that holds the group's word only narrows it
    ("protest leader Tom Quill chanted", False),
    # ...and a group again is no one else
    ("Marchers chanted", False),
])
def test_a_groups_words_handed_to_a_person(credit, flagged):
    """Words the original credits to a group, handed to one named person the original never
    names, are misattributed, and say why: a group and a person."""
    said = "No toll on the harbour, no toll on the ferries, no toll on the poor"
    articles = [
        _article("a", f"Port news.\n\nProtesters chanted “{said}” as they marched to the quay.\n", "2024-03-01"),
        _article("b", f"Port news.\n\n{credit[0].upper() + credit[1:]} “{said}” as they marched to the quay.\n",
                 "2024-03-02"),
    ]
    occ = {o.article: o for f in trace(articles, jobs=1).families for o in f.occurrences}
    assert (occ["b"].relation == "misattributed") is flagged
    if flagged:
        assert occ["b"].misattribution.reason == "group and person"


def test_a_person_the_original_names_may_be_one_of_the_group():
    """When the original names the person too, the copy's credit may only single one of the
    group out: nothing is flagged."""
    said = "No toll on the harbour, no toll on the ferries, no toll on the poor"
    articles = [
        _article("a", f"Port news.\n\nTom Quill led the march.\n\nProtesters chanted “{said}” as they walked.\n",
                 "2024-03-01"),
        _article("b", f"Port news.\n\nTom Quill chanted “{said}” as they walked.\n", "2024-03-02"),
    ]
    labels = [(o.article, o.relation) for f in trace(articles, jobs=1).families for o in f.occurrences]
    assert ("b", "misattributed") not in labels and ("b", "verbatim") in labels


def test_a_lone_name_after_a_quotation_inside_a_quotation_is_a_name():
    """"“…, ‘…,’” Quillan continued": a lone name after a quotation that closes on an inner one
    is a name, with an identity of its own; a copy that hands the words to another is flagged."""
    said = "We looked at each other like, ‘Friend, we already wrote the songs for the harbour,’"
    articles = [
        _article("a", f"Band news.\n\n“{said}” Quillan continued.\n", "2024-03-01"),
        _article("b", f"Band news.\n\n“{said}” Tom Marsh continued.\n", "2024-03-02"),
    ]
    labels = [(o.article, o.relation) for f in trace(articles, jobs=1).families for o in f.occurrences]
    assert ("b", "misattributed") in labels


def test_reported_speech_that_shares_only_names_gives_nothing_away():
    """Reported speech credited to someone else that shares with a quote only its names (a court,
    a person) is another statement, not a misattribution of the quote."""
    articles = [
        _article("a", "Court news.\n\n“I am proud to name Ms. Ina Vale to the Harbour District Court of Avalon "
                      "bench,” Ada Marsh said in a statement.\n", "2024-03-01"),
        _article("b", "Court news.\n\nTom Quill said the ruling of the Harbour District Court of Avalon on "
                      "Ms. Ina Vale's ferry case was a disgrace.\n", "2024-03-02"),
    ]
    labels = [(o.article, o.relation) for f in trace(articles, jobs=1).families for o in f.occurrences]
    assert ("b", "misattributed") not in labels


def test_an_earlier_report_credited_to_another_is_where_the_quote_came_from():
    """An article that reported the words without marks before any article quoted them, crediting
    someone else, is not what gave them away: the later quote is, and the earlier report is no
    misattribution (nor a paraphrase of the later quote's speaker)."""
    said = "the harbour toll will double by winter and the ferries will stop at dusk"
    articles = [
        _article("a", f"Port news.\n\nAda Marsh said on Monday that {said}.\n", "2024-03-01"),
        _article("b", f"Port news.\n\n“{said[0].upper() + said[1:]},” Tom Quill said.\n", "2024-03-05"),
    ]
    labels = [(o.article, o.relation) for f in trace(articles, jobs=1).families for o in f.occurrences]
    assert ("a", "misattributed") not in labels and ("a", "paraphrase") not in labels
