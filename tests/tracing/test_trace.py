"""quotetrace.trace on hand-written articles: every relation, the original's choice, bad input,
and the promises on cost and determinism."""

from __future__ import annotations

import json

import pytest

import quotetrace.tracing.group as group_module
from quotetrace import Article, Trace, Unreadable, check, trace

from ..conftest import SEEDS

QUOTE = "The new bridge will be finished before the spring floods"


def art(id_: str, text: str, date: str | None = None) -> Article:
    return Article(id_, text, date=date)


def relations(tr: Trace) -> list[list[tuple[str, str]]]:
    return [[(o.article, o.relation) for o in f.occurrences] for f in tr.families]


def family_of(tr: Trace, words: str):  # noqa: ANN201
    return next(f for f in tr.families if any(words in o.text for o in f.occurrences))


def test_copies_in_every_form() -> None:
    """Word for word, cut, altered and credited to someone else, each against the original."""
    tr = trace([
        art("a", f"“{QUOTE},” Mayor Jane Doe said on Monday.", "2024-03-01"),
        art("b", f"Doe told reporters: “{QUOTE.lower()}.”", "2024-03-02"),
        art("c", "“The new bridge will be finished,” Doe said.", "2024-03-03"),
        art("d", "“The new bridge will never be finished before the spring floods,” Doe said.", "2024-03-04"),
        art("e", f"“{QUOTE},” Governor Tom Roe said.", "2024-03-05"),
    ], jobs=1)
    f = family_of(tr, "new bridge")
    assert [(o.article, o.relation) for o in f.occurrences] == [
        ("a", "original"), ("b", "verbatim"), ("c", "excerpt"), ("d", "altered"), ("e", "misattributed")]
    assert f.speaker == "Jane Doe"
    e = f.occurrences[-1]
    assert e.speaker == "Tom Roe"
    (never,) = f.occurrences[3].diff
    assert (never.op, never.changed, never.grade) == ("insert", "never", "critical")


def test_paraphrase_and_unsupported() -> None:
    """Reported speech of a quote is its paraphrase; a quote whose words an earlier article gives
    only as reported speech is unsupported, with that speech as evidence."""
    tr = trace([
        art("a", "Senator Ann Lee said the tax plan would hurt every family farm in the state.", "2024-01-01"),
        art("b", "“The tax plan will hurt every family farm in the state,” Senator Ann Lee said.", "2024-01-02"),
    ], jobs=1)
    f = family_of(tr, "tax plan")
    assert [(o.article, o.role, o.relation) for o in f.occurrences] == [
        ("b", "quote", "unsupported"), ("a", "reported-speech", "paraphrase")]
    (ev,) = f.original.evidence
    assert (ev.article, ev.role, ev.speaker) == ("a", "reported-speech", "Ann Lee")
    assert "would hurt every family farm" in ev.text


def test_later_paraphrase_leaves_the_original_supported() -> None:
    """An article that reports a quote later, without marks, took it from somewhere: the quote
    stays the original, and the report is its paraphrase."""
    tr = trace([
        art("a", "“The tax plan will hurt every family farm in the state,” Senator Ann Lee said.", "2024-01-01"),
        art("b", "Senator Ann Lee said the tax plan would hurt every family farm in the state.", "2024-01-02"),
    ], jobs=1)
    assert relations(tr) == [[("a", "original"), ("b", "paraphrase")]]


def test_a_paraphrase_shows_the_words_it_holds_of_a_quote_without_marks() -> None:
    """Reported speech that holds the first of a quote's two sentences, its marks dropped, is
    shown as those words, not as the whole clause that leads up to them."""
    quote = "In the end, the harbour tax will hurt every family farm. We will fight it."
    tr = trace([
        art("a", f"Farmers are angry at the plan, and Senator Ann Lee said: “{quote}”", "2024-01-01"),
        art("b", "Farmers are angry at the plan. Senator Ann Lee said that in the end, the harbour tax will "
                 "hurt every family farm. We will fight it.", "2024-01-02"),
    ], jobs=1)
    (o,) = [o for o in family_of(tr, "harbour tax").occurrences if o.article == "b"]
    assert (o.role, o.relation, o.text) == ("reported-speech", "paraphrase",
                                            "in the end, the harbour tax will hurt every family farm")


