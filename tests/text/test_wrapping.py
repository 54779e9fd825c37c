"""Hard-wrapped text: when an article is wrapped, and the reading with its line breaks as spaces."""

from __future__ import annotations

import pytest

from quotetrace.model import Span
from quotetrace.text.wrapping import unwrap, wrap_width

from ..conftest import SEEDS

WRAPPED = """\
The harbour board voted on Monday to close the old swing bridge for six
months, after inspectors found cracks in two of its piers and corrosion
in the steel of the swing section.

The board’s chairwoman said the repairs would cost about 12 million and
that the work would start in March, once the ferry timetable is ready.
"""

ONE_PARAGRAPH_A_LINE = """\
Bridge to Close for Repairs
The harbour board voted on Monday to close the old swing bridge for six months.
Inspectors found cracks in two of its piers.
The board’s chairwoman said the repairs would cost about 12 million and that the work would start in March, once the ferry timetable is ready.
“We have no choice,” she said.
"""

HEADLINES = """\
Harbour board votes to close the old swing bridge
Ferry crews ask the city for compensation
Inspectors find cracks in two of the bridge piers
Night buses to replace the ferry for six months
Council to vote on the transport budget Thursday
"""

SHORT_LINES = """\
Harbour board, members present:
Anna Ruiz, chair
Tomas Ferreira
Lena Vogt, secretary
Votes: 5 for, 1 against
"""


def _same_characters(text: str, reading) -> None:  # noqa: ANN001
    """Every character of the reading that is not a space maps to itself in the text."""
    for i, ch in enumerate(reading.text):
        if not ch.isspace():
            assert text[reading.start(i)] == ch, (i, ch)


@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seeds_are_not_wrapped(path) -> None:  # noqa: ANN001
    """The seeds (one paragraph a line, with or without blank lines) are read as they are."""
    text = path.read_bytes().decode("utf-8")
    reading = unwrap(text)
    assert reading.width is None and reading.text is text


@pytest.mark.parametrize(("text", "width"), [
    (WRAPPED, 71),
    (WRAPPED.replace("\n", "\r\n"), 71),
    (ONE_PARAGRAPH_A_LINE, None),
    (ONE_PARAGRAPH_A_LINE.replace("\n", "\n\n"), None),
    (SHORT_LINES, None),
    (HEADLINES, None),
    ("A single line with no break at all.", None),
    ("", None),
])
def test_wrap_width(text: str, width: int | None) -> None:
    """Lines filled to one width are a wrap; one paragraph a line, and short lines, are not."""
    assert wrap_width(text) == width


def test_line_breaks_inside_paragraphs_read_as_spaces() -> None:
    """Each break inside a paragraph is one space; the blank line between paragraphs stays."""
    reading = unwrap(WRAPPED)
    paragraphs = reading.text.split("\n\n")
    assert len(paragraphs) == 2 and "\n" not in paragraphs[0]
    assert paragraphs[0].startswith("The harbour board") and " six months, " in paragraphs[0]
    assert reading.text == "\n\n".join(p.replace("\n", " ") for p in WRAPPED[:-1].split("\n\n")) + "\n"
    _same_characters(WRAPPED, reading)


def test_crlf_and_indentation_are_dropped_with_the_offsets_kept() -> None:
    """CRLF, trailing spaces and the indent of an indented block read as one space; offsets map
    back past them."""
    text = "".join("  " + line.rstrip("\n") + (" \r\n" if line.strip() else "\r\n")
                   for line in WRAPPED.splitlines(keepends=True))
    reading = unwrap(text)
    assert reading.width is not None and "\r" not in reading.text.split("\r\n")[0]
    assert "for six months, after inspectors" in reading.text
    _same_characters(text, reading)
    six = reading.text.index("six")
    months = reading.text.index("months")
    assert reading.span(Span(months, months + 6)).of(text) == "months"
    assert reading.span(Span(six, months + 6)).of(text) == "six \r\n  months"
    # the space the reading keeps is the gap's first character; an end never takes in the rest
    assert reading.span(Span(six, six + 4)).of(text) == "six "


def test_heading_and_dateline_lines_stay_paragraphs() -> None:
    """A short line above a wrapped paragraph (a heading, a byline) keeps its line break."""
    text = "Bridge to Close for Repairs\nBy Lena Vogt\n" + WRAPPED
    reading = unwrap(text)
    assert reading.width is not None
    assert reading.text.startswith("Bridge to Close for Repairs\nBy Lena Vogt\nThe harbour board voted")


def test_list_items_stay_apart_and_their_lines_join() -> None:
    """A list after a colon keeps one item a line; an item's hanging continuation joins it."""
    text = WRAPPED + """
The board set three conditions for the contractor, which it will choose
from four bids in a closed session on the last Friday of the month:
- a fixed price for the whole work, with a penalty for each week of delay
  beyond the six months the board has promised;
- a night shift on the swing section;
- one weekly report.
"""
    lines = unwrap(text).text.split("\n")
    assert lines[-5:-1] == [
        "The board set three conditions for the contractor, which it will choose from four bids "
        "in a closed session on the last Friday of the month:",
        "- a fixed price for the whole work, with a penalty for each week of delay beyond the six "
        "months the board has promised;",
        "- a night shift on the swing section;",
        "- one weekly report.",
    ]


def test_first_line_indents_start_paragraphs() -> None:
    """Paragraphs set with a first-line indent and no blank line stay apart."""
    text = ("    The harbour board voted on Monday to close the old swing bridge for\n"
            "six months, after inspectors found cracks in two of its piers.\n"
            "    The board’s chairwoman said the repairs would cost about 12 million\n"
            "and that the work would start in March, once the timetable is ready.\n")
    assert unwrap(text).text.split("\n") == [
        "    The harbour board voted on Monday to close the old swing bridge for six months, "
        "after inspectors found cracks in two of its piers.",
        "    The board’s chairwoman said the repairs would cost about 12 million and that the "
        "work would start in March, once the timetable is ready.",
        "",
    ]


def _paragraph(first: str, second: str) -> str:
    """A paragraph wrapped by hand: ``first`` ends the first line and ``second`` opens the
    second, and every line is filled to about the same width."""
    filler = ("that inspectors found cracks in two of its piers and corrosion in the steel of the "
              "swing section last winter").split()
    line1 = "The harbour board voted on Monday to close the swing bridge, with " + first
    lines, line = [line1], second
    for word in filler:
        if len(line) + 1 + len(word) > 76:
            lines.append(line)
            line = word
        else:
            line += " " + word
    return "\n".join(lines + [line]) + "\n"


@pytest.mark.parametrize(("end", "start", "read"), [
    ("a well-", "known engineering firm", "a well-known engineering firm"),
    ("the swing-", "bridge lobby", "the swing-bridge lobby"),
    ("a paint-it-as-a-", "disaster campaign", "a paint-it-as-a-disaster campaign"),
    ("the mayor--", "and the board", "the mayor--and the board"),
    # a hyphen that stands for a shared word keeps its space: "pre- and post-war"
    ("for pre-", "and post-repair checks", "for pre- and post-repair checks"),
    # a dash between spaces is not part of a word
    ("the mayor -", "and the board", "the mayor - and the board"),
])
def test_a_word_broken_after_its_hyphen_is_joined(end: str, start: str, read: str) -> None:
    """A compound broken at its hyphen closes up and keeps the hyphen; offsets skip the break."""
    text = _paragraph(end, start)
    reading = unwrap(text)
    assert reading.width is not None
    assert read in reading.text
    _same_characters(text, reading)
