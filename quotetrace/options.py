"""The closed sets the command line offers as choices, and the defaults it shows, named once at
the bottom of the package so that ``quotetrace --help`` reads them without loading the modules
that use them."""

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

#: Seconds one article of a batch may take (``timeout`` of :func:`quotetrace.extract_all`,
#: :func:`quotetrace.trace` and the store's ``add``; ``--timeout-per-article``), plus one second for
#: every :data:`CHARS_PER_SECOND` characters of it: an article past it is reported with its id and
#: the batch goes on. Generous: the rules read about a million characters a second, so only an
#: article that makes them super-linear meets the budget, never a long one.
TIMEOUT = 60.0
CHARS_PER_SECOND = 50_000
