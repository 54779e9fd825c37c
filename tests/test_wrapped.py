"""Hard-wrapped articles give the quotes of the same articles set one paragraph a line."""

from __future__ import annotations

import textwrap

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace import Article, Quote, extract

from .conftest import SEEDS

# Lines filled by hand to about 72 columns, a blank line between paragraphs: a quote broken
# across lines, a split quote whose second piece opens a line, a compound broken at its hyphen,
# and a quotation that runs on over two paragraphs, each reopening the mark.
BRIDGE = """\
HARBOURTON — The port authority will close the old swing bridge for six
months from March, its director said on Monday, after inspectors found
cracks in two of its piers.

“We cannot take any risk with a bridge that carries forty thousand cars
a day,” said Marta Kellner, the authority’s director, adding that a well-
known engineering firm would carry out the repairs.

“Nobody likes a detour, least of all the ferry crews,” Kellner said.
“But the alternative is a bridge that nobody can cross at all.”

“The inspectors found cracks in two of the piers and corrosion in the
steel of the swing section, which has not been replaced since the bridge
opened in 1962.

“We expect the repairs to take six months, and we will publish a weekly
report on their progress,” the authority said in a statement.
"""

# A heading with no blank line under it, and a list after a colon whose first item runs over
# two lines with a hanging indent.
FERRY = """\
Ferry Crews Ask for Compensation
The ferry crews’ union said on Tuesday that the closure of the bridge would
double the length of their shifts through the summer, and that it would
ask the city for compensation.

The union listed its demands in a letter to the city council, which meets
on Thursday to vote on the budget for the coming year:
- a bonus for every shift longer than ten hours, which the union called
  “the least the city owes the crews who keep the harbour moving”;
- a second ferry on the night route;
- a new timetable.

Its secretary, Paolo Brandt, said the crews had not been consulted before
the closure was announced. “We read about it in the newspaper, like
everybody else,” he said.
"""

# A plain-text archive's page: wrapped by hand to about 66 columns, not to one exact width, with
# a chapter heading and dialogue in straight marks.
ARCHIVE = """\
CHAPTER III

THE HARBOUR MASTER

The harbour master was a tall man with a grey beard, who had kept
the old swing bridge for thirty years and did not mean to see it
closed without a fight.

"They tell me the piers are cracked," he said, looking down at the
water. "I have heard that every spring since the war, and the
bridge is still standing."

His daughter, who kept the accounts, was less sure. "Father," she
said, "the inspectors are not fools."
"""

_WORD_RE = regex.compile(r"\w+")


def words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD_RE.findall(text))


def content(q: Quote, text: str) -> str:
    """The words of a quote read from the article through its spans, not from ``q.text``."""
    return " ".join(text[s.start:s.end] for s in q.spans)


def key(q: Quote, text: str) -> tuple:
    """A quote by its words: kind, content, cue, and the speaker's mention and name."""
    return (q.kind, words(content(q, text)), words(q.cue.text) if q.cue else (),
            (words(q.speaker.mention), words(q.speaker.name)) if q.speaker else ())


def wrap(text: str, width: int) -> str:
    """Each paragraph (a line) filled at ``width`` columns, a blank line between paragraphs."""
    return "\n\n".join(textwrap.fill(line, width) for line in text.split("\n") if line.strip())


def check_offsets(quotes: list[Quote], text: str) -> None:
    """Every span holds the words of the quote's text and starts and ends on a word."""
    for q in quotes:
        assert words(content(q, text)) == words(q.text)
        for s in (*q.spans, *q.quoted):
            piece = text[s.start:s.end]
            assert piece and not piece[0].isspace() and not piece[-1].isspace()
        for part in (q.cue, q.speaker):
            if part is not None:
                assert words(text[part.start:part.end]) == words(part.text if part is q.cue else part.mention)


@pytest.fixture(scope="module")
def bridge() -> list[Quote]:
    return extract(BRIDGE)


def test_a_quote_broken_across_lines(bridge: list[Quote]) -> None:
    """A quotation over a line break is one quote; its text reads the break as a space, and its
    offsets index the article as written."""
    q = next(q for q in bridge if q.text.startswith("We cannot"))
    assert (q.kind, q.speaker.name, q.cue.text) == ("direct", "Marta Kellner", "said")
    assert q.text == "We cannot take any risk with a bridge that carries forty thousand cars a day,"
    assert BRIDGE[q.start:q.end].endswith("forty thousand cars\na day,")
    check_offsets(bridge, BRIDGE)


def test_a_compound_broken_at_its_hyphen_reads_whole(bridge: list[Quote]) -> None:
    """``a well-`` / ``known firm`` is read as ``well-known``; the span still covers the break."""
    q = next(q for q in bridge if "engineering" in q.text)
    assert q.text == "that a well-known engineering firm would carry out the repairs"
    assert "well-\nknown" in BRIDGE[q.start:q.end]


