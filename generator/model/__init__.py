"""The intermediate model: frozen dataclasses, names not pointers, no I/O, no Python rendering."""

from generator.model.nodes import (
    Answer,
    ApiModel,
    EnumMember,
    EnumType,
    Example,
    Operation,
    Property,
    StructuredType,
    TypeRef,
)
from generator.model.serialize import dump_model, model_from_json, model_to_json

__all__ = [
    "Answer",
    "ApiModel",
    "EnumMember",
    "EnumType",
    "Example",
    "Operation",
    "Property",
    "StructuredType",
    "TypeRef",
    "dump_model",
    "model_from_json",
    "model_to_json",
]
