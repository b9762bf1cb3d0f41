"""The runtime modules are copied into the output as they are, and generated code is black's
layout at line length 88 (emit/format.py skips black for them): pyproject keeps the
repository's black (line length 100) off generator/runtime/, so this checks them instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.render.static import STATIC
from tests.render.black_check import black_changes

RUNTIME = Path(__file__).resolve().parent.parent.parent / "generator" / "runtime"


@pytest.mark.parametrize("path", STATIC)
def test_each_copied_module_is_black_stable_at_88(path: str) -> None:
    assert not black_changes((RUNTIME / path).read_text(encoding="utf-8"))


def test_every_python_file_of_the_folder_is_copied_or_known() -> None:
    """A new module must be listed in render/static.py STATIC to reach the output."""
    found = {p.relative_to(RUNTIME).as_posix() for p in RUNTIME.rglob("*.py")}
    assert found == set(STATIC) | {"__init__.py", "_registry.py"}
