"""Unit tests of issue 15's runtime (generator/runtime/_batch.py, _http.Tokens, the request
options of builders/_base.py), with httpx.MockTransport: the answers the functional tests'
server does not give (a batch body as base64 or as JSON text, a refused or non-JSON `$batch`
answer, an item's status as text) and the token cache's clock."""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from generator.runtime import _batch, _http
from generator.runtime.builders import _base

BASE = "https://graph.microsoft.com/v1.0"


def _batch_core(answer: Callable[[list[dict[str, Any]]], httpx.Response]) -> _batch.BatchCore:
    def handle(request: httpx.Request) -> httpx.Response:
        return answer(json.loads(request.content)["requests"])

    http = httpx.Client(transport=httpx.MockTransport(handle))
    core = _http.SyncCore(BASE, "T", http, _http.RetryPolicy(), None, sleep=lambda s: None)
    return _batch.BatchCore(core)


def test_batch_bodies_are_read_whatever_form_graph_gives_them() -> None:
    def answer(requests: list[dict[str, Any]]) -> httpx.Response:
        photo = base64.b64encode(b"\x89PNG").decode()
        return httpx.Response(
            200,
            json={
                "responses": [
                    {
                        "id": "1",
                        "status": 200,
                        "headers": {"Content-Type": "image/png"},
                        "body": photo,
                    },
                    {
                        "id": "2",
                        "status": "200",
                        "headers": {"content-type": "application/json"},
                        "body": '{"id": "x"}',
                    },
                    {"id": "3", "status": 200, "body": "plain"},
                    {"id": "4", "status": 204},
                    {"id": "5", "status": "oops"},
                ]
            },
        )

    batch = _batch_core(answer)
    handles = [batch.send("GET", BASE + f"/x/{i}", (), None, None, None) for i in range(6)]
    batch.flush()
    assert handles[0].result() == b"\x89PNG"
    assert handles[1].result() == {"id": "x"}
    assert handles[2].result() == "plain"
    assert handles[3].result() is None
    with pytest.raises(_http.GraphError, match="invalidBatchResponse"):
        handles[4].result()
    with pytest.raises(_http.GraphError, match="missingResponse"):
        handles[5].result()


def test_a_refused_or_unreadable_batch_post_is_each_request_s_error() -> None:
    refused = _batch_core(
        lambda r: httpx.Response(
            401, json={"error": {"code": "InvalidAuthenticationToken", "message": "no"}}
        )
    )
    one = refused.send("GET", BASE + "/me", (), None, None, None)
    refused.flush()
    with pytest.raises(_http.GraphError) as caught:
        one.result()
    assert caught.value.status == 401 and caught.value.code == "InvalidAuthenticationToken"
    html = _batch_core(lambda r: httpx.Response(200, text="<html>busy</html>"))
    two = html.send("GET", BASE + "/me", (), None, None, None)
    html.flush()
    with pytest.raises(_http.GraphError, match="missingResponse"):
        two.result()


def test_a_dependency_failed_in_an_earlier_post_fails_its_dependents_unsent() -> None:
    posts: list[list[dict[str, Any]]] = []

    def answer(requests: list[dict[str, Any]]) -> httpx.Response:
        posts.append(requests)
        return httpx.Response(
            200,
            json={
                "responses": [
                    {"id": r["id"], "status": 404 if r["id"] == "20" else 200, "body": {}}
                    for r in requests
                ]
            },
        )

    batch = _batch_core(answer)
    handles = [batch.send("GET", BASE + f"/x/{i}", (), None, None, None) for i in range(20)]
    late = batch.send("GET", BASE + "/y", (), None, None, None, after=[handles[19]])
    fine = batch.send("GET", BASE + "/z", (), None, None, None, after=[handles[0]])
    batch.flush()
    assert [len(p) for p in posts] == [20, 1] and posts[1][0]["url"] == "/z"
    assert "dependsOn" not in posts[1][0]  # its dependency was answered in the first post
    with pytest.raises(_http.GraphError) as caught:
        late.result()
    assert caught.value.status == 424 and fine.result() == {}
    with pytest.raises(RuntimeError, match="sent"):
        batch.send("GET", BASE + "/again", (), None, None, None)


