"""Run the examples of the documentation pages: every ```pycon block of a page under docs/ is a
doctest, and a page's blocks share one namespace, in order. ```python blocks are illustrations
(they name files you have, not files the project has) and are not run.

Examples run in the project folder, where `seeds/` is, as the README's commands do.
"""

from __future__ import annotations

import doctest
import os
from pathlib import Path

from sybil import Sybil
from sybil.evaluators.doctest import DocTestEvaluator
from sybil.parsers.abstract.doctest import DocTestStringParser
from sybil.parsers.markdown import CodeBlockParser

ROOT = Path(__file__).resolve().parent.parent

# conf.py is Sphinx's, not a module to test; _build holds the built site
collect_ignore = ["conf.py"]
collect_ignore_glob = ["_build/*"]


class ConsoleSessionParser:
    """```pycon blocks, read as doctests."""

    def __init__(self) -> None:
        self.blocks = CodeBlockParser("pycon", lambda example: None)
        self.doctests = DocTestStringParser(DocTestEvaluator(doctest.ELLIPSIS))

    def __call__(self, document):  # noqa: ANN001, ANN204
        for region in self.blocks(document):
            source = region.parsed
            for example in self.doctests(source, document.path):
                example.adjust(region, source)
                yield example


def _setup(namespace: dict) -> None:
    namespace["_cwd"] = os.getcwd()
    os.chdir(ROOT)


def _teardown(namespace: dict) -> None:
    os.chdir(namespace["_cwd"])


pytest_collect_file = Sybil(parsers=[ConsoleSessionParser()], patterns=["*.md", "**/*.md"],
                            setup=_setup, teardown=_teardown).pytest()
