"""What a patch (patch.py) needs to know of the last build without reading all of it.

- `ModelReach`: for each element of the model (type, enum, operation, in model order), the
  pages its source spans name and a 128-bit mask of its descriptions. A patch walks only the
  elements that name an edited page or whose mask meets the mask of the descriptions it
  replaces; the others cannot hold anything it changes. A mask shares bits between texts, so
  it can only make a patch walk an element it need not (never skip one it must).
- `held_texts`: for each description, how many pages' shapes hold it. A patch must know
  whether a description it replaces is held by a page it does not edit; counting spares
  reading every page's shape to find out.
"""

from __future__ import annotations

import dataclasses
import typing
import zlib
from collections.abc import Iterable, Mapping
from typing import Any

from generator.incremental.shape import PageShape
from generator.model import ApiModel
from generator.source import SourceSpan

ElementReach = tuple[frozenset[str], int]  # (pages its spans name, mask of its descriptions)
ModelReach = tuple[tuple[ElementReach, ...], ...]  # types, enums, operations
LEAVES = frozenset({str, int, float, bool, type(None)})  # values that hold no span
_WALKED: dict[type, tuple[str, ...] | None] = {}


def text_bit(text: str) -> int:
    return 1 << (zlib.crc32(text.encode("utf-8", "surrogatepass")) & 127)


def model_parts(model: ApiModel) -> tuple[tuple[Any, ...], ...]:
    return (model.types, model.enums, model.operations)


def model_reach(
    model: ApiModel, last: ApiModel | None = None, reach: ModelReach | None = None
) -> ModelReach:
    """The reach of every element of `model`; an element that is the very one of `last` (at
    the same place) keeps its reach in `reach`."""
    if last is None or reach is None:
        return tuple(tuple(map(element_reach, part)) for part in model_parts(model))
    return tuple(
        tuple(
            known[i] if i < len(before) and before[i] is e else element_reach(e)
            for i, e in enumerate(elements)
        )
        for elements, before, known in zip(model_parts(model), model_parts(last), reach)
    )


def element_reach(element: object) -> ElementReach:
    pages: set[str] = set()
    mask = [0]
    _walk(element, pages, mask)
    return frozenset(pages), mask[0]


def _walk(value: Any, pages: set[str], mask: list[int]) -> None:
    kind = type(value)
    if kind in LEAVES:
        return
    if kind is SourceSpan:
        pages.add(value.path)
        return
    if kind is tuple or kind is list:
        for item in value:
            _walk(item, pages, mask)
        return
    names = walked_fields(kind)
    if names is None:
        return
    for name in names:
        item = getattr(value, name)
        if name == "description" and type(item) is str:
            mask[0] |= text_bit(item)
        else:
            _walk(item, pages, mask)


def walked_fields(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass a walk for spans and descriptions visits (`_walked`), found
    once per class."""
    try:
        return _WALKED[kind]
    except KeyError:
        found = _WALKED[kind] = _walked(kind)
        return found


def _walked(kind: type) -> tuple[str, ...] | None:
    """The fields of a dataclass that can hold a span or a description: those named
    `description`, and those whose annotation admits a dataclass (a field typed `str`,
    `bool`, `tuple[str, ...]`, ... is skipped, which keeps a walk to a fraction of the
    model). None for anything that is not a dataclass."""
    if not dataclasses.is_dataclass(kind):
        return None
    names = [f.name for f in dataclasses.fields(kind)]
    try:
        hints = typing.get_type_hints(kind)
    except Exception:  # noqa: BLE001 - an annotation that cannot be resolved: walk it all
        return tuple(names)
    return tuple(n for n in names if n == "description" or _may_hold(hints.get(n, Any)))


def _may_hold(hint: Any) -> bool:
    if hint in LEAVES or typing.get_origin(hint) is typing.Literal:
        return False
    arguments = typing.get_args(hint)
    if arguments:
        return any(_may_hold(a) for a in arguments if a is not Ellipsis)
    return not isinstance(hint, type) or hint not in LEAVES


def held_texts(shapes: Iterable[PageShape]) -> dict[str, int]:
    """For each description, the number of pages whose shape holds it."""
    held: dict[str, int] = {}
    for shape in shapes:
        for text in set(shape.texts):
            held[text] = held.get(text, 0) + 1
    return held


def recount(
    held: Mapping[str, int], old: Iterable[PageShape], new: Iterable[PageShape]
) -> dict[str, int]:
    """`held` after the pages whose shapes were `old` became `new`."""
    counts = dict(held)
    for shape in old:
        for text in set(shape.texts):
            left = counts.get(text, 0) - 1
            if left > 0:
                counts[text] = left
            else:
                counts.pop(text, None)
    for shape in new:
        for text in set(shape.texts):
            counts[text] = counts.get(text, 0) + 1
    return counts
