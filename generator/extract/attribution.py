"""Which page owns each documented endpoint, and what each path answers.

An endpoint is a (method, route): paths that differ only in placeholder names, keys written in
as values or case are one (model/paths.py `route_key`). A path written with OData query options
only (`GET /me?$expand=manager`) is an example of an endpoint and was left out of the paths
already (extract/operations.py `example_form`).

**What a path answers** (`Answer`). The path is walked through the model (extract/walk.py).
- GET: the walk decides the type where the page states it weakly (no type in its Response
  section, only an example's annotation) or not at all. Where the page names a type:
  - a subtype of the walk's is kept (GG036) where the path picks one member the page is about
    (a single navigation, a key written as a value: `.../authenticationMethodConfigurations/email`);
    where the path may answer any member (a collection, a placeholder key:
    `/users/{id}/extensions/{extensionId}`), the walk's type is the promise (GG036);
  - a base of the walk's gives way to the walk's (`/places/microsoft.graph.room`);
  - an unrelated type gives way to the walk's (GG036: `user-list-joinedteams.md` names `group`,
    user.md's Methods table a `team` collection), unless the walk guessed among types derived
    from the one it reached that declare the step differently (`/sites/{id}/items/{id}/versions`).
  A Response type cell qualified by a property's words (`[directory (deleted items)](..)`)
  names what that property holds; one offering alternatives (`[a](..) or [b](..)`) names the
  base they share. The
  shape (page or single) is the walk's, a collection too where a response example of that type
  says so (`"isCollection": true`: a table forgets "collection" more often); with no walk, the
  page's ("collection of", or the example's).
- POST to a collection (an entity set, a collection navigation) adds one member: a single of the
  page's type, else the walk's. POST to an action: the page's type; none and no response body
  in its examples: no JSON.
- 204, a redirect (302: reports answer with the CSV's address), or 202 without a body in the
  examples (an example's `{}` after a 204 is none): no JSON (`-> None`), whatever type the page
  names (PATCH `user` answers 204).
- POST adding to a collection answers, and takes as its body, the collection's type where the
  page names a subtype: one method serves every member.
- PATCH and PUT: the page's type, else the walk's when the page answers 200/201, else no JSON.
- DELETE: no JSON.
- A page naming no type whose Response section tables the answer's properties: the one type
  with exactly those properties, as weakly as an example's annotation (`driveitem-preview.md`).
- Nothing known: `-> Any`, reported (GG037).

**Who owns an endpoint** several pages document (GG035 at each losing page). The page whose
type is the one the path leads to wins over a page naming a base or subtype of it, which wins over
a page naming nothing, which wins over one naming an unrelated type (an open extension's page
listing `/users/{id}/...`); then the page named for that resource (`user-list.md` over
`intune-devices-user-list.md`); then the most general type (a collection of policies is
`managedAppPolicy`'s, not `managedAppConfiguration`'s); then the first page by path. When the
pages name different types of one family, the endpoint answers the family's most general type.

Reads names, tables, statuses and paths only: no description, no source line decides anything.
"""

from __future__ import annotations

import dataclasses
import posixpath
import re
from dataclasses import dataclass

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.extract.index import split_qualified
from generator.extract.navigation import _OPERATION_TITLE
from generator.extract.unions import alternatives
from generator.extract.walk import OPERATION, ModelWalk, Walked
from generator.model import Answer, Operation, TypeRef
from generator.model.paths import placeholders, route_key
from generator.parse import PageDoc
from generator.source import SourceSpan

_REDIRECTS = frozenset({301, 302, 303, 307})
_PLACEHOLDER = re.compile(r"^\{[^{}]*\}$")
_READS = ("GET", "POST")


def _any_member(path: str, walked: Walked) -> bool:
    """Can the path answer any member of its type's family: a collection, a POST adding to one,
    or a member picked by a placeholder key (`/extensions/{extensionId}`)? A key written as a
    value (`/authenticationMethodConfigurations/email`) picks the one the page is about."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return walked.collection or walked.members or _PLACEHOLDER.match(last) is not None


def _keyed(path: str) -> bool:
    """Does the path end with a key (`{id}`, or a value written in)?"""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return route_key(last) == ("{}",)


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a page says of its answer: the type its Response section names (`stated`), the
    type of a response example's annotation (`weak`), whether an example shows a body."""

    stated: TypeRef | None
    weak: TypeRef | None
    body: bool
    stem: str
    lines: dict[str, SourceSpan]  # normalised path -> its request line


