"""Interpret one page: classify its tables and blocks by the nearest heading, then by shape."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostics
from generator.load import Page
from generator.parse import cells, http
from generator.parse.blocks import Blocks, read_blocks
from generator.parse.document import (
    CodeBlock,
    EnumTable,
    Example,
    HttpPath,
    PageDoc,
    Paragraph,
    PropertyRow,
    Table,
    TypeCell,
)
from generator.parse.lazy_regex import LazyRegex
from generator.parse.primitives import primitive
from generator.parse.tables import read_tables
from generator.source import SourceSpan

_NAME_COLUMNS = {
    "property",
    "relationship",
    "parameter",
    "name",
    "property name",
    "relationship name",
    "query parameter",
}
_ENUM_COLUMNS = {"value", "member", "name", "members", "values"}
_VALUES_HEADING = re.compile(r"^(?:`)?([A-Za-z_][\w.]*)(?:`)?\s+(?:enum\s+)?values$", re.IGNORECASE)
_VALUES_OF_PROPERTY = re.compile(r"^values of (?:the )?`?([A-Za-z_]\w*)`? property$", re.IGNORECASE)
_ENUM_TYPE_HEADING = re.compile(r"^([A-Za-z_][\w.]*)\s+enum(?:\s+type)?$", re.IGNORECASE)
# no two quantifiers here can share a run of spaces or brackets (linear time, bench/hostile.py)
_RESOURCE_TITLE = LazyRegex(
    r"^([A-Za-z_][\w.]*)\s+(?:(?:resource|complex)\s*)?type\b", re.IGNORECASE
)
_LINKED = rf"\[{cells.LINK_TEXT}+\]\({cells.LINK_TARGET}*\)"
_INHERITED = re.compile(rf"inherited from\s+({_LINKED}|\S+)", re.IGNORECASE)
_INHERITS = LazyRegex(
    rf"(?:inherits from|derived from|derives from|extends|subclass (?:of|from)|is a type of)\s+"
    rf"(?:base (?:class|type)\s+)?({_LINKED})",
    re.IGNORECASE,
)
_ENTITY = "microsoft.graph.entity"
_DERIVED = re.compile(  # (?=[db]): the first letters, tried first, a faster scan of long text
    r"(?=[db])(?:derived types|base (?:type|class|resource) for|base class;|base class for)",
    re.IGNORECASE,
)
_MD_LINK = LazyRegex(r"\[[^\]]+\]\([^)\s]+\.md(?:#[^)\s]*)?\)", re.IGNORECASE)
_ELSEWHERE = LazyRegex(r"\b(?:in|of|on|to|by|with)\s+(?:the|an?|this)\b", re.IGNORECASE)
_TYPE_NAME = LazyRegex(r"^[A-Za-z_][\w.]*$")
_STATUS = LazyRegex(r"\b([1-5]\d\d)\s+[A-Z][A-Za-z]+")
# matched against the first line of a paragraph: text may follow without a blank line
_NAMESPACE = re.compile(
    r"^Namespace:\s*`?(microsoft\.graph(?:\.[A-Za-z]\w*)*)`?\s*$", re.IGNORECASE
)
# `[!INCLUDE [permissions-table](../includes/permissions/x-permissions.md)]` (2026 pages)
_INCLUDE = LazyRegex(r"\[!INCLUDE\s*\[[^\[\]]*\]\(([^()\s]+)\)\]", re.IGNORECASE)
_REPRESENTATION = LazyRegex(
    r"JSON representation (?:of|for) (?:the |a |an )?[*`]*([A-Za-z_]\w*)[*`]*\s+(?:object|resource|entity)"
)
# "The message to send. Required." / "Optional. Page number ..."
_REQUIRED = re.compile(r"\brequired\b", re.IGNORECASE)
_OPTIONAL = re.compile(r"\boptional\b", re.IGNORECASE)
_READ_ONLY = re.compile(r"\bread-?only\b", re.IGNORECASE)


def parse_page(page: Page, diagnostics: Diagnostics) -> PageDoc:
    lines = list(page.lines)
    for index in range(page.body_start):
        lines[index] = ""  # keep line numbers; front matter is already read
    blocks = read_blocks(page.path, lines, diagnostics)
    tables = [
        table
        for start, end, section, heading in blocks.text_ranges
        for table in read_tables(page.path, lines, start, end, section, heading)
    ]
    _report_todos(page.path, lines, blocks, diagnostics)
    title = blocks.headings[0].title if blocks.headings else ""
    resource = _resource_annotation(blocks)
    fields: dict[str, Any] = {}
    if resource is not None:
        annotation, block = resource
        fields["resource_name"] = (
            str(annotation.get("@odata.type") or annotation.get("@type") or "") or None
        )
        base = annotation.get("baseType")
        if isinstance(base, str) and base:
            fields["base"] = TypeCell(raw=base, name=base)
            fields["base_source"] = block.source
        key = annotation.get("keyProperty")
        fields["key_property"] = key if isinstance(key, str) else None
        fields["open_type"] = annotation.get("openType") is True
        fields["resource_json"] = _json_or_none(block, diagnostics)
        fields["resource_json_source"] = block.source
    if not fields.get("resource_name"):
        match = _RESOURCE_TITLE.match(title)
        if match and "api" not in page.doc_type:
            fields["resource_name"] = match.group(1)
    if fields.get("resource_name"):
        fields["resource_name"] = _full_name(fields["resource_name"], page.path)
    if "base" not in fields or fields["base"].raw.lower() == _ENTITY:
        # the annotation often says `microsoft.graph.entity` where the text names the real base
        for paragraph in blocks.paragraphs:
            inherits = _INHERITS.search(paragraph.text)
            if inherits and not _in(paragraph, "example", "examples"):
                fields["base"] = cells.type_cell(inherits.group(1))
                fields["base_source"] = paragraph.source
                break
    for paragraph in blocks.paragraphs:
        namespace = _NAMESPACE.match(paragraph.text.split("\n", 1)[0])
        if namespace:
            fields["namespace"] = namespace.group(1)
            break
    if "api" not in page.doc_type:
        fields["derived"] = _derived(blocks.paragraphs, tables)
        fields["methods"] = _methods(tables)
    own = str(fields.get("resource_name") or "").rpartition(".")[2].lower()
    rows = _property_rows(tables, diagnostics, own)
    properties, request_properties, function_parameters, query_parameters, answered = rows
    status, response_type, response_source = _response(blocks.paragraphs)
    return PageDoc(
        path=page.path,
        doc_type=page.doc_type,
        title=title,
        source=SourceSpan(page.path, blocks.headings[0].source.line if blocks.headings else 1),
        description=cells.strip_todo(page.meta.get("description", "")),
        properties=properties,
        enums=_enum_tables(tables, title, properties),
        http_paths=_http_paths(page.path, blocks, diagnostics),
        request_type=_request_type(blocks.paragraphs),
        request_properties=request_properties,
        function_parameters=function_parameters,
        query_parameters=query_parameters,
        response_properties=answered,
        response_status=status,
        response_type=response_type,
        response_source=response_source,
        permissions=_permissions(tables, blocks.paragraphs),
        examples=_examples(blocks.code, diagnostics),
        request_content_type=_request_content_type(tables),
        **fields,
    )


def _derived(
    paragraphs: list[Paragraph], tables: list[Table]
) -> tuple[tuple[TypeCell, SourceSpan], ...]:
    """Links after "the derived types are" / "the base type for", in a "Derived types" section's
    paragraphs, and in the first column of its tables."""
    found: list[tuple[TypeCell, SourceSpan]] = []
    for paragraph in paragraphs:
        if _in(paragraph, "example", "examples"):
            continue
        if "derived types" in paragraph.section:
            start = 0
        else:
            match = _DERIVED.search(paragraph.text)
            if match is None:
                continue
            start = match.end()
        rest = paragraph.text[start:]
        for link in _MD_LINK.finditer(rest):
            if _ELSEWHERE.search(rest[: link.start()]):
                break  # "a base class for apply actions in the [settings](..)": not a derived type
            found.append((cells.type_cell(link.group(0)), paragraph.source))
    for table in tables:
        if "derived types" in table.section:
            for row in table.rows:
                if row.cells and "](" in row.cells[0]:
                    found.append((cells.type_cell(row.cells[0]), row.source))
    return tuple(found)


def _full_name(name: str, path: str) -> str:
    """`identityuserflow.md` declaring `microsoft.graph.UserFlow`: the page's file name keeps the
    prefix the annotation lost, so the type is `microsoft.graph.identityUserFlow`."""
    namespace, dot, simple = name.rpartition(".")
    stem = path.rpartition("/")[2].removesuffix(".md").lower()
    prefix = stem[: -len(simple)] if simple and stem.endswith(simple.lower()) else ""
    if not prefix.isalpha() or not prefix.islower() or not simple[:1].isupper():
        return name
    return f"{namespace}{dot}{prefix}{simple}"


def _in(paragraph: Paragraph | CodeBlock | Table, *titles: str) -> bool:
    return any(title in titles for title in paragraph.section)


def _report_todos(path: str, lines: list[str], blocks: Blocks, diagnostics: Diagnostics) -> None:
    fenced: set[int] = set()
    for block in blocks.code:
        fenced.update(range(block.source.line, block.source.line + block.text.count("\n")))
    for number, line in enumerate(lines, start=1):
        if number not in fenced and cells.has_todo(line):
            diagnostics.report(
                "GG010", SourceSpan(path, number), "TODO placeholder left out of the model"
            )


def _resource_annotation(blocks: Blocks) -> tuple[dict[str, Any], CodeBlock] | None:
    for block in blocks.code:
        annotation = block.annotation or {}
        if str(annotation.get("blockType", "")).lower() == "resource":
            return annotation, block
    return None


def _json_or_none(block: CodeBlock, diagnostics: Diagnostics) -> Any:
    from generator.parse import lenient_json

    try:
        return lenient_json.loads(block.text)
    except lenient_json.LenientJSONError as error:
        diagnostics.report("GG012", block.source, f"resource JSON is not JSON ({error})")
        return None


def _column(header: tuple[str, ...], *names: str) -> int | None:
    lowered = [cells.plain_text(h).lower() for h in header]
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


_Rows = tuple[PropertyRow, ...]


def _property_rows(
    tables: list[Table], diagnostics: Diagnostics, own: str = ""
) -> tuple[_Rows, _Rows, _Rows, _Rows, _Rows]:
    properties: list[PropertyRow] = []
    request: list[PropertyRow] = []
    function: list[PropertyRow] = []  # "## Function parameters": the arguments in the path
    query: list[PropertyRow] = []  # "## Query parameters": those a path writes in its query
    response: list[PropertyRow] = []  # a table of the answer's properties under "## Response"
    for table in tables:
        if not table.header or cells.plain_text(table.header[0]).lower() not in _NAME_COLUMNS:
            continue
        type_index = _column(table.header, "type")
        if type_index is None:
            continue
        description_index = _column(table.header, "description", "notes")
        sections = table.section
        navigation = bool(sections) and sections[-1].startswith("relationship")
        if "request body" in sections or sections[-1:] == ("parameters",):
            # `## Parameters` after the Request body section: driveitem-createuploadsession.md
            target = request
        elif "function parameters" in sections:
            target = function
        elif any(s.endswith("query parameters") for s in sections):
            target = query
        elif sections[-1:] == ("response",):
            target = response
        elif any(
            s.startswith(("properties", "relationship")) or (own and s == f"{own} properties")
            for s in sections
        ):  # "## operationError Properties" too
            target = properties
        else:
            continue
        for row in table.rows:
            if len(row.cells) != len(table.header):
                diagnostics.report(
                    "GG013",
                    row.source,
                    f"row has {len(row.cells)} cells, header has {len(table.header)}",
                )
            name = cells.name_cell(row.cells[0]) if row.cells else ""
            if not name:
                continue
            type_text = row.cells[type_index] if type_index < len(row.cells) else ""
            description = ""
            if description_index is not None and description_index < len(row.cells):
                description = row.cells[description_index]
            inherited = _INHERITED.search(description)
            target.append(
                PropertyRow(
                    name=name,
                    type=cells.type_cell(type_text),
                    description=cells.plain_text(cells.strip_todo(description)),
                    possible_values=cells.possible_values(description),
                    inherited_from=cells.type_cell(inherited.group(1)) if inherited else None,
                    navigation=navigation,
                    read_only=bool(_READ_ONLY.search(description)),
                    required=bool(_REQUIRED.search(description))
                    and not _OPTIONAL.search(description),
                    source=row.source,
                )
            )
    return tuple(properties), tuple(request), tuple(function), tuple(query), tuple(response)


def _enum_tables(
    tables: list[Table], title: str, properties: tuple[PropertyRow, ...] = ()
) -> tuple[EnumTable, ...]:
    found = []
    for table in tables:
        if not table.header or _column(table.header, "type") is not None:
            continue
        if cells.plain_text(table.header[0]).lower().split(" ")[0] not in _ENUM_COLUMNS:
            continue
        name = _enum_name(table.section[:-1] + (table.heading,) if table.section else (), title)
        if name is None and table.section:
            name = _property_enum_name(table.section[-1], properties)
        if name is None:
            continue
        value_index = _column(table.header, "int value", "value") if len(table.header) > 1 else None
        description_index = _column(table.header, "description")
        members = []
        for row in table.rows:
            member = cells.name_cell(row.cells[0]) if row.cells else ""
            if not member:
                continue
            value = None
            if (
                value_index not in (None, 0)
                and value_index is not None
                and value_index < len(row.cells)
            ):
                text = cells.plain_text(row.cells[value_index]).strip()
                value = int(text) if re.fullmatch(r"-?\d{1,18}", text) else None
            description = ""
            if description_index is not None and description_index < len(row.cells):
                description = cells.plain_text(cells.strip_todo(row.cells[description_index]))
            members.append((member, description, value, row.source))
        if members:
            found.append(EnumTable(name=name, members=tuple(members), source=table.source))
    return tuple(found)


def _property_enum_name(heading: str, properties: tuple[PropertyRow, ...]) -> str | None:
    """`### Values of type property` (2026, `resources/recurrencepattern.md`): the values of the
    enum that the page's property `type` is typed with, when its type cell names a type."""
    match = _VALUES_OF_PROPERTY.match(heading)
    if match is None:
        return None
    for row in properties:
        if row.name.lower() == match.group(1).lower() and not row.navigation:
            name = row.type.name
            return name if name and primitive(name) is None else None
    return None


