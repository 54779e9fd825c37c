"""``quotetrace trace --engine spark``: the command's Spark branch (the CLI stays thin)."""

from __future__ import annotations

import argparse

from ..model import Trace
from .job import trace_spark


def run(args: argparse.Namespace) -> Trace:
    """The trace the command writes; with ``--parquet DIR`` the tables are written too."""
    return trace_spark(args.paths, master=args.master, partitions=args.partitions, analyzer=args.analyzer,
                       texts=args.format != "json", parquet=args.parquet)
