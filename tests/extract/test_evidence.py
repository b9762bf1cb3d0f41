"""Evidence beyond the tables (issue 3): bases from 'Inherited from' rows and examples, entities
without keyProperty, navigation properties implied by request paths, loose request types."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.extract import build_model
from generator.load import load_pages
from generator.model import ApiModel
from generator.parse import parse_page
from tests.conftest import write_files

TABLE = "| Property | Type | Description |\n|---|---|---|\n"


def _build(tmp_path: Path, files: dict[str, str]) -> ApiModel:
    write_files(tmp_path, files)
    diagnostics = Diagnostics()
    docs = [parse_page(p, diagnostics) for p in load_pages(tmp_path, diagnostics)]
    return build_model(docs, diagnostics)


def _resource(name: str, rows: str, relationships: str = "") -> str:
    text = f"# {name} resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n{TABLE}{rows}"
    if relationships:
        text += f"\n## Relationships\n\n| Relationship | Type | Description |\n|---|---|---|\n{relationships}"
    return text


def test_bases_from_inherited_rows_most_derived_wins_and_entities_default(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/entity.md": _resource("entity", "| id | String | Read-only. |\n"),
            "resources/app.md": _resource("app", "| id | String | Key. Read-only. |\n"),
            "resources/lobapp.md": _resource(
                "lobApp", "| size | Int64 | Inherited from [app](app.md) |\n"
            ),
            "resources/androidapp.md": _resource(
                "androidApp",
                "| name | String | Inherited from [app](app.md) |\n"
                "| size | Int64 | Inherited from [lobApp](lobapp.md) |\n",
            ),
            "resources/point.md": _resource("point", "| x | Int32 | The x. |\n"),
        },
    )
    bases = {t.name: (t.base, t.kind) for t in model.types}
    assert bases == {
        "entity": (None, "entity"),
        "app": ("microsoft.graph.entity", "entity"),
        "lobApp": ("microsoft.graph.app", "entity"),
        "androidApp": ("microsoft.graph.lobApp", "entity"),
        "point": (None, "complex"),
    }


def test_example_values_give_a_base_only_when_the_type_shows_its_properties(tmp_path: Path) -> None:
    body = (
        '{"items": [{"@odata.type": "#microsoft.graph.circle", "x": 1, "r": 2},'
        ' {"@odata.type": "#microsoft.graph.label", "text": "a"}]}'
    )
    model = _build(
        tmp_path,
        {
            "resources/shape.md": _resource("shape", "| x | Int32 | The x. |\n"),
            "resources/circle.md": _resource(
                "circle", "| x | Int32 | The x. |\n| r | Int32 | R. |\n"
            ),
            "resources/label.md": _resource("label", "| text | String | The text. |\n"),
            "resources/canvas.md": _resource(
                "canvas", "| items | [shape](shape.md) collection | All. |\n"
            ),
            "api/canvas-get.md": "# Get canvas\n\n## HTTP request\n\n```http\nGET /canvas\n```\n\n"
            "## Response\n\nIf successful, this method returns a `200 OK` response code and a "
            "[canvas](../resources/canvas.md) object in the response body.\n\n## Example\n\n"
            '### Response\n\n<!-- {\n  "blockType": "response"\n} -->\n'
            f"```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{body}\n```\n",
        },
    )
    bases = {t.name: t.base for t in model.types}
    assert bases["circle"] == "microsoft.graph.shape"
    assert bases["label"] is None  # shows none of shape's properties: the example is wrong


def test_get_paths_imply_navigation_properties(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/user.md": _resource("user", "| id | String | Read-only. |\n"),
            "resources/group.md": _resource("group", "| name | String | The name. |\n"),
            "api/user-list-memberof.md": "# List memberOf\n\n## HTTP request\n\n```http\n"
            "GET /me/memberOf\nGET /users/{id | userPrincipalName}/memberOf\n```\n\n## Response\n\n"
            "If successful, this method returns a `200 OK` response code and a collection of "
            "[group](../resources/group.md) objects in the response body.\n",
        },
    )
    user = next(t for t in model.types if t.name == "user")
    member_of = next(p for p in user.properties if p.name == "memberOf")
    assert member_of.navigation
    assert (member_of.type.name, member_of.type.collection) == ("microsoft.graph.group", True)
    assert member_of.source.path == "api/user-list-memberof.md"


def test_request_type_is_named_by_the_prose_not_by_a_link_in_the_table(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/app.md": _resource("app", "| id | String | Read-only. |\n"),
            "resources/lobapp.md": _resource("lobApp", "| id | String | Read-only. |\n"),
            "api/lobapp-create.md": "# Create lobApp\n\n## HTTP request\n\n```http\nPOST /apps\n```\n\n"
            "## Request body\n\nIn the request body, supply a JSON representation for the lobApp "
            f"object.\n\n{TABLE}| name | String | Inherited from [app](../resources/app.md) |\n"
            "| size | Int64 | The size. |\n",
        },
    )
    operation = model.operations[0]
    assert operation.request_type is not None
    assert operation.request_type.name == "microsoft.graph.lobApp"
    lob = next(t for t in model.types if t.name == "lobApp")
    assert [p.name for p in lob.properties] == ["size"]  # id and name belong to app
    assert lob.base == "microsoft.graph.app"


def test_subclass_text_beats_an_entity_annotation_and_identifier_json_marks_entities(
    tmp_path: Path,
) -> None:
    annotation = (
        '<!-- {\n  "blockType": "resource",\n  "@odata.type": "microsoft.graph.%s"%s\n} -->\n'
    )
    model = _build(
        tmp_path,
        {
            "resources/entity.md": _resource("entity", "| id | String | Read-only. |\n"),
            "resources/resource.md": _resource("resource", "| id | String | Read-only. |\n"),
            "resources/wordresource.md": _resource(
                "wordResource", "| url | String | The url. |\n"
            ).replace("## Properties", "A subclass of [resource](resource.md).\n\n## Properties")
            + "\n## JSON representation\n\n"
            + annotation % ("wordResource", ',\n  "baseType": "microsoft.graph.entity"')
            + '```json\n{"url": "String"}\n```\n',
            "resources/audit.md": _resource("audit", "| id | String | A GUID. |\n")
            + "\n## JSON representation\n\n"
            + annotation % ("audit", "")
            + '```json\n{"id": "String (identifier)"}\n```\n',
            "resources/point.md": _resource("point", "| id | String | Not a key. |\n")
            + "\n## JSON representation\n\n"
            + annotation % ("point", "")
            + '```json\n{"id": "String"}\n```\n',
        },
    )
    bases = {t.name: (t.base, t.kind) for t in model.types}
    assert bases["wordResource"] == ("microsoft.graph.resource", "entity")
    assert bases["audit"] == ("microsoft.graph.entity", "entity")
    assert bases["point"] == (None, "complex")


def test_a_key_after_a_navigation_segment_makes_it_a_collection(tmp_path: Path) -> None:
    def get_page(path: str, returned: str) -> str:
        return (
            f"# Get\n\n## HTTP request\n\n```http\nGET {path}\n```\n\n## Response\n\n"
            "If successful, this method returns a `200 OK` response code and a "
            f"[{returned}](../resources/{returned}.md) object in the response body.\n"
        )

    model = _build(
        tmp_path,
        {
            "resources/message.md": _resource(
                "message",
                "| id | String | Read-only. |\n",
                "| replies | [message](message.md) | Replies. |\n"
                "| parent | [message](message.md) | The parent. |\n",
            ),
            "resources/status.md": _resource(
                "status", "| id | String | Read-only. |\n", "| terms | [terms](terms.md) | T. |\n"
            ),
            "resources/terms.md": _resource("terms", "| id | String | Read-only. |\n"),
            "api/reply-get.md": get_page("/messages/{id}/replies/{replyId}", "message"),
            "api/parent-get.md": get_page("/messages/{id}/parent", "message"),
            # another owner's `terms` is keyed: status.terms stays single
            "api/terms-get.md": get_page("/admin/terms/{termsId}", "terms"),
        },
    )
    kinds = {
        (t.name, p.name): p.type.collection
        for t in model.types
        for p in t.properties
        if p.navigation
    }
    assert kinds == {
        ("message", "replies"): True,
        ("message", "parent"): False,
        ("status", "terms"): False,
    }


def test_deep_paths_find_the_owner_from_the_segment_before(tmp_path: Path) -> None:
    def list_page(path: str, returned: str) -> str:
        return (
            f"# List\n\n## HTTP request\n\n```http\nGET {path}\n```\n\n## Response\n\n"
            "If successful, this method returns a `200 OK` response code and a collection of "
            f"[{returned}](../resources/{returned}.md) objects in the response body.\n"
        )

    model = _build(
        tmp_path,
        {
            "resources/school.md": _resource(
                "school",
                "| id | String | Read-only. |\n",
                "| classes | [klass](klass.md) collection | C. |\n",
            ),
            "resources/klass.md": _resource("klass", "| id | String | Read-only. |\n"),
            "resources/task.md": _resource("task", "| id | String | Read-only. |\n"),
            "resources/user.md": _resource("user", "| id | String | Read-only. |\n"),
            "api/klass-list-tasks.md": list_page("/schools/{id}/classes/{class-id}/tasks", "task"),
            "api/user-get-task.md": list_page("/me/tasks/{task-id}", "task").replace(
                "a collection of", "a"
            ),
            "api/nobody-list-tasks.md": list_page("/unknown/{id}/things/{id}/items", "task"),
            # a complex type named like a singleton is not it (`/identity/...`)
            "resources/actor.md": _resource("actor", "| name | String | N. |\n"),
            "api/actor-list-tasks.md": list_page("/actor/tasks", "task"),
        },
    )
    found = {
        (t.name, p.name): (p.type.name, p.type.collection)
        for t in model.types
        for p in t.properties
        if p.navigation
    }
    assert found == {
        ("school", "classes"): ("microsoft.graph.klass", True),
        ("klass", "tasks"): ("microsoft.graph.task", True),
        ("user", "tasks"): ("microsoft.graph.task", True),
    }


def test_the_file_name_keeps_the_prefix_the_annotation_lost(tmp_path: Path) -> None:
    annotation = (
        '<!-- {\n  "blockType": "resource",\n  "@odata.type": "microsoft.graph.%s"\n} -->\n'
    )
    model = _build(
        tmp_path,
        {
            "resources/identityuserflow.md": _resource("UserFlow", "| id | String | Read-only. |\n")
            + "\n## JSON representation\n\n"
            + annotation % "UserFlow"
            + '```json\n{"id": "String (identifier)"}\n```\n',
            "resources/b2xflow.md": _resource("b2xFlow", "| name | String | N. |\n").replace(
                "## Properties",
                "Inherits from base class [identityUserFlow](identityuserflow.md).\n\n## Properties",
            ),
        },
    )
    bases = {t.name: t.base for t in model.types}
    assert bases == {"identityUserFlow": None, "b2xFlow": "microsoft.graph.identityUserFlow"}


def test_base_pages_naming_their_derived_types_give_base_hints(tmp_path: Path) -> None:
    derived_table = "\n## Derived types\n\n| Type | Description |\n|---|---|\n"
    model = _build(
        tmp_path,
        {
            "resources/outcome.md": _resource("outcome", "| id | String | Read-only. |\n").replace(
                "## Properties",
                "This is a base class; the derived types are [points](points.md) and "
                "[rubric](rubric.md).\n\n## Properties",
            ),
            "resources/points.md": _resource("points", "| points | Int32 | P. |\n"),
            "resources/rubric.md": _resource("rubric", "| name | String | N. |\n"),
            "resources/response.md": _resource("response", "| reason | String | R. |\n")
            + derived_table
            + "| [accept](accept.md) | Accept. |\n",
            "resources/accept.md": _resource("accept", "| note | String | N. |\n"),
            "resources/action.md": _resource("action", "| kind | String | K. |\n").replace(
                "## Properties",
                "A base class for actions in the [settings](settings.md).\n\n## Properties",
            ),
            "resources/settings.md": _resource("settings", "| on | Boolean | O. |\n"),
        },
    )
    bases = {t.name: t.base for t in model.types}
    assert bases["points"] == bases["rubric"] == "microsoft.graph.outcome"
    assert bases["accept"] == "microsoft.graph.response"
    assert bases["settings"] is None


def test_a_prose_link_in_the_request_body_section_is_no_type(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/permission.md": _resource("permission", "| id | String | Read-only. |\n"),
            "api/permission-grant.md": "# permission: grant\n\n## HTTP request\n\n```http\n"
            "POST /shares/{id}/permission/grant\n```\n\n## Request body\n\n"
            f"{TABLE}| roles | Collection(String) | The roles. |\n\nFor a list of available roles, "
            "see [roles property values](../resources/permission.md#roles-property-values).\n",
        },
    )
    assert [t.name for t in model.types] == ["permission"]


def test_a_bare_name_means_the_pages_own_namespace_first(tmp_path: Path) -> None:
    enum = "# {ns} enums\n\nNamespace: {ns}\n\n### mode values\n\n| Member | Description |\n|---|---|\n| a | A. |\n"
    model = _build(
        tmp_path,
        {
            "resources/enums-records.md": enum.format(ns="microsoft.graph.records"),
            "resources/enums.md": enum.format(ns="microsoft.graph"),
            "resources/call.md": _resource("call", "| modes | mode collection | M. |\n"),
            "resources/session.md": _resource(
                "session", "| modes | mode collection | M. |\n"
            ).replace("Namespace: microsoft.graph", "Namespace: microsoft.graph.records"),
        },
    )
    types = {t.name: t.properties[0].type.name for t in model.types}
    assert types == {"call": "microsoft.graph.mode", "session": "microsoft.graph.records.mode"}


def test_a_response_annotation_naming_a_subtype_of_the_prose_type_hints_a_base(
    tmp_path: Path,
) -> None:
    model = _build(
        tmp_path,
        {
            "resources/operation.md": _resource("operation", "| status | String | S. |\n"),
            "resources/muteoperation.md": _resource(
                "muteOperation", "| status | String | S. |\n| muted | Boolean | M. |\n"
            ),
            "api/call-mute.md": "# call: mute\n\n## HTTP request\n\n```http\nPOST /calls/{id}/mute\n"
            "```\n\n## Response\n\nIf successful, this method returns a `200 OK` response code and "
            "an [operation](../resources/operation.md) object in the response body.\n\n## Example\n\n"
            "### Response\n\n"
            '<!-- {\n  "blockType": "response",\n  "@odata.type": "microsoft.graph.muteOperation"\n} -->\n'
            '```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{"status": "done", "muted": true}\n```\n',
        },
    )
    bases = {t.name: t.base for t in model.types}
    assert bases == {"operation": None, "muteOperation": "microsoft.graph.operation"}


def test_a_relationship_target_is_an_entity(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/entity.md": _resource("entity", "| id | String | Read-only. |\n"),
            "resources/user.md": _resource(
                "user",
                "| id | String | Read-only. |\n| address | [place](place.md) | A. |\n",
                "| presence | [presence](presence.md) | P. |\n",
            ),
            "resources/presence.md": _resource("presence", "| id | String | The user id. |\n"),
            "resources/place.md": _resource("place", "| city | String | C. |\n"),
        },
    )
    kinds = {t.name: (t.kind, t.base) for t in model.types}
    assert kinds["presence"] == ("entity", "microsoft.graph.entity")
    assert kinds["place"] == ("complex", None)


def _get_page(title: str, paths: str, response: str) -> str:
    return (
        f'# {title}\n\n## HTTP requests\n\n<!-- {{ "blockType": "ignored" }} -->\n```http\n'
        f"{paths}\n```\n\n## Response\n\nIf successful, this method returns a `200 OK` response "
        f"code and a {response} object in the response body.\n"
    )


def test_a_get_path_target_is_an_entity_but_not_a_functions_result(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/entity.md": _resource("entity", "| id | String | Read-only. |\n"),
            "resources/user.md": _resource("user", "| id | String | Read-only. |\n"),
            "resources/presence.md": _resource("presence", "| availability | String | A. |\n"),
            "resources/localeinfo.md": _resource("localeInfo", "| locale | String | L. |\n"),
            # "HTTP requests" (plural) and an "ignored" block still document the paths
            "api/presence-get.md": _get_page(
                "Get presence", "GET /me/presence/", "[presence](../resources/presence.md)"
            ),
            "api/user-supportedlanguages.md": _get_page(
                "user: supportedLanguages",
                "GET /me/supportedLanguages",
                "[localeInfo](../resources/localeinfo.md)",
            ),
        },
    )
    kinds = {t.name: (t.kind, t.base) for t in model.types}
    assert kinds["presence"] == ("entity", "microsoft.graph.entity")
    assert kinds["localeInfo"] == ("complex", None)
    user = next(t for t in model.types if t.name == "user")
    assert [p.name for p in user.properties] == ["presence"]


def test_a_type_held_by_a_structural_property_is_complex_despite_weak_keys(
    tmp_path: Path,
) -> None:
    def keyed(name: str, rows: str, json: str) -> str:
        return (
            _resource(name, rows)
            + '\n## JSON representation\n\n<!-- {\n  "blockType": "resource",\n'
            + f'  "keyProperty": "id",\n  "@odata.type": "microsoft.graph.{name}"\n}} -->\n'
            + f"```json\n{json}\n```\n"
        )

    model = _build(
        tmp_path,
        {
            "resources/entity.md": _resource("entity", "| id | String | Read-only. |\n"),
            # an `id` row, read-only: an entity but for its use as a property type
            "resources/itemreference.md": _resource(
                "itemReference", "| id | String | Read-only. |\n| path | String | P. |\n"
            ),
            # a keyProperty naming no property of the page
            "resources/grant.md": keyed(
                "grant", "| enabled | Boolean | E. |\n", '{"enabled": true}'
            ),
            # a keyProperty the page has: an entity, even as a property type
            "resources/stage.md": keyed("stage", "| id | String | I. |\n", '{"id": "String"}'),
            # a keyProperty naming no property, never held by a property: still an entity
            "resources/defaults.md": keyed("defaults", "| due | String | D. |\n", '{"due": "x"}'),
            "resources/item.md": _resource(
                "item",
                "| id | String | Read-only. |\n| parentReference | [itemReference](itemreference.md) "
                "| P. |\n| grant | [grant](grant.md) | G. |\n| stage | [stage](stage.md) | S. |\n",
            ),
        },
    )
    kinds = {t.name: (t.kind, t.base) for t in model.types}
    assert kinds == {
        "entity": ("entity", None),
        "itemReference": ("complex", None),
        "grant": ("complex", None),
        "stage": ("entity", "microsoft.graph.entity"),
        "defaults": ("entity", "microsoft.graph.entity"),
        "item": ("entity", "microsoft.graph.entity"),
    }


def test_this_creates_a_subclass_from_names_the_base(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/grade.md": _resource("grade", "| gradedBy | String | G. |\n"),
            "resources/pointsgrade.md": _resource(
                "pointsGrade", "| points | Single | P. |\n"
            ).replace(
                "## Properties",
                "Each submission has this object. This creates a subclass from "
                "[grade](grade.md) which adds the points.\n\n## Properties",
            ),
        },
    )
    assert {t.name: t.base for t in model.types} == {
        "grade": None,
        "pointsGrade": "microsoft.graph.grade",
    }


def test_paths_are_walked_from_the_root_and_typed_by_the_response_annotation(
    tmp_path: Path,
) -> None:
    response = (
        "\n## Example\n\n### Response\n\n"
        '<!-- { "blockType": "response", "@odata.type": "Collection(microsoft.graph.pref)" } -->\n'
        '```http\nHTTP/1.1 200 OK\nContent-type: application/json\n\n{"value": []}\n```\n'
    )
    model = _build(
        tmp_path,
        {
            "resources/user.md": _resource("user", "| id | String | Read-only. |\n"),
            "resources/settings.md": _resource("settings", "| on | Boolean | O. |\n"),
            "resources/pref.md": _resource("pref", "| id | String | Read-only. |\n"),
            "resources/baseitem.md": _resource("baseItem", "| id | String | Read-only. |\n"),
            "resources/driveitem.md": _resource(
                "driveItem", "| size | Int64 | S. |\n", "| versions | [pref](pref.md) | V. |\n"
            ).replace("## Properties", "Inherits from [baseItem](baseitem.md).\n\n## Properties"),
            "resources/site.md": _resource(
                "site",
                "| id | String | Read-only. |\n",
                "| items | [baseItem](baseitem.md) | I. |\n",
            ),
            # the prose names no type: the response annotation does; a sample GUID is a key
            "api/pref-list.md": "# List prefs\n\n## HTTP request\n\n```http\n"
            "GET /users/d0c0ffee-2dc6-4e71-b1e9-6d9810ab1793/settings/prefs\n```\n\n## Response\n\n"
            "This method returns a collection of **prefs**.\n" + response,
            # `settings` is known only from this page's path; the pass runs until nothing is new
            "api/settings-get.md": _get_page(
                "Create settings",
                "PUT /users/{id}/settings",
                "[settings](../resources/settings.md)",
            ),
            # `versions` belongs to the derived `driveItem`, not to `baseItem`
            "api/item-list-versions.md": _get_page(
                "List versions",
                "GET /sites/{site-id}/items/{item-id}/versions",
                "[pref](../resources/pref.md)",
            ),
        },
    )
    props = {
        (t.name, p.name): (p.type.name, p.type.collection, p.navigation)
        for t in model.types
        for p in t.properties
        if p.source.path.startswith("api/")
    }
    assert props == {
        ("user", "settings"): ("microsoft.graph.settings", False, True),
        ("settings", "prefs"): ("microsoft.graph.pref", True, True),
    }


def test_a_methods_table_naming_a_base_of_the_api_pages_type_hints_a_base(
    tmp_path: Path,
) -> None:
    methods = (
        "\n## Methods\n\n| Method | Return Type | Description |\n|---|---|---|\n"
        "| [Invite](../api/call-invite.md) | [operation](operation.md) | Invite. |\n"
        "| [Mute](../api/call-mute.md) | [operation](operation.md) | Mute. |\n"
    )
    model = _build(
        tmp_path,
        {
            "resources/call.md": _resource("call", "| id | String | Read-only. |\n") + methods,
            "resources/operation.md": _resource("operation", "| status | String | S. |\n"),
            "resources/inviteoperation.md": _resource(
                "inviteOperation", "| status | String | S. |\n| invited | Int32 | I. |\n"
            ),
            # it lacks the base's `status`: the table's word is not enough
            "resources/muteoperation.md": _resource("muteOperation", "| muted | Boolean | M. |\n"),
            "api/call-invite.md": "# participant: invite\n\n## HTTP request\n\n```http\n"
            "POST /calls/{id}/invite\n```\n\n## Response\n\nIf successful, this method returns a "
            "`200 OK` response code and an [inviteOperation](../resources/inviteoperation.md).\n",
            "api/call-mute.md": "# call: mute\n\n## HTTP request\n\n```http\n"
            "POST /calls/{id}/mute\n```\n\n## Response\n\nIf successful, this method returns a "
            "`200 OK` response code and a [muteOperation](../resources/muteoperation.md).\n",
        },
    )
    bases = {t.name: t.base for t in model.types if "peration" in t.name}
    assert bases == {
        "operation": None,
        "inviteOperation": "microsoft.graph.operation",
        "muteOperation": None,
    }


def test_headings_and_file_names_the_pages_use_for_their_parts(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            # "## operationError Properties": the page's own type named in the heading
            "resources/operationerror.md": "# operationError resource type\n\n"
            f"## operationError Properties\n\n{TABLE}| code | String | C. |\n",
            "resources/reportroot.md": _resource("reportRoot", "| id | String | Read-only. |\n"),
            "resources/usage.md": _resource("usage", "| id | String | Read-only. |\n"),
            # `reports` names no type: the file name `reportroot-list-usages` names the owner
            "api/reportroot-list-usages.md": _get_page(
                "List usages", "GET /reports/usages", "[usage](../resources/usage.md) collection"
            ),
            # an http block under a sub-heading of "HTTP request" holds paths; C# there does not
            "api/usage-get.md": "# Get usage\n\n## HTTP request\n\n### By id\n\n```http\n"
            "GET /reports/usages/{id}\n```\n\n### Encoding\n\n```csharp\nstring x = 1;\n```\n",
        },
    )
    props = {(t.name, p.name): p.type.name for t in model.types for p in t.properties}
    assert props == {
        ("operationError", "code"): "Edm.String",
        ("reportRoot", "id"): "Edm.String",
        ("reportRoot", "usages"): "microsoft.graph.usage",
        ("usage", "id"): "Edm.String",
    }
    assert [o.paths for o in model.operations if o.method == "GET"] == [
        ("/reports/usages",),
        ("/reports/usages/{id}",),
    ]


def test_when_one_path_of_a_page_walks_the_weaker_rules_are_not_asked(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/user.md": _resource(
                "user", "| id | String | Read-only. |\n", "| sort | [sort](sort.md) | S. |\n"
            ),
            "resources/sort.md": _resource(
                "sort", "| fields | [field](field.md) collection | F. |\n"
            ),
            "resources/field.md": _resource("field", "| icon | [icon](icon.md) | I. |\n"),
            "resources/icon.md": _resource("icon", "| set | String | S. |\n"),
            # `fields` is also the navigation of `listItem`: the segment-before rule would pick it
            "resources/listitem.md": _resource(
                "listItem",
                "| id | String | Read-only. |\n",
                "| fields | [values](values.md) | F. |\n",
            ),
            "resources/values.md": _resource("values", "| id | String | Read-only. |\n"),
            "api/icon-get.md": _get_page(
                "Get icon",
                "GET /me/sort/fields/icon\nGET /me/drive/root:/{item-path}:/sort/fields/icon",
                "[icon](../resources/icon.md)",
            ),
        },
    )
    added = [
        (t.name, p.name)
        for t in model.types
        for p in t.properties
        if p.source.path.startswith("api/")
    ]
    assert added == []
    assert {t.name: t.kind for t in model.types}["icon"] == "complex"


def test_a_value_at_an_address_derives_from_the_type_the_address_holds(tmp_path: Path) -> None:
    def action(name: str, body: str, location: str = "") -> str:
        header = f"Location: {location}\n" if location else ""
        return (
            f"# call: {name}\n\n## HTTP request\n\n```http\nPOST /calls/{{id}}/{name}\n```\n\n"
            "## Response\n\nIf successful, this method returns a `200 OK` response code.\n\n"
            '## Example\n\n### Response\n\n<!-- { "blockType": "response" } -->\n'
            f"```http\nHTTP/1.1 200 OK\n{header}Content-type: application/json\n\n{body}\n```\n"
        )

    model = _build(
        tmp_path,
        {
            "resources/call.md": _resource(
                "call",
                "| id | String | Read-only. |\n",
                "| operations | [operation](operation.md) collection | O. |\n",
            ),
            "resources/operation.md": _resource(
                "operation", "| id | String | Read-only. |\n| status | String | S. |\n"
            ),
            "resources/muteoperation.md": _resource(
                "muteOperation", "| id | String | Read-only. |\n| status | String | S. |\n"
            ),
            "resources/recordoperation.md": _resource(
                "recordOperation", "| id | String | Read-only. |\n| status | String | S. |\n"
            ),
            # the `Location` header places the body in `call.operations`
            "api/call-mute.md": action(
                "mute",
                '{"@odata.type": "#microsoft.graph.muteOperation", "id": "1", "status": "ok"}',
                "https://graph.microsoft.com/v1.0/communications/calls/"
                "57dab8b1-894c-409a-b240-bd8beae78896/operations/17e3b46c-f61d-4f4d-9635-c626ef18e6ad",
            ),
            # an object's `@odata.id` places it there too
            "api/call-record.md": action(
                "record",
                '{"value": [{"@odata.type": "#microsoft.graph.recordOperation",'
                ' "@odata.id": "/calls/{id}/operations/{op}", "status": "ok"}]}',
            ),
        },
    )
    assert {t.name: t.base for t in model.types if "peration" in t.name} == {
        "operation": None,
        "muteOperation": "microsoft.graph.operation",
        "recordOperation": "microsoft.graph.operation",
    }


def test_a_singleton_deriving_from_entity_is_addressable(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/entity.md": _resource("entity", "| id | String | Read-only. |\n"),
            # no key, no relationships: only its base says it is an entity
            "resources/teamwork.md": _resource("teamwork", "| name | String | N. |\n").replace(
                "## Properties", "Inherits from [entity](entity.md).\n\n## Properties"
            ),
            "resources/integration.md": _resource("integration", "| id | String | Read-only. |\n"),
            "api/integration-list.md": _get_page(
                "List integrations",
                "GET /teamwork/integrations",
                "[integration](../resources/integration.md) collection",
            ),
        },
    )
    teamwork = next(t for t in model.types if t.name == "teamwork")
    assert [(p.name, p.type.name, p.type.collection) for p in teamwork.properties] == [
        ("name", "Edm.String", False),
        ("integrations", "microsoft.graph.integration", True),
    ]


def test_placeholders_with_spaces_and_sets_named_like_their_type(tmp_path: Path) -> None:
    model = _build(
        tmp_path,
        {
            "resources/organization.md": _resource(
                "organization", "| id | String | Read-only. |\n"
            ),
            "resources/branding.md": _resource("branding", "| id | String | Read-only. |\n"),
            # `{tenant id}`: one placeholder; `/organization/{id}` is an `organization`
            "api/branding-create.md": _get_page(
                "Create branding",
                "PUT /organization/{tenant id}/branding",
                "[branding](../resources/branding.md)",
            ),
            # `{property name}` names a property of the branding: no key, no collection
            "api/branding-get.md": _get_page(
                "Get branding",
                "GET /organization/{tenant id}/branding/{property name}",
                "[branding](../resources/branding.md)",
            ),
        },
    )
    organization = next(t for t in model.types if t.name == "organization")
    assert [(p.name, p.type.name, p.type.collection) for p in organization.properties] == [
        ("id", "Edm.String", False),
        ("branding", "microsoft.graph.branding", False),
    ]
    assert sorted(p for o in model.operations for p in o.paths) == [
        "/organization/{tenantId}/branding",
        "/organization/{tenantId}/branding/{propertyName}",
    ]