def test_retries_stop_after_the_policy_s_count() -> None:
    posts: list[int] = []

    def answer(requests: list[dict[str, Any]]) -> httpx.Response:
        posts.append(len(requests))
        return httpx.Response(
            200, json={"responses": [{"id": r["id"], "status": 503} for r in requests]}
        )

    batch = _batch_core(answer)
    handle = batch.send("GET", BASE + "/x", (), None, None, None)
    batch.flush()
    assert len(posts) == 1 + _http.RetryPolicy().max_retries
    with pytest.raises(_http.GraphError) as caught:
        handle.result()
    assert caught.value.status == 503


class Token:
    def __init__(self, token: str, expires_on: int) -> None:
        self.token, self.expires_on = token, expires_on


def test_tokens_are_kept_until_the_margin_before_expiry() -> None:
    now = [1000.0]
    asked: list[tuple[str, ...]] = []

    class Credential:
        def get_token(self, *scopes: str) -> Token:
            asked.append(scopes)
            return Token(f"T{len(asked)}", 1000 + 3600)

    tokens = _http.Tokens(Credential(), ["s/.default"], clock=lambda: now[0])
    assert tokens.get() == "T1" and tokens.get() == "T1"
    now[0] = 1000 + 3600 - _http.TOKEN_REFRESH_MARGIN  # within the margin: asked again
    assert tokens.get() == "T2" and tokens.get(renew=True) == "T3"
    assert asked == [("s/.default",)] * 3


def test_an_async_credential_needs_the_async_client_and_a_bad_one_is_refused() -> None:
    class Credential:
        async def get_token(self, *scopes: str) -> Token:
            return Token("A", 10**10)

    tokens = _http.Tokens(Credential(), ["s"])
    with pytest.raises(TypeError, match="AsyncClient"):
        tokens.get()
    assert asyncio.run(tokens.aget()) == "A" and tokens.cached() == "A"
    with pytest.raises(TypeError):
        _http.Tokens(42, ["s"])  # type: ignore[arg-type]


def test_the_scope_is_the_base_url_s_origin() -> None:
    assert (
        _http.scope_for("https://graph.microsoft.us/v1.0") == "https://graph.microsoft.us/.default"
    )
    assert (
        _http.scope_for("https://dod-graph.microsoft.us/beta/")
        == "https://dod-graph.microsoft.us/.default"
    )


def test_request_headers_from_options() -> None:
    assert _base.request_headers({}, [("$top", "1")]) is None
    assert _base.request_headers({}, [("$count", "false")]) is None
    assert _base.request_headers({}, [("$search", "x")]) == {"ConsistencyLevel": "eventual"}
    given = {"headers": {"consistencylevel": "session"}}
    assert _base.request_headers(given, [("$count", "true")]) == {"consistencylevel": "session"}
    headers = _base.request_headers({"return_minimal": False, "prefer": ["a=b"]}, [])
    assert headers == {"Prefer": "a=b, return=representation"}


def test_concurrent_async_requests_wait_for_one_token() -> None:
    asked: list[int] = []

    class Credential:
        async def get_token(self, *scopes: str) -> Token:
            asked.append(1)
            await asyncio.sleep(0.01)
            return Token("A", 10**10)

    tokens = _http.Tokens(Credential(), ["s"])

    async def main() -> list[str | None]:
        return list(await asyncio.gather(*(tokens.aget() for _ in range(5))))

    assert asyncio.run(main()) == ["A"] * 5 and len(asked) == 1


def test_an_exchange_without_credentials_sends_no_token() -> None:
    """Room for a pre-authenticated URL (a large file's upload session, issue 15 part 3)."""
    seen: list[str | None] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("Authorization"))
        return httpx.Response(401 if len(seen) == 1 else 200)

    http = httpx.Client(transport=httpx.MockTransport(handle))
    core = _http.SyncCore(BASE, lambda: "T", http, _http.RetryPolicy(), None)
    assert core.exchange("PUT", BASE + "/x", credentials=False).status_code == 401
    assert core.exchange("PUT", BASE + "/x").status_code == 200
    assert seen == [None, "Bearer T"]


def test_a_batched_retry_after_is_read_whatever_its_case() -> None:
    slept: list[float] = []
    answers = iter([429, 200])

    def handle(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        item = {"id": "1", "status": status, "headers": {"retry-after": "2.5"}, "body": {}}
        return httpx.Response(200, json={"responses": [item]})

    http = httpx.Client(transport=httpx.MockTransport(handle))
    core = _http.SyncCore(BASE, "T", http, _http.RetryPolicy(), None, sleep=slept.append)
    batch = _batch.BatchCore(core)
    one = batch.send("GET", BASE + "/x", (), None, None, None)
    batch.flush()
    assert one.result() == {} and slept == [2.5]
