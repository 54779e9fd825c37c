"""Exceptions raised by quotetrace.

Every error the library raises on purpose derives from :class:`QuotetraceError`, and many also
derive from the built-in they refine, so ``except ValueError`` keeps working for callers who do
not know about quotetrace::

    QuotetraceError
     ├── ReadError (OSError)            an article could not be read at all
     │    ├── NotFoundError (FileNotFoundError) a path given to read_articles does not exist
     │    └── DecodeError (UnicodeError) the bytes are not text in any encoding we accept
     ├── InputError (ValueError)         the text was read but cannot be analysed (empty, binary, too big)
     ├── BudgetError (TimeoutError)      one article took longer than its time budget
     ├── UsageError (ValueError)         the caller asked for something that does not exist
     ├── ModelError (RuntimeError)       an optional analyzer or its model is missing
     ├── ExtraError (ImportError)        an optional extra that a method needs is not installed (pandas)
     ├── StoreError (ValueError)         a file is not a quotetrace store of this version, or is read-only
     ├── GoldError (ValueError)          an annotated article cannot be scored (no text, bad offsets)
     └── PredictionError (ValueError)    a prediction cannot be scored (its article is not in the gold)
"""

from __future__ import annotations


class QuotetraceError(Exception):
    """Base class of every error quotetrace raises on purpose.

    >>> import quotetrace
    >>> try:
    ...     quotetrace.extract("   ")
    ... except quotetrace.QuotetraceError as exc:
    ...     print(type(exc).__name__, exc)
    InputError text: empty article (no text)
    """


class ReadError(QuotetraceError, OSError):
    """An article could not be read (missing file, permission, bad JSONL line).

    In a batch, :func:`quotetrace.read_articles` turns it into an
    :class:`~quotetrace.Unreadable` and goes on; a single file that must be read raises it.

    >>> import quotetrace
    >>> quotetrace.evaluate("no/such/gold.jsonl", [])
    Traceback (most recent call last):
    quotetrace.errors.ReadError: no/such/gold.jsonl: no such file or folder
    >>> issubclass(ReadError, OSError)
    True
    """


class NotFoundError(ReadError, FileNotFoundError):
    """A path given to :func:`quotetrace.read_articles` does not exist. The command line and the
    batch functions (``extract_all``, ``trace``) report it for that path and go on.

    >>> import quotetrace
    >>> next(quotetrace.read_articles("no/such/folder/"))
    Traceback (most recent call last):
    quotetrace.errors.NotFoundError: no/such/folder: no such file or folder
    """


class DecodeError(ReadError, UnicodeError):
    """The bytes of an article are not text in any encoding quotetrace accepts.

    >>> import pathlib, tempfile, quotetrace
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "broken.txt"
    >>> _ = path.write_bytes(b"\\xef\\xbb\\xbfcaf\\xe9")  # a UTF-8 byte-order mark, then cp1252
    >>> next(quotetrace.read_articles(path)).message.split(": ", 1)[1]
    'starts with a utf-8 byte-order mark but is not utf-8: unexpected end of data'
    >>> issubclass(DecodeError, ReadError) and issubclass(DecodeError, UnicodeError)
    True
    """


class InputError(QuotetraceError, ValueError):
    """An article was read but holds nothing quotetrace can analyse (empty, binary).

    >>> import quotetrace
    >>> quotetrace.extract("\\x00\\x01\\x02")
    Traceback (most recent call last):
    quotetrace.errors.InputError: text: looks binary (3 control characters in the first 3), not an article
    >>> issubclass(InputError, ValueError)
    True
    """


class BudgetError(QuotetraceError, TimeoutError):
    """One article took longer than the time budget of a batch (``timeout`` of
    :func:`quotetrace.extract_all` and :func:`quotetrace.trace`, ``--timeout-per-article`` on
    the command line); the batch reports it with the article's id and goes on.

    >>> issubclass(BudgetError, TimeoutError)
    True
    """


class UsageError(QuotetraceError, ValueError):
    """The caller asked for an analyzer, format or option that does not exist.

    >>> import quotetrace
    >>> quotetrace.extract("“Yes,” she said.", analyzer="spacy")
    Traceback (most recent call last):
    quotetrace.errors.UsageError: unknown analyzer 'spacy'; choose one of rules, stanza
    """


class ModelError(QuotetraceError, RuntimeError):
    """An optional analyzer is not installed, or its model files are missing. The message names
    the fix (install ``quotetrace[stanza]``, run ``quotetrace models download``, or point
    ``STANZA_RESOURCES_DIR`` at the models).

    >>> issubclass(ModelError, QuotetraceError) and issubclass(ModelError, RuntimeError)
    True
    """


class ExtraError(QuotetraceError, ImportError):
    """A method needs a package of an optional extra that is not installed: ``to_pandas()``
    without pandas. The message names the ``pip install`` that adds it.

    >>> issubclass(ExtraError, QuotetraceError) and issubclass(ExtraError, ImportError)
    True
    """


class StoreError(QuotetraceError, ValueError):
    """A store cannot be used: the file is missing, is not a quotetrace store, is of another
    schema version, is corrupt, or is read-only and was asked to change. The file is never
    modified.

    >>> import quotetrace
    >>> quotetrace.Corpus("no/such/news.db", readonly=True)
    Traceback (most recent call last):
    quotetrace.errors.StoreError: no/such/news.db: no such store
    """


class GoldError(QuotetraceError, ValueError):
    """Annotations given to :func:`quotetrace.evaluate` as the truth cannot be used: a line
    without text or id, an event without content, offsets outside the article.

    >>> import quotetrace
    >>> quotetrace.evaluate([{"id": "a1", "quotes": []}], [])
    Traceback (most recent call last):
    quotetrace.errors.GoldError: no annotated article could be read from the gold given: gold[0] (a1): no 'text': gold articles must carry the text their offsets index; skipped
    """


class PredictionError(QuotetraceError, ValueError):
    """A prediction given to :func:`quotetrace.evaluate` cannot be scored: its article is not in
    the gold, its offsets fall outside the article, or the extraction itself failed. The
    evaluation goes on and lists it in its ``errors``.

    >>> import quotetrace
    >>> gold = [{"id": "a1", "text": "“Yes,” she said.", "quotes": []}]
    >>> quotetrace.evaluate(gold, [{"article": "b2", "quotes": []}]).errors
    (PredictionError('predicted[0]: article b2 is in PRED but not in GOLD; its 0 predictions are not scored'),)
    """
