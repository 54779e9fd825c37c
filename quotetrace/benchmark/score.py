"""Score a trace against the answers of a generated benchmark corpus.

    python scripts/score_trace.py ANSWERS.jsonl TRACE.json [--format table|json] [--show-misses [N]]

``ANSWERS.jsonl`` comes from ``scripts/trace_corpus.py``; ``TRACE.json`` is the output of
``quotetrace trace --format json`` on that corpus's ``articles.jsonl`` (the contract in DESIGN.md:
``families[].occurrences[]`` with ``article``, ``start``, ``end``, ``relation``; ``derivations[]``
with ``article`` and ``source``).

Matching: an answer and a trace occurrence match when they are in the same article and their
character spans have a Dice coefficient of at least 0.5; each is matched at most once, best
Dice first. Then, per relation R:

- recall: answers labelled R matched by an occurrence labelled R, over answers labelled R;
- precision: occurrences labelled R that match an answer labelled R, over occurrences labelled R
  that match an answer or lie in a derived article. An occurrence in a derived article that
  matches no answer is a false positive, unless it lies in an ``unscored`` region (half its length
  or more); one in a base article that matches no answer is not scored.

The reported-speech evidence of an occurrence (``evidence[]`` with ``role: "reported-speech"``) may
stand for a ``paraphrase`` occurrence: it counts towards the recall of an answer labelled
``paraphrase`` that no occurrence matched, and is never a false positive. Derivations are scored
apart, as (article, source) pairs of derived articles.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

#: The least Dice coefficient of two character spans that makes them one passage.
MIN_DICE = 0.5
#: An unmatched occurrence is ignored when this share of it lies in an unscored region.
UNSCORED_COVER = 0.5
#: Relations in report order; others a trace may use are listed after them.
RELATIONS = ("original", "verbatim", "excerpt", "expanded", "altered", "paraphrase",
             "misattributed", "unsupported", "single-source")


def dice(a: tuple[int, int], b: tuple[int, int]) -> float:
    common = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    total = (a[1] - a[0]) + (b[1] - b[0])
    return 2 * common / total if total else float(a == b)


def _occurrences(trace: dict) -> tuple[list[dict], list[dict]]:
    """Every occurrence of the trace, and every piece of reported-speech evidence."""
    occs, evidence = [], []
    for fam in trace.get("families", []):
        for occ in fam.get("occurrences", []):
            occs.append({"article": occ["article"], "start": occ["start"], "end": occ["end"],
                         "relation": occ.get("relation"), "text": occ.get("text"),
                         "family": fam.get("id")})
            for ev in occ.get("evidence") or []:
                if ev.get("role") == "reported-speech" and {"article", "start", "end"} <= ev.keys():
                    evidence.append({"article": ev["article"], "start": ev["start"], "end": ev["end"],
                                     "relation": "paraphrase", "text": ev.get("text"),
                                     "family": fam.get("id")})
    return occs, evidence


def _match(answers: list[dict], preds: list[dict]) -> list[tuple[int, int]]:
    """One-to-one pairs ``(answer index, prediction index)``, best Dice first, within articles."""
    by_article = collections.defaultdict(list)
    for j, p in enumerate(preds):
        by_article[p["article"]].append(j)
    pairs = []
    for i, a in enumerate(answers):
        for j in by_article.get(a["article"], ()):
            d = dice((a["start"], a["end"]), (preds[j]["start"], preds[j]["end"]))
            if d >= MIN_DICE:
                pairs.append((-d, i, j))
    pairs.sort()
    used_a, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_a and j not in used_p:
            used_a.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _in_unscored(p: dict, regions: dict[str, list[tuple[int, int]]]) -> bool:
    length = max(1, p["end"] - p["start"])
    return any(max(0, min(e, p["end"]) - max(s, p["start"])) >= UNSCORED_COVER * length
               for s, e in regions.get(p["article"], ()))


def _prf(tp: int, predicted: int, expected: int) -> dict:
    p = tp / predicted if predicted else None
    r = tp / expected if expected else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
    return {"answers": expected, "predicted": predicted, "correct": tp,
            "precision": _round(p), "recall": _round(r), "f1": _round(f)}


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def score(answers: list[dict], trace_json: dict) -> dict:
    """Precision, recall and F1 per relation and overall, the derivations' scores, a confusion
    table (answer relation → trace relation, ``none`` when unmatched) and the misses."""
    gold = [a for a in answers if a.get("kind", "occurrence") == "occurrence"]
    regions: dict[str, list[tuple[int, int]]] = collections.defaultdict(list)
    for a in answers:
        if a.get("kind") == "unscored":
            regions[a["article"]].append((a["start"], a["end"]))
    derived = {a["article"] for a in answers if a.get("kind") == "derivation"}
    preds, evidence = _occurrences(trace_json)

    pairs = _match(gold, preds)
    got = {i: j for i, j in pairs}
    matched_preds = {j: i for i, j in pairs}
    # evidence stands in for a paraphrase occurrence that the trace did not list
    open_paraphrases = [i for i, a in enumerate(gold) if i not in got and a["relation"] == "paraphrase"]
    tp, predicted, expected = collections.Counter(), collections.Counter(), collections.Counter()
    for k, j in _match([gold[i] for i in open_paraphrases], evidence):
        got[open_paraphrases[k]] = ("evidence", j)
        predicted["paraphrase"] += 1  # a claim that matched; unmatched evidence claims nothing
    confusion: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    misses = []
    for i, a in enumerate(gold):
        expected[a["relation"]] += 1
        hit = got.get(i)
        p = evidence[hit[1]] if isinstance(hit, tuple) else (preds[hit] if hit is not None else None)
        label = p["relation"] if p else "none"
        confusion[a["relation"]][label] += 1
        if label == a["relation"]:
            tp[label] += 1
        else:
            misses.append(_miss(a, p, "missed" if p is None else "wrong relation"))
    for j, p in enumerate(preds):
        if j in matched_preds:
            predicted[p["relation"]] += 1
        elif p["article"] in derived and not _in_unscored(p, regions):
            predicted[p["relation"]] += 1
            misses.append(_miss(None, p, "no answer here"))

    labels = list(RELATIONS) + sorted((set(expected) | set(predicted)) - set(RELATIONS))
    per = {r: _prf(tp[r], predicted[r], expected[r]) for r in labels}
    overall = _prf(sum(tp.values()), sum(predicted.values()), sum(expected.values()))
    return {"relations": per, "overall": overall, "derivations": _derivations(answers, trace_json, derived),
            "confusion": {r: dict(sorted(c.items())) for r, c in sorted(confusion.items())},
            "misses": misses}


def _miss(answer: dict | None, pred: dict | None, why: str) -> dict:
    out = {"why": why}
    where = answer or pred
    out.update({"article": where["article"], "start": where["start"], "end": where["end"]})
    if answer:
        out.update({"text": answer.get("text"), "expected": answer["relation"],
                    "edit": answer.get("edit")})
    if pred:
        out.update({"got": pred["relation"], "got_start": pred["start"], "got_end": pred["end"],
                    "got_text": pred.get("text"), "got_family": pred.get("family")})
    return out


def _derivations(answers: list[dict], trace_json: dict, derived: set[str]) -> dict:
    gold = {(a["article"], a["source"]) for a in answers if a.get("kind") == "derivation"}
    pred = {(d["article"], d["source"]) for d in trace_json.get("derivations", [])
            if d.get("article") in derived}
    result = _prf(len(gold & pred), len(pred), len(gold))
    result["missed"] = sorted(gold - pred)[:50]
    result["wrong"] = sorted(pred - gold)[:50]
    return result


# --- command line ----------------------------------------------------------------------------------


def load_answers(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def table(result: dict) -> str:
    rows = [("relation", "answers", "found", "correct", "precision", "recall", "F1")]

    def fmt(x: float | None) -> str:
        return "-" if x is None else f"{x:.3f}"
    for name, r in list(result["relations"].items()) + [("overall", result["overall"]),
                                                        ("derivations", result["derivations"])]:
        if name != "overall" and name != "derivations" and not (r["answers"] or r["predicted"]):
            continue
        rows.append((name, str(r["answers"]), str(r["predicted"]), str(r["correct"]),
                     fmt(r["precision"]), fmt(r["recall"]), fmt(r["f1"])))
    widths = [max(len(row[k]) for row in rows) for k in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(w) if k == 0 else c.rjust(w) for k, (c, w) in enumerate(zip(row, widths)))
             for row in rows]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 2, "-" * len(lines[0]))
    return "\n".join(lines)


def _miss_line(m: dict) -> str:
    text = (m.get("text") or m.get("got_text") or "").replace("\n", " ")
    text = text if len(text) <= 80 else text[:77] + "..."
    return (f"{m['why']}: {m['article']} [{m['start']}:{m['end']}] expected "
            f"{m.get('expected', '-')}, got {m.get('got', '-')}: {text!r}")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python scripts/score_trace.py",
        description="Precision, recall and F1 per relation of a trace against a generated corpus.",
        epilog="example: python scripts/score_trace.py corpus/answers.jsonl trace.json --show-misses 20")
    p.add_argument("answers", help="answers.jsonl written by scripts/trace_corpus.py")
    p.add_argument("trace", help="the output of 'quotetrace trace --format json'")
    p.add_argument("--format", choices=("table", "json"), default="table")
    p.add_argument("--show-misses", nargs="?", type=int, const=50, default=0, metavar="N",
                   help="list up to N misses (default 50) for debugging")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        answers = load_answers(args.answers)
        with open(args.trace, encoding="utf-8") as fh:
            trace = json.load(fh)
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    result = score(answers, trace)
    misses = result["misses"]
    if args.format == "json":
        if not args.show_misses:
            result = {k: v for k, v in result.items() if k != "misses"}
        else:
            result["misses"] = misses[:args.show_misses]
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    print(table(result))
    if args.show_misses:
        print(f"\n{len(misses)} misses" + (f", the first {args.show_misses}:" if len(misses) > args.show_misses else ":"))
        for m in misses[:args.show_misses]:
            print("  " + _miss_line(m))
    return 0


if __name__ == "__main__":
    sys.exit(main())
