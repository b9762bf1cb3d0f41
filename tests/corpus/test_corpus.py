"""The whole v1.0 corpus: no crash, located diagnostics, deterministic, and the agreement with
the CSDL (issue 3). The thresholds are the numbers reached, not the issue's goals: a change that
lowers one fails here; raise them as the model improves."""

from __future__ import annotations

import pytest

from generator.codes import CODES
from generator.model import dump_model
from generator.verify import Agreement
from tests.corpus.conftest import DOCS, CorpusRun

pytestmark = pytest.mark.corpus

REACHED = {
    "types": 93.85,
    "properties": 94.11,
    "property_types": 98.43,
    "base_types": 88.72,
    "enums": 90.71,
    "enum_members": 91.22,
}
MAX_EXTRA_TYPES = 5.0  # the bound on model types the CSDL lacks, % of the model


def test_every_page_is_read_and_the_model_is_whole(corpus_run: CorpusRun) -> None:
    assert corpus_run.pages == len(list(DOCS.rglob("*.md"))) == 3341
    assert len(corpus_run.model.types) > 950
    assert len(corpus_run.model.enums) > 300
    assert len(corpus_run.model.operations) > 1500


def test_diagnostics_are_located_and_registered(corpus_run: CorpusRun) -> None:
    pages = {doc.path for doc in corpus_run.docs}
    for diagnostic in corpus_run.diagnostics.items:
        assert diagnostic.code in CODES
        assert diagnostic.source.path in pages, diagnostic
        assert diagnostic.source.line >= 1, diagnostic


def test_page_order_never_changes_the_model(corpus_run: CorpusRun, shuffled_model: object) -> None:
    assert dump_model(corpus_run.model) == dump_model(shuffled_model)  # type: ignore[arg-type]


@pytest.mark.parametrize("measure", sorted(REACHED))
def test_agreement_with_the_csdl(agreement: Agreement, measure: str) -> None:
    ratio = getattr(agreement, measure)
    assert ratio.total > 0
    assert ratio.percent >= REACHED[measure], agreement.summary()


@pytest.mark.parametrize("measure", sorted(REACHED.keys() - {"property_types"}))
def test_no_measure_passes_its_ceiling(agreement: Agreement, measure: str) -> None:
    """What the model finds, the docs name; the ceiling counts the model's finds as named, so
    recall above it means the vocabulary or the count is wrong."""
    ratio = getattr(agreement, measure)
    assert ratio.reachable is not None and ratio.total > ratio.reachable >= ratio.agreeing
    assert ratio.ceiling is not None and ratio.percent <= ratio.ceiling < 100.0


def test_few_model_types_are_unknown_to_the_csdl(agreement: Agreement) -> None:
    assert agreement.extra_types.percent <= MAX_EXTRA_TYPES, agreement.summary()


def test_every_disagreement_is_located(agreement: Agreement) -> None:
    lines = agreement.disagreements("DOCS")
    assert len(lines) == len(agreement.in_docs.items) + len(agreement.in_csdl.items)
    for line in lines:
        location, _, rest = line.partition(": ")
        path, _, number = location.rpartition(":")
        assert (path.startswith("DOCS/") or path.endswith(".xml")) and int(number) >= 1, line
        assert rest.split()[1].startswith("GG06"), line
