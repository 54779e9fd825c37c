"""Speakers linked to the user's own knowledge base: a table of people (an id such as a Wikidata
QID, a name, aliases, optionally a description and the years the name applies) read from CSV or
JSONL, and each identity of a trace linked to the one row its names match.

A link is made only when it is unambiguous: every name of the identity that matches the table
matches rows of one id, among the rows whose years (when given) hold a year of the articles that
quote the identity. An identity whose names match two ids links to nothing, and its ``note`` says
which ids it could be. No table ships with quotetrace.
"""

from __future__ import annotations

import csv
import json
import os
import re
import warnings
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from ..errors import InputError
from ..model import Family, SpeakerIdentity, Trace
from .speakers import _key

_YEARS_RE = re.compile(r"\s*(\d{4})?\s*(?:[-–/]\s*(\d{4})?)?\s*")


class PeopleWarning(UserWarning):
    """A row of a people table that could not be read; the other rows are used."""


@attrs.frozen
class Person:
    id: str
    names: tuple[str, ...]
    description: str | None = None
    years: tuple[int | None, int | None] | None = None

    def applies(self, years: set[int]) -> bool:
        if self.years is None or not years:
            return True
        lo, hi = self.years
        return any((lo is None or y >= lo) and (hi is None or y <= hi) for y in years)


def read_people(source: str | os.PathLike[str] | Iterable[dict[str, Any]]) -> list[Person]:
    """The rows of a people table: a ``.csv`` file (columns ``id``, ``name``, ``aliases``
    separated by ``;`` or ``|``, ``description``, ``years`` as ``1990-2004``), a ``.jsonl`` file of
    objects with the same keys (``aliases`` may be a list), or such dicts in Python. A row without
    an id or a name is skipped with a :class:`PeopleWarning` naming it."""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                rows = list(_rows(fh, path))
        except OSError as exc:
            raise InputError(f"{path}: cannot read the people table: {exc.strerror or exc}") from exc
        where = str(path)
    else:
        rows = [(f"row {k + 1}", r) for k, r in enumerate(source)]
        where = "people"
    out = []
    for at, row in rows:
        person = _person(row)
        if person is None:
            warnings.warn(f"{where}: {at}: skipped, it needs an id and a name", PeopleWarning, stacklevel=2)
        else:
            out.append(person)
    return out


def _rows(fh: Any, path: Path) -> Iterable[tuple[str, Any]]:
    if path.suffix.lower() == ".jsonl":
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield f"line {n}", json.loads(line)
                except ValueError:
                    yield f"line {n}", None
        return
    for n, row in enumerate(csv.DictReader(fh), 2):
        yield f"line {n}", row


def _person(row: Any) -> Person | None:
    if isinstance(row, Person):
        return row
    if not isinstance(row, dict):
        return None
    pid, name = str(row.get("id") or "").strip(), str(row.get("name") or "").strip()
    if not pid or not name:
        return None
    aliases = row.get("aliases") or []
    if isinstance(aliases, str):
        aliases = re.split(r"[;|]", aliases)
    names = tuple(dict.fromkeys(n.strip() for n in [name, *aliases] if isinstance(n, str) and n.strip()))
    return Person(pid, names, str(row.get("description") or "").strip() or None, _years(row.get("years")))


def _years(value: Any) -> tuple[int | None, int | None] | None:
    if isinstance(value, (list, tuple)) and len(value) == 2:
        lo, hi = (int(v) if isinstance(v, int) or (isinstance(v, str) and v.isdigit()) else None for v in value)
        return (lo, hi) if lo or hi else None
    m = _YEARS_RE.fullmatch(str(value or ""))
    if not m or not any(m.groups()):
        return None
    lo = int(m.group(1)) if m.group(1) else None
    hi = int(m.group(2)) if m.group(2) else (lo if "-" not in str(value) and "–" not in str(value) else None)
    return lo, hi


def link_people(tr: Trace, people: list[Person]) -> Trace:
    """The trace with each identity that one row of ``people`` names linked to that row's id (in
    ``speakers[].id`` and every occurrence's ``speaker_id``), and each ambiguous one noted."""
    dates = {a.id: a.date for a in tr.articles}
    years: dict[str, set[int]] = defaultdict(set)
    for f in tr.families:
        for o in f.occurrences:
            if o.speaker and dates.get(o.article):
                years[o.speaker].add(int(dates[o.article][:4]))
    speakers, ids = linked_speakers(tr.speakers, years, people)
    return attrs.evolve(tr, speakers=speakers, families=[with_ids(f, ids) for f in tr.families])


def linked_speakers(speakers: Iterable[SpeakerIdentity], years: Mapping[str, set[int]],
                    people: list[Person]) -> tuple[list[SpeakerIdentity], dict[str, str]]:
    """The identities linked to ``people`` (``years``: the years of the articles each identity
    speaks in), and the id each linked identity's name takes: for an engine that writes its
    families one at a time (:func:`with_ids`)."""
    by_key: dict[str, list[Person]] = defaultdict(list)
    for p in people:
        for n in p.names:
            by_key[_key(n)].append(p)
    out, ids = [], {}
    for s in speakers:
        linked, note = _link(s, by_key, years.get(s.name, set()))
        out.append(attrs.evolve(s, id=linked, note=note))
        if linked:
            ids[s.name] = linked
    return out, ids


def with_ids(f: Family, ids: Mapping[str, str]) -> Family:
    """``f`` with each occurrence's ``speaker_id`` from ``ids`` (:func:`linked_speakers`)."""
    return attrs.evolve(f, occurrences=tuple(attrs.evolve(o, speaker_id=ids.get(o.speaker)) for o in f.occurrences))


def _link(s: SpeakerIdentity, by_key: dict[str, list[Person]], years: set[int]) -> tuple[str | None, str | None]:
    found: set[str] = set()
    for name in (s.name, *s.aliases):
        found |= {p.id for p in by_key.get(_key(name), ()) if p.applies(years)}
    if len(found) == 1:
        return found.pop(), None
    if found:
        return None, "ambiguous: the table gives these names to " + ", ".join(sorted(found))
    return None, None
