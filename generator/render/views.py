"""The template API: view objects that hold everything a template shows, already computed.

Templates receive exactly these (documented in docs/templates.md); they loop and test flags,
nothing more. Every string a template places inside code is a literal made by `text.literal` or
docstring lines made by `text.docstring_lines`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class FieldView:
    attr: str  # Python attribute
    wire_literal: str  # the wire name as a string literal
    annotation: str
    codec: str  # codec expression, or "None"
    doc_lines: tuple[str, ...]
    # laid out as black would (render/layout.py), indentation included:
    declaration: str = ""  # `attr: annotation = _rt.UNSET`, in the class body
    wire_entry: str = ""  # `(attr, wire, codec),`, in the `_wire` tuple


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelView:
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
    class_line: str = ""  # `class Name(Base):`
    wire_block: str = ""  # `_wire: ClassVar[...] = (...)`, the fields' wire entries


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberView:
    name: str
    value_literal: str
    doc_lines: tuple[str, ...]
    assignment: str = ""  # `NAME = "value"`, laid out as black would, indentation included


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumView:
    package: str
    module: str
    class_name: str
    odata_name_literal: str
    doc_lines: tuple[str, ...]
    source: str
    members: tuple[MemberView, ...]
    odata_name_line: str = ""  # `Class.odata_name = "..."`, laid out as black would


@dataclass(frozen=True, slots=True, kw_only=True)
class ArgumentView:
    attr: str  # Python keyword parameter
    wire_literal: str  # the name in the path, as a string literal


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildView:
    """A step from one request builder to the next: a property, `by_id(...)` or a function."""

    kind: str  # "static" | "param" | "function"
    attr: str  # property or method name
    segment_literal: str  # static segment or function name, as a string literal
    arguments: tuple[ArgumentView, ...]  # function arguments
    module: str
    sync_class: str
    async_class: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbView:
    """A documented HTTP method of one path, typed."""

    verb: str  # get | post | patch | put | delete
    http_literal: str
    codec_name: str  # module-level constant holding the response codec
    codec: str  # codec expression
    body_annotation: str | None  # None: the method takes no body
    return_annotation: str
    item_annotation: str | None  # element type when the answer is a collection (adds list_all)
    doc_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildCode:
    """One navigation step of one side (sync or async), laid out as black would (indentation
    included): the method's `def` line(s), its import, for a function the segment it builds, and
    the return statement."""

    kind: str  # "static" | "param" | "function"
    def_lines: str
    import_line: str
    segment_block: str  # "" unless kind == "function"
    return_line: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbCode:
    """One HTTP method of one side, laid out as black would (indentation included)."""

    def_lines: str
    doc_lines: tuple[str, ...]
    send_lines: str  # `result: R = self._send(...)`
    list_def_lines: str  # "" when the answer is not a collection (no list_all)
    list_items_lines: str


@dataclass(frozen=True, slots=True, kw_only=True)
class SideView:
    """The sync or the async class of a builder module."""

    class_line: str  # `class XBuilder(Builder):`
    route_line: str  # `route: ClassVar[str] = "..."`
    children: tuple[ChildCode, ...]
    verbs: tuple[VerbCode, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BuilderView:
    """One module of request builders: the sync and the async class of one path."""

    package: str
    module: str
    sync_class: str
    async_class: str
    route_literal: str
    doc_lines: tuple[str, ...]
    children: tuple[ChildView, ...]
    verbs: tuple[VerbView, ...]
    type_imports: tuple[tuple[str, str], ...]  # models named in annotations
    child_imports: tuple[tuple[str, str, str], ...]  # (module, sync class, async class)
    # laid out as black would (render/layout.py), indentation included:
    import_lines: tuple[str, ...] = ()  # type_imports and child_imports, under TYPE_CHECKING
    all_line: str = ""  # `__all__ = [...]`
    codec_lines: tuple[str, ...] = ()  # per verb `_GET: _rt.Codec | None = ...` (+ `_GET_ITEM`)
    sync: SideView | None = None
    async_: SideView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteView:
    module_literal: str
    static: tuple[
        tuple[str, str], ...
    ]  # (lower-case segment or "name(" literal, child module literal)
    param_literal: str  # child module literal, or "None"
    sync_class_literal: str
    async_class_literal: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientView:
    package: str
    root: BuilderView
    builders: tuple[BuilderView, ...]
    routes: tuple[RouteView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportView:
    name: str
    module: str  # relative module path, e.g. ".models.online_meeting"
    index_literal: str = ""  # "Name .module\n" as a string literal, a line of the lazy index
    import_line: str = ""  # `from module import Name as Name`, laid out as black would


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistryEntryView:
    key_literal: str  # lower-case qualified name
    module_literal: str
    class_literal: str
    entry: str = ""  # `key: (module, class),` laid out as black would, indentation included


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageView:
    package: str
    package_literal: str
    exports: tuple[ExportView, ...]
    model_exports: tuple[ExportView, ...]
    registry: tuple[RegistryEntryView, ...]
    index_block: str = ""  # `_INDEX = ...`, the model_exports' index lines, laid out as black would
