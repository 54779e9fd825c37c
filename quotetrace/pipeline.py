"""From articles to quotes: the steps every extraction runs, in order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import attrs

from .analyze import Analyzer, get_analyzer
from .analyze.rules import RulesAnalyzer
from .attribute.assemble import assemble
from .attribute.resolve import resolve
from .marks import detect_marks
from .attribute.frames import find_reported
from .errors import QuotetraceError
from .model import Article, Cue, Extraction, Quote, Span, Speaker
from .read import Unreadable, article_from_text, check_text, read_articles
from .text.wrapping import Unwrapped, unwrap


def _as_article(article: Article | str) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, str):
        return article_from_text(article)
    raise TypeError(f"extract() takes an Article or a str, not {type(article).__name__}")


_DEFAULT = RulesAnalyzer()


def extract(article: Article | str, *, analyzer: str | Analyzer = "rules") -> list[Quote]:
    """The quotes of one article, attributed, in order of their first word.

    >>> [(q.kind, q.speaker.name, q.cue.text, q.text) for q in extract('“It is a disgrace,” Jane Doe said.')]
    [('direct', 'Jane Doe', 'said', 'It is a disgrace,')]

    Hard-wrapped text (lines cut at one width inside blank-line-separated paragraphs) is read
    with each line break inside a paragraph as a space; offsets still index the article text.

    ``analyzer`` is ``"rules"`` (the default, no model), ``"stanza"``, or an analyzer object
    (build one once with :func:`quotetrace.analyze.get_analyzer` to reuse a loaded model).
    Raises :class:`~quotetrace.errors.InputError` when the text is empty or binary.
    """
    art = _as_article(article)
    check_text(art.text, art.id)
    # hard-wrapped text is read with its line breaks inside paragraphs as spaces; the quotes'
    # offsets are carried back to the article text at the end
    unwrapped = unwrap(art.text)
    text = unwrapped.text
    marked = list(detect_marks(text))
    if isinstance(analyzer, str):
        analyzer = _DEFAULT if analyzer == "rules" else get_analyzer(analyzer)
    # the cue rules always read the rules analyzer's sentences: they never break inside a
    # quotation, which a statistical sentence splitter does now and then
    analysis = _DEFAULT.analyze(text, marked)
    candidates = find_reported(text, analysis, marked)
    if not isinstance(analyzer, RulesAnalyzer):
        parsed = analyzer.analyze(text)
        if "deps" in parsed.provides:
            from .attribute.combine import combine
            from .attribute.syntax import syntactic_candidates

            candidates = combine(candidates, syntactic_candidates(parsed))
    assembled = assemble(text, marked, candidates, analysis.paragraphs)
    if unwrapped.width is None:
        return resolve(art, analysis, assembled)
    return [_to_article(q, unwrapped) for q in resolve(attrs.evolve(art, text=text), analysis, assembled)]


def _to_article(quote: Quote, unwrapped: Unwrapped) -> Quote:
    """A quote found in the unwrapped reading, with its offsets in the article text; its text,
    cue and speaker words stay as the reading has them (one space for each line break)."""
    cue, speaker = quote.cue, quote.speaker
    if cue is not None:
        s = unwrapped.span(Span(cue.start, cue.end))
        cue = Cue(cue.text, s.start, s.end)
    if speaker is not None:
        s = unwrapped.span(Span(speaker.start, speaker.end))
        speaker = Speaker(speaker.name, speaker.mention, s.start, s.end, speaker.type)
    return Quote(id=quote.id, article=quote.article, kind=quote.kind, text=quote.text,
                 spans=tuple(unwrapped.span(s) for s in quote.spans),
                 quoted=tuple(unwrapped.span(s) for s in quote.quoted), cue=cue, speaker=speaker,
                 confidence=quote.confidence)


def extract_all(sources: Iterable[Article | Unreadable | str | os.PathLike[str]], *,
                analyzer: str | Analyzer = "rules") -> Iterator[Extraction]:
    """An :class:`Extraction` per article: paths are read (see :func:`read_articles`), articles
    are used as they are, and an article that fails carries its one-line ``error`` instead of
    stopping the batch."""
    if isinstance(analyzer, str) and analyzer != "rules":
        analyzer = get_analyzer(analyzer)  # load a model once for the whole batch
    for item in sources:
        if isinstance(item, (str, os.PathLike)):
            yield from extract_all(read_articles(item), analyzer=analyzer)
            continue
        if isinstance(item, Unreadable):
            yield Extraction(Article(id=item.id, text="", path=item.path), error=item.message)
            continue
        try:
            yield Extraction(item, extract(item, analyzer=analyzer))
        except QuotetraceError as exc:
            yield Extraction(item, error=str(exc))
        except Exception as exc:  # noqa: BLE001 - a bug on one article must not end a batch of millions
            yield Extraction(item, error=f"{item.id}: internal error ({type(exc).__name__}: {exc}); "
                                         "please report it with this article")
