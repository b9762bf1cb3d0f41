"""Every JSON request and response body in the corpus examples goes through its generated model
and comes back unchanged: `Model.from_dict(body).to_dict() == body`.

The type of a body is the example's `@odata.type` annotation, else the operation's request or
response type. A body whose type is known and that does not round-trip is a bug: the test fails,
listing every such body with its location. The other bodies are listed with the reason, on one
of three sides: the docs' (the body is not JSON), ours (the build gave the operation no type, or
a type that is not a generated model), or neither (the type is a primitive, not a model).
Run with `-s` to see the tallies.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pytest

from generator.model import Operation
from tests.corpus.conftest_models import CorpusPackage, corpus_package  # noqa: F401

pytestmark = pytest.mark.corpus

DOCS_SIDE = "docs"
OURS = "ours"
NOT_A_MODEL = "not a model"


@dataclass(frozen=True, slots=True)
class Outcome:
    where: str
    checked: int  # objects round-tripped (an empty collection has none)
    reason: str = ""  # why not checked
    side: str = ""  # DOCS_SIDE, OURS or NOT_A_MODEL when not checked
    failure: str = ""  # a round trip that lost something
    passed: bool = False  # the body round-tripped
    keys: int = 0  # top-level properties of the objects (instance annotations not counted)
    typed: int = 0  # of which the model declares (the rest went to additional_data)


def _operations(corpus: CorpusPackage) -> dict[str, list[Operation]]:
    by_page: dict[str, list[Operation]] = {}
    for op in corpus.model.operations:
        by_page.setdefault(op.source.path, []).append(op)
    return by_page


def _outcomes(corpus: CorpusPackage) -> list[Outcome]:
    lookup = corpus.package.lookup
    graph_model = corpus.package.GraphModel
    by_page = _operations(corpus)
    outcomes = []
    for doc in corpus.docs:
        ops = by_page.get(doc.path, [])
        method = ""
        for example in doc.examples:
            if example.kind == "request":
                method = example.method
            if not example.has_body:
                continue
            where = f"{example.source.path}:{example.source.line}"
            op = next((o for o in ops if o.method == method), ops[0] if ops else None)
            outcomes.append(_check(example, op, where, lookup, graph_model))
    return outcomes


def _check(example: Any, op: Operation | None, where: str, lookup: Any, base: type) -> Outcome:
    body = example.body
    if body is None:
        return Outcome(where, 0, "the body is not JSON", DOCS_SIDE)
    named = example.annotation.get("@odata.type") if example.kind == "response" else None
    ref = None
    if op is not None:
        ref = op.request_type if example.kind == "request" else op.response_type
    if isinstance(named, str) and named:
        name, collection = named.strip(), bool(example.annotation.get("isCollection"))
        if name.lower().startswith("collection(") and name.endswith(")"):
            name, collection = name[len("collection(") : -1], True
    elif ref is not None:
        name, collection = ref.name, ref.collection
    else:
        return Outcome(where, 0, f"the operation has no {example.kind} type", OURS)
    if name.startswith("Edm.") or name.lower() in {"string", "int32", "boolean", "int64"}:
        return Outcome(where, 0, "the type is a primitive", NOT_A_MODEL)
    cls = lookup(name)
    if cls is None:
        return Outcome(where, 0, f"the type is not generated: {name}", OURS)
    if not (isinstance(cls, type) and issubclass(cls, base)):
        return Outcome(where, 0, "the type resolved to an enum, the body is an object", OURS)
    items = _objects(body, collection)
    if items is None:
        return Outcome(where, 0, "the body is not an object or a list of objects", NOT_A_MODEL)
    keys = typed = 0
    for item in items:
        read = cls.from_dict(item)
        again = read.to_dict()
        if again != item:
            return Outcome(where, 0, failure=f"{cls.__name__}: {_difference(item, again)}")
        keys += sum(1 for key in item if not key.startswith("@"))
        typed -= sum(1 for key in read.additional_data if not key.startswith("@"))
    return Outcome(where, len(items), passed=True, keys=keys, typed=typed + keys)


def _objects(body: Any, collection: bool) -> list[dict[str, Any]] | None:
    if collection and isinstance(body, dict) and isinstance(body.get("value"), list):
        body = body["value"]
    if isinstance(body, dict):
        return [body]
    if isinstance(body, list) and all(isinstance(item, dict) for item in body):
        return body
    return None


def _difference(before: dict[str, Any], after: dict[str, Any]) -> str:
    for key in sorted(set(before) | set(after)):
        if before.get(key, "<absent>") != after.get(key, "<absent>"):
            return f"{key}: {before.get(key, '<absent>')!r} came back as {after.get(key, '<absent>')!r}"
    return "same keys, different values"


@pytest.fixture(scope="module")
def outcomes(corpus_package: CorpusPackage) -> list[Outcome]:  # noqa: F811
    return _outcomes(corpus_package)


def test_every_body_of_a_known_type_round_trips(outcomes: list[Outcome]) -> None:
    failures = [f"{o.where}: {o.failure}" for o in outcomes if o.failure]
    assert failures == []


def test_the_corpus_examples_are_exercised(outcomes: list[Outcome]) -> None:
    checked = [o for o in outcomes if o.passed]
    # most example bodies have a type: a regression that loses them shows here
    assert len(checked) > len(outcomes) // 2
    assert sum(o.checked for o in checked) > len(checked) // 2  # objects, not empty lists


def test_the_rest_is_listed_with_a_reason(outcomes: list[Outcome]) -> None:
    rest = [o for o in outcomes if not o.passed and not o.failure]
    assert all(o.reason and o.side in (DOCS_SIDE, OURS, NOT_A_MODEL) for o in rest)
    checked = sum(1 for o in outcomes if o.passed)
    known = checked + sum(1 for o in outcomes if o.failure)
    tally = Counter((o.side, o.reason.split(":")[0]) for o in rest)
    missing = sorted({o.reason.split(": ")[1] for o in rest if ": " in o.reason})
    print(  # shown with -s; the lead copies it into the issue
        json.dumps(
            {
                "bodies": len(outcomes),
                "round_tripped": checked,
                "known_type": known,
                "percent_of_known": round(100 * checked / max(known, 1), 2),
                "objects": sum(o.checked for o in outcomes),
                "percent_of_properties_declared_by_the_model": round(
                    100 * sum(o.typed for o in outcomes) / max(sum(o.keys for o in outcomes), 1), 2
                ),
                "rest": {f"{side}: {reason}": n for (side, reason), n in sorted(tally.items())},
                "types_not_generated": missing,
            },
            indent=1,
        )
    )
