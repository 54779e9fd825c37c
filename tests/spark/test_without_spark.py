"""Without PySpark, `--engine spark` fails with one message that names the extra."""

from __future__ import annotations

import sys

import pytest

from quotetrace.cli import main

from ..conftest import SEEDS


def test_engine_spark_without_pyspark_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture) -> None:
    """When pyspark cannot be imported, the command exits with an error naming quotetrace[spark]
    and writes no trace."""
    monkeypatch.setitem(sys.modules, "pyspark", None)
    monkeypatch.setitem(sys.modules, "pyspark.sql", None)
    assert main(["trace", str(SEEDS), "--engine", "spark", "--format", "json"]) != 0
    captured = capsys.readouterr()
    assert "quotetrace[spark]" in captured.err and captured.out == ""
