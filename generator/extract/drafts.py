"""Mutable drafts used while evidence from many pages is merged; frozen into the model at the end.

Evidence ranks (lower wins, see docs/architecture.md "Precedence"):
  0 resource page tables and value tables
  1 resource page JSON representation, "Possible values" text
  2 API page request-body tables
  3 example request and response bodies
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from generator.model import TypeRef
from generator.source import SourceSpan

PAGE, PAGE_JSON, REQUEST_TABLE, EXAMPLE = 0, 1, 2, 3


@lru_cache(maxsize=1 << 14)
def type_ref(name: str, collection: bool) -> TypeRef:
    """One TypeRef per (name, collection), shared: it is immutable, and the tables of the
    corpus alone ask for 11,000 of a few hundred."""
    return TypeRef(name=name, collection=collection)


@dataclass(slots=True)
class PropertyDraft:
    name: str
    type: TypeRef
    rank: int
    source: SourceSpan
    navigation: bool = False
    read_only: bool = False
    description: str = ""


@dataclass(slots=True)
class TypeDraft:
    qualified: str
    rank: int
    source: SourceSpan
    entity: bool = False
    keyed: bool = False  # strong evidence of an entity: a `keyProperty` the page has
    base: str | None = None
    base_rank: int = 99
    open: bool = False
    description: str = ""
    properties: dict[str, PropertyDraft] = field(default_factory=dict)
    # lower-case property name -> the first key of `properties` spelled so (extract/properties.py
    # `add_property` keeps it, the only writer of `properties`)
    lower_names: dict[str, str] = field(default_factory=dict)
    # weaker evidence of the base, decided by extract/bases.py when nothing names it outright:
    # qualified base -> (rank, where). "Inherited from [x]" rows, polymorphic example values.
    base_hints: dict[str, tuple[int, SourceSpan]] = field(default_factory=dict)


@dataclass(slots=True)
class EnumDraft:
    qualified: str
    rank: int
    source: SourceSpan
    members: dict[str, tuple[int | None, str, SourceSpan]] = field(default_factory=dict)
    description: str = ""
    flags: bool = False  # an example shows a value combining members ("a,b"); see extract/enums.py
