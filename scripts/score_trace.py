"""Score a trace against the answers of a generated benchmark corpus.

    python scripts/score_trace.py ANSWERS.jsonl TRACE.json [--format table|json] [--show-misses [N]]

A thin entry: the scorer is ``quotetrace.benchmark.score``, where the matching is described.
"""

from __future__ import annotations

import sys
from pathlib import Path

# run from a checkout as `python scripts/score_trace.py`, the package beside it is the one used
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrace.benchmark.score import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
