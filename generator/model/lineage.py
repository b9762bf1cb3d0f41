"""The chain of bases of a type: the one walk up the inheritance, for drafts and frozen types alike.

A type names its base by qualified name; a `base_of` function gives the base a name declares
(None for a root, or for a name that is no type). During extraction the bases may still form a
cycle (`a` derives from `b`, `b` from `a`) until extract/freeze.py breaks it, so the walk has the
one guard against it: it never yields a name twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Protocol, TypeVar

BaseOf = Callable[[str], str | None]


class Based(Protocol):
    """A draft or a frozen type: anything that names its base."""

    @property
    def base(self) -> str | None: ...


T = TypeVar("T", bound=Based)


def base_in(types: Mapping[str, Based]) -> BaseOf:
    """A `base_of` over types by qualified name: the base a known type names, else None. That base
    may itself be no known type; a walk yields it and ends there."""

    def base_of(name: str) -> str | None:
        known = types.get(name)
        return None if known is None else known.base

    return base_of


def lineage(base: str | None, base_of: BaseOf) -> Iterator[str]:
    """The bases of a type that names `base`, nearest first, each once: `base`, its base, and so
    on, until a name has no base or the next was already walked. A type on a cycle derives from
    itself, so its lineage ends with its own name; it is otherwise not in it. Lazy: a caller that
    finds what it looks for in the nearest bases walks no further."""
    walked: set[str] = set()
    current = base
    while current is not None and current not in walked:
        yield current
        walked.add(current)
        current = base_of(current)


def ancestors(t: Based, types: Mapping[str, T]) -> Iterator[T]:
    """The types of `t`'s lineage, nearest first, up to the first name that is no known type."""
    for name in lineage(t.base, base_in(types)):
        known = types.get(name)
        if known is None:
            return
        yield known


def cyclic(base: str | None, base_of: BaseOf) -> bool:
    """Does the chain of bases from `base` run into a cycle, whether or not the type that names
    `base` is on it?"""
    last: str | None = None
    for last in lineage(base, base_of):
        pass
    return last is not None and base_of(last) is not None