@dataclass(slots=True)
class _Claim:
    op: int  # index into the operations
    index: int  # index into the operation's paths
    path: str
    walked: Walked | None
    answer: Answer
    relation: int  # 3 the walk's type, 2 related, 1 no type named, 0 unrelated


def attribute_operations(
    docs: list[PageDoc],
    found: Declarations,
    operations: list[Operation],
    diagnostics: Diagnostics,
) -> list[Operation]:
    walk = ModelWalk(docs, found)
    pages = {doc.path: doc for doc in docs}
    shapes = _shapes(found, walk)
    facts = [_facts(pages.get(op.source.path), found, shapes, walk) for op in operations]
    claims: dict[tuple[str, tuple[str, ...]], list[_Claim]] = {}
    disagreements: dict[tuple[int, int], _Note] = {}
    walks: list[list[Walked | None]] = []
    for position, op in enumerate(operations):
        walked = [walk.walk(path) for path in op.paths]
        walks.append(walked)
        stated = facts[position].stated
        # the types its paths lead to that the page's type names or is related to: what the
        # page is about
        about = {
            w.type
            for w in walked
            if w is not None and w is not OPERATION and stated is not None
            if walk.related(w.type, stated.name)
        }
        for index, path in enumerate(op.paths):
            answer, relation, note = _answer(op, path, walked[index], facts[position], walk, about)
            if note is not None:
                disagreements[position, index] = note
            key = (op.method, route_key(path))
            claims.setdefault(key, []).append(
                _Claim(position, index, path, walked[index], answer, relation)
            )
    owned: dict[int, dict[int, Answer]] = {}
    families: dict[int, set[str]] = {}  # the family types a winner answers for its pages
    for (method, _), group in sorted(claims.items()):
        winner, answer = _decide(group, operations, facts, walk)
        for claim in group:  # a function written with other arguments is the same endpoint
            if claim.op == winner.op:
                owned.setdefault(winner.op, {})[claim.index] = answer
        if answer is not winner.answer and answer.type is not None:
            families.setdefault(winner.op, set()).add(answer.type.name)
        for claim in group:
            if claim.op == winner.op:
                continue
            loser = operations[claim.op]
            where = facts[claim.op].lines.get(claim.path, loser.source)
            diagnostics.report(
                "GG035",
                where,
                f"{method} {claim.path} is documented by {operations[winner.op].source.path} "
                f"too, which owns it{_about(answer)}",
            )
    reported: dict[int, list[str]] = {}  # the page's type kept on a path it owns
    for (position, index), note in sorted(disagreements.items()):
        kept = owned.get(position, {}).get(index)
        reached = walks[position][index]
        if kept is None or kept.type is None or reached is None:
            continue
        if kept.type.name != reached.type or note.overruled:
            reported.setdefault(position, []).append(note.text)
    for position, notes in sorted(reported.items()):
        more = f" (and {len(notes) - 1} more)" if len(notes) > 1 else ""
        diagnostics.report("GG036", operations[position].source, notes[0] + more)
    result: list[Operation] = []
    actions: dict[int, str] = {}  # position -> the action's name, for its request class
    for position, op in enumerate(operations):
        mine = owned.get(position)
        if not mine:
            continue  # every path it lists is another page's endpoint
        paths = tuple(op.paths[i] for i in sorted(mine))
        answers = tuple(dataclasses.replace(mine[i], path=op.paths[i]) for i in sorted(mine))
        untyped = [a.path for a in answers if a.type is None and not a.empty]
        if untyped:
            diagnostics.report(
                "GG037",
                op.source,
                f"{op.method} {untyped[0]}"
                + (f" and {len(untyped) - 1} more paths" if len(untyped) > 1 else "")
                + ": neither the page nor the model says what it answers; typed Any",
            )
        parameters: list[str] = []
        for path in paths:
            for name in placeholders(path):
                if name not in parameters:
                    parameters.append(name)
        walked = [walks[position][i] for i in sorted(mine)]
        if _is_action(op, walked):
            actions[len(result)] = _action_name(paths[0])
        result.append(
            dataclasses.replace(
                op,
                paths=paths,
                path_parameters=tuple(parameters),
                answers=answers,
                request_type=_family_body(
                    op.request_type, families.get(position) or _widened(op, answers, walked), walk
                )
                or _body_type(op, walked, walk),
            )
        )
    taken = {split_qualified(q)[1].lower() for q in [*found.types, *found.enums]}
    for index, name in request_classes(result, actions, walk, taken).items():
        result[index] = dataclasses.replace(result[index], request_class=name)
    return result


