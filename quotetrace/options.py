"""The closed sets the command line offers as choices, named once at the bottom of the package so
that ``quotetrace --help`` reads them without loading the modules that use them."""

from __future__ import annotations

#: Quote kinds (docs/output.md).
KINDS = ("direct", "mixed", "indirect")
#: The analyzers: ``rules`` (embedded, no model) and ``stanza`` (the extra).
ANALYZERS = ("rules", "stanza")
#: Which annotated attributions an evaluation scores.
SUBSETS = ("all", "speech")
#: Output formats of ``extract``, ``trace`` and ``check``, and ``evaluate``.
FORMATS = ("jsonl", "json", "table")
TRACE_FORMATS = ("text", "json", "html")
SCORE_FORMATS = ("table", "json")
