"""Facts of one example's JSON body that need no other page, found once when the page is parsed
(and cached with it) instead of by a walk of the body in each build pass that asks."""

from __future__ import annotations

import json
import re
from collections import deque
from typing import Any

from generator.parse.lazy_regex import LazyRegex

_MAX_OBJECTS = 100_000  # a hostile body must not make a walk unbounded
_LOCATION = LazyRegex(r"^Location:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


def json_objects(body: Any) -> list[dict[str, Any]]:
    """Every JSON object in a body, breadth first, at most _MAX_OBJECTS."""
    out: list[dict[str, Any]] = []
    queue: deque[Any] = deque([body])  # list.pop(0) would make a long array quadratic
    while queue and len(out) < _MAX_OBJECTS:
        item = queue.popleft()
        if isinstance(item, dict):
            out.append(item)
            queue.extend(item.values())
        elif isinstance(item, list):
            queue.extend(item)
    return out


def odata_type(value: dict[str, Any]) -> str | None:
    name = value.get("@odata.type", value.get("@type"))
    return name.lstrip("#") if isinstance(name, str) and name.strip("#") else None


def json_nodes(body: Any) -> int:
    """How many values (objects, arrays, scalars) a body holds."""
    count = 0
    stack = [body]
    while stack:
        value = stack.pop()
        count += 1
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return count


def body_facts(
    kind: str, text: str, body: Any, has_body: bool, annotation: dict[str, Any]
) -> dict[str, Any]:
    """The `Example` fields below `annotation` (parse/document.py), by name."""
    if not has_body:
        body = None
    objects = json_objects(body)
    return {
        "body_json": json.dumps(body, ensure_ascii=False) if has_body else None,
        "body_nodes": json_nodes(body) if has_body else 0,
        "odata_types": tuple(name for item in objects if (name := odata_type(item)) is not None),
        "comma_values": tuple(
            (str(key), value)
            for item in objects
            for key, value in item.items()
            if isinstance(value, str) and "," in value
        ),
        "placed": _placed_values(text, body, annotation, objects) if kind == "response" else (),
    }


def _placed_values(
    text: str, body: Any, annotation: dict[str, Any], objects: list[dict[str, Any]]
) -> tuple[tuple[str, str], ...]:
    """(type name, address) of the body under a `Location` header and of objects with both an
    `@odata.type` and an `@odata.id` path."""
    found: list[tuple[str, str]] = []
    location = _LOCATION.search(text)
    if location is not None:
        named = odata_type(body) if isinstance(body, dict) else None
        annotated = annotation.get("@odata.type")
        named = named or (annotated if isinstance(annotated, str) else None)
        if named:
            found.append((named, location.group(1)))
    for item in objects:
        named, where = odata_type(item), item.get("@odata.id")
        if named and isinstance(where, str) and where.startswith(("/", "http")):
            found.append((named, where))
    return tuple(found)