def _enum_name(section: tuple[str, ...], title: str) -> str | None:
    if not section:
        return None
    match = _VALUES_HEADING.match(section[-1])
    if match:
        return match.group(1)
    if section[-1].lower() == "members":
        for outer in reversed(section[:-1]):
            # section titles are lower case; the page title keeps the name's case
            enum = _ENUM_TYPE_HEADING.match(title if outer == title.lower() else outer)
            if enum:
                return enum.group(1)
    enum = _ENUM_TYPE_HEADING.match(section[-1])
    if enum:
        return enum.group(1)
    return None


def _http_paths(path: str, blocks: Blocks, diagnostics: Diagnostics) -> tuple[HttpPath, ...]:
    found: list[HttpPath] = []
    for block in blocks.code:
        if (
            block.section
            # "HTTP requests", "HTTP request (to upload ..)"; an `http` block below it too
            # ("### Get the photo"), not the C# of "### Encoding sharing URLs"
            and (
                block.section[-1].startswith("http request")
                or (
                    any(title.startswith("http request") for title in block.section)
                    and block.info.startswith("http")
                )
            )
            and not _in(block, "examples", "example")
            and _http_tab(block)
        ):
            found.extend(http.syntax_paths(block.text, block.source, diagnostics))
    return tuple(found)


