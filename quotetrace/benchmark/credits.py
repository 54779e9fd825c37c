"""Edits of who is credited: a quote handed to someone else, reported speech promoted to a quote."""

from __future__ import annotations

import random

from quotetrace.model import Quote
from .knobs import CLOSE_MARKS, RENAME
from .words import surname, word_at
from .names import full_name
from .bases import Base, followed_by_dependent, Reported
from .edits import Edit, Splice

FALLBACK_PERSONS = ("Dana Whitfield", "Marcus Hale", "Priya Ramanathan", "Owen Castellano",
                    "Greta Lindqvist", "Samuel Okafor", "Lena Moravec", "Victor Almeida")
FALLBACK_ORGS = ("Halvorsen Institute", "Civic Futures Fund", "Bellmont Policy Group",
                 "Aldridge Foundation")


def edit_misattributed(base: Base, qi: int, rng: random.Random, pools: dict[str, list[str]]) -> Edit | None:
    """Replace the speaker's name in the mention with another full name of a different surname."""
    spk = base.quotes[qi].speaker
    mention = spk.mention
    last = surname(spk.name)
    at = mention.find(spk.name)
    old = spk.name
    if at < 0:
        hits = word_at(mention, last)
        if not hits:
            return None
        at, old = hits[-1], last
    s, e = spk.start + at, spk.start + at + len(old)
    if any(s <= a < e for a in base.anchors):
        return None  # a later "he said" leans on this very name
    if followed_by_dependent(base, e, spk.name, same=True):
        return None  # the resolver would give a following "he said" to the new speaker too
    sharing = [i for i, o in enumerate(base.quotes)
               if o.speaker and (o.speaker.start, o.speaker.end) == (spk.start, spk.end)]
    if any(r.quote in sharing for r in base.reported):
        return None  # a sibling may promote reported speech credited to this mention
    given = _other_speaker(base, spk.name, spk.type, rng, pools)
    affected = [p for p in base.passages if p.quote in sharing]
    if not given or not any(p.scored for p in affected):
        return None
    what = f"gave the quote to {given} (was {spk.name})"
    relabel = {p.key: {"relation": "misattributed", "given_to": given, "edit": what}
               for p in affected}
    return Edit("misattributed", base.para_of(s), [Splice(s, e, given)], {p.key for p in affected},
                set(sharing), [], relabel=relabel, region=(s, e))


def _other_speaker(base: Base, name: str, stype: str, rng: random.Random,
                   pools: dict[str, list[str]]) -> str | None:
    pool = pools.get(stype, [])
    last = (surname(name) or "").lower()

    def fits(other: str) -> bool:
        o_last = surname(other)
        return bool(o_last) and o_last.lower() != last and o_last not in base.words \
            and other not in base.text
    for _ in range(12):
        if not pool:
            break
        other = rng.choice(pool)
        if fits(other):
            return other
    fallback = [n for n in (FALLBACK_PERSONS if stype == "person" else FALLBACK_ORGS) if fits(n)]
    return rng.choice(fallback) if fallback else None


def edit_promoted(base: Base, r: Reported, rng: random.Random) -> Edit | None:
    """``Smith said that the plan failed.`` → ``“The plan failed,” Smith said.``"""
    text = base.text
    s, e = r.sentence
    if any(c in text[s:e] for c in "“”\""):
        return None
    if any(s < o.end and o.start < e for i, o in enumerate(base.quotes) if i != r.quote):
        return None
    if text[base.paras[r.para][0]:s].rstrip().rstrip(".,!?").endswith(tuple(CLOSE_MARKS + "’")):
        return None  # right after a quotation, the new one would read as its second part
    if followed_by_dependent(base, s, r.speaker, same=False):
        return None  # a new direct quote may lend someone else's "he said" its speaker
    last = surname(r.speaker)
    own = set(word_at(text, last, s, e)) if last else set()
    if any(s <= a < e and a not in own for a in base.anchors):
        return None  # the sentence names someone a later "he said" leans on
    words = text[r.start:r.end]
    words = words[0].upper() + words[1:]
    o, c = ("“", "”") if base.style == "curly" else ('"', '"')
    new = f"{o}{words},{c} {_credit(base.quotes[r.quote])} said."
    tag = f"{r.key}:promoted"
    occ = {"tag": tag, "relation": "unsupported", "family": r.key, "source": r.key,
           "speaker": r.speaker, "given_to": None, "edit": "promoted reported speech into a quote"}
    return Edit("promoted", r.para, [Splice(s, e, new, {tag: (1, 2 + len(words))})], set(), {r.quote},
                [occ], reported=r.key, region=(s, e))


def _credit(q: Quote) -> str:
    """How a new attribution names the speaker: by the resolved name, never the mention, which
    may be ``he`` or run on (``Ryan, a policy-focused conservative``)."""
    spk = q.speaker
    return spk.name


def renames(base: Base, paras: set[int], taken: list[tuple[int, int]], rng: random.Random) -> list[Splice]:
    """Speakers a derived article names by surname alone where the base gives the full name, in
    paragraphs ``paras``, away from the ``taken`` regions of its edits and from every tracked span:
    the quote keeps its speaker, only the way it is named changes."""
    out, seen = [], set()
    for q in base.quotes:
        spk = q.speaker
        if spk is None or spk.type != "person" or not full_name(spk.name) or (spk.start, spk.end) in seen:
            continue
        seen.add((spk.start, spk.end))
        at = spk.mention.find(spk.name)
        para = base.para_of(spk.start)
        if at < 0 or para not in paras or rng.random() >= RENAME:
            continue
        s, e = spk.start + at, spk.start + at + len(spk.name)
        own, risky = base.tracked(para)
        if any(a < e and s < b for a, b in [*taken, *own.values(), *risky.values()]):
            continue
        out.append(Splice(s, e, surname(spk.name)))
    return out
