"""Exceptions raised by quotetrace.

Every error the library raises on purpose derives from :class:`QuotetraceError`, and many also
derive from the built-in they refine, so ``except ValueError`` keeps working for callers who do
not know about quotetrace::

    QuotetraceError
     ├── ReadError (OSError)            an article could not be read at all
     │    └── DecodeError (UnicodeError) the bytes are not text in any encoding we accept
     ├── InputError (ValueError)         the text was read but cannot be analysed (empty, binary, too big)
     ├── UsageError (ValueError)         the caller asked for something that does not exist
     ├── ModelError (RuntimeError)       an optional analyzer or its model is missing
     ├── ExtraError (ImportError)        an optional extra that a method needs is not installed (pandas)
     ├── GoldError (ValueError)          an annotated article cannot be scored (no text, bad offsets)
     └── PredictionError (ValueError)    a prediction cannot be scored (its article is not in the gold)
"""

from __future__ import annotations


class QuotetraceError(Exception):
    """Base class of every error quotetrace raises on purpose."""


class ReadError(QuotetraceError, OSError):
    """An article could not be read (missing file, permission, bad JSONL line)."""


class DecodeError(ReadError, UnicodeError):
    """The bytes of an article are not text in any encoding quotetrace accepts."""


class InputError(QuotetraceError, ValueError):
    """An article was read but holds nothing quotetrace can analyse (empty, binary)."""


class UsageError(QuotetraceError, ValueError):
    """The caller asked for an analyzer, format or option that does not exist."""


class ModelError(QuotetraceError, RuntimeError):
    """An optional analyzer is not installed, or its model files are missing."""


class ExtraError(QuotetraceError, ImportError):
    """A method needs a package of an optional extra that is not installed: ``to_pandas()``
    without pandas. The message names the ``pip install`` that adds it."""


class GoldError(QuotetraceError, ValueError):
    """Annotations given to :func:`quotetrace.evaluate` as the truth cannot be used: a line
    without text or id, an event without content, offsets outside the article."""


class PredictionError(QuotetraceError, ValueError):
    """A prediction given to :func:`quotetrace.evaluate` cannot be scored: its article is not in
    the gold, its offsets fall outside the article, or the extraction itself failed."""
