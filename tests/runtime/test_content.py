"""Issue 14's runtime, from the source tree against httpx.MockTransport: bodies with models
inside, unknown keywords, redirects and the credentials they carry, bytes in and out, `$count`,
`$ref` references and OneDrive item paths."""

from __future__ import annotations

import datetime as dt
import enum
import io
from collections.abc import Mapping
from typing import Any

import httpx
import pytest

from generator.runtime import _http, _runtime
from generator.runtime._paths import PathParameterError, item_path, split_raw
from generator.runtime.builders._base import (
    Builder,
    ContentBuilder,
    CountBuilder,
    check_options,
)

BASE = "https://graph.microsoft.com/v1.0"


class Thing(_runtime.GraphModel):
    """A model as templates/model.py.jinja writes one: `_wire`, `_read` and `_write`."""

    id: Any = _runtime.UNSET
    name: Any = _runtime.UNSET
    _wire = (("id", "id"), ("name", "displayName"))

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _runtime.UNSET
        self.id = data["id"] if "id" in data else u  # noqa: SIM401
        self.name = data["displayName"] if "displayName" in data else u  # noqa: SIM401

    def _write(self, out: dict[str, Any]) -> None:
        if self.id is not _runtime.UNSET:
            out["id"] = self.id
        if self.name is not _runtime.UNSET:
            out["displayName"] = self.name


class Colour(enum.Enum):
    RED = "red"


def core(handler: Any, **kwargs: Any) -> _http.SyncCore:
    client = httpx.Client(transport=httpx.MockTransport(handler))
    return _http.SyncCore(BASE, "token", client, _http.RetryPolicy(), None, **kwargs)


def refuse(request: httpx.Request) -> httpx.Response:
    pytest.fail(f"request sent: {request.url}")


# --- bodies and keywords ------------------------------------------------------------------


def test_models_at_any_depth_of_a_dict_body_are_written_with_to_dict() -> None:
    when = _runtime.Timestamp.parse("2021-07-01T10:00:00.1234567Z")
    body = {
        "owner": Thing(id="1"),
        "members": [Thing(name="a"), {"nested": (Thing(id="2"),)}],
        "extra": Thing(id="3", additional_data={"inner": Thing(id="4")}),
        "colour": Colour.RED,
        "when": when,
        "day": dt.date(2021, 7, 1),
    }
    assert _http.to_json(body) == {
        "owner": {"id": "1"},
        "members": [{"displayName": "a"}, {"nested": [{"id": "2"}]}],
        "extra": {"id": "3", "inner": {"id": "4"}},
        "colour": "red",
        "when": "2021-07-01T10:00:00.1234567Z",
        "day": "2021-07-01",
    }


def test_a_dict_body_with_a_model_reaches_the_wire_as_json() -> None:
    sent: list[bytes] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request.content)
        return httpx.Response(204)

    core(handle).send("POST", BASE + "/groups", body={"owner": Thing(id="1")})
    assert sent == [b'{"owner":{"id":"1"}}']


def test_an_unknown_keyword_raises_before_anything_is_sent() -> None:
    builder = Builder(core(refuse), ("me", "calendarView"))
    with pytest.raises(TypeError, match="start_date_time"):
        builder.get(start_date_time="2021-07-01")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="top"):
        builder.post({}, top=3)  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="nope"):
        builder.list_all(nope=1)  # type: ignore[call-arg]
    check_options({"headers": {}}, frozenset({"headers"}))


# --- redirects ----------------------------------------------------------------------------


def test_a_download_follows_redirects_and_drops_credentials_off_the_origin() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "graph.microsoft.com" and request.url.path.endswith("/a"):
            return httpx.Response(302, headers={"Location": "/v1.0/b"})
        if request.url.host == "graph.microsoft.com":
            return httpx.Response(307, headers={"Location": "https://files.example/x?sig=1"})
        return httpx.Response(200, content=b"data", headers={"Content-Type": "text/csv"})

    assert core(handle).download(BASE + "/a", [("$top", "1")], None) == b"data"
    assert [str(r.url) for r in seen] == [
        BASE + "/a?%24top=1",
        BASE + "/b",
        "https://files.example/x?sig=1",
    ]
    assert [r.headers.get("Authorization") for r in seen] == [
        "Bearer token",
        "Bearer token",  # same origin: still the service
        None,
    ]


def test_a_redirect_to_another_scheme_or_without_end_is_refused() -> None:
    def loop(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "/v1.0/again"})

    with pytest.raises(_http.GraphError, match="tooManyRedirects"):
        core(loop).download(BASE + "/a", [], None)

    def odd(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "file:///etc/passwd"})

    with pytest.raises(_http.GraphError, match="unsafeRedirect"):
        core(odd).download(BASE + "/a", [], None)


