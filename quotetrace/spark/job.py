"""The Spark job, in stages (passim's shape), each deciding with the local engine's own functions:

1. **read**: the driver lists the files; each task reads its files with :func:`..read.read_articles`
   (an unreadable file becomes a row with its error); duplicate ids get ``#2``… by a window, as
   :func:`..tracing.engine.take_in` gives them;
2. **extract**: each partition cuts its articles into units (:func:`..tracing.engine.read_units`),
   kept pickled in a binary column, as the store keeps them;
3. **identities**: the distinct (speaker name, type) pairs with their counts, a small table of
   names (not text), are collected and the corpus's :class:`..tracing.speakers.Identities`
   broadcast;
4. **keys**: every article's keys (:func:`..tracing.keys.article_keys`) exploded; a group-by counts
   each key's articles, which marks the dead keys (over their cap) and, for a live key, its first
   holder;
5. **components**: each holder of a live grouping key is linked to the key's first holder (a star, which
   links the same articles as the all-pairs self-join at a cost linear in the holders); connected
   components by iterative min-label propagation with joins;
6. **trace**, in stages of their own (:mod:`.stages`): the families are grouped per component
   from the articles' passages alone (grouping is one pass in date order, so it stays per
   component); narrator sentences are linked per live sketch value; each family finds its
   paraphrases and evidence and labels its occurrences in a task of its own, with the articles
   involved (joined on the original's live content pairs); derivations are decided per pair of
   articles. The driver merges the families and derivations (the output, not the corpus) with
   :func:`..tracing.engine.merge_parts`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import warnings
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import ExtraError, UsageError
from ..model import Trace, TracedArticle
from ..read import DuplicateWarning, Unreadable, _read_path, _walk, iter_articles
from ..tracing.engine import merge_parts, read_units, speaker_names
from ..tracing.keys import CAPS, article_keys
from ..tracing.speakers import Identities
from .stages import (DERIVED, FAMILIES, GROUPS, INVOLVED, LINKS, PASSAGES, PIECE_PAIRS, SKETCHES, STATS,
                     derivation_batches, family_batches, group_task, involved_batches, passage_batches,
                     piece_pair_batches, sentence_batches, sketch_batches, stat_batches)

log = logging.getLogger(__name__)

#: the kinds of keys grouping looks passages up by (:func:`..tracing.keys.passage_keys`)
GROUPING = ("s", "w", "p", "c")
_READ = ("seq long, pos long, id string, path string, date string, article binary, error string, "
         "url string, digest string")
_EXTRACTED = ("id string, path string, date string, error string, note string, seq long, pos long, "
              "article binary, units binary")


def _pyspark() -> Any:
    try:
        import pyspark  # noqa: F401
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ExtraError("--engine spark needs PySpark: pip install 'quotetrace[spark]' "
                         "(and Java 17 or later)") from exc
    return SparkSession


def session(master: str | None = None, partitions: int | None = None) -> Any:
    """The active SparkSession, or a new one (``master`` e.g. ``local[2]``); small shuffles and no
    web UI by default, since a trace's tables are narrow."""
    SparkSession = _pyspark()
    active = SparkSession.getActiveSession()
    if active is not None:
        return active
    here = str(Path(__file__).resolve().parents[2])
    path = os.pathsep.join(p for p in (here, os.environ.get("PYTHONPATH")) if p)
    # the workers run this interpreter (its packages), unless the user says otherwise
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    b = SparkSession.builder.appName("quotetrace")
    if master:
        b = b.master(master)
    if (master or "local").startswith("local"):
        # a local master's executors live in the driver's JVM, whose default 1 GB runs out
        # sorting the keys of 10,000 articles; spark-submit --driver-memory overrides it
        b = b.config("spark.driver.memory", "4g")
    spark = (b.config("spark.ui.enabled", "false")
             # quotetrace draws its own progress on standard error: Spark's stage bars would
             # interleave with it and with the report's warnings
             .config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", str(partitions or 8))
             # a Python stage's batch of rows is in one worker's memory at once: a row is an
             # article, a sketch value or a family with what its articles bring
             .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
             .config("spark.executorEnv.PYTHONPATH", path)
             .config("spark.pyspark.python", os.environ.get("PYSPARK_PYTHON") or sys.executable)
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")  # Spark's own warnings are not the user's input
    return spark


def _files(paths: Sequence[str | os.PathLike[str]]) -> list[tuple[int, str]]:
    """Every file the job reads, numbered in the order :func:`..read.read_articles` reads them."""
    out: list[str] = []
    for p in map(str, paths):
        if p == "-":
            raise UsageError("--engine spark reads files and folders, not standard input")
        # a folder that cannot be listed stays in the list: its task reports it, as the local
        # reader does, instead of a silent skip
        out += [f.path if isinstance(f, Unreadable) else str(f) for f in _walk(Path(p))] or [p] \
            if os.path.isdir(p) else [p]
    return list(enumerate(out))


def _read_batches(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd

    for pdf in batches:
        rows = []
        for seq, path in zip(pdf["seq"], pdf["path"]):
            # a file as read_articles reads it, but a web page met twice is dropped on the driver
            # (_web_duplicates), which sees every file's pages
            p = Path(path)
            items = _read_path(p) if p.is_file() else iter_articles(p)  # a missing path: reported
            for pos, item in enumerate(items):
                if isinstance(item, Unreadable):
                    rows.append((seq, pos, item.id, item.path, None, None, item.message, None, None))
                else:
                    digest = None if item.url is None else hashlib.blake2b(item.text.encode()).hexdigest()
                    rows.append((seq, pos, item.id, item.path, item.date, pickle.dumps(item), None,
                                 item.url, digest))
        yield pd.DataFrame(rows, columns=[c.split()[0] for c in _READ.split(", ")])


def _web_duplicates(rows: Any) -> Any:
    """The (seq, pos) of the web pages read before under the same URL or text, found as
    :func:`..read.read_articles` finds them (one pass in reading order over the pages' URLs and
    text digests: a table of pages, not their text), each with the warning it gives locally."""
    seen: dict[str, str] = {}
    dropped = []
    pages = rows.filter("url is not null").select("seq", "pos", "id", "path", "url", "digest").collect()
    for r in sorted(pages, key=lambda r: (r["seq"], r["pos"])):
        keys = (f"url {r['url']}", f"text {r['digest']}")
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            warnings.warn(DuplicateWarning(f"{r['path']}: the same page as {first} (same URL or text); "
                                           "read once"), stacklevel=2)
            dropped.append((r["seq"], r["pos"]))
            continue
        for k in keys:
            seen[k] = r["path"] or r["id"]
    return dropped


def _extract_batches(analyzer: str) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd
        for pdf in batches:
            rows = []
            for r in pdf.itertuples(index=False):
                article, note = pickle.loads(r.article), None
                if r.n > 1:  # the same message as take_in's
                    note = (f"another article ({r.first_path or 'given earlier'}) has the id "
                            f"{article.id!r}; this one is traced as {r.new_id!r}")
                    article = attrs.evolve(article, id=r.new_id)
                got = read_units(article, analyzer)
                error = got if isinstance(got, str) else None
                rows.append((article.id, r.path, r.date, error, note, r.seq, r.pos, pickle.dumps(article),
                             None if error else pickle.dumps(got)))
            yield pd.DataFrame(rows, columns=[c.split()[0] for c in _EXTRACTED.split(", ")])
    return run


def _names_batches(batches: Iterator[Any]) -> Iterator[Any]:
    import pandas as pd
    for pdf in batches:
        rows = [(a, k, name, kind) for a, u in zip(pdf["id"], pdf["units"]) if u is not None
                for k, (name, kind) in enumerate(speaker_names([pickle.loads(u)]))]
        yield pd.DataFrame(rows, columns=["id", "k", "name", "type"])


def _keys_batches(ids: Any) -> Any:
    def run(batches: Iterator[Any]) -> Iterator[Any]:
        import pandas as pd
        identities = ids.value
        for pdf in batches:
            rows = [(a, key, holder) for a, u in zip(pdf["id"], pdf["units"]) if u is not None
                    for key, holder in article_keys(pickle.loads(u), identities.of)]
            yield pd.DataFrame(rows, columns=["id", "key", "holder"])
    return run


def _components(spark: Any, nodes: Any, edges: Any) -> Any:
    """(id, comp): every article with the least id of its connected component, by min-label
    propagation: each round, every article takes the least label among its own and its
    neighbours'; labels only fall, so the rounds end when none changes."""
    from pyspark.sql import functions as F
    both = edges.select(F.col("id").alias("a"), F.col("first").alias("b")).union(
        edges.select(F.col("first").alias("a"), F.col("id").alias("b"))).distinct().localCheckpoint()
    labels = nodes.select("id", F.col("id").alias("comp")).localCheckpoint()
    rounds = 0
    while True:
        rounds += 1
        sent = (both.join(labels, both.a == labels.id).groupBy("b")
                .agg(F.min("comp").alias("offer")).withColumnRenamed("b", "id"))
        new = (labels.join(sent, "id", "left")
               .select("id", F.least("comp", F.coalesce("offer", "comp")).alias("comp"),
                       (F.coalesce("offer", "comp") < F.col("comp")).alias("changed"))
               .localCheckpoint())
        if new.filter("changed").limit(1).count() == 0:
            log.info("components: %d rounds", rounds)
            return new.select("id", "comp")
        labels = new.select("id", "comp")


def _read(spark: Any, paths: Sequence[str | os.PathLike[str]], partitions: int) -> Any:
    from pyspark.sql import Window
    from pyspark.sql import functions as F
    files = spark.createDataFrame(_files(paths), "seq long, path string").repartition(partitions)
    rows = files.mapInPandas(_read_batches, _READ).localCheckpoint()
    dropped = _web_duplicates(rows)
    if dropped:
        rows = rows.join(F.broadcast(spark.createDataFrame(dropped, "seq long, pos long")), ["seq", "pos"],
                         "left_anti")
    w = Window.partitionBy("id").orderBy("seq", "pos")
    n = F.row_number().over(w)
    return (rows.filter(F.col("error").isNull())
            .withColumn("n", n).withColumn("first_path", F.first("path").over(w))
            .withColumn("new_id", F.when(F.col("n") > 1, F.concat("id", F.lit("#"), F.col("n"))).otherwise(F.col("id"))),
            rows.filter(F.col("error").isNotNull()))


def _identities(spark: Any, extracted: Any) -> tuple[Identities, int]:
    """The corpus's identities from its distinct names (the one table collected to build them),
    and how many distinct (name, type) pairs it holds. Identities settle a tie (a name typed as a
    person as often as an organization) by the order names are met, so they are given in the
    order the local engine meets them: by the article and place each pair is first met."""
    from pyspark.sql import functions as F
    counts = (extracted.select("id", "units").mapInPandas(_names_batches, "id string, k long, name string, type string")
              .groupBy("name", "type").agg(F.count("*").alias("n"), F.min(F.struct("id", "k")).alias("first"))
              .collect())
    counts.sort(key=lambda r: (r["first"]["id"], r["first"]["k"]))
    names = [(r["name"], r["type"]) for r in counts for _ in range(r["n"])]
    return Identities(names), len(counts)


def _keys(spark: Any, extracted: Any, ids: Any) -> tuple[Any, Any, Any]:
    """Each article's dead keys, the edges (id, first) of the live keys: every holder of a
    live key to the key's first holder (a star links the articles the all-pairs self-join links,
    at a cost linear in the holders, so a key held by thousands of articles makes no quadratic
    shuffle), and the dead keys."""
    from pyspark.sql import functions as F
    keys = extracted.select("id", "units").mapInPandas(_keys_batches(ids), "id string, key string, holder string")
    keys = keys.localCheckpoint()
    caps = F.create_map(*[F.lit(x) for kv in CAPS.items() for x in kv])
    # what counts towards a key's frequency (keys.article_keys): a statement, or the article ("")
    counted = F.when(F.col("holder") == "", F.concat(F.lit("\x00"), F.col("id"))).otherwise(F.col("holder"))
    by_key = keys.groupBy("key").agg(F.countDistinct(counted).alias("df"), F.min("id").alias("first"))
    # counted once: the dead keys serve the groups and the sentences, the live ones the components
    by_key = by_key.withColumn("cap", F.element_at(caps, F.substring("key", 1, 1))).localCheckpoint()
    dead = by_key.filter(F.col("df") > F.col("cap")).select("key")
    live = by_key.filter((F.col("df") >= 1) & (F.col("df") <= F.col("cap"))).select("key", "first")
    keys = keys.select("id", "key").distinct()
    # only grouping keys (n-grams, short passages, speaker words, contexts) tie articles into the
    # components grouped together: pairs and sketches are followed per family and per value
    grouping = F.substring("key", 1, 1).isin(*GROUPING)
    edges = (keys.join(live.filter(grouping), "key").filter(F.col("id") != F.col("first"))
             .select("id", "first").distinct())
    dead_by = keys.join(dead, "key").groupBy("id").agg(F.collect_list("key").alias("dead"))
    return dead_by, edges, dead


def _grouped(extracted: Any, labels: Any, dead_by: Any, ids: Any) -> Any:
    """The groups (families to be), grouped per component from the articles' passages alone."""
    from pyspark import StorageLevel
    passages = extracted.select("id", "date", "units").mapInPandas(passage_batches, PASSAGES)
    return (passages.join(labels, "id").join(dead_by, "id", "left").groupBy("comp")
            .applyInPandas(group_task(ids), GROUPS).persist(StorageLevel.MEMORY_AND_DISK))


def _sentences(extracted: Any, dead: Any) -> Any:
    """(src, dst, s): how many of dst's narrator sentences come from src, found per live sketch
    value held more than once; a sentence found like several earlier articles' comes from the
    earliest of them (:func:`..tracing.derive.count_sources`)."""
    from pyspark.sql import functions as F
    sk = extracted.select("id", "date", "units").mapInPandas(sketch_batches, SKETCHES).join(dead, "key", "left_anti")
    # one row per value (a Python call per group would cost more than the comparisons)
    held = sk.groupBy("key").agg(F.collect_list("held").alias("held")).filter(F.size("held") > 1)
    links = held.mapInPandas(sentence_batches, LINKS)
    first = (links.groupBy("dst", "k").agg(F.min(F.struct("src_rank", "src")).alias("first"))
             .select(F.col("first.src").alias("src"), "dst"))
    return first.groupBy("src", "dst").agg(F.count("*").alias("s"))


def _involved(extracted: Any, grouped: Any, related: Any) -> Any:
    """(fid, id, blob): what each article involved in a family brings to it (its passages in the
    family, and its reported speech and narrator sentences that share a live content pair with
    the family's original), joined on the pairs as the local engine's index finds them."""
    from pyspark.sql import functions as F
    pairs = grouped.select("fid", "orig", F.explode("pairs").alias("key"))
    pieces = extracted.select("id", "units").mapInPandas(piece_pair_batches, PIECE_PAIRS)
    found = (pairs.join(pieces, "key").groupBy("fid", "orig", "id")
             .agg(F.sort_array(F.collect_set("pk")).alias("pks")))
    members = (grouped.select("fid", "orig", F.explode(F.arrays_zip("arts", "ks")).alias("m"))
               .select("fid", "orig", F.col("m.arts").alias("id"), F.col("m.ks").alias("ks")))
    rel = related.select(F.col("x").alias("orig"), F.col("y").alias("id"), F.lit(True).alias("rel"))
    wanted = (members.join(found, ["fid", "orig", "id"], "full").join(rel, ["orig", "id"], "left")
              .select("id", F.to_json(F.struct("fid", "ks", "pks", F.coalesce("rel", F.lit(False)).alias("rel")))
                      .alias("want")))
    # one row per article with every family's request, so its text and units cross to Python once
    asked = wanted.groupBy("id").agg(F.collect_list("want").alias("wants"))
    return asked.join(extracted.select("id", "article", "units"), "id").mapInPandas(involved_batches, INVOLVED)


def _derived(extracted: Any, families: Any, sent: Any) -> Any:
    """The derivations, pair of articles by pair: the quotes (families) and sentences each
    direction shares, with both articles' statements and dates."""
    from pyspark.sql import functions as F
    quotes = (families.select(F.col("orig").alias("src"), F.explode("links").alias("dst"))
              .groupBy("src", "dst").agg(F.count("*").alias("q")))
    both = quotes.join(sent, ["src", "dst"], "full").fillna(0, ["q", "s"])
    fwd = F.col("src") < F.col("dst")
    pairs = (both.withColumn("lo", F.least("src", "dst")).withColumn("hi", F.greatest("src", "dst"))
             .groupBy("lo", "hi").agg(*[F.sum(F.when(way, F.col(c)).otherwise(0)).alias(name)
                                         for c in ("q", "s") for way, name in ((fwd, f"{c}_lh"), (~fwd, f"{c}_hl"))]))
    stats = extracted.select("id", "date", "units").mapInPandas(stat_batches, STATS)
    for side in ("lo", "hi"):
        pairs = pairs.join(stats.select(F.col("id").alias(side), F.col("date").alias(f"date_{side}"),
                                        F.col("statements").alias(f"st_{side}")), side)
    return pairs.mapInPandas(derivation_batches, DERIVED)


def _trace_stages(extracted: Any, labels: Any, dead_by: Any, dead: Any, ids: Any) -> tuple[list, list]:
    """The families and derivations: groups per component, shared sentences per sketch value,
    paraphrases and labels per family, derivations per pair of articles (:mod:`.stages`)."""
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    grouped = _grouped(extracted, labels, dead_by, ids)
    sent = _sentences(extracted, dead).persist(StorageLevel.MEMORY_AND_DISK)
    quoted = grouped.select(F.col("orig").alias("x"), F.explode("arts").alias("y")).filter("x != y")
    linked = quoted.union(sent.select(F.col("src").alias("x"), F.col("dst").alias("y")))
    related = linked.union(linked.select(F.col("y").alias("x"), F.col("x").alias("y"))).distinct()
    families = (_involved(extracted, grouped, related).groupBy("fid").agg(F.collect_list("blob").alias("blobs"))
                .join(grouped.select("fid", "orig", "grp", "dead"), "fid")
                .mapInPandas(family_batches(ids), FAMILIES).persist(StorageLevel.MEMORY_AND_DISK))
    got = [pickle.loads(r["family"]) for r in families.select("family").collect()]
    derived = [pickle.loads(r["derivation"]) for r in _derived(extracted, families, sent).select("derivation").collect()]
    for table in (grouped, sent, families):
        table.unpersist()
    return got, derived


def trace_spark(paths: Iterable[str | os.PathLike[str]], *, master: str | None = None,
                partitions: int | None = None, analyzer: str = "rules", texts: bool = True,
                parquet: str | os.PathLike[str] | None = None, spark: Any = None) -> Trace:
    """The trace of the articles under ``paths`` computed on Spark: the same :class:`Trace` as
    :func:`quotetrace.trace` gives (families, labels, derivations, speakers, entries). ``texts``
    collects the texts of the articles the trace shows (the text and HTML reports quote them);
    JSON needs none. ``parquet``: a folder to write the tables of :mod:`.tables` to."""
    spark = spark or session(master, partitions)
    from pyspark import StorageLevel
    from pyspark.sql import functions as F
    n = partitions or spark.sparkContext.defaultParallelism
    readable, unreadable = _read(spark, list(paths), n)
    extracted = (readable.repartition(n, "id").mapInPandas(_extract_batches(analyzer), _EXTRACTED)
                 .persist(StorageLevel.MEMORY_AND_DISK))
    ids, _ = _identities(spark, extracted)
    shared = spark.sparkContext.broadcast(ids)
    dead_by, edges, dead = _keys(spark, extracted, shared)
    labels = _components(spark, extracted.select("id"), edges)
    families, derived = _trace_stages(extracted, labels, dead_by, dead, shared)
    entries = _entries(extracted, unreadable)
    tr = merge_parts(entries, lambda i: i, [Trace([], [], families, derived)], ids)
    if texts:
        shown = sorted({o.article for f in tr.families for o in f.occurrences}
                       | {e.article for f in tr.families for o in f.occurrences for e in o.evidence})
        got = extracted.filter(F.col("id").isin(shown)).select("article").collect()
        tr = attrs.evolve(tr, texts={(a := pickle.loads(r["article"])).id: a.text for r in got})
    if parquet is not None:
        from .tables import QUOTES, UNITS, quote_batches, unit_batches, write_tables
        write_tables(spark, tr, extracted.select("id", "units").mapInPandas(quote_batches, QUOTES), parquet,
                     extracted.select("article", "units", "error").mapInPandas(unit_batches, UNITS))
    extracted.unpersist()
    return tr


def _entries(extracted: Any, unreadable: Any) -> list[TracedArticle]:
    """Every input's entry, sorted as :func:`..tracing.engine.canonical` sorts them (by id, then
    in the order they were read)."""
    from pyspark.sql import functions as F
    rows = (extracted.select("id", "path", "date", "error", "note", "seq", "pos")
            .union(unreadable.select("id", "path", F.lit(None).cast("string").alias("date"), "error",
                                     F.lit(None).cast("string").alias("note"), "seq", "pos"))
            .collect())
    rows.sort(key=lambda r: (r["id"], r["seq"], r["pos"]))
    return [TracedArticle(r["id"], r["path"], r["date"], error=r["error"], note=r["note"]) for r in rows]
