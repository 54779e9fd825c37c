"""Sphinx configuration of the quotetrace documentation (built by `tox -e docs`).

The build needs no network: no intersphinx, no fonts or scripts from elsewhere. It runs the
tutorial notebook on a fresh kernel (a failing cell fails the build) and the commands whose
output the pages show, so neither can drift from what quotetrace does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the `quotetrace` command of the environment that builds the docs, for `command-output`
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")

import quotetrace  # noqa: E402

project = "quotetrace"
author = "quotetrace developers"
copyright = "quotetrace developers"
release = version = quotetrace.__version__

extensions = [
    "myst_nb",  # Markdown pages (MyST) and the executed notebook
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "sphinxcontrib.programoutput",
    "sphinx_copybutton",
]

exclude_patterns = ["_build", "**.ipynb_checkpoints", "conftest.py"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
root_doc = "index"

# Markdown
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# The notebook runs on a fresh kernel at every build, in its own folder (as Jupyter runs it).
# A cell that fails is a warning that shows the cell and its traceback, and -W makes it fail the
# build (raising instead would bury the cell under Sphinx's own traceback).
nb_execution_mode = "force"
nb_execution_raise_on_error = False
nb_execution_allow_errors = False
nb_execution_show_tb = True
nb_execution_timeout = 300
nb_execution_in_temp = False
nb_kernel_rgx_aliases = {".*": "python3"}
nb_merge_streams = True

# API reference: the docstrings as written (reST roles), signatures without the long type unions
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
python_maximum_signature_line_length = 88
autodoc_typehints_format = "short"
add_module_names = False
# every cross-reference must land on something documented here
nitpicky = True
nitpick_ignore_regex = [
    # standard library and attrs types in signatures: the build is offline, so no intersphinx
    (r"py:(class|obj|exc)", r"(os|typing|collections\.abc|attrs?|pathlib|io|_io)\..*"),
    (r"py:(class|obj)", r"(Iterable|Iterator|Callable|Sequence|Any|PathLike|TextIO)"),
    (r"py:class", r"(str|int|float|bool|dict|list|tuple|None|bytes|object)"),
]

# Command output shown with the same prompt as the README
programoutput_prompt_template = "$ {command}\n{output}"

html_theme = "furo"
html_title = f"quotetrace {release}"
html_static_path: list[str] = []
html_show_sourcelink = False
# furo uses system fonts and bundles its scripts: nothing is fetched when a page is read offline
copybutton_prompt_text = r"\$ |>>> |\.\.\. "
copybutton_prompt_is_regexp = True


def _public_target(app, env, node, contnode):  # noqa: ANN001, ANN202
    """The model's docstrings name `Trace.to_records` or `QUOTE_COLUMNS` as their module sees
    them; the reference documents them under `quotetrace` and `quotetrace.model`."""
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    for prefix in ("quotetrace.", "quotetrace.model."):
        target = prefix + node["reftarget"]
        found = domain.resolve_xref(env, node["refdoc"], app.builder, node["reftype"], target, node, contnode)
        if found is not None:
            return found
    return None


def setup(app):  # noqa: ANN001, ANN201
    app.connect("missing-reference", _public_target)
