"""Start-up: whole processes, as a user starts them (`quotetrace --help`, and `quotetrace extract`
of one short article). The figures are the interpreter's start plus the imports each command needs;
no time is asserted here (see the docs' development notes for the figures measured)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _run(*args: str) -> subprocess.CompletedProcess:
    # the checkout's code, whether or not quotetrace is installed
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    # bytecode cached as an installed package has it: the warm-up round writes it, the rounds read it
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return subprocess.run([sys.executable, "-m", "quotetrace", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, check=True)


def test_help_startup(benchmark) -> None:  # noqa: ANN001
    """`quotetrace --help`: the option names only, no library module."""
    done = benchmark.pedantic(_run, args=("--help",), rounds=15, iterations=1, warmup_rounds=1)
    assert "extract" in done.stdout


@pytest.fixture(scope="module")
def short_article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "short.txt"
    path.write_text("“The bridge reopens in May,” the mayor said on Monday.\n", encoding="utf-8")
    return path


def test_extract_one_short_article(benchmark, short_article: Path) -> None:  # noqa: ANN001
    """`quotetrace extract` of one short article, in one process."""
    done = benchmark.pedantic(_run, args=("extract", str(short_article), "--jobs", "1"), rounds=15,
                              iterations=1, warmup_rounds=1)
    assert '"speaker"' in done.stdout
