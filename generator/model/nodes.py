"""Model nodes. Types refer to each other by qualified name (`microsoft.graph.user`);
primitives are `Edm.*` names; `Edm.Untyped` is the explicit fallback for what the docs leave open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.source import SourceSpan

PRIMITIVES = frozenset(
    {
        "Edm.String",
        "Edm.Boolean",
        "Edm.Int16",
        "Edm.Int32",
        "Edm.Int64",
        "Edm.Byte",
        "Edm.SByte",
        "Edm.Single",
        "Edm.Double",
        "Edm.Decimal",
        "Edm.DateTimeOffset",
        "Edm.Date",
        "Edm.TimeOfDay",
        "Edm.Duration",
        "Edm.Guid",
        "Edm.Binary",
        "Edm.Stream",
        "Edm.Untyped",
    }
)


@dataclass(frozen=True, slots=True, kw_only=True, order=True)
class TypeRef:
    """A reference to a type by qualified name (`Edm.*` for primitives), maybe a collection."""

    name: str  # "Edm.String" or "microsoft.graph.itemBody"
    collection: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Property:
    """A property of a structured type, by its wire name."""

    name: str  # wire name
    type: TypeRef
    navigation: bool = False
    read_only: bool = False
    # an action's parameter its table says is required: its request class cannot be made
    # without it (`SendMailRequest(message=...)`)
    required: bool = False
    description: str = ""
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class StructuredType:
    """An entity or complex type, with the properties it declares (not inherited)."""

    name: str  # simple name, e.g. "onlineMeeting"
    namespace: str  # e.g. "microsoft.graph"
    kind: Literal["entity", "complex"]
    base: str | None = None  # qualified name
    open: bool = False
    properties: tuple[Property, ...] = ()
    description: str = ""
    source: SourceSpan

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}"


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumMember:
    """A member of an enum: its wire value, and its number when the docs give one."""

    name: str
    value: int | None = None
    description: str = ""
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumType:
    """An enum; `flags` when its members combine."""

    name: str
    namespace: str
    flags: bool = False
    members: tuple[EnumMember, ...] = ()
    description: str = ""
    source: SourceSpan

    @property
    def qualified_name(self) -> str:
        return f"{self.namespace}.{self.name}"


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    """A request or response example of an operation, its body as JSON text."""

    kind: Literal["request", "response"]
    method: str = ""
    url: str = ""
    status: int | None = None
    body: str | None = None  # JSON text, keys in document order
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class Answer:
    """What the service answers to one path of an operation (extract/attribution.py): a JSON
    `type` (a collection: a page of them), or `empty` (202/204 or a redirect: no JSON body);
    neither when no page and no walk of the path says (`-> Any`); both: the type only when
    asked for (a `Prefer: return=representation` header), else nothing."""

    path: str  # one of the operation's `paths`
    type: TypeRef | None = None
    empty: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Operation:
    """One documented HTTP method of an API page, on every path the page lists."""

    name: str  # stable id derived from the page, e.g. "create-onlinemeetings"
    title: str = ""  # the page's title, e.g. "Create onlineMeetings"
    method: str
    paths: tuple[str, ...]  # normalised templates, "/users/{usersId}/onlineMeetings"
    path_parameters: tuple[str, ...] = ()
    request_type: TypeRef | None = None
    request_content_type: str | None = None  # the page's Content-Type header for the body
    response_type: TypeRef | None = None
    status: int | None = None
    permissions: tuple[tuple[str, str], ...] = ()
    examples: tuple[Example, ...] = ()
    description: str = ""
    source: SourceSpan
    # what each path answers, in the order of `paths`; a path of `paths` is owned by this
    # operation: when several pages document one (method, path), only the winner lists it
    answers: tuple[Answer, ...] = ()
    # an action's request-body parameters (its page names no resource as the body), or a
    # function's parameters (its "Function parameters" table), typed
    parameters: tuple[Property, ...] = ()
    # an action's parameters as one class of the client (`sendMailRequest`), unique among the
    # model's types and the other actions' classes; "" for a function or no parameters
    request_class: str = ""
    # parameters its request paths write in their query (`calendarView?startDateTime=..`), not
    # OData's options, typed by the page's Query parameters table (String when it has none);
    # `required_query`: the names every path of the page writes
    query_parameters: tuple[Property, ...] = ()
    required_query: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ApiModel:
    """The whole API: types, enums and operations, each sorted."""

    types: tuple[StructuredType, ...] = ()
    enums: tuple[EnumType, ...] = ()
    operations: tuple[Operation, ...] = ()
