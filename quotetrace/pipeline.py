"""From articles to quotes: the steps every extraction runs, in order."""

from __future__ import annotations

import contextlib
import ctypes
import itertools
import os
import signal
import threading
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

import attrs

from .analyze import Analysis, Analyzer, get_analyzer
from .analyze.rules import RulesAnalyzer
from .attribute.assemble import assemble
from .attribute.frames import find_reported
from .attribute.resolve import resolve
from .errors import BudgetError, QuotetraceError, UsageError
from .marks import Marked, detect_marks, rules_text
from .model import Article, Cue, Extraction, Quote, Span, Speaker
from .options import CHARS_PER_SECOND, TIMEOUT  # the time budget; the command line shows it
from .read import Unreadable, article_from_text, check_text, iter_articles
from .text.wrapping import Unwrapped, unwrap


def _as_article(article: Article | str) -> Article:
    if isinstance(article, Article):
        return article
    if isinstance(article, str):
        return article_from_text(article)
    raise TypeError(f"extract() takes an Article or a str, not {type(article).__name__}")


_DEFAULT = RulesAnalyzer()


def check_arguments(caller: str, sources: object, analyzer: object, jobs: object,
                    timeout: object = None) -> None:
    """TypeError or ValueError at the door, naming the argument and the fix."""
    if isinstance(sources, (str, bytes, os.PathLike, Article)):
        raise TypeError(f"{caller}() takes a list of paths or articles, not one {type(sources).__name__}: "
                        f"write {caller}([{sources!r}])" if not isinstance(sources, Article)
                        else f"{caller}() takes a list of articles: write {caller}([article])")
    if not isinstance(sources, Iterable):
        raise TypeError(f"{caller}() takes a list of paths or articles, not {type(sources).__name__}")
    check_analyzer(analyzer)
    if jobs is not None and (isinstance(jobs, bool) or not isinstance(jobs, int)):
        raise TypeError(f"jobs must be a whole number or None, not {type(jobs).__name__} ({jobs!r})")
    if jobs is not None and jobs < 1:
        raise ValueError(f"jobs must be 1 or more (or None for every core), not {jobs}")
    if timeout is not None and (isinstance(timeout, bool) or not isinstance(timeout, (int, float))):
        raise TypeError(f"timeout must be a number of seconds or None, not {type(timeout).__name__}")
    if timeout is not None and not timeout >= 0:
        raise ValueError(f"timeout must be 0 or more seconds (0 or None: no budget), not {timeout}")


def check_analyzer(analyzer: object) -> None:
    if not isinstance(analyzer, str) and not callable(getattr(analyzer, "analyze", None)):
        raise TypeError(f"analyzer must be 'rules', 'stanza' or an analyzer object, not {type(analyzer).__name__}")


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
    check_analyzer(analyzer)
    return read_quotes(_as_article(article), analyzer).quotes


@attrs.frozen
class Reading:
    """Everything one extraction computes: the quotes (offsets into the article text), and the
    passages in quotation marks, the sentences and the quotes as found in ``text``, the reading
    the rules ran on (the article text itself unless it is hard-wrapped; ``unwrapped`` maps
    reading offsets back). Tracing reads all of it."""

    quotes: list[Quote]
    marked: list[Marked]
    analysis: Analysis
    found: list[Quote]
    unwrapped: Unwrapped

    @property
    def text(self) -> str:
        """The text the rules read: the article's, or its unwrapped reading."""
        return self.unwrapped.text


def read_quotes(art: Article, analyzer: str | Analyzer = "rules") -> Reading:
    """:func:`extract`, keeping what it read on the way; inside a batch, within the time budget
    of one article (:class:`~quotetrace.errors.BudgetError` past it)."""
    with _time_budget(art.id, len(art.text)):
        return _read_quotes(art, analyzer)


