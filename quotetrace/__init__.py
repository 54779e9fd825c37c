"""quotetrace: find quotations and reported speech in news articles, and who said them.

The public surface is small: :func:`read_articles`, :func:`extract`, :func:`extract_all`,
:func:`evaluate`, the model classes and the errors. Everything else is private and may change.
"""

from .errors import (DecodeError, GoldError, InputError, ModelError, PredictionError, QuotetraceError,
                     ReadError, UsageError)
from .evaluate import evaluate
from .model import Article, Cue, Extraction, Quote, Span, Speaker
from .pipeline import extract, extract_all
from .read import DecodeWarning, Unreadable, read_articles

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Cue",
    "DecodeError",
    "DecodeWarning",
    "Extraction",
    "GoldError",
    "InputError",
    "ModelError",
    "PredictionError",
    "Quote",
    "QuotetraceError",
    "ReadError",
    "Span",
    "Speaker",
    "Unreadable",
    "UsageError",
    "__version__",
    "evaluate",
    "extract",
    "extract_all",
    "read_articles",
]
