"""Read a CSDL (OData EDMX) document: structured types, their properties and bases, enums;
the entity container's entity sets and singletons and the bound functions and actions (what
verify/operations.py walks a request path through)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

_EDM = "{http://docs.oasis-open.org/odata/ns/edm}"
_COLLECTION = re.compile(r"^Collection\((.+)\)$")


@dataclass(frozen=True, slots=True)
class CsdlProperty:
    name: str
    type: str  # "Edm.String" or a qualified name, alias resolved
    collection: bool
    navigation: bool


@dataclass(slots=True)
class CsdlType:
    qualified: str
    base: str | None
    line: int
    properties: dict[str, CsdlProperty] = field(default_factory=dict)
    complex: bool = False  # a ComplexType: its collections have no keys


@dataclass(slots=True)
class CsdlEnum:
    qualified: str
    line: int
    members: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CsdlOperation:
    """A bound function or action: what it binds to and what it answers (None: nothing)."""

    qualified: str
    action: bool
    binding: str  # qualified type of the binding parameter
    binding_collection: bool
    returns: str | None
    returns_collection: bool

    @property
    def name(self) -> str:
        return self.qualified.rsplit(".", 1)[-1]


@dataclass(slots=True)
class Csdl:
    path: str
    types: dict[str, CsdlType] = field(default_factory=dict)  # qualified (exact case) -> type
    enums: dict[str, CsdlEnum] = field(default_factory=dict)
    entity_sets: dict[str, str] = field(default_factory=dict)  # name -> qualified entity type
    singletons: dict[str, str] = field(default_factory=dict)  # name -> qualified type
    operations: list[CsdlOperation] = field(default_factory=list)  # bound ones, as declared


def read_csdl(path: Path, namespace_prefix: str = "microsoft.graph") -> Csdl:
    """Types and enums of every schema whose namespace is `namespace_prefix` or below it."""
    text = path.read_text(encoding="utf-8-sig")
    lines = _declaration_lines(text)
    root = ET.fromstring(text)
    csdl = Csdl(path=path.as_posix())
    aliases: dict[str, str] = {}
    schemas = list(root.iter(f"{_EDM}Schema"))
    for schema in schemas:
        namespace = schema.get("Namespace", "")
        alias = schema.get("Alias")
        if alias:
            aliases[alias] = namespace
    for schema in schemas:
        namespace = schema.get("Namespace", "")
        if namespace != namespace_prefix and not namespace.startswith(namespace_prefix + "."):
            continue
        for element in schema:
            tag = element.tag.removeprefix(_EDM)
            name = element.get("Name", "")
            qualified = f"{namespace}.{name}"
            line = lines.get((namespace, name), 1)
            if tag == "EnumType":
                members = tuple(m.get("Name", "") for m in element.iter(f"{_EDM}Member"))
                csdl.enums[qualified] = CsdlEnum(qualified, line, members)
            elif tag in ("EntityType", "ComplexType"):
                base = element.get("BaseType")
                found = CsdlType(
                    qualified,
                    _unalias(base, aliases) if base else None,
                    line,
                    complex=tag == "ComplexType",
                )
                for child in element:
                    kind = child.tag.removeprefix(_EDM)
                    if kind not in ("Property", "NavigationProperty"):
                        continue
                    raw = child.get("Type", "")
                    match = _COLLECTION.match(raw)
                    inner = match.group(1) if match else raw
                    found.properties[child.get("Name", "")] = CsdlProperty(
                        name=child.get("Name", ""),
                        type=_unalias(inner, aliases),
                        collection=match is not None,
                        navigation=kind == "NavigationProperty",
                    )
                csdl.types[qualified] = found
            elif tag in ("Action", "Function") and element.get("IsBound") == "true":
                operation = _operation(qualified, tag == "Action", element, aliases)
                if operation is not None:
                    csdl.operations.append(operation)
            elif tag == "EntityContainer":
                for child in element:
                    kind = child.tag.removeprefix(_EDM)
                    if kind == "EntitySet":
                        target = _unalias(child.get("EntityType", ""), aliases)
                        csdl.entity_sets[child.get("Name", "")] = target
                    elif kind == "Singleton":
                        csdl.singletons[child.get("Name", "")] = _unalias(
                            child.get("Type", ""), aliases
                        )
    return csdl


def _operation(
    qualified: str, action: bool, element: ET.Element, aliases: dict[str, str]
) -> CsdlOperation | None:
    parameters = element.findall(f"{_EDM}Parameter")
    if not parameters:
        return None  # bound, yet nothing to bind to: not reachable by a path
    binding, binding_collection = _type_of(parameters[0].get("Type", ""), aliases)
    returned = element.find(f"{_EDM}ReturnType")
    returns, returns_collection = (
        _type_of(returned.get("Type", ""), aliases) if returned is not None else (None, False)
    )
    return CsdlOperation(
        qualified, action, binding, binding_collection, returns, returns_collection
    )


def _type_of(raw: str, aliases: dict[str, str]) -> tuple[str, bool]:
    match = _COLLECTION.match(raw)
    return _unalias(match.group(1) if match else raw, aliases), match is not None


def _unalias(name: str, aliases: dict[str, str]) -> str:
    prefix, _, rest = name.partition(".")
    return f"{aliases[prefix]}.{rest}" if prefix in aliases and rest else name


_SCHEMA = re.compile(r'<Schema\b[^>]*\bNamespace="([^"]+)"')
_DECLARATION = re.compile(r'<(?:EntityType|ComplexType|EnumType)\b[^>]*\bName="([^"]+)"')


def _declaration_lines(text: str) -> dict[tuple[str, str], int]:
    """(namespace, name) -> 1-based line of the declaration, to locate diagnostics in the CSDL."""
    found: dict[tuple[str, str], int] = {}
    namespace = ""
    for number, line in enumerate(text.splitlines(), start=1):
        schema = _SCHEMA.search(line)
        if schema:
            namespace = schema.group(1)
        declaration = _DECLARATION.search(line)
        if declaration:
            found.setdefault((namespace, declaration.group(1)), number)
    return found
