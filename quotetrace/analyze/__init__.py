"""Analyzers: paragraphs, sentences, tokens and (optionally) syntax, all with character offsets.

Two analyzers stand behind one small interface, :class:`Analyzer`:

- ``rules`` (the default): regular expressions only, no model. It provides paragraphs and
  sentences; attribution works from the text around each cue.
- ``stanza`` (extra ``quotetrace[stanza]``): a real ``stanza.Pipeline`` provides tokens, POS,
  lemmas, dependencies and entities; attribution then also uses the subject and the clausal
  complement of each cue verb.

Each analyzer declares what it ``provides``; a step that needs more says so before any work
(see :func:`require`).
"""

from __future__ import annotations

from ..errors import ModelError, UsageError
from .base import FEATURES, Analysis, Analyzer, Entity, Sentence, Token, require

__all__ = ["ANALYZERS", "FEATURES", "Analysis", "Analyzer", "Entity", "Sentence", "Token", "get_analyzer", "require"]

from ..options import ANALYZERS  # noqa: E402,F401


def get_analyzer(name: str = "rules", **options: object) -> Analyzer:
    """The analyzer called ``name``; ``stanza`` takes ``model_dir`` and ``lang`` options."""
    if name == "rules":
        from .rules import RulesAnalyzer

        return RulesAnalyzer()
    if name == "stanza":
        try:
            from .stanza import StanzaAnalyzer
        except ImportError as exc:  # pragma: no cover - depends on the install
            raise ModelError(f"the stanza analyzer is not available: {exc}") from None
        return StanzaAnalyzer(**options)  # type: ignore[arg-type]
    raise UsageError(f"unknown analyzer {name!r}; choose one of {', '.join(ANALYZERS)}")
