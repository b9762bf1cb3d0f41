"""Issue 14: which page owns each documented request, and what each path answers, decided in the
model (extract/attribution.py, extract/walk.py)."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.extract import build_model
from generator.load import load_pages
from generator.model import Answer, ApiModel, TypeRef
from generator.parse import parse_page
from tests.conftest import write_files

G = "microsoft.graph."
TABLE = "| Property | Type | Description |\n|---|---|---|\n"


def _build(tmp_path: Path, files: dict[str, str]) -> tuple[ApiModel, list[str]]:
    write_files(tmp_path, files)
    diagnostics = Diagnostics()
    docs = [parse_page(p, diagnostics) for p in load_pages(tmp_path, diagnostics)]
    model = build_model(docs, diagnostics)
    return model, [str(d) for d in diagnostics.sorted()]


def _resource(name: str, rows: str = "", relationships: str = "", base: str = "") -> str:
    text = f"# {name} resource type\n\nNamespace: microsoft.graph\n\n"
    if base:
        text += f"Inherits from [{base}]({base.lower()}.md).\n\n"
    text += f"## Properties\n\n{TABLE}| id | String | Read-only. |\n{rows}"
    if relationships:
        text += (
            "\n## Relationships\n\n| Relationship | Type | Description |\n|---|---|---|\n"
            + relationships
        )
    return text


def _api(title: str, requests: list[str], response: str = "", status: str = "200 OK") -> str:
    block = "\n".join(requests)
    text = f"# {title}\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n{block}\n```\n"
    if response is not None:
        text += f"\n## Response\n\nIf successful, this method returns a `{status}` response code"
        text += f" and {response} in the response body.\n" if response else ".\n"
    return text


def _obj(name: str) -> str:
    return f"a [{name}](../resources/{name.lower()}.md) object"


def _many(name: str) -> str:
    return f"a collection of [{name}](../resources/{name.lower()}.md) objects"


def _answers(model: ApiModel) -> dict[tuple[str, str], tuple[str, Answer]]:
    return {(o.method, a.path): (o.source.path, a) for o in model.operations for a in o.answers}


USERS = {
    "resources/directoryobject.md": _resource("directoryObject"),
    "resources/user.md": _resource(
        "user",
        base="directoryObject",
        relationships="| manager | [directoryObject](directoryobject.md) | The manager. |\n"
        "| messages | [message](message.md) collection | Mail. |\n",
    ),
    "resources/message.md": _resource("message"),
    "resources/eventmessage.md": _resource("eventMessage", base="message"),
    "resources/opentypeextension.md": _resource("openTypeExtension"),
    "api/user-get.md": _api("Get user", ["GET /me", "GET /users/{id}"], _obj("user")),
    "api/user-list.md": _api("List users", ["GET /users"], _many("user")),
    "api/user-list-manager.md": _api(
        "List manager",
        [
            "GET /me/manager",
            "GET /me?$expand=manager",
            "GET /users/{id | userPrincipalName}/?$expand=manager",
        ],
        _obj("directoryObject"),
    ),
    "api/intune-devices-user-list.md": _api("List users", ["GET /users"], _many("user")),
    "api/opentypeextension-get.md": _api(
        "Get open extension",
        ["GET /users/{id}/messages/{id}", "GET /users/{Id}?$expand=extensions"],
        _obj("openTypeExtension"),
    ),
    "api/message-get.md": _api("Get message", ["GET /users/{id}/messages/{id}"], _obj("message")),
    "api/eventmessage-get.md": _api(
        "Get eventMessage", ["GET /me/messages/{id}"], _obj("eventMessage")
    ),
    "api/eventmessage-get-first.md": _api(
        "Get the first eventMessage", ["GET /me/messages/first"], _obj("eventMessage")
    ),
    "api/user-list-messages.md": _api("List messages", ["GET /me/messages"], _obj("message")),
    "api/user-update.md": _api(
        "Update user", ["PATCH /users/{id}"], _obj("user"), "204 No Content"
    ),
    "api/user-sendmail.md": _api("user: sendMail", ["POST /me/sendMail"], "", "202 Accepted"),
    "api/user-post-messages.md": _api("Create message", ["POST /me/messages"], ""),
    "api/reportroot-getreport.md": _api(
        "reportRoot: getReport", ["GET /me/getReport(period='{period}')"], _obj("user"), "302 Found"
    ),
}


def test_a_query_option_path_is_an_example_and_never_takes_over(tmp_path: Path) -> None:
    model, _ = _build(tmp_path, USERS)
    answers = _answers(model)
    assert answers[("GET", "/me")] == (
        "api/user-get.md",
        Answer(path="/me", type=TypeRef(name=G + "user")),
    )
    pages = {o.source.path: o.paths for o in model.operations}
    assert pages["api/user-list-manager.md"] == ("/me/manager",)
    assert "api/opentypeextension-get.md" not in pages  # its one plain path is message-get's


def test_the_page_about_the_resource_owns_the_request(tmp_path: Path) -> None:
    model, diagnostics = _build(tmp_path, USERS)
    answers = _answers(model)
    assert answers[("GET", "/users")][0] == "api/user-list.md"  # named for the resource
    assert answers[("GET", "/users/{id}/messages/{id}")] == (
        "api/message-get.md",
        Answer(path="/users/{id}/messages/{id}", type=TypeRef(name=G + "message")),
    )
    assert (
        "api/intune-devices-user-list.md:8: info GG035: GET /users is documented by "
        "api/user-list.md too, which owns it (it answers user collection)"
    ) in diagnostics
    assert any("opentypeextension-get.md:8: info GG035" in d for d in diagnostics)


def test_the_walk_decides_the_shape_and_a_related_statement_is_kept(tmp_path: Path) -> None:
    model, diagnostics = _build(tmp_path, USERS)
    answers = _answers(model)
    # the page says one message; the path leads to a collection navigation
    assert answers[("GET", "/me/messages")][1].type == TypeRef(name=G + "message", collection=True)
    # a member picked by a placeholder may be any message, whatever subtype the page states:
    # the annotation promises the type of the family (reported)
    assert answers[("GET", "/me/messages/{id}")][1].type == TypeRef(name=G + "message")
    assert (
        "api/eventmessage-get.md:8: warning GG036: GET /me/messages/{id}: the page answers"
        " eventMessage, the path leads to any message; message used"
    ) in diagnostics
    # a key written as a value picks the member the page is about: its subtype is kept
    assert answers[("GET", "/me/messages/first")][1].type == TypeRef(name=G + "eventMessage")
    # a POST to a collection answers one member, typed by the walk when the page says nothing
    assert answers[("POST", "/me/messages")][1].type == TypeRef(name=G + "message")


def test_responses_without_a_body(tmp_path: Path) -> None:
    model, _ = _build(tmp_path, USERS)
    answers = _answers(model)
    assert answers[("PATCH", "/users/{id}")][1] == Answer(path="/users/{id}", empty=True)
    assert answers[("POST", "/me/sendMail")][1] == Answer(path="/me/sendMail", empty=True)
    report = answers[("GET", "/me/getReport(period='{period}')")][1]
    assert report.empty and report.type is None  # 302 to the CSV: no JSON


def test_a_collection_family_answers_its_most_general_type(tmp_path: Path) -> None:
    files = {
        "resources/policy.md": _resource("policy"),
        "resources/apppolicy.md": _resource("appPolicy", base="policy"),
        "resources/webpolicy.md": _resource("webPolicy", base="policy"),
        "resources/root.md": _resource(
            "root", relationships="| policies | [policy](policy.md) collection | All. |\n"
        ),
        "api/root-get.md": _api("Get root", ["GET /root"], _obj("root")),
        "api/intune-apppolicy-list.md": _api("List", ["GET /root/policies"], _many("appPolicy")),
        "api/intune-webpolicy-list.md": _api("List", ["GET /root/policies"], _many("webPolicy")),
    }
    for name in ("appPolicy", "webPolicy"):
        files[f"api/intune-{name.lower()}-create.md"] = (
            _api("Create", ["POST /root/policies"], _obj(name), "201 Created")
            + "\n## Request body\n\nIn the request body, supply a JSON representation of a"
            + f" [{name}](../resources/{name.lower()}.md) object.\n"
        )
    model, _ = _build(tmp_path, files)
    _, answer = _answers(model)[("GET", "/root/policies")]
    assert answer.type == TypeRef(name=G + "policy", collection=True)
    # a POST any member of the family may be sent to: the base, as answer and as body
    (create,) = [o for o in model.operations if o.method == "POST"]
    assert create.answers[0].type == TypeRef(name=G + "policy")
    assert create.request_type == TypeRef(name=G + "policy")


def test_untyped_requests_are_reported(tmp_path: Path) -> None:
    files = {
        "resources/user.md": _resource("user"),
        "api/user-get.md": _api("Get user", ["GET /users/{id}"], _obj("user")),
        "api/user-spin.md": _api("user: spin", ["POST /users/{id}/spin"], None),  # type: ignore[arg-type]
    }
    model, diagnostics = _build(tmp_path, files)
    assert _answers(model)[("POST", "/users/{id}/spin")][1] == Answer(path="/users/{id}/spin")
    assert any("user-spin.md" in d and "GG037" in d for d in diagnostics)


def _body(rows: str) -> str:
    return "\n## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n" + rows


def test_action_parameters_and_their_request_class(tmp_path: Path) -> None:
    files = {
        "resources/event.md": _resource("event"),
        "resources/message.md": _resource("message"),
        "resources/user.md": _resource(
            "user",
            relationships="| events | [event](event.md) collection | E. |\n"
            "| messages | [message](message.md) collection | M. |\n",
        ),
        "api/user-get.md": _api("Get user", ["GET /me"], _obj("user")),
        "api/event-forward.md": _api("event: forward", ["POST /me/events/{id}/forward"], "", "202")
        + _body("| comment | String | C. |\n"),
        "api/message-forward.md": _api(
            "message: forward", ["POST /me/messages/{id}/forward"], "", "202"
        )
        + _body("| comment | String | C. |\n| toRecipients | String collection | R. |\n"),
        "api/user-sendmail.md": _api("user: sendMail", ["POST /me/sendMail"], "", "202")
        + _body("| message | [message](../resources/message.md) | M. |\n| save | Boolean | S. |\n"),
    }
    model, _ = _build(tmp_path, files)
    by_page = {o.source.path: o for o in model.operations}
    send = by_page["api/user-sendmail.md"]
    assert send.request_class == "sendMailRequest"
    assert [(p.name, p.type) for p in send.parameters] == [
        ("message", TypeRef(name=G + "message")),
        ("save", TypeRef(name="Edm.Boolean")),
    ]
    # one action name, two parameter tables: told apart by the type each is bound to
    assert by_page["api/event-forward.md"].request_class == "eventForwardRequest"
    assert by_page["api/message-forward.md"].request_class == "messageForwardRequest"
    assert by_page["api/message-forward.md"].parameters[1].type == TypeRef(
        name="Edm.String", collection=True
    )


def test_function_parameters_come_from_their_table(tmp_path: Path) -> None:
    text = _api("reportRoot: getReport", ["GET /me/getReport(period='{p}',top={t})"], "", "302")
    text += "\n## Function parameters\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n"
    text += "| period | string | P. |\n| top | Int32 | T. |\n"
    model, _ = _build(tmp_path, {"resources/user.md": _resource("user"), "api/r.md": text})
    (operation,) = model.operations
    assert [(p.name, p.type.name) for p in operation.parameters] == [
        ("period", "Edm.String"),
        ("top", "Edm.Int32"),
    ]
    assert operation.request_class == ""


def test_the_walk_follows_casts_and_keys_written_as_names(tmp_path: Path) -> None:
    files = {
        "resources/place.md": _resource("place"),
        "resources/room.md": _resource("room", base="place"),
        "resources/rule.md": _resource("rule"),
        "resources/folder.md": _resource(
            "folder", relationships="| rules | [rule](rule.md) collection | R. |\n"
        ),
        "resources/user.md": _resource(
            "user", relationships="| folders | [folder](folder.md) collection | F. |\n"
        ),
        "api/user-get.md": _api("Get user", ["GET /me"], _obj("user")),
        "api/place-list.md": _api(
            "List places", ["GET /places/{id}", "GET /places/microsoft.graph.room"], _obj("place")
        ),
        "api/folder-list-rules.md": _api("List rules", ["GET /me/folders/inbox/rules"], ""),
    }
    model, _ = _build(tmp_path, files)
    answers = _answers(model)
    # the page says place; the cast in the path says which: a room, a collection of them
    assert answers[("GET", "/places/microsoft.graph.room")][1].type == TypeRef(
        name=G + "room", collection=True
    )
    assert answers[("GET", "/places/{id}")][1].type == TypeRef(name=G + "place")
    # `inbox` is a key of `folders`: the rules of one folder
    assert answers[("GET", "/me/folders/inbox/rules")][1].type == TypeRef(
        name=G + "rule", collection=True
    )


def test_the_page_named_for_a_type_describes_it(tmp_path: Path) -> None:
    """Issue 14: intune-devices-user.md ("Not yet documented") sorts before user.md; the page
    named for the type gives the class its description and source, whatever the path order."""
    files = {
        "resources/intune-devices-user.md": _front("Not yet documented")
        + "# user resource type\n\nNot yet documented\n\n"
        f"## Properties\n\n{TABLE}| managedDevices | String | Devices. |\n",
        "resources/user.md": _front("Represents a user account.")
        + "# user resource type\n\nRepresents a user account.\n\n"
        f"## Properties\n\n{TABLE}| displayName | String | The name. |\n",
    }
    model, _ = _build(tmp_path, files)
    (user,) = [t for t in model.types if t.qualified_name == G + "user"]
    assert user.description == "Represents a user account."
    assert user.source.path == "resources/user.md"
    assert {p.name for p in user.properties} >= {"managedDevices", "displayName"}


def _front(description: str) -> str:
    return f'---\ndescription: "{description}"\ndoc_type: resourcePageType\n---\n\n'


def test_the_model_overrules_a_page_that_names_an_unrelated_type(tmp_path: Path) -> None:
    """`user-list-joinedteams.md` says `group`; user.md's Methods table says its navigation
    holds `team`: the path is walked through that navigation, and the page is reported."""
    methods = (
        "\n## Methods\n\n| Method | Return type | Description |\n|---|---|---|\n"
        "| [List joinedTeams](../api/user-list-joinedteams.md) | [team](team.md) collection"
        " | Teams. |\n"
    )
    files = {
        "resources/user.md": _resource("user") + methods,
        "resources/directoryobject.md": _resource("directoryObject"),
        "resources/group.md": _resource("group", base="directoryObject"),
        "resources/team.md": _resource("team"),
        "api/user-get.md": _api("Get user", ["GET /me"], _obj("user")),
        "api/user-list-joinedteams.md": _api(
            "List joinedTeams", ["GET /me/joinedTeams"], _many("group")
        ),
    }
    model, diagnostics = _build(tmp_path, files)
    _, answer = _answers(model)[("GET", "/me/joinedTeams")]
    assert answer.type == TypeRef(name=G + "team", collection=True)
    assert (
        "api/user-list-joinedteams.md:8: warning GG036: GET /me/joinedTeams: the page answers"
        " group, the path leads to team, unrelated; team used"
    ) in diagnostics


def test_a_root_of_two_segments_where_the_first_is_no_type(tmp_path: Path) -> None:
    files = {
        "resources/teamsapp.md": _resource(
            "teamsApp",
            relationships="| appDefinitions | [teamsAppDefinition](teamsappdefinition.md)"
            " collection | Versions. |\n",
        ),
        "resources/teamsappdefinition.md": _resource("teamsAppDefinition"),
        "api/teamsapp-list.md": _api(
            "List teamsApp", ["GET /appCatalogs/teamsApps"], _many("teamsApp")
        ),
        "api/teamsapp-update.md": _api(
            "Update teamsApp", ["POST /appCatalogs/teamsApps/{id}/appDefinitions"], ""
        ),
    }
    model, _ = _build(tmp_path, files)
    _, answer = _answers(model)[("POST", "/appCatalogs/teamsApps/{id}/appDefinitions")]
    assert answer.type == TypeRef(name=G + "teamsAppDefinition")


def test_a_204_example_shows_no_body_and_a_qualified_type_cell(tmp_path: Path) -> None:
    empty = (
        _api(
            "submission: return",
            ["POST /me/messages/{id}/return"],
            _obj("message"),
            "204 No Content",
        )
        + '\n## Example\n\n<!-- {\n  "blockType": "response",\n'
        + '  "@odata.type": "microsoft.graph.message"\n} -->\n\n```http\nHTTP/1.1 204 No Content\n\n{\n}\n```\n'
    )
    qualified = _api(
        "directory: getUserOwnedObjects",
        ["POST /directory/deletedItems/getUserOwnedObjects"],
        "a [directory (deleted items)](../resources/directory.md) object",
    )
    files = {
        **USERS,
        "resources/directory.md": _resource(
            "directory",
            relationships="| deletedItems | [directoryObject](directoryobject.md) collection"
            " | Deleted. |\n",
        ),
        "api/directory-get.md": _api("Get directory", ["GET /directory"], _obj("directory")),
        "api/message-return.md": empty,
        "api/directory-deleteditems-user-owned.md": qualified,
    }
    model, _ = _build(tmp_path, files)
    answers = _answers(model)
    assert answers[("POST", "/me/messages/{id}/return")][1].empty
    owned = answers[("POST", "/directory/deletedItems/getUserOwnedObjects")][1]
    assert owned.type == TypeRef(name=G + "directoryObject", collection=True)


def test_a_response_table_of_properties_names_the_one_type_that_has_them(tmp_path: Path) -> None:
    """driveitem-preview.md: no type named, a table of getUrl, postUrl, postParameters; the
    model's one type with exactly those properties is the answer."""
    rows = "| getUrl | String | GET. |\n| postUrl | String | POST. |\n"
    table = "\n| Name | Type | Description |\n|:--|:--|:--|\n" + rows
    files = {
        "resources/driveitem.md": _resource("driveItem"),
        "resources/itempreviewinfo.md": _resource("itemPreviewInfo", rows).replace(
            "| id | String | Read-only. |\n", ""
        ),
        "resources/urls.md": _resource("urls", rows),  # and an id: not the same set
        "api/driveitem-get.md": _api("Get item", ["GET /me/drive/items/{id}"], _obj("driveItem")),
        "api/driveitem-preview.md": _api(
            "driveItem: preview", ["POST /me/drive/items/{id}/preview"], None
        )
        + "\n## Response\n\nThe response will be a JSON object with these properties:\n"
        + table,
    }
    model, _ = _build(tmp_path, files)
    _, answer = _answers(model)[("POST", "/me/drive/items/{id}/preview")]
    assert answer.type == TypeRef(name=G + "itemPreviewInfo")


def test_a_response_of_one_type_or_another_answers_the_base_they_share(tmp_path: Path) -> None:
    """conditionalaccessroot-post-namedlocations.md: "a new [ipNamedLocation](..) or
    [countryNamedLocation](..) object"."""
    files = {
        "resources/policy.md": _resource("policy"),
        "resources/apppolicy.md": _resource("appPolicy", base="policy"),
        "resources/webpolicy.md": _resource("webPolicy", base="policy"),
        "api/policy-create.md": _api(
            "Create policy",
            ["POST /policies"],
            "a new [appPolicy](../resources/apppolicy.md) or"
            " [webPolicy](../resources/webpolicy.md) object",
            "201 Created",
        ),
    }
    model, _ = _build(tmp_path, files)
    _, answer = _answers(model)[("POST", "/policies")]
    assert answer.type == TypeRef(name=G + "policy")
