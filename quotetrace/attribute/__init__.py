"""Attribution: which words report a statement (the cue), who is credited (the speaker), and
what was said (the content)."""

from __future__ import annotations

import attrs

from ..model import Span


@attrs.frozen
class Candidate:
    """One attribution found in the text, before speakers are resolved.

    ``cue`` and ``speaker`` are the words as written (``speaker`` is None when the text names no
    one: ``has been described as …``); ``content`` is the reported clause or quotation, as one or
    more pieces. ``rule`` names the construction that found it, for debugging and evaluation.
    """

    #: None for a quotation signed after a dash ("“…” ― Jane Doe"), which has no cue word
    cue: Span | None
    content: tuple[Span, ...] = attrs.field(converter=tuple)
    speaker: Span | None = None
    rule: str = ""
