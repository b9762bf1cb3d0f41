"""Session fixtures over the real corpus (GEN_GRAPH_CORPUS, see tests/conftest.py): parsed
once, built once, compared with the CSDL once; every corpus test shares them. Only the model is
built (no rendering, no black), which keeps the whole corpus at a few seconds of build after
~15 s of parsing."""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from generator.diagnostics import Diagnostics
from generator.extract import build_model
from generator.model import ApiModel
from generator.parse import PageDoc
from generator.pipeline import Run, parse_docs
from generator.verify import Agreement, compare, docs_vocabulary, read_csdl
from tests.conftest import CORPUS, require_corpus

DOCS = CORPUS / "graph-docs-2021-07" / "v1.0"
CSDL = CORPUS / "csdl" / "v1.0-2021-07-20.xml"


@dataclass(frozen=True, slots=True)
class CorpusRun:
    pages: int
    docs: list[PageDoc]
    model: ApiModel
    diagnostics: Diagnostics


@pytest.fixture(scope="session")
def corpus_run() -> CorpusRun:
    run = Run()
    docs = parse_docs(require_corpus(DOCS), run)
    model = build_model(docs, run.diagnostics)
    return CorpusRun(pages=run.pages, docs=docs, model=model, diagnostics=run.diagnostics)


@pytest.fixture(scope="session")
def shuffled_model(corpus_run: CorpusRun) -> ApiModel:
    """The same pages in another order: the model must not change."""
    docs = list(corpus_run.docs)
    random.Random(20210720).shuffle(docs)
    return build_model(docs, Diagnostics())


@pytest.fixture(scope="session")
def agreement(corpus_run: CorpusRun) -> Agreement:
    return compare(corpus_run.model, read_csdl(require_corpus(CSDL)), docs_vocabulary(DOCS))
