"""Turn the model into view objects: names, annotations, imports, literals, docstrings."""

from __future__ import annotations

from dataclasses import dataclass

from generator.diagnostics import Diagnostics
from generator.model import ApiModel, Operation, StructuredType
from generator.model.paths import placeholders
from generator.render import naming
from generator.render.pytypes import python_type
from generator.render.text import docstring_lines, literal
from generator.render.views import (
    ClientView,
    EnumView,
    ExportView,
    FieldView,
    MemberView,
    ModelView,
    OperationView,
    PackageView,
    ParameterView,
    PathView,
    RegistryEntryView,
)


@dataclass(frozen=True, slots=True)
class Plan:
    models: tuple[ModelView, ...]
    enums: tuple[EnumView, ...]
    client: ClientView
    package: PackageView


def plan_views(model: ApiModel, package: str, diagnostics: Diagnostics) -> Plan:
    names = [(t.qualified_name, naming.class_name(t.name, t.namespace)) for t in model.types]
    names += [(e.qualified_name, naming.class_name(e.name, e.namespace)) for e in model.enums]
    names.sort(key=lambda pair: pair[0].lower())
    unique_classes = naming.unique([cls for _, cls in names])
    classes = {qualified: cls for (qualified, _), cls in zip(names, unique_classes, strict=True)}
    modules = {qualified: naming.module_name(cls) for qualified, cls in classes.items()}
    enums = frozenset(e.qualified_name for e in model.enums)
    by_name = {t.qualified_name: t for t in model.types}

    model_views = tuple(
        _model_view(t, package, classes, modules, enums, by_name, diagnostics) for t in model.types
    )
    enum_views = tuple(
        EnumView(
            package=package,
            module=modules[e.qualified_name],
            class_name=classes[e.qualified_name],
            odata_name_literal=literal(e.qualified_name),
            doc_lines=tuple(docstring_lines(e.description or f"The {e.name} enumeration.")),
            source=str(e.source),
            members=tuple(
                MemberView(name=name, value_literal=literal(m.name), doc_lines=tuple(docstring_lines(m.description)))
                for m, name in zip(
                    e.members, naming.unique([naming.member_name(m.name) for m in e.members]), strict=True
                )
            ),
        )
        for e in model.enums
    )
    client = _client_view(model, package, classes, modules, enums)
    exports = tuple(
        ExportView(name=classes[q], module=f".models.{modules[q]}") for q in sorted(classes, key=str.lower)
    )
    package_view = PackageView(
        package=package,
        package_literal=literal(package),
        exports=exports + (ExportView(name="Client", module=".client"),),
        model_exports=tuple(ExportView(name=e.name, module="." + e.module.split(".")[-1]) for e in exports),
        registry=tuple(
            RegistryEntryView(
                key_literal=literal(q.lower()),
                module_literal=literal(modules[q]),
                class_literal=literal(classes[q]),
            )
            for q in sorted(classes, key=str.lower)
        ),
    )
    return Plan(model_views, enum_views, client, package_view)


def _all_properties(t: StructuredType, by_name: dict[str, StructuredType]) -> list[str]:
    """Wire names of the inherited properties, base first, to keep attribute names unique."""
    chain = []
    current = by_name.get(t.base or "")
    while current is not None and len(chain) < 64:
        chain.append(current)
        current = by_name.get(current.base or "")
    return [p.name for base in reversed(chain) for p in base.properties]


def _model_view(
    t: StructuredType,
    package: str,
    classes: dict[str, str],
    modules: dict[str, str],
    enums: frozenset[str],
    by_name: dict[str, StructuredType],
    diagnostics: Diagnostics,
) -> ModelView:
    inherited = _all_properties(t, by_name)
    wanted = [naming.attribute_name(p.name) for p in t.properties]
    attrs = naming.unique([naming.attribute_name(w) for w in inherited] + wanted)[len(inherited) :]
    fields = []
    imports: set[str] = set()
    for prop, attr, want in zip(t.properties, attrs, wanted, strict=True):
        if attr != want:
            diagnostics.report(
                "GG040", prop.source, f"{t.name}.{prop.name} would be `{want}` like another property; named `{attr}`"
            )
        py = python_type(prop.type, classes, enums)
        imports.update(q for q in py.imports if q != t.qualified_name)
        doc = prop.description
        fields.append(
            FieldView(
                attr=attr,
                wire_literal=literal(prop.name),
                annotation=f"{py.annotation} | None | _rt.Unset",
                codec=py.codec or "None",
                doc_lines=tuple(docstring_lines(doc)),
            )
        )
    base_module = modules.get(t.base) if t.base else None
    type_imports = tuple(sorted((modules[q], classes[q]) for q in imports if q != t.base))
    annotations = " ".join(f.annotation for f in fields)
    return ModelView(
        package=package,
        module=modules[t.qualified_name],
        class_name=classes[t.qualified_name],
        odata_name_literal=literal(t.qualified_name),
        base_class=classes[t.base] if t.base else "_rt.GraphModel",
        base_module=base_module,
        doc_lines=tuple(docstring_lines(t.description or f"The {t.name} {'entity' if t.kind == 'entity' else 'type'}.")),
        source=str(t.source),
        fields=tuple(fields),
        type_imports=type_imports,
        uses_datetime="_dt." in annotations,
        uses_any="Any" in annotations.replace("_rt.", ""),
    )


def _client_view(
    model: ApiModel, package: str, classes: dict[str, str], modules: dict[str, str], enums: frozenset[str]
) -> ClientView:
    method_names = naming.unique([_method_name(op) for op in model.operations])
    imports: set[str] = set()
    operations = []
    for op, method_name in zip(model.operations, method_names, strict=True):
        params = naming.unique([naming.attribute_name(p) for p in op.path_parameters])
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
                        parameters_literal="(" + "".join(literal(n) + ", " for n in placeholders(path)) + ")",
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


def _method_name(op: Operation) -> str:
    name = naming.snake_case(op.title or op.name)
    return naming.attribute_name(name) if not name[0].isdigit() else "op_" + name


def _operation_doc(op: Operation) -> tuple[str, ...]:
    lines = docstring_lines(op.description or op.title) + [""]
    for path in op.paths:
        lines += docstring_lines(f"{op.method} {path}", width=200)
    return tuple(lines)
