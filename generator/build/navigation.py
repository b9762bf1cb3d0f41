"""Pass 4b: navigation properties implied by request paths.

`GET /users/{id}/transitiveMemberOf` returning a [directoryObject](..) collection means `user`
has a navigation property `transitiveMemberOf` of that type, even when its Relationships table
forgets it. Only the plain shapes are read: `/{set}/{key}/{name}` and `/me/{name}`, where the
set names a declared type (`users` -> `user`) and the response type is known. Such a property
never replaces one a table or JSON block documents (it ranks as example evidence).
"""

from __future__ import annotations

import re

from generator.build.declare import Declarations
from generator.build.drafts import EXAMPLE, PropertyDraft
from generator.build.paths import normalise_path
from generator.build.properties import add_property
from generator.model import TypeRef
from generator.parse import PageDoc

_NAME = re.compile(r"^[a-z][A-Za-z0-9]*$")
_KEY = re.compile(r"^\{[^{}]+\}$")


def navigation_from_paths(docs: list[PageDoc], found: Declarations) -> None:
    for doc in docs:
        if doc.response_type is None:
            continue
        target = found.index.resolve(doc.response_type, doc.path)
        if target is None or target.startswith("Edm."):
            continue
        for item in doc.http_paths:
            if item.method != "GET":
                continue
            owner_and_name = _owner_and_name(normalise_path(item.path), found)
            if owner_and_name is None:
                continue
            owner, name = owner_and_name
            draft = found.types.get(owner)
            if draft is None or any(p.lower() == name.lower() for p in draft.properties):
                continue
            add_property(
                draft,
                PropertyDraft(
                    name=name,
                    type=TypeRef(name=target, collection=doc.response_type.collection),
                    rank=EXAMPLE,
                    source=item.source,
                    navigation=True,
                ),
                None,
            )


def _owner_and_name(path: str, found: Declarations) -> tuple[str, str] | None:
    segments = path.strip("/").split("/")
    if len(segments) == 2 and segments[0] == "me" and _NAME.match(segments[1]):
        owner = found.index.lookup("microsoft.graph.user")
        return (owner, segments[1]) if owner else None
    if len(segments) != 3 or not _KEY.match(segments[1]) or not _NAME.match(segments[2]):
        return None
    owner = _singular_type(segments[0], found)
    return (owner, segments[2]) if owner else None


def _singular_type(entity_set: str, found: Declarations) -> str | None:
    if not _NAME.match(entity_set):
        return None
    for candidate in (entity_set[:-3] + "y" if entity_set.endswith("ies") else None,
                      entity_set[:-1] if entity_set.endswith("s") else None):
        if candidate:
            owner = found.index.lookup(candidate)
            if owner is not None and owner in found.types:
                return owner
    return None
