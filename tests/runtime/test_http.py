"""`_http` from the source tree, against httpx.MockTransport: retries, errors and paging."""

from __future__ import annotations

import httpx
import pytest

from generator.runtime import _http

BASE = "https://graph.microsoft.com/v1.0"


def core(handler: httpx.MockTransport, slept: list[float], **kwargs: object) -> _http.SyncCore:
    client = httpx.Client(transport=handler)
    retry = _http.RetryPolicy(**kwargs)  # type: ignore[arg-type]
    return _http.SyncCore(BASE, "token", client, retry, None, sleep=slept.append)


def test_a_throttled_request_is_retried_after_the_delay_the_service_asks() -> None:
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(503, headers={"Retry-After": "120"}),
            httpx.Response(200, json={"id": "1"}),
        ]
    )
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return next(answers)

    slept: list[float] = []
    result = core(httpx.MockTransport(handle), slept).send("GET", BASE + "/me")
    assert result == {"id": "1"}
    assert slept == [7.0, 60.0]  # the second capped at max_delay
    assert len(seen) == 3
    assert all(r.headers["Authorization"] == "Bearer token" for r in seen)


def test_retries_stop_at_max_retries_and_the_error_is_raised() -> None:
    calls = 0

    def handle(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        body = {"error": {"code": "TooMany", "message": "slow down"}}
        return httpx.Response(429, json=body, headers={"request-id": "r1"})

    slept: list[float] = []
    with pytest.raises(_http.GraphError) as raised:
        core(httpx.MockTransport(handle), slept, max_retries=2, backoff=0.0).send("GET", BASE)
    assert calls == 3
    assert len(slept) == 2
    error = raised.value
    assert (error.status, error.code, error.message, error.request_id) == (
        429,
        "TooMany",
        "slow down",
        "r1",
    )


def test_paging_follows_next_links_on_the_same_origin_only() -> None:
    pages = {
        "/v1.0/users": {"value": [1, 2], "@odata.nextLink": BASE + "/users?$skiptoken=a"},
        "/v1.0/users?$skiptoken=a": {
            "value": [3],
            "@odata.nextLink": "https://evil.test/v1.0/users?$skiptoken=b",
        },
    }

    def handle(request: httpx.Request) -> httpx.Response:
        key = request.url.raw_path.decode()
        return httpx.Response(200, json=pages[key])

    walk = core(httpx.MockTransport(handle), []).pages(BASE + "/users", (), None, None)
    items = _http.Items(walk)
    assert [next(items), next(items), next(items)] == [1, 2, 3]
    with pytest.raises(_http.GraphError, match="nextLink leaves"):
        next(items)


def test_an_http_date_retry_after_is_read_as_seconds_from_now() -> None:
    assert _http._retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # in the past
    assert _http._retry_after("2.5") == 2.5
    assert _http._retry_after("soon") is None
