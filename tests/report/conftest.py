"""Traces the report tests share."""

from __future__ import annotations

import pytest

import quotetrace
from quotetrace import Trace

from ..conftest import SEEDS


@pytest.fixture(scope="session")
def seeds_trace() -> Trace:
    return quotetrace.trace([str(SEEDS)], jobs=1)