def test_a_split_quote_across_a_line_break(bridge: list[Quote]) -> None:
    """“…,” Kellner said. / “…” with the second piece on the next line is one quote, two pieces."""
    q = next(q for q in bridge if q.text.startswith("Nobody likes"))
    assert len(q.spans) == 2 and q.speaker.name == "Marta Kellner"
    assert [BRIDGE[s.start:s.end] for s in q.spans] == [
        "Nobody likes a detour, least of all the ferry crews,",
        "But the alternative is a bridge that nobody can cross at all."]


def test_a_quote_that_runs_on_over_wrapped_paragraphs(bridge: list[Quote]) -> None:
    """A quotation opening a wrapped paragraph, left open, and reopened by the next one is one
    quote with a piece a paragraph, attributed at its end."""
    q = next(q for q in bridge if q.text.startswith("The inspectors"))
    assert q.kind == "direct" and len(q.spans) == 2
    assert q.speaker.mention == "the authority" and q.cue.text == "said"
    assert q.text.endswith("opened in 1962. We expect the repairs to take six months, and we will "
                           "publish a weekly report on their progress,")


def test_a_heading_above_a_wrapped_paragraph_stays_out_of_it() -> None:
    """A heading with no blank line under it is its own paragraph: the speaker is the union."""
    quotes = extract(FERRY)
    first = quotes[0]
    assert first.speaker.mention == "The ferry crews’ union"
    assert first.text.startswith("that the closure of the bridge would double")
    assert first.text.endswith("ask the city for compensation")


def test_list_items_stay_apart() -> None:
    """A list item's quote ends with the item; the next item is not part of it."""
    quotes = extract(FERRY)
    q = next(q for q in quotes if q.text.startswith("the least"))
    assert q.text == "the least the city owes the crews who keep the harbour moving"
    assert not any("second ferry" in q.text or "timetable" in q.text for q in quotes)
    check_offsets(quotes, FERRY)


def test_a_page_wrapped_by_hand() -> None:
    """Lines of uneven length are a wrap too; split quotes over line breaks are one quote each."""
    quotes = extract(ARCHIVE)
    assert [(q.text, q.speaker.mention, len(q.spans)) for q in quotes] == [
        ("They tell me the piers are cracked, I have heard that every spring since the war, and "
         "the bridge is still standing.", "he", 2),
        ("Father, the inspectors are not fools.", "she", 2),
    ]
    check_offsets(quotes, ARCHIVE)


@pytest.mark.parametrize("text", [BRIDGE, FERRY, ARCHIVE], ids=["bridge", "ferry", "archive"])
def test_crlf(text: str) -> None:
    """Windows line ends give the same quotes, with offsets into the CRLF text."""
    crlf = text.replace("\n", "\r\n")
    quotes = extract(crlf)
    assert [key(q, crlf) for q in quotes] == [key(q, text) for q in extract(text)]
    check_offsets(quotes, crlf)


SEED_TEXTS = {p.stem: p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
_PLAIN: dict[str, list] = {}


def plain_keys(stem: str) -> list:
    if stem not in _PLAIN:
        _PLAIN[stem] = [key(q, SEED_TEXTS[stem]) for q in extract(Article(id=stem, text=SEED_TEXTS[stem]))]
    return _PLAIN[stem]


def same_quotes_when_wrapped(stem: str, width: int) -> None:
    wrapped = wrap(SEED_TEXTS[stem], width)
    quotes = extract(Article(id=stem, text=wrapped))
    assert [key(q, wrapped) for q in quotes] == plain_keys(stem)
    check_offsets(quotes, wrapped)


@pytest.mark.parametrize("width", [72, 40])
@pytest.mark.parametrize("stem", sorted(SEED_TEXTS))
def test_wrapped_seeds_give_the_same_quotes(stem: str, width: int) -> None:
    """Each seed wrapped at 72 and at 40 columns gives the quotes of the seed, word for word,
    with the same cues and speakers."""
    same_quotes_when_wrapped(stem, width)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(sorted(SEED_TEXTS)), st.integers(min_value=30, max_value=160))
def test_seeds_wrapped_at_any_width(stem: str, width: int) -> None:
    """The same holds at any width from 30 to 160 columns."""
    same_quotes_when_wrapped(stem, width)


_PIECES = ["the", "minister", "said", "told", "reporters", "that", "we", "will", "not", "give", "in",
           "Jane Doe", "she", "he", "added", "according to", "a well-known", "so-called", "—", "-", "--",
           "“We", "won,”", "“They", "lost.”", "\"Yes,\"", "'no'", "voters'", "don't", "on", "Monday.",
           "1.", "-", "*", "The", "mayor:", "“", "”", "…", "pre- and post-war"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), min_size=3, max_size=50).map(" ".join),
                min_size=1, max_size=6),
       st.integers(min_value=20, max_value=100), st.booleans())
def test_any_wrapped_text_gives_valid_offsets(paragraphs: list[str], width: int, crlf: bool) -> None:
    """Whatever the words, wrapping them gives quotes whose spans sit on the words of their
    text, inside the article."""
    text = "\n\n".join(textwrap.fill(p, width) for p in paragraphs)
    if crlf:
        text = text.replace("\n", "\r\n")
    quotes = extract(text)
    for q in quotes:
        for s in (*q.spans, *q.quoted):
            assert 0 <= s.start < s.end <= len(text)
    check_offsets(quotes, text)
