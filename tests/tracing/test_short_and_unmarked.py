"""Short quotes found where they stood, and quotes whose words another article carries without
marks (issue 12, mechanisms 7 and 9). Every sentence here is invented."""

from __future__ import annotations

import pytest

from quotetrace import Article, trace
from quotetrace.tracing.engine import read_units
from quotetrace.tracing.paraphrase import carries
from quotetrace.tracing.words import words

# a paragraph that a rewrite copies whole, with one short quote in a sentence of its own
PLACE = ("The council met on Tuesday to vote on the harbour budget.\n\n"
         "“{quote},” {who} said. “The dock workers have waited four years for this money.”\n\n"
         "The vote passed by seven to two.")


def art(id_: str, quote: str, who: str, date: str) -> Article:
    return Article(id_, PLACE.format(quote=quote, who=who), date=date)


def family_of(tr, words_: str):  # noqa: ANN001, ANN201
    return next(f for f in tr.families if any(o.text.startswith(words_) for o in f.occurrences))


@pytest.mark.parametrize(("quote", "copy", "who", "relation"), [
    # the same short words handed to another named speaker, in the same place
    ("It is a disgrace", "It is a disgrace", "Councillor Tom Roe", "misattributed"),
    ("Neither do we", "Neither do we", "Councillor Tom Roe", "misattributed"),
    # one or two words changed in a short quote of the same speaker
    ("We are a good team", "We are a good family", "Mayor Jane Doe", "altered"),
    ("This is simply wrong", "This is simply unfair", "Mayor Jane Doe", "altered"),
])
def test_a_short_quote_is_found_where_it_stood(quote: str, copy: str, who: str, relation: str) -> None:
    """A quote of a few words in a sentence of its own is placed by the sentence next to it, so
    a copied paragraph ties the copy to its original whatever the copy changed."""
    tr = trace([art("a", quote, "Mayor Jane Doe", "2024-03-01"), art("b", copy, who, "2024-03-02")], jobs=1)
    f = family_of(tr, quote)
    assert [(o.article, o.relation) for o in f.occurrences] == [("a", "original"), ("b", relation)]


@pytest.mark.parametrize(("quote", "other"), [
    # one template, other words: only function words are shared
    ("We will not raise the ferry fares again", "We will not close the harbour school again"),
    ("We are a team", "We are a family"),
])
def test_two_quotes_in_one_place_share_content(quote: str, other: str) -> None:
    """Found in the same place, a quote of the same speaker joins only when it keeps half the
    words that carry content."""
    tr = trace([art("a", quote, "Mayor Jane Doe", "2024-03-01"), art("b", other, "Mayor Jane Doe", "2024-03-02")],
               jobs=1)
    assert [o.relation for o in family_of(tr, quote).occurrences] == ["single-source"]
    assert [o.relation for o in family_of(tr, other).occurrences] == ["single-source"]


def test_short_words_in_another_place_are_another_statement() -> None:
    """The same short words in a paragraph of its own, by another speaker, are not a copy: no
    family, no misattribution."""
    a = art("a", "It is a disgrace", "Mayor Jane Doe", "2024-03-01")
    b = Article("b", "The school board closed two libraries last week.\n\n“It is a disgrace,” "
                "Councillor Tom Roe said. “Children need somewhere to read after class.”", date="2024-03-02")
    tr = trace([a, b], jobs=1)
    assert all(o.relation != "misattributed" for f in tr.families for o in f.occurrences)
    assert [o.relation for o in family_of(tr, "It is a disgrace").occurrences] == ["single-source"]


@pytest.mark.parametrize(("text", "after"), [
    # the sentence after the credit places a quote that stands alone in its sentence
    ("“It is a start,” Jane Doe said. “We go on from here.”", ("we", "go", "on")),
    # words inside the quote's own sentence still come first
    ("“It is a start,” Jane Doe said on the harbour steps.", ("on", "the", "harbour")),
])
def test_context_past_the_sentence(text: str, after: tuple[str, ...]) -> None:
    """A passage's context reads into the next sentence only when its own sentence leaves no
    place (two words, one of them content) once the credit is dropped."""
    u = read_units(Article("x", text), "rules")
    assert u.passages[0].context[1] == after


@pytest.mark.parametrize(("sentence", "quote", "expected"), [
    ("she said the vote was rigged from the start", "the vote was rigged", True),
    ("the vote was rigged", "the vote was rigged", True),
    ("the vote was clearly rigged", "the vote was rigged", False),
    ("rigged the vote was", "the vote was rigged", False),
    ("", "the vote", False),
    # a long sentence around a short phrase is a statement of its own
    ("the council said the harbour budget was cut because of a threat from radical extremism",
     "radical extremism", False),
])
def test_carries(sentence: str, quote: str, expected: bool) -> None:
    """A piece carries a quote when it holds all the quote's words in a row."""
    assert carries(words(sentence).stems, words(quote).stems) is expected


