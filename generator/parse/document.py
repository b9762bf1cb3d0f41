"""The document model: what a page says, before any cross-page interpretation.

Everything here is plain data with source locations; `extract/` turns it into the API model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from generator.source import SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class Heading:
    """A markdown heading: its level (1-6) and its title as written."""

    level: int
    title: str
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class Paragraph:
    """A paragraph's inline text, under the headings that enclose it."""

    text: str  # raw inline markdown, links included
    section: tuple[str, ...]  # titles of the enclosing headings, outermost first, lower case
    source: SourceSpan
    quoted: bool = False  # inside a block quote: a `> [!NOTE]` callout or a `> **Note:**` aside


@dataclass(frozen=True, slots=True, kw_only=True)
class TableRow:
    """One body row of a table: its cells, cleaned, in column order."""

    cells: tuple[str, ...]
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """A pipe table read from the raw lines of a paragraph (tables.py), under its headings."""

    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    section: tuple[str, ...]
    heading: str = ""  # the nearest heading as written (section titles are lower case)
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class CodeBlock:
    """A fenced code block, with the annotation comment right above it, if any."""

    info: str  # fence info string, lower case
    text: str
    annotation: dict[str, Any] | None
    section: tuple[str, ...]
    source: SourceSpan  # line of the first content line
    # the docfx tab it is under (`# [C#](#tab/csharp)` .. `---`), lower case; "" outside a tab
    # group. Only the HTTP tab holds the request; the others hold SDK snippets.
    tab: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class TypeCell:
    """A parsed Type column cell. `name` is as written (primitive or type name), never guessed."""

    raw: str
    name: str | None
    collection: bool = False
    link: str | None = None  # link target as written (page, anchor or both)
    # "[a](a.md) or [b](b.md)": every linked alternative, `a` first (the value is one of them)
    alternatives: tuple[tuple[str, str], ...] = ()  # (link text, link target)


@dataclass(frozen=True, slots=True, kw_only=True)
class PropertyRow:
    """A row of a Properties, Relationships or request-body table."""

    name: str
    type: TypeCell
    description: str
    possible_values: tuple[str, ...] = ()
    inherited_from: TypeCell | None = None
    navigation: bool = False
    read_only: bool = False
    # its description says "Required." and not "Optional." (an action's parameter)
    required: bool = False
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class EnumTable:
    """An enum's value table: its name (from the heading) and its members."""

    name: str
    members: tuple[tuple[str, str, int | None, SourceSpan], ...]  # name, description, value, where
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class HttpPath:
    """A request line of an `HTTP request` block: the method and the path."""

    method: str
    path: str  # as written
    normalised: str  # parse/paths.py: no host, version or query; one spelling of alternations
    source: SourceSpan


@dataclass(frozen=True, slots=True, kw_only=True)
class Example:
    """An annotated (or recognised) request or response example and the facts of its body."""

    kind: str  # "request" | "response"
    method: str = ""  # request only
    url: str = ""  # request only, as written
    status: int | None = None  # response only
    body: Any = None  # parsed JSON, or None
    has_body: bool = False
    text: str = ""  # the block as written, to locate values by line
    annotation: dict[str, Any] = field(default_factory=dict)
    source: SourceSpan
    # facts of the body alone, found once here rather than by each build pass (example_facts.py)
    body_json: str | None = None  # the body as compact JSON, for the model's examples
    body_nodes: int = 0  # values in the body (objects, arrays, scalars)
    odata_types: tuple[str, ...] = ()  # `@odata.type` of each object, breadth first, no `#`
    comma_values: tuple[tuple[str, str], ...] = ()  # `"key": "a,b"` pairs, breadth first
    placed: tuple[tuple[str, str], ...] = ()  # response only: (type name, address) of values


@dataclass(frozen=True, slots=True, kw_only=True)
class PageDoc:
    """Everything one page contributes. A page may carry both resource and API parts."""

    path: str
    doc_type: str
    title: str
    source: SourceSpan
    namespace: str = "microsoft.graph"
    description: str = ""
    # resource parts
    resource_name: str | None = None  # qualified name from the resource annotation, or title
    base: TypeCell | None = None
    base_source: SourceSpan | None = None
    # types this page names as deriving from it ("## Derived types", "the base type for [x]")
    derived: tuple[tuple[TypeCell, SourceSpan], ...] = ()
    key_property: str | None = None
    # the Methods table: (API page as linked, return type cell, where) per row that links a page
    methods: tuple[tuple[str, TypeCell, SourceSpan], ...] = ()
    open_type: bool = False
    properties: tuple[PropertyRow, ...] = ()
    resource_json: Any = None
    resource_json_source: SourceSpan | None = None
    enums: tuple[EnumTable, ...] = ()
    # API parts
    http_paths: tuple[HttpPath, ...] = ()
    request_type: TypeCell | None = None
    request_properties: tuple[PropertyRow, ...] = ()
    # a "Function parameters" table: the arguments a function takes in its path
    function_parameters: tuple[PropertyRow, ...] = ()
    # a "Query parameters" table: the parameters some request path writes in its query
    # (`calendarView?startDateTime=..`), beside OData's options
    query_parameters: tuple[PropertyRow, ...] = ()
    # a table of the answer's properties in the Response section, where it names no type
    # (driveitem-preview.md: getUrl, postUrl, postParameters)
    response_properties: tuple[PropertyRow, ...] = ()
    response_status: int | None = None
    response_type: TypeCell | None = None
    response_source: SourceSpan | None = None
    permissions: tuple[tuple[str, str], ...] = ()
    examples: tuple[Example, ...] = ()
    # the Request headers table's Content-Type (`image/jpeg`): what a body of bytes is sent as
    request_content_type: str | None = None
