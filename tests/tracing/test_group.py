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
    groups = group_passages(stream(), ids.of, ids.differ)
    gc.collect()
    assert [(g.original, g.members, g.quoted) for g in groups] == [("ref1", ["ref1", "ref2"], True),
                                                                  ("ref3", ["ref3"], True)]
    assert list(groups[0].alignments) == ["ref2"]
    # the originals are held (each family's yardstick), the copy that joined is not
    assert refs[0]() is groups[0].piece and refs[2]() is groups[1].piece
    assert refs[1]() is None
