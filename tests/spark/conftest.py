"""One local Spark session (``local[2]``) for the whole test run. Without Java or PySpark the
Spark tests skip with the reason, except under ``CI=true``, where they fail: CI installs both."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest


def _missing() -> str | None:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java (install openjdk-17-jre-headless; .ci/run does)"
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError:
        return "no PySpark (pip install 'quotetrace[spark]')"
    return None


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    why = _missing()
    if why is not None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the Spark tests must run in CI: {why}")
        pytest.skip(why)
    from quotetrace.spark.job import session

    s = session("local[2]", 2)
    s.sparkContext.setLogLevel("ERROR")
    yield s
    s.stop()
