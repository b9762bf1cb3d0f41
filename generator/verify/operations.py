"""Measure how far the generated client's requests are typed as the service answers them.

Every distinct documented (GET or POST, path) of the model is walked through the CSDL: from
an entity set or singleton, through keys (a segment after a collection: `{id}`, or a value
written in, such as `root` or `contoso.com`), properties (structural and navigation, of the
type or its bases, else of a type derived from it), bound functions and actions (`delta()`,
`name(a={a})`, `sendMail`; collection-bound after a collection; bound to the type or a base,
else to a derived type) and casts
(`microsoft.graph.x`). A POST to a collection of entities answers with one member. Paths the
walk cannot type are counted apart, by kind (`$ref`, `$value`, `$count`, colon paths such as
`root:/{item-path}:`, streams (an `Edm.Stream` property, or a type of nothing but streams, such
as the reports functions' `report`), primitive answers, unresolvable). An action the CSDL gives no
return type answers nothing: its method should say `None`.

The other side is read from what the generator writes, not from its plans: the package is
rendered in memory, each path is routed with the `_route` function and `ROUTES` table of the
generated `builders/_routes.py` (as `client.path()` does), and the return annotation of the
sync builder's `get`/`post` is read with `ast`; the class it names is resolved through the
builder's imports and the index of the generated `models/__init__.py`. A request agrees when
the annotation names exactly the CSDL's class with its shape (`Page[X]` for a collection, `X`
for one; `X | None` counts as `X`: the object comes back when asked for). Each miss has a
kind: `Any`, a base or subtype of the class, the class with the other shape, an unrelated
annotation, or no method.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import cast
from urllib.parse import unquote

from generator.diagnostics import Diagnostics
from generator.model import ApiModel
from generator.render import RenderedFile, render_files
from generator.render.naming import read_index_line
from generator.source import SourceSpan
from generator.verify.compare import Ratio
from generator.verify.csdl import Csdl, CsdlOperation, CsdlType

# Why a path is not typed by the CSDL walk, in the order they are reported.
UNTYPED_KINDS = (
    "$ref",
    "$value",
    "$count",
    "colon path",
    "stream",
    "primitive",
    "unresolvable",
)
# How a generated method misses the CSDL's answer, in the order they are reported:
# "no body": the method answers None (its page documents a 202 or 204 without a body) where
# the CSDL names a type; "undocumented type": the CSDL's type is in no page of the docs, so the
# client cannot name it.
MISS_KINDS = (
    "Any",
    "base or subtype",
    "page or single",
    "no body",
    "undocumented type",
    "unrelated",
    "not generated",
)

_PLACEHOLDER = re.compile(r"^\{[^{}]*\}$")
_PLACEHOLDERS = re.compile(r"\{[^{}]*\}")
_CALL = re.compile(r"^([^()]*)\((.*)\)$")
_PARENTHESISED = re.compile(r"\([^()]*\)")
_VERBS = ("GET", "POST")


@dataclass(frozen=True, slots=True)
class Answer:
    """What a request answers: one `type` (qualified, as the CSDL spells it) or a collection;
    None: nothing (an action without a return type)."""

    type: str | None
    collection: bool

    def written(self) -> str:
        if self.type is None:
            return "None"
        return f"Page[{self.type}]" if self.collection else self.type


@dataclass(frozen=True, slots=True)
class Generated:
    """A generated method's return annotation as written, and the class and shape it names
    (`type`: the registry's lower-case qualified name; None when it names no model class)."""

    annotation: str
    type: str | None
    collection: bool


@dataclass(frozen=True, slots=True)
class OperationMiss:
    kind: str
    method: str
    path: str
    expected: Answer
    got: str  # the return annotation, or "no method"
    source: SourceSpan  # the first page that documents the request

    def line(self, prefix: str) -> str:
        return (
            f"{prefix}{self.source}: {self.method} {self.path} answers "
            f"{self.expected.written()} in the CSDL, {self.got} in the client ({self.kind})"
        )


@dataclass(slots=True)
class OperationAgreement:
    typed: Ratio = field(default_factory=Ratio)  # CSDL-typed requests the client types exactly
    untyped: Counter[str] = field(default_factory=Counter)  # requests the walk cannot type
    misses: list[OperationMiss] = field(default_factory=list)

    def by_kind(self) -> dict[str, list[OperationMiss]]:
        grouped: dict[str, list[OperationMiss]] = {kind: [] for kind in MISS_KINDS}
        for miss in self.misses:
            grouped[miss.kind].append(miss)
        return grouped

    def summary(self) -> list[str]:
        misses = ", ".join(f"{kind} {len(found)}" for kind, found in self.by_kind().items())
        untyped = ", ".join(f"{kind} {self.untyped[kind]}" for kind in UNTYPED_KINDS)
        return [
            f"requests typed as the CSDL answers them: {self.typed.written()}",
            f"requests the client misses: {misses}",
            f"requests the CSDL does not type: {sum(self.untyped.values())} ({untyped})",
        ]

    def disagreements(self, docs_prefix: str) -> list[str]:
        prefix = docs_prefix.rstrip("/") + "/" if docs_prefix else ""
        return [m.line(prefix) for found in self.by_kind().values() for m in found]

    def examples(self, docs_prefix: str, each: int = 3) -> list[str]:
        """A few misses of each kind, under a heading with the kind and its count."""
        prefix = docs_prefix.rstrip("/") + "/" if docs_prefix else ""
        lines = []
        for kind, found in self.by_kind().items():
            if found:
                lines.append(f"{kind} ({len(found)}):")
                lines.extend("  " + m.line(prefix) for m in found[:each])
        return lines


def compare_operations(
    model: ApiModel, csdl: Csdl, files: Sequence[RenderedFile] | None = None
) -> OperationAgreement:
    """The requests of `model` against the CSDL; `files`: the rendered package, rendered here
    in memory when not given (about a second for the whole corpus)."""
    if files is None:
        files = render_files(model, "client", Diagnostics())
    walk = CsdlWalk(csdl)
    client = GeneratedClient(files)
    documented = {t.qualified_name.lower() for t in model.types} | {
        e.qualified_name.lower() for e in model.enums
    }
    result = OperationAgreement()
    for (method, path), source in sorted(documented_requests(model).items()):
        expected = walk.answer(method, path)
        if isinstance(expected, str):
            result.untyped[expected] += 1
            continue
        got = client.answer(method, path)
        kind = _miss(expected, got, walk, documented)
        if not result.typed.count(kind is None):
            assert kind is not None
            written = got.annotation if got is not None else "no method"
            miss = OperationMiss(kind, method, path, expected, written, source)
            result.misses.append(miss)
    return result


def documented_requests(model: ApiModel) -> dict[tuple[str, str], SourceSpan]:
    """Each distinct documented (GET or POST, path), with the first page that documents it.

    Paths that differ only in the names of their placeholders (`{id}`, `{user-id}`) or in
    case are one request, as they are one route of the client and of the service; the
    spelling kept is the first in sorted order."""
    spellings: dict[tuple[str, str], tuple[str, str, SourceSpan]] = {}
    for operation in model.operations:
        method = operation.method.upper()
        if method not in _VERBS:
            continue
        for path in operation.paths:
            key = (method, _PLACEHOLDERS.sub("{}", path).lower())
            known = spellings.get(key)
            if known is None or (path, operation.source) < (known[1], known[2]):
                spellings[key] = (method, path, operation.source)
    return {(method, path): source for method, path, source in spellings.values()}


def _miss(
    expected: Answer, got: Generated | None, walk: CsdlWalk, documented: set[str]
) -> str | None:
    if got is None:
        return "not generated"
    if got.annotation == "Any":
        return "Any"
    if expected.type is None:
        return None if got.annotation == "None" else "unrelated"
    if got.type == expected.type.lower():
        return None if got.collection == expected.collection else "page or single"
    if got.type is not None and walk.related(got.type, expected.type):
        return "base or subtype"
    if got.annotation == "None":
        return "no body"
    if expected.type.lower() not in documented:
        return "undocumented type"
    return "unrelated"


@dataclass(frozen=True, slots=True)
class _At:
    """Where a walk is: a type (None: an action that answers nothing) and its shape;
    `members`: a collection of entities a POST adds one to (an entity set or navigation)."""

    type: str | None
    collection: bool
    members: bool = False


class CsdlWalk:
    """Request paths walked through a CSDL's entity container, types and bound operations."""

    def __init__(self, csdl: Csdl) -> None:
        self.types = {q.lower(): t for q, t in csdl.types.items()}
        self.enums = frozenset(q.lower() for q in csdl.enums)
        self.roots: dict[str, _At] = {}
        for name, target in csdl.singletons.items():
            self.roots[name.lower()] = _At(target, False)
        for name, target in csdl.entity_sets.items():
            self.roots[name.lower()] = _At(target, True, members=True)
        self.operations: dict[str, list[CsdlOperation]] = {}
        for operation in csdl.operations:
            self.operations.setdefault(operation.name.lower(), []).append(operation)
            self.operations.setdefault(operation.qualified.lower(), []).append(operation)
        self.derived: dict[str, list[CsdlType]] = {}
        for qualified in sorted(self.types):
            for ancestor in self.ancestors(qualified)[1:]:
                self.derived.setdefault(ancestor, []).append(self.types[qualified])

    def ancestors(self, qualified: str) -> list[str]:
        """The type and its bases, lower-case, nearest first."""
        chain: list[str] = []
        current: str | None = qualified.lower()
        while current is not None and current not in chain:
            chain.append(current)
            found = self.types.get(current)
            current = found.base.lower() if found is not None and found.base else None
        return chain

    def related(self, one: str, other: str) -> bool:
        return one.lower() in self.ancestors(other) or other.lower() in self.ancestors(one)

    def answer(self, method: str, path: str) -> Answer | str:
        """What the service answers to `method` on `path`, or why the CSDL does not say."""
        segments = [s for s in path.split("?", 1)[0].split("/") if s]
        if not segments:
            return "unresolvable"
        if any(":" in _PARENTHESISED.sub("", s) for s in segments):
            return "colon path"
        at: _At | str | None = self.roots.get(segments[0].lower())
        for segment in segments[1:]:
            if not isinstance(at, _At):
                break
            at = self._step(at, segment)
        if at is None:
            at = _special(segments[0]) or "unresolvable"
        if isinstance(at, str):
            return at
        if method == "POST" and at.members:
            return self._typed(Answer(at.type, False))
        return self._typed(Answer(at.type, at.collection))

    def _typed(self, answer: Answer) -> Answer | str:
        if answer.type is None:
            return answer
        name = answer.type.lower()
        if name.startswith("edm.") or name == "microsoft.graph.json":
            return "primitive"  # microsoft.graph.Json is any JSON value
        if name not in self.types and name not in self.enums:
            return "unresolvable"
        if _only_a_stream(self.types.get(name)):
            return "stream"  # microsoft.graph.report: the answer is the content, not JSON
        return answer

    def _step(self, at: _At, segment: str) -> _At | str:
        special = _special(segment)
        if special is not None:
            return special
        if at.type is None or at.type.lower() not in self.types:
            return "unresolvable"  # past an action's end, a primitive or an unknown type
        if at.collection and self.types[at.type.lower()].complex:
            return "unresolvable"  # a collection of complex values has no keys
        if _PLACEHOLDER.match(segment):
            return _At(at.type, False) if at.collection else "unresolvable"
        call = _CALL.match(segment)
        name = call.group(1) if call else segment
        if call is None and name.lower() in self.types:  # a cast
            return _At(self.types[name.lower()].qualified, at.collection, at.members)
        if not at.collection and call is None:
            found = self._property(at.type, name)
            if found is not None:
                return found
        operation = self._operation(at.type, at.collection, name)
        if operation is not None:
            return _At(operation.returns, operation.returns_collection)
        if not at.collection and call is None:
            declared = [
                found
                for derived in self.derived.get(at.type.lower(), [])
                if (found := self._declared(derived, name)) is not None
            ]
            if len(set(declared)) > 1:
                return "unresolvable"  # derived types declare it differently: which one?
            if declared:
                return declared[0]
        if at.collection and call is None:
            return _At(at.type, False)  # a key written as a value: `root`, `contoso.com`
        return "unresolvable"

    def _property(self, qualified: str, name: str) -> _At | str | None:
        for ancestor in self.ancestors(qualified):
            found = self.types.get(ancestor)
            declared = self._declared(found, name) if found is not None else None
            if declared is not None:
                return declared
        return None

    @staticmethod
    def _declared(owner: CsdlType, name: str) -> _At | str | None:
        for prop in owner.properties.values():
            if prop.name.lower() == name.lower():
                if prop.type == "Edm.Stream":
                    return "stream"
                return _At(prop.type, prop.collection, prop.navigation and prop.collection)
        return None

    def _operation(self, qualified: str, collection: bool, name: str) -> CsdlOperation | None:
        """The function or action `name` bound to the type with this shape, or to its nearest
        base, or else to a type derived from it (the docs leave the cast out)."""
        candidates = [
            o for o in self.operations.get(name.lower(), []) if o.binding_collection == collection
        ]
        for ancestor in self.ancestors(qualified):
            for operation in candidates:
                if operation.binding.lower() == ancestor:
                    return operation
        for derived in self.derived.get(qualified.lower(), []):
            for operation in candidates:
                if operation.binding.lower() == derived.qualified.lower():
                    return operation
        return None


def _only_a_stream(found: CsdlType | None) -> bool:
    """A type whose every property is an Edm.Stream (`report` has only `content`): what answers
    is that stream (the reports functions redirect to a CSV file), not a JSON object."""
    if found is None or not found.properties:
        return False
    return all(p.type == "Edm.Stream" for p in found.properties.values())


def _special(segment: str) -> str | None:
    lower = segment.lower()
    return lower if lower in ("$ref", "$value", "$count") else None


class GeneratedClient:
    """The generated package's answer to each request, read from its files."""

    def __init__(self, files: Sequence[RenderedFile]) -> None:
        self.files = {f.path: f.text for f in files}
        self.classes = _registry_classes(self.files["models/__init__.py"])
        routes_text = self.files["builders/_routes.py"]
        self.routes = cast(
            dict[str, tuple[dict[str, str], str | None, str, str]],
            _literal(routes_text, "ROUTES"),
        )
        self.route = _route_function(routes_text, self.routes)
        self.builders: dict[str, dict[str, Generated]] = {}

    def answer(self, method: str, path: str) -> Generated | None:
        """The return annotation of the sync builder method a path routes to; None: none."""
        segments = tuple(s for s in path.split("?", 1)[0].split("/") if s)
        try:
            module = self.route(segments)
        except (KeyError, ValueError):
            return None
        if module is None or module not in self.routes:
            return None
        return self._methods(module).get(method.lower())

    def _methods(self, module: str) -> dict[str, Generated]:
        known = self.builders.get(module)
        if known is not None:
            return known
        tree = ast.parse(self.files.get(f"builders/{module}.py", ""))
        imports: dict[str, str] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("models."):
                where = (node.module or "").removeprefix("models.")
                for alias in node.names:
                    qualified = self.classes.get((where, alias.name))
                    if qualified is not None:
                        imports[alias.asname or alias.name] = qualified
        sync_class = self.routes[module][2]
        found: dict[str, Generated] = {}
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == sync_class:
                for member in node.body:
                    if isinstance(member, ast.FunctionDef) and member.returns is not None:
                        found[member.name] = read_annotation(member.returns, imports)
        self.builders[module] = found
        return found


def read_annotation(annotation: ast.expr, imports: dict[str, str]) -> Generated:
    """A return annotation as the builders write it; `imports`: the names a builder imports
    from the models, each to its type's registry name."""
    written = ast.unparse(annotation)
    node = annotation
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.BitOr)
        and isinstance(node.right, ast.Constant)
        and node.right.value is None
    ):
        node = node.left  # `X | None`: X, when the service is asked to send it back
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.BitOr)
        and isinstance(node.right, ast.Name)
        and node.right.id == "str"
    ):
        node = node.left  # `Enum | str`: an enum, open to values the docs do not list
    collection = False
    if isinstance(node, ast.Subscript) and ast.unparse(node.value).rsplit(".", 1)[-1] in (
        "Page",
        "list",
    ):
        node, collection = node.slice, True
    qualified = imports.get(node.id) if isinstance(node, ast.Name) else None
    return Generated(written, qualified, collection)


