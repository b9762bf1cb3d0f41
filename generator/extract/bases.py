"""Base types not named outright, decided from the weaker evidence.

A type with no annotation `baseType` and no "Inherits from" text takes its base from its hints:
"Inherited from [x]" rows of its own tables (rank 0) before polymorphic example values (rank 3:
a `@odata.type` Y where the docs expect X means Y derives from X). Among hints of the best rank,
the most derived wins (a page lists rows inherited from the base's base too). An entity (it has a
`keyProperty`) with no evidence at all derives from `microsoft.graph.entity`, as every entity of
the service but a few singleton roots does.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.extract.drafts import EXAMPLE, PAGE, TypeDraft
from generator.model.lineage import base_in, lineage

ENTITY = "microsoft.graph.entity"
_ROUNDS = 4  # a hint's ancestors may themselves be decided from hints


def decide_bases(found: Declarations, diagnostics: Diagnostics) -> None:
    types = found.types
    bases = base_in(types)
    for _ in range(_ROUNDS):
        changed = False
        for qualified in sorted(types):
            draft = types[qualified]
            if draft.base is not None or not draft.base_hints:
                continue
            chosen = _most_derived(draft, types)
            if chosen is not None and qualified not in lineage(types[chosen].base, bases):
                draft.base, draft.base_rank = chosen, draft.base_hints[chosen][0]
                changed = True
        if not changed:
            break
    navigated = _navigation_targets_are_entities(types)
    _property_types_are_complex(types, navigated, diagnostics)
    entity = found.index.lookup(ENTITY)
    if entity is None:
        return
    for qualified in sorted(types):
        draft = types[qualified]
        if draft.base is None and draft.entity and qualified != entity:
            draft.base = entity


def _navigation_targets_are_entities(types: dict[str, TypeDraft]) -> set[str]:
    """Only an entity can be the target of a navigation property, whether a Relationships table
    lists it (`user.presence` -> `presence`) or a request path implies it (`GET /me/settings`
    returning `userSettings`), even when its page shows no key. Returns those targets."""
    targets: set[str] = set()
    for qualified in sorted(types):
        for prop in types[qualified].properties.values():
            target = types.get(prop.type.name)
            if prop.navigation and target is not None:
                target.entity = True
                targets.add(target.qualified)
    return targets


def _property_types_are_complex(
    types: dict[str, TypeDraft], navigated: set[str], diagnostics: Diagnostics
) -> None:
    """A structural property (a Properties table row) can only hold a complex type: a type whose
    only sign of an entity is an `id` row (`itemReference`, the type of `parentReference`) or a
    `keyProperty` naming no property of its page (`implicitGrantSettings`) is complex. A
    `keyProperty` the page has, or being a navigation target, outweighs the use."""
    uses: dict[str, tuple[str, TypeDraft]] = {}
    for qualified in sorted(types):
        for prop in types[qualified].properties.values():
            if not prop.navigation and prop.rank == PAGE and prop.type.name in types:
                uses.setdefault(prop.type.name, (prop.name, types[qualified]))
    for qualified in sorted(uses):
        draft = types[qualified]
        if draft.entity and not draft.keyed and qualified not in navigated:
            name, owner = uses[qualified]
            draft.entity = False
            diagnostics.report(
                "GG024",
                draft.source,
                f"{qualified} looks keyed but is the type of the property {owner.qualified}.{name} "
                f"at {owner.properties[name].source}; taken as a complex type",
            )


def _most_derived(draft: TypeDraft, types: dict[str, TypeDraft]) -> str | None:
    hints = {
        name: rank
        for name, (rank, _) in draft.base_hints.items()
        if name in types and (rank < EXAMPLE or _extends(draft, types[name]))
    }
    if not hints:
        return None
    best = min(hints.values())
    candidates = sorted(name for name, rank in hints.items() if rank == best)
    bases = base_in(types)
    lineages = [list(lineage(types[c].base, bases)) for c in candidates]
    # a candidate on a cycle derives from itself, and is not taken either
    derived = [c for c in candidates if not any(c in chain for chain in lineages)]
    return derived[0] if len(derived) == 1 else None


def _extends(draft: TypeDraft, base: TypeDraft) -> bool:
    """An example value is weak evidence: the base must have properties, all shown by the type
    (those of its tables when it has any: a JSON block adds optional ones, `identity.thumbnails`).
    """
    names = {name.lower() for name in draft.properties}
    tabled = [name for name, p in base.properties.items() if p.rank == PAGE]
    required = tabled or list(base.properties)
    return bool(required) and all(name.lower() in names for name in required)
