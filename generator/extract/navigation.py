"""Navigation properties implied by request paths.

`GET /users/{id}/transitiveMemberOf` returning a [directoryObject](..) collection means `user`
has a navigation property `transitiveMemberOf` of that type, even when its Relationships table
forgets it. The owner is found by walking the path from its root property by property (an
entity set `users` -> `user`, `me`, an addressable singleton), else from the segment before the
name (a navigation of one known type), else from the page's file name; the type is the one the
Methods tables linking to the page name (the resource documents what its navigation holds),
else the Response prose's, else the first response example's annotation. A `PUT` counts as a
`GET`; pages titled as functions or actions ("outlookUser: supportedLanguages") are skipped.
Such a property never replaces one a table or JSON block documents (it ranks as example
evidence), nor lands on a base whose derived type declares it.

A navigation segment followed by a key (`.../replies/{replyId}`, on any page) or queried with
`$filter` addresses a collection: a navigation property of that name, on the type the segment
before it addresses, is then a collection, whatever its table row forgot to say (`[chatMessage](..)` for `replies`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from generator.extract.declare import Declarations
from generator.extract.drafts import EXAMPLE, PropertyDraft, TypeDraft
from generator.extract.properties import add_property
from generator.model import TypeRef
from generator.model.lineage import ancestors, base_in, lineage
from generator.parse import PageDoc
from generator.parse.document import HttpPath
from generator.parse.paths import normalise_path
from generator.source import SourceSpan

_NAME = re.compile(r"^[a-z][A-Za-z0-9]*$")
# a placeholder, or a literal GUID where a syntax block shows a sample key
# (`GET /education/classes/acdefc6b-2dc6-4e71-b1e9-6d9810ab1793/assignmentDefaults`)
# (`GET /organization/{tenant id}/branding/{property name}` names a property, not a key)
_KEY = re.compile(
    r"^\{(?!property[-_ ]?name\})[^{}]+\}$|^[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 16)  # the same segments come back in every path and round
def _is_key(segment: str) -> bool:
    return _KEY.match(segment) is not None


@lru_cache(maxsize=1 << 16)
def _is_name(segment: str) -> bool:
    return _NAME.match(segment) is not None


_FILE = re.compile(r"^([a-z][a-z0-9]*)-(?:list|get|post|create|add|update|delete)-([a-z0-9]+)\.md$")
_ROUNDS = 3  # a path may pass through a navigation another page's path implies
# "outlookUser: supportedLanguages", "getEffectivePermissions function": the page documents a
# function or action bound to the type, whose last segment is no navigation property
_OPERATION_TITLE = re.compile(
    r"^[A-Za-z][\w.]*:\s*[A-Za-z]\w*$|\s(?:function|action)$", re.IGNORECASE
)


def navigation_from_paths(docs: list[PageDoc], found: Declarations) -> None:
    _add_from_paths(docs, found)
    _collections_from_keys(docs, found)


@dataclass(slots=True)
class _Page:
    """What `_one_round` needs of an API page, the same in every round: the type its GET
    returns, its GET and PUT paths normalised, and the lower-case names of their segments."""

    doc: PageDoc
    target: str
    many: bool
    gets: list[tuple[HttpPath, str]]
    names: frozenset[str]
    # per `walk_only`: the clock when the page was last looked at (see `_Clock`)
    seen: dict[bool, int] = field(default_factory=dict)


@dataclass(slots=True)
class _Clock:
    """Counts the properties a round adds, and when each lower-case name last got one. A page's
    outcome depends on the properties named by its segments only (and on nothing else this
    pass changes), so a page none of whose names gained a property since it was last looked
    at, with the same `walk_only`, would add nothing again and is skipped."""

    now: int = 0
    added: dict[str, int] = field(default_factory=dict)

    def add(self, name: str) -> None:
        self.added[name.lower()] = self.now
        self.now += 1

    def stale(self, page: _Page, walk_only: bool) -> bool:
        since = page.seen.get(walk_only)
        if since is None:
            return True
        return since < self.now and any(self.added.get(n, -1) >= since for n in page.names)


def _api_pages(docs: list[PageDoc], found: Declarations) -> list[_Page]:
    listed = _listed_types(docs, found)
    pages = []
    for doc in docs:
        response = response_target(doc, found)
        table = listed.get(doc.path.lower())
        if table is not None:  # a collection where either says so: a table forgets it as often
            response = (table[0], table[1] or (response is not None and response[1]))
        if response is None or _OPERATION_TITLE.search(doc.title.strip()):
            continue
        # a GET reads the navigation, a PUT creates its target (`PUT /groups/{id}/team`); a POST
        # is as often an action (`/driveItem/{id}/invite`) as an add to a collection: not read
        gets = [(item, item.normalised) for item in doc.http_paths if item.method in ("GET", "PUT")]
        names = frozenset(
            segment.lower() for _, path in gets for segment in path.strip("/").split("/")
        )
        pages.append(_Page(doc, response[0], response[1], gets, names))
    return pages


def _add_from_paths(docs: list[PageDoc], found: Declarations) -> None:
    navigations = navigation_types(found)
    owners: dict[str, set[str]] = {}  # lower property name -> the types that declare it
    for declared in found.types.values():
        for prop_name in declared.properties:
            owners.setdefault(prop_name.lower(), set()).add(declared.qualified)
    pages = _api_pages(docs, found)  # the index and the types do not change in this pass
    clock = _Clock()
    # paths walked from their root first, until nothing is new; only then the weaker fallbacks,
    # so that `/users/{id}/settings/x` finds `user.settings` (implied by another page's path)
    # before the `settings` navigation of `groupSetting`
    for _ in range(_ROUNDS):
        for _ in range(_ROUNDS):
            if not _one_round(pages, found, navigations, owners, clock, walk_only=True):
                break
        if not _one_round(pages, found, navigations, owners, clock, walk_only=False):
            break


def _one_round(
    pages: list[_Page],
    found: Declarations,
    navigations: dict[str, set[str]],
    owners: dict[str, set[str]],
    clock: _Clock,
    walk_only: bool,
) -> bool:
    added = False
    for page in pages:
        if not clock.stale(page, walk_only):
            continue
        page.seen[walk_only] = clock.now
        doc = page.doc
        # the paths of one page address one thing: when one of them walks from its root, the
        # weaker rules are not asked about the others (`/me/drive/root:/{path}:/.../fields/icon`)
        walked: list[tuple[str, str, bool] | None] = []
        for _, path in page.gets:
            walked.append(_owner_and_name(path, found, navigations, doc.path, True))
            if walked[-1] is not None:
                break
        walks = walked[-1] is not None if walked else False
        before = clock.now
        for position, (item, path) in enumerate(page.gets):
            if (walk_only or walks) and clock.now == before and position < len(walked):
                owner_and_name = walked[position]  # asked just now, nothing added since
            else:
                owner_and_name = _owner_and_name(
                    path, found, navigations, doc.path, walk_only or walks
                )
            if owner_and_name is None:
                continue
            owner, name, keyed = owner_and_name
            draft = found.types.get(owner)
            if draft is None or _property(draft, name, found) is not None:
                continue
            if _derived_has(owner, name, owners, found):
                continue  # `/sites/{id}/items/{id}/versions`: `driveItem.versions`, not `baseItem`
            collection = page.many or keyed or "$filter" in item.path
            add_property(
                draft,
                PropertyDraft(
                    name=name,
                    type=TypeRef(name=page.target, collection=collection),
                    rank=EXAMPLE,
                    source=item.source,
                    navigation=True,
                ),
                None,
            )
            navigations.setdefault(name.lower(), set()).add(page.target)
            owners.setdefault(name.lower(), set()).add(owner)
            clock.add(name)
            added = True
    return added


def _listed_types(docs: list[PageDoc], found: Declarations) -> dict[str, tuple[str, bool]]:
    """API page (lower-case path) -> the type the Methods tables linking to it name, where they
    all name one (`user.md`: "List joinedTeams" answers a `team` collection, though its page
    says `group`). The resource page documents what its navigation holds; the API page's
    response may be an example's type, or one member's."""
    named: dict[str, set[tuple[str, bool]]] = {}
    for row in methods_rows(docs, found):
        named.setdefault(row.page, set()).add((row.declared, row.collection))
    return {page: next(iter(types)) for page, types in named.items() if len(types) == 1}


@dataclass(frozen=True, slots=True)
class MethodsRow:
    """A Methods table's row that names a type of the model: the API page it links (path,
    lower-case), the type it says that page returns, and where the row is."""

    page: str
    declared: str
    collection: bool
    source: SourceSpan


def methods_rows(docs: list[PageDoc], found: Declarations) -> Iterator[MethodsRow]:
    for doc in docs:
        for page, cell, source in doc.methods:
            linked = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), page))
            declared = found.index.resolve(cell, doc.path)
            if declared is not None and declared in found.types:
                yield MethodsRow(linked.lower(), declared, cell.collection, source)


def response_target(doc: PageDoc, found: Declarations) -> tuple[str, bool] | None:
    """The type a page's GET returns: the Response prose, else the response example's
    annotation (`"@odata.type": "Collection(microsoft.graph.site)"`, or a type and
    `"isCollection": true`) of its first response example (later ones are often change
    notifications) when the prose names no type ("returns a collection of **secureScores**")."""
    if doc.response_type is not None:
        target = found.index.resolve(doc.response_type, doc.path)
        if target is None or target.startswith("Edm."):
            return None
        return target, doc.response_type.collection
    for example in doc.examples:
        value = example.annotation.get("@odata.type")
        if example.kind != "response" or not isinstance(value, str):
            continue
        inner = value.strip()
        many = example.annotation.get("isCollection") is True
        if inner.lower().startswith("collection(") and inner.endswith(")"):
            inner, many = inner[len("collection(") : -1], True
        qualified = found.index.lookup(inner)
        return (qualified, many) if qualified is not None and qualified in found.types else None
    return None


def addressed_type(path: str, found: Declarations, navigations: dict[str, set[str]]) -> str | None:
    """The type a URL addresses (`/communications/calls/{id}/operations/{id}` -> `commsOperation`,
    through `call.operations`), walked from its root, else found from its last navigation.
    `navigations`: `navigation_types(found)`, made once by a caller that adds no property."""
    segments = normalise_path(path).strip("/").split("/")
    walked = _walk(segments, found)
    if walked is not None:
        return walked
    owner_and_name = _owner_and_name(normalise_path(path), found, navigations, "", walk_only=False)
    owner = found.types.get(owner_and_name[0]) if owner_and_name else None
    prop = _property(owner, owner_and_name[1], found) if owner and owner_and_name else None
    return prop.type.name if prop is not None and prop.type.name in found.types else None


def _derived_has(base: str, name: str, owners: dict[str, set[str]], found: Declarations) -> bool:
    """Does a type deriving from `base` declare a property of that name?"""
    bases = base_in(found.types)
    for qualified in owners.get(name.lower(), set()):
        draft = found.types.get(qualified)
        if draft is not None and qualified != base and base in lineage(draft.base, bases):
            return True
    return False


def _property(draft: TypeDraft, name: str, found: Declarations) -> PropertyDraft | None:
    """A property of the type or of a base it names, by case-insensitive name."""
    lower = name.lower()
    for current in chain((draft,), ancestors(draft, found.types)):
        key = current.lower_names.get(lower)
        if key is not None:
            return current.properties[key]
    return None


def navigation_types(found: Declarations) -> dict[str, set[str]]:
    """Lower navigation name -> the types it has on any declared type."""
    navigations: dict[str, set[str]] = {}
    for draft in found.types.values():
        for prop in draft.properties.values():
            if prop.navigation:
                navigations.setdefault(prop.name.lower(), set()).add(prop.type.name)
    return navigations


def _owner_and_name(
    path: str,
    found: Declarations,
    navigations: dict[str, set[str]],
    page: str,
    walk_only: bool = False,
) -> tuple[str, str, bool] | None:
    """`/users/{id}/chats/{chat-id}` -> (user, chats, keyed): the path's last navigation and the
    type that owns it, found by walking the path from its root, else from the segment before it
    (entity set, `me`, a top-level singleton or a navigation of one known type), else from the
    page's file name (`reportroot-list-dailyprintusagebyprinter.md`)."""
    segments = path.strip("/").split("/")
    keyed = len(segments) > 1 and _is_key(segments[-1])
    if keyed:
        segments = segments[:-1]
    if len(segments) < 2 or not _is_name(segments[-1]):
        return None
    walked = _walk(segments[:-1], found)
    if walked is not None or walk_only:
        return (walked, segments[-1], keyed) if walked is not None else None
    before = segments[:-1]
    owner_index = max(i for i, s in enumerate(before) if not _is_key(s)) if before else -1
    if owner_index < 0:
        return None
    segment = before[owner_index]
    owner_keyed = owner_index < len(before) - 1
    owner = _segment_type(segment, owner_index == 0, owner_keyed, found, navigations)
    owner = owner or _named_by_file(page, segments[-1], found)
    return (owner, segments[-1], keyed) if owner else None


