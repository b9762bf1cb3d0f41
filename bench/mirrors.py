"""Mirror classes for bench/models.py: pydantic v2 models and msgspec structs built from a
generated model class, field for field (same attribute names, wire names as aliases, same types
and nesting, unknown properties allowed), so that the peers decode and encode the same bodies.

Built from what the generated class itself declares (its dataclass fields, whose annotations are
the generated source text, and their wire names), so the mirror cannot drift from the model.
Benchmark-only: pydantic and msgspec are never dependencies of the generated package.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import importlib
import itertools
import sys
import types
from typing import Any, Optional, Union

_COUNT = itertools.count()
_PRIMITIVES: dict[str, Any] = {
    "str": str,
    "int": int,
    "float": float,
    "bool": bool,
    "Any": Any,
    "_dt.datetime": dt.datetime,
    "_dt.date": dt.date,
    "_dt.time": dt.time,
    "_rt.Number": int | float | decimal.Decimal,
}


def _split(text: str) -> list[str]:
    """The top-level members of a union written `A | B[C | D]`."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "["
        depth -= ch == "]"
        if depth == 0 and text.startswith(" | ", i):
            parts.append(text[start:i])
            start = i + 3
    parts.append(text[start:])
    return [p for i, p in enumerate(parts) if p]


def wire_fields(cls: type) -> list[tuple[str, str, str]]:
    """(attribute, wire name, annotation text without `| None | _rt.Unset`) of every property,
    inherited first."""
    fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
    out = []
    for attr, wire in _wire_names(cls):
        annotation = fields[attr].type
        members = [m for m in _split(annotation) if m not in ("None", "_rt.Unset")]
        out.append((attr, wire, " | ".join(members)))
    return out


def _wire_names(cls: type) -> list[tuple[str, str]]:
    fields = getattr(cls, "_fields", None)
    if fields is not None:
        return [(spec[0], spec[1]) for spec in fields]
    return list(cls._wire_names)  # type: ignore[attr-defined]


class _Builder:
    def __init__(self, package: str, kind: str) -> None:
        self.models = importlib.import_module(f"{package}.models")
        self.kind = kind
        self.done: dict[str, Any] = {}
        # the mirrors live in a module of their own, where forward references are resolved
        self.module = types.ModuleType(f"_mirrors_{kind}_{next(_COUNT)}")
        sys.modules[self.module.__name__] = self.module

    def annotation(self, text: str) -> Any:
        members = _split(text)
        if len(members) > 1:
            made = tuple(dict.fromkeys(self.annotation(m) for m in members))
            return Union[made] if len(made) > 1 else made[0]  # noqa: UP007 (built at run time)
        (text,) = members
        if text in _PRIMITIVES:
            return _PRIMITIVES[text]
        if text.startswith("list[") and text.endswith("]"):
            return list[self.annotation(text[5:-1])]  # type: ignore[misc]
        found = getattr(self.models, text)
        if isinstance(found, type) and issubclass(found, enum.Enum):
            # msgspec takes one str-like type per union: an open enum is read as its text
            return found if self.kind == "pydantic" else str
        self.mirror(found)
        return text  # a forward reference, resolved once every mirror exists (nesting may cycle)

    def mirror(self, cls: type) -> Any:
        name = cls.__name__
        if name in self.done:
            return self.done[name]
        self.done[name] = None  # being built
        if self.kind == "pydantic":
            return self._pydantic(cls)
        return self._msgspec(cls)

    def finish(self, root: Any) -> Any:
        if self.kind == "pydantic":
            for model in self.done.values():
                model.model_rebuild(_types_namespace=dict(self.done))
        return root

    def _pydantic(self, cls: type) -> Any:
        import pydantic

        name = cls.__name__
        fields: dict[str, Any] = {}
        for attr, wire, text in wire_fields(cls):
            fields[attr] = (  # None by default: exclude_unset leaves out what was not sent
                Optional[self.annotation(text)],  # noqa: UP045 (may hold a forward reference)
                pydantic.Field(default=None, alias=wire),
            )
        model = pydantic.create_model(
            name,
            __config__=pydantic.ConfigDict(
                extra="allow", populate_by_name=True, protected_namespaces=()
            ),
            __module__=self.module.__name__,
            **fields,
        )
        self.done[name] = model
        setattr(self.module, name, model)
        return model

    def _msgspec(self, cls: type) -> Any:
        import msgspec

        name = cls.__name__
        specs = []
        for attr, wire, text in wire_fields(cls):
            inner = self.annotation(text)  # may be a forward reference: typing's Union then
            annotation = Optional[Union[inner, msgspec.UnsetType]]  # noqa: UP007, UP045
            specs.append((attr, annotation, msgspec.field(default=msgspec.UNSET, name=wire)))
        struct = msgspec.defstruct(name, specs, kw_only=True, module=self.module.__name__)
        self.done[name] = struct
        setattr(self.module, name, struct)
        return struct


def pydantic_mirror(package: str, cls: type) -> Any:
    builder = _Builder(package, "pydantic")
    return builder.finish(builder.mirror(cls))


def msgspec_mirror(package: str, cls: type) -> Any:
    builder = _Builder(package, "msgspec")
    return builder.finish(builder.mirror(cls))
