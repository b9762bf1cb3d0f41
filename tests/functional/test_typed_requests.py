"""Issue 14: a package generated from a few pages, imported and used as a new user would: each
request typed as the service answers it, action bodies as request classes, function arguments
typed from their table."""

from __future__ import annotations

import datetime
import importlib
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest

from generator.cli import main
from tests.conftest import write_files

TABLE = "| Property | Type | Description |\n|---|---|---|\n"


def _resource(name: str, rows: str = "", relationships: str = "") -> str:
    text = f"# {name} resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n{TABLE}"
    text += f"| id | String | Read-only. |\n{rows}"
    if relationships:
        text += "\n## Relationships\n\n| Relationship | Type | Description |\n|---|---|---|\n"
        text += relationships
    return text


def _api(title: str, requests: list[str], response: str, extra: str = "") -> str:
    block = "\n".join(requests)
    return (
        f"# {title}\n\nNamespace: microsoft.graph\n\n## HTTP request\n\n```http\n{block}\n```\n"
        f"{extra}\n## Response\n\nIf successful, this method returns {response}.\n"
    )


PAGES = {
    "resources/directoryobject.md": _resource("directoryObject"),
    "resources/user.md": _resource(
        "user",
        "| displayName | String | The name. |\n",
        "| manager | [directoryObject](directoryobject.md) | The manager. |\n"
        "| messages | [message](message.md) collection | Mail. |\n",
    ),
    "resources/message.md": _resource("message", "| subject | String | The subject. |\n"),
    "resources/report.md": _resource("report"),
    "resources/event.md": _resource("event", "| subject | String | The subject. |\n"),
    "resources/mailfolder.md": _resource("mailFolder"),
    "api/user-list-calendarview.md": _api(
        "List calendarView",
        [
            "GET /me/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}",
            "GET /users/{id}/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}",
        ],
        "a `200 OK` response code and a collection of [event](../resources/event.md) objects in"
        " the response body",
        "\n## Query parameters\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n"
        "| startDateTime | String | The start, in ISO 8601. |\n"
        "| endDateTime | String | The end, in ISO 8601. |\n",
    ),
    "api/user-list-mailfolders.md": _api(
        "List mailFolders",
        ["GET /me/mailFolders", "GET /me/mailFolders/?includeHiddenFolders=true"],
        "a `200 OK` response code and a collection of [mailFolder](../resources/mailfolder.md)"
        " objects in the response body",
    ),
    "api/user-get.md": _api(
        "Get user",
        ["GET /me", "GET /users/{id}"],
        "a `200 OK` response code and a [user](../resources/user.md) object in the response body",
    ),
    "api/user-list-manager.md": _api(
        "List manager",
        ["GET /me/manager", "GET /me?$expand=manager"],
        "a `200 OK` response code and a [directoryObject](../resources/directoryobject.md) object"
        " in the response body",
    ),
    "api/user-list-messages.md": _api(
        "List messages",
        ["GET /me/messages"],
        "a `200 OK` response code and a [message](../resources/message.md) object in the"
        " response body",
    ),
    "api/user-update.md": _api(
        "Update user", ["PATCH /users/{id}"], "a `204 No Content` response code"
    ),
    "api/user-sendmail.md": _api(
        "user: sendMail",
        ["POST /me/sendMail"],
        "`202 Accepted` response code. It does not return anything in the response body",
        "\n## Request body\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n"
        "| message | [message](../resources/message.md) | The message to send. Required. |\n"
        "| saveToSentItems | Boolean | Whether to save it. Optional. |\n",
    ),
    "api/reportroot-getreport.md": _api(
        "reportRoot: getReport",
        ["GET /me/getReport(period='{period_value}')", "GET /me/getReport(date={date_value})"],
        "a `302 Found` response that redirects to a pre-authenticated download URL for the report",
        "\n## Function parameters\n\n| Parameter | Type | Description |\n|:--|:--|:--|\n"
        "| period | string | The length of time. |\n"
        "| date | Date | The day. |\n",
    ),
}


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("typed")
    write_files(root / "docs", PAGES)
    assert main([str(root / "docs"), "-o", str(root / "typed_graph"), "--no-cache", "-q"]) == 0
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("typed_graph")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == "typed_graph"]:
            del sys.modules[name]


def _returns(method: object) -> object:
    return inspect.signature(method).return_annotation  # type: ignore[arg-type]


def test_each_request_is_typed_as_answered(package: ModuleType) -> None:
    client = package.Client(credential="TOKEN")
    assert _returns(client.me.get) == "User"  # not the manager page's directoryObject
    assert "List manager" not in (client.me.get.__doc__ or "")
    assert _returns(client.me.manager.get) == "DirectoryObject"
    assert _returns(client.me.messages.get) == "_http.Page[Message]"  # the walk: a collection
    assert _returns(client.users.by_id("x").patch) == "None"  # 204
    assert _returns(client.me.send_mail.post) == "None"  # 202 without a body
    # 302 to the CSV: no JSON, the client follows the redirect and answers the file's bytes
    assert _returns(client.me.get_report(period="D7").get) == "bytes"


