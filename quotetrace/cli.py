"""The ``quotetrace`` command: parse the options, call one library function, write the result.

Exit codes: 0 when every article was read and analysed, 1 when some failed (the rest of the batch
goes on; at the end, standard error names the first few failures and counts them all), 2 for a
usage error, 3 when the output could not be written (a full disk, a closed standard output; an
``-o FILE`` keeps its previous content), 130 when interrupted (Ctrl-C). A reader that stops
early (``| head``) ends the run quietly with 0.

Standard error also shows a progress bar (articles done, rate, time left) while `extract`,
`trace` or `check` runs longer than :data:`PROGRESS_DELAY` with standard error on a terminal,
and warnings (an article read as cp1252, a duplicate id renamed). ``--quiet`` silences both;
errors and the exit code stay.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import os
import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from . import __version__
from .errors import QuotetraceError, UsageError
from .options import (
    ANALYZERS,
    CHARS_PER_SECOND,
    FORMATS,
    KINDS,
    SCORE_FORMATS,
    SUBSETS,
    TIMEOUT,
    TRACE_FORMATS,
)

if TYPE_CHECKING:
    from tqdm import tqdm

    from .model import Article, Extraction, Trace, TracedArticle

# The library is imported by the command that needs it, not here: `quotetrace --help` then reads
# only the option names, and `extract` never loads tracing, scoring or the HTML report.

#: Seconds a run lasts before its progress bar appears: a short run stays quiet.
PROGRESS_DELAY = 1.0
#: How many failed articles standard error names at the end of a run (all are counted).
SHOWN_ERRORS = 5

EPILOG_EXIT = """exit codes:
  0    every article was read and analysed
  1    some articles failed (each is named; the rest of the batch is written)
  2    a usage error
  3    the output could not be written (-o FILE keeps its previous content)
  130  interrupted (Ctrl-C); a reader that stops early (| head) ends the run with 0"""

EPILOG_EXTRACT = """example:
  quotetrace extract seeds/ --format table
  quotetrace extract articles.jsonl > quotes.jsonl
  quotetrace extract articles.jsonl --kind direct --kind mixed
  cat article.txt | quotetrace extract -"""

EPILOG_TRACE = """example:
  quotetrace trace seeds/
  quotetrace trace articles.jsonl --format json -o trace.json
  quotetrace trace seeds/ --format html -o report.html
  quotetrace trace news.db --format json -o trace.json
  quotetrace trace folder/ --jobs 1 > report.txt"""

EPILOG_CHECK = """example:
  quotetrace check new-article.txt --against seeds/
  quotetrace check new-article.txt --against news.db
  quotetrace check draft.txt --against archive.jsonl --format json
  quotetrace check draft.txt --against archive.jsonl --format html -o check.html"""

EPILOG_ADD = """example:
  quotetrace add news.db pages/
  quotetrace add news.db articles.jsonl more/ --jobs 2
  quotetrace add news.db corrected.txt --replace
  quotetrace add news.db --from-parquet tables/"""

EPILOG_EXPORT = """example:
  quotetrace export news.db -o trace.json
  quotetrace export news.db --format jsonl | grep '"kind": "family"'"""

EPILOG_EVALUATE = """example:
  quotetrace extract gold.jsonl > pred.jsonl
  quotetrace evaluate gold.jsonl pred.jsonl --subset speech
  quotetrace evaluate annotated/ pred.jsonl --kinds direct mixed --format json"""

EPILOG_MODELS = """example:
  quotetrace models download
  quotetrace models download --lang en --dir ~/stanza_resources"""


def _neutral(text: str) -> str:
    from .report.safe import neutral
    return neutral(text)


def _say(text: str) -> None:
    """One line to standard error. Ids, paths and messages come from the input, so control and
    bidi characters in them are shown as escapes: a warning must not write to the terminal's
    title or clipboard any more than a report may."""
    print(_neutral(text), file=sys.stderr)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="quotetrace",
                                description="Find quotations and reported speech in news articles.",
                                epilog=EPILOG_EXIT, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"quotetrace {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    ex = sub.add_parser("extract", help="find the quotes of each article",
                        description="Find every quotation in each article and write one result per article.",
                        epilog=EPILOG_EXTRACT, formatter_class=argparse.RawDescriptionHelpFormatter)
    _paths_option(ex)
    ex.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: jsonl)")
    _output_option(ex)
    ex.add_argument("--kind", choices=KINDS, action="append", dest="kinds", metavar="KIND",
                    help="keep only quotes of this kind (direct, mixed, indirect); repeat for several")
    _analyzer_option(ex)
    _jobs_option(ex)
    _timeout_option(ex)
    _quiet_option(ex)
    tr = sub.add_parser("trace", help="trace how each quote travels between articles",
                        description="Group the occurrences of each quoted statement across the articles, label "
                                    "each against its original\n(verbatim, excerpt, expanded, altered, paraphrase, "
                                    "misattributed, unsupported, single-source)\nand report which articles draw on "
                                    "which.",
                        epilog=EPILOG_TRACE, formatter_class=argparse.RawDescriptionHelpFormatter)
    tr.add_argument("paths", nargs="+", metavar="PATH",
                    help="a .txt file, a folder (searched recursively), a .jsonl file, - for stdin, or one "
                         "store made by `quotetrace add`")
    _trace_options(tr)
    tr.add_argument("--people", metavar="FILE", default=None,
                    help="your table of people (CSV or JSONL: id, name, aliases, description, years): "
                         "speakers it names unambiguously carry its id in the output")
    _engine_options(tr)
    ch = sub.add_parser("check", help="check one article's quotes against a set of articles",
                        description="Say, for each quote of one new article, how it relates to what a set of "
                                    "articles holds,\nwith the labels and evidence of `quotetrace trace`.",
                        epilog=EPILOG_CHECK, formatter_class=argparse.RawDescriptionHelpFormatter)
    ch.add_argument("article", metavar="ARTICLE", help="the article to check: a .txt file, or - for stdin")
    ch.add_argument("--against", nargs="+", required=True, metavar="PATH",
                    help="the articles to check it against: files, folders or .jsonl files, or one store "
                         "made by `quotetrace add` (only the articles that share its words are read)")
    _trace_options(ch)
    _store_parsers(sub)
    _evaluate_parser(sub)
    mo = sub.add_parser("models", help="download the models of the stanza analyzer",
                        description="Download the stanza models the stanza analyzer needs.\n"
                                    "Needs a network and the quotetrace[stanza] extra.",
                        epilog=EPILOG_MODELS, formatter_class=argparse.RawDescriptionHelpFormatter)
    mo.add_argument("action", choices=["download"], help="what to do with the models")
    mo.add_argument("--lang", default="en", help="language of the models (default: en)")
    mo.add_argument("--dir", metavar="DIR", default=None,
                    help="where to put them (default: $STANZA_RESOURCES_DIR, else ~/stanza_resources)")
    return p


def _analyzer_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--analyzer", choices=ANALYZERS, default="rules",
                   help="rules (default, no model) or stanza (needs quotetrace[stanza] and a model)")


def _jobs_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--jobs", type=_positive, default=None, metavar="N",
                   help="worker processes (default: one per core; 1 runs in one process); the output is "
                        "the same whatever N is")


def _timeout_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--timeout-per-article", type=_seconds, default=TIMEOUT, metavar="SECONDS",
                   help=f"an article that takes longer (plus a second per {CHARS_PER_SECOND:,} characters of "
                        f"it) is reported with its id and skipped, and the batch goes on (default: "
                        f"{TIMEOUT:g}; 0: no limit)")


def _seconds(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {value!r}") from None
    if not n >= 0 or n == float("inf"):
        raise argparse.ArgumentTypeError(f"expected 0 or more seconds, got {value}")
    return n


def _trace_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=TRACE_FORMATS, default="text",
                   help="text (default, a readable report), json (the output contract) or html (one "
                        "self-contained page with side-by-side diffs and filters, for a browser)")
    _output_option(p)
    _analyzer_option(p)
    _jobs_option(p)
    _timeout_option(p)
    _quiet_option(p)


def _output_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", default=None,
                   help="write to FILE instead of standard output; FILE is replaced only when the "
                        "output is complete")


def _engine_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--engine", choices=("local", "spark"), default="local",
                   help="local (default: this machine's processes) or spark (Apache Spark, extra "
                        "quotetrace[spark]); the output is the same")
    p.add_argument("--master", metavar="URL", default=None,
                   help="with --engine spark: the Spark master (local[2], spark://host:7077, yarn); "
                        "default: Spark's own (spark-submit's --master, else local[*])")
    p.add_argument("--partitions", type=_positive, default=None, metavar="N",
                   help="with --engine spark: partitions of the job's tables (default: the cluster's cores)")
    p.add_argument("--parquet", metavar="DIR", default=None,
                   help="with --engine spark: also write the tables articles, quotes, families, "
                        "occurrences, evidence and derivations to DIR as Parquet")


def _paths_option(p: argparse.ArgumentParser) -> None:
    # one text for every command that reads articles, so it names every input read.py accepts
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="a .txt file, a folder (searched recursively), a .jsonl file, an .html page, "
                        "a .warc(.gz) file, or - for stdin")


def _quiet_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no warnings on standard error; errors are still "
                        "counted and the first few named")


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, got {n}")
    return n

def _store_parsers(sub: argparse._SubParsersAction) -> None:
    ad = sub.add_parser("add", help="add articles to a store (a corpus on disk that grows)",
                        description="Extract the articles a store does not hold yet and keep them, with what "
                                    "tracing needs,\nin STORE (one SQLite file, made if missing). An article "
                                    "held already with the same\ntext is skipped; with another text it is left "
                                    "as it is unless --replace. Articles are\ncommitted in batches: an "
                                    "interrupted add loses no batch, and the next add goes on.",
                        epilog=EPILOG_ADD, formatter_class=argparse.RawDescriptionHelpFormatter)
    ad.add_argument("store", metavar="STORE", help="the store file (made if missing)")
    ad.add_argument("paths", nargs="*", metavar="PATH",
                    help="a .txt file, a folder (searched recursively), a .jsonl file, an .html page, "
                         "a .warc(.gz) file, or - for stdin")
    ad.add_argument("--from-parquet", metavar="DIR", default=None,
                    help="instead of PATHs: the articles of the tables `trace --engine spark --parquet DIR` "
                         "wrote, with what they were extracted into (nothing is extracted again; needs pyarrow)")
    ad.add_argument("--replace", action="store_true",
                    help="replace an article held under the same id with another text")
    _analyzer_option(ad)
    _jobs_option(ad)
    _timeout_option(ad)
    _quiet_option(ad)
    ex = sub.add_parser("export", help="write the trace of a store as JSON or JSONL",
                        description="Write the trace of every article in a store: json is the output of "
                                    "`quotetrace trace --format json`;\njsonl writes one object a line, "
                                    "each with a \"kind\": article, speaker, family or derivation.",
                        epilog=EPILOG_EXPORT, formatter_class=argparse.RawDescriptionHelpFormatter)
    ex.add_argument("store", metavar="STORE", help="a store made by `quotetrace add`")
    ex.add_argument("--format", choices=("json", "jsonl"), default="json", help="output format (default: json)")
    _output_option(ex)


def _is_store(paths: Sequence[str]) -> bool:
    """Whether the paths are one store (a SQLite file): trace and check then read it."""
    if len(paths) != 1 or not os.path.isfile(paths[0]):
        return False
    try:
        with open(paths[0], "rb") as fh:
            return fh.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _add(args: argparse.Namespace, console: _Console) -> int:
    from .read import count_articles
    from .store import Corpus  # sqlite3 and the store load only when a store is met

    if bool(args.paths) == bool(args.from_parquet):
        raise UsageError("add takes the PATHs of articles or --from-parquet DIR (one of the two)")
    if args.from_parquet:
        from .spark.tables import read_units_table
        extracted = read_units_table(args.from_parquet)  # a missing or foreign table fails before the store opens
        first = next(extracted, None)
    with Corpus(args.store) as corpus:
        if args.from_parquet:
            done = corpus.add_extracted(itertools.chain([first] if first else [], extracted), replace=args.replace)
        else:
            progress = console.progress(count_articles(*args.paths), "adding")
            done = corpus.add(args.paths, replace=args.replace, analyzer=args.analyzer, jobs=args.jobs,
                              progress=progress, timeout=args.timeout_per_article)
            console.done()
        total = len(corpus)
    for message in done.errors:
        console.failed(message)
    print(f"{args.store}: {len(done.added):,} added, {len(done.replaced):,} replaced, "
          f"{len(done.skipped):,} already held; {total:,} article{'s' if total != 1 else ''} in all")
    console.summary(len(done.added) + len(done.replaced) + len(done.skipped) + len(done.errors))
    return 1 if done.errors else 0


def _export(args: argparse.Namespace, console: _Console) -> int:
    from .output import output
    from .report import write_sections
    from .store import Corpus

    # item by item from the trace kept in the store: a store of any size is written whole
    with _traced_store(Corpus, args.store) as corpus, corpus.sections() as sections, output(args.output) as out:
        write_sections(sections, out, args.format)
    return 0


def _traced_store(corpus: type, path: str):  # noqa: ANN202 - a Corpus, imported lazily by the caller
    """A store to trace: opened for writing when it exists and may be written, so that its
    trace is kept in it for the next trace or export (never created here)."""
    return corpus(path, readonly=not (os.path.isfile(path) and os.access(path, os.W_OK)))


def _trace_store(args: argparse.Namespace, console: _Console) -> int:
    from .output import output
    from .report import write_trace
    from .store import Corpus

    from .report import write_sections

    with _traced_store(Corpus, args.paths[0]) as corpus:
        if args.format == "json":  # stored articles carry no errors to report
            with corpus.sections() as sections, output(args.output) as out:
                write_sections(sections, out)
            return 0
        with output(args.output) as out:
            tr = corpus.trace()
            write_trace(tr, out, args.format)
    return _report_articles(tr, console)


def _check_store(args: argparse.Namespace, article: Article, console: _Console) -> int:
    from .output import output
    from .report import write_check
    from .store import Corpus

    with Corpus(args.against[0], readonly=True) as corpus, output(args.output) as out:
        result = corpus.check(article, analyzer=args.analyzer)
        write_check(result, out, args.format)
    return 0


def _evaluate_parser(sub: argparse._SubParsersAction) -> None:
    ev = sub.add_parser("evaluate", help="score extracted quotes against annotated articles",
                        description="Score predicted quotes against your own annotations: precision, "
                                    "recall and F1 of the\ncontent at exact match and at Dice >= 0.5, "
                                    "speaker and cue accuracy on matched quotes,\nper kind. Definitions "
                                    "and formats: docs/evaluate.md.",
                        epilog=EPILOG_EVALUATE, formatter_class=argparse.RawDescriptionHelpFormatter)
    ev.add_argument("gold", metavar="GOLD",
                    help="annotated articles with their text: JSONL (the output contract's quotes, or "
                         "PolNeAR's) or a folder of brat .txt/.ann pairs")
    ev.add_argument("predicted", metavar="PRED",
                    help="what `quotetrace extract` wrote (JSONL or JSON), or - for stdin")
    ev.add_argument("--subset", choices=SUBSETS, default="all",
                    help="speech: only annotations with quotation marks or a speech or writing cue "
                         "(default: all)")
    ev.add_argument("--kinds", choices=KINDS, nargs="+", action="extend", metavar="KIND",
                    help="only annotations of these kinds (direct, mixed, indirect)")
    ev.add_argument("--format", choices=SCORE_FORMATS, default="table", help="output format (default: table)")


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluation import evaluate
    from .report.scores import write_scores

    try:
        result = evaluate(args.gold, args.predicted, subset=args.subset, kinds=args.kinds)
    except QuotetraceError as exc:
        _say(f"quotetrace: error: {exc}")
        return 2
    for problem in result.errors:
        _say(f"quotetrace: error: {problem}")
    write_scores(result, sys.stdout, args.format)
    return 1 if result.errors else 0


class _Console:
    """Standard error for one run of extract, trace or check: a progress bar when standard
    error is a terminal and the run lasts, warnings unless quiet, and at the end the first
    few failed articles and how many failed."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar: tqdm | None = None
        self.failures: list[str] = []

    def wants_bar(self) -> bool:
        return not self.quiet and sys.stderr.isatty()

    def progress(self, total: int | None, desc: str, then: str | None = None) -> Callable[[int], None] | None:
        """The callable that advances a progress bar of ``total`` articles (None: unknown), or
        None when no bar is wanted. ``then`` names what the run does once every article is in."""
        if not self.wants_bar():
            return None
        from tqdm import tqdm

        bar = self.bar = tqdm(total=total, desc=f"quotetrace: {desc}", unit=" articles", file=sys.stderr,
                              delay=PROGRESS_DELAY, leave=False, dynamic_ncols=True)

        def advance(n: int) -> None:
            bar.update(n)
            if then and total is not None and bar.n >= total:
                bar.set_description_str(f"quotetrace: {then}", refresh=False)
                if bar.format_dict["elapsed"] >= PROGRESS_DELAY:
                    bar.refresh()

        return advance

    def done(self) -> None:
        """Clear the progress bar (it leaves nothing behind)."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None

    def warn(self, message: str) -> None:
        if not self.quiet:
            self._line(f"quotetrace: warning: {message}")

    def show_warning(self, message, category, filename, lineno, file=None, line=None) -> None:  # noqa: ANN001
        self.warn(str(message))

    def failed(self, message: str) -> None:
        self.failures.append(message)

    def summary(self, total: int) -> None:
        """The first few failures, and how many articles failed of how many."""
        self.done()
        for message in self.failures[:SHOWN_ERRORS]:
            _say(f"quotetrace: error: {message}")
        n = len(self.failures)
        if n:
            more = f"; the first {SHOWN_ERRORS} are above" if n > SHOWN_ERRORS else ""
            print(f"quotetrace: {n:,} of {total:,} article{'s' if total != 1 else ''} failed{more}",
                  file=sys.stderr)

    def _line(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(_neutral(text), file=sys.stderr)  # above the bar, which is drawn again
        else:
            _say(text)


class _Tally:
    """Passes results through, counting them and noting each failure on the console."""

    def __init__(self, results: Iterator[Extraction], console: _Console):
        self.results = results
        self.console = console
        self.failed = 0
        self.total = 0

    def __iter__(self) -> Iterator[Extraction]:
        for r in self.results:
            self.total += 1
            if r.error:
                self.failed += 1
                self.console.failed(r.error)
            yield r


def _models(args: argparse.Namespace) -> int:
    try:
        from .analyze.models import download

        where = download(lang=args.lang, model_dir=args.dir)
    except QuotetraceError as exc:
        _say(f"quotetrace: error: {exc}")
        return 1
    print(f"stanza {args.lang} models are in {where}")
    return 0


def _report_articles(tr: Trace, console: _Console) -> int:
    """The articles that failed or were renamed, on standard error; the exit code they make."""
    told = _Told(console)
    for a in tr.articles:
        told(a)
    return told.code()


class _Told:
    """Tells the user of each article that failed or was renamed as it passes (a trace written a
    part at a time is never held whole), then the summary and the exit code they make."""

    def __init__(self, console: _Console):
        self.console = console
        self.seen = 0
        self.failed = False

    def __call__(self, a: TracedArticle) -> None:
        self.seen += 1
        if a.note:
            self.console.warn(a.note)
        if a.error:
            self.console.failed(a.error)
            self.failed = True

    def code(self) -> int:
        self.console.summary(self.seen)
        if not self.seen:
            _say("quotetrace: error: no articles found")
            return 1
        return 1 if self.failed else 0


def _trace(args: argparse.Namespace, console: _Console) -> int:
    if _is_store(args.paths):
        if args.engine == "spark" or args.parquet or args.master or args.partitions:
            # a store holds its articles' units and traces them itself; Spark reads files
            raise UsageError(f"{args.paths[0]} is a store, which quotetrace traces itself: --engine spark "
                             "reads article files and folders (give it the files the store was made from)")
        return _trace_store(args, console)
    from .model import Article
    from .output import output
    from .read import iter_articles
    from .report import write_trace
    from .tracing import trace
    from .tracing.people import read_people

    people = read_people(args.people) if args.people else None  # a bad table fails before the trace
    if args.engine == "spark" or args.parquet or args.master or args.partitions:
        return _trace_spark(args, console, people)
    items = list(iter_articles(*args.paths))
    progress = console.progress(sum(isinstance(i, Article) for i in items), "extracting", then="tracing")
    # the output is opened first: a path that cannot be written fails before a long trace
    with output(args.output) as out:
        tr = trace(items, analyzer=args.analyzer, jobs=args.jobs, progress=progress, people=people,
                   timeout=args.timeout_per_article)
        console.done()
        write_trace(tr, out, args.format)
    return _report_articles(tr, console)


def _trace_spark(args: argparse.Namespace, console: _Console, people: list | None) -> int:
    from .output import output
    from .report import write_sections, write_trace

    if args.engine != "spark":
        raise UsageError("--master, --partitions and --parquet go with --engine spark")
    from .spark import spark_job
    told = _Told(console)
    with output(args.output) as out, spark_job(args.paths, master=args.master, partitions=args.partitions,
                                               analyzer=args.analyzer, people=people) as job:
        if args.parquet:
            job.write_tables(args.parquet)
        if args.format == "json" and not job.surrogates():
            # read from Spark as it is written: the driver holds a range of the output at a time
            write_sections(job.sections(told), out)
        else:  # the text and HTML reports, for a person to read, are made from the whole trace
            tr = job.trace(texts=args.format != "json")
            for entry in tr.articles:
                told(entry)
            write_trace(tr, out, args.format)
    return told.code()


def _check(args: argparse.Namespace, console: _Console) -> int:
    import attrs

    from .model import Article
    from .output import output
    from .read import Unreadable, iter_articles
    from .report import write_check
    from .tracing import check

    found = list(iter_articles(args.article))
    if len(found) != 1:
        raise UsageError(f"{args.article}: check takes one article, found {len(found)}")
    if isinstance(found[0], Unreadable):
        _say(f"quotetrace: error: {found[0].message}")
        return 1
    if _is_store(args.against):
        return _check_store(args, found[0], console)
    items = list(iter_articles(*args.against))
    progress = console.progress(sum(isinstance(i, Article) for i in items) + 1, "extracting", then="checking")
    with output(args.output) as out:
        result = check(found[0], items, analyzer=args.analyzer, jobs=args.jobs, progress=progress,
                       timeout=args.timeout_per_article)
        console.done()
        write_check(result, out, args.format)
    return _report_articles(attrs.evolve(result.trace, articles=[a for a in result.trace.articles
                                                                  if a.id != result.article.id]), console)


#: Exit codes beyond 0 (all read), 1 (some articles failed) and 2 (usage).
EXIT_OUTPUT = 3
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    console = _Console(getattr(args, "quiet", False))
    warnings.showwarning = console.show_warning
    if args.command == "models":
        return _models(args)
    if args.command == "evaluate":
        return _evaluate(args)
    if sys.stdout is not None and hasattr(sys.stdout, "reconfigure"):
        # the last guard for text no encoder takes (a lone surrogate): an escape, not a crash
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        return _run(args, console)
    except QuotetraceError as exc:
        console.done()
        _say(f"quotetrace: error: {exc}")
        return 2
    except BrokenPipeError:  # `quotetrace extract … | head` is a normal way to look
        console.done()
        _quiet_stdout()
        return 0
    except OSError as exc:
        from .output import OutputError

        console.done()
        what = str(exc) if isinstance(exc, OutputError) else f"cannot write standard output: {exc.strerror or exc}"
        _say(f"quotetrace: error: {what}")
        _quiet_stdout()
        return EXIT_OUTPUT
    except KeyboardInterrupt:
        console.done()
        _say(f"quotetrace: interrupted; {_kept(args)}")
        return EXIT_INTERRUPTED


def _kept(args: argparse.Namespace) -> str:
    """What an interrupted run leaves: add keeps its whole batches; the others write nothing."""
    if args.command == "add":
        return f"the batches committed so far stay in {args.store}; add again to go on"
    return "no output file was changed"


def _quiet_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush of a broken or full
    stream adds no traceback after our one line."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _run(args: argparse.Namespace, console: _Console) -> int:
    commands = {"trace": _trace, "check": _check, "add": _add, "export": _export}
    return commands.get(args.command, _extract)(args, console)


def _extract(args: argparse.Namespace, console: _Console) -> int:
    import attrs

    from .output import output
    from .pipeline import extract_all
    from .read import count_articles, iter_articles
    from .report import write

    progress = None
    # results are written as they come: on the terminal they are the progress, and a bar
    # would break their lines
    if console.wants_bar() and (args.output is not None or not sys.stdout.isatty()):
        progress = console.progress(count_articles(*args.paths), "extracting")
    results = extract_all(iter_articles(*args.paths), analyzer=args.analyzer, jobs=args.jobs,
                          progress=progress, timeout=args.timeout_per_article)
    if args.kinds:
        results = (attrs.evolve(r, quotes=[q for q in r.quotes if q.kind in args.kinds]) for r in results)
    tally = _Tally(results, console)
    with output(args.output) as out:
        write(tally, out, args.format)
        out.flush()
    console.summary(tally.total)
    if tally.total == 0:
        _say("quotetrace: error: no articles found")
        return 1
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
