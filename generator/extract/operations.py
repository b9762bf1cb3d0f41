"""One operation per (page, method), with every path of the page's syntax blocks."""

from __future__ import annotations

import posixpath
import re

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.model import Example, Operation, Property, TypeRef
from generator.model.paths import placeholders
from generator.parse import PageDoc
from generator.parse.document import Example as ExampleDoc
from generator.parse.document import PropertyRow, TypeCell

_BODY_METHODS = ("POST", "PATCH", "PUT")


def build_operations(
    docs: list[PageDoc], found: Declarations, diagnostics: Diagnostics
) -> list[Operation]:
    operations = []
    for doc in docs:
        if not doc.http_paths:
            if "api" in doc.doc_type:
                diagnostics.report("GG015", doc.source, "API page has no HTTP request block")
            continue
        methods: dict[str, list[str]] = {}
        first = doc.http_paths[0].source
        for item in reversed(doc.http_paths):
            if not example_form(item.path):
                first = item.source  # the first request line that is an endpoint
        for item in doc.http_paths:
            if example_form(item.path):
                continue  # `GET /me?$expand=manager`: an example of `/me`, not an endpoint
            paths = methods.setdefault(item.method, [])
            path = item.normalised
            if path not in paths:
                paths.append(path)
        stem = posixpath.splitext(posixpath.basename(doc.path))[0].lower()
        examples = tuple(_example(e) for e in doc.examples)  # one page, one set for its methods
        for method, paths in methods.items():
            parameters: list[str] = []
            for path in paths:
                for name in placeholders(path):
                    if name not in parameters:
                        parameters.append(name)
            response = _response_type(doc, found, diagnostics)
            request = None
            if method in _BODY_METHODS and doc.request_type is not None:
                resolved = found.index.resolve(doc.request_type, doc.path)
                request = TypeRef(name=resolved) if resolved else None
            rows: tuple[PropertyRow, ...] = ()
            if method == "POST" and doc.request_type is None:
                rows = doc.request_properties  # an action's parameters, or a body's properties
            elif method == "GET" and any("(" in path for path in paths):
                rows = doc.function_parameters
            query, required = _query_parameters(doc, method, found)
            status = doc.response_status or _example_status(doc)
            if status is None:
                diagnostics.report("GG027", doc.source, "response status not found")
            operations.append(
                Operation(
                    name=stem if len(methods) == 1 else f"{stem}-{method.lower()}",
                    title=doc.title,
                    method=method,
                    paths=tuple(paths),
                    path_parameters=tuple(parameters),
                    request_type=request,
                    request_content_type=doc.request_content_type,
                    response_type=response,
                    status=status,
                    permissions=doc.permissions,
                    examples=examples,
                    description=doc.description,
                    source=first,
                    parameters=_parameters(rows, doc, found),
                    query_parameters=query,
                    required_query=required,
                )
            )
    return operations


_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


def _query_parameters(
    doc: PageDoc, method: str, found: Declarations
) -> tuple[tuple[Property, ...], tuple[str, ...]]:
    """The parameters the page's `method` paths write in their query that are not OData's
    options (`calendarView?startDateTime={start}&endDateTime={end}`), typed by its Query
    parameters table, and the names every one of those paths writes."""
    written: list[set[str]] = []  # the lower-case names each path writes
    first: dict[str, tuple[str, str]] = {}  # lower name -> (as first written, its value there)
    for item in doc.http_paths:
        if item.method != method or example_form(item.path):
            continue
        here = set()
        for pair in item.path.partition("?")[2].split("&"):
            name, _, value = (part.strip() for part in pair.partition("="))
            if _IDENTIFIER.match(name) and not _is_option(name):
                here.add(name.lower())
                first.setdefault(name.lower(), (name, value))
        written.append(here)
    if not first:
        return (), ()
    rows = {row.name.strip("_*").lower(): row for row in doc.query_parameters}
    typed = []
    for lower, (name, value) in first.items():
        row = rows.get(lower)
        resolved = found.index.resolve(row.type, doc.path) if row is not None else None
        if resolved is None and value in ("true", "false"):
            resolved = "Edm.Boolean"  # `?includeHiddenFolders=true`, and no table
        typed.append(
            Property(
                name=name,
                type=TypeRef(name=resolved or "Edm.String"),
                description=row.description if row is not None else "",
                source=row.source if row is not None else doc.source,
            )
        )
    every = set.intersection(*written)
    return tuple(typed), tuple(name for lower, (name, _) in first.items() if lower in every)


