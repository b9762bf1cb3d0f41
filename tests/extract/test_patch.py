"""incremental/shape.py and incremental/patch.py on small cases: what a shape leaves out, when a patch is
refused, and what a patch changes (and keeps: the very same objects where nothing changed)."""

from __future__ import annotations

from generator.diagnostics import Diagnostic
from generator.incremental.patch import plan_patch
from generator.incremental.shape import PageShape, page_shape
from generator.model import ApiModel, Property, StructuredType, TypeRef
from generator.pipeline import parse_source
from generator.source import SourceSpan

PAGE = """# widget resource type

Namespace: microsoft.graph

A widget.

## Properties

| Property | Type | Description |
|:---------|:-----|:------------|
| name | String | The name of the widget. |
| size | Int32 | How big it is. |

## JSON representation

<!-- {
  "blockType": "resource",
  "@odata.type": "microsoft.graph.widget"
}-->

```json
{
  "name": "String",
  "size": 1024
}
```
"""


def shape(text: str, path: str = "resources/widget.md") -> PageShape:
    return page_shape(parse_source(path, text.encode())[0])


def test_a_shape_leaves_out_lines_and_descriptions_only() -> None:
    base = shape(PAGE)
    moved = shape(PAGE.replace("A widget.\n", "A widget.\n\nMore prose.\n\nAnd more.\n"))
    described = shape(PAGE.replace("How big it is.", "Its size in bytes."))
    assert moved.digest == described.digest == base.digest
    assert moved.lines != base.lines and len(moved.lines) == len(base.lines)
    assert "Its size in bytes." in described.texts and "How big it is." in base.texts
    # anything the build decides on changes the shape
    for edit in (
        ("| Int32 |", "| Int64 |"),
        ("| size |", "| length |"),
        ('"size": 1024', '"x": 1'),
    ):
        assert shape(PAGE.replace(*edit)).digest != base.digest, edit


def test_a_patch_maps_lines_and_descriptions() -> None:
    path = "resources/widget.md"
    old = {path: shape(PAGE), "resources/other.md": PageShape("x", (1,), ("Other.",))}
    edited = PAGE.replace("A widget.\n", "A widget.\n\nMore.\n").replace(
        "How big it is.", "Its size."
    )
    new = dict(old, **{path: shape(edited)})
    patch = plan_patch(old, new, [path])
    assert patch is not None
    row = old[path].lines[old[path].texts.index("How big it is.")]
    size = Property(
        name="size",
        type=TypeRef(name="Edm.Int32"),
        description="How big it is.",
        source=SourceSpan(path, row),
    )
    other = Property(
        name="name",
        type=TypeRef(name="Edm.String"),
        description="Other.",
        source=SourceSpan("resources/other.md", 1),
    )
    widget = StructuredType(
        name="widget",
        namespace="microsoft.graph",
        kind="complex",
        properties=(size,),
        source=SourceSpan(path, 1),
        description="A widget.",
    )
    unchanged = StructuredType(
        name="other",
        namespace="microsoft.graph",
        kind="complex",
        properties=(other,),
        source=SourceSpan("resources/other.md", 1),
    )
    model = patch.model(ApiModel(types=(widget, unchanged)))
    assert model.types[0].properties[0].source.line == row + 2
    assert model.types[0].properties[0].description == "Its size."
    assert model.types[1] is unchanged  # untouched parts are shared, not copied
    message = f"size is Edm.Int64 here but Edm.Int32 at {path}:{row}; the latter is kept"
    (diagnostic,) = patch.diagnostics(
        [Diagnostic(SourceSpan(path, row), "GG024", message, "warning")]
    )
    assert diagnostic.source.line == row + 2 and f"{path}:{row + 2};" in diagnostic.message


def test_a_patch_is_refused_when_it_could_be_wrong() -> None:
    path = "resources/widget.md"
    old = {path: shape(PAGE), "resources/other.md": PageShape("x", (1,), ("Elsewhere.",))}

    def plan(text: str, others: dict[str, PageShape] | None = None) -> object:
        before = dict(old, **(others or {}))
        return plan_patch(before, dict(before, **{path: shape(text)}), [path])

    assert plan(PAGE.replace("| Int32 |", "| Int64 |")) is None  # the build decides on it
    assert plan(PAGE.replace("How big it is.", "")) is None  # a description emptied
    # a description that also appears on another page: a copy of it could come from either
    assert plan(PAGE.replace("How big it is.", "Its size.")) is not None
    other = {"resources/other.md": PageShape("x", (1,), ("How big it is.",))}
    assert plan(PAGE.replace("How big it is.", "Its size."), other) is None
    # pages added or removed: rebuilt
    assert plan_patch(old, {path: old[path]}, []) is None
    # lines that do not map one to one and in order
    reordered = PageShape(old[path].digest, tuple(reversed(old[path].lines)), old[path].texts)
    assert plan_patch(old, dict(old, **{path: reordered}), [path]) is None


def test_the_patch_walk_reaches_every_span_and_description_of_a_model() -> None:
    """The walk skips fields whose annotation cannot hold a span (incremental/reach.py
    `walked_fields`); over a real model it must still reach every one, and every
    description."""
    import dataclasses

    from generator.incremental.reach import walked_fields
    from generator.pipeline import generate
    from tests.conftest import DOCS_INPUT

    model = generate(DOCS_INPUT, "sdk", formatting=False).model

    def everything(value: object, found: list[object], walked: bool) -> None:
        if isinstance(value, SourceSpan):
            found.append(value)
        elif isinstance(value, tuple):
            for item in value:
                everything(item, found, walked)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            names = (
                walked_fields(type(value)) or ()
                if walked
                else [f.name for f in dataclasses.fields(value)]
            )
            for name in names:
                item = getattr(value, name)
                if name == "description":
                    found.append(("description", item))
                else:
                    everything(item, found, walked)

    full: list[object] = []
    walked: list[object] = []
    everything(model, full, walked=False)
    everything(model, walked, walked=True)
    assert len(full) > 100 and walked == full


def test_the_reach_of_each_element_names_every_page_and_description_it_holds() -> None:
    """A patch walks only the elements whose reach meets what it changes (incremental/reach.py): an
    element's reach must name every page its spans name and set the bit of every one of its
    descriptions, found here by a walk of every field."""
    import dataclasses

    from generator.incremental.reach import model_parts, model_reach, text_bit
    from generator.model import ApiModel
    from generator.pipeline import generate
    from tests.conftest import DOCS_INPUT

    model = generate(DOCS_INPUT, "sdk", formatting=False).model
    assert [f.name for f in dataclasses.fields(ApiModel)] == ["types", "enums", "operations"]

    def everything(value: object, pages: set[str], texts: list[str]) -> None:
        if isinstance(value, SourceSpan):
            pages.add(value.path)
        elif isinstance(value, tuple | list):
            for item in value:
                everything(item, pages, texts)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                item = getattr(value, f.name)
                if f.name == "description" and isinstance(item, str):
                    texts.append(item)
                else:
                    everything(item, pages, texts)

    reach = model_reach(model)
    checked = 0
    for elements, reaches in zip(model_parts(model), reach, strict=True):
        assert len(elements) == len(reaches)
        for element, (pages, mask) in zip(elements, reaches, strict=True):
            found: set[str] = set()
            texts: list[str] = []
            everything(element, found, texts)
            assert pages == found
            assert all(mask & text_bit(t) for t in texts)
            checked += bool(found) + bool(texts)
    assert checked >= 20  # docs_input: a dozen elements with spans and descriptions
