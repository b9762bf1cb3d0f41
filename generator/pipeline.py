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

from generator.build import build_model
from generator.cache import Cache
from generator.cache.inputs import Source, input_fingerprint, read_sources
from generator.cache.store import PageEntry, page_key
from generator.diagnostics import Diagnostics
from generator.emit import format_files
from generator.load import read_page
from generator.model import ApiModel
from generator.parse import PageDoc, parse_page
from generator.render import RenderedFile, render_files

__all__ = ["Run", "Source", "generate", "input_fingerprint", "parse_docs", "read_sources"]

T = TypeVar("T")
Progress = Callable[[str, int, int], None]  # (stage, done, total)

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

    def timed(self, stage: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            return work()
        finally:
            self.timings[stage] = time.perf_counter() - start


def parse_source(path: str, data: bytes) -> PageEntry:
    """One page from bytes to a PageDoc, with the diagnostics of reading and parsing it."""
    diagnostics = Diagnostics()
    doc = parse_page(read_page(path, data, diagnostics), diagnostics)
    return doc, tuple(diagnostics.items)


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


def parse_sources(
    sources: list[Source],
    run: Run,
    cache: Cache | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> list[PageDoc]:
    entries: dict[str, PageEntry] = {}
    todo: list[Source] = []
    for source in sources:
        hit = cache.get_page(page_key(source.path, source.digest)) if cache else None
        if hit is not None:
            entries[source.path] = hit
        else:
            todo.append(source)
    new = _parse_many(todo, jobs, progress, len(entries), len(sources))
    for source, entry in zip(todo, new, strict=True):
        entries[source.path] = entry
        if cache is not None:
            cache.put_page(page_key(source.path, source.digest), entry)
    run.parsed = len(todo)
    docs = []
    for source in sources:
        doc, diagnostics = entries[source.path]
        run.diagnostics.items.extend(diagnostics)
        docs.append(doc)
    return docs


def parse_docs(docs: Path, run: Run) -> list[PageDoc]:
    sources = run.timed("load", lambda: read_sources(docs, run.diagnostics))
    run.pages = len(sources)
    return run.timed("parse", lambda: parse_sources(sources, run))


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
) -> Run:
    """`preloaded`: the pages and their read diagnostics, when the caller already read them.
    `formatting=False` skips black (tests that only import the output)."""
    run = Run()
    if preloaded is None:
        sources = run.timed("load", lambda: read_sources(docs, run.diagnostics))
    else:
        sources = preloaded[0]
        run.diagnostics.extend(preloaded[1])
    run.pages = len(sources)
    parsed = run.timed("parse", lambda: parse_sources(sources, run, cache, jobs, progress))
    run.model = run.timed("build", lambda: build_model(parsed, run.diagnostics))
    rendered = run.timed(
        "render", lambda: render_files(run.model, package, run.diagnostics, templates)
    )
    if not formatting:
        run.files = rendered
        return run
    run.files = run.timed(
        "format", lambda: format_files(rendered, run.diagnostics, cache, jobs, progress)
    )
    return run