def _is_option(name: str) -> bool:
    """An OData option: any `$` name (`$id` of a `$ref` DELETE too), or one Graph reads
    without its `$`."""
    return name.startswith("$") or name.lower() in _BARE_OPTIONS


def _parameters(
    rows: tuple[PropertyRow, ...], doc: PageDoc, found: Declarations
) -> tuple[Property, ...]:
    """The rows of a request-body or function-parameter table, typed (`Edm.Untyped` when the
    type cell names nothing known), each name once; required where its row says so (parse/page.py).
    """
    parameters: list[Property] = []
    seen: set[str] = set()
    for row in rows:
        if row.name.lower() in seen:
            continue
        seen.add(row.name.lower())
        resolved = found.index.resolve(row.type, doc.path) or "Edm.Untyped"
        parameters.append(
            Property(
                name=row.name,
                type=TypeRef(name=resolved, collection=row.type.collection),
                required=row.required,
                description=row.description,
                source=row.source,
            )
        )
    return tuple(parameters)


# OData query options that shape what an endpoint answers; a path written with only these is
# an example of the endpoint (`?$id=` names what a `$ref` DELETE removes: not one of them)
_QUERY_OPTIONS = frozenset(
    {
        "$expand",
        "$select",
        "$filter",
        "$top",
        "$skip",
        "$orderby",
        "$search",
        "$count",
        "$format",
        "$skiptoken",
        "$deltatoken",
    }
)
# OData's options Graph reads without their `$` too (`expand=`); `format=` is not one of them:
# it names what `/content?format=pdf` converts to
_BARE_OPTIONS = frozenset(
    {"expand", "select", "filter", "top", "skip", "orderby", "search", "count"}
)


def example_form(written: str) -> bool:
    """A request path written with a query string of OData options only (`/me?$expand=manager`,
    `/users/{id}/messages?$filter=...`): the page's example of an existing endpoint, which never
    creates or takes over one. Other parameters (`calendarView?startDateTime=...`) are part of
    the endpoint."""
    if "?" not in written:
        return False
    query = written.split("?", 1)[1].strip()
    names = [pair.split("=", 1)[0].strip().lower() for pair in query.split("&") if pair.strip()]
    return bool(names) and all(name in _QUERY_OPTIONS for name in names)


def _response_type(doc: PageDoc, found: Declarations, diagnostics: Diagnostics) -> TypeRef | None:
    cell: TypeCell | None = doc.response_type
    if cell is not None:
        resolved = found.index.resolve(cell, doc.path)
        if resolved is not None:
            return TypeRef(name=resolved, collection=cell.collection)
        diagnostics.report(
            "GG020",
            doc.response_source or doc.source,
            f"response type {cell.raw!r} cannot be resolved",
        )
    for example in doc.examples:
        named = example.annotation.get("@odata.type") if example.kind == "response" else None
        if isinstance(named, str):
            resolved = found.index.lookup(named)
            if resolved is not None:
                return TypeRef(
                    name=resolved, collection=example.annotation.get("isCollection") is True
                )
    return None


def _example_status(doc: PageDoc) -> int | None:
    for example in doc.examples:
        if example.kind == "response" and example.status is not None:
            return example.status
    return None


def _example(example: ExampleDoc) -> Example:
    return Example(
        kind="request" if example.kind == "request" else "response",
        method=example.method,
        url=example.url,
        status=example.status,
        body=example.body_json,
        source=example.source,
    )
