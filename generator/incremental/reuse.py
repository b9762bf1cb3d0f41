"""Reuse of the files rendered by the last run, group by group.

A group of files (one model module, the client, ...) is a pure function of its inputs: parts of
the model, plus a scope that covers everything else it reads (the generator's code, the
templates, the package name, all class and module names; see render/__init__.py). The memo
holds the files of the last render by group, with the model they were rendered from; a group
whose inputs in that model equal its inputs in this one is not planned or rendered again, and
the diagnostics its rendering reported are reported again. Inputs are compared as values
(frozen dataclasses; a patched model shares the unchanged ones, which compare by identity
first), never by time, so a reused group is byte-identical to a freshly rendered one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostics
from generator.model import ApiModel

if TYPE_CHECKING:
    from generator.render import RenderedFile


@dataclass(slots=True)
class Memo:
    model: ApiModel | None = None  # the model the last render was made from
    groups: Mapping[str, Any] = field(default_factory=dict)  # key -> (files, diagnostics)
    fresh: dict[str, Any] = field(default_factory=dict)  # this render's, for the next run


def reuse(
    memo: Memo | None,
    key: str,
    inputs: tuple[object, object],
    make: Callable[[Diagnostics], list[RenderedFile]],
    diagnostics: Diagnostics,
) -> list[RenderedFile]:
    """The files `make` renders; `inputs` is (what they are made of in the last model, what
    they are made of now). Taken from the memo when the two are equal."""
    if memo is None:
        return make(diagnostics)
    before, now = inputs
    hit = memo.groups.get(key)
    if hit is not None and before is not None and before == now:
        diagnostics.items.extend(hit[1])
        memo.fresh[key] = hit  # the very value loaded: the cache need not pickle it again
        return list(hit[0])
    local = Diagnostics()
    files = make(local)
    diagnostics.extend(local)
    memo.fresh[key] = (files, tuple(local.items))
    return list(files)
