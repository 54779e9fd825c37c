"""The Python side of the Spark job's tracing stages (:mod:`.job` wires them with joins): each
function runs in a task on the rows of one component, one family, one sketch value or one pair
of articles, as pandas batches around the engine-neutral steps of :mod:`..tracing.parts`, which
decide with the local engine's own code, so the trace is the local engine's, byte for byte.

What each task holds:

- **group** (per component, :func:`group_batches`): the families of the component under
  construction (their originals' words, speakers and places; not the texts, the reported
  speech, the narrator's sentences or the quotes; of a passage that joined one, its reference
  and alignment), the passages streaming through in order; past ``SPILL_FAMILIES`` families
  they move to a temporary file, with a cache of originals, so the task's memory is bounded.
  Grouping takes passages one by one in date order, each looking up the families founded
  before it, so it cannot be split below a component without changing which passage founds a
  family;
- **sentences** (per sketch value, :func:`sentence_batches`): the word 4-grams of the narrator
  sentences that hold one live sketch value (at most ``MAX_SENTENCE_DF`` articles);
- **family** (per family, :func:`family_batches`): the family's passages, the reported speech and
  narrator sentences that share a live content pair with its original (each pair held by at
  most ``MAX_PAIR_DF`` articles), and the texts of the articles those come from;
- **derivations** (per pair of articles, :func:`derivation_batches`): a few counts.
"""

from __future__ import annotations

import itertools
import json
import pickle
from collections.abc import Callable, Iterator
from typing import Any

from ..tracing.derive import sentence_grams
from ..tracing.engine import statement_count
from ..tracing.keys import content_pairs, pair_key, sketch_key
from ..tracing.knobs import SPILL_FAMILIES
from ..tracing.parts import (column_text, component_groups, family_row, involvement, pair_derivations,
                             passage_rows, value_links)
from ..tracing.units import Piece, lean

GROUPS = ("fid string, orig string, grp binary, arts array<string>, ks array<array<long>>, "
          "pairs array<string>, dead array<string>")
#: one passage in marks a row, with the columns that sort it as the local engine takes passages
#: (:meth:`..tracing.engine._Tracer._passage_key`): date, length (longest first), credited first,
#: article, offset
PASSAGES = "id string, k long, rank string, words long, unquoted boolean, start long, passage binary"
SKETCHES = "key string, held binary"
LINKS = "src string, dst string, k long, src_rank string"
PIECE_PAIRS = "key string, id string, pk long"
INVOLVED = "fid string, id string, blob binary"
#: a family with where its original stands (the order of the output), the articles its other
#: occurrences stand in (the derivations' quote links), the speakers it names (the output's
#: speakers) and, for a table of people, each named speaker with the year of its article
FAMILIES = ("fid string, orig string, start long, family binary, links array<string>, names array<string>, "
            "said array<string>")
#: a derivation with the keys of the output's order
DERIVED = "article string, score double, source string, lone boolean, derivation binary"
STATS = "id string, date string, statements long"


def _frame(rows: list[tuple], schema: str) -> Any:
    import pandas as pd
    return pd.DataFrame(rows, columns=[c.split()[0] for c in schema.split(", ")])


def _listed(values: Any) -> list:
    """An array column's value as a list (Arrow gives None for a null array)."""
    return [] if values is None else list(values)


def passage_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: each article's passages in marks (grouping reads their words, speaker and
    place, and the narrator words beside them: a short quote joins the copy that takes them in),
    one a row, with the columns that sort them (:func:`..tracing.parts.passage_rows`)."""
    for pdf in batches:
        rows = []
        for a, date, blob in zip(pdf["id"], pdf["date"], pdf["units"]):
            if blob is not None:
                rows += passage_rows(a, date, pickle.loads(blob))
        yield _frame(rows, PASSAGES)


def stat_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: each article's date and statement count (what derivations divide by)."""
    for pdf in batches:
        yield _frame([(a, date, statement_count(pickle.loads(blob)) if blob is not None else 0)
                      for a, date, blob in zip(pdf["id"], pdf["date"], pdf["units"])], STATS)


