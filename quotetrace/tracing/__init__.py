"""Tracing: how each quote travels between articles.

Bottom up: :mod:`.words` (words as tracing compares them), :mod:`.knobs` (every threshold, with
what it trades), :mod:`.units` (what one article brings), :mod:`.speakers` (one identity per
speaker across articles), :mod:`.compare` (alignment, graded changes, relations), :mod:`.group`
(passages into families), :mod:`.paraphrase` (the same words without marks), :mod:`.derive`
(which article draws on which), :mod:`.engine` (:func:`trace` and :func:`check`).
"""

from .engine import Check, Checked, check, trace

__all__ = ["Check", "Checked", "check", "trace"]
