"""Generate a benchmark corpus for quote tracing, with the answers beside it.

    python scripts/trace_corpus.py BASE_PATH... --out DIR [--articles N] [--seed S] [--verify]

A thin entry: the generator is the package ``quotetrace.benchmark`` (its command is
``quotetrace.benchmark.command``, where the options and the files written are described).
"""

from __future__ import annotations

import sys
from pathlib import Path

# run from a checkout as `python scripts/trace_corpus.py`, the package beside it is the one used
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrace.benchmark.command import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
