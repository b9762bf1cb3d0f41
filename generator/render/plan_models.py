"""Views of model and enum modules: attribute names, annotations, codecs, imports, docs."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.model import EnumType, StructuredType
from generator.model.lineage import ancestors
from generator.render import layout, naming
from generator.render.codecs import ModuleCodecs, copy_codec, is_lazy
from generator.render.pytypes import python_type
from generator.render.text import docstring_lines, literal, tuple_display
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
    codecs = ModuleCodecs()
    lazy: list[tuple[str, str]] = []  # (attribute, codec) of the properties decoded on first read
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
        named = codecs.codec(prop.type, classes, enums, flags)
        slot = codecs.slot(classes[t.qualified_name], attr) if is_lazy(prop.type) else ""
        if slot:
            lazy.append((attr, named or "None"))
        # JSON that can change in place is copied when read (and written as it is)
        copied = copy_codec(prop.type, classes) or named
        fields.append(
            FieldView(
                attr=attr,
                wire_literal=wire,
                annotation=annotation,
                codec=codec,
                doc_lines=tuple(docstring_lines(doc)),
                # required: no default, so that a type checker asks for it (what `from_dict`
                # reads may still lack it: the annotation stays the same)
                declaration=(
                    f"    {attr}: {annotation}"
                    if prop.required
                    else layout.annotated(4, attr, annotation, "_rt.UNSET")
                ),
                wire_entry=layout.collection_item(8, "(", [literal(attr), wire], ")", ","),
                decode_line=(
                    layout.expression(
                        8, f"{slot}.put(self, (data[{wire}],) if {wire} in data else u)"
                    )
                    if slot
                    else _decode_line(attr, wire, copied)
                ),
                encode_lines=(
                    layout.expression(8, f"{slot}.write(self, out)")
                    if slot
                    else _encode_lines(attr, wire, named)
                ),
            )
        )
    base_module = modules.get(t.base) if t.base else None
    type_imports = tuple(sorted((modules[q], classes[q]) for q in imports if q != t.base))
    annotations = " ".join(f.annotation for f in fields)
    odata_name = literal(t.qualified_name)
    base_name = classes[t.base] if t.base else ""
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
        uses_any=bool(fields) or "Any" in annotations.replace("_rt.", ""),
        base_import=(
            layout.import_from(0, f".{base_module}", [classes[t.base]])
            if base_module and t.base
            else ""
        ),
        type_import_lines=tuple(layout.import_from(4, f".{m}", [c]) for m, c in type_imports),
        odata_name_line=layout.annotated(4, "odata_name", "ClassVar[str]", odata_name),
        required_line=_required_line([f.attr for f, p in zip(fields, t.properties) if p.required]),
        class_line=layout.class_def(
            0, classes[t.qualified_name], classes[t.base] if t.base else "_rt.GraphModel"
        ),
        wire_block=layout.tuple_assignment(
            4,
            "_wire: ClassVar[tuple[_rt.FieldSpec, ...]]",
            [f"({literal(f.attr)}, {f.wire_literal})" for f in fields],
            [f.wire_entry for f in fields],
        ),
        codec_lines=tuple(
            layout.expression(0, expression, "", f"{name} = ")
            for name, expression in codecs.constants.items()
        ),
        base_read_line=_base_read_line(t, base_name),
        base_write_line=f"        {base_name}._write(self, out)" if base_name else "",
        uses_mapping=bool(fields),
        lazy_block=(
            layout.tuple_assignment(
                4,
                "_lazy: ClassVar[tuple[_rt.LazySpec, ...]]",
                [f"({literal(a)}, {c})" for a, c in lazy],
                [layout.collection_item(8, "(", [literal(a), c], ")", ",") for a, c in lazy],
            )
            if lazy
            else ""
        ),
        slot_lines=tuple(
            layout.expression(0, expression, "", f"{name} = ")
            for name, expression in codecs.slots.items()
        ),
    )


def _decode_line(attr: str, wire: str, codec: str | None) -> str:
    """The statement of `_read` that sets one property: UNSET when `data` lacks it."""
    value = f"data[{wire}]" if codec is None else f"{codec}.decode(data[{wire}])"
    return layout.conditional_assignment(8, f"self.{attr}", value, f"{wire} in data", "u")


def _encode_lines(attr: str, wire: str, codec: str | None) -> str:
    """The statements of `_write` that add one property to `out` when it is set."""
    value = "v" if codec is None else f"{codec}.encode(v)"
    test = layout.walrus_if(8, "v", f"self.{attr}", " is not u")
    return test + "\n" + layout.expression(12, value, "", f"out[{wire}] = ")


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


def _base_read_line(t: StructuredType, base_name: str) -> str:
    """The first statement of `_read`: the base's `_read`; in a root entity, remembering what
    was read, at any depth (`changes()`: an entity can be patched on its own; a complex value
    is compared through the entity or top-level object holding it, which costs nothing for
    the many nested complex values a response has)."""
    if base_name:
        return f"        {base_name}._read(self, data)"
    return "        self._state = data" if t.kind == "entity" else ""


def _required_line(attrs: list[str]) -> str:
    """`_required: ClassVar[tuple[str, ...]] = ("message",)`: the keywords the class cannot be
    made without (GraphModel.__init__ checks them); "" when none."""
    if not attrs:
        return ""
    names = tuple_display([literal(a) for a in attrs])
    return layout.annotated(4, "_required", "ClassVar[tuple[str, ...]]", names)
