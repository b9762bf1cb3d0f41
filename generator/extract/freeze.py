"""Break inheritance cycles, decide entity vs complex, drop properties a base already
declares, and freeze the drafts into sorted model nodes."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.extract.drafts import TypeDraft
from generator.extract.enums import is_flags
from generator.extract.index import split_qualified
from generator.model import ApiModel, EnumMember, EnumType, Operation, Property, StructuredType
from generator.model.lineage import ancestors, base_in, cyclic


def freeze(found: Declarations, operations: list[Operation], diagnostics: Diagnostics) -> ApiModel:
    types = found.types
    _break_cycles(types, diagnostics)
    frozen_types = []
    for qualified in sorted(types, key=str.lower):
        draft = types[qualified]
        inherited = _inherited_names(draft, types)
        namespace, name = split_qualified(qualified)
        frozen_types.append(
            StructuredType(
                name=name,
                namespace=namespace,
                kind="entity" if _is_entity(draft, types) else "complex",
                base=draft.base,
                open=draft.open,
                properties=tuple(
                    Property(
                        name=p.name,
                        type=p.type,
                        navigation=p.navigation,
                        read_only=p.read_only,
                        description=p.description,
                        source=p.source,
                    )
                    for p in draft.properties.values()
                    if p.name not in inherited
                ),
                description=draft.description,
                source=draft.source,
            )
        )
    frozen_enums = []
    for qualified in sorted(found.enums, key=str.lower):
        enum = found.enums[qualified]
        namespace, name = split_qualified(qualified)
        frozen_enums.append(
            EnumType(
                name=name,
                namespace=namespace,
                flags=enum.flags or is_flags(enum),
                members=tuple(
                    EnumMember(name=member, value=value, description=text, source=source)
                    for member, (value, text, source) in enum.members.items()
                ),
                description=enum.description,
                source=enum.source,
            )
        )
    return ApiModel(
        types=tuple(frozen_types),
        enums=tuple(frozen_enums),
        operations=tuple(sorted(operations, key=lambda o: (o.paths[0].lower(), o.method, o.name))),
    )


def _break_cycles(types: dict[str, TypeDraft], diagnostics: Diagnostics) -> None:
    bases = base_in(types)
    for qualified in sorted(types):
        draft = types[qualified]
        if cyclic(draft.base, bases):
            diagnostics.report(
                "GG026",
                draft.source,
                f"{qualified} inherits from itself; base {draft.base} dropped",
            )
            draft.base = None


def _is_entity(draft: TypeDraft, types: dict[str, TypeDraft]) -> bool:
    if draft.entity or draft.qualified.lower() == "microsoft.graph.entity":
        return True
    return any(
        t.entity or t.qualified.lower() == "microsoft.graph.entity" for t in ancestors(draft, types)
    )


def _inherited_names(draft: TypeDraft, types: dict[str, TypeDraft]) -> set[str]:
    names: set[str] = set()
    for base in ancestors(draft, types):
        names.update(base.properties)
    return names
