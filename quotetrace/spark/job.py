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
   articles, and the pairs that share one narrator sentence alone settled against the rest with
   joins;
7. **output**: the families are sorted and numbered on the executors as the local engine's
   :func:`..tracing.engine.merge_parts` orders them, and the driver reads families, derivations
   and entries in order a range at a time as it writes them (:class:`SparkTrace`), or the
   executors write them as Parquet tables: no step gathers the corpus or the trace on the driver,
   but the text and HTML reports, which are made from the whole trace.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import logging
import os
import pickle
import sys
import warnings
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs

from ..errors import ExtraError, UsageError
from ..model import Derivation, Family, SpeakerIdentity, Trace, TracedArticle
from ..read import DuplicateWarning, Unreadable, _read_path, _walk, iter_articles
from ..text.surrogates import has_surrogate
from ..tracing.engine import read_units, speaker_names
from ..tracing import knobs
from ..tracing.keys import CAPS, article_keys
from ..tracing.people import linked_speakers, with_ids
from ..tracing.speakers import Identities
from .stages import (DERIVED, FAMILIES, GROUPS, INVOLVED, LINKS, PASSAGES, PIECE_PAIRS, SKETCHES, STATS,
                     derivation_batches, family_batches, group_batches, involved_batches, passage_batches,
                     piece_pair_batches, sentence_batches, sketch_batches, stat_batches)

log = logging.getLogger(__name__)

#: the kinds of keys grouping looks passages up by (:func:`..tracing.keys.article_keys`)
GROUPING = ("s", "w", "p", "c")
_READ = ("seq long, pos long, id string, path string, date string, article binary, error string, "
         "url string, digest string")
_EXTRACTED = ("id string, path string, date string, error string, note string, seq long, pos long, "
              "article binary, units binary, odd boolean")


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

    columns = [c.split()[0] for c in _READ.split(", ")]
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
                if len(rows) >= 256:  # one JSONL file may hold a corpus: hand it on in batches
                    yield pd.DataFrame(rows, columns=columns)
                    rows = []
        yield pd.DataFrame(rows, columns=columns)


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
                # a lone surrogate anywhere makes the JSON escape every character (SparkTrace.surrogates)
                odd = any(has_surrogate(v) for v in (article.id, article.text, r.path, error, note) if isinstance(v, str))
                rows.append((article.id, r.path, r.date, error, note, r.seq, r.pos, pickle.dumps(article),
                             None if error else pickle.dumps(got), odd))
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
    # counted, in the order first met: the Counter the names once per quote would make, held by
    # the driver as one entry a distinct name, not one a quote
    names = {(r["name"], r["type"]): r["n"] for r in counts}
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
    from pyspark.sql import functions as F
    passages = extracted.select("id", "date", "units").mapInPandas(passage_batches, PASSAGES)
    # each component's passages in one task, in the order the local engine takes them
    # (_Tracer._passage_key), read by the task a batch at a time
    return (passages.join(labels, "id").join(dead_by, "id", "left").repartition("comp")
            .sortWithinPartitions("comp", "rank", F.desc("words"), "unquoted", "id", "start")
            .select("comp", "id", "k", "passage", "dead")
            .mapInPandas(group_batches(ids, knobs.SPILL_FAMILIES), GROUPS).persist(StorageLevel.MEMORY_AND_DISK))


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
    """The derivations' candidates, pair of articles by pair: the quotes (families) and sentences
    each direction shares, with both articles' statements and dates (:func:`_settled` keeps the
    derivations among them)."""
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


def _settled(candidates: Any) -> Any:
    """The derivations among the pairs' candidates, as :func:`..tracing.derive.settled` keeps
    them: a lone pair (one narrator sentence) falls when a source its article draws on enough is
    itself a candidate with the lone pair's source."""
    from pyspark.sql import functions as F
    ends = candidates.select(F.least("article", "source").alias("lo"), F.greatest("article", "source").alias("hi"))
    enough, lone = candidates.filter(~F.col("lone")), candidates.filter(F.col("lone"))
    sources = enough.select("article", F.col("source").alias("via"))
    explained = (lone.select("article", "source").join(sources, "article")
                 .join(ends, (F.least("via", "source") == F.col("lo")) & (F.greatest("via", "source") == F.col("hi")))
                 .select("article", "source").distinct())
    kept = lone.join(explained, ["article", "source"], "left_anti")
    return enough.unionByName(kept.select(*candidates.columns)).drop("lone")


def _trace_stages(extracted: Any, labels: Any, dead_by: Any, dead: Any, ids: Any) -> tuple[Any, Any, list]:
    """The families and derivations, as tables left on the executors: groups per component,
    shared sentences per sketch value, paraphrases and labels per family, derivations per pair of
    articles (:mod:`.stages`); and the tables to let go when the job is done."""
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
    # the candidates are read three times by the settling joins: computed once
    candidates = _derived(extracted, families, sent).persist(StorageLevel.MEMORY_AND_DISK)
    derived = _settled(candidates).persist(StorageLevel.MEMORY_AND_DISK)
    return families, derived, [grouped, sent, families, candidates, derived]


