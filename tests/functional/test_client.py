"""The client against a real HTTP server on 127.0.0.1 (pytest-httpserver), and path safety."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from pytest_httpserver import HTTPServer

from generated import AsyncClient, Client
from generated._paths import PathParameterError
from generated.client import GraphError, Page, RetryPolicy
from generated.models import OnlineMeeting, User


@pytest.fixture()
def client(httpserver: HTTPServer) -> Iterator[Client]:
    with Client(
        base_url=httpserver.url_for("/v1.0"), credential="TOKEN", sleep=lambda s: None
    ) as c:
        yield c


def _mock(handler: Any) -> Client:
    return Client(http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def test_fluent_post_on_each_documented_path(client: Client, httpserver: HTTPServer) -> None:
    answer = {"id": "m1", "subject": "Hi", "startDateTime": "2021-07-01T10:00:00.1234567Z"}
    for path in (
        "/v1.0/me/onlineMeetings",
        "/v1.0/users/u1/onlineMeetings",
        "/v1.0/invitations/i1/invitedUser/onlineMeetings",
    ):
        httpserver.expect_ordered_request(
            path, method="POST", json={"subject": "Hi"}
        ).respond_with_json(answer, status=201)
    created = client.me.online_meetings.post(OnlineMeeting(subject="Hi"))
    assert isinstance(created, OnlineMeeting) and created.to_dict() == answer
    client.users.by_id("u1").online_meetings.post({"subject": "Hi"})
    client.invitations.by_id("i1").invited_user.online_meetings.post(OnlineMeeting(subject="Hi"))
    httpserver.check_assertions()
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer TOKEN"


def test_raw_path_reaches_the_same_builder(client: Client) -> None:
    assert client.path("/users/abc/onlineMeetings") == client.users.by_id("abc").online_meetings
    assert client.path("/me") == client.me
    assert type(client.path("/ME/onlineMeetings")) is type(client.me.online_meetings)


def test_raw_path_with_query_and_typed_result(client: Client, httpserver: HTTPServer) -> None:
    httpserver.expect_request(
        "/v1.0/users/abc", method="GET", query_string={"$select": "displayName"}
    ).respond_with_json({"id": "abc", "displayName": "A"})
    user = client.path("/users/abc?$select=displayName").get()
    assert isinstance(user, User) and user.display_name == "A"


def test_query_options_are_typed_and_encoded(client: Client, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/users/abc").respond_with_json({"id": "abc"})
    client.users.by_id("abc").get(
        select=["id", "displayName"], expand=["manager"], top=5, count=True
    )
    args = httpserver.log[0][0].args
    assert (args["$select"], args["$expand"], args["$top"], args["$count"]) == (
        "id,displayName",
        "manager",
        "5",
        "true",
    )


def test_undocumented_paths_get_a_generic_builder(client: Client, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/groups/g1", method="DELETE").respond_with_data("", status=204)
    httpserver.expect_request("/v1.0/groups/g2").respond_with_json(
        {"@odata.type": "#microsoft.graph.user", "id": "g2"}
    )
    assert client.path("/groups/g1").delete() is None
    assert isinstance(client.path("/groups/g2").get(), User)  # @odata.type names a model


def test_collections_page_transparently(client: Client, httpserver: HTTPServer) -> None:
    next_link = httpserver.url_for("/v1.0/users/page2")
    httpserver.expect_ordered_request("/v1.0/groups").respond_with_json(
        {"value": [{"id": "1"}, {"id": "2"}], "@odata.nextLink": next_link}
    )
    httpserver.expect_ordered_request("/v1.0/users/page2").respond_with_json(
        {"value": [{"id": "3"}]}
    )
    assert [item["id"] for item in client.path("/groups").list_all()] == ["1", "2", "3"]


def test_next_link_to_another_host_is_refused(client: Client, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/groups").respond_with_json(
        {"value": [], "@odata.nextLink": "https://evil.example/steal"}
    )
    with pytest.raises(GraphError, match="nextLink"):
        list(client.path("/groups").list_all())


def test_page_is_a_list_with_next_link() -> None:
    page = Page([1, 2], "https://x/next")
    assert page == [1, 2] and page.next_link == "https://x/next"


def test_errors_raise_graph_error(client: Client, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/me").respond_with_json(
        {"error": {"code": "Forbidden", "message": "nope"}},
        status=403,
        headers={"request-id": "r-1"},
    )
    with pytest.raises(GraphError) as caught:
        client.me.get()
    assert (
        caught.value.status,
        caught.value.code,
        caught.value.message,
        caught.value.request_id,
    ) == (
        403,
        "Forbidden",
        "nope",
        "r-1",
    )


def test_retries_honour_retry_after(httpserver: HTTPServer) -> None:
    slept: list[float] = []
    httpserver.expect_ordered_request("/me").respond_with_data(
        "", status=429, headers={"Retry-After": "7"}
    )
    httpserver.expect_ordered_request("/me").respond_with_data("", status=503)
    httpserver.expect_ordered_request("/me").respond_with_json({"id": "me"})
    with Client(
        base_url=httpserver.url_for("/"), sleep=slept.append, retry=RetryPolicy(backoff=1.0)
    ) as c:
        assert isinstance(c.me.get(), User)
    assert slept[0] == 7.0 and 2.0 <= slept[1] <= 2.5  # attempt 1: backoff * 2, plus jitter


def test_retries_are_bounded(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/me").respond_with_data("", status=504)
    with (
        Client(
            base_url=httpserver.url_for("/"), sleep=lambda s: None, retry=RetryPolicy(max_retries=2)
        ) as c,
        pytest.raises(GraphError) as caught,
    ):
        c.me.get()
    assert caught.value.status == 504 and len(httpserver.log) == 3


def test_token_callable_and_azure_style_credential(httpserver: HTTPServer) -> None:
    class Token:
        token = "AZ"

    class Credential:
        scopes: tuple[str, ...] = ()

        def get_token(self, *scopes: str) -> Token:
            Credential.scopes = scopes
            return Token()

    httpserver.expect_request("/me").respond_with_json({"id": "1"})
    with Client(base_url=httpserver.url_for("/"), credential=lambda: "T2") as c:
        c.me.get()
    with Client(base_url=httpserver.url_for("/"), credential=Credential()) as c:
        c.me.get()
    assert [r.headers["Authorization"] for r, _ in httpserver.log] == ["Bearer T2", "Bearer AZ"]
    # the scope follows the base URL (a national cloud's tokens are its own): here, the server's
    assert Credential.scopes == (httpserver.url_for("/").rstrip("/") + "/.default",)


def test_async_client(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/users/abc").respond_with_json(
        {"id": "abc", "displayName": "A"}
    )
    httpserver.expect_request("/v1.0/groups").respond_with_json({"value": [{"id": "1"}]})

    async def main() -> tuple[Any, list[Any], Any]:
        async with AsyncClient(base_url=httpserver.url_for("/v1.0")) as c:
            user = await c.users.by_id("abc").get()
            items = [item async for item in c.path("/groups").list_all()]
            same = c.path("/users/abc") == c.users.by_id("abc")
            return user, items, same

    user, items, same = asyncio.run(main())
    assert isinstance(user, User) and user.display_name == "A"
    assert items == [{"id": "1"}] and same


@pytest.mark.parametrize("bad", ["", ".", ".."])
def test_dot_and_empty_segments_are_rejected(bad: str) -> None:
    client = _mock(lambda request: pytest.fail(f"request sent: {request.url}"))
    with pytest.raises(PathParameterError):
        client.users.by_id(bad).get()


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("../me", "/v1.0/users/..%2Fme"),
        ("a/b?c#d", "/v1.0/users/a%2Fb%3Fc%23d"),
        ("x y%", "/v1.0/users/x%20y%25"),
        ("//evil.example", "/v1.0/users/%2F%2Fevil.example"),
        ("@evil.example", "/v1.0/users/%40evil.example"),
    ],
)
def test_parameters_stay_one_segment(value: str, sent: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.raw_path.decode())
        assert request.url.host == "graph.microsoft.com"
        return httpx.Response(200, json={"id": "x"})

    _mock(handler).users.by_id(value).get()
    assert seen == [sent]
    assert "//" not in seen[0]


@pytest.mark.parametrize(
    "raw", ["/users/../me", "/users/%2E%2E/me", "https://evil.example/v1.0/me"]
)
def test_raw_path_must_stay_on_the_service(raw: str) -> None:
    client = _mock(lambda request: pytest.fail("request sent"))
    with pytest.raises(PathParameterError):
        client.path(raw)


def test_body_is_sent_as_json(client: Client, httpserver: HTTPServer) -> None:
    httpserver.expect_request("/v1.0/me/onlineMeetings", method="POST").respond_with_data(
        "", status=204
    )
    assert client.me.online_meetings.post(OnlineMeeting(subject=None)) is None
    assert json.loads(httpserver.log[0][0].data) == {"subject": None}


def test_importing_the_client_is_lazy() -> None:
    import subprocess
    import sys

    from tests.conftest import ROOT

    code = (
        "import sys; from generated import Client; c = Client(); c.me.online_meetings; "
        "print(sorted(m for m in sys.modules if m.startswith('generated')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.replace("'", '"')) == [
        "generated",
        "generated._batch",
        "generated._http",
        "generated._paths",
        "generated._registry",
        "generated._runtime",
        "generated.builders",
        "generated.builders._base",
        "generated.builders._routes",
        "generated.builders.me",
        "generated.builders.me_online_meetings",
        "generated.builders.root",
        "generated.client",
        "generated.models",  # the index that _registry reads, no model
    ]
