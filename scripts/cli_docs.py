"""Write docs/cli.md from the command's own --help texts (tests/test_docs.py checks it is current).

    python scripts/cli_docs.py > docs/cli.md
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quotetrace.cli import _parser  # noqa: E402


def render() -> str:
    parser = _parser()
    out = ["# Command-line reference", "", "Generated from `--help` by `scripts/cli_docs.py`.", ""]
    sub = next(a for a in parser._actions if a.dest == "command")
    pages = [("quotetrace", parser)] + [(f"quotetrace {name}", p) for name, p in sub.choices.items()]
    for title, p in pages:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            p.print_help()
        out += [f"## {title}", "", "```", buf.getvalue().rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(render())
