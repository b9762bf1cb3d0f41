"""Enum evidence beyond value tables: members fused from every source, String properties whose
values the page enumerates, and flags enums.

The docs write most enum-typed properties with the type `String` (the wire type of any enum),
so `String` in a type cell does not rule an enum out. A String property becomes an enum only on
evidence that names or shapes one (docs/input-format.md, "Enums"):

1. its JSON representation names the type: `"status": {"@odata.type": "microsoft.graph.x"}`;
2. a documented enum is named for it: the property name prefixed by words of the owner's name
   (`plannerTask.previewType` -> `plannerPreviewType`, `commsOperation.status` ->
   `operationStatus`) and its members include every value the page lists;
3. both the table ("Possible values are ..") and the JSON representation (`"a | b | c"`) list
   its values. One of the two alone is common for plain strings (SharePoint column settings),
   and an enum that merely shares the property's name is as often a plain string in the service
   (`signInAudience`), so neither is taken as evidence.
"""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.extract.drafts import PAGE_JSON, EnumDraft
from generator.extract.index import qualify, split_qualified
from generator.extract.members import add_members
from generator.extract.values import odata_type
from generator.model import TypeRef
from generator.parse import PageDoc
from generator.parse.document import PropertyRow

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_CAMEL_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+")
STRING = "Edm.String"


def pipe_values(value: Any) -> tuple[str, ...]:
    """`"a | b | c"` in a JSON representation: the values of an enumeration, else ()."""
    if not isinstance(value, str) or "|" not in value:
        return ()
    parts = tuple(part.strip() for part in value.split("|"))
    if len(parts) < 2 or not all(_IDENT.match(part) for part in parts):
        return ()  # "a | b | ..." is an open list, not an enumeration
    return parts


def is_flags(enum: EnumDraft) -> bool:
    """Values that are distinct powers of two reaching at least 4 (`1, 2, 4, 8`; a zero `none`
    allowed) are bit flags: a plain sequence never skips 3. `1, 2` alone says nothing."""
    values = [value for value, _, _ in enum.members.values() if value is not None]
    nonzero = [value for value in values if value != 0]
    if len(values) != len(enum.members) or len(set(nonzero)) != len(nonzero) or not nonzero:
        return False
    return all(v > 0 and v & (v - 1) == 0 for v in nonzero) and max(nonzero) >= 4


def flags_from_examples(docs: list[PageDoc], found: Declarations) -> None:
    """`"partsToClone": "apps,tabs,settings"` in an example: a value joining two or more members
    of the enum that every documented `partsToClone` property has marks that enum as flags."""
    by_property: dict[str, set[str]] = {}
    for draft in found.types.values():
        for prop in draft.properties.values():
            by_property.setdefault(prop.name, set()).add(prop.type.name)
    for doc in docs:
        for example in doc.examples:
            for key, value in example.comma_values:
                parts = value.split(",")
                typed = by_property.get(key, set())
                if len(parts) < 2 or len(typed) != 1:
                    continue
                enum = found.enums.get(next(iter(typed)))
                names = {member.lower() for member in enum.members} if enum else set()
                if enum is not None and all(part.strip().lower() in names for part in parts):
                    enum.flags = True


def type_enumerated_strings(
    docs: list[PageDoc], found: Declarations, diagnostics: Diagnostics
) -> None:
    """Retype resource-page String properties that the page shows to be enums (module doc)."""
    for doc in docs:
        owner = found.page_type(doc)
        if owner is None or not doc.properties:
            continue
        body = doc.resource_json if isinstance(doc.resource_json, dict) else {}
        for row in doc.properties:
            draft = owner.properties.get(row.name)
            if draft is None or draft.source != row.source:
                continue  # another page's row won: not this row's type to change
            piped = pipe_values(body.get(row.name))
            if draft.type.name in found.enums:
                if piped:
                    add_members(
                        found.enums[draft.type.name],
                        piped,
                        doc.resource_json_source or row.source,
                        f"the JSON representation of {owner.qualified}.{row.name}",
                        diagnostics,
                    )
                continue
            if draft.type.name != STRING:
                continue
            values = _union(row.possible_values, piped)
            if not values:
                continue
            enum, why = _enum_for(doc, owner.qualified, row, body.get(row.name), values, found)
            if enum is None:
                continue
            add_members(enum, values, row.source, f"{owner.qualified}.{row.name}", diagnostics)
            draft.type = TypeRef(name=enum.qualified, collection=draft.type.collection)
            diagnostics.report(
                "GG032",
                row.source,
                f"{owner.qualified}.{row.name} is written String but typed {enum.qualified}: {why}",
            )


