"""Session fixtures for the model tests over the real corpus: the corpus package rendered once
(without black: formatting changes no behaviour and costs 100 s) and imported under its own name.

Imported by tests/corpus/test_roundtrip.py and test_mypy_corpus.py (tests/corpus/conftest.py
belongs to the corpus parser's tests).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from generator.extract import build_model
from generator.model import ApiModel
from generator.parse import PageDoc
from generator.pipeline import Run, parse_docs
from generator.render import RenderedFile, render_files
from tests.conftest import CORPUS, require_corpus

CORPUS_DOCS = CORPUS / "graph-docs-2021-07" / "v1.0"
PACKAGE = "corpus_models"


@dataclass(frozen=True, slots=True)
class CorpusPackage:
    docs: list[PageDoc]
    model: ApiModel
    root: Path  # the folder that holds the package
    package: ModuleType
    files: tuple[RenderedFile, ...]  # as rendered, before any formatting


@pytest.fixture(scope="session")
def corpus_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CorpusPackage]:
    run = Run()
    docs = parse_docs(require_corpus(CORPUS_DOCS), run)
    model = build_model(docs, run.diagnostics)
    root = tmp_path_factory.mktemp("corpus-models")
    files = tuple(render_files(model, PACKAGE, run.diagnostics))
    for file in files:
        target = root / PACKAGE / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        yield CorpusPackage(docs, model, root, importlib.import_module(PACKAGE), files)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]
