"""``--parquet DIR``: the trace as Parquet tables with the fields of the JSON contract
(docs/output.md), one row per article, quote, family, occurrence, evidence and derivation.

Scalar fields keep their names and types; a field that holds a list or an object (``spans``,
``diff``, ``speaker`` of a quote, ``misattribution``) is a JSON string, so every table reads back
into the same values; a field the JSON leaves out where it has nothing to say (an article's
``error``, an occurrence's ``misattribution``) is null, so a table has the same columns whatever
the corpus holds. Every table is written by the executors. Rows that refer to another table carry its key: an occurrence its ``family`` and its
place in it (``position``, the original is 0); an evidence row its family and occurrence.

A seventh table, ``units``, is for a store (:func:`read_units_table`): one row per article read,
with its fields, its text, its units pickled by this version of quotetrace (``version`` is the
store's schema version, which pickles of another version would not match) or the error that
kept it from being extracted.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import ExtraError, InputError
from ..model import Article, Family
from ..store.schema import SCHEMA_VERSION
from ..tracing.people import with_ids
from ..tracing.units import Units

TABLES = ("articles", "quotes", "families", "occurrences", "evidence", "derivations")
#: the table ``quotetrace add STORE --from-parquet DIR`` reads: each article read, with its
#: text and its units (what tracing needs, pickled), so a store is filled without extracting again
UNITS_TABLE = "units"


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v
            for k, v in d.items()}


#: the columns of the tables made from the trace: every field the JSON contract may give (a field
#: an item leaves out is null), so the tables have the same columns whatever the corpus holds
SCHEMAS = {
    "articles": "article string, path string, date string, error string, note string",
    "families": "id string, speaker string, status string",
    "occurrences": ("family string, position long, article string, quote string, text string, start long, "
                    "end long, spans string, speaker string, role string, relation string, diff string, "
                    "misattribution string, speaker_id string"),
    "evidence": ("family string, position long, index long, article string, text string, start long, end long, "
                 "role string, speaker string"),
    "derivations": "article string, source string, shared_quotes long, shared_sentences long, score double",
}


def _columns(table: str) -> list[str]:
    return [c.split()[0] for c in SCHEMAS[table].split(", ")]


def _row(table: str, d: dict[str, Any]) -> tuple:
    return tuple(d.get(c) for c in _columns(table))


def family_rows(f: Family) -> dict[str, list[tuple]]:
    """The rows one family gives the ``families``, ``occurrences`` and ``evidence`` tables."""
    fd = f.to_dict()
    occurrences = fd.pop("occurrences")
    out: dict[str, list[tuple]] = {"families": [_row("families", _flat(fd))], "occurrences": [], "evidence": []}
    for k, o in enumerate(occurrences):
        evidence = o.pop("evidence", [])
        out["occurrences"].append(_row("occurrences", _flat({"family": f.id, "position": k, **o})))
        out["evidence"] += [_row("evidence", _flat({"family": f.id, "position": k, "index": j, **e}))
                            for j, e in enumerate(evidence)]
    return out


def family_table_batches(table: str, ids: dict[str, str]) -> Callable[[Iterator[Any]], Iterator[Any]]:
    """mapInPandas over (family): the rows of ``table`` (families, occurrences or evidence) that the
    pickled families give, each family already numbered as the output numbers it; ``ids``: the
    user's id of each linked speaker (:func:`..tracing.people.with_ids`)."""
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd
        for pdf in batches:
            families = (pickle.loads(blob) for blob in pdf["family"])
            rows = [r for f in families for r in family_rows(with_ids(f, ids) if ids else f)[table]]
            yield pd.DataFrame(rows, columns=_columns(table))
    return run


def derivation_table_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over (derivation): the rows of the ``derivations`` table."""
    import pandas as pd
    for pdf in batches:
        rows = [_row("derivations", pickle.loads(blob).to_dict()) for blob in pdf["derivation"]]
        yield pd.DataFrame(rows, columns=_columns("derivations"))


QUOTES = ("article string, id string, kind string, text string, start long, end long, spans string, "
          "quoted string, cue string, cue_start long, cue_end long, speaker string, confidence double")


def quote_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas: one row per quote of each (id, pickled units), as ``quotetrace extract`` gives it."""
    import pandas as pd
    columns = [c.split()[0] for c in QUOTES.split(", ")]
    for pdf in batches:
        rows = [_flat({"article": article, **q.to_dict()}) for article, blob in zip(pdf["id"], pdf["units"])
                if blob is not None for q in pickle.loads(blob).quotes]
        yield pd.DataFrame([[r.get(c) for c in columns] for r in rows], columns=columns)


