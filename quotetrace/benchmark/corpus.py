"""A whole corpus: choosing and dating the bases, generating, the manifest, writing to disk."""

from __future__ import annotations

import collections
import json
import random
from pathlib import Path

import attrs

from quotetrace.model import Article
from . import knobs
from .knobs import ARTICLES_PER_BASE, EDIT_KINDS, GENERATOR_VERSION, KNOBS, RELATIONS
from .annotated import annotated_quotes, with_double_marks
from .bases import analyze_base, _iso
from .overlap import mark_overlaps
from .derivation import Generator
from .answers import complete_family



def choose_bases(bases: list[Article], n_articles: int, seed: int) -> list[Article]:
    """About one base for every ARTICLES_PER_BASE articles, drawn with the seed, in id order."""
    pool = sorted(bases, key=lambda a: a.id)
    random.Random(f"{seed}|bases").shuffle(pool)
    n_bases = min(len(pool), n_articles, max(1, round(n_articles / ARTICLES_PER_BASE)))
    return sorted(pool[:n_bases], key=lambda a: a.id)


def date_bases(bases: list[Article]) -> tuple[list[Article], dict[str, str]]:
    """Give undated bases the most common date of the others (2020-01-01 when none has one): a
    base must be the earliest of its family, and an undated one would lose to its derived
    articles' dates."""
    dated = [a.date for a in bases if _iso(a.date)]
    fill = collections.Counter(dated).most_common(1)[0][0] if dated else "2020-01-01"
    assigned = {a.id: fill for a in bases if not _iso(a.date)}
    return [attrs.evolve(a, date=assigned.get(a.id, a.date)) for a in bases], assigned


def generate(bases: list[Article], n_articles: int, seed: int,
             annotations: dict[str, list[dict]] | None = None) -> tuple[list[Article], list[dict]]:
    """``n_articles`` articles (real bases and articles derived from them) and their answers.

    With ``annotations`` (records by article id, see :mod:`.annotated`) the bases' quotes and
    speakers are the annotated ones, and only annotated bases are drawn; else the extractor's."""
    corpus, _ = build(bases, n_articles, seed, annotations)
    return corpus["articles"], corpus["answers"]


def build(bases: list[Article], n_articles: int, seed: int,
          annotations: dict[str, list[dict]] | None = None) -> tuple[dict, dict]:
    """The corpus (articles and answers) and what its manifest reports besides."""
    if annotations is not None:
        bases = [a for a in bases if annotations.get(a.id)]
    if n_articles < 1 or not bases:
        raise ValueError("need at least one base and one article"
                         + (" (with annotations)" if annotations is not None else ""))
    chosen, assigned = date_bases(choose_bases(bases, n_articles, seed))
    if annotations is not None:
        annotations = dict(annotations)
        marked = [with_double_marks(a, annotations[a.id]) for a in chosen]
        chosen = [a for a, _ in marked]
        annotations.update((a.id, recs) for a, recs in marked)
    analysed = [analyze_base(a, i, None if annotations is None else annotated_quotes(a, annotations[a.id]))
                for i, a in enumerate(chosen)]
    gen = Generator(analysed, mark_overlaps(analysed), seed, rename=annotations is not None)
    n_derived = n_articles - len(analysed)
    articles: list[Article] = []
    answers: list[dict] = []
    edits: collections.Counter = collections.Counter()
    for i, base in enumerate(analysed):
        k = n_derived // len(analysed) + (1 if i < n_derived % len(analysed) else 0)
        derived = gen.family(base, k)
        articles.append(base.article)
        articles += [d.article for d in derived]
        answers += complete_family(base, derived)
        edits.update(kind for d in derived for kind in d.edits)
    base_ids = {b.id for b in analysed}
    info = {"assigned_dates": assigned, "edits": edits,
            "unscored_bases": [a for a in answers if a["kind"] == "unscored"
                               and a["article"] in base_ids]}
    return {"articles": articles, "answers": answers}, info


def manifest(paths: list[str], n_articles: int, seed: int, corpus: dict, info: dict,
             mode: str = "extractor") -> dict:
    """Parameters and counts: what a benchmark run reports beside its scores."""
    articles, answers = corpus["articles"], corpus["answers"]
    derived = {a["article"] for a in answers if a["kind"] == "derivation"}
    relations = collections.Counter(a["relation"] for a in answers if a["kind"] == "occurrence")
    unscored = collections.Counter(a["reason"] for a in answers if a["kind"] == "unscored")
    words = [len(a.text.split()) for a in articles]
    return {
        "generator": "scripts/trace_corpus.py",
        "version": GENERATOR_VERSION,
        "parameters": {"bases": list(paths), "articles": n_articles, "seed": seed, "answers": mode},
        "knobs": {name: getattr(knobs, name) for name in KNOBS},
        "counts": {
            "articles": len(articles),
            "base_articles": len(articles) - len(derived),
            "derived_articles": len(derived),
            "words_mean": round(sum(words) / len(words), 1) if words else 0,
            "relations": {r: relations.get(r, 0) for r in RELATIONS},
            "edits": {k: info["edits"].get(k, 0) for k in EDIT_KINDS},
            "derivations": sum(a["kind"] == "derivation" for a in answers),
            "unscored": dict(sorted(unscored.items())),
        },
        "assigned_dates": dict(sorted(info["assigned_dates"].items())),
        "unscored_base_passages": [{k: a[k] for k in ("article", "start", "end", "text", "reason")}
                                   for a in info["unscored_bases"]],
    }


def write_corpus(out: Path, corpus: dict, meta: dict) -> None:
    out.mkdir(parents=True, exist_ok=True)

    def dump(obj: object) -> str:
        return json.dumps(obj, ensure_ascii=False)

    with open(out / "articles.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for a in corpus["articles"]:
            fh.write(dump({"id": a.id, "text": a.text, "date": a.date, "outlet": a.outlet}) + "\n")
    with open(out / "answers.jsonl", "w", encoding="utf-8", newline="\n") as fh:
        for a in corpus["answers"]:
            fh.write(dump(a) + "\n")
    with open(out / "manifest.json", "w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps(meta, ensure_ascii=False, indent=1) + "\n")