def _read_quotes(art: Article, analyzer: str | Analyzer) -> Reading:
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
    # (the rules read the marks as their pairing did: a closing mark typed as an opening one
    # after a space still ends its quotation, and two apostrophes typed for a double mark,
    # ''Yes,'' he said, are one mark, "Yes," he said, one character for one)
    reading = rules_text(text, marked)
    analysis = _DEFAULT.analyze(reading, marked)
    candidates = find_reported(reading, analysis, marked)
    if not isinstance(analyzer, RulesAnalyzer):
        parsed = analyzer.analyze(reading)
        if "deps" in parsed.provides:
            from .attribute.combine import combine
            from .attribute.syntax import syntactic_candidates

            candidates = combine(candidates, syntactic_candidates(parsed))
    assembled = assemble(reading, marked, candidates, analysis.paragraphs)
    if unwrapped.width is None:
        quotes = resolve(art, analysis, assembled)
        return Reading(quotes, marked, analysis, quotes, unwrapped)
    found = resolve(attrs.evolve(art, text=text), analysis, assembled)
    return Reading([_to_article(q, unwrapped) for q in found], marked, analysis, found, unwrapped)


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
                analyzer: str | Analyzer = "rules", jobs: int | None = 1,
                progress: Callable[[int], None] | None = None, timeout: float | None = TIMEOUT) -> Iterator[Extraction]:
    """An :class:`Extraction` per article: paths are read (see :func:`read_articles`), articles
    are used as they are, and an article that fails carries its one-line ``error`` instead of
    stopping the batch.

    >>> [(e.article.id, e.error) for e in extract_all(["seeds/003_5e38c892982a003a.txt", "no/such.txt"])]
    [('003_5e38c892982a003a', None), ('such', 'no/such.txt: no such file or folder')]

    ``jobs`` worker processes share the work (None: every core); results come in input order,
    the same whatever ``jobs`` is. ``progress``, if given, is called with 1 as each article's
    result is ready, read or not (the command line draws its progress bar with it). An article
    that takes longer than ``timeout`` seconds (``TIMEOUT``, 60 by default; 0 or None: no budget) gets an
    error and the batch goes on. Two articles with one id are both extracted, with a warning
    (their quote ids collide).
    """
    check_arguments("extract_all", sources, analyzer, jobs, timeout)
    return map_articles(_extract_one, _batch_items("extract_all", sources), analyzer=analyzer, jobs=jobs,
                        progress=progress, timeout=timeout)


def _batch_items(caller: str, sources: Iterable[object]) -> Iterator[Article | Unreadable]:
    """Paths read, articles as they are, anything else a TypeError naming its place; a repeated
    id warned about once."""
    seen: set[str] = set()
    for k, item in enumerate(sources):
        if isinstance(item, (str, os.PathLike)):
            found: Iterable[Article | Unreadable] = iter_articles(item)
        elif isinstance(item, (Article, Unreadable)):
            found = (item,)
        else:
            raise TypeError(f"{caller}(): item {k} is a {type(item).__name__}, not an Article or a path")
        for a in found:
            if isinstance(a, Article):
                if a.id in seen:
                    warnings.warn(f"two articles have the id {a.id!r} ({a.path or 'given'}); their quote ids "
                                  "collide: give each article its own id", UserWarning, stacklevel=2)
                seen.add(a.id)
            yield a


def _extract_one(index: int, item: Article | Unreadable, analyzer: str | Analyzer) -> Extraction:
    if isinstance(item, Unreadable):
        return Extraction(Article(id=item.id, text="", path=item.path), error=item.message)
    try:
        return Extraction(item, read_quotes(item, analyzer).quotes)
    except QuotetraceError as exc:
        return Extraction(item, error=str(exc))
    except Exception as exc:  # noqa: BLE001 - a bug on one article must not end a batch of millions
        return Extraction(item, error=f"{item.id}: internal error ({type(exc).__name__}: {exc}); "
                                      "please report it with this article")


T = TypeVar("T")
Item = TypeVar("Item")

# the analyzer of this worker process, built once (a loaded model is never sent between processes)
_WORKER_ANALYZER: str | Analyzer = "rules"
_WORKER_FN: Callable[[int, Any, str | Analyzer], Any] | None = None
# the time budget of one article in this process (None: none), set by map_articles
_BUDGET: float | None = None
_PR_SET_PDEATHSIG = 1


class _OverBudget(BaseException):
    """Raised by the alarm inside an article's analysis; a BaseException, so no ``except
    Exception`` on the way can swallow it."""


@contextlib.contextmanager
def _time_budget(article_id: str, length: int) -> Iterator[None]:
    """:class:`BudgetError` when the work inside lasts longer than this process's budget (and a
    second per :data:`CHARS_PER_SECOND` characters of the article). An
    interval timer (SIGALRM) interrupts the Python code of the analysis; it needs the main
    thread, so a call from another thread runs without a budget."""
    if not _BUDGET:
        yield
        return
    seconds = _BUDGET + length / CHARS_PER_SECOND
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise _OverBudget

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _OverBudget:
        raise BudgetError(f"{article_id}: took longer than {seconds:.3g} s, the time budget of this article "
                          "(timeout, --timeout-per-article); skipped") from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _init_worker(fn: Callable[[int, Any, str | Analyzer], Any], analyzer: str | Analyzer,
                 budget: float | None = None, parent: int | None = None) -> None:
    global _WORKER_ANALYZER, _WORKER_FN, _BUDGET
    _end_with_parent(parent)
    # Ctrl-C reaches the whole process group: the parent stops the pool, workers print nothing
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_FN = fn
    _BUDGET = budget
    _WORKER_ANALYZER = get_analyzer(analyzer) if isinstance(analyzer, str) and analyzer != "rules" else analyzer


