"""The public surface: everything in __all__ exists, is sorted, and nothing private leaks."""

import doctest
import re

import quotetrace

from .conftest import ROOT


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and names real attributes."""
    assert quotetrace.__all__ == sorted(quotetrace.__all__)
    for name in quotetrace.__all__:
        assert hasattr(quotetrace, name), name


def test_public_functions() -> None:
    """The functions a notebook needs are there."""
    assert {"read_articles", "extract", "extract_all"} <= set(quotetrace.__all__)


def test_every_public_name_has_an_example() -> None:
    """Each name in __all__ has a docstring with an example of its own, which pytest's
    --doctest-modules runs (``__version__`` is a string, so it has none)."""
    finder = doctest.DocTestFinder(recurse=False)
    missing = [name for name in quotetrace.__all__ if name != "__version__"
               and not any(t.examples for t in finder.find(getattr(quotetrace, name), name))]
    assert missing == []


def test_every_public_name_is_in_the_api_reference() -> None:
    """docs/api.md documents every name in __all__."""
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. auto(?:function|class|exception):: quotetrace\.(\w+)$", page, re.M))
    assert set(quotetrace.__all__) - {"__version__"} <= documented
    assert "quotetrace.__version__" in page
