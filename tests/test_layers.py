"""The package reads bottom up: every import inside quotetrace runs to a lower layer or stays in
its own, so a newcomer can read the layers in order and a change never ripples downward."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "quotetrace"

# The layer order, written once, bottom first. A module belongs to the layer whose prefix its
# dotted name (without "quotetrace.") starts with; "__init__" is the package's public face.
LAYERS: list[tuple[str, ...]] = [
    ("model", "errors", "options", "dates"),  # values, exceptions, choices, publication dates
    ("web",),                     # web pages and WARC records -> Article (trafilatura, warcio)
    ("read",),                    # files, folders, JSONL, stdin, pages, WARC -> Article
    ("text",),                    # word lists, paragraphs, sentences, tokens
    ("marks",),                   # passages in quotation marks
    ("analyze",),                 # rules and stanza analyzers
    ("attribute",),               # cue frames, mentions, speakers, resolution, assembly
    ("pipeline",),                # extract(): the steps in order
    ("tracing",),                 # tracing quotes across articles, speakers, the people table
    ("store",),                   # a corpus on disk: SQLite store, add / trace / check
    ("spark",),                   # the trace on Apache Spark (pyspark imported lazily)
    ("evaluation",),              # scoring against annotations
    ("benchmark",),               # generated tracing corpora and their scorer (scripts/)
    ("report",),                  # text, JSON, HTML
    ("output",),                  # standard output or -o FILE, written atomically
    ("cli", "__main__", "__init__"),
]


def layer(module: str) -> int:
    for k, prefixes in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return k
    raise AssertionError(f"quotetrace.{module} belongs to no layer: add it to LAYERS")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def imports(source: str, module: str, is_package: bool) -> list[tuple[int, str]]:
    """(line, target) for every import of a quotetrace module in ``source``, lazy ones included.

    ``from . import name`` names a submodule when one exists, else the package itself.
    """
    package = [] if module == "__init__" else module.split(".") if is_package else module.split(".")[:-1]
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - node.level + 1]
            if node.module:
                out.append((node.lineno, ".".join([*base, node.module])))
                continue
            for alias in node.names:
                sub = [*base, alias.name]
                is_module = PACKAGE.joinpath(*sub).with_suffix(".py").exists() or PACKAGE.joinpath(*sub).is_dir()
                out.append((node.lineno, ".".join(sub if is_module else base) or "__init__"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "quotetrace":
            out.append((node.lineno, node.module.partition(".")[2] or "__init__"))
        elif isinstance(node, ast.Import):
            out.extend((node.lineno, a.name.partition(".")[2]) for a in node.names
                       if a.name.startswith("quotetrace."))
    return out


def module_imports(path: Path) -> list[tuple[int, str]]:
    return imports(path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py")


def upward(module: str, found: list[tuple[int, str]]) -> list[tuple[int, str]]:
    return [(line, target) for line, target in found if layer(target) > layer(module)]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    """Each module of the package sits in one layer of LAYERS."""
    assert len(MODULES) > 20
    for path in MODULES:
        layer(module_name(path))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_run_downward(path: Path) -> None:
    """No module imports one from a higher layer."""
    here = module_name(path)
    bad = upward(here, module_imports(path))
    assert not bad, f"quotetrace.{here} imports upward: " + ", ".join(f"line {n}: {t}" for n, t in bad)


@pytest.mark.parametrize(("module", "is_package", "source", "bad"), [
    ("text.layout", False, "from ..attribute.frames import find_reported\nfrom .lexicon import SPEECH_RE\n",
     [(1, "attribute.frames")]),
    ("marks", False, "def f():\n    from .pipeline import extract\n", [(2, "pipeline")]),
    ("attribute", True, "from ..marks import Marked\nfrom . import frames\n", []),
    ("analyze.rules", False, "import quotetrace.report\nfrom quotetrace.model import Span\n", [(1, "report")]),
])
def test_the_walker_finds_upward_imports(module: str, is_package: bool, source: str, bad: list) -> None:
    """The check itself: relative, absolute and lazy imports are all resolved and judged."""
    assert upward(module, imports(source, module, is_package)) == bad


def test_no_import_cycles() -> None:
    """Modules never import each other in a loop, whatever their layers."""
    graph = {module_name(p): {t for _, t in module_imports(p)} for p in MODULES}
    done: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt == node or nxt not in graph or nxt in done:
                continue
            assert nxt not in trail, "import cycle: " + " -> ".join(trail[trail.index(nxt):] + [nxt])
            visit(nxt, trail + [nxt])
        done.add(node)

    for node in sorted(graph):
        visit(node, [node])