def test_a_narrator_sentence_is_shown_as_the_quote_words_it_holds() -> None:
    """A narrator sentence that carries a quote's words without their marks is shown as those
    words (read again from its text), not as the whole sentence around them."""
    quote = "a tax that will hurt every family farm and every fishing crew on the coast, and we will fight it"
    tr = trace([
        art("a", f"Farmers are angry at the plan. Senator Ann Lee described the harbour plan as “{quote}.”",
            "2024-01-01"),
        art("b", f"Farmers are angry at the plan. However, the harbour plan remains {quote}.", "2024-01-02"),
    ], jobs=1)
    (o,) = [o for o in family_of(tr, "fishing crew").occurrences if o.article == "b"]
    assert (o.role, o.relation, o.text) == ("narrator", "paraphrase", quote)
    assert tr.texts["b"][o.start:o.end] == quote


def test_single_source() -> None:
    """A quote no other article carries in any form is single-source."""
    tr = trace([
        art("a", "“Our orchards have never looked better,” farmer Ruth Vale said.", "2024-01-01"),
        art("b", "“The river is rising fast,” said Captain Ivo Marsh.", "2024-01-02"),
    ], jobs=1)
    assert relations(tr) == [[("a", "single-source")], [("b", "single-source")]]


def test_unattributed_passage_joins_with_the_family_speaker() -> None:
    """A passage in marks that its article gives to no one still joins its family, as a copy
    credited to the family's speaker, with no quote id."""
    tr = trace([
        art("a", f"“{QUOTE},” Mayor Jane Doe said.", "2024-03-01"),
        art("b", f"Posters across town now read “{QUOTE}” in red letters.", "2024-03-02"),
    ], jobs=1)
    f = family_of(tr, "new bridge")
    copy = f.occurrences[1]
    assert (copy.article, copy.relation, copy.quote, copy.speaker) == ("b", "verbatim", None, "Jane Doe")


def test_unattributed_passages_alone_make_no_family() -> None:
    """Titles and scare quotes that no article attributes are not statements anyone made."""
    tr = trace([art("a", "The film “Rivers of Light” opens on Friday."),
                art("b", "Critics loved “Rivers of Light” this week.")], jobs=1)
    assert tr.families == ()


def test_uncredited_words_that_travel_make_a_family_with_no_speaker() -> None:
    """Words in marks no article credits to anyone, carried from one article to another, are a
    family whose speaker is unknown; alone in one article they are none."""
    a = art("a", "The plan, a “reckless gamble with the town's money,” passed on Monday.", "2024-03-01")
    b = art("b", "The plan passed. “It is a reckless gamble with the town's money,” Jane Doe said.", "2024-03-02")
    c = art("c", "The plan, a “reckless gamble with the town's money,” went to a vote.", "2024-03-03")
    tr = trace([a, c], jobs=1)
    f = family_of(tr, "reckless gamble")
    assert f.speaker is None
    assert [(o.article, o.relation, o.speaker, o.quote) for o in f.occurrences] == [
        ("a", "original", None, None), ("c", "verbatim", None, None)]
    assert trace([a], jobs=1).families == ()
    # an article that credits the words to someone gives the family its speaker
    assert family_of(trace([a, b], jobs=1), "reckless gamble").speaker == "Jane Doe"


def test_markup_attributes_are_no_quotations() -> None:
    """Values in marks inside markup a scraper left in the text (``<tweet id="…">``) are no
    quotation, however many articles carry them."""
    text = 'The mayor posted again. <tweet id="750366792434978816" author="@harbourmayor"><tweet/> It was late.'
    assert trace([art("a", text, "2024-03-01"), art("b", text, "2024-03-02")], jobs=1).families == ()


def test_uncredited_words_expanded_where_they_stood() -> None:
    """A copy that takes the narrator's words beside uncredited words into the marks is their
    expansion, found where the words stood (no article credits either)."""
    tr = trace([art("a", "He backed the senator’s “public option” on Monday.", "2024-03-01"),
                art("b", "He backed “the senator’s public option” on Monday.", "2024-03-02"),
                art("c", "He backed the senator’s “public option” on Monday.", "2024-03-03")], jobs=1)
    f = family_of(tr, "public option")
    assert [(o.article, o.relation) for o in f.occurrences] == [("a", "original"), ("b", "expanded"),
                                                               ("c", "verbatim")]


def test_uncredited_words_altered_where_they_stood() -> None:
    """Uncredited words changed in a copied sentence, the narrator's words around the marks kept,
    are an altered copy; changed words elsewhere are another passage."""
    tr = trace([art("a", "His “normal temper is grumpy,” the neighbours joked at the fair.", "2024-03-01"),
                art("b", "His “usual temper is grumpy,” the neighbours joked at the fair.", "2024-03-02"),
                art("c", "His “normal temper is grumpy,” the neighbours joked at the fair.", "2024-03-03"),
                art("d", "The “usual temper is grumpy” line ran in the paper on Monday.", "2024-03-04")], jobs=1)
    f = family_of(tr, "temper is grumpy")
    assert [(o.article, o.relation) for o in f.occurrences] == [("a", "original"), ("b", "altered"),
                                                               ("c", "verbatim")]
    assert f.speaker is None