def _named_by_file(page: str, name: str, found: Declarations) -> str | None:
    """API pages are named `{type}-{verb}-{navigation}.md`: `reportroot-list-dailyprintusagebyprinter`
    names the owner of `/reports/dailyPrintUsageByPrinter`, whose `reports` no page types. The
    owner must be addressable, as a singleton must."""
    match = _FILE.match(page.rpartition("/")[2].lower())
    if match is None or match.group(2) != name.lower():
        return None
    owner = found.types.get(found.index.lookup(match.group(1)) or "")
    return owner.qualified if owner is not None and _addressable(owner, found) else None


def _walk(segments: list[str], found: Declarations) -> str | None:
    """The type the path addresses, followed from its first segment property by property
    (`/users/{id}/settings` -> `user.settings` -> `userSettings`); None when a step is unknown."""
    names = [s for s in segments if not _is_key(s)]
    if not names or not all(_is_name(n) for n in names):
        return None
    first_keyed = len(segments) > 1 and _is_key(segments[1])
    current = _segment_type(names[0], True, first_keyed, found, {})
    for name in names[1:]:
        draft = found.types.get(current or "")
        prop = _property(draft, name, found) if draft is not None else None
        if prop is None or prop.type.name not in found.types:
            return None
        current = prop.type.name
    return current


