"""Issue 14 against real HTTP servers on 127.0.0.1 (pytest-httpserver), sync and async: OneDrive
item paths, bytes up and down (a download's redirect to another origin carries no credentials),
`$count`, `$ref`, models in dict bodies and unknown keywords. The package is generated from a
few corpus pages, as a user would generate it."""

from __future__ import annotations

import asyncio
import datetime
import io
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.functional.corpus_package import corpus_package

PAGES = {
    "api": [
        "driveitem-get",
        "driveitem-get-content",
        "driveitem-put-content",
        "group-delete-members",
        "group-post-members",
        "profilephoto-get",
        "profilephoto-update",
        "user-list",
        "user-list-calendarview",
        "reportroot-getoffice365activeuserdetail",
        "user-sendmail",
        "site-getbypath",
    ],
    "resources": ["driveitem", "user", "group", "profilephoto", "event", "site", "message"],
}
PACKAGE = "issue14_sdk"
TOKEN = "Bearer TOKEN"
ITEM = {"id": "f1", "name": "file.txt", "size": 5}

pytestmark = pytest.mark.corpus  # pages of the corpus: deselected, with one line, without it


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with corpus_package(tmp_path_factory.mktemp("issue14"), PACKAGE, PAGES) as package:
        yield package


@pytest.fixture()
def client(sdk: ModuleType, httpserver: HTTPServer) -> Iterator[Any]:
    with sdk.Client(base_url=httpserver.url_for("/v1.0"), credential="TOKEN") as c:
        yield c