def _family_body(
    request: TypeRef | None, family: set[str] | None, walk: ModelWalk
) -> TypeRef | None:
    """A body the page types as one member of a family whose request the family's base
    answers (`POST /deviceAppManagement/mobileApps`) takes any member: the base."""
    if request is None or not family or len(family) != 1:
        return request
    (base,) = family
    return TypeRef(name=base) if base in walk.ancestors(request.name) else request


def _widened(
    op: Operation, answers: tuple[Answer, ...], walked: list[Walked | None]
) -> set[str] | None:
    """The types a POST adding to a collection answers where they are not its page's body type
    (`POST /managedEBooks` answers any `managedEBook`, its page sends an `iosVppEBook`)."""
    if op.method != "POST" or not all(w is not None and w.members for w in walked):
        return None
    return {a.type.name for a in answers if a.type is not None}


def _body_type(op: Operation, walked: list[Walked | None], walk: ModelWalk) -> TypeRef | None:
    """The body of a PATCH or PUT, or of a POST adding to a collection, that the page does not
    name: the one entity or complex type every path of it leads to (`PATCH /users/{id}`: a
    `user`)."""
    if op.method not in ("PATCH", "PUT", "POST"):
        return None
    found = set()
    for w in walked:
        if w is None or w is OPERATION or (op.method == "POST" and not w.members):
            return None
        if op.method != "POST" and w.collection:
            return None
        found.add(w.type)
    if len(found) != 1:
        return None
    (only,) = found
    return TypeRef(name=only) if only in walk.found.types else None


def _is_action(op: Operation, walked: list[Walked | None]) -> bool:
    """A POST with a parameter table and no resource as its body, on paths that end on a
    function or action (not a collection it adds to), or that no walk reaches on a page titled
    as an action (`call: answer`)."""
    return (
        op.method == "POST"
        and bool(op.parameters)
        and op.request_type is None
        and not any(w is not None and w is not OPERATION for w in walked)
        and (any(w is OPERATION for w in walked) or _OPERATION_TITLE.search(op.title) is not None)
    )


def _action_name(path: str) -> str:
    last = path.rstrip("/").rsplit("/", 1)[-1].split("(", 1)[0]
    return last.rpartition(".")[2] if last.lower().startswith("microsoft.graph.") else last


def request_classes(
    operations: list[Operation], actions: dict[int, str], walk: ModelWalk, taken: set[str]
) -> dict[int, str]:
    """The name of each action's request class: `sendMailRequest`; actions of one name whose
    parameters differ are told apart by the type they are bound to (`eventForwardRequest`,
    `messageForwardRequest`), else by their page; a name a type of the model has gets `Body`."""
    by_name: dict[str, list[int]] = {}
    for index, name in sorted(actions.items()):
        by_name.setdefault(name.lower(), []).append(index)
    names: dict[int, str] = {}
    for _, indexes in sorted(by_name.items()):
        signatures = {_signature(operations[i]) for i in indexes}
        for index in indexes:
            action = actions[index]
            name = action[:1].lower() + action[1:]
            if len(signatures) > 1:
                name = _binding(operations[index], walk) + action[:1].upper() + action[1:]
            names[index] = name + "Request"
    # one class per (name, signature); another signature under a taken name is numbered
    used: set[str] = set(taken)
    chosen: dict[tuple[str, tuple[tuple[str, str, bool], ...]], str] = {}
    result: dict[int, str] = {}
    for index in sorted(names):
        key = (names[index].lower(), _signature(operations[index]))
        if key not in chosen:
            candidate, number = names[index], 1
            while candidate.lower() in used:
                number += 1
                candidate = f"{names[index]}Body" if number == 2 else f"{names[index]}{number}"
            used.add(candidate.lower())
            chosen[key] = candidate
        result[index] = chosen[key]
    return result