def _union(*lists: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for values in lists:
        for value in values:
            seen.setdefault(value.lower(), value)
    return tuple(seen.values())


def _enum_for(
    doc: PageDoc,
    owner: str,
    row: PropertyRow,
    json_value: Any,
    values: tuple[str, ...],
    found: Declarations,
) -> tuple[EnumDraft | None, str]:
    named = odata_type(json_value) if isinstance(json_value, dict) else None
    if named is not None and ("." not in named or named.lower().startswith("microsoft.graph.")):
        qualified = found.index.lookup(named)
        if qualified is None:
            enum = EnumDraft(qualify(named, doc.namespace), PAGE_JSON, row.source)
            return found.add_enum(enum, None), "its JSON representation names the type"
        if qualified in found.enums:
            return found.enums[qualified], "its JSON representation names the type"
        return None, ""
    wanted = {value.lower() for value in values}
    prefixed = _prefixed_enums(split_qualified(owner)[1], row.name, found)
    for qualified in prefixed:
        enum = found.enums[qualified]
        if wanted <= {member.lower() for member in enum.members}:
            return enum, "an enum named for it holds every listed value"
    if not row.possible_values or not pipe_values(json_value):
        return None, ""
    holding = _holding(doc.namespace, wanted, found)
    if holding is not None:
        return holding, "the table and the JSON representation list values of one documented enum"
    return _enum_named_for(doc, owner, row, wanted, found)


def _holding(namespace: str, wanted: set[str], found: Declarations) -> EnumDraft | None:
    """The one enum of the namespace whose members include three or more listed values."""
    if len(wanted) < 3:
        return None
    holders = [
        enum
        for qualified, enum in found.enums.items()
        if split_qualified(qualified)[0] == namespace
        and wanted <= {member.lower() for member in enum.members}
    ]
    return holders[0] if len(holders) == 1 else None


def _prefixed_enums(owner: str, name: str, found: Declarations) -> list[str]:
    """Declared enums named `<words of the owner's name><Name>`, longest prefix first."""
    words = _CAMEL_WORD.findall(owner)
    suffix = name[:1].upper() + name[1:]
    candidates: dict[str, None] = {}
    for length in range(len(words), 0, -1):
        for start in range(len(words) - length + 1):
            prefix = "".join(words[start : start + length])
            qualified = found.index.lookup(prefix[:1].lower() + prefix[1:] + suffix)
            if qualified is not None and qualified in found.enums:
                candidates.setdefault(qualified, None)
    return list(candidates)


def _enum_named_for(
    doc: PageDoc, owner: str, row: PropertyRow, wanted: set[str], found: Declarations
) -> tuple[EnumDraft | None, str]:
    """A compound property name (`routingType`) names its enum; a one-word name (`state`) is
    too generic to be a type name, so the owner's name comes first (`callTranscriptionInfoState`).
    A name already taken by a type, or by an enum with other values, falls back to the latter."""
    name, owner_name = row.name, split_qualified(owner)[1]
    names = [name] if any(c.isupper() for c in name[1:]) else []
    names.append(owner_name + name[:1].upper() + name[1:])
    for simple in names:
        qualified = qualify(simple, doc.namespace)
        existing = found.index.by_name.get(qualified.lower())
        if existing is None:
            enum = found.add_enum(EnumDraft(qualified, PAGE_JSON, row.source), None)
            return enum, "the table and the JSON representation both list its values"
        same = found.enums.get(existing)
        if same is not None and wanted <= {member.lower() for member in same.members}:
            return same, "the table and the JSON representation both list its values"
    return None, ""