@pytest.fixture()
def other() -> Iterator[HTTPServer]:
    """A second server on another port: another origin."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        yield server
    finally:
        server.clear()
        if server.is_running():
            server.stop()


def _raw_path(request: Request) -> str:
    return str(request.environ.get("RAW_URI") or request.environ["REQUEST_URI"]).split("?")[0]


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


# --- OneDrive item paths ------------------------------------------------------------------


def test_upload_by_item_path_sends_bytes_and_answers_the_item(
    client: Any, sdk: ModuleType, httpserver: HTTPServer
) -> None:
    httpserver.expect_ordered_request(
        "/v1.0/me/drive/root:/folder/file.txt:/content", method="PUT", data=b"hello"
    ).respond_with_json(ITEM, status=201)
    httpserver.expect_ordered_request(
        "/v1.0/me/drive/items/p1:/new file#1.txt:/content", method="PUT", data=b"from a file"
    ).respond_with_json(ITEM, status=201)
    item = client.me.drive.root.item_path("folder/file.txt").content.put(b"hello")
    assert isinstance(item, sdk.models.DriveItem) and item.to_dict() == ITEM
    client.me.drive.items.by_id("p1").item_path("new file#1.txt").content.put(
        io.BytesIO(b"from a file"), content_type="text/plain"
    )
    httpserver.check_assertions()
    (first, _), (second, _) = httpserver.log
    assert first.headers["Content-Type"] == "application/octet-stream"
    assert first.headers["Authorization"] == TOKEN
    assert second.headers["Content-Type"] == "text/plain"
    assert _raw_path(second) == "/v1.0/me/drive/items/p1:/new%20file%231.txt:/content"


def test_item_paths_route_through_client_path(client: Any) -> None:
    fluent = client.me.drive.root.item_path("folder/file.txt")
    assert client.path("/me/drive/root:/folder/file.txt:") == fluent
    assert type(fluent) is type(client.me.drive.items.by_id("x"))
    content = client.path("/me/drive/root:/folder/file.txt:/content")
    assert content == fluent.content
    by_parent = client.path("/me/drive/items/p1:/a/b.txt:/content")
    assert by_parent == client.me.drive.items.by_id("p1").item_path("a/b.txt").content
    assert type(client.path("/me/drive/root:/a.txt")) is type(fluent)  # no closing colon
    assert type(client.path("/users/$count/x")).__name__ == "Builder"  # `$count` is no id
    # a colon path the docs do not document stays generic, untyped
    assert type(client.path("/me/messages/m1:/a:")).__name__ == "Builder"


def test_a_site_by_its_path_on_a_host(client: Any, sdk: ModuleType, httpserver: HTTPServer) -> None:
    """`GET /sites/{hostname}:/{server-relative-path}` (site-get.md): a site, typed."""
    site = {"id": "contoso.sharepoint.com,1,2", "displayName": "HR"}
    httpserver.expect_request("/v1.0/sites/contoso.sharepoint.com:/teams/hr:").respond_with_json(
        site
    )
    fluent = client.sites.by_id("contoso.sharepoint.com").item_path("teams/hr")
    answer = fluent.get()
    assert isinstance(answer, sdk.models.Site) and answer.display_name == "HR"
    assert type(client.path("/sites/contoso.sharepoint.com:/teams/hr")) is type(fluent)
    assert client.path("/sites/contoso.sharepoint.com:/teams/hr:") == fluent
    assert client.path("/sites/contoso.sharepoint.com:/teams/hr:/drive") == fluent.drive
    with pytest.raises(sdk._paths.PathParameterError):
        client.sites.by_id("contoso.sharepoint.com").item_path("../admin")


@pytest.mark.parametrize("bad", ["..", "a/../../b", "a//b", "./a", "%2e%2e"])
def test_an_item_path_cannot_leave_its_drive(sdk: ModuleType, bad: str) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        pytest.fail(f"request sent: {request.url}")

    client = sdk.Client(http_client=httpx.Client(transport=httpx.MockTransport(refuse)))
    with pytest.raises(sdk._paths.PathParameterError):
        client.me.drive.root.item_path(bad).content.get()
    with pytest.raises(sdk._paths.PathParameterError):
        client.path(f"/me/drive/root:/{bad}:/content").get()


# --- downloads ------------------------------------------------------------------------------


def _redirecting(httpserver: HTTPServer, other: HTTPServer, path: str, data: bytes) -> None:
    httpserver.expect_request(path, method="GET").respond_with_response(
        Response(status=302, headers={"Location": other.url_for("/download/abc?sig=1")})
    )
    other.expect_request("/download/abc").respond_with_data(
        data, content_type="application/octet-stream"
    )


def test_a_download_follows_the_redirect_without_credentials(
    client: Any, httpserver: HTTPServer, other: HTTPServer
) -> None:
    _redirecting(httpserver, other, "/v1.0/me/drive/items/f1/content", b"\x00file\xff")
    content = client.me.drive.items.by_id("f1").content
    assert content.get() == b"\x00file\xff"
    assert b"".join(content.get_stream()) == b"\x00file\xff"
    assert all(r.headers.get("Authorization") == TOKEN for r, _ in httpserver.log)
    assert len(other.log) == 2
    assert all("Authorization" not in r.headers for r, _ in other.log)
    assert other.log[0][0].args["sig"] == "1"


def test_a_report_is_the_csv_behind_its_302(
    client: Any, httpserver: HTTPServer, other: HTTPServer
) -> None:
    csv = b"Report Refresh Date,User Principal Name\n2021-07-01,a@b\n"
    _redirecting(httpserver, other, "/v1.0/reports/getOffice365ActiveUserDetail(period='D7')", csv)
    assert client.reports.get_office365_active_user_detail(period="D7").get() == csv
    raw = client.path("/reports/getOffice365ActiveUserDetail(period='D7')").get()
    assert raw == csv
    assert all("Authorization" not in r.headers for r, _ in other.log)
    # the page's other form: a date, written bare as OData wants it
    _redirecting(
        httpserver, other, "/v1.0/reports/getOffice365ActiveUserDetail(date=2021-07-01)", csv
    )
    report = client.reports.get_office365_active_user_detail(date=datetime.date(2021, 7, 1))
    assert report.get() == csv
    with pytest.raises(TypeError, match=r"takes \(period\) or \(date\)"):
        client.reports.get_office365_active_user_detail(period="D7", date=datetime.date.today())


def test_photo_value_bytes_both_ways(client: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/me/photo/$value", method="GET").respond_with_data(
        b"\xff\xd8jpeg", content_type="image/jpeg"
    )
    httpserver.expect_request(
        "/v1.0/me/photo/$value", method="PUT", data=b"\xff\xd8new"
    ).respond_with_data("", status=200)
    assert client.me.photo.value.get() == b"\xff\xd8jpeg"
    client.me.photo.value.put(b"\xff\xd8new")
    assert httpserver.log[1][0].headers["Content-Type"] == "image/jpeg"  # as the page says
    # undocumented $value: the runtime's content builder
    httpserver.expect_request("/v1.0/me/messages/m1/$value").respond_with_data(b"MIME")
    assert client.path("/me/messages/m1/$value").get() == b"MIME"


def test_async_downloads_uploads_and_streams(
    sdk: ModuleType, httpserver: HTTPServer, other: HTTPServer
) -> None:
    _redirecting(httpserver, other, "/v1.0/me/drive/root:/a b.txt:/content", b"x" * 70_000)
    httpserver.expect_request(
        "/v1.0/me/drive/root:/a b.txt:/content", method="PUT", data=b"up"
    ).respond_with_json(ITEM, status=201)

    async def main() -> tuple[bytes, bytes, Any]:
        async with sdk.AsyncClient(base_url=httpserver.url_for("/v1.0"), credential="TOKEN") as c:
            content = c.me.drive.root.item_path("a b.txt").content
            whole = await content.get()
            chunks = [chunk async for chunk in content.get_stream()]
            item = await c.path("/me/drive/root:/a b.txt:/content").put(b"up")
            return whole, b"".join(chunks), item

    whole, streamed, item = _run(main())
    assert whole == streamed == b"x" * 70_000
    assert isinstance(item, sdk.models.DriveItem)
    assert all("Authorization" not in r.headers for r, _ in other.log)


# --- $count and $ref ------------------------------------------------------------------------


def test_count_is_an_int_with_eventual_consistency(client: Any, httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        "/v1.0/users/$count", query_string={"$filter": "accountEnabled eq true"}
    ).respond_with_data("42", content_type="text/plain")
    assert client.users.count.get(filter="accountEnabled eq true") == 42
    assert client.path("/users/$count?$filter=accountEnabled eq true").get() == 42
    assert client.path("/users/$count") == client.users.count
    assert all(r.headers["ConsistencyLevel"] == "eventual" for r, _ in httpserver.log)


def test_ref_takes_a_reference_built_from_an_id_or_a_model(
    client: Any, sdk: ModuleType, httpserver: HTTPServer
) -> None:
    base = httpserver.url_for("/v1.0")
    for user in ("u1", "u2"):
        httpserver.expect_ordered_request(
            "/v1.0/groups/g1/members/$ref",
            method="POST",
            json={"@odata.id": f"{base}/directoryObjects/{user}"},
        ).respond_with_data("", status=204)
    httpserver.expect_ordered_request(
        "/v1.0/groups/g1/members/u1/$ref", method="DELETE"
    ).respond_with_data("", status=204)
    members = client.groups.by_id("g1").members
    assert members.ref.post(client.reference("u1")) is None
    assert members.ref.post(client.reference(sdk.models.User(id="u2"))) is None
    assert members.by_id("u1").ref.delete() is None
    httpserver.check_assertions()
    with pytest.raises(TypeError, match="reference"):
        members.ref.post()


def test_async_count_and_ref(sdk: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/users/$count").respond_with_data("7")
    httpserver.expect_request(
        "/v1.0/groups/g1/members/$ref", method="POST", json={"@odata.id": "x"}
    ).respond_with_data("", status=204)

    async def main() -> tuple[int, int, Any]:
        async with sdk.AsyncClient(base_url=httpserver.url_for("/v1.0")) as c:
            return (
                await c.users.count.get(),
                await c.path("/users/$count").get(),
                await c.groups.by_id("g1").members.ref.post({"@odata.id": "x"}),
            )

    assert _run(main()) == (7, 7, None)
    assert httpserver.log[0][0].headers["ConsistencyLevel"] == "eventual"


# --- bodies and keywords --------------------------------------------------------------------


def test_a_model_inside_a_dict_body_is_serialised(
    client: Any, sdk: ModuleType, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/v1.0/groups", method="POST").respond_with_json({"id": "g"})
    User = sdk.models.User
    client.path("/groups").post({"members": [User(id="u1")], "owner": {"user": User(id="u2")}})
    sent = json.loads(httpserver.log[0][0].get_data())
    assert sent == {"members": [{"id": "u1"}], "owner": {"user": {"id": "u2"}}}


def test_an_unknown_keyword_raises_before_sending(sdk: ModuleType) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        pytest.fail(f"request sent: {request.url}")

    client = sdk.Client(http_client=httpx.Client(transport=httpx.MockTransport(refuse)))
    view = client.me.calendar.calendar_view
    with pytest.raises(TypeError, match="start_time"):  # the page's keyword: start_date_time
        view.get(start_date_time="2021-07-01", end_date_time="2021-07-02", start_time="x")
    with pytest.raises(TypeError, match="'endDateTime' is required"):
        client.me.calendar.calendar_view.get(start_date_time="2021-07-01T00:00:00")
    with pytest.raises(TypeError, match="top"):
        client.me.drive.items.by_id("f1").content.put(b"x", top=1)
    with pytest.raises(TypeError):
        client.reports.get_office365_active_user_detail(period="D7", when="x")

    async def main() -> None:
        async_client = sdk.AsyncClient(
            http_client=httpx.AsyncClient(transport=httpx.MockTransport(refuse))
        )
        with pytest.raises(TypeError, match="nope"):
            await async_client.users.get(nope=1)

    _run(main())


USER_CODE = f"""
import datetime
import io
from {PACKAGE} import AsyncClient, Client
from {PACKAGE}.models import SendMailRequest, User

