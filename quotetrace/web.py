"""Web pages and WARC files as articles: the main text of a page (no navigation, comments,
banners or scripts) with its title, date, author, site name and canonical URL.

The main text is found by trafilatura (extra ``quotetrace[html]``); WARC files are read with
warcio (extra ``quotetrace[warc]``), each HTML response record a page. Both are imported only
when a page or a WARC file is met. The extracted text becomes the :class:`Article`'s text (its
paragraphs separated by a blank line), so every offset indexes it.

- The id is made from the canonical URL (host and path: ``news.example.com-2024-05-bridge``),
  else from the file stem (a WARC record without a URL: the file stem and the record's offset).
- A WARC record's date is the page's, else the record's ``WARC-Date``; its ``path`` is
  ``FILE#offset=N``, the byte offset of the record, so it can be found again.
- ``<q>`` elements keep their quotation marks (trafilatura drops the element and its meaning).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import ExtraError, InputError
from .model import Article

#: suffixes read as web pages
PAGE_SUFFIXES = (".html", ".htm")
#: suffixes read as WARC files
WARC_SUFFIXES = (".warc", ".warc.gz")

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: an id made from a URL is cut to this many characters
_MAX_ID = 120
#: a main text of fewer words is a menu or a stub that the extractor fell back on, not an article
MIN_WORDS = 8


def is_page(path: Path) -> bool:
    return path.suffix.lower() in PAGE_SUFFIXES


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in WARC_SUFFIXES)


def _trafilatura() -> Any:
    try:
        import trafilatura
    except ImportError as exc:
        raise ExtraError(f"reading web pages needs the html extra: pip install 'quotetrace[html]' ({exc})") from None
    return trafilatura


def _warcio() -> Any:
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:
        raise ExtraError(f"reading WARC files needs the warc extra: pip install 'quotetrace[warc]' ({exc})") from None
    return ArchiveIterator


def id_from_url(url: str) -> str | None:
    """A readable, stable id from a URL: its host (without ``www.``) and path, query dropped."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    if not host:
        return None
    path = parts.path.strip("/")
    for ext in PAGE_SUFFIXES:
        path = path.removesuffix(ext)
    slug = _UNSAFE.sub("-", f"{host}/{path}" if path else host).strip("-")
    return slug[:_MAX_ID] or None


def _keep_q_marks(tree: Any) -> None:
    """``<q>a fantasy</q>`` reads as “a fantasy”: the marks are what makes it a quote."""
    for q in list(tree.iter("q")):
        q.text = "“" + (q.text or "")
        if len(q):
            last = q[-1]
            last.tail = (last.tail or "") + "”"
        else:
            q.text += "”"
        q.drop_tag()


def page_article(data: bytes, *, name: str, stem: str, url: str | None = None,
                 fallback_date: str | None = None, path: str | None = None) -> Article:
    """The article of one HTML page. Raises :class:`InputError` when no main text is found and
    :class:`ExtraError` without the html extra."""
    trafilatura = _trafilatura()
    import lxml.html

    try:
        tree = lxml.html.fromstring(data)
    except Exception as exc:  # noqa: BLE001 - lxml raises several kinds on broken markup
        raise InputError(f"{name}: not an HTML page ({exc})") from None
    _keep_q_marks(tree)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    meta = doc.as_dict() if hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
    if len(text.split()) < MIN_WORDS:
        raise InputError(f"{name}: no main text found in the page; not read")
    text = "\n\n".join(line.strip() for line in text.splitlines() if line.strip()) + "\n"
    canonical = meta.get("url") or url
    return Article(id=(canonical and id_from_url(canonical)) or stem, text=text,
                   date=meta.get("date") or fallback_date, outlet=meta.get("sitename") or meta.get("hostname"),
                   url=canonical, title=meta.get("title"), path=path or name)


def read_page(path: str | os.PathLike[str]) -> Article:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{p}: cannot read: {exc.strerror or exc}") from None
    return page_article(data, name=str(p), stem=p.stem)


def read_warc(path: str | os.PathLike[str]) -> Iterator[Article | tuple[str, str]]:
    """The article of every HTML response record, or (id, message) for a record that gives none."""
    archive_iterator = _warcio()
    p = Path(path)
    stem = p.name.split(".warc")[0]
    try:
        fh = open(p, "rb")
    except OSError as exc:
        yield stem, f"{p}: cannot read: {exc.strerror or exc}"
        return
    with fh:
        records = archive_iterator(fh)
        try:
            for record in records:
                if record.rec_type != "response":
                    continue
                http = record.http_headers
                kind = (http.get_header("Content-Type") or "") if http else ""
                if "html" not in kind.lower():
                    continue
                data = record.content_stream().read()  # before the offset: asking it first empties a gzip stream
                offset = records.get_record_offset()
                where = f"{p}#offset={offset}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
                try:
                    yield page_article(data, name=where, stem=f"{stem}-{offset}", url=url,
                                       fallback_date=date, path=where)
                except InputError as exc:
                    yield f"{stem}-{offset}", str(exc)
        except Exception as exc:  # noqa: BLE001 - a truncated or broken archive ends here, not the batch
            yield stem, f"{p}: cannot read the WARC file further: {exc}"
