"""JSON forms of the model: the full round-trippable form, and the `--dump-model` summary."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from typing import Any, TypeVar, get_args, get_origin, get_type_hints

from generator.model.nodes import ApiModel
from generator.source import SourceSpan

T = TypeVar("T")


def _encode(value: Any) -> Any:
    if isinstance(value, SourceSpan):
        return str(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    return value


def _decode(hint: Any, value: Any) -> Any:
    origin = get_origin(hint)
    if hint is SourceSpan:
        return SourceSpan.parse(value)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        options = [a for a in get_args(hint) if a is not type(None)]
        return _decode(options[0], value)
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _build(hint, value)
    return value


def _build(cls: type[T], data: dict[str, Any]) -> T:
    hints = get_type_hints(cls)
    return cls(**{name: _decode(hints[name], v) for name, v in data.items()})


def model_to_json(model: ApiModel) -> str:
    return json.dumps(_encode(model), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def model_from_json(text: str) -> ApiModel:
    return _build(ApiModel, json.loads(text))


def dump_model(model: ApiModel) -> dict[str, Any]:
    """The documented `--dump-model` shape (README, docs/architecture.md)."""

    def ref(ref: Any) -> str | None:
        return None if ref is None else ref.name

    return {
        "types": [
            {
                "name": t.name,
                "namespace": t.namespace,
                "kind": t.kind,
                "base": t.base,
                "open": t.open,
                "properties": [
                    {
                        "name": p.name,
                        "type": p.type.name,
                        "collection": p.type.collection,
                        "navigation": p.navigation,
                        # the docs never say; the model keeps no field for it, the documented
                        # shape keeps the key as it always was
                        "nullable": True,
                        "read_only": p.read_only,
                        "source": str(p.source),
                    }
                    for p in t.properties
                ],
                "source": str(t.source),
            }
            for t in model.types
        ],
        "enums": [
            {
                "name": e.name,
                "namespace": e.namespace,
                "flags": e.flags,
                "members": [m.name for m in e.members],
                "source": str(e.source),
            }
            for e in model.enums
        ],
        "operations": [
            {
                "name": o.name,
                "title": o.title,
                "method": o.method,
                "path": o.paths[0],
                "paths": list(o.paths),
                "path_parameters": list(o.path_parameters),
                "request_type": ref(o.request_type),
                "response_type": ref(o.response_type),
                "response_collection": bool(o.response_type and o.response_type.collection),
                "status": o.status,
                "answers": [
                    {
                        "path": a.path,
                        "type": ref(a.type),
                        "collection": bool(a.type and a.type.collection),
                        "empty": a.empty,
                    }
                    for a in o.answers
                ],
                "parameters": [
                    {"name": p.name, "type": p.type.name, "collection": p.type.collection}
                    for p in o.parameters
                ],
                "request_class": o.request_class,
                "permissions": [list(p) for p in o.permissions],
                "source": str(o.source),
            }
            for o in model.operations
        ],
    }