client = Client(credential="T")
file = client.me.drive.root.item_path("a/b.txt")
reveal_type(file.content.put(b"x"))
reveal_type(file.content.put(io.BytesIO(b"x"), content_type="text/plain"))
reveal_type(file.content.get())
reveal_type(file.content.get_stream())
reveal_type(client.users.count.get(filter="x"))
reveal_type(client.reports.get_office365_active_user_detail(period="D7").get())
reveal_type(client.reports.get_office365_active_user_detail(date=datetime.date(2021, 7, 1)))
client.groups.by_id("g").members.ref.post(client.reference(User(id="u")))
client.groups.by_id("g").members.ref.post({{"@odata.id": "https://x/directoryObjects/u"}})
client.me.drive.root.item_path("a").content.put("text")
SendMailRequest(save_to_sent_items=True)
reveal_type(client.me.calendar.calendar_view.list_all(start_date_time="a", end_date_time="b"))


async def main() -> None:
    async with AsyncClient() as c:
        reveal_type(c.me.drive.items.by_id("i").content.get_stream())
        reveal_type(await c.users.count.get())
"""


def test_user_code_is_typed(
    sdk: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mypy import api

    monkeypatch.chdir(Path(str(sdk.__file__)).parent.parent)
    script = tmp_path / "use.py"
    script.write_text(USER_CODE, encoding="utf-8")
    out, err, _ = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(script)])
    lines = [line.split(": ", 1)[1] for line in out.splitlines() if ": " in line]
    assert lines == [
        f'note: Revealed type is "{PACKAGE}.models.drive_item.DriveItem"',
        f'note: Revealed type is "{PACKAGE}.models.drive_item.DriveItem"',
        'note: Revealed type is "bytes"',
        'note: Revealed type is "typing.Iterator[bytes]"',
        'note: Revealed type is "int"',
        'note: Revealed type is "bytes"',
        (
            f'note: Revealed type is "{PACKAGE}.builders.reports_get_office365_active_user_detail.'
            'ReportsGetOffice365ActiveUserDetailBuilder"'
        ),
        (
            'error: Argument 1 to "put" of "MeDriveItemsItemContentBuilder" has incompatible'
            ' type "str"; expected "bytes | bytearray | memoryview[int] | IO[bytes]"  [arg-type]'
        ),
        'error: Missing named argument "message" for "SendMailRequest"  [call-arg]',
        f'note: Revealed type is "{PACKAGE}._http.Items[{PACKAGE}.models.event.Event]"',
        'note: Revealed type is "typing.AsyncIterator[bytes]"',
        'note: Revealed type is "int"',
    ], (
        out + err
    )
