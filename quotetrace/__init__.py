"""quotetrace: find quotations and reported speech in news articles, who said them, and how they
travel between articles.

The public surface is small: :func:`read_articles`, :func:`extract`, :func:`extract_all`,
:func:`trace`, :func:`check`, :func:`evaluate`, the model classes and the errors. Everything else
is private and may change, except :mod:`quotetrace.report`, whose ``html(trace)`` writes the
report as one HTML page. In a notebook, quotes, extractions, families and traces show themselves
as HTML, and ``Trace.to_pandas()`` / ``Extraction.to_pandas()`` give DataFrames.
"""

from .errors import (
    BudgetError,
    DecodeError,
    ExtraError,
    GoldError,
    InputError,
    ModelError,
    NotFoundError,
    PredictionError,
    QuotetraceError,
    ReadError,
    UsageError,
)
from .evaluation import evaluate
from .model import (
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
)
from .pipeline import extract, extract_all
from .read import DateWarning, DecodeWarning, Unreadable, read_articles
from .tracing import Check, Checked, check, trace

# The report registers the notebook displays (_repr_html_) of the model's values when imported.
from . import report  # noqa: E402,F401  isort: skip

__version__ = "0.1.0"

__all__ = [
    "Article",
    "BudgetError",
    "Change",
    "Check",
    "Checked",
    "Cue",
    "DateWarning",
    "DecodeError",
    "DecodeWarning",
    "Derivation",
    "Evidence",
    "ExtraError",
    "Extraction",
    "Family",
    "GoldError",
    "InputError",
    "ModelError",
    "NotFoundError",
    "Occurrence",
    "PredictionError",
    "Quote",
    "QuotetraceError",
    "ReadError",
    "Span",
    "Speaker",
    "SpeakerIdentity",
    "Trace",
    "TracedArticle",
    "Unreadable",
    "UsageError",
    "__version__",
    "check",
    "evaluate",
    "extract",
    "extract_all",
    "read_articles",
    "trace",
]
