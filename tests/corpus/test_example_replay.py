"""Every example request/response pair of the corpus, replayed through the generated client
against a real HTTP server on 127.0.0.1: the server expects the example's method, path, query
and JSON body and answers with the example's response; the client's result must equal the
example response parsed into its model. The report explains each failure."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.conftest import CORPUS, REPORTS, require_corpus
from tests.corpus.replay_support import (
    CorpusPackage,
    Pair,
    build_corpus_package,
    describe,
    example_pairs,
    strip_host,
)

DOCS = CORPUS / "graph-docs-2021-07" / "v1.0"
GOAL = 0.95

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> CorpusPackage:
    return build_corpus_package(
        require_corpus(DOCS), tmp_path_factory.mktemp("replay"), "graph_replay"
    )


class Recorder:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, list[tuple[str, str]], bytes]] = []
        self.status = 200
        self.body: bytes = b""
        self.content_type = "application/json"

    def __call__(self, request: Request) -> Response:
        raw = (
            request.environ.get("RAW_URI")
            or request.environ.get("REQUEST_URI")
            or request.full_path
        )
        parts = urlsplit(raw)
        self.requests.append(
            (
                request.method,
                unquote(parts.path),
                parse_qsl(parts.query, keep_blank_values=True),
                request.get_data(),
            )
        )
        return Response(self.body, status=self.status, content_type=self.content_type)


def _expected_model(
    corpus: CorpusPackage, pair: Pair, operation_type: tuple[str, bool] | None
) -> Any:
    body = pair.response.body
    annotation = pair.response.annotation
    name = annotation.get("@odata.type") if isinstance(annotation.get("@odata.type"), str) else None
    collection = annotation.get("isCollection") is True or (
        isinstance(body, dict)
        and isinstance(body.get("value"), list)
        and all(key == "value" or key.startswith("@") for key in body)
    )
    if name is None and operation_type is not None:
        name, collection = operation_type
    model_for = corpus.package.lookup
    cls = model_for(name) if name else None
    if cls is None or not hasattr(cls, "from_dict") or not isinstance(body, dict):
        return None
    if collection and isinstance(body.get("value"), list):
        return [cls.from_dict(item) if isinstance(item, dict) else item for item in body["value"]]
    return cls.from_dict(body)


def replay(corpus: CorpusPackage, server: HTTPServer, pair: Pair) -> tuple[bool, str, str]:
    """(passed, category, reason). Category: 'ok', 'doc' (the example is at fault) or 'ours'."""
    request, response = pair.request, pair.response
    if not request.method or not request.url:
        return False, "doc", "request example has no request line"
    if response.status is None:
        return False, "doc", "response example has no status line"
    path = strip_host(request.url)
    recorder = Recorder()
    recorder.status = response.status
    recorder.body = json.dumps(response.body).encode() if response.has_body else b""
    server.clear()
    server.expect_request(__import__("re").compile(".*")).respond_with_handler(recorder)
    client = corpus.package.Client(
        base_url=server.url_for("/v1.0"), retry=corpus.package.client.RetryPolicy(max_retries=0)
    )
    try:
        builder = client.path(path)
        verb = getattr(builder, request.method.lower())
        body = request.body if request.has_body else None
        result = verb(body) if request.method in ("POST", "PATCH", "PUT") else verb()
    except corpus.package.client.PathParameterError as error:
        if not _documented(corpus, pair.page, path):
            return False, "doc", "example path matches no HTTP request path of its page"
        return False, "ours", f"PathParameterError {error}"
    except corpus.package.client.GraphError as error:
        if response.status >= 400:
            return (
                (error.status == response.status),
                "ok" if error.status == response.status else "ours",
                "error status",
            )
        return False, "ours", f"GraphError {error}"
    except Exception as error:  # noqa: BLE001 - the report explains every failure
        return False, "ours", f"{type(error).__name__}: {error}"
    finally:
        client.close()
    if not recorder.requests:
        return False, "ours", "no request reached the server"
    method, sent_path, query, data = recorder.requests[-1]
    want = urlsplit(path)
    want_path = unquote(want.path)
    if not want_path.lower().startswith(("/v1.0", "/beta")):
        want_path = "/v1.0" + want_path
    if method != request.method:
        return False, "ours", f"method {method} != {request.method}"
    if _norm(sent_path) != _norm(want_path):
        return False, "ours", f"path {sent_path!r} != {want_path!r}"
    if sorted(query) != sorted(parse_qsl(want.query, keep_blank_values=True)):
        return False, "ours", f"query {query} != {want.query!r}"
    if request.has_body and request.method in ("GET", "DELETE"):
        return False, "doc", f"a {request.method} example with a request body"
    if request.has_body and json.loads(data or b"null") != request.body:
        return False, "ours", "request body changed on the way"
    if not response.has_body:
        if result is None or result == b"":
            return True, "ok", ""
        return False, "ours", f"expected no body, got {describe(result)}"
    outcome = _judge(corpus, pair, builder, result)
    if not outcome[0] and outcome[1] == "ours" and not _documented(corpus, pair.page, path):
        return False, "doc", "example path matches no HTTP request path of its page"
    return outcome


def _judge(corpus: CorpusPackage, pair: Pair, builder: Any, result: Any) -> tuple[bool, str, str]:
    response = pair.response
    if result is None and response.status == 204:
        return False, "doc", "a 204 No Content answer with a body"
    if result is None:
        return False, "ours", f"no result for a {response.status} answer with a body"
    if _json(result) != response.body:
        return False, "ours", f"not lossless: {describe(_json(result))}"
    expected = _expected_model(corpus, pair, None)
    if expected is None:
        return True, "ok", ""
    if type(builder).__name__ in ("Builder", "AsyncBuilder"):
        return False, "ours", "documented path reached a generic builder"
    if isinstance(expected, list):
        if not isinstance(result, list) or [type(x) for x in result] != [type(x) for x in expected]:
            return (
                False,
                "ours",
                f"collection items {describe(result)[:80]} are not {describe(expected)[:80]}",
            )
        return True, "ok", ""
    if isinstance(result, type(expected)) or isinstance(expected, type(result)):
        return True, "ok", ""
    if isinstance(result, dict):
        return False, "ours", f"untyped JSON where the example says {type(expected).__name__}"
    if "@odata.type" in pair.response.annotation:
        return (
            False,
            "doc",
            (
                f"example annotation says {type(expected).__name__}, the Response section "
                f"{type(result).__name__}"
            ),
        )
    return False, "ours", f"result {type(result).__name__} != expected {type(expected).__name__}"


def _norm(path: str) -> str:
    head, _, rest = path.lstrip("/").partition("/")
    if head.lower() in ("v1.0", "beta"):
        head = "v1.0"
    return ("/" + head + "/" + rest).rstrip("/")


def _documented(corpus: CorpusPackage, page: str, path: str) -> bool:
    """Does the example path fit one of the syntax paths of its page (segment by segment)?"""
    segments = [s for s in urlsplit(path).path.split("/") if s]
    if segments and segments[0].lower() in ("v1.0", "beta"):
        segments = segments[1:]
    for operation in corpus.run.model.operations:
        if operation.source.path != page:
            continue
        for template in operation.paths:
            parts = [s for s in template.split("/") if s]
            if len(parts) == len(segments) and all(
                t.startswith("{") or t.split("(")[0].lower() == s.split("(")[0].lower()
                for t, s in zip(parts, segments)
            ):
                return True
    return False


def _json(value: Any) -> Any:
    """What the client's result says as JSON: models, pages and lists turned back."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, list) and hasattr(value, "next_link"):
        out = {**value.additional_data, "value": [_json(v) for v in value]}
        if value.next_link is not None:
            out["@odata.nextLink"] = value.next_link
        return out
    if isinstance(value, list):
        return [_json(v) for v in value]
    return value


