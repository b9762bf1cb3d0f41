"""Infer a type from a JSON value, as found in examples and JSON representation blocks."""

from __future__ import annotations

import re
from typing import Any

from generator.extract.index import NameIndex
from generator.model import TypeRef
from generator.parse.example_facts import odata_type
from generator.parse.primitives import primitive

__all__ = ["infer", "odata_type"]

_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?$")
_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_PLACEHOLDER = re.compile(r"^([A-Za-z.]+)(?:\s*\(([^)]*)\))?$")
_INT32 = 2**31


def infer(value: Any, index: NameIndex, *, placeholders: bool) -> TypeRef | None:
    """The type a value shows, or None when it shows nothing (null, {}, [], a bare object).

    With `placeholders`, strings such as "String (timestamp)" are read as type names, as in the
    JSON representation blocks of resource pages."""
    if isinstance(value, bool):
        return TypeRef(name="Edm.Boolean")
    if isinstance(value, int):
        return TypeRef(name="Edm.Int32" if -_INT32 <= value < _INT32 else "Edm.Int64")
    if isinstance(value, float):
        return TypeRef(name="Edm.Double")
    if isinstance(value, str):
        if placeholders:
            return _placeholder(value, index)
        if _DATETIME.match(value):
            return TypeRef(name="Edm.DateTimeOffset")
        if _DATE.match(value):
            return TypeRef(name="Edm.Date")
        return TypeRef(name="Edm.String")
    if isinstance(value, dict):
        name = odata_type(value)
        if name is None:
            return None
        found = index.lookup(name)
        return TypeRef(name=found) if found else None
    if isinstance(value, list):
        for item in value:
            inner = infer(item, index, placeholders=placeholders)
            if inner is not None:
                return TypeRef(name=inner.name, collection=True)
        return None
    return None


def _placeholder(text: str, index: NameIndex) -> TypeRef | None:
    match = _PLACEHOLDER.match(text.strip())
    if not match:
        return None
    word, note = match.group(1), (match.group(2) or "").lower()
    if word.lower() == "string" and "timestamp" in note:
        return TypeRef(name="Edm.DateTimeOffset")
    edm = primitive(word)
    if edm is not None:
        return TypeRef(name=edm)
    found = index.lookup(word)
    return TypeRef(name=found) if found else None