def group_batches(ids: Any, spill_at: int = SPILL_FAMILIES) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInPandas over the passages sorted by component, then as the local engine takes them:
    each component's groups (families to be), one row each (:func:`..tracing.parts.component_groups`).
    The passages stream through a batch at a time; a component's task holds its families in
    memory up to ``spill_at`` of them, then in a temporary file, so a component of any size is
    grouped in bounded memory."""
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        def rows() -> Iterator[tuple]:
            for pdf in batches:
                yield from zip(pdf["comp"], pdf["id"], pdf["k"], pdf["passage"], pdf["dead"])
        for _, items in itertools.groupby(rows(), key=lambda r: r[0]):
            yield from _component_groups(ids.value, items, spill_at)
    return run


def _component_groups(ids: Any, items: Iterator[tuple], spill_at: int) -> Iterator[Any]:
    dead: set[str] = set()
    met: set[str] = set()

    def passages() -> Iterator[tuple[tuple[str, int], Piece]]:
        for _, a, k, blob, keys in items:
            if a not in met:
                # grouping asks only about the keys of the passage at hand, all among its
                # article's own dead keys: the union so far answers as the component's would
                met.add(a)
                dead.update(_listed(keys))
            yield (a, int(k)), pickle.loads(blob)
    rows = []
    # past spill_at families, the component's go to a file in the worker's temporary folder
    for row in component_groups(ids, passages(), dead, spill_at):
        rows.append(row)
        if len(rows) >= 256:
            yield _frame(rows, GROUPS)
            rows = []
    yield _frame(rows, GROUPS)


def sketch_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: one row per narrator sentence and sketch value: the value's key, and the
    sentence (its article's id and date, its number, its word 4-grams) pickled."""
    for pdf in batches:
        rows = []
        for a, date, blob in zip(pdf["id"], pdf["date"], pdf["units"]):
            if blob is None:
                continue
            u = pickle.loads(blob)
            for k, sk in enumerate(u.sketches):
                if sk:
                    held = pickle.dumps((a, column_text(date), k, sentence_grams(u.narrator[k])))
                    rows += [(sketch_key(value), held) for value in sk]
        yield _frame(rows, SKETCHES)


def sentence_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over (key, held): one live sketch value a row with every sentence that holds
    it; the links it makes (:func:`..tracing.parts.value_links`)."""
    for pdf in batches:
        rows: list[tuple] = []
        for held in pdf["held"]:
            rows += value_links(pickle.loads(h) for h in held)
        yield _frame(rows, LINKS)


def piece_pair_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: the content pairs of every reported-speech and narrator piece, once per piece
    (``pk`` numbers them as :func:`..tracing.paraphrase.find_paraphrases` does)."""
    for pdf in batches:
        rows = []
        for a, blob in zip(pdf["id"], pdf["units"]):
            if blob is None:
                continue
            u = pickle.loads(blob)
            for pk, piece in enumerate(u.reported + u.narrator):
                rows += [(key, a, pk) for key in {pair_key(pair) for pair in content_pairs(piece.words.stems)}]
        yield _frame(rows, PIECE_PAIRS)


def involved_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over (id, wants, article, units): one article a row with what each family
    involving it wants of it (JSON of fid, its passages ``ks`` in the family, its pieces ``pks``
    that share a content pair with the original, and whether it is related to the original's
    article). Gives, per family, the article and what it brings
    (:func:`..tracing.parts.involvement`), pickled."""
    for pdf in batches:
        rows: list[tuple] = []
        for a, wants, article, blob in zip(pdf["id"], pdf["wants"], pdf["article"], pdf["units"]):
            art, u = pickle.loads(article), pickle.loads(blob)
            # each quote's credit as its article names it, read from all its quotes (a pronoun in
            # its speaker's own statement takes that statement's name), as lean() keeps it
            credits = lean(u).quotes
            for want in map(json.loads, wants):
                brought = involvement(u, credits, want.get("ks") or [], want.get("pks") or [], bool(want.get("rel")))
                rows.append((want["fid"], a, pickle.dumps((art, *brought))))
            if len(rows) >= 1024:  # an article in many families: hand its rows on in pieces
                yield _frame(rows, INVOLVED)
                rows = []
        yield _frame(rows, INVOLVED)


def family_batches(ids: Any) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInPandas over (fid, orig, grp, dead, blobs): one family a row, with what every article
    involved brings to it (:func:`involved_batches`). Gives the family with its paraphrases,
    evidence and labels (:func:`..tracing.parts.family_row`)."""
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        for pdf in batches:
            rows = [family_row(ids.value, fid, orig, grp, _listed(dead), map(pickle.loads, blobs))
                    for fid, orig, grp, dead, blobs in zip(pdf["fid"], pdf["orig"], pdf["grp"], pdf["dead"],
                                                           pdf["blobs"])]
            yield _frame(rows, FAMILIES)
    return run


def derivation_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over pairs of articles (lo < hi) with the quotes and sentences each direction
    shares, both articles' statement counts and dates: the pair's derivation, if any, and whether
    it is lone (:func:`..tracing.parts.pair_derivations`), for the job to settle."""
    for pdf in batches:
        rows = []
        for r in pdf.itertuples(index=False):
            for d, lone in pair_derivations(r.lo, r.hi, r.date_lo, r.date_hi, (r.q_lh, r.q_hl), (r.s_lh, r.s_hl),
                                            (r.st_lo, r.st_hi)):
                rows.append((d.article, d.score, d.source, lone, pickle.dumps(d)))
        yield _frame(rows, DERIVED)
