"""Views of model and enum modules: attribute names, annotations, codecs, imports, docs."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import EnumType, StructuredType
from generator.model.lineage import ancestors
from generator.render import layout, naming
from generator.render.pytypes import python_type
from generator.render.text import docstring_lines, literal
from generator.render.views import EnumView, FieldView, MemberView, ModelView


def inherited_names(t: StructuredType, by_name: dict[str, StructuredType]) -> tuple[str, ...]:
    """Wire names of the inherited properties, base first, to keep attribute names unique: all
    that a model's view takes from its bases."""
    chain = list(ancestors(t, by_name))
    return tuple(p.name for base in reversed(chain) for p in base.properties)


def model_view(
    t: StructuredType,
    package: str,
    classes: dict[str, str],
    modules: dict[str, str],
    enums: frozenset[str],
    by_name: dict[str, StructuredType],
    diagnostics: Diagnostics,
    flags: frozenset[str] = frozenset(),
) -> ModelView:
    inherited = list(inherited_names(t, by_name))
    wanted = [naming.attribute_name(p.name) for p in t.properties]
    attrs = naming.unique([naming.attribute_name(w) for w in inherited] + wanted)[len(inherited) :]
    fields = []
    imports: set[str] = set()
    for prop, attr, want in zip(t.properties, attrs, wanted, strict=True):
        if attr != want:
            diagnostics.report(
                "GG040",
                prop.source,
                f"{t.name}.{prop.name} would be `{want}` like another property; named `{attr}`",
            )
        py = python_type(prop.type, classes, enums, flags)
        imports.update(q for q in py.imports if q != t.qualified_name)
        doc = prop.description
        annotation, wire, codec = (
            f"{py.annotation} | None | _rt.Unset",
            literal(prop.name),
            py.codec or "None",
        )
        fields.append(
            FieldView(
                attr=attr,
                wire_literal=wire,
                annotation=annotation,
                codec=codec,
                doc_lines=tuple(docstring_lines(doc)),
                declaration=layout.annotated(4, attr, annotation, "_rt.UNSET"),
                wire_entry=layout.collection_item(8, "(", [literal(attr), wire, codec], ")", ","),
            )
        )
    base_module = modules.get(t.base) if t.base else None
    type_imports = tuple(sorted((modules[q], classes[q]) for q in imports if q != t.base))
    annotations = " ".join(f.annotation for f in fields)
    odata_name = literal(t.qualified_name)
    return ModelView(
        package=package,
        module=modules[t.qualified_name],
        class_name=classes[t.qualified_name],
        odata_name_literal=literal(t.qualified_name),
        base_class=classes[t.base] if t.base else "_rt.GraphModel",
        base_module=base_module,
        doc_lines=tuple(
            docstring_lines(
                t.description or f"The {t.name} {'entity' if t.kind == 'entity' else 'type'}."
            )
        ),
        source=str(t.source),
        fields=tuple(fields),
        type_imports=type_imports,
        uses_datetime="_dt." in annotations,
        uses_any="Any" in annotations.replace("_rt.", ""),
        base_import=(
            layout.import_from(0, f".{base_module}", [classes[t.base]])
            if base_module and t.base
            else ""
        ),
        type_import_lines=tuple(layout.import_from(4, f".{m}", [c]) for m, c in type_imports),
        odata_name_line=layout.annotated(4, "odata_name", "ClassVar[str]", odata_name),
        class_line=layout.class_def(
            0, classes[t.qualified_name], classes[t.base] if t.base else "_rt.GraphModel"
        ),
        wire_block=layout.tuple_assignment(
            4,
            "_wire: ClassVar[tuple[_rt.FieldSpec, ...]]",
            [f"({literal(f.attr)}, {f.wire_literal}, {f.codec})" for f in fields],
            [f.wire_entry for f in fields],
        ),
    )


def enum_view(
    e: EnumType, package: str, classes: dict[str, str], modules: dict[str, str]
) -> EnumView:
    members = naming.unique([naming.member_name(m.name) for m in e.members])
    class_name = classes[e.qualified_name]
    return EnumView(
        package=package,
        module=modules[e.qualified_name],
        class_name=classes[e.qualified_name],
        odata_name_literal=literal(e.qualified_name),
        doc_lines=tuple(docstring_lines(e.description or f"The {e.name} enumeration.")),
        source=str(e.source),
        members=tuple(
            MemberView(
                name=name,
                value_literal=literal(m.name),
                doc_lines=tuple(docstring_lines(m.description)),
                assignment=layout.assignment(4, name, literal(m.name)),
            )
            for m, name in zip(e.members, members, strict=True)
        ),
        odata_name_line=layout.assignment(0, f"{class_name}.odata_name", literal(e.qualified_name)),
    )
