"""Properties that hold for any text: no exception, and offsets that are always valid."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from quotetrace import InputError, extract

# text biased towards what breaks quote detectors: marks of every kind, apostrophes, newlines
MARKS = list("\"'“”‘’„«»‹›‚") + ["\n", "\n\n", " ", ", ", ". ", "said", "he", "“Yes,” she said. “No.”"]
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(st.sampled_from(MARKS), st.text(alphabet="abc XY.,-", max_size=8)),
             max_size=60).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(texts)
def test_any_text_gives_valid_quotes(text: str) -> None:
    """For any text: no exception but InputError, spans inside the text, on content, ordered."""
    try:
        quotes = extract(text)
    except InputError:
        return
    for q in quotes:
        assert q.spans, q
        for span in (*q.spans, *q.quoted):
            assert 0 <= span.start < span.end <= len(text)
            piece = text[span.start:span.end]
            assert not piece[0].isspace() and not piece[-1].isspace()
        for a, b in zip(q.spans, q.spans[1:]):
            assert a.end <= b.start
        assert q.start == q.spans[0].start and q.end == q.spans[-1].end


@settings(max_examples=200, deadline=None)
@given(texts, texts)
def test_paragraphs_are_independent(before: str, after: str) -> None:
    """What follows a blank line is read the same whatever unbalanced text precedes it."""
    before = before.replace("\n", " ")
    after = after.replace("\n", " ")
    if not after.strip():
        return
    try:
        alone = [[(s.start, s.end) for s in q.spans] for q in extract(after)]
    except InputError:
        return
    shift = len(before) + 2
    text = before + "\n\n" + after
    try:
        quotes = extract(text)
    except InputError:
        return
    with_before = [[(s.start - shift, s.end - shift) for s in q.spans] for q in quotes if q.start >= shift]
    if after.lstrip()[:1] not in "\"“„«‹‚'‘":  # a paragraph opening with a mark may continue a quote
        assert with_before == alone
