"""The rich displays of the model's values in a notebook (``_repr_html_``), registered with the
model when this module is imported (the public API imports it on first use)."""

from __future__ import annotations

from ..model import Extraction, Family, Occurrence, Quote, Trace, register_html_view
from ..tracing import Check
from .fragments import check_view, extraction_view, family_view, occurrence_view, quote_view, trace_view

register_html_view(Quote, quote_view)
register_html_view(Extraction, extraction_view)
register_html_view(Occurrence, occurrence_view)
register_html_view(Family, family_view)
register_html_view(Trace, trace_view)
register_html_view(Check, check_view)
