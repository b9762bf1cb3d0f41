"""Bounded cost without a clock: big and pathological pages lose nothing, and the work done
(Python calls, counted by a profile hook) grows linearly with the page. Times and ratios of the
worst cases are printed by bench/hostile.py, never asserted here."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import pytest

from bench.hostile import CASES, table
from tests.fuzz.stages import check_outcome, parse_only, run_stages


def _calls(work: Callable[[], object]) -> int:
    count = 0

    def hook(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(hook)
    try:
        work()
    finally:
        sys.setprofile(None)
    return count


def test_a_table_of_ten_thousand_rows_loses_no_row() -> None:
    outcome = run_stages({"resources/widget.md": table(10_000).encode()})
    check_outcome(outcome)
    (widget,) = outcome.model.types
    assert [p.name for p in widget.properties] == [f"p{i}" for i in range(10_000)]
    assert outcome.diagnostics.items == []


@pytest.mark.parametrize(
    "case",
    [
        "table-rows",
        "table-columns",
        "example-keys",
        "json-wide-list",
        "open-brackets-in-cell",
        "unclosed-comments",
        "request-line-spaces",
        "possible-values",
    ],
)
def test_work_grows_linearly(case: str) -> None:
    make, n, _ = CASES[case]
    n = max(50, n // 20)  # the profile hook is slow; linearity shows at any size
    small, large = make(n).encode(), make(2 * n).encode()

    def run(data: bytes) -> Callable[[], object]:
        return lambda: run_stages({"api/page.md": data})

    ratio = _calls(run(large)) / _calls(run(small))
    assert ratio < 2.3, f"{case}: twice the page, {ratio:.2f} times the calls"


@pytest.mark.parametrize("case", sorted(CASES))
def test_pathological_pages_only_give_diagnostics(case: str) -> None:
    make, n, render = CASES[case]
    data = make(n // 10 if render else n // 2).encode()
    check_outcome(
        run_stages({"api/page.md": data}) if render else parse_only({"api/page.md": data})
    )
