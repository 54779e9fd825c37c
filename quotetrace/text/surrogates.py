"""Lone surrogates: half of a character, cut in two by a scraper or a bad decoder. Python keeps
them in a string; UTF-8 (a file, SQLite's text) cannot, so whatever writes text asks here."""

from __future__ import annotations

import regex

SURROGATE_RE = regex.compile("[\ud800-\udfff]")


def has_surrogate(text: str) -> bool:
    """Whether ``text`` holds a lone surrogate (it cannot be written as UTF-8).

    >>> has_surrogate("win,\\ud83d"), has_surrogate("win 🏆")
    (True, False)
    """
    return SURROGATE_RE.search(text) is not None
