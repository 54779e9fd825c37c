"""From articles to quotes: the steps every extraction runs, in order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from .errors import QuotetraceError
from .model import Article, Extraction, Quote, join_spans
from .read import Unreadable, _check_text, article_from_text, read_articles
from .detect.marks import detect_marks


def _as_article(article: Article | str) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, str):
        return article_from_text(article)
    raise TypeError(f"extract() takes an Article or a str, not {type(article).__name__}")


def extract(article: Article | str) -> list[Quote]:
    """The quotes of one article, in order of their first word.

    >>> [q.text for q in extract('He called it “a disgrace,” and left.')]
    ['a disgrace,']

    Raises :class:`~quotetrace.errors.InputError` when the text is empty or binary.
    """
    art = _as_article(article)
    _check_text(art.text, art.id)
    quotes = []
    for n, m in enumerate(detect_marks(art.text), 1):
        quotes.append(Quote(id=f"{art.id}:{n}", article=art.id, kind="direct",
                            text=join_spans(art.text, m.pieces), spans=m.pieces, quoted=m.pieces))
    return quotes


def extract_all(sources: Iterable[Article | Unreadable | str | os.PathLike[str]]) -> Iterator[Extraction]:
    """An :class:`Extraction` per article: paths are read (see :func:`read_articles`), articles
    are used as they are, and an article that fails carries its one-line ``error`` instead of
    stopping the batch."""
    for item in sources:
        if isinstance(item, (str, os.PathLike)):
            yield from extract_all(read_articles(item))
            continue
        if isinstance(item, Unreadable):
            yield Extraction(Article(id=item.id, text="", path=item.path), error=item.message)
            continue
        try:
            yield Extraction(item, extract(item))
        except QuotetraceError as exc:
            yield Extraction(item, error=str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not end a batch of millions
            yield Extraction(item, error=f"{item.id}: internal error ({type(exc).__name__}: {exc}); "
                                         "please report it with this article")
