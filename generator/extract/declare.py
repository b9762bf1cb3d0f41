"""Declare every type and enum that some page documents, and index their names."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.extract.drafts import PAGE, PAGE_JSON, REQUEST_TABLE, EnumDraft, TypeDraft
from generator.extract.index import NameIndex, qualify
from generator.extract.members import add_members
from generator.parse import PageDoc
from generator.parse.primitives import primitive


class Declarations:
    def __init__(self) -> None:
        self.index = NameIndex()
        self.types: dict[str, TypeDraft] = {}
        self.enums: dict[str, EnumDraft] = {}

    def add_type(self, draft: TypeDraft, page: str | None = None) -> TypeDraft:
        qualified = self.index.declare(draft.qualified, page)
        existing = self.types.get(qualified) or self.enums.get(qualified)
        if isinstance(existing, TypeDraft):
            if draft.rank < existing.rank or (
                draft.rank == existing.rank
                and _about(page, qualified) > _about(existing, qualified)
            ):
                existing.rank, existing.source = draft.rank, draft.source
                existing.description = draft.description
            return existing
        if existing is not None:
            return draft  # an enum already has this name: keep the enum, drop the type
        draft.qualified = qualified
        self.types[qualified] = draft
        return draft

    def page_type(self, doc: PageDoc) -> TypeDraft | None:
        """The type a resource page documents, once declared."""
        if not doc.resource_name:
            return None
        return self.types.get(self.index.lookup(qualify(doc.resource_name, doc.namespace)) or "")

    def add_enum(self, draft: EnumDraft, page: str | None = None) -> EnumDraft:
        qualified = self.index.declare(draft.qualified, page)
        existing = self.enums.get(qualified)
        if existing is not None:
            if draft.rank < existing.rank:
                existing.rank, existing.source = draft.rank, draft.source
            return existing
        draft.qualified = qualified
        self.enums[qualified] = draft
        return draft


def declares_type(doc: PageDoc) -> bool:
    """Whether the page is a resource page that declares its type (at `doc.source`): it names
    the type and gives a property table or a JSON representation."""
    return bool(doc.resource_name) and (bool(doc.properties) or doc.resource_json is not None)


def declare_pages(docs: list[PageDoc], diagnostics: Diagnostics) -> Declarations:
    found = Declarations()
    for doc in docs:
        found.index.set_namespace(doc.path, doc.namespace)
        for table in doc.enums:
            enum = found.add_enum(EnumDraft(qualify(table.name, doc.namespace), PAGE, table.source))
            for name, description, value, source in table.members:
                enum.members.setdefault(name, (value, description, source))
        if declares_type(doc):
            assert doc.resource_name is not None
            draft = TypeDraft(
                qualify(doc.resource_name, doc.namespace),
                PAGE,
                doc.source,
                entity=doc.key_property is not None or _has_id_row(doc),
                keyed=_has_key(doc),
                open=doc.open_type,
                description=doc.description,
            )
            found.add_type(draft, doc.path)
    # API pages name the types of their request bodies; a type with no page is declared here
    for doc in docs:
        if doc.request_type is None or not doc.request_properties:
            continue
        if found.index.resolve(doc.request_type, doc.path) is None and doc.request_type.name:
            draft = TypeDraft(
                qualify(doc.request_type.name, doc.namespace), REQUEST_TABLE, doc.source
            )
            diagnostics.report(
                "GG022",
                doc.request_properties[0].source,
                f"type {doc.request_type.name} has no resource page; "
                "properties taken from this request-body table",
            )
            found.add_type(draft, _link_page(doc.path, doc.request_type.link))
    _declare_inline_enums(docs, found, diagnostics)
    return found


def _declare_inline_enums(
    docs: list[PageDoc], found: Declarations, diagnostics: Diagnostics
) -> None:
    """A type cell that names no known type but whose description lists values is an enum."""
    for doc in docs:
        for row in doc.properties + doc.request_properties:
            cell = row.type
            if not row.possible_values or cell.name is None or primitive(cell.name) is not None:
                continue
            if found.index.resolve(cell, doc.path) is not None:
                existing = found.enums.get(found.index.resolve(cell, doc.path) or "")
                if existing is not None:
                    what = f"the description of {row.name}"
                    add_members(existing, row.possible_values, row.source, what, diagnostics)
                continue
            enum = found.add_enum(
                EnumDraft(qualify(cell.name, doc.namespace), PAGE_JSON, row.source)
            )
            diagnostics.report(
                "GG023",
                row.source,
                f"enum {cell.name} has no value table; members taken from 'Possible values' text",
            )
            add_members(enum, row.possible_values, row.source, "", None)


def _has_key(doc: PageDoc) -> bool:
    """The annotation's `keyProperty` is strong evidence of an entity only when the page has that
    property: `implicitGrantSettings` says `"keyProperty": "id"` above a block with no `id`
    (extract/bases.py weighs such weak evidence against the type's uses)."""
    key = doc.key_property
    if key is None:
        return False
    keys = {row.name for row in doc.properties}
    if isinstance(doc.resource_json, dict):
        keys.update(doc.resource_json)
    return key in keys


def _has_id_row(doc: PageDoc) -> bool:
    """Resource pages often omit `keyProperty`; an `id` row in the tables marks an entity, and so
    does `"id": "String (identifier)"` in the JSON representation."""
    ids = [row for row in doc.properties if row.name == "id" and not row.navigation]
    if isinstance(doc.resource_json, dict):
        value = doc.resource_json.get("id")
        if isinstance(value, str) and "(identifier)" in value.lower():
            return True
    return bool(ids) and (ids[0].read_only or any(row.navigation for row in doc.properties))


def _link_page(page_path: str, link: str | None) -> str | None:
    import posixpath

    if not link or link.startswith("#"):
        return None
    target = link.partition("#")[0]
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target))


def _about(where: str | TypeDraft | None, qualified: str) -> bool:
    """Whether a page is the one about this type: its file is named for it (`user.md` for
    user, where `intune-devices-user.md` also declares it). Among pages of one rank that
    declare the same type, that page gives its source and description; else the first."""
    path = where.source.path if isinstance(where, TypeDraft) else where
    if path is None:
        return False
    stem = path.rsplit("/", 1)[-1].removesuffix(".md").lower()
    return stem == qualified.rpartition(".")[2].lower()
