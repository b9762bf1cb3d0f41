"""The thin client against a real HTTP server on 127.0.0.1, and path safety."""

from __future__ import annotations

import json

import httpx
import pytest
from pytest_httpserver import HTTPServer

from generated import Client
from generated._paths import PathParameterError
from generated.client import GraphError
from generated.models import OnlineMeeting, User


def test_post_to_each_of_the_three_paths(httpserver: HTTPServer) -> None:
    answer = {"id": "m1", "subject": "Hi", "startDateTime": "2021-07-01T10:00:00.1234567Z"}
    for path in (
        "/v1.0/me/onlineMeetings",
        "/v1.0/users/u1/onlineMeetings",
        "/v1.0/invitations/i1/invitedUser/onlineMeetings",
    ):
        httpserver.expect_ordered_request(
            path, method="POST", json={"subject": "Hi"}
        ).respond_with_json(answer, status=201)
    with Client(base_url=httpserver.url_for("/v1.0"), credential="TOKEN") as client:
        created = client.create_online_meetings(OnlineMeeting(subject="Hi"))
        assert isinstance(created, OnlineMeeting) and created.id == "m1"
        assert created.to_dict() == answer
        client.create_online_meetings({"subject": "Hi"}, users_id="u1")
        client.create_online_meetings(OnlineMeeting(subject="Hi"), invitations_id="i1")
    httpserver.check_assertions()
    (request, _), *_ = httpserver.log
    assert request.headers["Authorization"] == "Bearer TOKEN"


def test_get_with_a_token_callable(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/users/abc", method="GET").respond_with_json(
        {"id": "abc", "displayName": "A"}
    )
    with Client(base_url=httpserver.url_for("/"), credential=lambda: "T2") as client:
        user = client.get_user(id="abc")
    assert isinstance(user, User) and user.display_name == "A"
    assert httpserver.log[0][0].headers["Authorization"] == "Bearer T2"


def test_errors_raise_graph_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/me").respond_with_json(
        {"error": {"code": "Forbidden", "message": "nope"}},
        status=403,
        headers={"request-id": "r-1"},
    )
    with Client(base_url=httpserver.url_for("/")) as client, pytest.raises(GraphError) as caught:
        client.get_user()
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


@pytest.mark.parametrize("bad", ["", ".", ".."])
def test_dot_and_empty_segments_are_rejected(bad: str) -> None:
    transport = httpx.MockTransport(lambda request: pytest.fail(f"request sent: {request.url}"))
    with (
        Client(http_client=httpx.Client(transport=transport)) as client,
        pytest.raises(PathParameterError),
    ):
        client.get_user(id=bad)


@pytest.mark.parametrize(
    ("value", "sent"),
    [
        ("../me", "/v1.0/users/..%2Fme"),
        ("a/b?c#d", "/v1.0/users/a%2Fb%3Fc%23d"),
        ("x y%", "/v1.0/users/x%20y%25"),
        ("//evil.example", "/v1.0/users/%2F%2Fevil.example"),
    ],
)
def test_parameters_stay_one_segment(value: str, sent: str) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.raw_path.decode())
        assert request.url.host == "graph.microsoft.com"
        return httpx.Response(200, json={"id": "x"})

    with Client(http_client=httpx.Client(transport=httpx.MockTransport(handler))) as client:
        client.get_user(id=value)
    assert seen == [sent]
    assert "//" not in seen[0]


def test_wrong_parameter_combination_is_a_type_error() -> None:
    with (
        Client(
            http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(201)))
        ) as client,
        pytest.raises(TypeError, match="usersId"),
    ):
        client.create_online_meetings({}, users_id="a", invitations_id="b")


def test_body_is_sent_as_json(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/me/onlineMeetings", method="POST").respond_with_data("", status=204)
    with Client(base_url=httpserver.url_for("/")) as client:
        assert client.create_online_meetings(OnlineMeeting(subject=None)) is None
    assert json.loads(httpserver.log[0][0].data) == {"subject": None}
