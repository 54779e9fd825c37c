"""The store gives the answers the in-memory engine gives, however it was filled."""

from __future__ import annotations

import json
import re
import random
from pathlib import Path

import attrs
import pytest

from quotetrace import Article, Corpus, StoreError, check, trace

from .conftest import make_articles


def _json(tr) -> str:  # noqa: ANN001
    return json.dumps(tr.to_dict(), ensure_ascii=False, indent=1)


def test_ten_batches_in_any_order_trace_like_memory(tmp_path: Path, articles: list[Article]) -> None:
    """A store filled in ten batches, in a shuffled order, traces byte for byte like memory."""
    expected = _json(trace(articles, jobs=1))
    order = list(articles)
    random.Random(1).shuffle(order)
    with Corpus(tmp_path / "news.db") as corpus:
        for k in range(10):
            corpus.add(order[k::10], jobs=1)
            if k in (3, 4):  # a trace kept in the store between batches is not read after them
                so_far = [a for j in range(k + 1) for a in order[j::10]]
                assert _json(corpus.trace()) == _json(trace(so_far, jobs=1))
        assert len(corpus) == len(articles)
        got = _json(corpus.trace())
    assert got == expected
    assert '"relation": "altered"' in got and '"relation": "verbatim"' in got


def test_a_kept_trace_is_read_back_until_the_store_changes(tmp_path: Path, articles: list[Article],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """trace() keeps its result in the store; the next trace reads it without tracing; an add
    makes it stale, and the trace after it is the in-memory trace of all the articles, where an
    earlier-dated copy became its family's original."""
    import quotetrace.store.corpus as store_corpus

    late = [attrs.evolve(a, date="2024-04-01") for a in articles[:20]]
    early = attrs.evolve(articles[20], id="zz-early", date="2024-02-01")
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(late, jobs=1)
        first = _json(corpus.trace())
        assert first == _json(trace(late, jobs=1))
        real = store_corpus.bounded.traced

        def refuse(*args, **kwargs):  # noqa: ANN002, ANN003
            raise AssertionError("traced again")
        monkeypatch.setattr(store_corpus.bounded, "traced", refuse)
        assert _json(corpus.trace()) == first
        assert [f.id for f in corpus.families(article="art000")]
        corpus.add([early], jobs=1)
        with pytest.raises(AssertionError, match="traced again"):
            corpus.trace()
        monkeypatch.setattr(store_corpus.bounded, "traced", real)
        again = corpus.trace()
    assert _json(again) == _json(trace([*late, early], jobs=1))
    assert any(f.original.article == "zz-early" and len(f.occurrences) > 1 for f in again.families)


def test_families_of_a_read_only_store_are_those_of_a_kept_trace(tmp_path: Path, articles: list[Article]) -> None:
    """families() filters the same families whether the trace is kept (queried in SQLite) or
    the store is read-only (traced and filtered in Python)."""
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add(articles, jobs=1)
    with Corpus(path, readonly=True) as corpus:
        unkept = [(corpus.families(speaker=s, relation=r, article=a)) for s, r, a in _FILTERS]
    with Corpus(path) as corpus:
        kept = [(corpus.families(speaker=s, relation=r, article=a)) for s, r, a in _FILTERS]
    assert kept == unkept and all(kept[:4])


_FILTERS = [(None, None, None), ("Jane Doe", None, None), (None, "altered", None), (None, None, "art003"),
            ("Omar Bell", "verbatim", "art001"), ("Nobody Known", None, None)]


def test_replacing_an_article_keeps_the_speaker_counts(tmp_path: Path) -> None:
    """The names a check builds identities from are counted over the store: replacing an
    article takes its names out and puts the new ones in."""
    import sqlite3

    a = Article("a", "“The bridge opens in May,” Mayor Jane Doe said. “It will,” Doe added.")
    b = Article("b", "“The clinic closes,” Judge Rita Vale said.")
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add([a, b], jobs=1)
        corpus.add([attrs.evolve(a, text="“The bridge opens in June,” Councillor Omar Bell said.")], replace=True, jobs=1)
    conn = sqlite3.connect(tmp_path / "news.db")
    names = conn.execute("SELECT name, type, count FROM names ORDER BY name").fetchall()
    summed = conn.execute("SELECT name, type, sum(count) FROM speakers GROUP BY name, type ORDER BY name").fetchall()
    conn.close()
    assert names == summed
    assert [n.split()[-1] for n, _, _ in names] == ["Bell", "Vale"]  # no Doe left


def test_memory_trace_does_not_depend_on_input_order(articles: list[Article]) -> None:
    """The in-memory trace of the same articles in reverse order is the same."""
    assert _json(trace(articles[::-1], jobs=1)) == _json(trace(articles, jobs=1))


def _items(result) -> list[dict]:  # noqa: ANN001
    # family ids number the families of the traced set, which a store check keeps small
    return [{k: v for k, v in q.items() if k != "family"} for q in result.to_dict()["quotes"]]


def test_check_against_store_is_the_check_in_memory(tmp_path: Path, articles: list[Article]) -> None:
    """Checking an article against a store says what checking it against the articles says."""
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(articles, jobs=1)
        for new in make_articles(6, seed=99):
            new = attrs.evolve(new, id=f"new-{new.id}")
            stored = corpus.check(new)
            assert stored.items, "the invented statements are quoted in the store"
            assert _items(stored) == _items(check(new, articles, jobs=1))
            assert stored.others == len(articles)


def test_a_corpus_that_kept_extracted_articles_checks_as_one_that_added_them(tmp_path: Path,
                                                                             articles: list[Article]) -> None:
    """Articles kept with their units (as from Spark's tables) and then checked on the same open
    Corpus: the check sees them, as after add (the Corpus forgets what earlier checks kept)."""
    from quotetrace.tracing.engine import read_units

    new = attrs.evolve(make_articles(1, seed=99)[0], id="new")
    with Corpus(tmp_path / "kept.db") as kept, Corpus(tmp_path / "added.db") as added:
        kept.check(new)  # an empty store: the Corpus keeps its counts
        added.check(new)
        got = kept.add_extracted([(a, read_units(a, "rules", k)) for k, a in enumerate(articles)], batch=7)
        added.add(articles, jobs=1, batch=7)
        assert got.added == tuple(a.id for a in articles)
        assert _items(kept.check(new)) == _items(added.check(new)) == _items(check(new, articles, jobs=1))


def test_add_skips_what_it_holds_and_keeps_a_changed_text(tmp_path: Path) -> None:
    """Same id and text: skipped. Same id, other text: a message, the store unchanged, unless replace."""
    a = Article("a", "“The bridge opens in May,” Jane Doe said.", date="2024-05-01")
    changed = attrs.evolve(a, text="“The bridge opens in June,” Jane Doe said.")
    with Corpus(tmp_path / "news.db") as corpus:
        assert corpus.add([a], jobs=1).added == ("a",)
        again = corpus.add([a, changed], jobs=1)
        assert again.skipped == ("a",) and "another text" in again.errors[0] and "--replace" in again.errors[0]
        assert [e.article.text for e in corpus.articles()] == [a.text]
        assert corpus.add([changed], replace=True, jobs=1).replaced == ("a",)
        assert [q.text for e in corpus.articles() for q in e.quotes] == ["The bridge opens in June,"]
        assert _json(corpus.trace()) == _json(trace([changed], jobs=1))


def test_unreadable_and_failed_articles_are_reported_and_the_rest_added(tmp_path: Path) -> None:
    """A missing file and an empty article get a message each; the good article is added."""
    good = Article("good", "“Yes,” she said.")
    with Corpus(tmp_path / "news.db") as corpus:
        done = corpus.add([tmp_path / "missing.txt", Article("empty", "   "), good], jobs=1)
        assert done.added == ("good",)
        assert len(done.errors) == 2 and "no such file" in done.errors[0] and "empty" in done.errors[1]


def test_families_filter_by_speaker_relation_and_article(tmp_path: Path, articles: list[Article]) -> None:
    """families() keeps those with the speaker, the relation or the article asked for."""
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(articles, jobs=1)
        every = corpus.trace().families
        altered = corpus.families(relation="altered")
        assert altered and len(altered) < len(every)
        assert all(any(o.relation == "altered" for o in f.occurrences) for f in altered)
        mine = corpus.families(article="art000")
        assert mine and all(any(o.article == "art000" for o in f.occurrences) for f in mine)
        doe = corpus.families(speaker="Jane Doe")
        assert doe and all(f.speaker == "Jane Doe" or any(o.speaker == "Jane Doe" for o in f.occurrences)
                           for f in doe)


@pytest.mark.parametrize("content, message", [
    (b"", "not a quotetrace store (an empty file)"),
    (b"just some notes\n" * 100, "not a quotetrace store"),
])
def test_a_file_that_is_not_a_store_is_refused_and_left_as_it_is(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match=re.escape(message)):
        Corpus(path).add([Article("a", "“Yes,” she said.")], jobs=1)
    assert path.read_bytes() == content


def test_another_programs_database_and_another_version_are_refused(tmp_path: Path) -> None:
    """A SQLite file of another program, and a store of another schema version, are not touched."""
    import sqlite3

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        Corpus(other)
    assert other.read_bytes() == before

    old = tmp_path / "old.db"
    Corpus(old).close()
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = old.read_bytes()
    with pytest.raises(StoreError, match="schema version 99"):
        Corpus(old)
    assert old.read_bytes() == before


def test_a_corrupt_store_gets_a_clear_error(tmp_path: Path) -> None:
    """A store whose pages were overwritten gives a StoreError, not a traceback from SQLite."""
    path = tmp_path / "news.db"
    with Corpus(path) as corpus:
        corpus.add([Article(f"a{k}", f"“Statement number {k} stands,” Jane Doe said.") for k in range(20)], jobs=1)
    data = bytearray(path.read_bytes())
    data[4096:] = b"\xff" * (len(data) - 4096)  # every page but the first
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError):
        with Corpus(path, readonly=True) as corpus:
            corpus.trace()


