"""The HTML report and the notebook displays, read as strings: order, marks, self-containment,
the same pieces in both, and markup from articles escaped everywhere."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from html.parser import HTMLParser

import pytest

import quotetrace
from quotetrace import (
    Article,
    Change,
    Cue,
    Derivation,
    Evidence,
    Extraction,
    Family,
    Occurrence,
    Quote,
    Span,
    Speaker,
    SpeakerIdentity,
    Trace,
    TracedArticle,
    model,
)
from quotetrace.report import fragments, html

from .conftest import CONCESSION, CONSTITUTION, FINE_TUNED, FREEZE, WHOLE_COUNTRY, family_of

# markup that would run, load or break out of an attribute if it were not escaped
EVIL = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2"> "onclick="x" \' & <a href="javascript:alert(3)">go</a>'


class Parsed(HTMLParser):
    """Every tag, attribute and piece of text of a page, as a browser's tokenizer sees them."""

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def count(self, tag: str) -> int:
        return sum(1 for t, _ in self.tags if t == tag)


def assert_inert(page: str, *, scripts: int) -> Parsed:
    """Nothing from the articles became a tag, an event handler or a link; our own script only."""
    p = Parsed(page)
    assert p.count("script") == scripts
    for tag in ("img", "iframe", "object", "embed", "svg", "math", "link", "base", "form" if scripts == 0 else "x"):
        assert p.count(tag) == 0, tag
    for tag, attrs in p.tags:
        assert not (tag == "script" and attrs), attrs  # our script is inline, never fetched
        assert not (tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh")
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            assert not (value or "").strip().lower().startswith("javascript:"), (tag, name, value)
        if tag == "a":
            assert (attrs.get("href") or "").startswith(("http://", "https://")), attrs
    return p


@pytest.fixture(scope="module")
def evil_trace() -> Trace:
    """A trace made by hand with markup in every string the report shows: ids, speakers, words,
    changes, evidence, paths, errors, notes."""
    a, b = f"a{EVIL}", f"b{EVIL}"
    quote = f"We will build {EVIL} the bridge"
    text_a = f"Intro {EVIL}.\n\n“{quote},” {EVIL} said."
    copy = f"We never build {EVIL} the bridge"
    text_b = f"Other {EVIL}.\n\n“{copy},” {EVIL} said."
    sa, sb = text_a.index(quote), text_b.index(copy)
    word_a, word_b = sa + quote.index("will"), sb + copy.index("never")
    original = Occurrence(a, f"{a}:1", quote, sa, sa + len(quote), EVIL, "original")
    changed = Occurrence(b, f"{b}:1", copy, sb, sb + len(copy), f"{EVIL}2", "misattributed",
                         diff=[Change("replace", "will", "never", "critical", start=word_b, end=word_b + 5,
                                      original_start=word_a, original_end=word_a + 4),
                               Change("insert", "", EVIL, "substantive")])
    alone = Occurrence(b, None, EVIL, 0, 5, None, "unsupported",
                       evidence=[Evidence(a, EVIL, 0, 5, "reported-speech", EVIL),
                                 Evidence(a, EVIL, 0, 5, "narrator")])
    return Trace(articles=[TracedArticle(a, path=EVIL, date=EVIL), TracedArticle(b, note=EVIL),
                           TracedArticle(f"c{EVIL}", error=EVIL)],
                 speakers=[SpeakerIdentity(EVIL, "person", aliases=[EVIL])],
                 families=[Family(f"f{EVIL}", EVIL, [original, changed]), Family("f2", None, [alone])],
                 derivations=[Derivation(b, a, 1, 0, 0.5)],
                 texts={a: text_a, b: text_b})


def test_page_escapes_markup_everywhere(evil_trace: Trace) -> None:
    """Markup in every field is text on the page: no tag, handler or link comes from it."""
    page = html(evil_trace)
    parsed = assert_inert(page, scripts=1)
    text = "".join(parsed.text)
    # ids, speakers, words, evidence, paths, notes and errors: each shows the markup as text
    assert text.count('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">') > 10


def test_page_from_hostile_articles_is_inert(hostile_trace: Trace) -> None:
    """Articles whose quotes hold markup: traced as usual, shown as text, nothing runs or loads."""
    assert {f.status for f in hostile_trace.families} == {"original", "unsupported"}
    parsed = assert_inert(html(hostile_trace), scripts=1)
    text = "".join(parsed.text)
    assert "<script>window.__pwned = 6</script> would ruin the city <img src=x onerror=window.__pwned=7>" in text
    assert "copy-<b onmouseover=window.__pwned=5>2</b>" in text


@pytest.mark.parametrize("view", ["trace", "family", "occurrence"])
def test_notebook_views_escape_markup(evil_trace: Trace, view: str) -> None:
    """The notebook displays escape what the page escapes, and carry no script at all."""
    obj = {"trace": evil_trace, "family": evil_trace.families[0],
           "occurrence": evil_trace.families[0].occurrences[1]}[view]
    parsed = assert_inert(obj._repr_html_(), scripts=0)
    assert "<script>window.__pwned=1</script>" in "".join(parsed.text)


def evil_extraction(url: str) -> Extraction:
    text = f"“{EVIL},” {EVIL} said."
    start, end = 1, 1 + len(EVIL)
    said = text.index(" said") + 1
    quote = Quote(f"{EVIL}:1", EVIL, "direct", EVIL, [Span(start, end)], [Span(start, end)],
                  cue=Cue("said", said, said + 4),
                  speaker=Speaker(EVIL, f"{EVIL} as written", end + 3, said - 1, "person"))
    return Extraction(Article(EVIL, text, date=EVIL, outlet=EVIL, title=EVIL, url=url), [quote])


def test_quote_and_extraction_views_escape_markup() -> None:
    """A quote's words, speaker and id and an article's title, outlet and text are escaped; a
    javascript: address is shown as text, never as a link."""
    r = evil_extraction("javascript:alert(4)")
    for page in (r._repr_html_(), r.quotes[0]._repr_html_()):
        parsed = assert_inert(page, scripts=0)
        assert "<script>window.__pwned=1</script>" in "".join(parsed.text)
    assert Parsed(r._repr_html_()).count("a") == 0
    linked = Parsed(evil_extraction("https://example.org/story")._repr_html_())
    assert [attrs["href"] for tag, attrs in linked.tags if tag == "a"] == ["https://example.org/story"]


def test_page_is_self_contained(seeds_trace: Trace) -> None:
    """One file: no address to fetch anything from, and a policy that lets only the page's own
    style and script run, by their hashes."""
    page = html(seeds_trace)
    parsed = Parsed(page)
    assert not [attrs for _, attrs in parsed.tags if {"src", "href"} & set(attrs)]
    assert "http://" not in page and "https://" not in page
    csp = next(attrs["content"] for tag, attrs in parsed.tags
               if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"{tag}-src 'sha256-{digest}'" in csp


def test_page_order_puts_unsupported_then_changed_first(seeds_trace: Trace) -> None:
    """Unsupported quotes come first, then those whose copies changed, then the other carried
    quotes, then the single-source ones; every family appears once."""
    page = html(seeds_trace)
    ids = re.findall(r'<details class="qt-family[^"]*" id="([^"]+)"', page)
    assert sorted(ids) == sorted(f.id for f in seeds_trace.families)
    fam = {words: family_of(seeds_trace, words).id
           for words in (CONSTITUTION, FINE_TUNED, FREEZE, WHOLE_COUNTRY, CONCESSION)}
    assert ids[0] == fam[CONSTITUTION]  # the seeds' one unsupported quote
    # then the altered copies, the critical change first, then those expanded by the narrator
    assert set(ids[1:5]) == {fam[FINE_TUNED], fam[FREEZE], fam[WHOLE_COUNTRY], fam[CONCESSION]}
    assert ids.index(fam[FINE_TUNED]) < ids.index(fam[FREEZE]) < ids.index(fam[WHOLE_COUNTRY])
    sections = [page.index(f'id="qt-{k}"') for k in ("unsupported", "changed", "carried", "single")]
    assert sections == sorted(sections)


def test_page_marks_and_grades_changed_words(seeds_trace: Trace) -> None:
    """Changed words are marked on both sides, graded, with the change in words as the title;
    the unsupported quote shows its evidence with the words it shares."""
    page = html(seeds_trace)
    assert '<del class="qt-substantive" title="substantive: “to freeze” became “freezing”">to freeze</del>' in page
    assert '<ins class="qt-substantive" title="substantive: “to freeze” became “freezing”">freezing</ins>' in page
    assert 'title="substantive: left out “at some level”">‸</span>' in page  # where the copy lost words
    assert '<ins class="qt-critical"' in page and ">still need fine-tuning</ins>" in page
    # the expanded copy's “not” is shown where it came from: the original article's own words
    assert '<span class="qt-narrator" title="the narrator&#x27;s words in the original article">not</span>' in page
    at = page.index(f'id="{family_of(seeds_trace, CONSTITUTION).id}"')
    unsupported = page[at:page.index("</details>", at)]
    assert "No other article puts these words in quotation marks" in unsupported
    assert 'against <span class="qt-shared" title="these words are in both">Ukraine’s</span>' in unsupported
    assert '<span class="qt-shared" title="these words are in both">constitution</span>' in unsupported


def test_notebook_and_page_share_their_pieces(seeds_trace: Trace) -> None:
    """A family's HTML is the same in the page, in the trace's display and (texts at hand) alone."""
    where = fragments.Where(seeds_trace.texts, {a.id: a.date for a in seeds_trace.articles})
    piece = fragments.family_html(family_of(seeds_trace, CONSTITUTION), where)
    assert piece in html(seeds_trace)
    assert piece in seeds_trace._repr_html_()


@pytest.mark.parametrize("cls", [Quote, Extraction, Occurrence, Family, Trace])
def test_every_class_shows_itself(seeds_trace: Trace, cls: type) -> None:
    """Quote, Extraction, Occurrence, Family and Trace each give notebook HTML with their words."""
    r = next(quotetrace.extract_all([str(seeds_trace.articles[3].path)]))
    f4 = family_of(seeds_trace, FREEZE)
    n = len(seeds_trace.families)
    violate = next(q for q in r.quotes if "would violate" in q.text)
    obj, words = {Quote: (violate, "This would violate Ukraine’s constitution"),
                  Extraction: (r, "003_5e38c892982a003a"),
                  Occurrence: (f4.occurrences[1], "<ins class=\"qt-substantive\""),
                  Family: (f4, "<del class=\"qt-substantive\""),
                  Trace: (seeds_trace, f"{n} quoted statements by ")}[cls]
    out = obj._repr_html_()
    assert out.startswith('<div class="quotetrace"><style>') and words in out
    assert "<script" not in out


def test_a_family_alone_marks_its_words_without_the_texts(seeds_trace: Trace) -> None:
    """Without the article texts, a family cuts its words from the occurrences themselves and
    still marks the changed words in place."""
    out = family_of(seeds_trace, FREEZE)._repr_html_()
    assert ">to freeze</del> the territorial lines <del class=\"qt-substantive\"" in out
    assert "“<ins class=\"qt-substantive\" title=\"substantive: “to freeze” became “freezing”\">freezing</ins>" in out


def test_a_split_quote_is_marked_piece_by_piece() -> None:
    """A split quote shows its pieces apart (“…”), each change in the piece that holds it; a
    change running across the break is marked on both sides of it."""
    # “We won't build it,” she said, “by the spring floods.” — pieces at 1-19 and 33-54
    o = Occurrence("b", "b:1", "We won't build it, by the spring floods.", 1, 54, "Jane Doe", "altered",
                   spans=[Span(1, 19), Span(33, 54)],
                   diff=[Change("replace", "will", "won't", "critical", start=4, end=9,
                                original_start=3, original_end=7),
                         Change("replace", "it, by", "it by", "trivial", start=16, end=35,
                                original_start=14, original_end=20)])
    out = o._repr_html_()  # no article text at hand: the pieces are cut from the occurrence's words
    assert '<span class="qt-sep">…</span>' in out
    assert '“We <ins class="qt-critical" title="critical: “will” became “won&#x27;t”">won&#x27;t</ins> build' in out
    assert out.count('<ins class="qt-trivial"') == 2  # “it,” before the break and “by” after it


def test_trace_display_stays_compact(seeds_trace: Trace, monkeypatch: pytest.MonkeyPatch) -> None:
    """A notebook shows a bounded number of families, unsupported and changed ones open, and
    says where the rest is."""
    monkeypatch.setattr(fragments, "NOTEBOOK_FAMILIES", 6)
    out = seeds_trace._repr_html_()
    assert out.count('<details class="qt-family') == 6
    assert out.count("open><summary>") == 5  # one unsupported, four with changed copies
    assert f"… and {len(seeds_trace.families) - 6} more families: quotetrace.report.html(trace)" in out


def test_without_a_view_there_is_no_rich_display(seeds_trace: Trace, monkeypatch: pytest.MonkeyPatch) -> None:
    """The model only looks views up: with none registered, IPython falls back to the repr."""
    monkeypatch.delitem(model._HTML_VIEWS, Trace)
    assert seeds_trace._repr_html_() is None


def test_views_are_there_after_any_import() -> None:
    """Importing only the model still registers the views (the package imports the report)."""
    code = ("import quotetrace.model as m; t = m.Trace(articles=[]); "
            "print(t._repr_html_().startswith('<div class=\"quotetrace\">'))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "True"


def test_check_page(seeds_trace: Trace) -> None:
    """A check's page shows the checked article's families, its own occurrences outlined."""
    others = [a.path for a in seeds_trace.articles if not a.id.startswith("003")]
    result = quotetrace.check(seeds_trace.articles[3].path, others, jobs=1)
    page = html(result)
    assert "Check of <span class=\"qt-fid\">003_5e38c892982a003a</span> against 4 articles" in page
    ids = re.findall(r'<details class="qt-family[^"]*" id="([^"]+)"', page)
    unsupported = next(i.family.id for i in result.items if i.family.status == "unsupported")
    assert ids[0] == unsupported and len(ids) == len({i.family.id for i in result.items})
    assert page.count("the checked article</span>") == len(result.items)
    assert_inert(page, scripts=1)


def test_html_takes_a_trace_or_a_check() -> None:
    """Anything else is a clear TypeError."""
    with pytest.raises(TypeError, match="Trace or a Check"):
        html([])  # type: ignore[arg-type]


def test_check_has_a_notebook_display() -> None:
    """A check shows, in a notebook, the families its article takes part in, its words escaped."""
    from quotetrace import Article, check

    a = Article("a", "“We will build the <b>bridge</b> by spring,” Mayor Jane Doe said.", date="2024-05-01")
    new = Article("new", "Mayor Jane Doe said: “We will never build the <b>bridge</b>.”")
    shown = check(new, [a], jobs=1)._repr_html_()
    assert shown is not None and "new: 1 passage checked against 1 articles" in shown
    assert "&lt;b&gt;bridge&lt;/b&gt;" in shown and "<b>bridge</b>" not in shown
