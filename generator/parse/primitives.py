"""Primitive spellings found in type cells (DOCS_FORMAT §5.3), lower case -> Edm name."""

from __future__ import annotations

from typing import Final

PRIMITIVE_SPELLINGS: Final[dict[str, str]] = {
    "string": "Edm.String",
    "url": "Edm.String",
    "uri": "Edm.String",
    "boolean": "Edm.Boolean",
    "bool": "Edm.Boolean",
    "int16": "Edm.Int16",
    "int32": "Edm.Int32",
    "int": "Edm.Int32",
    "integer": "Edm.Int32",
    "number": "Edm.Int32",
    "int64": "Edm.Int64",
    "long": "Edm.Int64",
    "byte": "Edm.Byte",
    "sbyte": "Edm.SByte",
    "single": "Edm.Single",
    "float": "Edm.Single",
    "double": "Edm.Double",
    "decimal": "Edm.Decimal",
    "datetimeoffset": "Edm.DateTimeOffset",
    "datetime": "Edm.DateTimeOffset",
    "timestamp": "Edm.DateTimeOffset",
    "date": "Edm.Date",
    "timeofday": "Edm.TimeOfDay",
    "duration": "Edm.Duration",
    "timespan": "Edm.Duration",
    "guid": "Edm.Guid",
    "uuid": "Edm.Guid",
    "binary": "Edm.Binary",
    "stream": "Edm.Stream",
    "json": "Edm.Untyped",
    "object": "Edm.Untyped",
}


def primitive(name: str) -> str | None:
    key = name.lower()
    key = key.removeprefix("edm.")
    return PRIMITIVE_SPELLINGS.get(key)
