"""Compare two surfaces: added, removed and retyped types, properties, enum members and
operations. Removing or retyping anything may break users' code: those are marked breaking.
Additions are not (enums are open: unknown values were already read as strings)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.report.skeleton import same_surface

if TYPE_CHECKING:  # libcst is loaded only when a surface may have changed
    from generator.report.surface import Surface


@dataclass(frozen=True, slots=True, order=True)
class Change:
    """One change of the API surface, said as `[BREAKING ]what subject[: detail]`."""

    subject: str  # "type User", "property User.mail", "operation get_user", ...
    what: str  # "added" | "removed" | "retyped"
    detail: str = ""
    breaking: bool = False

    def __str__(self) -> str:
        mark = "BREAKING " if self.breaking else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{mark}{self.what} {self.subject}{detail}"


def _diff_members(name: str, kind: str, old: dict[str, str], new: dict[str, str]) -> list[Change]:
    noun = "member" if kind == "enum" else "property"
    changes = []
    for member in sorted(set(old) | set(new)):
        subject = f"{noun} {name}.{member}"
        if member not in old:
            changes.append(Change(subject, "added", new[member]))
        elif member not in new:
            changes.append(Change(subject, "removed", old[member], breaking=True))
        elif old[member] != new[member]:
            changes.append(
                Change(subject, "retyped", f"{old[member]} -> {new[member]}", breaking=True)
            )
    return changes


def compare_surfaces(old: Surface, new: Surface) -> list[Change]:
    changes: list[Change] = []
    for name in sorted(set(old.types) | set(new.types)):
        before, after = old.types.get(name), new.types.get(name)
        if before is None and after is not None:
            changes.append(Change(f"{after.kind} {name}", "added"))
        elif after is None and before is not None:
            changes.append(Change(f"{before.kind} {name}", "removed", breaking=True))
        elif before is not None and after is not None:
            if before.base != after.base:
                changes.append(
                    Change(
                        f"{after.kind} {name}",
                        "retyped",
                        f"base {before.base} -> {after.base}",
                        breaking=True,
                    )
                )
            changes += _diff_members(name, after.kind, before.members, after.members)
    for op in sorted(set(old.operations) | set(new.operations)):
        before_sig, after_sig = old.operations.get(op), new.operations.get(op)
        if before_sig is None:
            changes.append(Change(f"operation {op}", "added", after_sig or ""))
        elif after_sig is None:
            changes.append(Change(f"operation {op}", "removed", breaking=True))
        elif before_sig != after_sig:
            changes.append(
                Change(f"operation {op}", "retyped", f"{before_sig} -> {after_sig}", breaking=True)
            )
    return changes


def compare_outputs(
    old: Mapping[str, str], new: Mapping[str, str], unchanged: Mapping[str, str] | None = None
) -> list[Change]:
    """Changes between two sets of generated files (relative path -> text). Only the files
    that differ need to be given: unchanged files contribute nothing to the surface. They tell
    the paths of the builder modules, though (`routes.py`): give them as `unchanged` (files the
    same on both sides; only `builders/` is read, and only what a changed builder's path needs),
    else a builder whose path the changed files do not tell is named by its docstring. When the
    files differ in docstrings only (`skeleton.py`), there is nothing to read."""
    if same_surface(old, new):
        return []
    from generator.report.routes import RouteTree
    from generator.report.surface import read_surface

    before, after = RouteTree(old, unchanged), RouteTree(new, unchanged)
    return compare_surfaces(read_surface(old, before), read_surface(new, after))


def format_report(changes: list[Change]) -> list[str]:
    if not changes:
        return []
    breaking = sum(c.breaking for c in changes)
    lines = [f"API changes: {len(changes)} ({breaking} breaking)"]
    lines += [f"  {change}" for change in changes]
    return lines
