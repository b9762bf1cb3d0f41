"""Reuse of the files rendered by the last run, group by group.

A group of files (one model module, the client, ...) is a pure function of its inputs: parts of
the model, plus a scope that covers everything else it reads (the generator's code, the
templates, the package name, all class and module names; see render/__init__.py). The memo
keeps, per group, the inputs it was last rendered from with the files and the diagnostics that
rendering reported; a group whose inputs compare equal is not planned or rendered again. The
comparison is on the model's values (frozen dataclasses), never on identity or time, so a reused
group is byte-identical to a freshly rendered one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from generator.diagnostics import Diagnostics

if TYPE_CHECKING:
    from generator.render import RenderedFile


class Memo(Protocol):
    def get_rendered(self, key: str) -> Any: ...

    def put_rendered(self, key: str, value: Any) -> None: ...


def reuse(
    memo: Memo | None,
    key: str,
    inputs: object,
    make: Callable[[Diagnostics], list[RenderedFile]],
    diagnostics: Diagnostics,
) -> list[RenderedFile]:
    """The files `make` renders from `inputs`, taken from the memo when it holds them for
    inputs equal to these; diagnostics reported while rendering are reported again."""
    if memo is not None:
        hit = memo.get_rendered(key)
        if isinstance(hit, tuple) and len(hit) == 3 and hit[0] == inputs:
            diagnostics.items.extend(hit[2])
            files: list[RenderedFile] = hit[1]
            return files
    found = Diagnostics()
    files = make(found)
    diagnostics.extend(found)
    if memo is not None:
        memo.put_rendered(key, (inputs, files, tuple(found.items)))
    return files
