"""The template API: view objects that hold everything a template shows, already computed.

Templates receive exactly these (documented in docs/templates.md); they loop and test flags,
nothing more. Every string a template places inside code is a literal made by `text.literal` or
docstring lines made by `text.docstring_lines`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.render.views_client import (
        ArgumentView,
        BuilderView,
        ChildCode,
        ChildView,
        ClientView,
        RouteView,
        SideView,
        VerbCode,
        VerbView,
    )

__all__ = [
    "ArgumentView",
    "BuilderView",
    "ChildCode",
    "ChildView",
    "ClientView",
    "EnumView",
    "ExportView",
    "FieldView",
    "MemberView",
    "ModelView",
    "PackageView",
    "RegistryEntryView",
    "RouteView",
    "SideView",
    "VerbCode",
    "VerbView",
]

_CLIENT_VIEWS = frozenset(
    {
        "ArgumentView",
        "BuilderView",
        "ChildCode",
        "ChildView",
        "ClientView",
        "RouteView",
        "SideView",
        "VerbCode",
        "VerbView",
    }
)


def __getattr__(name: str) -> type:
    """The client's views live in `views_client.py`, loaded when one is first asked for here:
    a run that renders no client (one page edited) never creates their classes."""
    if name in _CLIENT_VIEWS:
        from generator.render import views_client

        view: type = getattr(views_client, name)
        return view
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldView:
    """One field of a model class (`model.py.jinja`)."""

    attr: str  # Python attribute
    wire_literal: str  # the wire name as a string literal
    annotation: str
    codec: str  # codec expression, or "None"
    doc_lines: tuple[str, ...]
    # laid out as black would (render/layout.py), indentation included:
    declaration: str = ""  # `attr: annotation = _rt.UNSET`, in the class body
    wire_entry: str = ""  # `(attr, wire),`, in the `_wire` tuple
    decode_line: str = ""  # `self.attr = ... if wire in data else u`, in `_read`
    encode_lines: str = ""  # `if (v := self.attr) is not u:` / `out[wire] = ...`, in `_write`


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelView:
    """A model module (`model.py.jinja`): one class, its fields and imports."""

    package: str
    module: str
    class_name: str
    odata_name_literal: str
    base_class: str  # "_rt.GraphModel" or a class name
    base_module: str | None  # module of the base class when it is a generated model
    doc_lines: tuple[str, ...]
    source: str
    fields: tuple[FieldView, ...]
    type_imports: tuple[tuple[str, str], ...]  # (module, class) needed for annotations only
    uses_datetime: bool
    uses_any: bool
    # laid out as black would (render/layout.py), indentation included:
    base_import: str = ""  # `from .base import Base`, "" when the base is _rt.GraphModel
    type_import_lines: tuple[str, ...] = ()  # the `type_imports`, under TYPE_CHECKING
    odata_name_line: str = ""  # `odata_name: ClassVar[str] = "..."`
    required_line: str = ""  # `_required: ClassVar[tuple[str, ...]] = (...)`, or ""
    class_line: str = ""  # `class Name(Base):`
    wire_block: str = ""  # `_wire: ClassVar[...] = (...)`, the fields' wire entries
    # the module-level codecs `_read` and `_write` call (`_USER = _rt.model("user", "User")`)
    codec_lines: tuple[str, ...] = ()
    base_read_line: str = ""  # `Base._read(self, data)`, "" when the base is _rt.GraphModel
    base_write_line: str = ""  # `Base._write(self, out)`, "" when the base is _rt.GraphModel
    uses_mapping: bool = False  # `_read` takes a Mapping (the class has properties of its own)
    # the properties decoded on first read: `_lazy: ClassVar[...] = (...)`, "" when none
    lazy_block: str = ""
    # after the class, their runtime slots `_read` and `_write` call (`_X = _rt.lazy(Cls, "x")`)
    slot_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberView:
    """One member of an enum class (`enum.py.jinja`)."""

    name: str
    value_literal: str
    doc_lines: tuple[str, ...]
    assignment: str = ""  # `NAME = "value"`, laid out as black would, indentation included


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumView:
    """An enum module (`enum.py.jinja`): one open enum class and its members."""

    package: str
    module: str
    class_name: str
    odata_name_literal: str
    doc_lines: tuple[str, ...]
    source: str
    members: tuple[MemberView, ...]
    odata_name_line: str = ""  # `Class.odata_name = "..."`, laid out as black would


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportView:
    """A name the package exports, and the module it comes from."""

    name: str
    module: str  # relative module path, e.g. ".models.online_meeting"
    import_line: str = ""  # `from module import Name as Name`, laid out as black would


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistryEntryView:
    """A line of the models' index: an `@odata.type` (lower case) and the class that reads it."""

    key_literal: str  # lower-case qualified name
    module_literal: str
    class_literal: str
    entry: str = ""  # `key: (module, class),` laid out as black would, indentation included
    index_literal: str = ""  # its line of the models' index (naming.index_line), a literal


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageView:
    """The package files (`__init__.py`, `models/__init__.py`, `_registry.py`)."""

    package: str
    package_literal: str
    exports: tuple[ExportView, ...]
    model_exports: tuple[ExportView, ...]
    registry: tuple[RegistryEntryView, ...]
    registry_block: str = ""  # `_INDEX = ...` of models/__init__.py, laid out as black would
