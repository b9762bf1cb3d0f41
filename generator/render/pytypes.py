"""Which Python type and which runtime codec stand for a model type reference."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from generator.model import TypeRef
from generator.render import naming
from generator.render.text import literal

# Edm name -> (annotation, codec expression or None when the JSON value is kept as it is).
# Numbers are kept exactly as the JSON parser gave them: Int64 as int (no float on the way), and
# Decimal as whatever the caller's parser made (`json.loads(text, parse_float=decimal.Decimal)`
# keeps every digit). Durations, binary and streams stay text.
PRIMITIVE_TYPES: Final[dict[str, tuple[str, str | None]]] = {
    "Edm.String": ("str", None),
    "Edm.Guid": ("str", None),
    "Edm.Boolean": ("bool", None),
    "Edm.Byte": ("int", None),
    "Edm.SByte": ("int", None),
    "Edm.Int16": ("int", None),
    "Edm.Int32": ("int", None),
    "Edm.Int64": ("int", None),
    "Edm.Single": ("float", None),
    "Edm.Double": ("float", None),
    "Edm.Decimal": ("_rt.Number", None),
    "Edm.DateTimeOffset": ("_dt.datetime", "_rt.TIMESTAMP"),
    "Edm.Date": ("_dt.date", "_rt.DATE"),
    "Edm.TimeOfDay": ("_dt.time", "_rt.TIME_OF_DAY"),
    "Edm.Duration": ("str", None),
    "Edm.Binary": ("str", None),
    "Edm.Stream": ("str", None),
    "Edm.Untyped": ("Any", None),
}


@dataclass(frozen=True, slots=True)
class PyType:
    annotation: str  # without the `| None | _rt.Unset` that every property adds
    codec: str | None
    imports: tuple[str, ...] = ()  # qualified names of model types the annotation mentions


def python_type(
    ref: TypeRef,
    classes: dict[str, str],
    enums: frozenset[str],
    flags: frozenset[str] = frozenset(),
) -> PyType:
    """`classes` maps a qualified type or enum name to its class name; `flags` names the enums
    whose values are comma-separated sets of members."""
    if ref.name in PRIMITIVE_TYPES:
        annotation, codec = PRIMITIVE_TYPES[ref.name]
        imports: tuple[str, ...] = ()
    elif ref.name in classes:
        cls = classes[ref.name]
        where = f"{literal(naming.module_name(cls))}, {literal(cls)}"
        if ref.name in flags:
            annotation, codec = f"list[{cls} | str] | str", f"_rt.flags({where})"
        elif ref.name in enums:
            annotation, codec = f"{cls} | str", f"_rt.enum({where})"
        else:
            annotation, codec = cls, f"_rt.model({where})"
        imports = (ref.name,)
    else:  # a name the model does not define: kept as raw JSON
        annotation, codec, imports = "Any", None, ()
    if ref.collection:
        annotation = f"list[{annotation}]"
        codec = f"_rt.collection({codec})" if codec else None
    return PyType(annotation, codec, imports)


# what a function step's argument accepts (runtime/_paths.py `function_segment` writes these)
ANY_ARGUMENT: Final = "str | int | float | bool"
_ARGUMENT_TYPES: Final[dict[str, str]] = {
    "Edm.String": "str",
    "Edm.Guid": "str",
    "Edm.Duration": "str",
    "Edm.Date": "_dt.date",  # written bare: `date=2016-06-30`, never quoted
    "Edm.DateTimeOffset": "_dt.datetime",
    "Edm.TimeOfDay": "_dt.time",
    "Edm.Boolean": "bool",
    "Edm.Byte": "int",
    "Edm.SByte": "int",
    "Edm.Int16": "int",
    "Edm.Int32": "int",
    "Edm.Int64": "int",
    "Edm.Single": "float",
    "Edm.Double": "float",
    "Edm.Decimal": "float",
}


def argument_annotation(ref: TypeRef | None, enums: frozenset[str]) -> str:
    """The annotation of a function argument typed by its page's parameter table: the Python
    scalar the path carries (a date as a `datetime.date`, an enum as its member's name); any
    scalar when the table does not say, or names a collection or a structured type."""
    if ref is None or ref.collection:
        return ANY_ARGUMENT
    if ref.name in enums:
        return "str"
    return _ARGUMENT_TYPES.get(ref.name, ANY_ARGUMENT)
