"""``--parquet DIR``: the trace as Parquet tables with the fields of the JSON contract
(docs/output.md), one row per article, quote, family, occurrence, evidence and derivation.

Scalar fields keep their names and types; a field that holds a list or an object (``spans``,
``diff``, ``speaker`` of a quote, ``why``) is a JSON string, so every table reads back into the
same values. Rows that refer to another table carry its key: an occurrence its ``family`` and its
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
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ExtraError, InputError
from ..model import Article, Trace
from ..store.schema import SCHEMA_VERSION
from ..tracing.units import Units

TABLES = ("articles", "quotes", "families", "occurrences", "evidence", "derivations")
#: the table ``quotetrace add STORE --from-parquet DIR`` reads: each article read, with its
#: text and its units (what tracing needs, pickled), so a store is filled without extracting again
UNITS_TABLE = "units"


def _flat(d: dict[str, Any]) -> dict[str, Any]:
    return {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict, tuple)) else v
            for k, v in d.items()}


def trace_rows(tr: Trace) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table but ``quotes`` (which come from the articles' extraction)."""
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES if t != "quotes"}
    out["articles"] = [_flat(a.to_dict()) for a in tr.articles]
    out["derivations"] = [_flat(d.to_dict()) for d in tr.derivations]
    for f in tr.families:
        fd = f.to_dict()
        occurrences = fd.pop("occurrences")
        out["families"].append(_flat(fd))
        for k, o in enumerate(occurrences):
            evidence = o.pop("evidence", [])
            out["occurrences"].append(_flat({"family": f.id, "position": k, **o}))
            out["evidence"] += [_flat({"family": f.id, "position": k, "index": j, **e})
                                for j, e in enumerate(evidence)]
    return out


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


def _kinds(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Each column of ``rows`` (in first-seen order) and its Spark type: long, double, boolean or
    string by the values it holds (a column null everywhere is a string)."""
    seen: dict[str, set[type]] = {}
    for r in rows:
        for k, v in r.items():
            seen.setdefault(k, set())
            if v is not None:
                seen[k].add(type(v))

    def kind(types: set[type]) -> str:
        if types == {bool}:
            return "boolean"
        if types and types <= {int}:
            return "long"
        if types and types <= {int, float}:
            return "double"
        return "string"
    return {k: kind(t) for k, t in seen.items()} or {"article": "string"}


def write_tables(spark: Any, tr: Trace, quotes: Any, folder: str | os.PathLike[str], units: Any = None) -> None:
    """Write the tables under ``folder`` (one Parquet folder each); ``quotes`` and ``units`` are
    DataFrames of rows made on the executors, the others come from the trace (the output)."""
    folder = str(folder)
    quotes.write.mode("overwrite").parquet(os.path.join(folder, "quotes"))
    if units is not None:
        units.write.mode("overwrite").parquet(os.path.join(folder, UNITS_TABLE))
    for name, rows in trace_rows(tr).items():
        kinds = _kinds(rows)
        schema = ", ".join(f"`{k}` {t}" for k, t in kinds.items())
        data = [tuple(float(r[k]) if t == "double" and r.get(k) is not None else r.get(k) for k, t in kinds.items())
                for r in rows]
        spark.createDataFrame(data, schema).write.mode("overwrite").parquet(os.path.join(folder, name))
