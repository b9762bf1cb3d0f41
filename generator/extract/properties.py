"""Attach properties and base types to the declared types, by evidence rank."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.extract.drafts import (
    PAGE,
    PAGE_JSON,
    REQUEST_TABLE,
    PropertyDraft,
    TypeDraft,
    type_ref,
)
from generator.extract.index import qualify
from generator.extract.values import infer
from generator.parse import PageDoc
from generator.parse.document import PropertyRow, TypeCell
from generator.source import SourceSpan

UNTYPED = "Edm.Untyped"


def attach_properties(docs: list[PageDoc], found: Declarations, diagnostics: Diagnostics) -> None:
    for doc in docs:
        if doc.resource_name and (doc.properties or doc.resource_json is not None):
            target = found.page_type(doc)
            if target is None:
                continue
            for row in doc.properties:
                _add_row(target, row, PAGE, doc.path, found, diagnostics)
                if row.inherited_from is not None:
                    hint_base(
                        target, found.index.resolve(row.inherited_from, doc.path), PAGE, row.source
                    )
            if isinstance(doc.resource_json, dict) and doc.resource_json_source is not None:
                _add_json_keys(target, doc.resource_json, doc.resource_json_source, found)
            if doc.base is not None and doc.base_source is not None:
                _set_base(target, doc.base, PAGE, doc.path, doc.base_source, found, diagnostics)
            for cell, source in doc.derived:  # "the base type for [x]": a hint on x
                derived = found.types.get(found.index.resolve(cell, doc.path) or "")
                if derived is not None:
                    hint_base(derived, target.qualified, PAGE, source)
    for doc in docs:
        if doc.request_type is None or not doc.request_properties:
            continue
        target = found.types.get(found.index.resolve(doc.request_type, doc.path) or "")
        if target is None:
            continue
        for row in doc.request_properties:
            owner = target
            if row.inherited_from is not None:
                owner = _inherited_owner(target, row, doc, found, diagnostics)
            _add_row(owner, row, REQUEST_TABLE, doc.path, found, diagnostics)


def _inherited_owner(
    target: TypeDraft, row: PropertyRow, doc: PageDoc, found: Declarations, diagnostics: Diagnostics
) -> TypeDraft:
    """'Inherited from [entity](..)': the property belongs to the base, which target extends."""
    assert row.inherited_from is not None
    base_name = found.index.resolve(row.inherited_from, doc.path)
    base = found.types.get(base_name or "")
    if base is None and row.inherited_from.name:
        base = found.add_type(
            TypeDraft(qualify(row.inherited_from.name, doc.namespace), REQUEST_TABLE, row.source)
        )
        diagnostics.report(
            "GG022",
            row.source,
            f"type {row.inherited_from.name} has no resource page; "
            "declared by an 'Inherited from' note in this request-body table",
        )
    if base is None:
        return target
    # an API page often names the request type loosely: the note is a hint, not a declaration
    hint_base(target, base.qualified, REQUEST_TABLE, row.source)
    return base


def _set_base(
    target: TypeDraft,
    cell: TypeCell,
    rank: int,
    page: str,
    source: SourceSpan,
    found: Declarations,
    diagnostics: Diagnostics,
) -> None:
    base = found.index.resolve(cell, page)
    if base is None or base not in found.types:
        diagnostics.report(
            "GG025", source, f"base type {cell.raw!r} of {target.qualified} is unknown"
        )
        return
    if base == target.qualified:
        return
    if target.base is not None and target.base != base:
        if rank < target.base_rank:
            target.base, target.base_rank = base, rank
        diagnostics.report(
            "GG024", source, f"base type of {target.qualified}: {base} here, {target.base} kept"
        )
        return
    target.base, target.base_rank = base, min(rank, target.base_rank)


def hint_base(target: TypeDraft, base: str | None, rank: int, source: SourceSpan) -> None:
    """Record weak evidence of a base type; extract/bases.py decides among the hints."""
    if base is None or base == target.qualified or base.startswith("Edm."):
        return
    known = target.base_hints.get(base)
    if known is None or rank < known[0]:
        target.base_hints[base] = (rank, source)


def _add_row(
    target: TypeDraft,
    row: PropertyRow,
    rank: int,
    page: str,
    found: Declarations,
    diagnostics: Diagnostics,
) -> None:
    resolved = found.index.resolve(row.type, page)
    if resolved is None:
        diagnostics.report(
            "GG020",
            row.source,
            f"type {row.type.raw!r} of {row.name} cannot be resolved; typed as {UNTYPED}",
        )
        resolved = UNTYPED
    draft = PropertyDraft(
        name=row.name,
        type=type_ref(resolved, row.type.collection),
        rank=rank,
        source=row.source,
        navigation=row.navigation,
        read_only=row.read_only,
        description=row.description,
    )
    add_property(target, draft, diagnostics)


def add_property(target: TypeDraft, draft: PropertyDraft, diagnostics: Diagnostics | None) -> None:
    existing = target.properties.get(draft.name)
    if existing is None:
        target.properties[draft.name] = draft
        target.lower_names.setdefault(draft.name.lower(), draft.name)
        return
    if draft.rank < existing.rank:
        target.properties[draft.name] = draft
        draft, existing = existing, draft
    if diagnostics is not None and draft.type != existing.type and draft.type.name != UNTYPED:
        diagnostics.report(
            "GG024",
            draft.source,
            f"{target.qualified}.{draft.name} is {draft.type.name} here but "
            f"{existing.type.name} at {existing.source}; the latter is kept",
        )


def _add_json_keys(
    target: TypeDraft, body: dict[str, Any], source: SourceSpan, found: Declarations
) -> None:
    for key, value in body.items():
        if key.startswith("@") or key in target.properties:
            continue
        inferred = infer(value, found.index, placeholders=True)
        if inferred is not None:
            add_property(
                target,
                PropertyDraft(name=key, type=inferred, rank=PAGE_JSON, source=source),
                None,
            )
