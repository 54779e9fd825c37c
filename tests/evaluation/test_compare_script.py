"""scripts/compare_scorers.py notices when a definition drifts (on a stand-in for the shared scorer)."""

from __future__ import annotations

import importlib.util
import re
import types

import pytest

from quotetrace.evaluation import TRIMMED
from quotetrace.evaluation.speech import coverage

from ..conftest import ROOT


@pytest.fixture(scope="module")
def compare() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("compare_scorers", ROOT / "scripts" / "compare_scorers.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def stand_in(drop_stem: str | None = None, trim: str = "") -> types.SimpleNamespace:
    """A module shaped like the shared scorer: TRIM, and SPEECH written as one alternation."""
    words, stems = coverage()
    alternatives = sorted(words) + [s + r"\w*" for s in sorted(stems) if s != drop_stem]
    speech = re.compile(r"^(?:to )?(?:\w+ly )?(?:" + "|".join(alternatives) + r")\b", re.I)
    return types.SimpleNamespace(TRIM=set(TRIMMED) | set(trim), SPEECH=speech)


def test_same_definitions(compare: types.ModuleType) -> None:
    """Identical trimming and speech verbs give no problem."""
    assert compare.check_definitions(stand_in(), {"said", "believes"}) == []


def test_drifted_definitions(compare: types.ModuleType) -> None:
    """A verb or a trimmed character on one side only is reported."""
    problems = compare.check_definitions(stand_in(drop_stem="tweet", trim="\xa0"), {"tweeted"})
    assert any("trimmed characters differ" in p for p in problems)
    assert any("speech stems differ" in p and "tweet" in p for p in problems)
    assert any("cues judged differently" in p and "tweeted" in p for p in problems)
