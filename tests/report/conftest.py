"""Traces the report tests share: the seeds, and hostile articles whose quotes hold markup."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotetrace
from quotetrace import Family, Trace

from ..conftest import SEEDS

# Four articles whose quotes, ids and reported speech hold <script>, <img onerror=…>, a
# javascript: link and an event-handler attribute: an altered copy and an unsupported quote
# with its evidence, so markup reaches every part of the report.
HOSTILE = Path(__file__).resolve().parent / "hostile.jsonl"

# The seeds' quotes the report tests look at, found by their words (family ids follow tracing's
# order, which may change): Zelensky's line no other article quotes, two altered copies (one
# critical, one substantive) and two copies expanded with the narrator's words.
CONSTITUTION = "This would violate Ukraine’s constitution and international law,"
FINE_TUNED = "fine-tuned."
FREEZE = "to freeze the territorial lines at some level close to where they are today."
WHOLE_COUNTRY = "taking the whole country"
CONCESSION = "pretty big concession."


def family_of(tr: Trace, words: str) -> Family:
    """The family whose original says exactly ``words``."""
    return next(f for f in tr.families if f.original.text == words)


@pytest.fixture(scope="session")
def seeds_trace() -> Trace:
    return quotetrace.trace([str(SEEDS)], jobs=1)


@pytest.fixture(scope="session")
def hostile_trace() -> Trace:
    return quotetrace.trace([str(HOSTILE)], jobs=1)
