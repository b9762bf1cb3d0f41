"""The one walk up a type's bases (generator/model/lineage.py), and the passes that use it on
bases that still form a cycle while the model is extracted."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.extract import build_model
from generator.load import load_pages
from generator.model import ApiModel
from generator.model.lineage import ancestors, base_in, cyclic, lineage
from generator.parse import parse_page
from tests.conftest import write_files


@dataclass
class _T:
    name: str
    base: str | None = None


def _types(**bases: str | None) -> dict[str, _T]:
    return {name: _T(name, base) for name, base in bases.items()}


def test_lineage_is_nearest_first_and_ends_at_a_root() -> None:
    types = _types(a="b", b="c", c=None)
    assert list(lineage(types["a"].base, base_in(types))) == ["b", "c"]
    assert list(lineage(types["c"].base, base_in(types))) == []
    assert list(lineage(None, base_in(types))) == []
    assert not cyclic(types["a"].base, base_in(types))


def test_lineage_yields_an_unknown_base_last_and_ancestors_stop_before_it() -> None:
    types = _types(a="b", b="x.unknown")
    assert list(lineage("b", base_in(types))) == ["b", "x.unknown"]
    assert [t.name for t in ancestors(types["a"], types)] == ["b"]
    assert not cyclic("b", base_in(types))


def test_a_type_on_a_cycle_derives_from_itself_each_name_once() -> None:
    types = _types(a="b", b="c", c="a")
    assert list(lineage(types["a"].base, base_in(types))) == ["b", "c", "a"]
    assert [t.name for t in ancestors(types["b"], types)] == ["c", "a", "b"]
    assert cyclic(types["a"].base, base_in(types))


def test_a_chain_that_runs_into_a_cycle_off_the_type() -> None:
    types = _types(x="a", a="b", b="a")
    assert list(lineage(types["x"].base, base_in(types))) == ["a", "b"]  # x is not on it
    assert cyclic(types["x"].base, base_in(types))


def test_a_type_that_is_its_own_base() -> None:
    types = _types(a="a")
    assert list(lineage("a", base_in(types))) == ["a"]
    assert cyclic("a", base_in(types))


def test_base_of_is_any_function() -> None:
    """verify/ and the drafts key types differently: the walk only asks a function."""
    lower = {"a": "B", "b": "C"}
    assert list(lineage("B", lambda name: lower.get(name.lower()))) == ["B", "C"]


TABLE = "| Property | Type | Description |\n|---|---|---|\n"


def _build(tmp_path: Path, files: dict[str, str]) -> tuple[ApiModel, Diagnostics]:
    write_files(tmp_path, files)
    diagnostics = Diagnostics()
    docs = [parse_page(p, diagnostics) for p in load_pages(tmp_path, diagnostics)]
    return build_model(docs, diagnostics), diagnostics


def _resource(name: str, row: str, base: str | None = None) -> str:
    inherits = f"Inherits from [{base}]({base.lower()}.md).\n\n" if base else ""
    return (
        f"# {name} resource type\n\nNamespace: microsoft.graph\n\n{inherits}"
        f"## Properties\n\n{TABLE}{row}"
    )


def test_an_inheritance_cycle_is_broken_once_and_reported(tmp_path: Path) -> None:
    model, diagnostics = _build(
        tmp_path,
        {
            "resources/aa.md": _resource("aa", "| one | String | One. |\n", base="bb"),
            "resources/bb.md": _resource("bb", "| two | String | Two. |\n", base="aa"),
            "resources/cc.md": _resource("cc", "| three | String | Three. |\n", base="bb"),
        },
    )
    types = {t.name: t for t in model.types}
    # aa comes first: its base goes, which breaks the cycle for bb and cc
    assert (types["aa"].base, types["bb"].base) == (None, "microsoft.graph.aa")
    assert types["cc"].base == "microsoft.graph.bb"
    assert [p.name for p in types["cc"].properties] == ["three"]
    cycles = [d for d in diagnostics.items if d.code == "GG026"]
    assert [d.message for d in cycles] == [
        "microsoft.graph.aa inherits from itself; base microsoft.graph.bb dropped"
    ]


def test_the_walk_is_lazy() -> None:
    """A caller that finds what it looks for in the nearest base asks no further."""
    asked: list[str] = []

    def base_of(name: str) -> str | None:
        asked.append(name)
        return {"a": "b", "b": "c"}.get(name)

    assert next(lineage("a", base_of)) == "a"
    assert asked == []
    assert "b" in lineage("a", base_of)
    assert asked == ["a"]
