"""The path each builder module serves, read from data in the generated code, never from prose.

`builders/_routes.py` holds the tree of paths as data: module -> (static children by lower-case
segment, or `name(` for a function; the parameter child; sync class; async class). The spelling
the docs use is in the parent builder module, in what it passes its child:
`self._segments + ("onlineMeetings",)`, `_paths.segment("id", id)` (written `{id}`), or the
`segment = _paths.function_segment("getSchedule", ...)` of a function (written `getSchedule()`).
So the path of a module is its parent's path plus that segment, as the builder's docstring
("Requests to /users/{id}/onlineMeetings") says it too: a docstring edit cannot change it.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping

ROUTES_FILE = "builders/_routes.py"
ROOT = "root"


def _routes_table(text: str) -> dict[str, tuple[dict[str, str], str | None, str]] | None:
    """module -> (static children, parameter child, sync class), from `ROUTES = {...}`; None
    when the text holds no such table."""
    try:
        module = ast.parse(text)
    except SyntaxError:
        return None
    for statement in module.body:
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and statement.target.id == "ROUTES"
            and statement.value is not None
        ):
            try:
                table = ast.literal_eval(statement.value)
            except ValueError:
                return None
            if not isinstance(table, dict):
                return None
            out = {}
            for name, entry in table.items():
                if not (isinstance(entry, tuple) and len(entry) == 4):
                    return None
                static, param, sync_class, _ = entry
                if not (
                    isinstance(static, dict)
                    and all(isinstance(c, str) for c in static.values())
                    and (param is None or isinstance(param, str))
                    and isinstance(sync_class, str)
                ):
                    return None
                out[name] = (static, param, sync_class)
            return out
    return None


def _segments_passed(text: str) -> dict[str, str]:
    """What a builder module passes each child, by the child's class (sync or async): the
    segment as the docs spell it."""
    try:
        module = ast.parse(text)
    except SyntaxError:
        return {}
    found: dict[str, str] = {}
    for node in ast.walk(module):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        function_name = None
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and isinstance(statement.value, ast.Call)
                and _called(statement.value) == "function_segment"
                and statement.value.args
                and isinstance(statement.value.args[0], ast.Constant)
            ):
                function_name = statement.value.args[0].value
            elif (
                isinstance(statement, ast.Return)
                and isinstance(statement.value, ast.Call)
                and isinstance(statement.value.func, ast.Name)
                and len(statement.value.args) == 2
            ):
                segment = _added_segment(statement.value.args[1], function_name)
                if segment is not None:
                    found[statement.value.func.id] = segment
    return found


def _called(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _added_segment(node: ast.expr, function_name: object) -> str | None:
    """The segment of `self._segments + (segment,)`."""
    if not (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add)
        and isinstance(node.right, ast.Tuple)
        and len(node.right.elts) == 1
    ):
        return None
    segment = node.right.elts[0]
    if isinstance(segment, ast.Constant) and isinstance(segment.value, str):
        return segment.value
    if isinstance(segment, ast.Call) and _called(segment) == "segment":
        return "{id}"
    if isinstance(segment, ast.Name) and isinstance(function_name, str):
        return function_name + "()"
    return None


class RouteTree:
    """The paths of the builder modules among some generated files (relative path -> text),
    looked up in `files`, then in `more`. Files are parsed only when a path needs them."""

    def __init__(self, files: Mapping[str, str], more: Mapping[str, str] | None = None) -> None:
        self._files, self._more = files, more or {}
        self._parents: dict[str, tuple[str, str]] | None = None  # module -> (parent, its class)
        self._passed: dict[str, dict[str, str]] = {}
        self._paths: dict[str, str | None] = {ROOT: "/"}

    def _text(self, path: str) -> str | None:
        found = self._files.get(path)
        return found if found is not None else self._more.get(path)

    def _parent_of(self, module: str) -> tuple[str, str] | None:
        if self._parents is None:
            self._parents = {}
            text = self._text(ROUTES_FILE)
            table = (_routes_table(text) if text is not None else None) or {}
            for parent, (static, param, _) in table.items():
                for child in [*static.values(), *([param] if param else [])]:
                    if child in table:
                        self._parents[child] = (parent, table[child][2])
        return self._parents.get(module)

    def path(self, module: str) -> str | None:
        """The path of a builder module ("/users/{id}"); None when the files do not tell (no
        routes table, or a module on the way is missing)."""
        if module in self._paths:
            return self._paths[module]
        found = None
        parent = self._parent_of(module)
        if parent is not None:
            parent_module, child_class = parent
            passed = self._passed.get(parent_module)
            if passed is None:
                text = self._text(f"builders/{parent_module}.py")
                passed = self._passed[parent_module] = (
                    _segments_passed(text) if text is not None else {}
                )
            segment = passed.get(child_class)
            above = self.path(parent_module) if segment is not None else None
            if above is not None and segment is not None:
                found = above.rstrip("/") + "/" + segment
        self._paths[module] = found
        return found
