"""Hard-wrapped text gives the same quotes as the article it was wrapped from.

    python scripts/check_wrapped.py ../shared/data/polnear/dev.jsonl [--width 72] [--scorer PATH]

Every article of a PolNeAR-style JSONL file (``doc_id`` or ``id``, ``text``, gold ``quotes``) is
wrapped the way wire copy and plain-text archives are: each paragraph (a line of the article:
news puts one paragraph a line) goes through Python's ``textwrap.fill`` at ``--width`` columns,
with a blank line between paragraphs. Both versions are extracted and compared:

- quotes, by their words: kind, the words of the content (read from the article text through
  the quote's spans, so the offsets are checked too), the cue and the speaker's mention and
  name. Words are runs of letters and digits, so white space, line breaks and a hyphen at a
  line end never count as a difference;
- scores, with the shared scorer (``tools/score_extract.py`` beside the data, or ``--scorer``):
  the plain run against the gold file, and the wrapped run, untouched, against a copy of the
  gold file whose offsets are carried into the wrapped text (wrapping only moves white space,
  so the characters that are not white space pair up one to one). A gold span that begins or
  ends with white space (a cue ``said`` and the no-break space after it) loses that white
  space on the way, so a few cues match exactly only in the wrapped run.

Exits 1 when a quote differs or a score moves by more than ``--tolerance`` (0.01), 2 when the
data or the scorer cannot be found.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import textwrap
from bisect import bisect_left
from pathlib import Path

import regex

from quotetrace import Article, Quote, extract

_WORD_RE = regex.compile(r"\w+")
# the scorer's figures compared between the two runs, for each --subset
_MEASURES = ("content_overlap50.f1", "content_exact.f1", "speaker_overlap_acc", "speaker_exact_acc",
             "cue_exact_acc")


def wrap(text: str, width: int) -> str:
    """``text`` with each non-blank line filled at ``width`` columns, blank lines between."""
    paras = [line for line in text.split("\n") if line.strip()]
    return "\n\n".join(textwrap.fill(p, width) for p in paras)


class OffsetMap:
    """Offsets of one text carried into a copy that differs only in white space."""

    def __init__(self, before: str, after: str):
        self.src = [i for i, ch in enumerate(before) if not ch.isspace()]
        self.dst = [i for i, ch in enumerate(after) if not ch.isspace()]
        if [before[i] for i in self.src] != [after[i] for i in self.dst]:
            raise ValueError("the two texts differ in more than white space")
        self.length = len(after)

    def start(self, pos: int) -> int:
        k = bisect_left(self.src, pos)
        return self.dst[k] if k < len(self.dst) else self.length

    def end(self, pos: int) -> int:
        k = bisect_left(self.src, pos) - 1
        return self.dst[k] + 1 if k >= 0 else 0

    def span(self, start: int, end: int) -> list[int]:
        s, e = self.start(start), self.end(end)
        return [s, max(s, e)]


def words(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in _WORD_RE.findall(text))


def quote_key(q: Quote, text: str) -> tuple:
    """What must not change when the text is wrapped: kind, content words, cue and speaker."""
    content = " ".join(text[s.start:s.end] for s in q.spans)
    return (q.kind, words(content), words(q.cue.text) if q.cue else (),
            (words(q.speaker.mention), words(q.speaker.name)) if q.speaker else ())


def gold_in_wrapped(doc: dict, wrapped: str, omap: OffsetMap) -> dict:
    """The gold document with its text wrapped and every offset carried along."""
    quotes = []
    for g in doc.get("quotes", []):
        g = dict(g)
        g["start"], g["end"] = omap.span(g["start"], g["end"])
        if g.get("spans"):
            g["spans"] = [omap.span(s, e) for s, e in g["spans"]]
        for a, b in (("speaker_start", "speaker_end"), ("cue_start", "cue_end")):
            if g.get(a) is not None:
                g[a], g[b] = omap.span(g[a], g[b])
        quotes.append(g)
    return {**doc, "text": wrapped, "quotes": quotes}


def prediction(doc_id: str, quotes: list[Quote]) -> dict:
    return {"article": doc_id, "quotes": [q.to_dict() for q in quotes]}


def measure(scores: dict, name: str) -> float:
    value = scores
    for part in name.split("."):
        value = value[part]
    return float(value)


def run_scorer(scorer: Path, gold: Path, pred: Path, subset: str) -> dict:
    out = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--subset", subset, "--json"],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def write_jsonl(path: Path, rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="PolNeAR-style JSONL: doc_id (or id), text, quotes")
    ap.add_argument("--width", type=int, default=72, help="columns to wrap at (default: 72)")
    ap.add_argument("--scorer", type=Path, default=None,
                    help="the shared scorer (default: tools/score_extract.py two folders above the data "
                         "file's folder: ../shared/tools/ for ../shared/data/polnear/dev.jsonl)")
    ap.add_argument("--tolerance", type=float, default=0.01, help="largest score change allowed")
    ap.add_argument("--show", type=int, default=10, help="differences to print at most (default: 10)")
    a = ap.parse_args(argv)
    if not a.data.is_file():
        print(f"check_wrapped: no such file: {a.data}", file=sys.stderr)
        return 2
    scorer = a.scorer or a.data.resolve().parent.parent.parent / "tools" / "score_extract.py"
    if not scorer.is_file():
        print(f"check_wrapped: the scorer is not at {scorer}; name it with --scorer", file=sys.stderr)
        return 2

    with open(a.data, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    gold_plain, gold_wrapped, pred_plain, pred_wrapped = [], [], [], []
    differing: list[tuple[str, list, list]] = []
    n_quotes = 0
    for doc in docs:
        doc_id = doc.get("doc_id", doc.get("id"))
        text = doc["text"]
        wrapped = wrap(text, a.width)
        omap = OffsetMap(text, wrapped)
        plain_q = extract(Article(id=doc_id, text=text))
        wrapped_q = extract(Article(id=doc_id, text=wrapped))
        n_quotes += len(plain_q)
        got = [quote_key(q, wrapped) for q in wrapped_q]
        want = [quote_key(q, text) for q in plain_q]
        if got != want:
            only_plain = [k for k in want if k not in got]
            only_wrapped = [k for k in got if k not in want]
            differing.append((doc_id, only_plain, only_wrapped))
        gold_plain.append({**doc, "doc_id": doc_id})
        gold_wrapped.append(gold_in_wrapped({**doc, "doc_id": doc_id}, wrapped, omap))
        pred_plain.append(prediction(doc_id, plain_q))
        pred_wrapped.append(prediction(doc_id, wrapped_q))

    failed = bool(differing)
    print(f"{len(docs)} articles wrapped at {a.width} columns, {n_quotes} quotes in the plain text; "
          f"{len(differing)} articles give other quotes when wrapped")
    for doc_id, only_plain, only_wrapped in differing[: a.show]:
        print(f"  {doc_id}")
        for key in only_plain:
            print(f"    plain only:   {key[0]} {' '.join(key[1])[:100]!r} cue={' '.join(key[2])!r}")
        for key in only_wrapped:
            print(f"    wrapped only: {key[0]} {' '.join(key[1])[:100]!r} cue={' '.join(key[2])!r}")
        if not only_plain and not only_wrapped:
            print("    the same quotes in another order")

    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for name, rows in (("gold-plain", gold_plain), ("gold-wrapped", gold_wrapped),
                           ("pred-plain", pred_plain), ("pred-wrapped", pred_wrapped)):
            write_jsonl(d / f"{name}.jsonl", rows)
        for subset in ("speech", "all"):
            plain = run_scorer(scorer, d / "gold-plain.jsonl", d / "pred-plain.jsonl", subset)
            wrapped = run_scorer(scorer, d / "gold-wrapped.jsonl", d / "pred-wrapped.jsonl", subset)
            print(f"--subset {subset}: {'measure':<22} {'plain':>7} {'wrapped':>8}")
            for name in _MEASURES:
                x, y = measure(plain, name), measure(wrapped, name)
                flag = "" if abs(x - y) <= a.tolerance else "   <- differs"
                failed |= bool(flag)
                print(f"{'':<17}{name:<22} {x:7.3f} {y:8.3f}{flag}")
    print("FAILED" if failed else "OK: the wrapped articles give the same quotes and scores")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
