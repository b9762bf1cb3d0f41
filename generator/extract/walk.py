"""Request paths walked through the model's own graph: what type, and which shape, a path
leads to.

The roots are the entity sets and singletons, derived from the docs: a top-level segment that a
key follows in some path is an entity set (`/users/{id}`), of the type its name is the plural of
(`users` -> `user`), else of the type the pages answering its GET name; another top-level segment
is a singleton of the addressable type of its name (`/deviceAppManagement`), else of the type
the page of its GET answers; `me` is the signed-in `user`. Where the first segment is no root,
its first two are, of the type the pages of their GET answer (`/appCatalogs/teamsApps`). From a
root the walk follows keys after a collection (`{id}`, or a value written in: `contoso.com`),
the structural and navigation properties of the type or its bases (else of a type derived from
it: the docs leave the cast out; `guessed` when derived types declare it differently), and
casts (`microsoft.graph.room`). A step that is none of these is a bound function or action
(`delta()`, `sendMail`): the walk ends there, and the page of that operation says what it
answers. `$value`, `$ref`, `$count` and colon paths (`root:/{path}:`) are not walked.

Nothing here reads a description or a source line: only names, tables and paths.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from generator.extract.declare import Declarations
from generator.extract.drafts import PropertyDraft, TypeDraft
from generator.extract.navigation import _is_key, _property, _segment_type, response_target
from generator.extract.operations import example_form
from generator.model.lineage import base_in, lineage
from generator.model.paths import literal_key
from generator.parse import PageDoc


@dataclass(frozen=True, slots=True)
class Walked:
    """Where a walk ends: a `type` (qualified, or `Edm.*`) and its shape; `members`: a
    collection a POST adds one member to (an entity set, a collection navigation)."""

    type: str
    collection: bool
    members: bool = False
    # a step took a property that types derived from the one walked declare differently
    # (`/sites/{id}/items/{id}/versions`: a driveItem's or a listItem's): the page knows which
    guessed: bool = False


# the walk ended on a bound function or action: its page says what it answers
OPERATION = Walked(type="", collection=False)


class ModelWalk:
    """Paths walked through the model's types, from the roots the docs imply."""

    def __init__(self, docs: list[PageDoc], found: Declarations) -> None:
        self.found = found
        self._base_of = base_in(found.types)
        self.derived: dict[str, list[TypeDraft]] = {}
        for qualified in sorted(found.types):
            for ancestor in self.ancestors(qualified)[1:]:
                self.derived.setdefault(ancestor, []).append(found.types[qualified])
        self.roots = self._roots(docs)

    def ancestors(self, qualified: str) -> list[str]:
        """The type and its bases, nearest first."""
        draft = self.found.types.get(qualified)
        base = draft.base if draft is not None else None
        return [qualified, *(b for b in lineage(base, self._base_of) if b != qualified)]

    def related(self, one: str, other: str) -> bool:
        return one in self.ancestors(other) or other in self.ancestors(one)

    def common_base(self, names: list[str]) -> str | None:
        """The nearest type every one of `names` is or derives from."""
        if not names:
            return None
        shared = self.ancestors(names[0])
        for name in names[1:]:
            chain = set(self.ancestors(name))
            shared = [a for a in shared if a in chain]
        return shared[0] if shared else None

    def _roots(self, docs: list[PageDoc]) -> dict[str, Walked]:
        keyed: set[str] = set()  # top-level segments a key follows: entity sets
        firsts: dict[str, str] = {}  # lower -> as first written
        answered: dict[str, list[tuple[str, bool]]] = {}  # lower -> what pages of its GET answer
        for doc in docs:
            target = None
            for item in doc.http_paths:
                segments = item.normalised.strip("/").split("/")
                first = segments[0].lower()
                if not first or not segments[0][:1].isalpha():
                    continue
                firsts.setdefault(first, segments[0])
                if len(segments) > 1 and (_is_key(segments[1]) or literal_key(segments[1])):
                    keyed.add(first)
                pair = "/".join(segments[:2]).lower()
                if len(segments) > 2 and (_is_key(segments[2]) or literal_key(segments[2])):
                    keyed.add(pair)
                if item.method != "GET" or example_form(item.path) or len(segments) > 2:
                    continue
                if len(segments) == 2 and not _is_key(segments[1]):
                    target = target or response_target(doc, self.found)
                    if target is not None:
                        answered.setdefault(pair, []).append(target)
                    continue
                target = target or response_target(doc, self.found)
                if target is not None:
                    many = target[1] or len(segments) == 2
                    answered.setdefault(first, []).append((target[0], many))
        roots: dict[str, Walked] = {}
        for pair, targets in sorted(answered.items()):
            # `/appCatalogs/teamsApps`: a root of two segments, of the type the pages of its
            # GET answer; walked from only where its first segment is no root
            pair_type = self.common_base(sorted({name for name, _ in targets}))
            if "/" in pair and pair_type is not None:
                many = pair in keyed or any(m for _, m in targets)
                roots[pair] = Walked(pair_type, many, members=many)
        for first, written in sorted(firsts.items()):
            collection = first in keyed
            named = _segment_type(written, True, collection, self.found, {})
            pages = sorted({name for name, _ in answered.get(first, [])})
            if named is not None and (not pages or any(self.related(named, p) for p in pages)):
                chosen: str | None = named
            else:
                chosen = self.common_base(pages) if pages else named
            if chosen is None:
                continue
            collection = collection or any(many for _, many in answered.get(first, []))
            roots[first] = Walked(chosen, collection, members=collection)
        return roots

    def walk(self, path: str) -> Walked | None:
        """What `path` leads to; OPERATION: a bound function or action's page decides; None:
        the walk cannot tell."""
        segments = [s for s in path.split("/") if s]
        if not segments or any(":" in s or s.startswith("$") for s in segments):
            return None
        at = self.roots.get(segments[0].lower())
        start = 1
        if at is None and len(segments) > 1:
            at, start = self.roots.get("/".join(segments[:2]).lower()), 2
        guessed = False
        for position, segment in enumerate(segments[start:], start=start + 1):
            if at is None or at is OPERATION:
                return None
            at = self._step(at, segment, last=position == len(segments))
            guessed = guessed or (at is not None and at.guessed)
        if guessed and at is not None and at is not OPERATION and not at.guessed:
            return dataclasses.replace(at, guessed=True)
        return at

    def _step(self, at: Walked, segment: str, last: bool) -> Walked | None:
        found = self.found
        draft = found.types.get(at.type)
        if draft is None:
            return None  # past a primitive, an enum or an unknown type
        call = "(" in segment
        name = segment.split("(", 1)[0]
        if at.collection and (_is_key(segment) or literal_key(segment)):
            return Walked(at.type, False)
        if at.collection and not call and "." not in name and not last:
            return Walked(at.type, False)  # a key written as a name: `mailFolders/inbox/...`
        if not call and "." in name:  # a cast
            cast = found.index.lookup(name)
            if cast is not None and cast in found.types:
                return Walked(cast, at.collection, at.members)
            return None
        if call:
            return OPERATION
        if not at.collection:
            prop = _property(draft, name, found)
            guessed = False
            if prop is None:
                prop, guessed = self._derived(at.type, name)
            if prop is not None:
                many = prop.type.collection
                return Walked(prop.type.name, many, many and prop.navigation, guessed)
        return OPERATION

    def _derived(self, qualified: str, name: str) -> tuple[PropertyDraft | None, bool]:
        """The property of the first type derived from `qualified` that declares `name`, and
        whether others declare it with another type."""
        found = []
        for derived in self.derived.get(qualified, []):
            key = derived.lower_names.get(name.lower())
            if key is not None:
                found.append(derived.properties[key])
        if not found:
            return None, False
        return found[0], len({p.type.name for p in found}) > 1


__all__ = ["OPERATION", "ModelWalk", "Walked"]