def test_a_quote_whose_words_another_article_carries_is_not_single_source() -> None:
    """A later article that keeps the words of a quote but drops its marks reports it: the
    quote is its family's original, and the unmarked words are a paraphrase."""
    a = Article("a", "“The ferry fares will double,” Mayor Jane Doe said.", date="2024-03-01")
    b = Article("b", "From May, the ferry fares will double for everyone.", date="2024-03-02")
    f = trace([a, b], jobs=1).families[0]
    assert [(o.article, o.relation) for o in f.occurrences] == [("a", "original"), ("b", "paraphrase")]


def test_a_quote_carried_without_marks_is_shown_as_its_words() -> None:
    """Reported speech that holds a quote's words without its marks shows those words as the
    paraphrase, not the whole clause around them."""
    a = Article("a", "Mayor Jane Doe said the board met on Monday in order to “keep the ferry fares where they are.”",
                date="2024-03-01")
    b = Article("b", "Mayor Jane Doe said the board met on Monday in order to keep the ferry fares where they are.",
                date="2024-03-02")
    f = trace([a, b], jobs=1).families[0]
    (o,) = [o for o in f.occurrences if o.article == "b"]
    assert (o.relation, o.text) == ("paraphrase", "keep the ferry fares where they are")
    assert b.text[o.start:o.end] == o.text


def test_a_few_of_its_words_leave_a_quote_single_source() -> None:
    """Narrator text that shares a couple of a quote's words does not carry it."""
    a = Article("a", "“The ferry fares will double in April,” Mayor Jane Doe said.", date="2024-03-01")
    b = Article("b", "Ferry fares rose last year, and the harbour closed in April.", date="2024-03-02")
    f = trace([a, b], jobs=1).families[0]
    assert [(o.article, o.relation) for o in f.occurrences] == [("a", "single-source")]


FARES = "“The ferry fares will double next spring,” {who} said."


@pytest.mark.parametrize(("text", "relation"), [
    # a surname the article writes inside a sentence, and never in lower case: a name
    ("The harbour board met on Monday, and Pagliano was there.\n\n" + FARES.format(who="Pagliano"),
     "misattributed"),
    # after a quotation that stops on a comma, a word stands inside a sentence: a name
    ("The harbour board met on Monday.\n\n" + FARES.format(who="Pagliano"), "misattributed"),
    # a word written only at the start of sentences may be a sentence's first word
    ("The harbour board met on Monday.\n\nChastened said: “The ferry fares will double next spring.”",
     "verbatim"),
    # a lone first name of the full name the original gives: maybe the same person
    ("The harbour board met on Monday.\n\n" + FARES.format(who="Jane"), "verbatim"),
    # a word the article also writes in lower case is a word
    ("Residents get the news late, and Get was there.\n\n" + FARES.format(who="Get"), "verbatim"),
])
def test_a_lone_name_is_an_identity_of_its_own(text: str, relation: str) -> None:
    """A lone name the extractor could not type differs from another speaker when the article
    shows it is a name: a copy given to it is misattributed; a doubtful one flags nothing."""
    a = Article("a", "The harbour board met on Monday.\n\n" + FARES.format(who="Mayor Jane Doe"), date="2024-03-01")
    tr = trace([a, Article("b", text, date="2024-03-02")], jobs=1)
    assert [(o.article, o.relation) for o in tr.families[0].occurrences] == [("a", "original"), ("b", relation)]
    assert all(s.type in ("person", "unknown") for s in tr.speakers)


@pytest.mark.parametrize(("first", "second", "relations"), [
    # a one-word quote, and a rewrite that takes the narrator's word before it inside the marks
    ("Mayor Jane Doe called the harbour board’s members “cowards” on Tuesday.",
     "In an interview, Mayor Jane Doe called them “members cowards” again.",
     [("a", "original"), ("b", "expanded")]),
    # a group's short quote, two of the narrator's words taken in
    ("The unions said the pay offer was only “partial,” meaning more talks.",
     "The unions said the pay offer “was only partial,” meaning more talks.",
     [("a", "original"), ("b", "expanded")]),
])
def test_a_short_quote_expanded_with_its_own_narrator_words(first: str, second: str,
                                                              relations: list[tuple[str, str]]) -> None:
    """A quote of a word or two joins the copy that takes in the words the original article
    wrote just outside its marks: where it stood vouches for the copy, however short."""
    tr = trace([Article("a", first, date="2024-03-01"), Article("b", second, date="2024-03-02")], jobs=1)
    f = next(f for f in tr.families if f.occurrences[0].article == "a")
    assert [(o.article, o.relation) for o in f.occurrences] == relations


def test_a_short_quote_with_other_words_is_another_statement() -> None:
    """The same speaker's short quote with a word the original's article did not write next to
    it is not an expansion of it."""
    tr = trace([Article("a", "Mayor Jane Doe called the harbour board’s members “cowards” on Tuesday.",
                        date="2024-03-01"),
                Article("b", "In an interview, Mayor Jane Doe called them “shameless cowards” again.",
                        date="2024-03-02")], jobs=1)
    f = next(f for f in tr.families if f.occurrences[0].article == "a")
    assert [o.article for o in f.occurrences] == ["a"]
