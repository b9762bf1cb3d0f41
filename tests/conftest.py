"""Shared fixtures: the repository layout, fresh generation into a temporary folder, and a way to
import a generated package under a name of its own."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from generator.diagnostics import Diagnostics
from generator.load import read_page
from generator.parse import PageDoc, parse_page
from generator.pipeline import Run, generate

ROOT = Path(__file__).resolve().parent.parent
DOCS_INPUT = ROOT / "docs_input"
GENERATED = ROOT / "generated"
CORPUS = ROOT.parent / "shared" / "corpus"

# Reports that corpus tests leave for the end of the run (e.g. the example replay's failures,
# each with its reason), printed by pytest_terminal_summary below.
REPORTS: list[tuple[str, list[str]]] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for title, lines in REPORTS:
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)


def write_files(root: Path, files: dict[str, str]) -> None:
    for relative, text in files.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def parse_text(text: str, path: str = "resources/page.md") -> tuple[PageDoc, Diagnostics]:
    diagnostics = Diagnostics()
    page = read_page(path, text.encode("utf-8"), diagnostics)
    return parse_page(page, diagnostics), diagnostics


@pytest.fixture(scope="session")
def seed_run() -> Run:
    """docs_input generated once per session, as the package `generated`."""
    return generate(DOCS_INPUT, "generated")


@pytest.fixture()
def import_generated(tmp_path: Path) -> Iterator[object]:
    """Generate DOCS into tmp_path as a package with a unique name and import it."""
    added: list[str] = []

    def load(docs: Path, package: str) -> ModuleType:
        from generator.cli import main

        out = tmp_path / package
        assert main([str(docs), "-o", str(out), "-q"]) == 0
        sys.path.insert(0, str(tmp_path))
        added.append(package)
        importlib.invalidate_caches()
        return importlib.import_module(package)

    yield load
    for package in added:
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
    if str(tmp_path) in sys.path:
        sys.path.remove(str(tmp_path))
