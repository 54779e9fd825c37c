"""Tracing in parts: the steps an engine runs apart, each on the rows of one component, one
family, one sketch value or one pair of articles, deciding with the in-memory engine's own code
(:func:`.engine.stages`, :func:`.derive.leader_links`, :func:`.derive.candidates`), so that the
trace is that engine's, byte for byte. Rows in, rows out: the engine does the joins between
them (the Spark job with Spark's, :mod:`..spark.stages`; a store's first trace with SQLite's,
:mod:`..store.bounded`).

What each step holds:

- **groups** (:func:`component_groups`): the families under construction (their originals'
  words, speakers and places; of a passage that joined one, its reference and alignment), the
  passages streaming through in order; past ``spill_at`` families they move to a temporary file
  (:mod:`.building`). Grouping takes passages one by one in date order, each looking up the
  families founded before it, so it cannot be split below a component;
- **sentences** (:func:`value_links`): the word 4-grams of the narrator sentences that hold one
  live sketch value;
- **family** (:func:`family_row`): the family's passages, the reported speech and narrator
  sentences that share a live content pair with its original, and their articles;
- **derivations** (:func:`pair_derivations`): a few counts. The pairs that share one narrator
  sentence alone are then settled against the others (:func:`.derive.settled`), a join the engine
  does.

Articles are named by their ids here; a passage is referred to as (article id, its number among
its article's passages).
"""

from __future__ import annotations

import pickle
from collections.abc import Container, Iterable, Iterator
from typing import Any

from ..dates import date_key
from ..model import Article, Derivation
from .derive import candidates, leader_links
from .engine import family_speaker, stages
from .group import Group, group_passages
from .keys import content_pairs, pair_key
from .speakers import Identities
from .units import Piece, Units


def column_text(value: Any) -> str | None:
    """A string column's value: a dataframe may give a missing one as NaN, not None."""
    return value if isinstance(value, str) else None


def rank_of(date: Any, article: str) -> tuple:
    """Where an article stands in time, as the in-memory engine ranks it: by date (undated last),
    then in canonical order (by id)."""
    return (*date_key(column_text(date)), article)


def when_text(date: Any) -> str:
    """An article's date as a string that sorts as :func:`..dates.date_key`: undated last, then
    the instant (fixed width)."""
    undated, when = date_key(column_text(date))
    return f"{int(undated)}{when.year:04d}{when.strftime('-%m-%dT%H:%M:%S.%f')}"


def rank_text(date: Any, article: str) -> str:
    """:func:`rank_of` as a string that sorts the same way: the date as :func:`when_text`, then the
    id after a separator below any of its characters."""
    return f"{when_text(date)}\x00{article}"


def passage_rows(article: str, date: Any, u: Units) -> list[tuple]:
    """Each passage in marks of an article, one a row: (article, number, when, words, unquoted,
    start, the passage pickled). Sorted by (when, words descending, unquoted, article, start) they
    come in the order the in-memory engine groups them (:meth:`.engine._Tracer._passage_key`)."""
    when = when_text(date)
    return [(article, k, when, len(p.words), p.quote is None, p.start, pickle.dumps(p))
            for k, p in enumerate(u.passages)]


def component_groups(ids: Identities, passages: Iterable[tuple[tuple[str, int], Piece]],
                     dead: Container[str], spill_at: int | None,
                     spill_to: str | None = None) -> Iterator[tuple]:
    """The groups (families to be) of passages given in grouping order as ((article, number),
    passage), each as :func:`group_row` gives it. A passage's ``article`` is renumbered by the order
    articles are first met (an article's passages know one another by it). ``dead`` need only
    answer for the keys of the passages met so far. Past ``spill_at`` families, they are kept in a
    temporary file in ``spill_to`` (:mod:`.building`)."""
    number: dict[str, int] = {}

    def numbered() -> Iterator[tuple[tuple[str, int], Piece]]:
        for (a, k), p in passages:
            if a not in number:
                number[a] = len(number)
            p.article = number[a]
            yield (a, int(k)), p
    for g in group_passages(numbered(), ids.of, ids.differ, dead, spill_at=spill_at, spill_to=spill_to):
        if not g.kept:
            continue
        g.speaker, g.named = family_speaker(g, ids.of)
        yield group_row(g, dead)


