"""The last build, kept and patched: a `BuildRecord` of a build from every page (`record`), and
the model of an edit made from the last one when every page that changed kept its shape
(`patched`: shape.py, patch.py, reach.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostics
from generator.incremental.patch import plan_patch
from generator.incremental.reach import held_texts, model_reach, recount
from generator.incremental.record import BuildRecord, updated
from generator.incremental.shape import PageShape, page_shape
from generator.inputs import Source

if TYPE_CHECKING:
    from generator.model import ApiModel
    from generator.pipeline import PageEntry, Run


def _shape(entry: PageEntry) -> PageShape:
    shape = entry[2]
    if not isinstance(shape, PageShape):  # parsed without the layer's describer: a caller's bug
        raise TypeError(f"a page parsed without its shape: {entry[0].path}")
    return shape


def record(
    sources: list[Source], entries: dict[str, PageEntry], model: ApiModel, found: Diagnostics
) -> BuildRecord:
    """The record of a build from every page (`found`: the build's own diagnostics)."""
    shapes = {path: _shape(entry) for path, entry in entries.items()}
    return BuildRecord(
        digests={s.path: s.digest for s in sources},
        shapes=shapes,
        parse_diagnostics={path: entry[1] for path, entry in entries.items()},
        build_diagnostics=tuple(found.items),
        model=model,
        held=held_texts(shapes.values()),
        reach=model_reach(model),
    )


def patched(sources: list[Source], run: Run, last: BuildRecord) -> BuildRecord | None:
    """The record of the pages `sources`, its model patched from `last`'s, when every page
    that changed kept its shape; the diagnostics (the pages', the build's) go to `run`. None
    when the model must be built from every page."""
    from generator.pipeline import parse_source

    digests = {s.path: s.digest for s in sources}
    if digests.keys() != last.digests.keys():
        return None  # pages added or removed
    todo = [s for s in sources if last.digests[s.path] != s.digest]
    # many pages: parsed one by one here, a full build is as quick; an unread page has its
    # recorded digest, so none should be here, and a full build reads it if one is
    if len(todo) > max(8, len(sources) // 20) or any(s.unread for s in todo):
        return None
    # parsed here, not looked up: the page cache is a large file, and these pages are new
    entries = {s.path: parse_source(s.path, s.data, page_shape) for s in todo}
    run.parsed = len(entries)
    shapes = updated(last.shapes, {path: _shape(entry) for path, entry in entries.items()})
    patch = plan_patch(last.shapes, shapes, entries, last.held)
    if patch is None:
        return None
    parse_diagnostics = dict(last.parse_diagnostics)
    parse_diagnostics.update((path, entry[1]) for path, entry in entries.items())
    for path in digests:
        run.diagnostics.items.extend(parse_diagnostics[path])
    build_diagnostics = tuple(patch.diagnostics(last.build_diagnostics))
    run.diagnostics.items.extend(build_diagnostics)
    model = patch.model(last.model, last.reach)
    return BuildRecord(
        digests,
        shapes,
        parse_diagnostics,
        build_diagnostics,
        model,
        held=(
            recount(last.held, (last.shapes[p] for p in entries), (shapes[p] for p in entries))
            if patch.texts
            else last.held
        ),
        reach=model_reach(model, last.model, last.reach),
    )