def _segment_type(
    segment: str, top: bool, keyed: bool, found: Declarations, navigations: dict[str, set[str]]
) -> str | None:
    if not _is_name(segment):
        return None
    if segment == "me" and top:
        return found.index.lookup("microsoft.graph.user")
    types = navigations.get(segment.lower(), set())
    if not top and len(types) == 1:
        only = next(iter(types))
        return only if only in found.types else None
    if keyed and (top or not types):  # `/calls/{id}`, `/communications/calls/{id}`: a `call`
        return _singular_type(segment, found)
    if top:  # a singleton is an entity: `/identity/...` is no `identity` complex type
        singleton = found.types.get(found.index.lookup(segment) or "")
        return (
            singleton.qualified
            if singleton is not None and _addressable(singleton, found)
            else None
        )
    return None


def _addressable(draft: TypeDraft, found: Declarations) -> bool:
    """An entity (by its own evidence or a base it names: `teamwork`, `"baseType":
    "microsoft.graph.entity"`), or a type whose own page documents relationships (`directory`)."""
    if draft.entity or any(p.navigation and p.rank < EXAMPLE for p in draft.properties.values()):
        return True
    return any(
        t.entity or t.qualified.lower() == "microsoft.graph.entity"
        for t in ancestors(draft, found.types)
    )


