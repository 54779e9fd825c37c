"""Attribution does work in proportion to its input, whatever the text: doubling an adversarial
article (one giant line of repeated cues, names, colons, abbreviations or quotation marks of
mixed kinds) must not much more than double the work.

Work is counted, not timed: the number of Python function calls the extraction makes (a
profiler hook), which is the same on a busy machine as on an idle one, so the test cannot
flake. Timings of the same inputs are in benchmarks/test_hostile.py.
"""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace.pipeline import read_quotes
from quotetrace.read import article_from_text

#: Doubling the input may multiply the work by at most this much (linear is 2).
MAX_GROWTH = 2.5

# Pieces that once made attribution super-linear when repeated on one line.
UNITS = [
    "said ", "He said: ", "According to ", "according to officials, ", "Jane Doe, ", "Mr. ",
    "“Yes,” she said. ", "'a' “b” \"c\" ‘d’ «e» ", "quickly ", "told reporters that ", ": ", "“",
    ", Jane Doe said, ", "Dr. Ortiz said. ", "— ", "they said ",
    "“Yes,” Jane Doe said. “No,” Tom Roe said. ",
]


def calls(text: str) -> int:
    """How many Python function calls one extraction of ``text`` makes."""
    n = 0

    def count(frame, event, arg):  # noqa: ANN001
        nonlocal n
        if event == "call":
            n += 1

    article = article_from_text(text, id="t")
    sys.setprofile(count)
    try:
        read_quotes(article)
    finally:
        sys.setprofile(None)
    return n


@settings(max_examples=12, deadline=None, derandomize=True)
@given(units=st.lists(st.sampled_from(UNITS), min_size=1, max_size=3), lead=st.sampled_from(["", "The mayor said "]))
def test_doubling_the_input_at_most_doubles_the_work(units: list[str], lead: str) -> None:
    """Work grows linearly on repeated cues, names, colons, abbreviations and mixed marks."""
    unit = "".join(units)
    reps = max(20, 600 // len(unit))
    small = calls(lead + unit * reps)
    large = calls(lead + unit * 2 * reps)
    assert large <= MAX_GROWTH * small + 2000, (unit, small, large)


def test_one_giant_line_of_articles_is_linear() -> None:
    """Many articles' worth of reported speech on one line (no paragraph breaks)."""
    body = ("Jane Doe, the mayor, said on Monday that the bridge would open. “It is ready,” she said. "
            "According to officials, it cost more. He added: “We are proud.” ")
    small = calls(body * 20)
    assert calls(body * 40) <= MAX_GROWTH * small


def _surname(k: int) -> str:
    """A distinct invented surname per number: Baa, Bab, …"""
    letters = ""
    for _ in range(3):
        k, r = divmod(k, 26)
        letters += chr(97 + r)
    return "B" + letters


def test_many_title_case_headings_with_their_own_names_are_linear() -> None:
    """Each heading read for names, each name looked up in the body: one pass, not one per name."""
    def article(n: int) -> str:
        return "".join(f"Jane {_surname(k)} Warns Of Flood Risk\n\n“It is rising,” {_surname(k)} said.\n\n"
                       for k in range(n))
    small = calls(article(60))
    assert calls(article(120)) <= MAX_GROWTH * small


def test_one_giant_sentence_of_quotes_and_cues_is_linear() -> None:
    """Quotations and cues in one sentence that never ends (no capital after the full stops): each
    cue's content runs to its end, so every content meets every later quotation."""
    unit = "“Yes,” she said. they said "
    small = calls(unit * 150)
    assert calls(unit * 300) <= MAX_GROWTH * small
