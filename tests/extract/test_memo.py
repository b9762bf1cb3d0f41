"""The build remembers answers it would otherwise compute thousands of times per run (name
lookups, resolved type cells, a page's navigation outcome between rounds). Each memo must be
forgotten when what it depends on changes: these tests change it between two questions."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.extract import build_model
from generator.extract.declare import Declarations
from generator.extract.drafts import EXAMPLE, PAGE, PropertyDraft, TypeDraft
from generator.extract.index import NameIndex
from generator.extract.navigation import _property
from generator.extract.properties import add_property
from generator.load import load_pages
from generator.model import ApiModel, TypeRef
from generator.parse import parse_page
from generator.parse.document import TypeCell
from generator.source import SourceSpan
from tests.conftest import write_files

HERE = SourceSpan("a.md", 1)
TABLE = "| Property | Type | Description |\n|---|---|---|\n"


def test_a_lookup_that_found_nothing_finds_a_name_declared_afterwards() -> None:
    index = NameIndex()
    assert index.lookup("modality") is None
    index.declare("microsoft.graph.callRecords.modality")
    assert index.lookup("modality") == "microsoft.graph.callRecords.modality"
    assert index.lookup("#microsoft.graph.callRecords.Modality") == (
        "microsoft.graph.callRecords.modality"
    )


def test_a_resolved_cell_follows_a_later_declaration_in_the_pages_namespace() -> None:
    index = NameIndex()
    index.declare("microsoft.graph.callRecords.modality")
    index.set_namespace("resources/call.md", "microsoft.graph")
    cell = TypeCell(raw="modality", name="modality")
    assert index.resolve(cell, "resources/call.md") == "microsoft.graph.callRecords.modality"
    index.declare("microsoft.graph.modality")
    assert index.resolve(cell, "resources/call.md") == "microsoft.graph.modality"


def test_a_resolved_cell_follows_a_namespace_set_afterwards() -> None:
    index = NameIndex()
    index.declare("microsoft.graph.callRecords.modality")
    index.declare("microsoft.graph.modality")
    cell = TypeCell(raw="modality", name="modality")
    # with no namespace known, the simple name's first spelling
    assert index.resolve(cell, "resources/callrecord.md") == "microsoft.graph.callRecords.modality"
    index.set_namespace("resources/callrecord.md", "microsoft.graph")
    assert index.resolve(cell, "resources/callrecord.md") == "microsoft.graph.modality"


def test_pages_of_one_folder_in_two_namespaces_resolve_a_name_apart() -> None:
    index = NameIndex()
    index.declare("microsoft.graph.callRecords.modality")
    index.declare("microsoft.graph.modality")
    index.set_namespace("resources/call.md", "microsoft.graph")
    index.set_namespace("resources/callrecord.md", "microsoft.graph.callRecords")
    cell = TypeCell(raw="modality", name="modality")
    assert index.resolve(cell, "resources/call.md") == "microsoft.graph.modality"
    assert index.resolve(cell, "resources/callrecord.md") == "microsoft.graph.callRecords.modality"


def test_a_resolved_link_follows_a_page_declared_afterwards() -> None:
    index = NameIndex()
    index.declare("microsoft.graph.participantInfo")
    cell = TypeCell(raw="[info](info.md)", name="info", link="info.md")
    assert index.resolve(cell, "resources/call.md") is None
    index.declare("microsoft.graph.participantInfo", "resources/info.md")
    assert index.resolve(cell, "resources/call.md") == "microsoft.graph.participantInfo"
    # the same cell on a page of another folder links another page
    assert index.resolve(cell, "api/call-get.md") is None


def test_property_names_are_found_case_insensitively_as_they_are_added() -> None:
    found = Declarations()
    base = found.add_type(TypeDraft("microsoft.graph.base", PAGE, HERE))
    derived = found.add_type(TypeDraft("microsoft.graph.derived", PAGE, HERE))
    derived.base = base.qualified
    assert _property(derived, "Settings", found) is None
    add_property(base, PropertyDraft("settings", TypeRef(name="Edm.String"), EXAMPLE, HERE), None)
    assert _property(derived, "Settings", found) is base.properties["settings"]
    # a better-ranked draft of the same name replaces it: the lookup sees the replacement
    better = PropertyDraft("settings", TypeRef(name="Edm.Int32"), PAGE, HERE)
    add_property(base, better, None)
    assert _property(derived, "SETTINGS", found) is better
    # the first spelling stays the one found, as when the properties were scanned in order
    add_property(base, PropertyDraft("SETTINGS", TypeRef(name="Edm.Guid"), PAGE, HERE), None)
    assert _property(derived, "settings", found) is better


def _build(tmp_path: Path, files: dict[str, str]) -> ApiModel:
    write_files(tmp_path, files)
    diagnostics = Diagnostics()
    docs = [parse_page(p, diagnostics) for p in load_pages(tmp_path, diagnostics)]
    return build_model(docs, diagnostics)


def _resource(name: str, rows: str) -> str:
    return f"# {name} resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n{TABLE}{rows}"


def _get_page(title: str, path: str, response: str) -> str:
    return (
        f"# {title}\n\n## HTTP request\n\n```http\n{path}\n```\n\n## Response\n\nIf successful, "
        f"this method returns a `200 OK` response code and a {response} object in the response "
        "body.\n"
    )


def test_a_page_looked_at_in_one_round_is_looked_at_again_when_its_path_gains_a_step(
    tmp_path: Path,
) -> None:
    """The pages come in the order that needs three rounds: `a` walks only once `b` has added
    `settings.preferences`, which `b` can only once `c` has added `user.settings` (no weaker
    rule finds an owner for `items`: no type is named like `preferences`). A page skipped because
    it added nothing when last looked at would lose `pref.items`."""
    model = _build(
        tmp_path,
        {
            "resources/user.md": _resource("user", "| id | String | Read-only. |\n"),
            "resources/settings.md": _resource("settings", "| on | Boolean | O. |\n"),
            "resources/pref.md": _resource("pref", "| id | String | Read-only. |\n"),
            "resources/item.md": _resource("item", "| id | String | Read-only. |\n"),
            "api/a-list-items.md": _get_page(
                "List items",
                "GET /users/{id}/settings/preferences/{pref-id}/items",
                "collection of [item](../resources/item.md)",
            ),
            "api/b-list-prefs.md": _get_page(
                "List prefs",
                "GET /users/{id}/settings/preferences",
                "collection of [pref](../resources/pref.md)",
            ),
            "api/c-get-settings.md": _get_page(
                "Get settings", "GET /users/{id}/settings", "[settings](../resources/settings.md)"
            ),
        },
    )
    implied = {
        (t.name, p.name): (p.type.name, p.type.collection)
        for t in model.types
        for p in t.properties
        if p.source.path.startswith("api/")
    }
    assert implied == {
        ("user", "settings"): ("microsoft.graph.settings", False),
        ("settings", "preferences"): ("microsoft.graph.pref", True),
        ("pref", "items"): ("microsoft.graph.item", True),
    }


def _example_page(body: str) -> str:
    return (
        "# Get thing\n\n## HTTP request\n\n```http\nGET /things/{id}\n```\n\n## Example\n\n"
        '### Response\n\n<!-- {\n  "blockType": "response"\n} -->\n'
        f"```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{body}\n```\n"
    )


def _inferred(tmp_path: Path, items: int) -> dict[str, set[str]]:
    body = (
        '{"@odata.type": "#microsoft.graph.thing", "late": {"@odata.type": '
        f'"#microsoft.graph.other", "x": 1}}, "items": [{", ".join(["0"] * items)}]}}'
    )
    model = _build(tmp_path, {"api/thing-get.md": _example_page(body)})
    return {t.name: {p.name for p in t.properties} for t in model.types}


def test_an_example_walk_stops_after_its_bound_however_its_values_are_visited(
    tmp_path: Path,
) -> None:
    """The walk of a body stops after 100,000 values, scalars counted (examples.py skips them
    in a body too small to reach the bound): the array is walked first, and `late` is not
    reached when the array is longer than the bound."""
    assert _inferred(tmp_path / "small", 10) == {"thing": {"late", "items"}, "other": {"x"}}
    assert _inferred(tmp_path / "large", 120_000) == {"thing": {"late", "items"}, "other": set()}
