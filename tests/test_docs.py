"""Docs that cannot drift: README commands run in CI, the CLI reference matches --help."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from .conftest import ROOT


def test_readme_commands_are_run_by_ci() -> None:
    """Every `$ ` command in the README is run, verbatim, by .ci/run."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line[2:] for line in readme.splitlines() if line.startswith("$ ")]
    assert len(commands) >= 2
    ci_lines = {line.strip() for line in ci.splitlines()}
    for cmd in commands:
        assert cmd in ci_lines, cmd


def test_cli_reference_is_current() -> None:
    """docs/cli.md is what scripts/cli_docs.py writes from the current --help texts."""
    env = dict(os.environ, COLUMNS="100")
    fresh = subprocess.run([sys.executable, str(ROOT / "scripts" / "cli_docs.py")], env=env,
                           capture_output=True, text=True, check=True).stdout
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == fresh


def test_tutorial_notebook_is_stored_without_outputs() -> None:
    """The tutorial is stored as sources only: `tox -e docs` runs it on a fresh kernel and the
    site shows what the current code prints, so no stale output can be committed."""
    nb = json.loads((ROOT / "docs" / "notebooks" / "tutorial.ipynb").read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code and all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    assert nb["metadata"]["kernelspec"]["name"] == "python3"


def test_readme_report_is_what_trace_prints() -> None:
    """The report the README shows after its first command is part of what that command prints."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("quotetrace trace seeds/\n```", 1)[1]
    shown = after.split("\n```\n", 1)[1].split("\n```", 1)[0].splitlines()
    printed = subprocess.run([sys.executable, "-m", "quotetrace", "trace", str(ROOT / "seeds")], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout.splitlines()
    assert len(shown) > 5
    assert any(printed[k:k + len(shown)] == shown for k in range(len(printed))), "\n".join(shown)


def test_readme_notebook_line_installs_what_the_tutorial_imports() -> None:
    """The README's notebook install names an extra that brings Jupyter and pandas, which the
    tutorial's to_pandas() cells need (without it the last cells raise ExtraError)."""
    import re
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    line = re.search(r"pip install '\.\[(\w+)\]'`, then `\.venv/bin/jupyter lab`", readme)
    assert line is not None
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    wanted = {re.match(r"[\w-]+", req).group() for req in extras[line.group(1)]}
    nb = (ROOT / "docs" / "notebooks" / "tutorial.ipynb").read_text(encoding="utf-8")
    assert "jupyterlab" in wanted
    assert "to_pandas" not in nb or "pandas" in wanted


def test_readme_corpus_commands_print_what_it_shows(tmp_path) -> None:  # noqa: ANN001
    """The "A corpus that grows" commands, run on the example pages, print what the README shows."""
    import shutil

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A corpus that grows", 1)[1]
    commands = section.split("```console\n", 1)[1].split("\n```", 1)[0].splitlines()
    shown = section.split("prints\n\n```\n", 1)[1].split("\n```", 1)[0]
    examples = ROOT / "docs" / "examples"
    shutil.copytree(examples / "pages", tmp_path / "pages")
    shutil.copy(examples / "new-article.html", tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    printed = ""
    for cmd in commands:
        assert cmd.startswith("quotetrace ")
        printed += subprocess.run([sys.executable, "-m", "quotetrace", *cmd.split()[1:]], cwd=tmp_path, env=env,
                                  capture_output=True, text=True, check=True).stdout
    assert printed.rstrip("\n") == shown
