"""The public surface of generated files: classes with their typed properties, enums with their
members, client operations with their signatures. Read with libcst, never imported."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import libcst as cst

from generator.report.routes import RouteTree


@dataclass(slots=True)
class TypeSurface:
    """What users' code can name of one generated class or enum: its base and members."""

    name: str
    kind: str  # "type" | "enum"
    base: str
    members: dict[str, str] = field(default_factory=dict)  # property -> annotation, member -> value


@dataclass(slots=True)
class Surface:
    """What users' code can name of a generated package."""

    types: dict[str, TypeSurface] = field(default_factory=dict)  # class name -> surface
    operations: dict[str, str] = field(default_factory=dict)  # method -> signature


_MODULE = cst.Module(body=[])


def _code(node: cst.CSTNode) -> str:
    return " ".join(_MODULE.code_for_node(node).split())


def _class_surface(node: cst.ClassDef) -> TypeSurface:
    bases = [_code(b.value) for b in node.bases]
    is_enum = "Enum" in bases
    surface = TypeSurface(node.name.value, "enum" if is_enum else "type", ", ".join(bases))
    for statement in node.body.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
                name = small.target.value
                annotation = _code(small.annotation.annotation)
                if not name.startswith("_") and not annotation.startswith("ClassVar"):
                    surface.members[name] = annotation
            elif is_enum and isinstance(small, cst.Assign) and len(small.targets) == 1:
                target = small.targets[0].target
                if isinstance(target, cst.Name) and not target.value.startswith("_"):
                    surface.members[target.value] = _code(small.value)
    return surface


def _signature(node: cst.FunctionDef) -> str:
    params = _code(node.params)
    returns = _code(node.returns.annotation) if node.returns is not None else "None"
    return f"({params}) -> {returns}"


_VERBS = ("get", "post", "patch", "put", "delete")


def _module_of(node: cst.ClassDef, path: str) -> str:
    """The builder module a class belongs to, as the routes table names it: its `route` class
    variable, else the file's name."""
    for statement in node.body.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if (
                    isinstance(small, cst.AnnAssign)
                    and isinstance(small.target, cst.Name)
                    and small.target.value == "route"
                    and isinstance(small.value, cst.SimpleString)
                ):
                    value = small.value.evaluated_value
                    if isinstance(value, str):
                        return value
    return path[len("builders/") : -len(".py")]


def _route_in_docstring(node: cst.ClassDef) -> str:
    """The path an older gen-graph's builder class names in its docstring ("Requests to
    /users/{id}"), for output without a routes table."""
    doc = node.get_docstring() or ""
    for line in doc.splitlines():
        if line.startswith("Requests to "):
            return line[len("Requests to ") :].strip()
    return node.name.value


def read_surface(files: Mapping[str, str], routes: RouteTree | None = None) -> Surface:
    """The surface of the given files (relative path -> text); unparsable files are skipped.
    An operation is named by its method and the path of its builder module, read from `routes`
    (data: the routes table and the segments builders pass on); only a module whose path the
    tree cannot tell (output of an older gen-graph, or a tree not given) is named by its
    docstring."""
    surface = Surface()
    for path, text in sorted(files.items()):
        if not path.endswith(".py"):
            continue
        try:
            module = cst.parse_module(text)
        except cst.ParserSyntaxError:
            continue
        for statement in module.body:
            if not isinstance(statement, cst.ClassDef):
                continue
            if path.startswith("models/"):
                surface.types[statement.name.value] = _class_surface(statement)
            elif (
                path.startswith("builders/")
                and not path.startswith("builders/_")
                and not statement.name.value.startswith(("Async", "Batch"))
            ):  # the async and batch-bound classes repeat the sync one's operations
                # each documented HTTP method of a path is one operation: "GET /users/{id}"
                builder = _module_of(statement, path)
                route = routes.path(builder) if routes is not None else None
                if route is None:
                    route = _route_in_docstring(statement)
                for item in statement.body.body:
                    if isinstance(item, cst.FunctionDef) and item.name.value in _VERBS:
                        key = f"{item.name.value.upper()} {route}"
                        surface.operations[key] = _signature(item)
    return surface
