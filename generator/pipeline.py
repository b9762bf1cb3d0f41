"""The pipeline: load -> parse -> build -> render -> format, as named, timed stages.

With a `Cache`, pages whose bytes are unchanged are not parsed again and rendered files whose
text is unchanged are not formatted again; with `jobs > 1`, the misses are shared among
worker processes. Results never depend on either: same input, byte-identical output.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.incremental import Cache
from generator.incremental.inputs import Source, input_fingerprint, read_sources
from generator.incremental.record import BuildRecord, updated
from generator.incremental.store import PageEntry, page_key
from generator.diagnostics import Diagnostics
from generator.emit import format_files
from generator.incremental.patch import plan_patch
from generator.incremental.reach import held_texts, model_reach, recount
from generator.incremental.shape import page_shape
from generator.load import read_page
from generator.model import ApiModel
from generator.parse import PageDoc, parse_page
from generator.render import Memo, RenderedFile, render_files

__all__ = ["Run", "Source", "generate", "input_fingerprint", "parse_docs", "read_sources"]

T = TypeVar("T")
Progress = Callable[[str, int, int], None]  # (stage, done, total)
# the bytes of pages left unread by a stat scan (cache/inputs.py), read when a parse needs them
Reader = Callable[[list[Source], Diagnostics], list[Source]]

# Below this many pages to parse, starting worker processes costs more than it saves.
_PARALLEL_PAGES = 200


@dataclass(slots=True)
class Run:
    pages: int = 0
    model: ApiModel = field(default_factory=ApiModel)
    files: list[RenderedFile] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    timings: dict[str, float] = field(default_factory=dict)
    parsed: int = 0  # pages parsed in this run (the others came from the cache)
    sources: list[Source] = field(default_factory=list)  # as read by the end of the run

    def timed(self, stage: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            return work()
        finally:
            self.timings[stage] = time.perf_counter() - start


def parse_source(path: str, data: bytes) -> PageEntry:
    """One page from bytes to a PageDoc, with the diagnostics of reading and parsing it and its
    shape (what the build decides on: incremental/shape.py)."""
    diagnostics = Diagnostics()
    doc = parse_page(read_page(path, data, diagnostics), diagnostics)
    return doc, tuple(diagnostics.items), page_shape(doc)


def _parse_many(
    todo: list[Source], jobs: int, progress: Progress | None, done: int, total: int
) -> Iterator[PageEntry]:
    if jobs > 1 and len(todo) >= _PARALLEL_PAGES:
        from concurrent.futures import ProcessPoolExecutor  # a warm run never needs it

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, len(todo) // (jobs * 8))
            results = pool.map(
                parse_source, [s.path for s in todo], [s.data for s in todo], chunksize=chunk
            )
            for entry in results:
                done += 1
                if progress is not None:
                    progress("parse", done, total)
                yield entry
        return
    for source in todo:
        done += 1
        if progress is not None:
            progress("parse", done, total)
        yield parse_source(source.path, source.data)


def parse_entries(
    sources: list[Source],
    run: Run,
    cache: Cache | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    read: Reader | None = None,
) -> dict[str, PageEntry]:
    """Every page parsed, or taken from the cache; by path, in the order of `sources` (a page
    `read` cannot read any more is left out, and dropped from `run.sources`)."""
    entries: dict[str, PageEntry] = {}
    todo: list[Source] = []
    for source in sources:
        hit = cache.get_page(page_key(source.path, source.digest)) if cache else None
        if hit is not None:
            entries[source.path] = hit
        else:
            todo.append(source)
    todo = _with_bytes(todo, run, read)
    new = _parse_many(todo, jobs, progress, len(entries), len(sources))
    for source, entry in zip(todo, new, strict=True):
        entries[source.path] = entry
        if cache is not None:
            cache.put_page(page_key(source.path, source.digest), entry)
    run.parsed = len(todo)
    return {s.path: entries[s.path] for s in sources if s.path in entries}


def _with_bytes(todo: list[Source], run: Run, read: Reader | None) -> list[Source]:
    """`todo` with the bytes of its unread pages (cache/inputs.py), and `run.sources` updated
    to what was found: a page edited since it was scanned has a new digest, a page that
    cannot be read any more is dropped (GG001)."""
    unread = [s for s in todo if s.unread]
    if not unread:
        return todo
    if read is None:
        raise ValueError("pages left unread and no way to read them")  # a caller's bug
    found = {s.path: s for s in read(unread, run.diagnostics)}
    gone = {s.path for s in unread} - found.keys()
    run.sources = [found.get(s.path, s) for s in run.sources if s.path not in gone]
    return [found.get(s.path, s) for s in todo if s.path not in gone]


def parse_docs(docs: Path, run: Run) -> list[PageDoc]:
    sources = run.timed("load", lambda: read_sources(docs, run.diagnostics))
    run.pages = len(sources)
    return _docs(run.timed("parse", lambda: parse_entries(sources, run)), run)


def _docs(entries: dict[str, PageEntry], run: Run) -> list[PageDoc]:
    """The parsed pages, their parse diagnostics reported."""
    for _, diagnostics, _ in entries.values():
        run.diagnostics.items.extend(diagnostics)
    return [entry[0] for entry in entries.values()]


def generate(
    docs: Path,
    package: str,
    templates: Path | None = None,
    *,
    cache: Cache | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    preloaded: tuple[list[Source], Diagnostics] | None = None,
    formatting: bool = True,
    read: Reader | None = None,
) -> Run:
    """`preloaded`: the pages and their read diagnostics, when the caller already read them
    (or scanned them: `read` then reads those whose bytes are needed; `run.sources` is what
    was found). `formatting=False` skips black (tests that only import the output)."""
    run = Run()
    if preloaded is None:
        sources = run.timed("load", lambda: read_sources(docs, run.diagnostics))
    else:
        sources = preloaded[0]
        run.diagnostics.extend(preloaded[1])
    run.sources = sources
    last = cache.last_build() if cache is not None else None
    built = _model(run, cache, jobs, progress, last, read)
    run.pages = len(run.sources)
    run.model = built.model
    memo = None
    if cache is not None:
        memo = Memo(last.model, last.rendered) if last is not None else Memo()
    compiled = cache.templates_dir() if cache is not None else None
    rendered = run.timed(
        "render",
        lambda: render_files(run.model, package, run.diagnostics, templates, memo, compiled),
    )
    if cache is not None and memo is not None:
        built.rendered = memo.fresh
        cache.record_build(built)
    if not formatting:
        run.files = rendered
        return run
    run.files = run.timed(
        "format", lambda: format_files(rendered, run.diagnostics, cache, jobs, progress)
    )
    return run


def _model(
    run: Run,
    cache: Cache | None,
    jobs: int,
    progress: Progress | None,
    last: BuildRecord | None,
    read: Reader | None,
) -> BuildRecord:
    """The model of the pages, with what it was made from: the last build's model, patched,
    when every page that changed since kept its shape (incremental/patch.py); else built anew."""
    if last is not None:
        patched = run.timed("patch", lambda: _patched(run.sources, run, last))
        if patched is not None:
            return patched
    entries = run.timed(
        "parse", lambda: parse_entries(run.sources, run, cache, jobs, progress, read)
    )
    docs = _docs(entries, run)
    from generator.extract import build_model  # a patched run never loads the build's passes

    found = Diagnostics()
    model = run.timed("build", lambda: build_model(docs, found))
    run.diagnostics.extend(found)
    shapes = {path: entry[2] for path, entry in entries.items()}
    return BuildRecord(
        digests={s.path: s.digest for s in run.sources},
        shapes=shapes,
        parse_diagnostics={path: entry[1] for path, entry in entries.items()},
        build_diagnostics=tuple(found.items),
        model=model,
        held=held_texts(shapes.values()),
        reach=model_reach(model),
    )


def _patched(sources: list[Source], run: Run, last: BuildRecord) -> BuildRecord | None:
    digests = {s.path: s.digest for s in sources}
    if digests.keys() != last.digests.keys():
        return None  # pages added or removed
    todo = [s for s in sources if last.digests[s.path] != s.digest]
    # many pages: parsed one by one here, a full build is as quick; an unread page has its
    # recorded digest, so none should be here, and a full build reads it if one is
    if len(todo) > max(8, len(sources) // 20) or any(s.unread for s in todo):
        return None
    # parsed here, not looked up: the page cache is a large file, and these pages are new
    entries = {s.path: parse_source(s.path, s.data) for s in todo}
    run.parsed = len(entries)
    shapes = updated(last.shapes, {path: entry[2] for path, entry in entries.items()})
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
