"""A benchmark for quote tracing: corpora of real base articles and articles derived from them with
known edits, the answers beside them, and the scorer that compares a trace with the answers.

Modules, bottom up: ``knobs`` and ``words`` (the generator's own word model), ``names``, ``bases``
(what each real article offers), ``overlap`` (what the bases share), ``edits`` and ``credits`` (the
planted edits), ``invent``, ``derivation`` (derived articles), ``answers``, ``corpus``, ``command``
(``python scripts/trace_corpus.py``) and ``score`` (``python scripts/score_trace.py``).
"""

from __future__ import annotations

from .bases import load_bases
from .corpus import generate

__all__ = ["generate", "load_bases"]
