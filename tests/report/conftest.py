"""Traces the report tests share: the seeds, and hostile articles whose quotes hold markup."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotetrace
from quotetrace import Trace

from ..conftest import SEEDS

# Four articles whose quotes, ids and reported speech hold <script>, <img onerror=…>, a
# javascript: link and an event-handler attribute: an altered copy and an unsupported quote
# with its evidence, so markup reaches every part of the report.
HOSTILE = Path(__file__).resolve().parent / "hostile.jsonl"


@pytest.fixture(scope="session")
def seeds_trace() -> Trace:
    return quotetrace.trace([str(SEEDS)], jobs=1)


@pytest.fixture(scope="session")
def hostile_trace() -> Trace:
    return quotetrace.trace([str(HOSTILE)], jobs=1)
