"""Large file upload (issue 15 part 3) against a real HTTP server on 127.0.0.1
(pytest-httpserver), sync and async: the package is generated from the corpus pages of
`createUploadSession` (drive items, attachments) as a user would generate it. The upload URL is
on the same origin as the service here, the hardest case for keeping credentials off it."""

from __future__ import annotations

import asyncio
import io
import json
import re
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
    "api": ["driveitem-createuploadsession", "driveitem-get", "attachment-createuploadsession"],
    "resources": [
        "driveitem",
        "driveitemuploadableproperties",
        "uploadsession",
        "attachment",
        "attachmentitem",
    ],
}
PACKAGE = "upload_sdk"
UNIT = 327680
DATA = bytes(range(256)) * (3 * UNIT // 256) + b"tail" * 25  # 3 x 320 KiB + 100 bytes
ITEM = {"id": "912310013A123", "name": "largefile.vhd", "size": len(DATA), "file": {}}

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with corpus_package(tmp_path_factory.mktemp("upload"), PACKAGE, PAGES) as package:
        yield package


class Session:
    """An upload session on the server: keeps what each PUT brought, answers 202 with the
    ranges still missing (`answer_ranges`, by default `"N-"`), then 201 with `final`."""

    def __init__(self, have: int = 0, final: Any = ITEM) -> None:
        self.data = bytearray(len(DATA))
        self.have = [False] * len(DATA)
        for i in range(have):
            self.data[i], self.have[i] = DATA[i], True
        self.final = final
        self.requests: list[tuple[str, dict[str, str], str | None]] = []
        self.answer_ranges: list[list[str]] = []

    def missing(self) -> list[str]:
        out, start = [], None
        for i, has in enumerate([*self.have, True]):
            if not has and start is None:
                start = i
            elif has and start is not None:
                out.append(f"{start}-" if i == len(DATA) else f"{start}-{i - 1}")
                start = None
        return out

    def handle(self, request: Request) -> Response:
        headers = dict(request.headers)
        self.requests.append((request.method, headers, headers.get("Content-Range")))
        if request.method == "DELETE":
            return Response(status=204)
        if request.method == "GET":
            return _json(200, {"nextExpectedRanges": self.missing()})
        body = request.get_data()
        match = re.fullmatch(r"bytes (\d+)-(\d+)/(\d+)", headers.get("Content-Range", ""))
        assert match and int(match.group(3)) == len(DATA)
        start, end = int(match.group(1)), int(match.group(2))
        assert int(headers["Content-Length"]) == len(body) == end - start + 1
        assert not any(self.have[start : end + 1]), "a byte sent twice"
        self.data[start : end + 1] = body
        self.have[start : end + 1] = [True] * len(body)
        if all(self.have):
            if self.final is None:
                return Response(status=201, headers={"Location": "https://outlook.test/a/1"})
            return _json(201, self.final)
        ranges = self.answer_ranges.pop(0) if self.answer_ranges else self.missing()
        return _json(
            202, {"expirationDateTime": "2030-01-01T00:00:00Z", "nextExpectedRanges": ranges}
        )

    @property
    def puts(self) -> list[str | None]:
        return [r for m, _, r in self.requests if m == "PUT"]


def _json(status: int, body: Any) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json")


def _serve(server: HTTPServer, action: str, session: Session, ranges: list[str]) -> None:
    server.expect_request(action, method="POST").respond_with_json(
        {"uploadUrl": server.url_for("/up/s1?tempauth=x"), "nextExpectedRanges": ranges}
    )
    server.expect_request("/up/s1").respond_with_handler(session.handle)


DRIVE_ACTION = "/v1.0/me/drive/items/I1/createUploadSession"


@pytest.fixture()
def client(sdk: ModuleType, httpserver: HTTPServer) -> Iterator[Any]:
    with sdk.Client(
        base_url=httpserver.url_for("/v1.0"), credential="TOKEN", sleep=lambda s: None
    ) as c:
        yield c


def _no_credentials(session: Session) -> None:
    for method, headers, _ in session.requests:
        lower = {k.lower() for k in headers}
        assert "authorization" not in lower and "cookie" not in lower, method


def test_a_drive_item_is_sent_in_320_kib_ranges_without_credentials_and_typed(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    session = Session()
    _serve(httpserver, DRIVE_ACTION, session, ["0-"])
    calls: list[tuple[int, int]] = []
    body = {"item": {"@microsoft.graph.conflictBehavior": "rename", "name": "largefile.dat"}}
    item = client.me.drive.items.by_id("I1").create_upload_session.upload(
        DATA, body=body, chunk_size=UNIT, progress=lambda *a: calls.append(a)
    )
    assert isinstance(item, sdk.models.DriveItem) and item.id == ITEM["id"]
    post = httpserver.log[0][0]
    assert post.headers["Authorization"] == "Bearer TOKEN" and post.json == body
    total = len(DATA)
    assert session.puts == [
        f"bytes 0-{UNIT - 1}/{total}",
        f"bytes {UNIT}-{2 * UNIT - 1}/{total}",
        f"bytes {2 * UNIT}-{3 * UNIT - 1}/{total}",
        f"bytes {3 * UNIT}-{total - 1}/{total}",
    ]
    assert bytes(session.data) == DATA
    assert calls == [(UNIT, total), (2 * UNIT, total), (3 * UNIT, total), (total, total)]
    _no_credentials(session)


def test_an_open_range_resumes_where_the_session_stands(
    client: Any, httpserver: HTTPServer
) -> None:
    """msgraph-sdk's LargeFileUploadTask crashes on `"10-"`; several ranges, closed ones
    among them, are sent one after the other, never a byte twice (Session.handle asserts)."""
    session = Session(have=10)
    session.answer_ranges = [[f"{UNIT + 10}-{UNIT + 99}", f"{2 * UNIT}-"]]
    for i in range(UNIT + 100, 2 * UNIT):  # what the session says it has
        session.data[i], session.have[i] = DATA[i], True
    _serve(httpserver, DRIVE_ACTION, session, ["10-"])
    client.me.drive.items.by_id("I1").create_upload_session.upload(DATA, chunk_size=UNIT)
    total = len(DATA)
    assert session.puts == [
        f"bytes 10-{UNIT + 9}/{total}",
        f"bytes {UNIT + 10}-{UNIT + 99}/{total}",
        f"bytes {2 * UNIT}-{3 * UNIT - 1}/{total}",
        f"bytes {3 * UNIT}-{total - 1}/{total}",
    ]
    assert bytes(session.data) == DATA


@pytest.mark.parametrize("kind", ["path", "str", "file"])
def test_a_path_or_a_file_object_is_read_range_by_range(
    sdk: ModuleType, client: Any, httpserver: HTTPServer, tmp_path: Path, kind: str
) -> None:
    path = tmp_path / "large.bin"
    path.write_bytes(DATA)
    session = Session()
    _serve(httpserver, DRIVE_ACTION, session, ["0-"])
    builder = client.me.drive.items.by_id("I1").create_upload_session
    if kind == "file":
        with path.open("rb") as handle:
            item = builder.upload(handle, chunk_size=2 * UNIT)
    else:
        item = builder.upload(path if kind == "path" else str(path), chunk_size=2 * UNIT)
    assert isinstance(item, sdk.models.DriveItem) and bytes(session.data) == DATA
    assert len(session.puts) == 2


def test_the_docs_path_form_reaches_upload(client: Any, httpserver: HTTPServer) -> None:
    session = Session()
    _serve(httpserver, "/v1.0/me/drive/root:/big/file.dat:/createUploadSession", session, [])
    session.answer_ranges = []
    builder = client.me.drive.root.item_path("big/file.dat").create_upload_session
    assert builder.upload(io.BytesIO(DATA)).id == ITEM["id"]  # default: 10 x 320 KiB
    assert session.puts == [f"bytes 0-{len(DATA) - 1}/{len(DATA)}"]


def test_the_http_client_s_own_auth_stays_off_the_upload_url(
    sdk: ModuleType, httpserver: HTTPServer
) -> None:
    http = httpx.Client(auth=httpx.BasicAuth("user", "secret"))
    session = Session()
    _serve(httpserver, DRIVE_ACTION, session, ["0-"])
    with sdk.Client(
        base_url=httpserver.url_for("/v1.0"), http_client=http, headers={"Cookie": "c=1"}
    ) as c:
        c.me.drive.items.by_id("I1").create_upload_session.upload(DATA)
    assert httpserver.log[0][0].headers["Authorization"].startswith("Basic ")
    _no_credentials(session)
    http.close()


def test_an_attachment_ends_with_201_and_no_body_so_upload_answers_none(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    session = Session(final=None)
    _serve(httpserver, "/v1.0/me/messages/M1/attachments/createUploadSession", session, ["0-"])
    body = {"AttachmentItem": {"attachmentType": "file", "name": "f", "size": len(DATA)}}
    builder = client.me.messages.by_id("M1").attachments.create_upload_session
    assert builder.upload(DATA, body=body) is None
    assert bytes(session.data) == DATA
    _no_credentials(session)


def test_a_final_answer_without_the_drive_item_asks_the_service_for_it(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    session = Session(final=None)
    _serve(httpserver, DRIVE_ACTION, session, ["0-"])
    httpserver.expect_request("/v1.0/me/drive/items/I1", method="GET").respond_with_json(ITEM)
    item = client.me.drive.items.by_id("I1").create_upload_session.upload(DATA)
    assert isinstance(item, sdk.models.DriveItem) and item.name == ITEM["name"]
    assert httpserver.log[-1][0].headers["Authorization"] == "Bearer TOKEN"


def test_an_expired_session_raises_its_404(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    httpserver.expect_request(DRIVE_ACTION, method="POST").respond_with_json(
        {"uploadUrl": httpserver.url_for("/up/gone")}
    )
    httpserver.expect_request("/up/gone", method="PUT").respond_with_json(
        {"error": {"code": "itemNotFound", "message": "session expired"}}, status=404
    )
    with pytest.raises(sdk.client.GraphError) as caught:
        client.me.drive.items.by_id("I1").create_upload_session.upload(DATA)
    assert caught.value.status == 404 and caught.value.code == "itemNotFound"
    assert [r.method for r, _ in httpserver.log] == ["POST", "PUT"]  # no cancel: it is gone


def test_a_failed_upload_deletes_its_session_without_credentials(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    session = Session()
    httpserver.expect_request(DRIVE_ACTION, method="POST").respond_with_json(
        {"uploadUrl": httpserver.url_for("/up/s1")}
    )
    httpserver.expect_request("/up/s1", method="PUT").respond_with_json(
        {"error": {"code": "nameAlreadyExists", "message": "conflict"}}, status=409
    )
    httpserver.expect_request("/up/s1", method="DELETE").respond_with_handler(session.handle)
    with pytest.raises(sdk.client.GraphError) as caught:
        client.me.drive.items.by_id("I1").create_upload_session.upload(DATA)
    assert caught.value.status == 409
    assert [m for m, _, _ in session.requests] == ["DELETE"]
    _no_credentials(session)


def test_a_dropped_range_is_resumed_from_the_session_s_state(
    client: Any, httpserver: HTTPServer
) -> None:
    session = Session()
    state = {"failed": False}

    def flaky(request: Request) -> Response:
        if request.method == "PUT" and not state["failed"]:
            state["failed"] = True
            return Response(status=500)
        return session.handle(request)

    httpserver.expect_request(DRIVE_ACTION, method="POST").respond_with_json(
        {"uploadUrl": httpserver.url_for("/up/s1")}
    )
    httpserver.expect_request("/up/s1").respond_with_handler(flaky)
    client.me.drive.items.by_id("I1").create_upload_session.upload(DATA, chunk_size=2 * UNIT)
    assert [m for m, _, _ in session.requests] == ["GET", "PUT", "PUT"]
    assert bytes(session.data) == DATA


@pytest.mark.parametrize("url", ["/up/relative", "ftp://files.test/up", None])
def test_an_upload_url_that_is_not_absolute_http_is_refused(
    sdk: ModuleType, client: Any, httpserver: HTTPServer, url: str | None
) -> None:
    httpserver.expect_request(DRIVE_ACTION, method="POST").respond_with_json({"uploadUrl": url})
    with pytest.raises(sdk.client.GraphError) as caught:
        client.me.drive.items.by_id("I1").create_upload_session.upload(DATA)
    assert caught.value.code == "invalidUploadUrl"
    assert len(httpserver.log) == 1


@pytest.mark.parametrize("size", [0, 1000, UNIT + 1, -UNIT])
def test_a_bad_chunk_size_is_refused_before_anything_is_sent(
    client: Any, httpserver: HTTPServer, size: int
) -> None:
    with pytest.raises(ValueError, match="multiple of 327680"):
        client.me.drive.items.by_id("I1").create_upload_session.upload(DATA, chunk_size=size)
    assert httpserver.log == []


def test_batch_builders_have_no_upload(sdk: ModuleType) -> None:
    from upload_sdk.builders import me_drive_items_item_create_upload_session as module

    assert hasattr(module.MeDriveItemsItemCreateUploadSessionBuilder, "upload")
    assert hasattr(module.AsyncMeDriveItemsItemCreateUploadSessionBuilder, "upload")
    assert not hasattr(module.BatchMeDriveItemsItemCreateUploadSessionBuilder, "upload")


def test_async_upload_resumes_sends_no_credentials_and_is_typed(
    sdk: ModuleType, httpserver: HTTPServer, tmp_path: Path
) -> None:
    path = tmp_path / "large.bin"
    path.write_bytes(DATA)
    session = Session(have=10)
    _serve(httpserver, DRIVE_ACTION, session, ["10-"])
    calls: list[tuple[int, int]] = []

    async def no_sleep(seconds: float) -> None:
        return None

    async def main() -> Any:
        async with sdk.AsyncClient(
            base_url=httpserver.url_for("/v1.0"), credential="TOKEN", sleep=no_sleep
        ) as c:
            builder = c.me.drive.items.by_id("I1").create_upload_session
            return await builder.upload(path, chunk_size=UNIT, progress=lambda *a: calls.append(a))

    item = asyncio.run(main())
    assert isinstance(item, sdk.models.DriveItem)
    assert bytes(session.data) == DATA and session.puts[0] == f"bytes 10-{UNIT + 9}/{len(DATA)}"
    assert calls[-1] == (len(DATA) - 10, len(DATA))
    _no_credentials(session)
