"""The whole pipeline on hostile page sets: no exception from any stage, located diagnostics,
and every generated file is valid Python (black and the libcst gate accept it: no GG041)."""

from __future__ import annotations

from hypothesis import given, settings

from tests.fuzz.pages import page_sets
from tests.fuzz.stages import check_outcome, run_stages

# black costs ~0.1 s a file: formatting runs on a quarter of the profile's examples
FORMATTED = settings(max_examples=max(5, settings.default.max_examples // 4))


@given(page_sets())
def test_pipeline_never_raises_and_renders_python(pages: dict[str, bytes]) -> None:
    check_outcome(run_stages(pages))


@FORMATTED
@given(page_sets())
def test_formatted_output_passes_the_syntax_gate(pages: dict[str, bytes]) -> None:
    outcome = run_stages(pages, fmt=True)
    check_outcome(outcome)
    assert outcome.files, "formatting dropped every file"


@settings(max_examples=max(5, settings.default.max_examples // 4))
@given(page_sets())
def test_page_order_never_changes_the_model(pages: dict[str, bytes]) -> None:
    from generator.diagnostics import Diagnostics
    from generator.extract import build_model

    outcome = run_stages(pages)
    again = build_model(list(reversed(outcome.docs)), Diagnostics())
    assert again == outcome.model
