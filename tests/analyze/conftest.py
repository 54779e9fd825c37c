"""Fixtures for the stanza analyzer: tiny models trained on the spot, and the real ones when present."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stanza resources dir with tokenize, pos, lemma, depparse and ner trained from data/news.conllu."""
    pytest.importorskip("stanza")
    from .tiny_stanza import train_tiny_models

    root = tmp_path_factory.mktemp("stanza")
    began = time.perf_counter()
    out = train_tiny_models(DATA / "news.conllu", root / "resources", root / "work")
    print(f"\ntiny stanza models trained in {time.perf_counter() - began:.1f} s")
    return out


@pytest.fixture(scope="session")
def tiny_analyzer(tiny_models: Path):
    """The real stanza analyzer over the tiny models; the pipeline is built once for the session."""
    from quotetrace.analyze.stanza import StanzaAnalyzer

    return StanzaAnalyzer(model_dir=str(tiny_models))


@pytest.fixture(scope="session")
def real_model_dir() -> str:
    """$STANZA_RESOURCES_DIR when it holds English models; the test is skipped otherwise."""
    pytest.importorskip("stanza")
    model_dir = os.environ.get("STANZA_RESOURCES_DIR", "")
    if not model_dir or not (Path(model_dir) / "en" / "depparse").is_dir():
        pytest.skip("needs English stanza models in $STANZA_RESOURCES_DIR")
    return model_dir
