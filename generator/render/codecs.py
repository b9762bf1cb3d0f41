"""The codecs a model module's generated `_read` and `_write` call, named once at module level.

A property whose JSON value is kept as it is has no codec. A timestamp, date or time of day uses
the runtime's codec (`_rt.TIMESTAMP`); a model, enum or flags enum gets a module-level constant
named after the module of its class (`_MEETING_PARTICIPANTS = _rt.model(...)`), and a collection
of them one more (`_MEETING_PARTICIPANTS_LIST = _rt.collection(_MEETING_PARTICIPANTS)`). The
constants are created when the module is imported; the classes they name are imported on first
use, so modules that refer to each other do not import each other.
"""

from __future__ import annotations

from generator.model import TypeRef
from generator.render import naming
from generator.render.pytypes import PRIMITIVE_TYPES
from generator.render.text import literal

# properties decoded on first read (runtime LazySlot): building their datetime subclass costs
# more than the rest of a typical object's decoding
LAZY_TYPES = frozenset({"Edm.DateTimeOffset", "Edm.TimeOfDay"})
# A JSON value kept as it came that can change in place is copied by `_read` (`_rt.SCALARS`, a
# shallow copy, for a collection of strings or numbers; `_rt.JSON` for an untyped value), so
# that a model read from a response shares nothing mutable with the object it remembers for
# `changes()`; `_write` writes it as it is.


def is_lazy(ref: TypeRef) -> bool:
    return ref.name in LAZY_TYPES and not ref.collection


def copy_codec(ref: TypeRef, classes: dict[str, str]) -> str | None:
    """The codec that copies a property's JSON value kept as it came when it may be an array
    or an object (None when it cannot be, or another codec decodes it)."""
    if ref.name in PRIMITIVE_TYPES:
        if PRIMITIVE_TYPES[ref.name][1] is not None:
            return None
        if ref.name == "Edm.Untyped":
            return "_rt.JSON"
        return "_rt.SCALARS" if ref.collection else None
    return None if ref.name in classes else "_rt.JSON"  # a name the model does not define


class ModuleCodecs:
    """The constants of one module, in the order first needed: name -> expression."""

    def __init__(self) -> None:
        self.constants: dict[str, str] = {}
        self.slots: dict[str, str] = {}  # defined after the class: name -> expression

    def slot(self, class_name: str, attr: str) -> str:
        """The module-level name of the LazySlot of property `attr`."""
        expression = f"_rt.lazy({class_name}, {literal(attr)})"
        name = self._add(f"_{attr.upper()}", expression)
        self.slots[name] = self.constants.pop(name)
        return name

    def _add(self, name: str, expression: str) -> str:
        unique, n = name, 1
        while self.constants.get(unique, self.slots.get(unique, expression)) != expression:
            n += 1
            unique = f"{name}_{n}"
        self.constants[unique] = expression
        return unique

    def codec(
        self,
        ref: TypeRef,
        classes: dict[str, str],
        enums: frozenset[str],
        flags: frozenset[str] = frozenset(),
    ) -> str | None:
        """The expression `_read` calls `.decode` on (and `_write` `.encode`) for a property of
        type `ref`, None when the value is kept as it is. Mirrors `pytypes.python_type`."""
        if ref.name in PRIMITIVE_TYPES:
            single = PRIMITIVE_TYPES[ref.name][1]
            if single is None:
                return None
            stem = single.removeprefix("_rt.")
        elif ref.name in classes:
            cls = classes[ref.name]
            module = naming.module_name(cls)
            where = f"{literal(module)}, {literal(cls)}"
            kind = "flags" if ref.name in flags else "enum" if ref.name in enums else "model"
            stem = module.upper()
            single = self._add(f"_{stem}", f"_rt.{kind}({where})")
        else:  # a name the model does not define: kept as raw JSON
            return None
        if not ref.collection:
            return single
        return self._add(f"_{stem}_LIST", f"_rt.collection({single})")