def _singular_type(entity_set: str, found: Declarations) -> str | None:
    if not _is_name(entity_set):
        return None
    # `users` -> `user`, `policies` -> `policy`; `organization` is its own set's name
    for candidate in (
        entity_set[:-3] + "y" if entity_set.endswith("ies") else None,
        entity_set[:-1] if entity_set.endswith("s") else None,
        entity_set,
    ):
        if candidate:
            owner = found.index.lookup(candidate)
            if owner is not None and owner in found.types:
                return owner
    return None


def _collections_from_keys(docs: list[PageDoc], found: Declarations) -> None:
    keyed: dict[str, set[str]] = {}  # lower navigation name -> segments naming its owner
    for doc in docs:
        for item in doc.http_paths:
            for owner, name in _keyed_navigations(item.normalised, "$filter" in item.path):
                keyed.setdefault(name, set()).add(owner)
    if not keyed:
        return
    navigations = navigation_types(found)
    for qualified in sorted(found.types):
        for prop in found.types[qualified].properties.values():
            if not prop.navigation or prop.type.collection:
                continue
            owners = keyed.get(prop.name.lower(), set())
            if any(_names_type(o, qualified, found, navigations) for o in owners):
                prop.type = TypeRef(name=prop.type.name, collection=True)


def _keyed_navigations(path: str, filtered: bool) -> list[tuple[str, str]]:
    """(segment naming the owner, lower navigation name) of each segment of a normalised path
    that a key follows (or `$filter` queries, when last): `/chats/{id}/messages/{id}` ->
    `(chats, messages)`. The owner is the last segment before it that is not a key."""
    names = path.strip("/").split("/")
    keys = [_is_key(name) for name in names]
    pairs = []
    owner: str | None = None  # the last segment before `index` that is no key, if a name
    for index in range(1, len(names)):
        if not keys[index - 1]:
            owner = names[index - 1] if _is_name(names[index - 1]) else None
        keyed_here = keys[index + 1] if index + 1 < len(names) else filtered
        if keyed_here and owner and _is_name(names[index]):
            pairs.append((owner, names[index].lower()))
    return pairs


def _names_type(
    segment: str, qualified: str, found: Declarations, navigations: dict[str, set[str]]
) -> bool:
    """Does a path segment address `qualified`: its entity set, singleton or a navigation?"""
    return (
        _singular_type(segment, found) == qualified
        or (
            found.index.lookup(segment) == qualified and _addressable(found.types[qualified], found)
        )
        or qualified in navigations.get(segment.lower(), set())
        or (segment == "me" and found.index.lookup("microsoft.graph.user") == qualified)
    )
