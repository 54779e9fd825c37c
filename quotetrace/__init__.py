"""quotetrace: find quotations and reported speech in news articles, who said them, and how they
travel between articles.

The public surface is small: :func:`read_articles`, :func:`extract`, :func:`extract_all`,
:func:`trace`, :func:`check`, :func:`evaluate`, the model classes and the errors. Everything else
is private and may change, except :mod:`quotetrace.report`, whose ``html(trace)`` writes the
report as one HTML page. In a notebook, quotes, extractions, families and traces show themselves
as HTML, and ``Trace.to_pandas()`` / ``Extraction.to_pandas()`` give DataFrames.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what type checkers and readers see; at run time each name loads when used
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
        Misattribution,
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
    from .store import Added, Corpus
    from .tracing import Check, Checked, check, trace

# Where each public name lives. The package imports a module only when one of its names is first
# used, so `quotetrace --help` and a short `quotetrace extract` do not pay for tracing, scoring
# and the report (about a third of a second on a small machine).
_HOMES = {
    "errors": ("BudgetError", "DecodeError", "ExtraError", "GoldError", "InputError", "ModelError",
               "NotFoundError", "PredictionError", "QuotetraceError", "ReadError", "StoreError", "UsageError"),
    "evaluation": ("evaluate",),
    "model": ("Article", "Change", "Cue", "Derivation", "Evidence", "Extraction", "Family", "Misattribution", "Occurrence",
              "Quote", "Span", "Speaker", "SpeakerIdentity", "Trace", "TracedArticle"),
    "pipeline": ("extract", "extract_all"),
    "read": ("DateWarning", "DecodeWarning", "Unreadable", "read_articles"),
    "tracing": ("Check", "Checked", "check", "trace"),
    # the store (sqlite3, hashlib, pickle) loads when a program first asks for it
    "store": ("Added", "Corpus"),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> Any:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module 'quotetrace' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    # The report registers the notebook displays (_repr_html_) of the model's values when imported:
    # whoever uses the public API gets them.
    importlib.import_module(".report.views", __name__)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__version__ = "0.1.0"



__all__ = [
    "Added",
    "Article",
    "BudgetError",
    "Change",
    "Check",
    "Checked",
    "Corpus",
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
    "Misattribution",
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
