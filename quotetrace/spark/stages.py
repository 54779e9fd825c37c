"""The Python side of the Spark job's tracing stages (:mod:`.job` wires them with joins): each
function runs in a task on the rows of one component, one family, one sketch value or one pair
of articles, and decides with the local engine's own code (:func:`..tracing.engine.stages`,
:func:`..tracing.derive.leader_links`, :func:`..tracing.derive.derivations`), so the trace is
the local engine's, byte for byte.

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
from collections.abc import Callable, Container, Iterator
from typing import Any

from ..dates import date_key
from ..tracing.derive import derivations, leader_links, sentence_grams
from ..tracing.engine import family_speaker, stages, statement_count
from ..tracing.group import Group, group_passages
from ..tracing.keys import content_pairs, pair_key, sketch_key
from ..tracing.knobs import SPILL_FAMILIES
from ..tracing.units import Piece, Units, lean

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
DERIVED = "article string, score double, source string, derivation binary"
STATS = "id string, date string, statements long"


def _frame(rows: list[tuple], schema: str) -> Any:
    import pandas as pd
    return pd.DataFrame(rows, columns=[c.split()[0] for c in schema.split(", ")])


def _listed(values: Any) -> list:
    """An array column's value as a list (Arrow gives None for a null array)."""
    return [] if values is None else list(values)


def _text(value: Any) -> str | None:
    """A string column's value: pandas may give a missing one as NaN, not None."""
    return value if isinstance(value, str) else None


def _rank(date: Any, article: str) -> tuple:
    """Where an article stands in time, as the local engine ranks it: by date (undated last),
    then in canonical order (by id)."""
    return (*date_key(_text(date)), article)


def rank_text(date: Any, article: str) -> str:
    """:func:`_rank` as a string that sorts the same way in Spark: undated last, then the
    instant (fixed width), then the id after a separator below any of its characters."""
    return f"{_when_text(date)}\x00{article}"


def _when_text(date: Any) -> str:
    """An article's date as a string that sorts as :func:`..dates.date_key`: undated last, then
    the instant (fixed width)."""
    undated, when = date_key(_text(date))
    return f"{int(undated)}{when.year:04d}{when.strftime('-%m-%dT%H:%M:%S.%f')}"


def passage_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: each article's passages in marks (grouping reads their words, speaker and
    place, and the narrator words beside them: a short quote joins the copy that takes them in),
    one a row, with the columns that sort them."""
    for pdf in batches:
        rows = []
        for a, date, blob in zip(pdf["id"], pdf["date"], pdf["units"]):
            if blob is None:
                continue
            when = _when_text(date)
            rows += [(a, k, when, len(p.words), p.quote is None, p.start, pickle.dumps(p))
                     for k, p in enumerate(pickle.loads(blob).passages)]
        yield _frame(rows, PASSAGES)


def stat_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: each article's date and statement count (what derivations divide by)."""
    for pdf in batches:
        yield _frame([(a, date, statement_count(pickle.loads(blob)) if blob is not None else 0)
                      for a, date, blob in zip(pdf["id"], pdf["date"], pdf["units"])], STATS)


