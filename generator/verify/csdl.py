"""Read a CSDL (OData EDMX) document: structured types, their properties and bases, enums."""

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


@dataclass(slots=True)
class CsdlEnum:
    qualified: str
    line: int
    members: tuple[str, ...] = ()


@dataclass(slots=True)
class Csdl:
    path: str
    types: dict[str, CsdlType] = field(default_factory=dict)  # qualified (exact case) -> type
    enums: dict[str, CsdlEnum] = field(default_factory=dict)


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
                found = CsdlType(qualified, _unalias(base, aliases) if base else None, line)
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
    return csdl


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
