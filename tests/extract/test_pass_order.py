"""The order of the extract passes is written once, in extract/passes.py; docs/architecture.md
"Extract passes" must list the same passes, in the same order, with the same summaries."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from generator.extract.passes import PASSES

ARCHITECTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"
_ITEM = re.compile(r"^(\d+)\. `([\w.]+)` — (.*)$")


def _documented() -> list[tuple[int, str, str]]:
    """(number, `module.function`, text) of each item of the section's numbered list."""
    lines = ARCHITECTURE.read_text(encoding="utf-8").splitlines()
    start = lines.index("## Extract passes") + 1
    items: list[tuple[int, str, str]] = []
    for line in lines[start:]:
        if line.startswith("#"):
            break
        match = _ITEM.match(line)
        if match:
            items.append((int(match.group(1)), match.group(2), match.group(3)))
        elif items and line.startswith(" ") and line.strip():
            number, name, text = items[-1]
            items[-1] = (number, name, f"{text} {line.strip()}")
    return items


def test_architecture_lists_the_passes_in_their_order() -> None:
    documented = _documented()
    assert [number for number, _, _ in documented] == list(range(1, len(documented) + 1))
    assert [name for _, name, _ in documented] == [p.qualified for p in PASSES]


def test_architecture_gives_each_pass_its_summary() -> None:
    for (_, name, text), step in zip(_documented(), PASSES, strict=True):
        assert text.startswith(step.summary), name


def test_each_pass_names_the_function_it_runs() -> None:
    for step in PASSES:
        module = importlib.import_module(f"generator.extract.{step.module}")
        assert callable(getattr(module, step.name)), step.qualified
    assert len({p.qualified for p in PASSES}) == len(PASSES)


def test_no_module_docstring_restates_a_position() -> None:
    """`Pass 4b:` or `Last pass:` in a docstring drifts from passes.py; only it says where."""
    folder = Path(__file__).resolve().parents[2] / "generator" / "extract"
    position = re.compile(r"\b(pass \d|last pass|first pass|runs (after|before))", re.IGNORECASE)
    for path in sorted(folder.glob("*.py")):
        if path.name == "passes.py":
            continue
        text = path.read_text(encoding="utf-8")
        assert not position.search(text), path.name