def _registry_classes(text: str) -> dict[tuple[str, str], str]:
    """(module, class) -> lower-case qualified name, from the models' `_INDEX` string (a
    line per type: `naming.read_index_line`)."""
    index = cast(str, _literal(text, "_INDEX"))
    classes = {}
    for line in index.split("\n"):
        if line:
            qualified, module, cls = read_index_line(line)
            if qualified is not None:
                classes[(module, cls)] = qualified
    return classes


def _literal(text: str, name: str) -> object:
    """The value of the module-level assignment to `name` (a literal)."""
    for node in ast.parse(text).body:
        target: ast.expr | None = node.target if isinstance(node, ast.AnnAssign) else None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
        value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
        if isinstance(target, ast.Name) and target.id == name and value is not None:
            return ast.literal_eval(value)
    raise ValueError(f"no {name} in the generated module")


_Route = Callable[[tuple[str, ...]], str | None]


def _route_function(text: str, routes: object) -> _Route:
    """The generated `_route` itself (segments -> builder module), run on its own table."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == "_route":
            namespace: dict[str, object] = {
                "ROUTES": routes,
                "ITEM_PATHS": _literal(text, "ITEM_PATHS"),  # where `root:/a/b:` leads
                "unquote": unquote,
            }
            code = compile(ast.Module(body=[node], type_ignores=[]), "builders/_routes.py", "exec")
            exec(code, namespace)  # noqa: S102 - the generator's own output, one function
            return cast(_Route, namespace["_route"])
    raise ValueError("no _route in the generated builders/_routes.py")


__all__ = [
    "MISS_KINDS",
    "UNTYPED_KINDS",
    "Answer",
    "CsdlWalk",
    "Generated",
    "GeneratedClient",
    "OperationAgreement",
    "OperationMiss",
    "compare_operations",
    "documented_requests",
    "read_annotation",
]
