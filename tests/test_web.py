"""Web pages and WARC files as articles: pages and an archive the tests write themselves, with
the markup real news pages carry (navigation, scripts, comments, cookie banners, blockquote, q,
a quote over several paragraphs)."""

from __future__ import annotations

import io
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from quotetrace import Article, Unreadable, extract, read_articles

pytest.importorskip("trafilatura")

ROOT = Path(__file__).resolve().parent.parent

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Bridge plan | Riverside Courier</title>
<link rel="canonical" href="https://www.riverside-courier.example/city/2024/05/bridge-plan.html?ref=home">
<meta property="og:site_name" content="Riverside Courier">
<meta name="author" content="Ann Writer">
<meta property="article:published_time" content="2024-05-02T09:30:00Z">
<script>window.dataLayer = [{{"page": "article"}}];</script>
</head><body>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>{headline}</h1>
<p class="byline">By Ann Writer</p>
<p>The city council met on Tuesday evening to discuss the crossing over the river and its cost.</p>
<p>“We will build the new bridge before the spring floods arrive,” Mayor Jane Doe said. “It will carry
trams, buses and bicycles.</p>
<p>“And it will be paid for without a new tax,” she added.</p>
<blockquote><p>“Nobody in this office approved the sale of the old tram depot,” Councillor Omar Bell told reporters.</p></blockquote>
<p>Critics called the plan <q>a fantasy for the next election</q> on Wednesday, saying the money was not there.</p>
<!-- related stories widget -->
</article></main>
<aside class="comments"><h3>Comments</h3><p>Great news for cyclists! Posted by river_fan</p></aside>
<footer><p>© Riverside Courier. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
<script src="/static/app.js"></script>
</body></html>
"""


def page(headline: str = "Mayor promises a bridge by spring") -> str:
    return PAGE.format(headline=headline)


def test_a_page_reads_as_its_main_text_with_its_metadata(tmp_path: Path) -> None:
    """Navigation, banners, comments and scripts are left out; title, date, outlet and URL kept."""
    path = tmp_path / "saved.html"
    path.write_text(page(), encoding="utf-8")
    [article] = read_articles(path)
    assert isinstance(article, Article)
    assert article.id == "riverside-courier.example-city-2024-05-bridge-plan"
    assert article.url.startswith("https://www.riverside-courier.example/city/2024/05/bridge-plan")
    assert (article.date, article.outlet, article.title) == ("2024-05-02", "Riverside Courier",
                                                             "Mayor promises a bridge by spring")
    for boilerplate in ("cookies", "Accept all", "Sport", "river_fan", "All rights reserved", "dataLayer"):
        assert boilerplate not in article.text
    assert "“a fantasy for the next election”" in article.text  # <q> keeps its marks


def test_quotes_of_a_page_are_found_with_offsets_into_its_text(tmp_path: Path) -> None:
    """The quotes of a page, over several paragraphs and in a blockquote, index the extracted text."""
    path = tmp_path / "saved.html"
    path.write_text(page(), encoding="utf-8")
    [article] = read_articles(path)
    quotes = extract(article)
    speakers = {q.speaker.name for q in quotes if q.speaker}
    assert any("Jane Doe" in n for n in speakers) and any("Omar Bell" in n for n in speakers)
    for q in quotes:
        assert all(article.text[s.start:s.end] in q.text for s in q.spans)
    assert any("without a new tax" in q.text for q in quotes)


def test_a_page_without_main_text_is_reported_not_read_as_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>", encoding="utf-8")
    [item] = read_articles(path)
    assert isinstance(item, Unreadable) and "no main text" in item.message


def test_the_same_page_twice_is_read_once_and_reported(tmp_path: Path) -> None:
    """A page saved twice under two names (same canonical URL) gives one article and a warning."""
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "b.htm").write_text(page("Mayor promises a bridge by spring (updated)"), encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = list(read_articles(tmp_path))
    assert len(items) == 1
    assert "the same page as" in str(caught[0].message)


def _warc(path: Path, pages: list[tuple[str, str]], warc_date: str = "2024-06-01T00:00:00Z") -> list[int]:
    """Write a WARC with a request and a response per page (and one image); the responses' offsets."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    offsets = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        for url, html in pages:
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            offsets.append(fh.tell())
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode()),
                                                          http_headers=headers,
                                                          warc_headers_dict={"WARC-Date": warc_date}))
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG"),
                                                          http_headers=image))
    return offsets


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_a_warc_gives_one_article_per_html_response(tmp_path: Path, name: str) -> None:
    """HTML responses only; the record's offset in the path; the page's date, else WARC-Date."""
    pytest.importorskip("warcio")
    undated = "<html><body><article><p>“The tram depot stays open,” Judge Rita Vale said on Friday " \
              "after a long hearing about the future of the old building.</p></article></body></html>"
    path = tmp_path / name
    offsets = _warc(path, [("https://riverside-courier.example/city/bridge", page()),
                           ("https://valley-times.example/news/depot", undated)])
    items = list(read_articles(path))
    assert [type(i) for i in items] == [Article, Article]
    first, second = items
    assert first.path == f"{path}#offset={offsets[0]}" and second.path == f"{path}#offset={offsets[1]}"
    assert first.date == "2024-05-02" and second.date == "2024-06-01"
    assert second.id == "valley-times.example-news-depot"
    assert extract(second)[0].speaker.name == "Rita Vale"


@pytest.mark.parametrize("warc_date, why", [("2999-01-01T00:00:00Z", "in the future"),
                                             ("yesterday", "not a date quotetrace can read")])
def test_a_warc_date_that_is_no_publication_date_is_dropped_with_a_warning(tmp_path: Path, warc_date: str,
                                                                           why: str) -> None:
    """A record's date goes through the same check as any article's: read without a date, and said."""
    pytest.importorskip("warcio")
    undated = "<html><body><article><p>“The tram depot stays open,” Judge Rita Vale said on Friday " \
              "after a long hearing about the future of the old building.</p></article></body></html>"
    path = tmp_path / "crawl.warc"
    _warc(path, [("https://valley-times.example/news/depot", undated)], warc_date=warc_date)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        [article] = read_articles(path)
    assert article.date is None
    assert any(why in str(w.message) and "read without a date" in str(w.message) for w in caught)


def test_without_the_extra_a_page_gets_one_message_and_the_batch_goes_on(tmp_path: Path) -> None:
    """With trafilatura and warcio unimportable, the page and the WARC file each get a message
    naming the extra, and the text article is still extracted."""
    (tmp_path / "a.html").write_text(page(), encoding="utf-8")
    (tmp_path / "b.warc").write_bytes(b"WARC/1.0\r\n")
    (tmp_path / "c.txt").write_text("“Yes,” she said.", encoding="utf-8")
    code = ("import sys; sys.modules['trafilatura'] = None; sys.modules['warcio'] = None\n"
            "from quotetrace.cli import main; sys.exit(main(['extract', sys.argv[1], '--jobs', '1']))")
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 1
    assert "pip install 'quotetrace[html]'" in proc.stderr and "pip install 'quotetrace[warc]'" in proc.stderr
    assert '"article": "c"' in proc.stdout and '"Yes,"' in proc.stdout