#: rows of the output's families (or derivations, or articles) the driver holds at once while it
#: writes them: the tables are cut into ranges of about this many rows, read one after another
ROWS_PER_PART = 4000


def _in_order(table: Any, *columns: Any) -> Any:
    """``table`` sorted by ``columns`` into ranges of about :data:`ROWS_PER_PART` rows each, so
    that reading it in order (``toLocalIterator``) holds one range at a time on the driver."""
    n = table.count()
    return table.repartitionByRange(max(1, -(-n // ROWS_PER_PART)), *columns).sortWithinPartitions(*columns)


class SparkTrace:
    """A trace computed on Spark, its tables kept on the executors: the driver reads them in the
    output's order a range at a time (:meth:`entries`, :meth:`families`, :meth:`derivations`),
    so a trace of any size is written (:meth:`sections`, :meth:`write_tables`) without being held.
    :meth:`trace` gathers the whole :class:`Trace`, for the Python API and the text and HTML
    reports. Use it as a context manager (:func:`spark_job`): the tables are let go at the end."""

    def __init__(self, spark: Any, extracted: Any, unreadable: Any, ids: Identities, families: Any,
                 derived: Any, held: list, people: list | None = None):
        from pyspark import StorageLevel
        from pyspark.sql import functions as F
        self.spark, self.extracted, self.unreadable, self.ids = spark, extracted, unreadable, ids
        self._held = held
        self.people = people
        # numbered in the output's order: the local engine's merge_parts sorts the families by
        # their original's article (ids sort alike in Spark and Python: UTF-8 bytes follow code
        # points) and offset, and numbers them in that order
        ordered = _in_order(families, "orig", "start", "fid")
        numbered = ordered.select("family").rdd.zipWithIndex().map(lambda t: (t[1], t[0][0]))
        self._families = spark.createDataFrame(numbered, "k long, family binary").mapInPandas(
            _numbered_batches, "family binary").persist(StorageLevel.MEMORY_AND_DISK)
        self._names = families.select(F.explode("names").alias("name")).distinct()
        self._said = families.select(F.explode("said").alias("said")).distinct()
        # read in order by the JSON and the tables alike: sorted once
        self._derived = _in_order(derived, "article", F.desc("score"), "source").persist(StorageLevel.MEMORY_AND_DISK)
        entries = (extracted.select("id", "path", "date", "error", "note", "seq", "pos")
                   .union(unreadable.select("id", "path", F.lit(None).cast("string").alias("date"), "error",
                                            F.lit(None).cast("string").alias("note"), "seq", "pos")))
        # every input's entry, as canonical() sorts them: by id, then in the order they were read
        self._entries = _in_order(entries, "id", "seq", "pos").persist(StorageLevel.MEMORY_AND_DISK)
        self._held += [self._families, self._derived, self._entries]

    def __enter__(self) -> SparkTrace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Let go of the tables the job keeps on the executors."""
        for table in self._held:
            table.unpersist()
        self._held = []

    def entries(self) -> Iterator[TracedArticle]:
        """Every input's entry, in the output's order."""
        for r in self._entries.toLocalIterator():
            yield TracedArticle(r["id"], r["path"], r["date"], error=r["error"], note=r["note"])

    def families(self) -> Iterator[Family]:
        """The families, numbered, in the output's order."""
        ids = self._linked[1]
        return (with_ids(f, ids) if ids else f for f in map(pickle.loads, (r[0] for r in self._families.toLocalIterator())))

    def derivations(self) -> Iterator[Derivation]:
        """The derivations, in the output's order."""
        return (pickle.loads(r[0]) for r in self._derived.select("derivation").toLocalIterator())

    def speakers(self) -> list[SpeakerIdentity]:
        """The identities the families name (a table of names, not of articles), linked to the
        table of people when there is one."""
        return self._linked[0]

    @functools.cached_property
    def _linked(self) -> tuple[list[SpeakerIdentity], dict[str, str]]:
        used = {r[0] for r in self._names.collect()}
        speakers = [i for i in self.ids.all() if i.name in used]
        # as link_people links a whole trace: by the years of each speaker's articles
        return linked_speakers(speakers, self.years(), self.people) if self.people is not None else (speakers, {})

    def years(self) -> dict[str, set[int]]:
        """Each speaker named in a dated article, with the years of those articles."""
        out: dict[str, set[int]] = defaultdict(set)
        for r in self._said.collect():
            out[r[0][4:]].add(int(r[0][:4]))
        return out

    def surrogates(self) -> bool:
        """Whether an article's text, id, path or message holds a lone surrogate: the JSON of such
        a trace escapes every non-ASCII character, which only the whole document can tell."""
        from pyspark.sql import functions as F
        if self.extracted.filter("odd").limit(1).count():  # found as each article was extracted
            return True
        odd = F.udf(lambda *values: any(v is not None and has_surrogate(v) for v in values), "boolean")
        return self.unreadable.filter(odd("id", "path", "error")).limit(1).count() > 0

    def sections(self, seen: Callable[[TracedArticle], None] | None = None) -> list[tuple[str, Iterable[dict]]]:
        """The trace as the sections of its JSON object (:func:`..report.write_sections`), read
        from Spark as they are written; ``seen`` is told of every entry as it passes."""
        def entries() -> Iterator[dict]:
            for e in self.entries():
                if seen is not None:
                    seen(e)
                yield e.to_dict()
        return [("articles", entries()), ("speakers", [s.to_dict() for s in self.speakers()]),
                ("families", (f.to_dict() for f in self.families())),
                ("derivations", (d.to_dict() for d in self.derivations()))]

    def trace(self, texts: bool = True) -> Trace:
        """The whole trace on the driver; ``texts``: with the texts of the articles it shows
        (the text and HTML reports quote them)."""
        from pyspark.sql import functions as F
        families = list(self.families())
        tr = Trace(list(self.entries()), self.speakers(), families, list(self.derivations()))
        if texts:
            shown = sorted({o.article for f in families for o in f.occurrences}
                           | {e.article for f in families for o in f.occurrences for e in o.evidence})
            got = self.extracted.filter(F.col("id").isin(shown)).select("article").collect()
            tr = attrs.evolve(tr, texts={(a := pickle.loads(r["article"])).id: a.text for r in got})
        return tr

    def write_tables(self, folder: str | os.PathLike[str]) -> None:
        """The Parquet tables of :mod:`.tables` under ``folder``, written by the executors."""
        from .tables import QUOTES, UNITS, quote_batches, unit_batches, write_tables
        articles = self._entries.withColumnRenamed("id", "article")
        write_tables(folder, articles, self._families, self._derived, self._linked[1],
                     self.extracted.select("id", "units").mapInPandas(quote_batches, QUOTES),
                     self.extracted.select("article", "units", "error").mapInPandas(unit_batches, UNITS))


def _numbered_batches(batches: Iterator[Any]) -> Iterator[Any]:
    """mapInPandas over (k, family): each family with its id in the output (``f1``, ``f2``…)."""
    import pandas as pd
    for pdf in batches:
        yield pd.DataFrame({"family": [pickle.dumps(attrs.evolve(pickle.loads(blob), id=f"f{k + 1}"))
                                       for k, blob in zip(pdf["k"], pdf["family"])]})


@contextlib.contextmanager
def spark_job(paths: Iterable[str | os.PathLike[str]], *, master: str | None = None,
              partitions: int | None = None, analyzer: str = "rules", spark: Any = None,
              people: list | None = None) -> Iterator[SparkTrace]:
    """The trace of the articles under ``paths`` computed on Spark, its tables kept on the
    executors while the context is open (:class:`SparkTrace`); ``people`` (rows read by
    :func:`..tracing.people.read_people`) links its speakers to the user's table."""
    spark = spark or session(master, partitions)
    from pyspark import StorageLevel
    n = partitions or spark.sparkContext.defaultParallelism
    readable, unreadable = _read(spark, list(paths), n)
    extracted = (readable.repartition(n, "id").mapInPandas(_extract_batches(analyzer), _EXTRACTED)
                 .persist(StorageLevel.MEMORY_AND_DISK))
    ids, _ = _identities(spark, extracted)
    shared = spark.sparkContext.broadcast(ids)
    dead_by, edges, dead = _keys(spark, extracted, shared)
    labels = _components(spark, extracted.select("id"), edges)
    families, derived, held = _trace_stages(extracted, labels, dead_by, dead, shared)
    with SparkTrace(spark, extracted, unreadable, ids, families, derived, [*held, extracted], people) as job:
        yield job


def trace_spark(paths: Iterable[str | os.PathLike[str]], *, master: str | None = None,
                partitions: int | None = None, analyzer: str = "rules", texts: bool = True,
                parquet: str | os.PathLike[str] | None = None, spark: Any = None) -> Trace:
    """The trace of the articles under ``paths`` computed on Spark: the same :class:`Trace` as
    :func:`quotetrace.trace` gives (families, labels, derivations, speakers, entries). ``texts``
    collects the texts of the articles the trace shows (the text and HTML reports quote them);
    JSON needs none. ``parquet``: a folder to write the tables of :mod:`.tables` to. The whole
    trace is gathered on the driver; :func:`spark_job` reads it a range at a time."""
    with spark_job(paths, master=master, partitions=partitions, analyzer=analyzer, spark=spark) as job:
        if parquet is not None:
            job.write_tables(parquet)
        return job.trace(texts)
