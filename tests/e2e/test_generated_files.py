"""Every generated file for docs_input is pinned by a snapshot stored as a real .py file, and the
committed generated/ is what the generator produces now."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.emit import format_files
from generator.extract import build_model
from generator.load import load_pages
from generator.parse import parse_page
from generator.pipeline import Run, generate
from generator.render import render_files
from tests.conftest import DOCS_INPUT, GENERATED


class PythonFile(SingleFileSnapshotExtension):
    file_extension = "py"
    _write_mode = WriteMode.TEXT


class TextFile(SingleFileSnapshotExtension):
    file_extension = "txt"
    _write_mode = WriteMode.TEXT


def test_every_generated_file_matches_its_snapshot(
    seed_run: Run, snapshot: SnapshotAssertion
) -> None:
    assert len(seed_run.files) >= 10
    for file in seed_run.files:
        extension = PythonFile if file.path.endswith(".py") else TextFile
        name = file.path.replace("/", "__")
        assert file.text == snapshot(name=name, extension_class=extension), file.path


def test_committed_output_is_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    status = main([str(DOCS_INPUT), "-o", str(GENERATED), "--check", "-q"])
    assert status == 0, capsys.readouterr().out


def test_two_runs_are_byte_identical(seed_run: Run) -> None:
    again = generate(DOCS_INPUT, "generated")
    assert [(f.path, f.text) for f in again.files] == [(f.path, f.text) for f in seed_run.files]


def test_page_order_does_not_matter(seed_run: Run) -> None:
    diagnostics = Diagnostics()
    docs = [parse_page(page, diagnostics) for page in load_pages(DOCS_INPUT, diagnostics)]
    for seed in (1, 2, 3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        model = build_model(shuffled, Diagnostics())
        files = format_files(render_files(model, "generated", Diagnostics()), Diagnostics())
        assert [(f.path, f.text) for f in files] == [(f.path, f.text) for f in seed_run.files]


def test_output_is_black_stable(seed_run: Run) -> None:
    import black

    mode = black.Mode(target_versions={black.TargetVersion.PY311})
    for file in seed_run.files:
        if file.path.endswith(".py"):
            assert black.format_str(file.text, mode=mode) == file.text, file.path


def test_generated_package_is_mypy_strict_clean(tmp_path: Path) -> None:
    from mypy import api

    out, err, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path), str(GENERATED)]
    )
    assert status == 0, out + err
