"""Grouping passages into families reads them one at a time: it keeps each family's original and,
of a passage that joins one, only its reference and alignment, so a component larger than memory
can stream through it (the Spark job's groups task does)."""

from __future__ import annotations

import gc
import weakref

from quotetrace import Article
from quotetrace.tracing.engine import read_units
from quotetrace.tracing.group import group_passages
from quotetrace.tracing.speakers import Identities


def _passages(texts: list[str]) -> list:
    out = []
    for k, text in enumerate(texts):
        u = read_units(Article(f"a{k}", text), "rules", k)
        out += u.passages
    return out


def test_joined_passages_are_not_held() -> None:
    texts = ["“The new ferry will run every hour from the old harbour,” Mayor Jane Doe said.",
             "Jane Doe said: “The new ferry will run every hour from the old harbour.”",
             "“Tolls on the bridge will rise again in the spring,” Tom Roe said."]
    passages = _passages(texts)
    assert len(passages) == 3
    ids = Identities([("Jane Doe", "person"), ("Jane Doe", "person"), ("Tom Roe", "person")])
    refs = [weakref.ref(p) for p in passages]
    taken: list[str] = []

    def stream():  # the passages exist only while grouping reads them
        while passages:
            p = passages.pop(0)
            taken.append(p.speaker)
            yield f"ref{len(taken)}", p
    groups = list(group_passages(stream(), ids.of, ids.differ))
    gc.collect()
    assert [(g.original, g.members, g.quoted) for g in groups] == [("ref1", ["ref1", "ref2"], True),
                                                                  ("ref3", ["ref3"], True)]
    assert list(groups[0].alignments) == ["ref2"]
    # the originals are held (each family's yardstick), the copy that joined is not
    assert refs[0]() is groups[0].piece and refs[2]() is groups[1].piece
    assert refs[1]() is None


def test_spilled_families_group_as_in_memory(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    """Families moved to a temporary file part way (:mod:`quotetrace.tracing.building`), with
    room for three originals at hand, come back as grouping in memory makes them, on a
    generated corpus of copies, cuts, changes and misattributions; the file is gone once they
    are read."""
    from quotetrace.tracing.building import Spilled
    from quotetrace import read_articles
    from quotetrace.benchmark import generate
    from quotetrace.tracing.engine import _Tracer, speaker_names

    from ..conftest import SEEDS

    bases = [a for a in read_articles(SEEDS) if isinstance(a, Article)]
    articles, _ = generate(bases, 60, 3)
    quote = "The harbour toll will double before the summer season starts"
    articles += [Article("z1", f"Posters with the words “{quote}” went up overnight.", date="2024-03-01"),
                 Article("z2", f"“{quote},” Mayor Jane Doe said.", date="2024-03-02"),
                 Article("z3", f"“{quote},” Governor Tom Roe said.", date="2024-03-03")]
    articles.sort(key=lambda a: a.id)
    got = [read_units(a, "rules", k) for k, a in enumerate(articles)]
    tracer = _Tracer(articles, got, None)
    passages = [p for u in got for p in u.passages]
    order = sorted(range(len(passages)), key=lambda i: tracer._passage_key(passages[i]))

    def grouped(**spill) -> list[tuple]:  # noqa: ANN003
        return [(g.original, g.members, {m: al.opcodes for m, al in g.alignments.items()}, g.speaker, g.named,
                 g.quoted, g.credits, g.piece.start)
                for g in group_passages(((i, passages[i]) for i in order), tracer.ids.of, tracer.ids.differ,
                                        tracer.dead_keys, **spill)]
    in_memory = grouped()
    assert len(in_memory) > 40 and sum(len(g[1]) > 1 for g in in_memory) > 10
    assert any(g[6] for g in in_memory)  # some family's original credits no one
    monkeypatch.setattr(Spilled, "CACHE", 3)
    assert grouped(spill_at=5, spill_to=str(tmp_path)) == in_memory
    assert not list(tmp_path.iterdir())
