"""Compiled templates kept in the cache folder (render/environment.py): a later run does not
compile a template again, an overridden template is never served from another's code, and a
folder that cannot be used only costs time."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from generator.render.environment import make_environment


def test_a_template_compiled_once_is_not_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    compiled = tmp_path / "cache" / "templates"
    first = make_environment(None, compiled).get_template("enum.py.jinja")
    assert any(compiled.iterdir())

    def no_compiling(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again")

    monkeypatch.setattr(jinja2.Environment, "compile", no_compiling)
    again = make_environment(None, compiled).get_template("enum.py.jinja")
    assert again.filename == first.filename


def test_an_override_is_compiled_from_its_own_source(tmp_path: Path) -> None:
    compiled = tmp_path / "templates"
    built_in = make_environment(None, compiled).get_template("enum.py.jinja")
    overrides = tmp_path / "mine"
    overrides.mkdir()
    (overrides / "enum.py.jinja").write_text("# mine: {{ enum.name }}\n")
    mine = make_environment(overrides, compiled).get_template("enum.py.jinja")
    assert mine.render(enum={"name": "colour"}) == "# mine: colour\n"
    assert built_in.filename != mine.filename


def test_a_folder_that_cannot_be_made_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    env = make_environment(None, blocker / "templates")
    assert env.bytecode_cache is None
    assert env.get_template("enum.py.jinja") is not None


def test_a_damaged_compiled_template_is_compiled_again(tmp_path: Path) -> None:
    compiled = tmp_path / "templates"
    make_environment(None, compiled).get_template("enum.py.jinja")
    for kept in compiled.iterdir():
        kept.write_bytes(kept.read_bytes()[:40])  # cut short, as by a full disk
    again = make_environment(None, compiled).get_template("enum.py.jinja")
    assert again.render is not None and "enum" in (again.filename or "")