def test_a_post_is_not_redirected() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        assert request.method == "POST"
        return httpx.Response(302, headers={"Location": "https://elsewhere.example/"})

    assert core(handle).send("POST", BASE + "/a", body={}) is None


# --- bytes, counts and references ---------------------------------------------------------


def test_uploads_send_bytes_or_a_file_with_their_content_type() -> None:
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(201, json={"id": "f"})

    builder = ContentBuilder(core(handle), ("me", "photo", "$value"))
    assert builder.put(b"\x00\xff") == {"id": "f"}
    builder.put(io.BytesIO(b"file"), content_type="image/jpeg")
    assert [(r.content, r.headers["Content-Type"]) for r in sent] == [
        (b"\x00\xff", "application/octet-stream"),
        (b"file", "image/jpeg"),
    ]
    with pytest.raises(TypeError, match="binary"):
        builder.put(io.StringIO("text"))  # type: ignore[arg-type]


def test_a_stream_yields_chunks_and_an_error_raises() -> None:
    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/missing"):
            return httpx.Response(404, json={"error": {"code": "itemNotFound", "message": "x"}})
        return httpx.Response(200, content=b"x" * 100_000)

    assert b"".join(ContentBuilder(core(handle), ("a",)).get_stream()) == b"x" * 100_000
    with pytest.raises(_http.GraphError, match="itemNotFound"):
        list(ContentBuilder(core(handle), ("missing",)).get_stream())


def test_count_is_an_int_and_asks_for_eventual_consistency() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, text="42", headers={"Content-Type": "text/plain"})

    assert CountBuilder(core(handle), ("users", "$count")).get(filter="x eq 1") == 42
    assert seen[0].headers["ConsistencyLevel"] == "eventual"
    assert seen[0].url.params["$filter"] == "x eq 1"

    def odd(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, text="many")

    with pytest.raises(_http.GraphError, match="invalidCount"):
        CountBuilder(core(odd), ("users", "$count")).get()


def test_a_reference_is_built_from_an_id_or_a_model() -> None:
    assert _http.reference(BASE, "u1") == {"@odata.id": BASE + "/directoryObjects/u1"}
    assert _http.reference(BASE + "/", Thing(id="a/b"), "users") == {
        "@odata.id": BASE + "/users/a%2Fb"
    }
    with pytest.raises(TypeError, match="id"):
        _http.reference(BASE, Thing())
    with pytest.raises(PathParameterError):
        _http.reference(BASE, "..")


# --- item paths ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "path", "expected"),
    [
        (("me", "drive", "root"), "a/b.txt", ("me", "drive", "root:", "a", "b.txt:")),
        (("me", "drive", "root"), "/b c.txt", ("me", "drive", "root:", "b%20c.txt:")),
        (("d", "items", "p1"), "x?#:%", ("d", "items", "p1:", "x%3F%23%3A%25:")),
        (("d", "root:", "a:"), "b/c", ("d", "root:", "a", "b", "c:")),
    ],
)
def test_an_item_path_is_one_encoded_segment_a_part(
    start: tuple[str, ...], path: str, expected: tuple[str, ...]
) -> None:
    assert item_path(start, path) == expected


@pytest.mark.parametrize(
    "path", ["..", "a/../../b", "a//b", "./a", "a/", "", "%2e%2e/x", "a\\..\\b", "//a"]
)
def test_an_item_path_cannot_climb_out_of_its_drive(path: str) -> None:
    with pytest.raises(PathParameterError):
        item_path(("me", "drive", "root"), path)


@pytest.mark.parametrize(
    "raw",
    ["/me/drive/root:/..:/content", "/me/drive/root:/a//b:", "/d/items/p:/%2e%2e:", "/root:/a/"],
)
def test_a_raw_item_path_cannot_climb_either(raw: str) -> None:
    with pytest.raises(PathParameterError):
        split_raw(raw, BASE)


def test_a_raw_item_path_keeps_its_colons() -> None:
    assert split_raw("/me/drive/root:/a b/c.txt:/content", BASE)[0] == (
        "me",
        "drive",
        "root:",
        "a%20b",
        "c.txt:",
        "content",
    )


def test_the_http_clients_own_auth_stays_on_the_service_too() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.url.host == "graph.microsoft.com":
            return httpx.Response(302, headers={"Location": "https://files.example/x"})
        return httpx.Response(200, content=b"ok")

    http = httpx.Client(transport=httpx.MockTransport(handle), auth=("user", "secret"))
    sync = _http.SyncCore(BASE, None, http, _http.RetryPolicy(), None)
    assert sync.download(BASE + "/a", [], None) == b"ok"
    assert seen[0].headers["Authorization"].startswith("Basic ")
    assert "Authorization" not in seen[1].headers
