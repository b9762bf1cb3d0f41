"""Type cells that offer alternatives: `[appHostedMediaConfig](..) or [serviceHostedMediaConfig](..)`.

The value has one of the linked types, so the property's type is the nearest type they all derive
from (`mediaConfig`), along the bases extract/bases.py decided; with no common base the first
alternative stays, as before."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.extract.drafts import TypeDraft
from generator.model import TypeRef
from generator.model.lineage import base_in, lineage
from generator.parse import PageDoc
from generator.parse.document import TypeCell


def type_alternatives(docs: list[PageDoc], found: Declarations, diagnostics: Diagnostics) -> None:
    for doc in docs:
        owner = found.page_type(doc)
        if owner is None:
            continue
        for row in doc.properties:
            draft = owner.properties.get(row.name)
            if not row.type.alternatives or draft is None or draft.source != row.source:
                continue
            resolved = alternatives(row.type, doc.path, found)
            if resolved is None:
                continue
            common = _common_base(resolved, found.types)
            if common is None or common == draft.type.name:
                continue
            draft.type = TypeRef(name=common, collection=draft.type.collection)
            diagnostics.report(
                "GG034",
                row.source,
                f"{owner.qualified}.{row.name} is one of {', '.join(n or '' for n in resolved)}: "
                f"typed {common}, the base they share",
            )


def alternatives(cell: TypeCell, page: str, found: Declarations) -> list[str] | None:
    """The types a cell offers (`[a](..) or [b](..)`), qualified; None unless each is a type
    of the model."""
    resolved = [
        found.index.resolve(TypeCell(raw=text, name=text, link=link), page)
        for text, link in cell.alternatives
    ]
    named = [name for name in resolved if name is not None and name in found.types]
    return named if len(named) == len(resolved) else None


def _common_base(names: list[str], types: dict[str, TypeDraft]) -> str | None:
    """The nearest type every one of `names` is or derives from (ancestor chains, in order)."""
    bases = base_in(types)
    chains = [[name, *lineage(types[name].base, bases)] for name in names]
    shared = set(chains[0]).intersection(*chains[1:])
    return next((name for name in chains[0] if name in shared), None)
