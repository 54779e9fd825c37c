"""Model files for the optional stanza analyzer: where they live, and how to fetch them.

stanza is imported only inside these functions, so ``import quotetrace`` stays light and works
without it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import ModuleType

from ..errors import ModelError

#: The processors the stanza analyzer runs, in stanza's order.
PROCESSORS = "tokenize,pos,lemma,depparse,ner"

INSTALL_HINT = ("install it with `pip install torch==2.13.0` (the CPU build, first, so pip does "
                "not pull a CUDA build) and then `pip install 'quotetrace[stanza]'`")


def default_model_dir() -> str:
    """``$STANZA_RESOURCES_DIR``, else stanza's own default ``~/stanza_resources``."""
    return os.environ.get("STANZA_RESOURCES_DIR") or os.path.join(os.path.expanduser("~"), "stanza_resources")


def fix_hint(model_dir: str, lang: str = "en") -> str:
    """The command that puts models where the analyzer looks for them."""
    return (f"run `quotetrace models download --lang {lang} --dir {model_dir}` on a machine with a "
            f"network (or copy a stanza resources directory there, or set STANZA_RESOURCES_DIR)")


def import_stanza() -> ModuleType:
    """The stanza module, or a ModelError that says how to install it."""
    try:
        import stanza
    except ImportError as exc:
        raise ModelError(f"the stanza analyzer needs the stanza package ({exc}); {INSTALL_HINT}") from None
    return stanza


def missing_files(model_dir: str, lang: str = "en", processors: str = PROCESSORS) -> list[str]:
    """The model files a pipeline of ``processors`` would need that ``model_dir`` lacks.

    Reads ``resources.json`` the way stanza does for the default package, without importing
    stanza, so a missing model is reported before torch is loaded.
    """
    root = Path(model_dir)
    index = root / "resources.json"
    if not index.is_file():
        return [str(index)]
    try:
        resources = json.loads(index.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return [f"{index} (unreadable)"]
    entry = resources.get(lang)
    if not isinstance(entry, dict):
        return [f"{root / lang} (no {lang!r} models listed in {index})"]
    entry = resources.get(entry["alias"], {}) if "alias" in entry else entry
    defaults = entry.get("default_processors") or entry.get("packages", {}).get("default", {})
    missing = []
    for proc in (p.strip() for p in processors.split(",") if p.strip()):
        package = defaults.get(proc)
        if not isinstance(package, str):
            missing.append(f"{root / lang / proc} (no default {proc} model listed in {index})")
            continue
        needed = [(proc, package)]
        deps = entry.get(proc, {}).get(package, {}).get("dependencies", [])
        needed += [(d["model"], d["package"]) for d in deps if isinstance(d, dict) and "model" in d]
        for kind, name in needed:
            path = root / lang / kind / f"{name}.pt"
            if not path.is_file():
                missing.append(str(path))
    return list(dict.fromkeys(missing))


def download(lang: str = "en", model_dir: str | None = None, processors: str = PROCESSORS) -> str:
    """Download stanza's models for ``lang`` into ``model_dir`` (needs a network); return the dir.

    A thin wrapper over ``stanza.download`` that turns its failures into one :class:`ModelError`.
    """
    stanza = import_stanza()
    model_dir = model_dir or default_model_dir()
    try:
        stanza.download(lang, model_dir=model_dir, processors=processors, logging_level="WARN")
    except Exception as exc:  # stanza raises requests, OS and value errors alike
        raise ModelError(f"could not download the stanza {lang!r} models into {model_dir}: {exc}. "
                         f"Check the network connection and retry, or copy a stanza resources "
                         f"directory there by hand") from exc
    return model_dir
