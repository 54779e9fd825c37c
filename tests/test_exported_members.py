"""The public surface: everything in __all__ exists, is sorted, and nothing private leaks."""

import quotetrace


def test_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and names real attributes."""
    assert quotetrace.__all__ == sorted(quotetrace.__all__)
    for name in quotetrace.__all__:
        assert hasattr(quotetrace, name), name


def test_public_functions() -> None:
    """The functions a notebook needs are there."""
    assert {"read_articles", "extract", "extract_all"} <= set(quotetrace.__all__)
