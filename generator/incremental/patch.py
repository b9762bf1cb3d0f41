"""Incremental build for prose-only edits: the last model, patched instead of rebuilt.

When every page that changed since the last build keeps its shape (incremental/shape.py: the same
page apart from line numbers and descriptions), the new model is the last one with those values
replaced: source lines of the edited pages mapped from old to new, and each edited description
replaced where it was copied. This holds because the build decides nothing on either value. A
patch is refused (and the model rebuilt) whenever that mapping could be ambiguous:

- a page's lines do not map one to one and in order (its spans were reordered);
- a description text that changed also appears elsewhere (on another page, or unchanged on the
  same page), so that a copy of it in the model could have come from either;
- a description became empty or stopped being empty (merges take the first non-empty one).
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.diagnostics import Diagnostic
from generator.incremental.reach import LEAVES, ModelReach, model_parts, text_bit, walked_fields
from generator.incremental.shape import PageShape
from generator.model import ApiModel
from generator.source import SourceSpan


@dataclass(slots=True)
class _PageEdit:
    old_lines: list[int]  # sorted distinct old lines
    shifts: list[int]  # new - old, for each of old_lines

    def line(self, old: int) -> int:
        """The new line of an old one; a line no span names (a line inside an example, counted
        from the example's start) moves with the nearest span above it."""
        at = bisect.bisect_right(self.old_lines, old) - 1
        return old + (self.shifts[at] if at >= 0 else 0)


@dataclass(slots=True)
class Patch:
    pages: dict[str, _PageEdit]
    texts: dict[str, str]  # old description -> new description, only those that changed

    def model(self, model: ApiModel, reach: ModelReach | None = None) -> ApiModel:
        """The model patched; with its reach (incremental/reach.py), only the elements that can
        hold what changes are walked."""
        if reach is None:
            patched: ApiModel = self._value(model)
            return patched
        mask = 0
        for text in self.texts:
            mask |= text_bit(text)
        pages = self.pages.keys()
        parts = []
        for elements, reaches in zip(model_parts(model), reach, strict=True):
            new = list(elements)
            for at, (found, bits) in enumerate(reaches):
                if not found.isdisjoint(pages) or bits & mask:
                    new[at] = self._value(elements[at])
            parts.append(tuple(new))
        return ApiModel(types=parts[0], enums=parts[1], operations=parts[2])

    def diagnostics(self, items: Iterable[Diagnostic]) -> list[Diagnostic]:
        out = []
        for item in items:
            source = self._value(item.source)
            message = self._message(item.message)
            if source is not item.source or message != item.message:
                item = dataclasses.replace(item, source=source, message=message)
            out.append(item)
        return out

    def _message(self, message: str) -> str:
        for path in self.pages:
            if path + ":" in message:
                edit = self.pages[path]
                message = re.sub(
                    re.escape(path) + r":(\d+)",
                    lambda m, e=edit, p=path: f"{p}:{e.line(int(m.group(1)))}",  # type: ignore[misc]
                    message,
                )
        return message

    def _value(self, value: Any) -> Any:
        """The value with its spans and descriptions patched; the very same object when
        nothing in it changes (so unchanged parts of the model stay shared)."""
        kind = type(value)
        if kind in LEAVES:
            return value
        if kind is SourceSpan:
            edit = self.pages.get(value.path)
            if edit is None:
                return value
            line = edit.line(value.line)
            return value if line == value.line else SourceSpan(value.path, line)
        if kind is tuple:
            changed = None
            for at, item in enumerate(value):
                new = self._value(item)
                if new is not item:
                    if changed is None:
                        changed = list(value)
                    changed[at] = new
            return value if changed is None else tuple(changed)
        names = walked_fields(kind)
        if names is None:
            return value
        changes = {}
        for name in names:
            item = getattr(value, name)
            if name == "description" and type(item) is str:
                new = self.texts.get(item, item)
            else:
                new = self._value(item)
            if new is not item:
                changes[name] = new
        return dataclasses.replace(value, **changes) if changes else value


def plan_patch(
    old: Mapping[str, PageShape],
    new: Mapping[str, PageShape],
    changed: Iterable[str],
    held: Mapping[str, int] | None = None,
) -> Patch | None:
    """The patch that turns the model of the pages `old` into that of `new`, where only the
    pages in `changed` differ; None when the model must be rebuilt. `held`: how many pages of
    `old` hold each description (incremental/reach.py), so that the shapes of the unchanged pages
    need not be read."""
    changed = sorted(changed)
    if old.keys() != new.keys():
        return None
    pages: dict[str, _PageEdit] = {}
    texts: dict[str, str] = {}
    for path in changed:
        before, after = old[path], new[path]
        if before.digest != after.digest or len(before.lines) != len(after.lines):
            return None
        edit = _line_edit(before.lines, after.lines)
        if edit is None:
            return None
        pages[path] = edit
        for a, b in zip(before.texts, after.texts, strict=True):
            if texts.setdefault(a, b) != b or bool(a) != bool(b):
                return None
    texts = {a: b for a, b in texts.items() if a != b}
    if texts and _held_elsewhere(texts, old, pages, held):
        return None
    return Patch(pages, texts)


def _held_elsewhere(
    texts: Mapping[str, str],
    old: Mapping[str, PageShape],
    pages: Mapping[str, _PageEdit],
    held: Mapping[str, int] | None,
) -> bool:
    """Whether a page other than the edited ones holds one of the replaced descriptions."""
    if held is None:
        elsewhere = {t for path, shape in old.items() if path not in pages for t in shape.texts}
        return any(text in elsewhere for text in texts)
    edited = [set(old[path].texts) for path in pages]
    return any(held.get(t, 0) > sum(t in mine for mine in edited) for t in texts)


def _line_edit(before: tuple[int, ...], after: tuple[int, ...]) -> _PageEdit | None:
    pairs = sorted(set(zip(before, after, strict=True)))
    old_lines: list[int] = []
    shifts: list[int] = []
    last_new = None
    for old_line, new_line in pairs:
        if old_lines and old_lines[-1] == old_line:
            return None  # one old line, two new ones
        if last_new is not None and new_line <= last_new:
            return None  # order not kept
        old_lines.append(old_line)
        shifts.append(new_line - old_line)
        last_new = new_line
    return _PageEdit(old_lines, shifts)
