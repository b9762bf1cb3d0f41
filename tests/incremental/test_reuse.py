"""incremental/reuse.py: a group of files is reused only when what it is made of did not change, and
reusing gives the same files and diagnostics as rendering afresh."""

from __future__ import annotations

import dataclasses

from generator.diagnostics import Diagnostics
from generator.incremental.reuse import Memo
from generator.model import ApiModel, Property, StructuredType, TypeRef
from generator.render import render_files
from generator.source import SourceSpan


def prop(name: str, line: int) -> Property:
    return Property(name=name, type=TypeRef(name="Edm.String"), source=SourceSpan("a.md", line))


def model(base_props: tuple[Property, ...]) -> ApiModel:
    base = StructuredType(
        name="thing",
        namespace="microsoft.graph",
        kind="entity",
        properties=base_props,
        source=SourceSpan("a.md", 1),
    )
    derived = StructuredType(
        name="widget",
        namespace="microsoft.graph",
        kind="entity",
        base="microsoft.graph.thing",
        properties=(prop("colour", 20), prop("Colour", 21)),
        source=SourceSpan("b.md", 1),
    )
    return ApiModel(types=(base, derived))


def render(m: ApiModel, memo: Memo | None) -> tuple[dict[str, str], list[str]]:
    found = Diagnostics()
    files = render_files(m, "sdk", found, None, memo)
    return {f.path: f.text for f in files}, sorted(str(d) for d in found.items)


def test_reused_groups_equal_fresh_ones_and_changed_inputs_render_again() -> None:
    first = model((prop("id", 2),))
    memo = Memo()
    files, diagnostics = render(first, memo)
    assert any("GG040" in d for d in diagnostics)  # colour / Colour: reported when rendered

    again = Memo(first, memo.fresh)
    assert render(first, again) == (files, diagnostics)  # reused, diagnostics reported again
    assert again.fresh.keys() == memo.fresh.keys()

    # the base gains a property named like one of widget's: widget's attributes change though
    # widget itself did not, because a model module also reads its bases' property names
    second = model((prop("id", 2), prop("colour", 3)))
    changed = Memo(first, again.fresh)
    assert render(second, changed) == render(second, None)
    assert render(second, None)[0]["models/widget.py"] != files["models/widget.py"]

    # a description changes: only that module differs, and the memo does not hide it
    base = dataclasses.replace(first.types[0], description="Things.")
    third = dataclasses.replace(first, types=(base, first.types[1]))
    fresh = render(third, Memo(first, memo.fresh))
    assert fresh == render(third, None)
    assert {p for p in files if files[p] != fresh[0][p]} == {"models/thing.py"}


def test_the_names_are_planned_again_when_a_name_changes() -> None:
    """The memo keeps the names of the last render (plan_names costs more than a one-page
    render): a model whose type is renamed must not get them."""
    first = model((prop("id", 2),))
    memo = Memo()
    render(first, memo)
    renamed = dataclasses.replace(first.types[1], name="gadget")
    second = dataclasses.replace(first, types=(first.types[0], renamed))
    fresh = render(second, Memo(first, memo.fresh))
    assert fresh == render(second, None)
    assert "models/gadget.py" in fresh[0] and "models/widget.py" not in fresh[0]
    assert "Gadget" in fresh[0]["models/__init__.py"]
