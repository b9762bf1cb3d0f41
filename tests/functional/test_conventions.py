"""Issue 15 against real HTTP servers on 127.0.0.1 (pytest-httpserver), sync and async: delta
and paging metadata, JSON batching, credentials (cached tokens, async `get_token`, one renewal
on 401, the scope of a national cloud) and the request options Graph documents. The package is
generated from a few corpus pages, as a user would generate it; user_script_conventions.py, a
script using every helper, is checked by mypy --strict."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
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
        "user-delta",
        "user-get",
        "user-update",
        "user-list",
        "user-list-messages",
        "message-get",
        "message-update",
        "driveitem-createuploadsession",
    ],
    "resources": [
        "user",
        "message",
        "passwordprofile",
        "driveitem",
        "driveitemuploadableproperties",
        "uploadsession",
    ],
}
PACKAGE = "issue15_sdk"
SCRIPT = Path(__file__).with_name("user_script_conventions.py")

pytestmark = pytest.mark.corpus  # pages of the corpus: deselected, with one line, without it


@pytest.fixture(scope="module")
def sdk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    with corpus_package(tmp_path_factory.mktemp("issue15"), PACKAGE, PAGES) as package:
        yield package


@pytest.fixture()
def slept() -> list[float]:
    return []


@pytest.fixture()
def client(sdk: ModuleType, httpserver: HTTPServer, slept: list[float]) -> Iterator[Any]:
    with sdk.Client(
        base_url=httpserver.url_for("/v1.0"), credential="TOKEN", sleep=slept.append
    ) as c:
        yield c


def _async(sdk: ModuleType, server: HTTPServer, **kwargs: Any) -> Any:
    async def no_sleep(seconds: float) -> None:
        return None

    kwargs.setdefault("credential", "TOKEN")
    return sdk.AsyncClient(base_url=server.url_for("/v1.0"), sleep=no_sleep, **kwargs)


def _run(coroutine: Any) -> Any:
    return asyncio.run(coroutine)


# --- 1. delta and paging metadata ----------------------------------------------------------


def _delta_server(server: HTTPServer) -> str:
    """Two pages of a delta round; the second ends it with a delta link on the server."""
    delta = server.url_for("/v1.0/users/delta?$deltatoken=t1")
    server.expect_request(
        "/v1.0/users/delta", query_string={"$deltatoken": "t1"}
    ).respond_with_json(
        {"value": [{"id": "3", "displayName": "C"}], "@odata.deltaLink": delta + "2"}
    )
    server.expect_request("/v1.0/users/delta", query_string={"$skiptoken": "a"}).respond_with_json(
        {"value": [{"id": "2"}], "@odata.deltaLink": delta}
    )
    server.expect_request("/v1.0/users/delta").respond_with_json(
        {
            "value": [{"id": "1", "displayName": "A"}],
            "@odata.nextLink": server.url_for("/v1.0/users/delta?$skiptoken=a"),
        }
    )
    return delta


def test_a_delta_round_keeps_its_delta_link_and_resumes_in_one_line(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    delta = _delta_server(httpserver)
    items = client.users.delta.list_all()
    assert items.delta_link is None  # nothing sent yet
    users = list(items)
    assert [u.id for u in users] == ["1", "2"] and isinstance(users[0], sdk.models.User)
    assert items.delta_link == delta and items.next_link is None
    # the next round: the link as a path reaches the delta builder, typed
    builder = client.path(items.delta_link)
    assert type(builder) is type(client.users.delta)
    page = builder.get()
    assert isinstance(page, sdk.client.Page) and isinstance(page[0], sdk.models.User)
    assert page[0].display_name == "C" and page.delta_link == delta + "2"
    assert client.users.delta.follow(delta).get() == page
    pages = list(client.users.delta.pages())
    assert [len(p) for p in pages] == [1, 1]
    assert pages[0].next_link and pages[0].delta_link is None
    assert pages[-1].delta_link == delta


def test_a_delta_link_on_another_origin_or_path_is_refused(sdk: ModuleType, client: Any) -> None:
    from issue15_sdk._paths import PathParameterError

    with pytest.raises(PathParameterError):
        client.path("https://evil.test/v1.0/users/delta?$deltatoken=t")
    with pytest.raises(PathParameterError):
        client.users.delta.follow("https://evil.test/v1.0/users/delta?$deltatoken=t")
    with pytest.raises(PathParameterError):
        client.users.delta.follow(client.url + "/users/u1?$deltatoken=t")


def test_delta_link_forms_reach_the_delta_builder(client: Any) -> None:
    for form in ("delta()", "microsoft.graph.delta()", "Delta"):
        assert type(client.path(f"/users/{form}?$deltatoken=x")) is type(client.users.delta)


def test_count_is_read_from_the_first_page_and_sets_consistency_level(
    client: Any, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/v1.0/users", query_string={"$count": "true"}).respond_with_json(
        {"@odata.count": 7, "value": [{"id": "1"}]}
    )
    items = client.users.list_all(count=True)
    assert [u.id for u in items] == ["1"] and items.total_count == 7
    assert httpserver.log[0][0].headers["ConsistencyLevel"] == "eventual"
    page = client.users.get(count=True)
    assert page.total_count == 7 and page.count(page[0]) == 1  # still a list


def test_async_delta_round(sdk: ModuleType, httpserver: HTTPServer) -> None:
    delta = _delta_server(httpserver)

    async def main() -> None:
        async with _async(sdk, httpserver) as c:
            items = c.users.delta.list_all()
            assert [u.id async for u in items] == ["1", "2"]
            assert items.delta_link == delta
            page = await c.path(items.delta_link).get()
            assert isinstance(page[0], sdk.models.User) and page.delta_link == delta + "2"
            pages = [p async for p in c.users.delta.pages()]
            assert pages[-1].delta_link == delta

    _run(main())


# --- 2. JSON batching ------------------------------------------------------------------------


@dataclass
class BatchServer:
    """Answers `$batch` posts: each request by `answer(request)`, and records the posts."""

    posts: list[list[dict[str, Any]]]
    attempts: dict[str, int]

    def answer(self, request: dict[str, Any]) -> dict[str, Any]:
        url, rid = request["url"], request["id"]
        self.attempts[url] = self.attempts.get(url, 0) + 1
        if url.startswith("/users/missing"):
            error = {"error": {"code": "Request_ResourceNotFound", "message": "no such user"}}
            return {"id": rid, "status": 404, "body": error}
        if url.startswith("/users/busy") and self.attempts[url] == 1:
            return {"id": rid, "status": 429, "headers": {"Retry-After": "3"}}
        if request["method"] == "PATCH":
            return {"id": rid, "status": 204, "body": None}
        user_id = url.split("/")[2].split("?")[0]
        return {
            "id": rid,
            "status": 200,
            "headers": {"Content-Type": "application/json"},
            "body": {"id": user_id, "displayName": user_id.upper()},
        }

    def handler(self, request: Request) -> Response:
        requests = json.loads(request.data)["requests"]
        self.posts.append(requests)
        answers: list[dict[str, Any]] = []
        for item in requests:  # as Graph: a request after a failed one fails with 424
            failed = {a["id"] for a in answers if a["status"] >= 400}
            if failed & set(item.get("dependsOn", ())):
                answers.append({"id": item["id"], "status": 424})
            else:
                answers.append(self.answer(item))
        return Response(
            json.dumps({"responses": answers[::-1]}), 200, {"Content-Type": "application/json"}
        )


def _batch_server(server: HTTPServer) -> BatchServer:
    batch = BatchServer([], {})
    server.expect_request("/v1.0/$batch", method="POST").respond_with_handler(batch.handler)
    return batch


def test_a_batch_sends_nothing_until_the_block_exits_then_20_per_post(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    server = _batch_server(httpserver)
    with client.batch() as batch:
        handles = [batch.users.by_id(f"u{i}").get(select=["id"]) for i in range(25)]
        raw = batch.path("/users/raw").get()
        assert httpserver.log == []
        with pytest.raises(RuntimeError, match="not been sent"):
            handles[0].result()
    assert [len(p) for p in server.posts] == [20, 6]
    assert server.posts[0][3] == {
        "id": "4",
        "method": "GET",
        "url": "/users/u3?$select=id",
    }
    user = handles[24].result()
    assert isinstance(user, sdk.models.User) and user.display_name == "U24"
    assert isinstance(raw.result(), sdk.models.User)  # a documented path: typed as by fluent calls
    assert all(r.headers["Authorization"] == "Bearer TOKEN" for r, _ in httpserver.log)


def test_a_failed_request_raises_for_itself_alone_and_its_dependents_fail(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    server = _batch_server(httpserver)
    with client.batch() as batch:
        missing = batch.users.by_id("missing").get()
        after = batch.users.by_id("u1").patch({"displayName": "B"}, after=missing)
        fine = batch.users.by_id("u2").get()
        ordered = batch.users.by_id("u3").patch(
            sdk.models.User(display_name="C"), after=fine, if_match='W/"1"', return_minimal=True
        )
    with pytest.raises(sdk.client.GraphError) as caught:
        missing.result()
    assert caught.value.status == 404 and caught.value.code == "Request_ResourceNotFound"
    assert fine.result().id == "u2" and ordered.result() is None
    sent = {r["id"]: r for r in server.posts[0]}
    assert sent["4"]["dependsOn"] == ["3"]
    assert sent["4"]["body"] == {"displayName": "C"}
    assert sent["4"]["headers"] == {
        "Prefer": "return=minimal",
        "If-Match": 'W/"1"',
        "Content-Type": "application/json",
    }
    with pytest.raises(sdk.client.GraphError) as caught:
        after.result()
    assert caught.value.status == 424 and sent["2"]["dependsOn"] == ["1"]


def test_throttled_requests_are_sent_again_after_their_retry_after(
    client: Any, httpserver: HTTPServer, slept: list[float]
) -> None:
    server = _batch_server(httpserver)
    with client.batch() as batch:
        first = batch.users.by_id("u1").get()
        busy = batch.users.by_id("busy").get()
    assert busy.result().id == "busy" and first.result().id == "u1"
    assert [[r["url"] for r in p] for p in server.posts] == [
        ["/users/u1", "/users/busy"],
        ["/users/busy"],
    ]
    assert slept == [3.0]


def test_an_exception_in_the_block_sends_nothing(client: Any, httpserver: HTTPServer) -> None:
    _batch_server(httpserver)
    with pytest.raises(KeyError), client.batch() as batch:
        handle = batch.users.by_id("u1").get()
        raise KeyError("stop")
    assert httpserver.log == [] and not handle.done


def test_after_takes_handles_of_its_own_batch(client: Any) -> None:
    with client.batch() as one:
        first = one.users.by_id("u1").get()
        with pytest.raises(TypeError):
            client.batch().root.users.by_id("u2").get(after=first)
        with pytest.raises(TypeError, match="nope"):
            one.users.by_id("u2").get(nope=1)
        one._core.handles.clear()  # nothing to send


def test_async_batch(sdk: ModuleType, httpserver: HTTPServer) -> None:
    server = _batch_server(httpserver)

    async def main() -> None:
        async with _async(sdk, httpserver) as c:
            async with c.batch() as batch:
                one = batch.users.by_id("u1").get()
                busy = batch.users.by_id("busy").get(after=one)
                missing = batch.users.by_id("missing").get()
            assert one.result().display_name == "U1" and busy.result().id == "busy"
            with pytest.raises(sdk.client.GraphError):
                missing.result()

    _run(main())
    assert len(server.posts) == 2 and server.posts[0][1]["dependsOn"] == ["1"]


# --- 4. PATCH that sends what changed -------------------------------------------------------

USER = {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
    "@odata.type": "#microsoft.graph.user",
    "id": "u1",
    "displayName": "Adele Vance",
    "jobTitle": "Retail Manager",
    "mobilePhone": "+1 425 555 0109",
    "businessPhones": ["+1 425 555 0109"],
    "officeLocation": "18/2111",
    "passwordProfile": {"forceChangePasswordNextSignIn": False, "password": None},
}
CHANGED = {
    "@odata.type": "#microsoft.graph.user",
    "businessPhones": ["+1 425 555 0109", "+1 425 555 0110"],
    "jobTitle": "Store Manager",
    "mobilePhone": None,
    "passwordProfile": {"forceChangePasswordNextSignIn": True, "password": None},
}


def _edit(user: Any) -> None:
    """Change a scalar, clear one, append to a list and change a complex value in place."""
    user.job_title = "Store Manager"
    user.mobile_phone = None
    user.business_phones.append("+1 425 555 0110")
    user.password_profile.force_change_password_next_sign_in = True


def _user_server(server: HTTPServer) -> list[Any]:
    bodies: list[Any] = []

    def patched(request: Request) -> Response:
        bodies.append(json.loads(request.data))
        return Response("", 204)

    server.expect_request("/v1.0/users/u1", method="GET").respond_with_json(USER)
    server.expect_request("/v1.0/users/u1", method="PATCH").respond_with_handler(patched)
    return bodies


def test_patch_of_a_user_read_from_the_service_sends_only_what_changed(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    bodies = _user_server(httpserver)
    user = client.users.by_id("u1").get()
    assert user.changes() == {}
    _edit(user)
    assert user.changes() == CHANGED
    assert client.users.by_id("u1").patch(user) is None
    assert user.changes() == {}  # what was sent is what the service has now
    client.users.by_id("u1").patch(user)  # nothing new: an empty object
    user.display_name = "Adele V"
    client.users.by_id("u1").patch(user)
    assert bodies == [
        CHANGED,
        {},
        {"@odata.type": "#microsoft.graph.user", "displayName": "Adele V"},
    ]
    # a model the user constructs sends what is set, every time
    made = sdk.models.User(account_enabled=False, usage_location=None)
    client.users.by_id("u1").patch(made)
    client.users.by_id("u1").patch(made)
    assert bodies[3:] == [{"accountEnabled": False, "usageLocation": None}] * 2


def test_a_refused_patch_keeps_the_changes_pending(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/v1.0/users/u1", method="GET").respond_with_json(USER)
    httpserver.expect_request("/v1.0/users/u1", method="PATCH").respond_with_json(
        {"error": {"code": "Request_BadRequest", "message": "no"}}, status=400
    )
    user = client.users.by_id("u1").get()
    user.job_title = "X"
    with pytest.raises(sdk.client.GraphError):
        client.users.by_id("u1").patch(user)
    assert user.changes() == {"@odata.type": "#microsoft.graph.user", "jobTitle": "X"}


def test_put_and_post_send_a_model_read_from_the_service_whole(
    client: Any, httpserver: HTTPServer
) -> None:
    """kiota #3883: with the backing store, a fetched model sent back by POST was empty."""
    httpserver.expect_request("/v1.0/users/u1", method="GET").respond_with_json(USER)
    httpserver.expect_request("/v1.0/users", method="POST").respond_with_json(USER, status=201)
    user = client.users.by_id("u1").get()
    client.users.post(user)
    assert json.loads(httpserver.log[-1][0].data) == USER