def group_row(g: Group, dead: Container[str]) -> tuple:
    """A group as a row: (family key, original's article, the group pickled (member references,
    alignments, speaker, named), its articles, each article's passage numbers, the live and the
    dead content pairs of its original)."""
    members: dict[str, list[int]] = {}
    for a, k in g.members:
        members.setdefault(a, []).append(k)
    orig, k = g.original
    grp = pickle.dumps((list(g.members), dict(g.alignments), g.speaker, g.named))
    pairs = {pair_key(pair) for pair in content_pairs(g.piece.words.stems)}
    arts = sorted(members)
    return (f"{orig}\x1f{k}", orig, grp, arts, [sorted(members[a]) for a in arts],
            sorted(x for x in pairs if x not in dead), sorted(x for x in pairs if x in dead))


def value_links(members: Iterable[tuple[str, Any, int, set[str]]]) -> list[tuple]:
    """The links one live sketch value makes, from every (article, date, sentence number, word
    4-grams) that holds it: (leader's article, article, sentence, the leader's rank text), the
    holders taken in the in-memory engine's order (by article rank, then sentence)."""
    held = sorted(members, key=lambda m: (rank_of(m[1], m[0]), m[2]))
    grams = {(a, k): g for a, _, k, g in held}
    dates = {a: d for a, d, _, _ in held}
    return [(la, a, k, rank_text(dates[la], la))
            for la, a, k in leader_links([(a, k) for a, _, k, _ in held], lambda a, k: grams[(a, k)])]


def involvement(u: Units, credits: list, ks: list[int], pks: list[int], related: bool) -> tuple:
    """What an article brings to a family: the numbers ``ks`` of its passages in the family, those
    passages, its reported speech and narrator pieces numbered ``pks`` (in reported-then-narrator
    order), the credits of the quotes they belong to (``credits``: its quotes as
    :func:`.units.lean` keeps them) and whether it is related to the original's article."""
    pieces = u.reported + u.narrator
    mine = [u.passages[k] for k in ks] + [pieces[k] for k in pks]
    quoted = {p.quote for p in mine}
    return ks, mine[:len(ks)], mine[len(ks):], [q for q in credits if q.id in quoted], related


def family_row(ids: Identities, fid: str, orig: str, grp: bytes, dead: Iterable[str] | None,
               items: Iterable[tuple[Article, list[int], list, list, list, bool]]) -> tuple:
    """One family found and labelled from what every article involved brings to it ((article,
    *:func:`involvement`)): (family key, original's article, original's start, the family
    pickled, the articles of its other occurrences, the speakers it names, and each named speaker
    with the year of its article)."""
    items = sorted(items, key=lambda it: it[0].id)
    at: dict[tuple[str, int], int] = {}
    for n, (art, ks, passages, pieces, *_) in enumerate(items):
        at.update(((art.id, k), len(at)) for k in ks)
        for p in passages + pieces:  # unpickled for this family alone: numbered in place
            p.article = n
    tracer = stages([it[0] for it in items], [Units(it[4], it[2], it[3], [], []) for it in items],
                    ids, frozenset(dead or ()))
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


def pair_derivations(lo: str, hi: str, date_lo: Any, date_hi: Any, quotes: tuple[int, int],
                     sentences: tuple[int, int], statements: tuple[int, int]) -> list[tuple[Derivation, bool]]:
    """The derivation of a pair of articles (``lo`` < ``hi``), if any, as (derivation, lone) by
    :func:`.derive.candidates` on the two alone (it decides pair by pair): the quotes and
    sentences each direction shares (lo to hi, hi to lo) and both articles' statement counts.
    The lone ones are then settled across pairs (:func:`.derive.settled`)."""
    first = rank_of(date_lo, lo) < rank_of(date_hi, hi)
    q = {d: int(n) for d, n in (((0, 1), quotes[0]), ((1, 0), quotes[1])) if n}
    s = {d: int(n) for d, n in (((0, 1), sentences[0]), ((1, 0), sentences[1])) if n}
    return candidates(q, s, [int(statements[0]), int(statements[1])], [lo, hi], [0, 1] if first else [1, 0])
