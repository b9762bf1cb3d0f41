"""Shared fixtures: the repository layout, fresh generation into a temporary folder, and a way to
import a generated package under a name of its own; and where the external corpus is, which
tests need it, and what happens without it."""

from __future__ import annotations

import importlib
import os
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

# The external corpus of real Graph docs (not part of the repository; README, "Tests and the
# corpus"): the one setting is GEN_GRAPH_CORPUS, by default ../shared/corpus beside the project.
# DOCS_FORMAT.md and seed/ are read from the folder that holds it.
CORPUS = Path(os.environ.get("GEN_GRAPH_CORPUS") or ROOT.parent / "shared" / "corpus").absolute()
SHARED = CORPUS.parent
# GEN_GRAPH_REQUIRE_CORPUS=1 (as .ci/run sets it): a missing corpus fails the run instead of
# deselecting the tests that read it
REQUIRE_CORPUS = os.environ.get("GEN_GRAPH_REQUIRE_CORPUS", "") not in ("", "0")
# The fixtures that read the corpus: a test that uses one is a corpus test even unmarked.
CORPUS_FIXTURES = frozenset({"corpus_run", "shuffled_model", "agreement", "corpus_package"})
GET_CORPUS = "see README.md, 'Tests and the corpus', or set GEN_GRAPH_CORPUS"

# Reports that corpus tests leave for the end of the run (e.g. the example replay's failures,
# each with its reason), printed by pytest_terminal_summary below.
REPORTS: list[tuple[str, list[str]]] = []
_deselected: list[pytest.Item] = []


def have_corpus() -> bool:
    return CORPUS.is_dir()


def require_corpus(path: Path) -> Path:
    """`path` inside the corpus; a corpus test fails when it is missing (a corpus that is there
    but incomplete is a broken copy, not a pass)."""
    if not path.exists():
        pytest.fail(f"{path} is missing from the corpus at {CORPUS} ({GET_CORPUS})")
    return path


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRE_CORPUS and not have_corpus():
        raise pytest.UsageError(
            f"GEN_GRAPH_REQUIRE_CORPUS is set and there is no corpus at {CORPUS} ({GET_CORPUS})"
        )


def pytest_itemcollected(item: pytest.Item) -> None:
    """A test that uses a corpus fixture is marked `corpus` (before `-m` selects)."""
    if CORPUS_FIXTURES.intersection(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.corpus)


@pytest.hookimpl(trylast=True)  # after -m and -k: count only what they left
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the corpus the tests marked `corpus` are deselected, and the summary says so in
    one line."""
    if have_corpus():
        return
    keep = [item for item in items if item.get_closest_marker("corpus") is None]
    if len(keep) < len(items):
        _deselected[:] = [item for item in items if item.get_closest_marker("corpus") is not None]
        config.hook.pytest_deselected(items=_deselected)
        items[:] = keep


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for title, lines in REPORTS:
        terminalreporter.section(title)
        for line in lines:
            terminalreporter.write_line(line)
    if _deselected:
        terminalreporter.write_line(
            f"{len(_deselected)} corpus tests deselected: no corpus at {CORPUS} ({GET_CORPUS})",
            yellow=True,
            bold=True,
        )


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