def test_async_patch_sends_only_what_changed(sdk: ModuleType, httpserver: HTTPServer) -> None:
    bodies = _user_server(httpserver)

    async def main() -> None:
        async with _async(sdk, httpserver) as c:
            user = await c.users.by_id("u1").get()
            _edit(user)
            await c.users.by_id("u1").patch(user)
            assert user.changes() == {}

    _run(main())
    assert bodies == [CHANGED]


def test_a_batched_patch_sends_only_what_changed_and_settles_when_it_succeeds(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    server = _batch_server(httpserver)
    httpserver.expect_request("/v1.0/users/u1", method="GET").respond_with_json(USER)
    user = client.users.by_id("u1").get()
    _edit(user)
    other = sdk.models.User.from_dict({"id": "missing", "displayName": "M"})
    other.display_name = "N"
    with client.batch() as batch:
        handle = batch.users.by_id("u1").patch(user)
        refused = batch.users.by_id("missing").patch(other)
        assert user.changes() == CHANGED  # not sent yet
    assert handle.result() is None and user.changes() == {}
    with pytest.raises(sdk.client.GraphError):
        refused.result()
    assert other.changes() == {"displayName": "N"}  # refused: still pending
    sent = {r["id"]: r for r in server.posts[0]}
    assert sent["1"]["body"] == CHANGED and sent["2"]["body"] == {"displayName": "N"}

    async def main() -> None:
        async with _async(sdk, httpserver) as c:
            again = await c.users.by_id("u1").get()
            again.job_title = "Async"
            async with c.batch() as abatch:
                abatch.users.by_id("u1").patch(again)
            assert again.changes() == {}

    _run(main())
    assert server.posts[1][0]["body"] == {
        "@odata.type": "#microsoft.graph.user",
        "jobTitle": "Async",
    }


# --- 5. credentials --------------------------------------------------------------------------


@dataclass
class Token:
    token: str
    expires_on: int


class FakeCredential:
    def __init__(self, lifetime: int = 3600) -> None:
        self.asked: list[tuple[str, ...]] = []
        self.lifetime = lifetime

    def get_token(self, *scopes: str) -> Token:
        self.asked.append(scopes)
        return Token(f"T{len(self.asked)}", int(time.time()) + self.lifetime)


class FakeAsyncCredential(FakeCredential):
    async def get_token(self, *scopes: str) -> Token:  # type: ignore[override]
        await asyncio.sleep(0)
        return FakeCredential.get_token(self, *scopes)


def _tokens(server: HTTPServer) -> list[str]:
    return [r.headers.get("Authorization", "") for r, _ in server.log]


def test_a_token_is_kept_until_shortly_before_it_expires(
    sdk: ModuleType, httpserver: HTTPServer
) -> None:
    httpserver.expect_request("/v1.0/users/u1").respond_with_json({"id": "u1"})
    lasting, short = FakeCredential(3600), FakeCredential(60)
    for credential in (lasting, short):
        with sdk.Client(base_url=httpserver.url_for("/v1.0"), credential=credential) as c:
            for _ in range(3):
                c.users.by_id("u1").get()
    assert len(lasting.asked) == 1 and len(short.asked) == 3  # 60 s is within the margin
    assert _tokens(httpserver) == ["Bearer T1"] * 3 + ["Bearer T1", "Bearer T2", "Bearer T3"]


def test_a_401_gets_one_fresh_token_and_one_retry(sdk: ModuleType, httpserver: HTTPServer) -> None:
    def handler(request: Request) -> Response:
        ok = request.headers["Authorization"] == "Bearer T2"
        body = json.dumps({"id": "u1"}) if ok else ""
        return Response(body, 200 if ok else 401, content_type="application/json")

    httpserver.expect_request("/v1.0/users/u1").respond_with_handler(handler)
    credential = FakeCredential()
    with sdk.Client(base_url=httpserver.url_for("/v1.0"), credential=credential) as c:
        assert c.users.by_id("u1").get().id == "u1"
        assert c.users.by_id("u1").get().id == "u1"  # T2 kept
    assert _tokens(httpserver) == ["Bearer T1", "Bearer T2", "Bearer T2"]
    httpserver.clear_log()
    c = sdk.Client(base_url=httpserver.url_for("/v1.0"), credential="STATIC")
    with pytest.raises(sdk.client.GraphError) as caught:
        c.users.by_id("u1").get()  # a fixed token: asking again gives nothing new
    assert caught.value.status == 401 and len(httpserver.log) == 1


def test_a_second_401_is_the_answer(sdk: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/users/u1").respond_with_data("", status=401)
    c = sdk.Client(base_url=httpserver.url_for("/v1.0"), credential=FakeCredential())
    with pytest.raises(sdk.client.GraphError):
        c.users.by_id("u1").get()
    assert _tokens(httpserver) == ["Bearer T1", "Bearer T2"]


def test_async_client_takes_an_aio_credential(sdk: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/users/u1").respond_with_json({"id": "u1"})
    credential = FakeAsyncCredential()

    async def main() -> None:
        async with _async(sdk, httpserver, credential=credential) as c:
            for _ in range(2):
                assert (await c.users.by_id("u1").get()).id == "u1"

    _run(main())
    assert _tokens(httpserver) == ["Bearer T1"] * 2 and len(credential.asked) == 1
    c = sdk.Client(base_url=httpserver.url_for("/v1.0"), credential=credential)
    with pytest.raises(TypeError, match="AsyncClient"):
        c.users.by_id("u1").get()


def test_the_scope_follows_the_base_url(sdk: ModuleType) -> None:
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, json={"id": "u1"})

    for base in ("https://graph.microsoft.us/v1.0", "https://microsoftgraph.chinacloudapi.cn/beta"):
        credential = FakeCredential()
        http = httpx.Client(transport=httpx.MockTransport(handle))
        sdk.Client(base, credential=credential, http_client=http).users.by_id("u1").get()
        origin = base.rsplit("/", 1)[0]
        assert credential.asked == [(origin + "/.default",)]
    assert seen[0] == "https://graph.microsoft.us/v1.0/users/u1"
    credential = FakeCredential()
    http = httpx.Client(transport=httpx.MockTransport(handle))
    sdk.Client(credential=credential, http_client=http, scopes=["User.Read"]).me.get()
    assert credential.asked == [("User.Read",)]


# --- 6. request options ----------------------------------------------------------------------


def test_typed_request_options_become_the_documented_headers(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    message = {"id": "m1", "@odata.etag": 'W/"CQAAABYAAAA"'}
    httpserver.expect_request("/v1.0/me/messages/m1", method="GET").respond_with_json(message)
    httpserver.expect_request("/v1.0/me/messages/m1", method="PATCH").respond_with_data(
        "", status=204
    )
    httpserver.expect_request("/v1.0/users").respond_with_json({"value": []})
    got = client.me.messages.by_id("m1").get(
        timezone="Pacific Standard Time", body_content_type="text"
    )
    client.me.messages.by_id("m1").patch(
        {"isRead": True},
        if_match=got,
        return_minimal=True,
        headers={"Prefer": "IdType=ImmutableId"},
    )
    client.users.get(search='"displayName:al"')
    client.users.get(consistency_level="eventual", max_page_size=5)
    get, patch, search, level = (r.headers for r, _ in httpserver.log)
    assert (
        get["Prefer"]
        == 'outlook.timezone="Pacific Standard Time", outlook.body-content-type="text"'
    )
    assert "ConsistencyLevel" not in get
    assert patch["If-Match"] == 'W/"CQAAABYAAAA"'
    assert patch["Prefer"] == "IdType=ImmutableId, return=minimal"
    assert search["ConsistencyLevel"] == "eventual"
    assert level["ConsistencyLevel"] == "eventual" and level["Prefer"] == "odata.maxpagesize=5"


def test_bad_options_are_refused_before_anything_is_sent(
    sdk: ModuleType, client: Any, httpserver: HTTPServer
) -> None:
    with pytest.raises(TypeError, match="unexpected keyword"):
        client.users.get(timezon="UTC")
    with pytest.raises(TypeError, match="unexpected keyword"):
        client.users.by_id("u1").patch({}, select=["id"])
    with pytest.raises(ValueError, match="line breaks"):
        client.users.get(timezone='UTC"\r\nX-Evil: 1')
    with pytest.raises(TypeError, match="etag"):
        client.users.by_id("u1").patch({}, if_match=sdk.models.User(id="u1"))
    assert httpserver.log == []


def test_async_request_options(sdk: ModuleType, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/users").respond_with_json({"value": [], "@odata.count": 0})

    async def main() -> None:
        async with _async(sdk, httpserver) as c:
            items = c.users.list_all(count=True, prefer=["odata.track-changes"])
            assert [u async for u in items] == [] and items.total_count == 0
            with pytest.raises(TypeError):
                await c.users.get(nope=1)

    _run(main())
    headers = httpserver.log[0][0].headers
    assert headers["ConsistencyLevel"] == "eventual" and headers["Prefer"] == "odata.track-changes"


# --- the user's script ---------------------------------------------------------------------


def test_a_script_using_every_helper_is_typed(
    sdk: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mypy import api

    monkeypatch.chdir(Path(str(sdk.__file__)).parent.parent)
    out, err, _ = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(SCRIPT)])
    lines = [line.split(": ", 1)[1] for line in out.splitlines() if ": note: " in line]
    lines += [line for line in out.splitlines() if ": error: " in line]
    user = f"{PACKAGE}.models.user.User"
    item = f"{PACKAGE}.models.drive_item.DriveItem"
    assert lines == [
        f'note: Revealed type is "{user}"',
        'note: Revealed type is "str | None"',
        'note: Revealed type is "int | None"',
        f'note: Revealed type is "{PACKAGE}._http.Page[{user}]"',
        'note: Revealed type is "str | None"',
        f'note: Revealed type is "{PACKAGE}._http.Page[{user}]"',
        f'note: Revealed type is "{PACKAGE}._batch.Handle[{user}]"',
        f'note: Revealed type is "{user}"',
        'note: Revealed type is "None"',
        'note: Revealed type is "Any"',
        'note: Revealed type is "int"',
        'note: Revealed type is "dict[str, Any]"',
        f'note: Revealed type is "{item}"',
        f'note: Revealed type is "{user}"',
        'note: Revealed type is "str | None"',
        f'note: Revealed type is "{user}"',
        f'note: Revealed type is "{item}"',
    ], (
        out + err
    )
