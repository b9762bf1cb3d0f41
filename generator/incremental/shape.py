"""The shape of a parsed page: everything the build decides on, apart from prose and positions.

The build copies two things from a page without ever deciding anything on them: the line
numbers of its source spans (compared only within one page, where an edit that adds or removes
lines keeps their order) and the text of `description` fields (copied into the model as they
are). A page's shape is its PageDoc with those two left out, as a digest, plus the left-out
values in document order. Two versions of a page with the same shape give models that differ
only in those values, which is what incremental/patch.py relies on; tests/extract/test_patch.py checks
it against full builds over the corpus.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from typing import Any

from generator.source import SourceSpan

# The rule the build keeps for this module (tests/incremental/test_blind_passes.py checks it for
# every pass of extract/passes.py): the text of a field of these names in a parsed page, and the
# line of every SourceSpan, are only ever copied into the model, never decided on (whether a
# text is empty may decide: `a or b`). Lines are compared only within one page, in order.
COPIED_FIELDS = frozenset({"description"})

_FIELDS: dict[type, tuple[str, ...]] = {}


@dataclass(frozen=True, slots=True)
class PageShape:
    digest: str  # sha256 of the page with every line number and description left out
    lines: tuple[int, ...]  # every source span's line, in document order
    texts: tuple[str, ...]  # every description, in document order


def page_shape(doc: object) -> PageShape:
    parts: list[str] = []
    lines: list[int] = []
    texts: list[str] = []
    _walk(doc, parts, lines, texts)
    digest = hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()
    return PageShape(digest, tuple(lines), tuple(texts))


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _walk(value: Any, parts: list[str], lines: list[int], texts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append("s" + value)
    elif kind is SourceSpan:
        parts.append("@" + value.path)
        lines.append(value.line)
    elif kind is tuple or kind is list:
        parts.append(f"[{len(value)}")
        for item in value:
            _walk(item, parts, lines, texts)
    elif kind is dict:
        parts.append(f"{{{len(value)}")
        for key, item in value.items():
            _walk(key, parts, lines, texts)
            _walk(item, parts, lines, texts)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts.append("<" + kind.__qualname__)
        for name in _fields(kind):
            item = getattr(value, name)
            if name in COPIED_FIELDS and type(item) is str:
                parts.append("d" if item else "d0")  # emptiness is kept: `a or b` may read it
                texts.append(item)
            else:
                _walk(item, parts, lines, texts)
    else:  # None, bool, int, float
        parts.append(f"{kind.__name__}:{value!r}")
