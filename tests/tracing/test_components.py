"""Keys capped by corpus-wide document frequency, and the corpus traced by components: articles
that share no live key are traced apart, with the result of tracing them together."""

from __future__ import annotations

from quotetrace import Article
from quotetrace.tracing.engine import _Tracer, read_units, speaker_names, trace_components
from quotetrace.tracing.keys import (CAPS, Linker, article_keys, components, is_dead, links, shingle_key,
                                     spoken_keys, unspoken_keys)
from quotetrace.tracing.speakers import Identities

ARTICLES = [
    Article("a1", "“We will build the bridge over the river by spring,” Mayor Jane Doe said on Monday.",
            date="2024-05-01"),
    Article("a2", "Doe said “we will build the bridge over the river by spring” at the meeting.",
            date="2024-05-02"),
    Article("a3", "Mayor Jane Doe said the city would build the bridge over the river by spring, "
                  "and critics doubted it.", date="2024-05-03"),
    Article("b1", "“The new stadium opens in August with every seat sold,” coach Pat Rivera told fans.",
            date="2024-06-01"),
    Article("b2", "Rivera said: “The new stadium opens in September with every seat sold.”",
            date="2024-06-02"),
    Article("c1", "“Our harvest doubled after the rains,” farmer Lee Okafor said.", date="2024-07-01"),
]


def traced_both_ways(articles: list[Article]) -> tuple[dict, dict, list[list[int]]]:
    articles = sorted(articles, key=lambda a: a.id)
    got = [read_units(a, "rules", k) for k, a in enumerate(articles)]
    ids = Identities(speaker_names(got))
    parts, dead = components([list(article_keys(u, ids.of)) for u in got])
    whole = _Tracer(articles, got, None, ids=ids, dead=dead).run([])
    split = trace_components(articles, got, [])
    return whole.to_dict(), split.to_dict(), parts


def test_components_split_topics() -> None:
    """Articles on three unrelated statements fall into three components."""
    _, _, parts = traced_both_ways(ARTICLES)
    assert parts == [[0, 1, 2], [3, 4], [5]]


def test_traced_apart_equals_traced_together() -> None:
    """Tracing component by component gives the families, labels, ids and derivations of tracing
    all articles at once."""
    whole, split, _ = traced_both_ways(ARTICLES)
    assert split == whole
    relations = [[(o["article"], o["relation"]) for o in f["occurrences"]] for f in split["families"]]
    assert relations == [[("a1", "original"), ("a2", "verbatim"), ("a3", "paraphrase")],
                         [("b1", "original"), ("b2", "altered")], [("c1", "single-source")]]
    assert [f["id"] for f in split["families"]] == [f"f{k + 1}" for k in range(len(split["families"]))]


def test_key_over_its_cap_is_dead_and_links_nothing() -> None:
    """A key held by more different passages than its cap proposes nothing and ties no articles
    together; one at the cap still does."""
    cap = CAPS["s"]
    key = shingle_key("build the bridge")
    assert not is_dead(key, cap) and links(key, cap)
    assert is_dead(key, cap + 1) and not links(key, cap + 1)
    keys = [{(key, f"wording {k}"), (f"s\x1fown {k}", f"wording {k}")} for k in range(cap + 1)]
    parts, dead = components(keys)
    assert dead == {key} and len(parts) == cap + 1
    parts, dead = components(keys[:cap])
    assert not dead and parts == [list(range(cap))]


def test_verbatim_copies_count_once() -> None:
    """A quote copied word for word by more articles than the cap still links them: its keys
    count wordings, not articles."""
    key = shingle_key("build the bridge")
    keys = [{(key, "one wording")} for _ in range(CAPS["s"] + 5)]
    parts, dead = components(keys)
    assert not dead and parts == [list(range(CAPS["s"] + 5))]


def test_uncounted_pair_links_nothing() -> None:
    """A content pair that only passages hold (no reported speech or narrator text) ties nothing:
    paraphrases are looked for in reported speech and narrator text alone."""
    pair = "q\x1fbridge spring"
    assert components([{(pair, None)}, {(pair, None)}])[0] == [[0], [1]]
    assert components([{(pair, None)}, {(pair, "")}])[0] == [[0, 1]]


def test_keys_counted_in_two_passes_give_the_same_components() -> None:
    """A trace counts each article's keys but the speakers' as the article comes in, and the
    speakers' once the identities are known: the same keys, components and dead keys as
    counting every article's keys at once. An article that failed counts as one with no keys."""
    articles = sorted([*ARTICLES, Article("d1", "“Build the bridge over the river,” Doe said.")], key=lambda a: a.id)
    got = [read_units(a, "rules", k) for k, a in enumerate(articles)]
    ids = Identities(speaker_names(got))
    for u in got:
        assert unspoken_keys(u) | spoken_keys(u, ids.of) == article_keys(u, ids.of)
        assert any(key.startswith("p") for key, _ in spoken_keys(u, ids.of)) == bool(u.passages)
    linker = Linker()
    for a, u in enumerate(got):
        linker.add(a, unspoken_keys(u))
    linker.add(len(got), ())  # an article that could not be read
    for a, u in enumerate(got):
        linker.add(a, spoken_keys(u, ids.of))
    parts, dead = linker.components()
    assert (parts, dead) == components([*(article_keys(u, ids.of) for u in got), set()])
    assert parts == [[0, 1, 2, 6], [3, 4], [5], [7]]  # d1 holds words of the mayor's quote
