"""Reuse of the files rendered by the last run, group by group (the `Memo` of render/).

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

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostics
from generator.incremental.fingerprint import generator_fingerprint, templates_fingerprint
from generator.model import ApiModel
from generator.templates_location import template_folders

if TYPE_CHECKING:
    from generator.render import Make, RenderedFile
    from generator.render.plan import Names

_NAMES = "names"  # the memo's entry for the names (group keys start with a hex scope)


@dataclass(slots=True)
class Memo:
    model: ApiModel | None = None  # the model the last render was made from
    groups: Mapping[str, Any] = field(default_factory=dict)  # key -> (files, diagnostics)
    fresh: dict[str, Any] = field(default_factory=dict)  # this render's, for the next run
    package: str = ""
    templates: Path | None = None
    scope: str = ""  # set by `names`: what every group depends on

    def names(self, key: str, plan: Callable[[], Names]) -> Names:
        hit = self.groups.get(_NAMES)
        if hit is None or hit[0] != key:
            hit = (key, plan())
        self.fresh[_NAMES] = hit
        self.scope = _scope(key, self.package, self.templates)
        names: Names = hit[1]
        return names

    def group(
        self, key: str, inputs: tuple[object, object], make: Make, diagnostics: Diagnostics
    ) -> list[RenderedFile]:
        return reuse(self, f"{self.scope}\0{key}", inputs, make, diagnostics)


def _scope(names: str, package: str, templates: Path | None) -> str:
    """What every group depends on: the generator's code (plan_names included), the
    templates, the package name and what every class and module name is made of (`names`)."""
    parts = (
        generator_fingerprint(),
        templates_fingerprint(template_folders(templates)),
        package,
        names,
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def reuse(
    memo: Memo,
    key: str,
    inputs: tuple[object, object],
    make: Callable[[Diagnostics], list[RenderedFile]],
    diagnostics: Diagnostics,
) -> list[RenderedFile]:
    """The files `make` renders; `inputs` is (what they are made of in the last model, what
    they are made of now). Taken from the memo when the two are equal."""
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
