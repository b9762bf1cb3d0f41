"""render/static.py: the runtime modules reach the output byte for byte, as rendered files."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.render.static import STATIC, static_files
from tests.conftest import DOCS_INPUT, GENERATED

RUNTIME = Path(__file__).resolve().parent.parent.parent / "generator" / "runtime"


def test_static_files_are_the_runtime_modules_unchanged() -> None:
    files = static_files()
    assert [f.path for f in files] == list(STATIC)
    for file in files:
        data = (RUNTIME / file.path).read_bytes()
        assert file.text.encode("utf-8") == data
        assert file.digest == hashlib.sha256(data).hexdigest()
        assert file.black_layout


def test_a_generation_writes_them_into_the_package() -> None:
    written = {f.path: f.text for f in generate(DOCS_INPUT, "generated").files}
    for path in STATIC:
        assert written[path] == (RUNTIME / path).read_text(encoding="utf-8")
        assert (GENERATED / path).read_bytes() == (RUNTIME / path).read_bytes()


def test_a_template_of_the_old_name_does_not_replace_them(tmp_path: Path) -> None:
    """They are no longer templates: `--templates` cannot override them (docs/templates.md)."""
    (tmp_path / "runtime.py.jinja").write_text("# mine\n", encoding="utf-8")
    run = generate(DOCS_INPUT, "sdk", tmp_path)
    written = {f.path: f.text for f in run.files}
    assert written["_runtime.py"] == (RUNTIME / "_runtime.py").read_text(encoding="utf-8")
    # ... and the user is told, not left to find out (GG042)
    assert [(d.code, d.source.path) for d in run.diagnostics.items if d.code == "GG042"] == [
        ("GG042", "runtime.py.jinja")
    ]


def test_an_edit_of_a_runtime_module_changes_the_generator_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No template fingerprint covers them any more: the cache sees them as generator code."""
    from generator.incremental import fingerprint

    assert RUNTIME.is_relative_to(fingerprint._GENERATOR)
    copy = tmp_path / "runtime" / "_http.py"
    copy.parent.mkdir()
    copy.write_bytes((RUNTIME / "_http.py").read_bytes())
    monkeypatch.setattr(fingerprint, "_GENERATOR", tmp_path)
    before = fingerprint.generator_fingerprint.__wrapped__()
    copy.write_bytes(copy.read_bytes() + b"\n# edited\n")
    assert fingerprint.generator_fingerprint.__wrapped__() != before