def _http_tab(block: CodeBlock) -> bool:
    """Outside a docfx tab group, or in its HTTP tab (`# [HTTP](#tab/http)`)."""
    return not block.tab or block.tab.startswith("http")


def _asides_last(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The section's own text first, then its block quotes (`> [!NOTE]`): a note about an
    exception ("returns `202 Accepted` when ..") must not speak for the section."""
    return [p for p in paragraphs if not p.quoted] + [p for p in paragraphs if p.quoted]


def _response(paragraphs: list[Paragraph]) -> tuple[int | None, TypeCell | None, SourceSpan | None]:
    for paragraph in _asides_last(paragraphs):
        if not paragraph.section or paragraph.section[-1] != "response":
            continue
        if _in(paragraph, "examples", "example"):
            continue
        status_match = _STATUS.search(paragraph.text)
        if not status_match:
            continue
        status = int(status_match.group(1))
        response_type = None
        after = paragraph.text[status_match.end() :]
        for text, target in cells.links(after):
            if target.endswith(".md") or ".md#" in target:
                collection = bool(re.search(r"collection", after, re.IGNORECASE))
                response_type = TypeCell(
                    raw=text,
                    name=text.strip("*"),
                    collection=collection,
                    link=target,
                    alternatives=_alternatives(after),
                )
                break
        return status, response_type, paragraph.source
    return None, None, None


_ALTERNATIVES = re.compile(
    r"\[([^\]]+)\]\(([^)]+\.md)\)(?:\s*,?\s*(?:or|,)\s*\[[^\]]+\]\([^)]+\.md\))+"
)


def _alternatives(text: str) -> tuple[tuple[str, str], ...]:
    """`a new [ipNamedLocation](..) or [countryNamedLocation](..) object`: every type the
    first linked type is offered with; () when it is alone."""
    match = _ALTERNATIVES.search(text)
    if match is None or match.start() != text.find("["):
        return ()
    return tuple((name.strip("*"), target) for name, target in cells.links(match.group(0)))


def _request_type(paragraphs: list[Paragraph]) -> TypeCell | None:
    """The type a request body is said to represent: a link in the prose of the section, else a
    bare name ("supply a JSON representation for the androidLobApp object"). Links inside the
    section's tables ("Inherited from [mobileApp](..)") are not the request type, nor those of
    prose after a table (it speaks of the table's parameters), nor the links of a note there,
    unless the section has nothing else."""
    after_table: set[tuple[str, ...]] = set()  # sections whose parameter table came already
    for paragraph in _asides_last(paragraphs):
        if not paragraph.section or paragraph.section[-1] != "request body":
            continue
        if paragraph.text.lstrip().startswith("|"):
            after_table.add(paragraph.section)
            continue
        if paragraph.section in after_table and not paragraph.quoted:
            continue  # prose about the table's parameters ("get [printerCapabilities](..)")
        # `[!INCLUDE [table-intro](../../includes/update-property-table-intro.md)]`: prose
        prose = _INCLUDE.sub(" ", paragraph.text) if "[!" in paragraph.text else paragraph.text
        for text, target in cells.links(prose):
            name = text.strip("*").strip("`")
            if not _TYPE_NAME.match(name):
                continue  # "see [roles property values](..)": prose, not a type
            if "resources/" in target or target.endswith(".md"):
                return TypeCell(raw=text, name=name, link=target)
        named = _REPRESENTATION.search(prose)
        if named:
            return TypeCell(raw=named.group(0), name=named.group(1))
    return None


def _methods(tables: list[Table]) -> tuple[tuple[str, TypeCell, SourceSpan], ...]:
    """Rows of a `Method | Return type` table whose first cell links an API page."""
    found = []
    for table in tables:
        if _column(table.header, "method") != 0 or _column(table.header, "return type") != 1:
            continue
        for row in table.rows:
            if len(row.cells) < 2:
                continue
            page = next((t for _, t in cells.links(row.cells[0]) if ".md" in t), None)
            if page is not None and "](" in row.cells[1]:
                found.append((page.partition("#")[0], cells.type_cell(row.cells[1]), row.source))
    return tuple(found)


_NONE = re.compile(r"^(?:not (?:supported|available|applicable)|none)\.?$", re.IGNORECASE)
INCLUDED = "include"  # the permission type of a table kept in an include file


def _permissions(tables: list[Table], paragraphs: list[Paragraph]) -> tuple[tuple[str, str], ...]:
    """Rows of the Permissions table, in page order with `(INCLUDED, path as written)` for each
    `[!INCLUDE [permissions-table](path)]` line there: the include holds the table, which no
    page of the docs set has, so the operation keeps where it is rather than any permission."""
    found: list[tuple[int, tuple[str, str]]] = []
    for table in tables:
        if table.section and table.section[-1] == "permissions":
            # `Permission type | Least privileged permissions | Higher privileged permissions`
            # (the include files' layout): one list from least to most privileged, as the
            # two-column `Permissions (from least to most privileged)` tables have it
            higher = _column(table.header, "higher privileged permissions")
            for row in table.rows:
                if len(row.cells) >= 2 and not cells.has_todo(row.cells[1]):
                    granted = cells.plain_text(row.cells[1])
                    if higher is not None and higher < len(row.cells):
                        more = cells.plain_text(row.cells[higher])
                        if more and not _NONE.match(more) and not cells.has_todo(more):
                            granted = more if _NONE.match(granted) else f"{granted}, {more}"
                    found.append((row.source.line, (cells.plain_text(row.cells[0]), granted)))
    for paragraph in paragraphs:
        if paragraph.section and paragraph.section[-1] == "permissions" and not paragraph.quoted:
            for include in _INCLUDE.finditer(paragraph.text):
                found.append((paragraph.source.line, (INCLUDED, include.group(1))))
    found.sort(key=lambda item: item[0])  # stable: rows of one line keep their order
    return tuple(pair for _, pair in found)


_MEDIA_TYPE = re.compile(r"[A-Za-z0-9][\w.+-]*/[A-Za-z0-9][\w.+-]*")


def _request_content_type(tables: list[Table]) -> str | None:
    """The media type a `Content-Type` row of the Request headers table starts with
    (`image/jpeg. Required.`); None when the page gives none, or only a placeholder."""
    for table in tables:
        if not table.section or table.section[-1] != "request headers":
            continue
        for row in table.rows:
            if len(row.cells) < 2 or cells.plain_text(row.cells[0]).lower() != "content-type":
                continue
            match = _MEDIA_TYPE.match(cells.plain_text(row.cells[1]).lstrip("`*_ "))
            if match:
                return match.group(0).rstrip(".").lower()
    return None


def _examples(code: list[CodeBlock], diagnostics: Diagnostics) -> tuple[Example, ...]:
    found = []
    for block in code:
        if not _http_tab(block):
            continue  # an SDK snippet beside the HTTP tab (`# [C#](#tab/csharp)`), never a request
        annotation = block.annotation or {}
        kind = str(annotation.get("blockType", "")).lower()
        if kind not in ("request", "response"):
            if annotation or not _in(block, "examples", "example", "request", "response"):
                continue
            if http.looks_like_request(block.text):
                kind = "request"
            elif http.looks_like_response(block.text):
                kind = "response"
            else:
                continue
        found.append(http.parse_example(kind, block.text, annotation, block.source, diagnostics))
    return tuple(found)
