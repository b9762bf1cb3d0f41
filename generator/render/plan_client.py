"""Views of the client: one method per operation, its parameters, paths and types."""

from __future__ import annotations

from generator.model import ApiModel, Operation
from generator.model.paths import placeholders
from generator.render import naming
from generator.render.pytypes import python_type
from generator.render.text import docstring_lines, literal
from generator.render.views import ClientView, OperationView, ParameterView, PathView


def client_view(
    model: ApiModel,
    package: str,
    classes: dict[str, str],
    modules: dict[str, str],
    enums: frozenset[str],
) -> ClientView:
    # an operation named `close` must not replace the client's own methods
    taken = list(_CLIENT_MEMBERS)
    method_names = naming.unique(taken + [_method_name(op) for op in model.operations])[
        len(taken) :
    ]
    imports: set[str] = set()
    operations = []
    for op, method_name in zip(model.operations, method_names, strict=True):
        # a path parameter named `body` or `self` must not repeat a parameter of the method
        params = naming.unique(
            list(_METHOD_PARAMETERS) + [naming.attribute_name(p) for p in op.path_parameters]
        )[len(_METHOD_PARAMETERS) :]
        body = None
        if op.request_type is not None:
            py = python_type(op.request_type, classes, enums)
            imports.update(py.imports)
            body = f"{py.annotation} | Mapping[str, Any]"
        elif op.method in ("POST", "PATCH", "PUT"):
            body = "Mapping[str, Any] | None"
        if op.response_type is not None and op.status != 204:
            py = python_type(op.response_type, classes, enums)
            imports.update(py.imports)
            returns, codec = py.annotation, py.codec or "None"
        else:
            returns, codec = "Any", "None"
        operations.append(
            OperationView(
                method_name=method_name,
                http_method_literal=literal(op.method),
                parameters=tuple(
                    ParameterView(attr=attr, wire_literal=literal(wire))
                    for attr, wire in zip(params, op.path_parameters, strict=True)
                ),
                paths=tuple(
                    PathView(
                        template_literal=literal(path),
                        parameters_literal="("
                        + "".join(literal(n) + ", " for n in placeholders(path))
                        + ")",
                    )
                    for path in op.paths
                ),
                body_annotation=body,
                return_annotation=returns,
                response_codec=codec,
                doc_lines=_operation_doc(op),
            )
        )
    type_imports = tuple(sorted((modules[q], classes[q]) for q in imports))
    return ClientView(
        package=package,
        operations=tuple(operations),
        type_imports=type_imports,
        uses_any=True,
    )


_CLIENT_MEMBERS = ("close", "_request", "_base_url", "_credential", "_http")
_METHOD_PARAMETERS = ("self", "body", "path", "result")


def _method_name(op: Operation) -> str:
    name = naming.snake_case(op.title or op.name)
    return naming.attribute_name(name) if not name[0].isdigit() else "op_" + name


def _operation_doc(op: Operation) -> tuple[str, ...]:
    lines = docstring_lines(op.description or op.title) + [""]
    for path in op.paths:
        lines += docstring_lines(f"{op.method} {path}", width=200)
    return tuple(lines)