def test_an_action_body_is_a_request_class(package: ModuleType) -> None:
    from_models = importlib.import_module("typed_graph.models")
    request = from_models.SendMailRequest(
        message=from_models.Message(subject="Hi"), save_to_sent_items=False
    )
    assert request.to_dict() == {"message": {"subject": "Hi"}, "saveToSentItems": False}
    # "Required." in its row: the class cannot be made without it; "Optional.": it can
    with pytest.raises(TypeError, match="missing required keyword argument: 'message'"):
        from_models.SendMailRequest(save_to_sent_items=False)
    assert from_models.SendMailRequest(message=None).to_dict() == {"message": None}
    assert from_models.SendMailRequest.from_dict({}).to_dict() == {}  # reading asks for nothing
    client = package.Client(credential="TOKEN")
    body = inspect.signature(client.me.send_mail.post).parameters["body"].annotation
    assert body == "SendMailRequest | Mapping[str, Any] | None"
    patch = inspect.signature(client.users.by_id("x").patch).parameters["body"].annotation
    assert patch == "User | Mapping[str, Any] | None"  # the type the path leads to


def test_function_arguments_are_typed_from_their_table(package: ModuleType) -> None:
    client = package.Client(credential="TOKEN")
    parameters = inspect.signature(client.me.get_report).parameters
    # two forms: each argument is optional, and the ones given must make one form
    assert parameters["period"].annotation == "str | None"
    assert parameters["date"].annotation == "_dt.date | None"
    assert client.me.get_report(period="D7").url.endswith("/me/getReport(period='D7')")
    day = datetime.date(2021, 7, 1)
    assert client.me.get_report(date=day).url.endswith("/me/getReport(date=2021-07-01)")
    with pytest.raises(TypeError, match="getReport takes"):
        client.me.get_report()


def test_the_generated_files_say_so(package: ModuleType) -> None:
    folder = Path(package.__file__).parent
    send_mail = (folder / "builders" / "me_send_mail.py").read_text(encoding="utf-8")
    assert "Documented in api/user-sendmail.md." in send_mail


def test_parameters_a_path_writes_in_its_query_are_keywords(package: ModuleType) -> None:
    """`calendarView?startDateTime=..&endDateTime=..`: required keywords, sent in the query, on
    every page of the collection; `?includeHiddenFolders=true` in one form only: optional, and
    typed by the value written."""
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        more = {"@odata.nextLink": "https://graph.microsoft.com/v1.0/me/calendarView?$skip=1"}
        return httpx.Response(
            200, json={"value": [{"subject": "a"}], **(more if len(sent) == 1 else {})}
        )

    client = package.Client(
        credential="TOKEN", http_client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    view = client.me.calendar_view
    parameters = inspect.signature(view.get).parameters
    # optional in the signature, as the generic `get` it overrides takes none; required when sent
    assert parameters["start_date_time"].annotation == "str | None"
    events = list(
        view.list_all(start_date_time="2021-07-01T00:00:00Z", end_date_time="2021-07-02", top=5)
    )
    assert [e.subject for e in events] == ["a", "a"]
    first = sent[0].url.params
    assert (first["startDateTime"], first["endDateTime"], first["$top"]) == (
        "2021-07-01T00:00:00Z",
        "2021-07-02",
        "5",
    )
    assert sent[1].url.params.get("$skip") == "1"  # the next link, as the service gave it
    sent.clear()
    with pytest.raises(TypeError, match="'endDateTime' is required"):
        view.get(start_date_time="2021-07-01")
    assert sent == []  # refused before anything is sent
    hidden = inspect.signature(client.me.mail_folders.get).parameters["include_hidden_folders"]
    assert (hidden.annotation, hidden.default) == ("bool | None", None)
    sent.clear()
    client.me.mail_folders.get(include_hidden_folders=True)
    client.me.mail_folders.get()
    assert [r.url.params.get("includeHiddenFolders") for r in sent] == ["true", None]


def test_a_method_documented_without_a_body_answers_none_whatever_comes(
    package: ModuleType,
) -> None:
    """`send_mail.post` says `-> None` (the page: 202 without a body); a service that sends a
    body anyway does not make it answer that body."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"@odata.type": "#microsoft.graph.message", "id": "m"})

    client = package.Client(
        credential="TOKEN", http_client=httpx.Client(transport=httpx.MockTransport(answer))
    )
    request = {"message": {"subject": "Hi"}}
    assert _returns(client.me.send_mail.post) == "None"
    assert client.me.send_mail.post(request) is None
    assert client.path("/me/sendMail").post(request) is None  # the same builder
    assert client.path("/me/undocumented").post(request) is not None  # generic: as it comes