def _signature(op: Operation) -> tuple[tuple[str, str, bool], ...]:
    return tuple((p.name.lower(), p.type.name, p.type.collection) for p in op.parameters)


def _binding(op: Operation, walk: ModelWalk) -> str:
    """The simple name of the type an action's first path binds it to, else its page's first
    word (`event-forward.md`: `event`)."""
    bound = walk.walk(op.paths[0].rstrip("/").rsplit("/", 1)[0])
    if bound is not None and bound is not OPERATION and bound.type in walk.found.types:
        return split_qualified(bound.type)[1]
    stem = posixpath.splitext(posixpath.basename(op.source.path))[0]
    word = stem.split("-", 1)[0]
    return word[:1].lower() + word[1:]


def _about(answer: Answer) -> str:
    if answer.type is None:
        return ""
    shape = " collection" if answer.type.collection else ""
    return f" (it answers {split_qualified(answer.type.name)[1]}{shape})"


def _shapes(found: Declarations, walk: ModelWalk) -> dict[frozenset[str], list[str]]:
    """Each type's property names (its own and its bases', lower-case) -> the types that have
    exactly those: what a Response section's table of properties may name."""
    shapes: dict[frozenset[str], list[str]] = {}
    for qualified in sorted(found.types):
        names: set[str] = set()
        for ancestor in walk.ancestors(qualified):
            draft = found.types.get(ancestor)
            names.update(draft.lower_names if draft is not None else ())
        if names:
            shapes.setdefault(frozenset(names), []).append(qualified)
    return shapes


def _one_of(stated: TypeRef, doc: PageDoc, found: Declarations, walk: ModelWalk) -> TypeRef:
    """`a new [ipNamedLocation](..) or [countryNamedLocation](..) object`: the nearest type
    every alternative is or derives from (namedLocation); the first where they share none."""
    cell = doc.response_type
    if cell is None or len(cell.alternatives) < 2:
        return stated
    resolved = alternatives(cell, doc.path, found)
    if resolved is None:
        return stated
    common = walk.common_base(resolved)
    return TypeRef(name=common, collection=stated.collection) if common else stated


def _by_shape(doc: PageDoc, shapes: dict[frozenset[str], list[str]]) -> TypeRef | None:
    """The one type whose properties are exactly those of the Response section's table
    (driveitem-preview.md lists getUrl, postUrl, postParameters: an itemPreviewInfo)."""
    names = frozenset(row.name.lower() for row in doc.response_properties)
    found = shapes.get(names, []) if names else []
    return TypeRef(name=found[0]) if len(found) == 1 else None


def _facts(
    doc: PageDoc | None,
    found: Declarations,
    shapes: dict[frozenset[str], list[str]],
    walk: ModelWalk,
) -> _Facts:
    if doc is None:
        return _Facts(None, None, False, "", {})
    stated = None
    if doc.response_type is not None:
        resolved = found.index.resolve(doc.response_type, doc.path)
        if resolved is not None:
            stated = TypeRef(name=resolved, collection=doc.response_type.collection)
            stated = _qualified_by_property(stated, doc.response_type.name or "", found)
            stated = _one_of(stated, doc, found, walk)
    weak = None
    body = False
    for example in doc.examples:
        if example.kind != "response":
            continue
        # an error's body is no answer, and a 204 has none (`{}` written after it is not one)
        success = example.status is None or 200 <= example.status < 300
        body = body or (example.has_body and success and example.status != 204)
        value = example.annotation.get("@odata.type", example.annotation.get("@type"))
        if weak is None and isinstance(value, str):
            inner = value.strip()
            many = example.annotation.get("isCollection") is True
            if inner.lower().startswith("collection(") and inner.endswith(")"):
                inner, many = inner[len("collection(") : -1], True
            qualified = found.index.lookup(inner)
            if qualified is not None:
                weak = TypeRef(name=qualified, collection=many)
    if stated is None and weak is None and doc.response_properties:
        weak = _by_shape(doc, shapes)
        body = body or weak is not None
    stem = posixpath.splitext(posixpath.basename(doc.path))[0].lower()
    lines: dict[str, SourceSpan] = {}
    for item in doc.http_paths:
        lines.setdefault(item.normalised, item.source)
    return _Facts(stated, weak, body, stem, lines)


