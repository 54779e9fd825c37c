"""quotetrace: find quotations and reported speech in news articles, who said them, and how they
travel between articles.

The public surface is small: :func:`read_articles`, :func:`extract`, :func:`extract_all`,
:func:`trace`, :func:`check`, :func:`evaluate`, the model classes and the errors. Everything else
is private and may change, except :mod:`quotetrace.report`, whose ``html(trace)`` writes the
report as one HTML page. In a notebook, quotes, extractions, families and traces show themselves
as HTML, and ``Trace.to_pandas()`` / ``Extraction.to_pandas()`` give DataFrames.
"""

from .errors import (
    DecodeError,
    ExtraError,
    GoldError,
    InputError,
    ModelError,
    PredictionError,
    QuotetraceError,
    ReadError,
    StoreError,
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
from .read import DecodeWarning, Unreadable, read_articles
from .tracing import Check, Checked, check, trace

# The report registers the notebook displays (_repr_html_) of the model's values when imported.
from . import report  # noqa: E402,F401  isort: skip

__version__ = "0.1.0"


def __getattr__(name: str):  # noqa: ANN202
    # the store (sqlite3, hashlib, pickle) loads when a program first asks for it, not at import
    if name in ("Added", "Corpus"):
        from . import store

        return getattr(store, name)
    raise AttributeError(f"module 'quotetrace' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "Added",
    "Article",
    "Change",
    "Check",
    "Checked",
    "Corpus",
    "Cue",
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
    "Occurrence",
    "PredictionError",
    "Quote",
    "QuotetraceError",
    "ReadError",
    "Span",
    "Speaker",
    "SpeakerIdentity",
    "StoreError",
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
