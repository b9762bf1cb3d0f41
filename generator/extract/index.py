"""Name index: every declared type and enum, found by name, qualified name or page path."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from generator.parse.document import TypeCell
from generator.parse.primitives import primitive

DEFAULT_NAMESPACE = "microsoft.graph"


def qualify(name: str, namespace: str = DEFAULT_NAMESPACE) -> str:
    """`user` -> `microsoft.graph.user`; already qualified names are kept."""
    name = name.lstrip("#")
    if name.lower().startswith("microsoft.graph."):
        return name
    return f"{namespace}.{name}"


def split_qualified(qualified: str) -> tuple[str, str]:
    namespace, _, name = qualified.rpartition(".")
    return namespace, name


@dataclass(slots=True)
class NameIndex:
    """Answers are memoised (`lookup`, `resolve`: thousands of repeats per run); every change to
    the index goes through `declare` or `set_namespace`, which forget them."""

    by_name: dict[str, str] = field(default_factory=dict)  # lower simple or qualified -> qualified
    by_page: dict[str, str] = field(default_factory=dict)  # lower page path -> qualified
    namespaces: dict[str, str] = field(default_factory=dict)  # lower page path -> its namespace
    _looked_up: dict[str, str | None] = field(default_factory=dict)
    # a page's scope: what `_resolve` reads of its path (its folder, its namespace)
    _scopes: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    _resolved: dict[tuple[str | None, str | None, tuple[str, str | None]], str | None] = field(
        default_factory=dict
    )

    def _changed(self) -> None:
        self._looked_up.clear()
        self._resolved.clear()

    def set_namespace(self, page: str, namespace: str) -> None:
        self.namespaces[page.lower()] = namespace
        self._scopes.clear()
        self._changed()

    def declare(self, qualified: str, page: str | None = None) -> str:
        """Register a name; the first spelling wins, later ones map onto it."""
        existing = self.by_name.get(qualified.lower())
        if existing is not None:
            qualified = existing
        else:
            self.by_name[qualified.lower()] = qualified
            simple = split_qualified(qualified)[1].lower()
            self.by_name.setdefault(simple, qualified)
            self._changed()
        if page is not None and page.lower() not in self.by_page:
            self.by_page[page.lower()] = qualified
            self._changed()
        return qualified

    def lookup(self, name: str) -> str | None:
        try:
            return self._looked_up[name]
        except KeyError:
            pass
        key = name.lstrip("#").lower()
        found = self.by_name.get(key) or self.by_name.get(
            key.rpartition(".")[2] if "." in key else key
        )
        self._looked_up[name] = found
        return found

    def resolve(self, cell: TypeCell, page_path: str) -> str | None:
        """Qualified name, `Edm.*`, or None when the reference cannot be resolved."""
        scope = self._scopes.get(page_path)
        if scope is None:
            scope = (posixpath.dirname(page_path), self.namespaces.get(page_path.lower()))
            self._scopes[page_path] = scope
        key = (cell.name, cell.link, scope)  # pages of one scope resolve a cell alike
        try:
            return self._resolved[key]
        except KeyError:
            pass
        found = self._resolve(cell, page_path)
        self._resolved[key] = found
        return found

    def _resolve(self, cell: TypeCell, page_path: str) -> str | None:
        if cell.name is not None:
            edm = primitive(cell.name)
            if edm is not None:
                return edm
        if cell.link:
            target, _, anchor = cell.link.partition("#")
            if target:
                page = posixpath.normpath(posixpath.join(posixpath.dirname(page_path), target))
                found = self.by_page.get(page.lower())
                if found is not None and not anchor:
                    return self._more_specific(found, cell.name, page_path)
            if anchor.endswith("-values"):
                found = self.in_namespace(anchor[: -len("-values")], page_path)
                if found is not None:
                    return found
        if cell.name is not None:
            return self.in_namespace(cell.name, page_path)
        return None

    def _more_specific(self, linked: str, text: str | None, page_path: str) -> str:
        """`[invitationParticipantInfo](participantinfo.md)`: a link text naming a declared type
        that refines the linked page's type (its name ends with it) is that type; the docs link
        the base page of a subtype that has no page of its own."""
        named = self.in_namespace(text, page_path) if text else None
        if named is None or named == linked:
            return linked
        simple, page_simple = split_qualified(named)[1].lower(), split_qualified(linked)[1].lower()
        return named if simple.endswith(page_simple) and simple != page_simple else linked

    def in_namespace(self, name: str, page_path: str) -> str | None:
        """A bare name means the page's own namespace first: `modality` on a `microsoft.graph`
        page is `microsoft.graph.modality`, not `microsoft.graph.callRecords.modality`."""
        namespace = self.namespaces.get(page_path.lower())
        if namespace and "." not in name:
            own = self.by_name.get(f"{namespace}.{name.lstrip('#')}".lower())
            if own is not None:
                return own
        return self.lookup(name)
