"""The incremental layer never changes the output: random sequences of edits to a page set (prose,
a description, a retyped cell, a page added or removed, a type renamed, rows swapped, a page
rewritten as it was), and after every step the run with a cache (pipeline.run with a `Layer`
kept from step to step) leaves OUT byte-identical to the run without one, with the same
diagnostics, report and summary. The steps go through every path of the layer: the no-op
shortcut, the stat indexes, the page cache, a patched or a full build, render reuse, formatting
results, the spare tree of the commit."""

from __future__ import annotations

import tempfile
from dataclasses import asdict
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config import Options
from generator.incremental import Layer
from generator.pipeline import Outcome, run
from tests.incremental.conftest import PAGE, make_docs, snapshot

TEXTS = ("", "A widget", "The name.", "A widget size.", "Same text.")  # shared: collisions
KINDS = ("prose", "describe", "retype", "add", "remove", "rename", "swap", "touch")
Step = tuple[str, int, int]


def _options(docs: Path, out: Path, cache: Path | None) -> Options:
    return Options(
        docs=docs,
        output=out,
        package="sdk",
        strict=False,
        templates=None,
        check=False,
        diff=False,
        force=False,
        quiet=True,
        watch=False,
        dump_model=None,
        cache_dir=cache,
        jobs=1,
        config_file=None,
        verify_against=None,
    )


def _rows(lines: list[str]) -> list[int]:
    """The body rows of the page's tables (not headers or separators)."""
    return [
        i
        for i in range(2, len(lines))
        if lines[i].startswith("|") and lines[i - 1].startswith("|") and "---" not in lines[i]
    ]


def _edit(text: str, kind: str, pick: int) -> str:
    lines = text.split("\n")
    rows = _rows(lines)
    if kind == "prose":  # shape kept, every line below moves
        title = next((i for i, line in enumerate(lines) if line.startswith("# ")), 0)
        lines[title + 1 : title + 1] = ["", f"{TEXTS[pick % len(TEXTS)] or 'Some'} prose."]
    elif kind == "describe" and rows:  # a description edited, emptied, filled or duplicated
        row = rows[pick % len(rows)]
        cells = lines[row].rstrip().rstrip("|").split("|")
        cells[-1] = f" {TEXTS[pick % len(TEXTS)]} "
        lines[row] = "|".join(cells) + "|"
    elif kind == "retype":
        for old, new in (("| Int32 |", "| Int64 |"), ("| String |", "| Boolean |")):
            if old in text:
                return text.replace(old, new, 1 + pick % 2)
    elif kind == "rename":  # every name of the page's type
        return (
            text.replace("widget", "gizmo") if "widget" in text else text.replace("user", "member")
        )
    elif kind == "swap" and len(rows) > 1:  # two rows trade places: lines reordered
        a = rows[pick % (len(rows) - 1)]
        if a + 1 in rows:
            lines[a], lines[a + 1] = lines[a + 1], lines[a]
    return "\n".join(lines)


def _apply(docs: Path, step: Step) -> None:
    kind, which, pick = step
    pages = sorted(docs.rglob("*.md"))
    if kind == "add" or not pages:
        n = 100 + which
        text = PAGE.format(n=n, text=TEXTS[1 + pick % (len(TEXTS) - 1)])
        (docs / "resources" / f"widget{n}.md").write_text(text, encoding="utf-8")
        return
    page = pages[which % len(pages)]
    if kind == "remove":
        page.unlink()
    else:  # "touch" writes the same bytes again: a new stat, the same digest
        page.write_text(_edit(page.read_text(encoding="utf-8"), kind, pick), encoding="utf-8")


def _seen(outcome: Outcome) -> dict[str, object]:
    """What the CLI prints of an outcome, less the time it took."""
    found = asdict(outcome)
    found["diagnostics"] = [str(d) for d in outcome.diagnostics]
    del found["seconds"]
    return found


steps = st.lists(
    st.tuples(st.sampled_from(KINDS), st.integers(0, 20), st.integers(0, 20)),
    min_size=1,
    max_size=5,
)


@settings(max_examples=20)
@given(steps)
def test_a_run_with_the_cache_equals_a_run_without(edits: list[Step]) -> None:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        docs = make_docs(root / "docs", widgets=2)
        plain, cached, cache = root / "plain" / "sdk", root / "cached" / "sdk", root / "cache"
        for step in [("touch", 0, 0), *edits]:  # first a cold run of both
            without = run(_options(docs, plain, None))
            with_cache = run(_options(docs, cached, cache), Layer(cache))
            assert _seen(with_cache) == _seen(without), step
            assert snapshot(cached) == snapshot(plain), step
            _apply(docs, step)
        again = run(_options(docs, cached, cache), Layer(cache))  # after the last edit
        assert _seen(again) == _seen(run(_options(docs, plain, None)))
        assert snapshot(cached) == snapshot(plain)
