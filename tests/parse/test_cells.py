"""Type cells (DOCS_FORMAT §5.3), names, "Possible values" text and TODO placeholders."""

from __future__ import annotations

import pytest

from generator.parse.cells import has_todo, name_cell, possible_values, strip_todo, type_cell


@pytest.mark.parametrize(
    ("cell", "name", "collection", "link"),
    [
        ("String", "String", False, None),
        ("string", "string", False, None),
        ("Edm.Int32", "Int32", False, None),
        ("`Edm.Boolean` ", "Boolean", False, None),
        ("[itemBody](itembody.md)", "itemBody", False, "itembody.md"),
        ("[user](user.md) collection", "user", True, "user.md"),
        ("String collection", "String", True, None),
        ("Collection(microsoft.graph.user)", "microsoft.graph.user", True, None),
        ("collection(String)", "String", True, None),
        ("collection of String", "String", True, None),
        (
            "[presenceStatus](#presencestatus-values)",
            "presenceStatus",
            False,
            "#presencestatus-values",
        ),
        ("[**T**][T]", "T", False, None),
        ("String (timestamp)", "String", False, None),
        ("(Optional) String", "String", False, None),
        ("microsoft.graph.callRecords.session", "microsoft.graph.callRecords.session", False, None),
        ("JSON object", None, False, None),
        ("error object", None, False, None),
        ("[itemAnalytics][] resource", "itemAnalytics", False, None),
        ("[info](info.md", "info", False, "info.md"),
        ("[outcome](outcome.md) collection. Holds grades.", "outcome", True, "outcome.md"),
        ("[a](a.md) or [b](b.md)", None, False, "a.md"),
        # 2026: a shortcut reference whose definition the page lacks (educationclass.md:59)
        ("[educationModule] collection", "educationModule", True, None),
        ("[educationModule]", "educationModule", False, None),
        ("[a] or [b]", None, False, None),
        ("", None, False, None),
    ],
)
def test_type_cell(cell: str, name: str | None, collection: bool, link: str | None) -> None:
    parsed = type_cell(cell)
    assert (parsed.name, parsed.collection, parsed.link) == (name, collection, link)
    assert parsed.raw == cell.strip()


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("id", "id"),
        ("`id`", "id"),
        ("**id**", "id"),
        ("[id](x.md)", "id"),
        ("id (deprecated)", "id"),
    ],
)
def test_name_cell(cell: str, name: str) -> None:
    assert name_cell(cell) == name


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Possible values are: `a`, `b`, `unknownFutureValue`.", ("a", "b", "unknownFutureValue")),
        ("**TODO: Add Description**. Possible values are: `x`, `y`.", ("x", "y")),
        ("The valid values are `on` and `off`.", ("on", "off")),
        ("It can be one of the following: `low`, `high`. More text.", ("low", "high")),
        ("Supported values are: none, some.", ("none", "some")),
        ("Possible values: `Queued`, `Done`.<br><br>Read-only.", ("Queued", "Done")),
        ("The possible value are `unknown`, `audio`.", ("unknown", "audio")),
        ("The possible value is: `message`.", ("message",)),
        ("Allowed values: `null`, `minor` and `adult`. Refer to x.", ("minor", "adult")),
        ("Currently supports only two values: `none` or `assignIfOpen`.", ("none", "assignIfOpen")),
        (
            "Supported values are: <li>None</li><li>Notify -- Tell them. Then go.</li><li>Block</li>",
            ("None", "Notify", "Block"),
        ),
        # 2026 timeoffreason.md:31, a comma inside the code span
        (
            "Supported icon types are: `none`, `calendar,` `running`.",
            ("none", "calendar", "running"),
        ),
        ("Supported icon types: none; car; calendar.", ()),  # the 2021 wording: no clear list
        ("No list here.", ()),
    ],
)
def test_possible_values(text: str, values: tuple[str, ...]) -> None:
    assert possible_values(text) == values


def test_todo_never_survives() -> None:
    assert strip_todo("**TODO: Add Description** Inherited from entity") == "Inherited from entity"
    assert strip_todo("**TODO: Add Description**") == ""


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("**TODO: Add Description**", True),
        ("|Application|**TODO: Determine scopes **|", True),
        ("TODO", True),
        # the To Do API (2026 sample: resources/todo.md, api/todo-list-lists.md) is no placeholder
        ("# todo resource type", False),
        ('  "@odata.type": "microsoft.graph.todo",', False),
        (
            "|[List task lists](../api/todo-list-lists.md) | [todoTaskList](todotasklist.md) |",
            False,
        ),
        ("![Linked resource](/graph/images/todo-linkedresource.png)", False),
    ],
)
def test_todo_placeholders(text: str, placeholder: bool) -> None:
    assert has_todo(text) is placeholder
    assert (strip_todo(text) != " ".join(text.split())) is placeholder


def test_type_cell_alternatives() -> None:
    """resources/call.md: `[appHostedMediaConfig](..) or [serviceHostedMediaConfig](..)`."""
    cell = type_cell("[a](a.md) or [b](b.md), or [c](c.md#x)")
    assert cell.alternatives == (("a", "a.md"), ("b", "b.md"), ("c", "c.md#x"))
    assert type_cell("[a](a.md) and then [b](b.md)").alternatives == ()
    assert type_cell("[a](a.md) collection").alternatives == ()