def test_the_original_is_the_earliest_dated_else_the_fullest() -> None:
    """A dated occurrence comes before undated ones, however short; among undated ones the
    fullest is the original."""
    short = "“The new bridge will be finished,” Doe said."
    full = f"“{QUOTE},” Mayor Jane Doe said."
    tr = trace([art("u1", full), art("d1", short, "2024-05-01")], jobs=1)
    assert relations(tr)[0][0] == ("d1", "original")
    tr = trace([art("u1", short), art("u2", full)], jobs=1)
    assert relations(tr) == [[("u2", "original"), ("u1", "excerpt")]]


def test_bad_input_in_a_batch(tmp_path) -> None:  # noqa: ANN001
    """An empty file, a binary file and a duplicate id each get a message; the rest is traced."""
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "a.txt").write_text(f"“{QUOTE},” Mayor Jane Doe said.\n", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(f"Doe said: “{QUOTE}.”\n", encoding="utf-8")
    tr = trace([tmp_path], jobs=1)
    by_id = {a.id: a for a in tr.articles}
    assert "empty article" in by_id["empty"].error and "binary" in by_id["binary"].error
    assert by_id["a#2"].note and "a#2" in by_id["a#2"].note
    assert relations(tr) == [[("a", "original"), ("a#2", "verbatim")]]


def test_ten_thousand_identical_quotes() -> None:
    """One article repeating a quote 10,000 times makes one family of 10,000 occurrences."""
    text = "\n".join(f"“{QUOTE},” Mayor Jane Doe said." for _ in range(10_000))
    tr = trace([art("a", text)], jobs=1)
    (f,) = tr.families
    assert len(f.occurrences) == 10_000 and f.original.relation == "single-source"


def test_alignments_grow_with_passages_not_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Grouping aligns each passage with a few candidate families, never with every other
    passage: 60 articles carrying one quote and ten stock phrases cost at most a few alignments
    a passage."""
    calls = []
    real = group_module.align

    def counting(a, b):  # noqa: ANN001, ANN202
        calls.append(1)
        return real(a, b)

    monkeypatch.setattr(group_module, "align", counting)
    stock = "\n".join(f"“The people of this great state deserve better roads, number {k},” said Jo Park{k}."
                     for k in range(10))
    arts = [art(f"x{k}", f"“{QUOTE},” Mayor Jane Doe said.\n{stock}", f"2024-01-{k % 28 + 1:02d}") for k in range(60)]
    tr = trace(arts, jobs=1)
    passages = sum(len(f.occurrences) for f in tr.families)
    assert passages >= 60 * 11
    assert len(calls) <= 4 * passages


def test_output_is_the_same_whatever_the_jobs() -> None:
    """One process or two, the trace is the same to the byte."""
    extra = [art(f"n{k}", f"“{QUOTE} number {k},” Mayor Jane Doe said.") for k in range(12)]
    one = json.dumps(trace([SEEDS, *extra], jobs=1).to_dict(), ensure_ascii=False)
    two = json.dumps(trace([SEEDS, *extra], jobs=2).to_dict(), ensure_ascii=False)
    assert one == two


def test_unreadable_items_are_listed() -> None:
    """An Unreadable given to trace() is listed with its message, not dropped."""
    tr = trace([Unreadable("gone", "gone.txt", "gone.txt: no such file or folder"),
                art("a", f"“{QUOTE},” Mayor Jane Doe said.")], jobs=1)
    assert [(a.id, a.error) for a in tr.errors] == [("gone", "gone.txt: no such file or folder")]


def test_check_one_article_against_a_set() -> None:
    """check() labels a new article's quotes against the set, the set's occurrences first."""
    a = art("a", f"“{QUOTE},” Mayor Jane Doe said.", "2024-03-01")
    new = art("new", "“The new bridge will be finished before the summer floods,” Doe said. "
                     "“We have the money,” she added.")
    got = [(c.occurrence.text, c.occurrence.relation, c.family.original.article) for c in check(new, [a], jobs=1).items]
    assert got == [("The new bridge will be finished before the summer floods,", "altered", "a"),
                   ("We have the money,", "single-source", "new")]


def test_hard_wrapped_articles_trace_the_same() -> None:
    """The seeds wrapped at 72 columns give the same families and labels, with offsets that
    index the wrapped text."""
    import textwrap

    from quotetrace import read_articles

    plain = [a for a in read_articles(SEEDS)]
    wrapped = [Article(a.id, "\n\n".join(textwrap.fill(p, 72) for p in a.text.split("\n") if p.strip()), date=a.date)
               for a in plain]

    def labels(tr: Trace) -> list:
        return [[(o.article, o.relation, " ".join(o.text.split())) for o in f.occurrences] for f in tr.families]

    tw = trace(wrapped, jobs=1)
    assert labels(tw) == labels(trace(plain, jobs=1))
    for f in tw.families:
        for o in f.occurrences:
            assert " ".join(tw.texts[o.article][o.start:o.end].split()).startswith(" ".join(o.text.split())[:12])


def test_a_surname_two_people_share_is_no_misattribution() -> None:
    """``Doe said`` in an article that names both a Jane Doe and a Tom Doe may mean either: the
    copy of Jane Doe's quote is not called misattributed, whatever the article's guess."""
    tr = trace([
        art("a", f"“{QUOTE},” Mayor Jane Doe said on Monday.", "2024-03-01"),
        art("b", f"Councillor Tom Doe spoke. Jane Doe is his sister.\n\n“{QUOTE},” Doe said.", "2024-03-02"),
    ], jobs=1)
    f = family_of(tr, "new bridge")
    assert [o.relation for o in f.occurrences] == ["original", "verbatim"]


def test_family_speaker_from_the_articles_that_agree() -> None:
    """Where the original credits nobody, the family takes the speaker most copies give it, so
    the one copy that credits someone else is the misattributed one, not the others."""
    tr = trace([
        art("a", f"Posters across town now read “{QUOTE}” in red letters.", "2024-03-01"),
        art("b", f"“{QUOTE},” Governor Tom Roe said.", "2024-03-02"),
        art("c", f"“{QUOTE},” Mayor Jane Doe said.", "2024-03-03"),
        art("d", f"“{QUOTE},” Doe told reporters.", "2024-03-04"),
        art("e", f"Asked again, Mayor Jane Doe said: “{QUOTE}.”", "2024-03-05"),
    ], jobs=1)
    f = family_of(tr, "new bridge")
    assert f.speaker == "Jane Doe"
    assert [(o.article, o.relation) for o in f.occurrences][1:] == [
        ("b", "misattributed"), ("c", "verbatim"), ("d", "verbatim"), ("e", "verbatim")]


def test_no_clear_family_speaker_flags_nothing() -> None:
    """Two copies, two speakers, an original that credits nobody: nobody can say which is right."""
    tr = trace([
        art("a", f"Posters across town now read “{QUOTE}” in red letters.", "2024-03-01"),
        art("b", f"“{QUOTE},” Governor Tom Roe said.", "2024-03-02"),
        art("c", f"“{QUOTE},” Mayor Jane Doe said.", "2024-03-03"),
    ], jobs=1)
    f = family_of(tr, "new bridge")
    assert "misattributed" not in [o.relation for o in f.occurrences]


def test_a_misattributed_copy_explains_itself() -> None:
    """Both speakers, as each article names them and as resolved, and why they differ, in the
    occurrence, its JSON, the text report and the HTML page."""
    import io

    from quotetrace.report import write_trace

    def render(t: Trace, fmt: str) -> str:
        out = io.StringIO()
        write_trace(t, out, fmt)
        return out.getvalue()

    tr = trace([art("a", f"“{QUOTE},” Mayor Jane Doe said.", "2024-03-01"),
                art("b", f"“{QUOTE},” Governor Tom Roe said.", "2024-03-02"),
                art("c", f"“{QUOTE},” Senator Ann Doe said.", "2024-03-03")], jobs=1)
    f = family_of(tr, "new bridge")
    roe, ann = f.occurrences[1].misattribution, f.occurrences[2].misattribution
    assert (roe.original_article, roe.original_mention, roe.original_speaker, roe.mention, roe.speaker) == (
        "a", "Mayor Jane Doe", "Jane Doe", "Governor Tom Roe", "Tom Roe")
    assert roe.reason == "different surnames (Doe, Roe)"
    assert ann.reason == "different first names (Jane, Ann)"
    assert f.original.misattribution is None
    assert tr.to_dict()["families"][0]["occurrences"][1]["misattribution"]["reason"] == roe.reason
    assert "different surnames (Doe, Roe)" in render(tr, "text")
    assert "different surnames (Doe, Roe)" in render(tr, "html")


_NOUNS = "harbor council tunnel ferry budget orchard museum library clinic market stadium canal".split()
_VERBS = "approved delayed repaired opened closed funded inspected expanded renamed moved sold rebuilt".split()


def _own_sentences(first: int, n: int) -> str:
    """``n`` narrator sentences, numbered from ``first``, each too unlike another to count as
    the same sentence."""
    return " ".join(f"The {_NOUNS[k % 12]} board {_VERBS[(k * 5) % 12]} the {_NOUNS[(k * 7 + 3) % 12]} "
                    f"plan number {k} after {k + 2} long {_NOUNS[(k + 5) % 12]} hearings."
                    for k in range(first, first + n))


_LIFTED = ["The county engineers found deep cracks in both piers of the old river crossing last winter.",
           "Repairs to the eastern pier alone are expected to cost more than the whole annual roads budget."]


@pytest.mark.parametrize("copied", [2, 1, 0])
def test_lifted_sentences_make_a_derivation(copied: int) -> None:
    """A long article that lifts narrator sentences from an earlier one draws on it, though
    they are a small share of what it says: two sentences, or one that nothing else explains."""
    a = art("a", _own_sentences(100, 3) + "\n\n" + " ".join(_LIFTED), "2024-03-01")
    b = art("b", _own_sentences(0, 30) + "\n\n" + " ".join(_LIFTED[:copied]), "2024-03-02")
    tr = trace([a, b], jobs=1)
    assert [(d.article, d.source, d.shared_sentences) for d in tr.derivations] == (
        [("b", "a", copied)] if copied else [])


# each article: (its id, day, which of _own_sentences it writes, and whether it adds the lifted sentence)
_STORY = [("a", 1, (0, 8), False), ("b", 2, (0, 8), True), ("c", 3, (0, 8), True)]
_OUTLET = [("e", 1, (20, 4), True), ("h", 2, (40, 8), True), ("h2", 3, (40, 8), True)]


@pytest.mark.parametrize(("articles", "expected"), [
    # two rewrites of a that made the same change share a sentence a lacks: they draw on a, not on
    # each other
    (_STORY, {("b", "a"), ("c", "a")}),
    # a line h took from e, and h2, a rewrite of h, carries: h2 has it from h, not from e
    (_OUTLET, {("h", "e"), ("h2", "h")}),
])
def test_a_lone_sentence_explained_by_a_source_is_no_derivation(articles: list, expected: set) -> None:
    tr = trace([art(i, _own_sentences(*own) + (" " + _LIFTED[0] if lifted else ""), f"2024-03-0{day}")
                for i, day, own, lifted in articles], jobs=1)
    assert {(d.article, d.source) for d in tr.derivations} == expected


@pytest.mark.parametrize(("copy", "relation", "mention"), [
    # the pronoun stands inside the speaker's own statement, credited by name: named by it
    (f"Governor Tom Roe said he recalled thinking, “{QUOTE}.”", "misattributed", "Governor Tom Roe"),
    (f"Tom Roe says he likes what he calls “{QUOTE}.”", "misattributed", "Tom Roe"),
    # a statement before it, coordinated ("…, but"), does not take it in
    (f"His aides had urged him to act “calm,” but Governor Tom Roe said he recalled thinking, “{QUOTE}.”",
     "misattributed", "Governor Tom Roe"),
    # that statement is itself someone else's account of it: whose words they are is a reading
    (f"Ann Vale said Tom Roe had told them that he recalled thinking, “{QUOTE}.”", "verbatim", None),
    # a pronoun read across sentences is a guess, not a name
    (f"Governor Tom Roe spoke last. He recalled thinking, “{QUOTE}.”", "verbatim", None),
])
def test_a_pronoun_in_the_speakers_own_statement_names_them(copy: str, relation: str, mention: str | None) -> None:
    """``Jane Doe said she recalled thinking, “…”`` credits the quote to Jane Doe by name: a copy
    that gives it so to another person is misattributed, and shows the name, not the pronoun."""
    tr = trace([art("a", f"Mayor Jane Doe said she recalled thinking, “{QUOTE}.”", "2024-03-01"),
                art("b", copy, "2024-03-02")], jobs=1)
    f = family_of(tr, "new bridge")
    assert f.speaker == "Jane Doe"
    assert [o.relation for o in f.occurrences] == ["original", relation]
    why = f.occurrences[1].misattribution
    assert (why and (why.original_mention, why.mention)) == (mention and ("Mayor Jane Doe", mention))
