"""Pass 4d: base hints from the addresses of example values.

A response that says where its value lives (`Location: .../calls/{id}/operations/{id}`, or an
object's `@odata.id`) places the value in a navigation whose type the docs give
(`call.operations`: `commsOperation`); a value of another type there (`@odata.type`
`muteParticipantOperation`) derives from it. A hint of example rank, kept only when the type
shows the base's properties (build/bases.py).
"""

from __future__ import annotations

import re

from generator.build.declare import Declarations
from generator.build.drafts import EXAMPLE
from generator.build.navigation import addressed_type, navigation_types
from generator.build.properties import hint_base
from generator.build.values import json_objects, odata_type
from generator.parse import PageDoc
from generator.parse.document import Example

_LOCATION = re.compile(r"^Location:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


def hint_from_addresses(docs: list[PageDoc], found: Declarations) -> None:
    navigations = navigation_types(found)  # this pass adds hints, never properties
    for doc in docs:
        for example in doc.examples:
            if example.kind != "response":
                continue
            for named, address in _placed_values(example):
                concrete = found.types.get(found.index.lookup(named) or "")
                expected = addressed_type(address, found, navigations)
                if concrete is not None and expected not in (None, concrete.qualified):
                    hint_base(concrete, expected, EXAMPLE, example.source)


def _placed_values(example: Example) -> list[tuple[str, str]]:
    """(type name, address) of the body under a `Location` header and of objects with both an
    `@odata.type` and an `@odata.id` path."""
    found: list[tuple[str, str]] = []
    location = _LOCATION.search(example.text)
    body = example.body if example.has_body else None
    if location is not None:
        named = odata_type(body) if isinstance(body, dict) else None
        annotated = example.annotation.get("@odata.type")
        named = named or (annotated if isinstance(annotated, str) else None)
        if named:
            found.append((named, location.group(1)))
    for item in json_objects(body):
        named, where = odata_type(item), item.get("@odata.id")
        if named and isinstance(where, str) and where.startswith(("/", "http")):
            found.append((named, where))
    return found