UNITS = ("id string, path string, date string, outlet string, url string, title string, text string, "
         "units binary, error string, version long")


def unit_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over (article, units, error): the rows of the ``units`` table."""
    import pandas as pd
    columns = [c.split()[0] for c in UNITS.split(", ")]
    for pdf in batches:
        rows = []
        for blob, units, error in zip(pdf["article"], pdf["units"], pdf["error"]):
            a = pickle.loads(blob)
            rows.append((a.id, a.path, a.date, a.outlet, a.url, a.title, a.text, units,
                         error if isinstance(error, str) else None, SCHEMA_VERSION))
        yield pd.DataFrame(rows, columns=columns)


def read_units_table(folder: str | os.PathLike[str]) -> Iterator[tuple[Article, Units | str]]:
    """Each article of the ``units`` table under ``folder`` (written by ``--parquet``) with its
    units, or the message of why it has none; read a batch at a time with pyarrow (no Spark)."""
    try:
        import pyarrow.dataset as ds
    except ImportError as exc:
        raise ExtraError("--from-parquet needs pyarrow: pip install 'quotetrace[spark]'") from exc
    path = os.path.join(str(folder), UNITS_TABLE)
    if not os.path.isdir(path):
        raise InputError(f"{path}: no such table; `quotetrace trace --engine spark --parquet {folder}` "
                         "writes it")
    table = ds.dataset(path, format="parquet")
    versions = {v for b in table.to_batches(columns=["version"]) for v in b.column(0).to_pylist()}
    if versions - {SCHEMA_VERSION}:
        raise InputError(f"{path}: written by another version of quotetrace (units of version "
                         f"{sorted(versions - {SCHEMA_VERSION})}, this one reads {SCHEMA_VERSION}); trace again")
    for batch in table.to_batches(batch_size=64):
        for row in batch.to_pylist():
            article = Article(row["id"], row["text"], date=row["date"], outlet=row["outlet"], url=row["url"],
                              title=row["title"], path=row["path"])
            yield article, _units(row)


def _units(row: dict[str, Any]) -> Units | str:
    if row["error"] is not None or row["units"] is None:
        return row["error"] or f"{row['id']}: no units"
    try:
        got = pickle.loads(row["units"])
    except Exception as exc:  # noqa: BLE001 - one bad row must not end the load
        return f"{row['id']}: its units cannot be read ({type(exc).__name__}: {exc}); trace it again"
    return got if isinstance(got, Units) else f"{row['id']}: its units cannot be read; trace it again"


def write_tables(folder: str | os.PathLike[str], articles: Any, families: Any, derivations: Any,
                 ids: dict[str, str], quotes: Any, units: Any = None) -> None:
    """Write the tables under ``folder`` (one Parquet folder each), every one from the executors:
    ``articles`` holds the entries' columns; ``families`` the numbered families and
    ``derivations`` the derivations (pickled, in the output's order); ``ids`` the user's id of
    each linked speaker; ``quotes`` and ``units`` the
    rows of their tables. Nothing is gathered on the driver, whatever the size of the trace."""
    folder = str(folder)
    quotes.write.mode("overwrite").parquet(os.path.join(folder, "quotes"))
    if units is not None:
        units.write.mode("overwrite").parquet(os.path.join(folder, UNITS_TABLE))
    articles.select(*_columns("articles")).write.mode("overwrite").parquet(os.path.join(folder, "articles"))
    for table in ("families", "occurrences", "evidence"):
        (families.select("family").mapInPandas(family_table_batches(table, ids), SCHEMAS[table])
         .write.mode("overwrite").parquet(os.path.join(folder, table)))
    (derivations.select("derivation").mapInPandas(derivation_table_batches, SCHEMAS["derivations"])
     .write.mode("overwrite").parquet(os.path.join(folder, "derivations")))