def test_every_example_pair_replays(corpus: CorpusPackage, httpserver: HTTPServer) -> None:
    pairs = example_pairs(corpus.docs)
    assert len(pairs) > 1000
    results = [(pair, *replay(corpus, httpserver, pair)) for pair in pairs]
    passed = sum(1 for _, ok, _, _ in results if ok)
    failures = [(p, c, r) for p, ok, c, r in results if not ok]
    by_reason = Counter((c, r.split(":")[0].split(" {")[0][:60]) for _, c, r in failures)
    lines = [
        f"replayed {len(pairs)} example pairs: {passed} passed ({passed / len(pairs):.1%})",
        "",
    ]
    lines += [f"{n:5d}  {c:4s}  {r}" for (c, r), n in by_reason.most_common()]
    lines += ["", *[f"{p.id}: {c}: {r}" for p, c, r in failures]]
    REPORTS.append(
        ("example replay: every failure and its reason (doc = the example is at fault)", lines)
    )
    assert passed / len(pairs) >= GOAL, "\n".join(lines[:40])


def _fluent(client: Any, segments: tuple[str, ...]) -> Any:
    """Walk from the client to a path with properties and by_id(), as a user would."""
    builder = client
    for segment in segments:
        step = None
        for name in dir(type(builder)):
            member = getattr(type(builder), name, None)
            if isinstance(member, property) and name != "url":
                candidate = getattr(builder, name)
                if candidate._segments[-1].lower() == segment.lower():
                    step = candidate
                    break
        builder = step if step is not None else builder.by_id(unquote(segment))
    return builder


def test_fluent_navigation_reaches_the_same_builders(corpus: CorpusPackage) -> None:
    client = corpus.package.Client(base_url="https://graph.microsoft.com/v1.0")
    split_raw = corpus.package._paths.split_raw
    checked = 0
    for pair in example_pairs(corpus.docs)[::7]:
        path = strip_host(pair.request.url)
        try:
            segments, _ = split_raw(path, client.url)
            by_path = client.path(path.split("?")[0])
        except Exception:  # noqa: BLE001, S112 - paths the client refuses are in the replay report
            continue
        if type(by_path).__name__ == "Builder" or any("(" in s or ":" in s for s in segments):
            continue
        assert _fluent(client, segments) == by_path, path
        checked += 1
    assert checked >= 150