_QUALIFIER = re.compile(r"^\s*\S+\s*\(([A-Za-z ]+)\)\s*$")


def _qualified_by_property(stated: TypeRef, written: str, found: Declarations) -> TypeRef:
    """`[directory (deleted items)](directory.md)`: what the `deletedItems` property of a
    `directory` holds, when the words in parentheses name one of its properties."""
    match = _QUALIFIER.match(written)
    draft = found.types.get(stated.name)
    if match is None or draft is None:
        return stated
    words = match.group(1).split()
    name = words[0].lower() + "".join(w.capitalize() for w in words[1:])
    key = draft.lower_names.get(name.lower())
    if key is None:
        return stated
    prop = draft.properties[key]
    return TypeRef(name=prop.type.name, collection=prop.type.collection)


@dataclass(frozen=True, slots=True)
class _Note:
    """Where the page's type and the walk's differ (GG036): `overruled` when the walk's is used
    against the page's, reported whichever page owns the path."""

    text: str
    overruled: bool = False


def _reconcile(
    method: str,
    path: str,
    stated: str,
    typed: Walked,
    relation: int,
    walk: ModelWalk,
    about: set[str],
) -> tuple[str, _Note | None]:
    """The type kept where the page names `stated` and the path leads to `typed`, and the note
    saying so when they differ (of a read)."""
    kept, why = stated, ""
    if relation == 0 and not typed.guessed:
        # the page's type is no member of the family the path holds: an example's type, or
        # another path's (`user-get-mailboxsettings.md` for `.../workingHours`)
        kept, why = typed.type, "unrelated"
    elif relation == 2 and stated in walk.ancestors(typed.type):
        kept = typed.type  # `/places/microsoft.graph.room`: a place, and the path says which
    elif relation == 2 and _any_member(path, typed):
        # `/groups/{id}/owners` holds any directoryObject, not users only
        kept, why = typed.type, "any" if stated not in about else ""
    elif relation == 2 and stated in about:
        kept = typed.type  # `/me/insights/shared/{id}/resource` on the sharedInsight page
    if method not in _READS or stated == typed.type:
        return kept, None
    said = f"{method} {path}: the page answers {_simple(stated)}, the path leads to "
    if kept != typed.type:
        return kept, _Note(f"{said}{_simple(typed.type)}; {_simple(stated)} kept")
    if why == "unrelated":
        return kept, _Note(f"{said}{_simple(typed.type)}, unrelated; {_simple(kept)} used", True)
    if why == "any":
        return kept, _Note(f"{said}any {_simple(typed.type)}; {_simple(kept)} used", True)
    return kept, None


