"""The command line of the benchmark generator.
Generate a benchmark corpus for quote tracing, with the answers beside it.

    python scripts/trace_corpus.py BASE_PATH... --out DIR [--articles N] [--seed S] [--verify]

BASE_PATH is anything :func:`quotetrace.read_articles` reads: the ``seeds/`` folder, or a JSONL file
such as PolNeAR's ``train.jsonl`` (whose ``publication_date`` and ``publisher`` become the date and
the outlet). About N/5 of the articles are real bases; the rest are derived from them with known
edits: quotes carried unchanged, cut, altered, expanded with the narrator's words, paraphrased by
dropping the marks, handed to another speaker, reported speech promoted into a quote, invented
quotes, and narrator paragraphs copied from a second base. Writes, byte for byte the same for the
same inputs and seed:

- ``DIR/articles.jsonl``: one article a line, ``{"id", "text", "date", "outlet"}``;
- ``DIR/answers.jsonl``: one answer a line, of three kinds:

  ``{"kind": "occurrence", "article", "start", "end", "text", "relation", "family",
  "source_article", "source_start", "source_end", "speaker", "given_to", "edit"}``: the passage
  inside the marks (the reported words, for a paraphrase) at ``text[start:end]`` of that article,
  its relation against the family's original, and where that original is (for ``unsupported``, the
  reported speech it was made from; for ``paraphrase`` of a promoted quote, the unsupported quote);

  ``{"kind": "unscored", "article", "start", "end", "text", "reason", "family"}``: a region whose
  truth the generator does not know (a passage another base also carries, reported speech,
  narrator text that may restate a quote); an occurrence there that matches no answer is ignored;

  ``{"kind": "derivation", "article", "source", "via"}``: a derived article and the base it was
  made from (``via: "base"``), or a second base whose narrator paragraphs it copies
  (``via: "narrator"``);
- ``DIR/manifest.json``: the parameters, counts per relation and per edit, and the base passages
  left unscored.

``scripts/score_trace.py`` scores a ``quotetrace trace --format json`` output against the answers.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from .bases import load_bases
from .answers import set_aside, verify
from .annotated import read_annotations
from .corpus import build, manifest, write_corpus



def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python scripts/trace_corpus.py",
        description="Generate a tracing benchmark: real base articles, articles derived from them "
                    "with known edits, and the answers.",
        epilog="example: python scripts/trace_corpus.py seeds/ --out /tmp/corpus --articles 40 --seed 1")
    p.add_argument("paths", nargs="+", metavar="BASE_PATH",
                   help="articles to build on: .txt files, folders, JSONL files")
    p.add_argument("--out", required=True, type=Path, help="folder to write the corpus to")
    p.add_argument("--articles", type=int, default=1000, help="articles in all (default 1000)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    p.add_argument("--verify", action="store_true",
                   help="also run the extractor on every derived article and leave unscored the "
                        "answers it does not see as written (about 1%%; slow: one extract() per article)")
    p.add_argument("--answers", choices=("extractor", "annotated"), default="extractor",
                   help="where the bases' quotes and speakers come from: the project's extractor "
                        "(default), or the bases' own human annotations (the 'quotes' of a JSONL "
                        "base file, or --annotations), which measures extraction and tracing together")
    p.add_argument("--annotations", type=Path, metavar="FILE",
                   help="with --answers annotated: a gold file in the seeds' form "
                        "(spec/seeds-gold.json) or a JSONL file of annotated articles")
    return p


def _annotations(args: argparse.Namespace) -> dict[str, list[dict]] | None:
    if args.answers == "extractor":
        return None
    found: dict[str, list[dict]] = {}
    sources = [args.annotations] if args.annotations else [Path(p) for p in args.paths if p.endswith(".jsonl")]
    for path in sources:
        found.update(read_annotations(path))
    return found


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.articles < 1:
        print("error: --articles must be at least 1", file=sys.stderr)
        return 2
    if args.answers == "annotated" and args.verify:
        print("error: --verify sets aside what the extractor misses; annotated answers are meant "
              "to count it", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    bases = load_bases(args.paths)
    if not bases:
        print("error: no readable base article", file=sys.stderr)
        return 1
    try:
        annotations = _annotations(args)
    except (OSError, ValueError) as exc:
        print(f"error: annotations: {exc}", file=sys.stderr)
        return 1
    if annotations is not None and not any(annotations.get(b.id) for b in bases):
        print("error: no base article has annotations", file=sys.stderr)
        return 1
    corpus, info = build(bases, args.articles, args.seed, annotations)
    meta = manifest(args.paths, args.articles, args.seed, corpus, info, args.answers)
    if args.verify:
        problems = verify(corpus["articles"], corpus["answers"])
        corpus["answers"] = set_aside(corpus["answers"], problems)
        meta = manifest(args.paths, args.articles, args.seed, corpus, info, args.answers)
        meta["verify"] = {"set_aside": len(problems), "answers": problems}
    write_corpus(args.out, corpus, meta)
    counts = meta["counts"]
    print(f"{counts['articles']} articles ({counts['base_articles']} bases, "
          f"{counts['derived_articles']} derived, {counts['words_mean']} words on average) in "
          f"{time.perf_counter() - t0:.1f} s → {args.out}", file=sys.stderr)
    print("answers: " + ", ".join(f"{r} {n}" for r, n in counts["relations"].items()), file=sys.stderr)
    if args.verify:
        print(f"verify: {meta['verify']['set_aside']} answers the extractor does not see as written "
              "were left unscored", file=sys.stderr)
    return 0
