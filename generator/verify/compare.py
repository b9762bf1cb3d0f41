"""Measure how far an extracted model agrees with a CSDL, and locate every disagreement.

Recall is measured over the CSDL: every type, property, base type, enum and member it declares
is looked up in the model. Names are compared case-insensitively and reported as written.
A property is found on the model type or on one of its bases (the model keeps a property on
the type that declares it). Disagreements are located at the markdown line of the model element;
what the model lacks altogether is located at the CSDL declaration.

The CSDL's `microsoft.graph.Json` (a complex type that wraps any JSON value; the docs write
`Json`) is the model's `Edm.Untyped` (the corpus has a `Json` page too), so the three agree as property types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diagnostics import Diagnostic, Diagnostics
from generator.model import ApiModel, Property, StructuredType
from generator.source import SourceSpan
from generator.verify.ceiling import short_name
from generator.verify.csdl import Csdl, CsdlProperty


@dataclass(slots=True)
class Ratio:
    agreeing: int = 0
    total: int = 0
    reachable: int | None = None  # how many the docs name (or the model has); None: not measured

    @property
    def percent(self) -> float:
        return 100.0 * self.agreeing / self.total if self.total else 100.0

    @property
    def ceiling(self) -> float | None:
        """The best recall the docs allow: the share of the CSDL's elements that they name."""
        if self.reachable is None:
            return None
        return 100.0 * self.reachable / self.total if self.total else 100.0

    def count(self, agrees: bool, named: bool | None = None) -> bool:
        self.total += 1
        self.agreeing += agrees
        if named is not None:
            self.reachable = (self.reachable or 0) + (agrees or named)
        return agrees

    def written(self) -> str:
        text = f"{self.percent:.2f}% ({self.agreeing}/{self.total})"
        if self.ceiling is None:
            return text
        return f"{text}; the docs name {self.reachable}: ceiling {self.ceiling:.2f}%"


@dataclass(slots=True)
class Agreement:
    types: Ratio = field(default_factory=Ratio)
    properties: Ratio = field(default_factory=Ratio)
    property_types: Ratio = field(default_factory=Ratio)
    base_types: Ratio = field(default_factory=Ratio)
    enums: Ratio = field(default_factory=Ratio)
    enum_members: Ratio = field(default_factory=Ratio)
    extra_types: Ratio = field(default_factory=Ratio)  # model types the CSDL lacks, of the model
    in_docs: Diagnostics = field(default_factory=Diagnostics)  # located at markdown lines
    in_csdl: Diagnostics = field(default_factory=Diagnostics)  # located in the CSDL file

    def summary(self, extra_types: bool = True) -> list[str]:
        """One line per measure; `extra_types`: with the model types the CSDL lacks (not over
        a part of the CSDL, where every model type outside it would count)."""
        rows = [
            ("types found", self.types),
            ("properties found", self.properties),
            ("property types agreeing", self.property_types),
            ("base types agreeing", self.base_types),
            ("enums found", self.enums),
            ("enum members found", self.enum_members),
        ]
        if extra_types:
            rows.append(("model types the CSDL lacks", self.extra_types))
        return [f"{label}: {ratio.written()}" for label, ratio in rows]

    def disagreements(self, docs_prefix: str) -> list[str]:
        prefix = docs_prefix.rstrip("/") + "/" if docs_prefix else ""
        lines = [f"{prefix}{d}" for d in self.in_docs.sorted()]
        return lines + [str(d) for d in self.in_csdl.sorted()]


def compare(model: ApiModel, csdl: Csdl, vocabulary: frozenset[str] | None = None) -> Agreement:
    """Recall over the CSDL; with the docs' vocabulary (see ceiling.py), also the ceiling of
    each recall measure: how many of the CSDL's elements the docs name at all."""
    result = Agreement()

    def named(*names: str) -> bool | None:
        if vocabulary is None:
            return None
        return all(short_name(name) in vocabulary for name in names)

    types = {t.qualified_name.lower(): t for t in model.types}
    enums = {e.qualified_name.lower(): e for e in model.enums}
    for qualified in sorted(csdl.types):
        expected = csdl.types[qualified]
        found = types.get(qualified.lower())
        where = SourceSpan(csdl.path, expected.line)
        if not result.types.count(found is not None, named(qualified)):
            result.in_csdl.report("GG060", where, f"type {qualified} is not in the docs model")
        if expected.base is not None:
            actual = found.base if found is not None else None
            agrees = found is not None and (actual or "").lower() == expected.base.lower()
            if (
                not result.base_types.count(agrees, named(qualified, expected.base))
                and found is not None
            ):
                result.in_docs.report(
                    "GG063",
                    found.source,
                    f"base type of {qualified} is {actual or 'none'} here, "
                    f"{expected.base} in the CSDL",
                )
        elif found is not None and found.base is not None:
            result.in_docs.report(
                "GG063", found.source, f"{qualified} has base {found.base} here, none in the CSDL"
            )
        for name in sorted(expected.properties):
            want = expected.properties[name]
            have = _find_property(found, name, types) if found is not None else None
            if not result.properties.count(have is not None, named(qualified, name)):
                if found is not None:
                    result.in_docs.report(
                        "GG061",
                        found.source,
                        f"property {qualified}.{name} is not in the docs model",
                    )
                continue
            assert have is not None
            if not result.property_types.count(_same_type(have, want)):
                result.in_docs.report(
                    "GG062",
                    have.source,
                    f"{qualified}.{name} is {_written(have.type.name, have.type.collection)} here, "
                    f"{_written(want.type, want.collection)} in the CSDL",
                )
    for qualified in sorted(csdl.enums):
        expected_enum = csdl.enums[qualified]
        found_enum = enums.get(qualified.lower())
        where = SourceSpan(csdl.path, expected_enum.line)
        if not result.enums.count(found_enum is not None, named(qualified)):
            result.in_csdl.report("GG064", where, f"enum {qualified} is not in the docs model")
        members = {m.name.lower() for m in found_enum.members} if found_enum is not None else set()
        for member in expected_enum.members:
            if (
                not result.enum_members.count(member.lower() in members, named(qualified, member))
                and found_enum is not None
            ):
                result.in_docs.report(
                    "GG065", found_enum.source, f"member {member} of {qualified} is not in the docs"
                )
    known = {q.lower() for q in csdl.types} | {q.lower() for q in csdl.enums}
    for structured in model.types:
        if result.extra_types.count(structured.qualified_name.lower() not in known):
            result.in_docs.report(
                "GG066", structured.source, f"type {structured.qualified_name} is not in the CSDL"
            )
    return result


def _find_property(
    found: StructuredType, name: str, types: dict[str, StructuredType]
) -> Property | None:
    current: StructuredType | None = found
    seen: set[str] = set()
    while current is not None and current.qualified_name not in seen:
        seen.add(current.qualified_name)
        for prop in current.properties:
            if prop.name.lower() == name.lower():
                return prop
        current = types.get((current.base or "").lower())
    return None


_ANY_JSON = {"microsoft.graph.json": "edm.untyped"}


def _same_type(have: Property, want: CsdlProperty) -> bool:
    def plain(name: str) -> str:
        return _ANY_JSON.get(name.lower(), name.lower())

    return plain(have.type.name) == plain(want.type) and have.type.collection == want.collection


def _written(name: str, collection: bool) -> str:
    return f"Collection({name})" if collection else name


__all__ = ["Agreement", "Diagnostic", "compare"]
