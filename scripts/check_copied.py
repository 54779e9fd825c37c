"""Check that no file of the project repeats a run of words from PolNeAR's articles.

PolNeAR may be used to measure and improve quotetrace but never copied into it: test sentences
and comments are written anew. This script looks for any run of ``--words`` words (default 8,
case and punctuation ignored) shared by a project file and an article of PolNeAR's splits, and
exits 1 listing them.

Usage: python scripts/check_copied.py ../shared [--words 8]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import regex

_WORD_RE = regex.compile(r"\w+")
# the seeds are the project's own articles, not PolNeAR's; the rest is text the project wrote
_SUFFIXES = (".py", ".md", ".ipynb", ".json", ".jsonl", ".txt", ".toml", ".cfg", ".html", ".ini")


def _runs(text: str, n: int) -> set[int]:
    words = [w.lower() for w in _WORD_RE.findall(text)]
    return {hash(tuple(words[i:i + n])) for i in range(len(words) - n + 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("shared", type=Path, help="the shared folder that holds data/polnear/")
    ap.add_argument("--words", type=int, default=8, help="length of a shared run of words")
    args = ap.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    runs: set[int] = set()
    for split in sorted((args.shared / "data" / "polnear").glob("*.jsonl")):
        with split.open(encoding="utf-8") as fh:
            for line in fh:
                runs |= _runs(json.loads(line)["text"], args.words)
    if not runs:
        print(f"check_copied: no PolNeAR articles under {args.shared}", file=sys.stderr)
        return 2
    tracked = subprocess.run(["git", "ls-files"], cwd=root, capture_output=True, text=True,
                             check=True).stdout.split("\n")
    found = 0
    for name in tracked:
        if not name.endswith(_SUFFIXES) or name.startswith("seeds/"):
            continue
        text = (root / name).read_text(encoding="utf-8", errors="replace")
        words = [(m.group().lower(), m.start()) for m in _WORD_RE.finditer(text)]
        for i in range(len(words) - args.words + 1):
            if hash(tuple(w for w, _ in words[i:i + args.words])) in runs:
                start = words[i][1]
                line = text.count("\n", 0, start) + 1
                print(f"{name}:{line}: {text[start:start + 70]!r}")
                found += 1
    print(f"check_copied: {found} runs of {args.words} words shared with PolNeAR", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