def test_a_read_only_store_can_be_traced_and_checked_against(tmp_path: Path) -> None:
    """readonly=True: trace and check work, add refuses, the file stays the same."""
    path = tmp_path / "news.db"
    a = Article("a", "“We will build the bridge by spring,” Mayor Jane Doe said.", date="2024-05-01")
    with Corpus(path) as corpus:
        corpus.add([a], jobs=1)
    before = path.read_bytes()
    path.chmod(0o444)
    with Corpus(path, readonly=True) as corpus:
        assert [f.original.article for f in corpus.trace().families] == ["a"]
        new = Article("new", "Mayor Jane Doe said: “We might build the bridge by spring.”")
        assert [c.occurrence.relation for c in corpus.check(new).items] == ["altered"]
        with pytest.raises(StoreError, match="read-only"):
            corpus.add([new], jobs=1)
    assert path.read_bytes() == before


def test_a_missing_store_is_not_created_for_reading(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such store"):
        Corpus(tmp_path / "typo.db", readonly=True)
    assert not (tmp_path / "typo.db").exists()


def test_a_check_reads_a_few_articles_however_many_copy_the_quote(tmp_path: Path) -> None:
    """Eighty articles copy one quote: a check of a ninth copy traces it with a few of them,
    and finds the earliest as its original, as the check in memory does."""
    copies = [Article(f"copy{k:02d}", f"Report {k} from the valley.\n\n“The new dam will hold back the spring floods "
                      f"for a decade,” Engineer Lena Varga said on day {k}.\n", date=f"2024-05-{k % 28 + 1:02d}")
              for k in range(80)]
    new = Article("new", "“The new dam will hold back the spring floods for a decade,” Lena Varga said.\n")
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(copies, jobs=1)
        result = corpus.check(new)
    assert len(result.trace.articles) <= 16 and result.others == 80
    assert _items(result) == _items(check(new, copies, jobs=1))
    assert result.items[0].family.original.article == "copy00"  # the first of those dated 2024-05-01


def test_a_check_finds_the_short_quote_a_copy_expands(tmp_path: Path) -> None:
    """A checked article whose short quote takes in the narrator's word before a stored
    article's one-word quote is checked against that article, as in memory: an expansion."""
    stored = [Article("a", "Mayor Jane Doe called the harbour board’s members “cowards” on Tuesday.",
                      date="2024-03-01")]
    new = Article("b", "In an interview, Mayor Jane Doe called them “members cowards” again.", date="2024-03-02")
    with Corpus(tmp_path / "news.db") as corpus:
        corpus.add(stored, jobs=1)
        got = _items(corpus.check(new))
    assert got == _items(check(new, stored, jobs=1))
    assert [q["relation"] for q in got] == ["expanded"]