def _end_with_parent(parent: int | None) -> None:
    """Make this worker end when the process that started it ends, however it ends (killed,
    out of memory, its terminal closed): the kernel sends SIGKILL on Linux (PR_SET_PDEATHSIG),
    and a thread watching the parent's pid ends the worker elsewhere."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        pass
    if parent is None:
        return
    if os.getppid() != parent:  # the parent ended before the death signal was armed
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="quotetrace-parent-watch", daemon=True).start()


def _work(job: tuple[int, Any]) -> Any:
    assert _WORKER_FN is not None
    return _WORKER_FN(job[0], job[1], _WORKER_ANALYZER)


def default_jobs() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


#: items handed to the workers at a time, and the items in flight (handed out, or done and
#: not yet consumed) a worker at most: enough to keep every worker busy, little to hold
_CHUNK = 8
_IN_FLIGHT = 16 * _CHUNK


def map_articles(fn: Callable[[int, Item, str | Analyzer], T], items: Iterable[Item], *,
                 analyzer: str | Analyzer = "rules", jobs: int | None = 1,
                 progress: Callable[[int], None] | None = None, timeout: float | None = None) -> Iterator[T]:
    """``fn(index, item, analyzer)`` for every item, in ``jobs`` worker processes (None: every
    core), yielded in input order. ``fn`` must be a module-level function; it must not raise.
    ``progress``, if given, is called with 1 as each result is ready. Each article read inside
    ``fn`` (:func:`read_quotes`) has ``timeout`` seconds (None or 0: no budget).

    Items are handed out in small chunks as workers ask for them, so memory holds only the
    items in flight, however long the input. Workers end with the process that started them."""
    for result in _mapped(fn, items, analyzer, jobs, timeout or None):
        if progress is not None:
            progress(1)
        yield result


def _mapped(fn: Callable[[int, Item, str | Analyzer], T], items: Iterable[Item],
            analyzer: str | Analyzer, jobs: int | None, budget: float | None) -> Iterator[T]:
    global _BUDGET
    jobs = default_jobs() if jobs is None else max(1, jobs)
    items = iter(items)
    # a batch too small to share is done here: starting processes would cost more than it saves
    head = list(itertools.islice(items, 4 * jobs)) if jobs > 1 else []
    if jobs == 1 or len(head) < 4 * jobs:
        if isinstance(analyzer, str) and analyzer != "rules":
            analyzer = get_analyzer(analyzer)  # load a model once for the whole batch
        for k, item in enumerate(itertools.chain(head, items)):
            before, _BUDGET = _BUDGET, budget
            try:
                result = fn(k, item, analyzer)
            finally:
                _BUDGET = before
            yield result
        return
    import multiprocessing  # only a batch worth sharing pays for its import (tens of ms)

    items = itertools.chain(head, items)
    methods = multiprocessing.get_all_start_methods()
    if not isinstance(analyzer, str) and "fork" not in methods:
        raise UsageError("a loaded analyzer object can only be shared with worker processes that "
                         "fork; pass the analyzer's name, or jobs=1")
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    # The pool's feeder thread hands items out as fast as workers take them, and their results
    # wait in the pool until they are consumed: when the consumer is slower than the workers (a
    # store's commits grow slower as its index grows), both would pile up without end (100 MB
    # of waiting results after 12,000 articles added). A window of items in flight bounds them.
    window = threading.BoundedSemaphore(_IN_FLIGHT * jobs)
    stop = threading.Event()

    def fed() -> Iterator[tuple[int, Item]]:  # runs in the pool's feeder thread
        for pair in enumerate(items):
            while not window.acquire(timeout=0.1):
                if stop.is_set():
                    return
            yield pair

    with ctx.Pool(jobs, initializer=_init_worker, initargs=(fn, analyzer, budget, os.getpid())) as pool:
        try:
            for result in pool.imap(_work, fed(), chunksize=_CHUNK):
                window.release()
                yield result
        finally:
            stop.set()  # a consumer that stopped early: the feeder thread must not wait for it