def _answer(
    op: Operation,
    path: str,
    walked: Walked | None,
    facts: _Facts,
    walk: ModelWalk,
    about: set[str],
) -> tuple[Answer, int, _Note | None]:
    """The answer of one path, how the page's type relates to the walk's, and a note when
    they disagree."""
    method, stated = op.method, facts.stated
    typed = walked if walked is not None and walked is not OPERATION else None
    relation = 1
    if typed is not None and stated is not None:
        if stated.name == typed.type:
            relation = 3
        elif walk.related(stated.name, typed.type):
            relation = 2
        else:
            relation = 0
    elif stated is not None:
        relation = 2
    status = op.status
    if (
        method == "DELETE"
        or status in _REDIRECTS
        or (status in (202, 204) and not facts.body)
        or (method in ("PATCH", "PUT") and status is None and not facts.body and stated is None)
    ):
        return Answer(path=path, empty=True), relation, None
    weak = facts.weak
    if typed is not None and relation == 0 and weak is not None and weak.name == typed.type:
        stated, relation = None, 1  # the page's own example agrees with the walk
    kept = stated.name if stated is not None else None
    note = None
    if typed is not None and stated is not None:
        kept, note = _reconcile(method, path, stated.name, typed, relation, walk, about)
    if method == "GET":
        if typed is not None:
            name = kept or typed.type
            many = typed.collection
            if not _keyed(path) and facts.weak is not None and name == facts.weak.name:
                many = many or facts.weak.collection
            return Answer(path=path, type=TypeRef(name=name, collection=many)), relation, note
        chosen = stated or facts.weak
        if chosen is not None and not _keyed(path) and walked is None:
            # no walk: a collection when the Response prose or an example's annotation says so
            weak = facts.weak
            if weak is not None and weak.name == chosen.name and weak.collection:
                chosen = TypeRef(name=chosen.name, collection=True)
        return Answer(path=path, type=chosen), relation, None
    if method == "POST":
        if typed is not None:
            name = kept if kept is not None and relation > 0 else typed.type
            many = False if typed.members else (typed.collection if name == typed.type else False)
            if stated is not None and name == stated.name and not typed.members:
                many = stated.collection
            return Answer(path=path, type=TypeRef(name=name, collection=many)), relation, note
        chosen = stated or facts.weak
        if chosen is None and not facts.body and status in (200, 201, 202, 204):
            return Answer(path=path, empty=True), relation, None
        return Answer(path=path, type=chosen), relation, None
    # PATCH, PUT
    if stated is not None:
        return Answer(path=path, type=TypeRef(name=stated.name)), relation, None
    if typed is not None and typed.type in walk.found.types and status in (200, 201):
        return Answer(path=path, type=TypeRef(name=typed.type)), relation, None
    if not facts.body:
        return Answer(path=path, empty=True), relation, None
    return Answer(path=path, type=facts.weak), relation, None


def _simple(qualified: str) -> str:
    return split_qualified(qualified)[1] if "." in qualified else qualified


def _decide(
    group: list[_Claim], operations: list[Operation], facts: list[_Facts], walk: ModelWalk
) -> tuple[_Claim, Answer]:
    """The claim that owns an endpoint, and what the endpoint answers."""
    if len({c.op for c in group}) == 1:
        return group[0], group[0].answer

    def rank(claim: _Claim) -> tuple[int, int, int, int, str, int]:
        answered = claim.answer.type.name if claim.answer.type is not None else None
        stem = facts[claim.op].stem
        if claim.walked is None or claim.walked is OPERATION:
            # a function or action: the page named for it (`post-reply.md` for `.../reply`)
            last = claim.path.rstrip("/").rsplit("/", 1)[-1].split("(", 1)[0].lower()
            named = int(stem.endswith("-" + last) or stem == last)
            first, second = named, claim.relation
        else:
            simple = _simple(claim.walked.type).lower()
            named = int(stem.startswith(simple + "-"))
            first, second = named, claim.relation
        depth = len(walk.ancestors(answered)) if answered is not None else 99
        # a list page for a collection, another for one member (`riskyuser-list-history.md`)
        listing = int(("-list" in stem) != _keyed(claim.path))
        return (-first, -second, -listing, depth, operations[claim.op].source.path, claim.index)

    ordered = sorted(group, key=rank)
    winner = ordered[0]
    answer = winner.answer
    stated = sorted(
        {
            c.answer.type.name
            for c in group
            if c.answer.type is not None
            and c.relation > 0
            and c.answer.type.name in walk.found.types
        }
    )
    if answer.type is not None and len(stated) > 1 and winner.relation < 3:
        family = walk.common_base(stated)
        if family is not None:
            answer = dataclasses.replace(
                answer, type=TypeRef(name=family, collection=answer.type.collection)
            )
    return winner, answer


__all__ = ["attribute_operations"]
