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


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberView:
    name: str
    value_literal: str
    doc_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumView:
    package: str
    module: str
    class_name: str
    odata_name_literal: str
    doc_lines: tuple[str, ...]
    source: str
    members: tuple[MemberView, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ParameterView:
    attr: str
    wire_literal: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PathView:
    template_literal: str
    parameters_literal: str  # a tuple literal of the wire names the path needs


@dataclass(frozen=True, slots=True, kw_only=True)
class OperationView:
    method_name: str
    http_method_literal: str
    parameters: tuple[ParameterView, ...]
    paths: tuple[PathView, ...]
    body_annotation: str | None  # None when the operation takes no body
    return_annotation: str
    response_codec: str  # codec expression or "None"
    doc_lines: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientView:
    package: str
    operations: tuple[OperationView, ...]
    type_imports: tuple[tuple[str, str], ...]
    uses_any: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class ExportView:
    name: str
    module: str  # relative module path, e.g. ".models.online_meeting"
    index_literal: str = ""  # "Name .module\n" as a string literal, a line of the lazy index


@dataclass(frozen=True, slots=True, kw_only=True)
class RegistryEntryView:
    key_literal: str  # lower-case qualified name
    module_literal: str
    class_literal: str


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageView:
    package: str
    package_literal: str
    exports: tuple[ExportView, ...]
    model_exports: tuple[ExportView, ...]
    registry: tuple[RegistryEntryView, ...]