def group_batches(ids: Any, spill_at: int = SPILL_FAMILIES) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInPandas over the passages sorted by component, then as the local engine takes them:
    each component's groups (families to be), one row each, with the members as (article id,
    passage number) references and the original's live and dead content pairs. The passages
    stream through :func:`..tracing.group.group_passages` a batch at a time; a component's task
    holds its families in memory up to ``spill_at`` of them, then in a temporary file
    (:mod:`..tracing.building`), so a component of any size is grouped in bounded memory."""
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        def rows() -> Iterator[tuple]:
            for pdf in batches:
                yield from zip(pdf["comp"], pdf["id"], pdf["k"], pdf["passage"], pdf["dead"])
        for _, items in itertools.groupby(rows(), key=lambda r: r[0]):
            yield from _component_groups(ids.value, items, spill_at)
    return run


def _component_groups(ids: Any, items: Iterator[tuple], spill_at: int) -> Iterator[Any]:
    dead: set[str] = set()
    number: dict[str, int] = {}  # an article's passages know one another by a number

    def passages() -> Iterator[tuple[tuple[str, int], Piece]]:
        for _, a, k, blob, keys in items:
            if a not in number:
                # grouping asks only about the keys of the passage at hand, all among its
                # article's own dead keys: the union so far answers as the component's would
                number[a] = len(number)
                dead.update(_listed(keys))
            p = pickle.loads(blob)
            p.article = number[a]
            yield (a, int(k)), p
    rows = []
    # past spill_at families, the component's go to a file in the worker's temporary folder
    for g in group_passages(passages(), ids.of, ids.differ, dead, spill_at=spill_at):
        if not g.kept:
            continue
        g.speaker, g.named = family_speaker(g, ids.of)
        rows.append(_group_row(g, dead))
        if len(rows) >= 256:
            yield _frame(rows, GROUPS)
            rows = []
    yield _frame(rows, GROUPS)


def _group_row(g: Group, dead: Container[str]) -> tuple:
    members: dict[str, list[int]] = {}
    for a, k in g.members:
        members.setdefault(a, []).append(k)
    orig, k = g.original
    grp = pickle.dumps((list(g.members), dict(g.alignments), g.speaker, g.named))
    pairs = {pair_key(pair) for pair in content_pairs(g.piece.words.stems)}
    arts = sorted(members)
    return (f"{orig}\x1f{k}", orig, grp, arts, [sorted(members[a]) for a in arts],
            sorted(x for x in pairs if x not in dead), sorted(x for x in pairs if x in dead))


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
                    held = pickle.dumps((a, _text(date), k, sentence_grams(u.narrator[k])))
                    rows += [(sketch_key(value), held) for value in sk]
        yield _frame(rows, SKETCHES)


def sentence_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over (key, held): one live sketch value a row with every sentence that holds
    it; the (leader's article, article, sentence) it links, its holders taken in the local
    engine's order (by article rank, then sentence)."""
    for pdf in batches:
        rows: list[tuple] = []
        for held in pdf["held"]:
            members = sorted((pickle.loads(h) for h in held), key=lambda m: (_rank(m[1], m[0]), m[2]))
            grams = {(a, k): g for a, _, k, g in members}
            dates = {a: d for a, d, _, _ in members}
            rows += [(la, a, k, rank_text(dates[la], la))
                     for la, a, k in leader_links([(a, k) for a, _, k, _ in members], lambda a, k: grams[(a, k)])]
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
    article). Gives, per family, the article, those passages and pieces, and the quotes they
    belong to, pickled."""
    for pdf in batches:
        rows: list[tuple] = []
        for a, wants, article, blob in zip(pdf["id"], pdf["wants"], pdf["article"], pdf["units"]):
            art, u = pickle.loads(article), pickle.loads(blob)
            pieces = u.reported + u.narrator
            # each quote's credit as its article names it, read from all its quotes (a pronoun in
            # its speaker's own statement takes that statement's name), as lean() keeps it
            credits = lean(u).quotes
            for want in map(json.loads, wants):
                ks, pks = want.get("ks") or [], want.get("pks") or []
                mine = [u.passages[k] for k in ks] + [pieces[k] for k in pks]
                quoted = {p.quote for p in mine}
                rows.append((want["fid"], a, pickle.dumps((art, ks, mine[:len(ks)], mine[len(ks):],
                                                           [q for q in credits if q.id in quoted],
                                                           bool(want.get("rel"))))))
            if len(rows) >= 1024:  # an article in many families: hand its rows on in pieces
                yield _frame(rows, INVOLVED)
                rows = []
        yield _frame(rows, INVOLVED)


def family_batches(ids: Any) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInPandas over (fid, orig, grp, dead, blobs): one family a row, with what every article
    involved brings to it (:func:`involved_batches`). Gives the family with its paraphrases,
    evidence and labels, by the local engine's ``families()`` over those articles, and the
    articles its occurrences other than the original stand in (the derivations' quote links)."""
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        for pdf in batches:
            rows = [_family_row(ids.value, *r) for r in zip(pdf["fid"], pdf["orig"], pdf["grp"], pdf["dead"],
                                                              pdf["blobs"])]
            yield _frame(rows, FAMILIES)
    return run


def _family_row(ids: Any, fid: str, orig: str, grp: bytes, dead: Any, blobs: Any) -> tuple:
    items = sorted((pickle.loads(b) for b in blobs), key=lambda it: it[0].id)
    at: dict[tuple[str, int], int] = {}
    for art, ks, *_ in items:
        at.update(((art.id, k), len(at)) for k in ks)
    tracer = stages([it[0] for it in items], [Units(it[4], it[2], it[3], [], []) for it in items],
                    ids, frozenset(_listed(dead)))
    refs, aligned, speaker, named = pickle.loads(grp)
    g = Group(at[refs[0]], speaker)
    g.members, g.named = [at[r] for r in refs], named
    g.alignments = {at[r]: al for r, al in aligned.items()}
    passages = [p for u in tracer.got for p in u.passages]
    related = {passages[g.original].article: {k for k, it in enumerate(items) if it[5]}}
    family = tracer.families([g], passages, related)[0]
    links = sorted({x.article for x in family.occurrences[1:]} - {orig})
    names = sorted(({family.speaker} | {o.speaker for o in family.occurrences}) - {None})
    dates = {it[0].id: it[0].date for it in items}
    said = sorted({dates[o.article][:4] + o.speaker for o in family.occurrences if o.speaker and dates.get(o.article)})
    return fid, orig, family.original.start, pickle.dumps(family), links, names, said


def derivation_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over pairs of articles (lo < hi) with the quotes and sentences each direction
    shares, both articles' statement counts and dates: the pair's derivation, if any, by
    :func:`..tracing.derive.derivations` on the two articles alone (it decides pair by pair)."""
    for pdf in batches:
        rows = []
        for r in pdf.itertuples(index=False):
            first = _rank(r.date_lo, r.lo) < _rank(r.date_hi, r.hi)
            quotes = {d: int(n) for d, n in (((0, 1), r.q_lh), ((1, 0), r.q_hl)) if n}
            sentences = {d: int(n) for d, n in (((0, 1), r.s_lh), ((1, 0), r.s_hl)) if n}
            for d in derivations(quotes, sentences, [int(r.st_lo), int(r.st_hi)], [r.lo, r.hi],
                                 [0, 1] if first else [1, 0]):
                rows.append((d.article, d.score, d.source, pickle.dumps(d)))
        yield _frame(rows, DERIVED)
