"""The pipeline: load -> parse -> extract -> render -> format -> write, as named, timed stages.

`generate` runs the stages from DOCS to formatted files (library callers and tests); `run` runs
all of them for the command line, from reading DOCS to committing OUT and the API change
report, and returns one `Outcome` (outcome.py: the writing stages): what the CLI prints and
the exit status.

Given an `Incremental` (generator/incremental/), a run does only the work an edit calls for:
pages known unchanged by their stat are not read, parsed pages and formatting results are
kept, the last build is patched when only prose and positions changed, rendered groups are
reused, the commit syncs a spare tree, and a run with nothing new does nothing at all. With
None, every stage runs in full and nothing of the layer is imported. The output never depends
on it, nor on `jobs`: same input, byte-identical output (tests/fuzz/test_fuzz_incremental.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeVar

from generator.config import Options
from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit import format_files
from generator.emit.commit import Spare
from generator.emit.format import Results
from generator.emit.write import Digest
from generator.inputs import Source, read_sources
from generator.outcome import Outcome, verify_docs, write_output
from generator.versions import nested_versions, split_sources, version_folders

if TYPE_CHECKING:
    from generator.model import ApiModel
    from generator.parse import PageDoc
    from generator.render import Memo, RenderedFile

__all__ = [
    "Incremental",
    "Outcome",
    "Run",
    "Source",
    "generate",
    "parse_docs",
    "run",
    "verify_docs",
]

T = TypeVar("T")
Progress = Callable[[str, int, int], None]  # (stage, done, total)
# a parsed page: its PageDoc, the diagnostics of reading and parsing it, and what the
# incremental layer's describer made of it while it was parsed (None without the layer)
PageEntry = tuple["PageDoc", tuple[Diagnostic, ...], object]

# Below this many pages to parse, starting worker processes costs more than it saves.
_PARALLEL_PAGES = 200


class Incremental(Protocol):
    """What is kept between runs so that a run does less (generator/incremental/ keeps it in
    the cache folder). It never changes what is generated: each method gives what the stage
    would compute itself, or nothing."""

    def scan(self, docs: Path, diagnostics: Diagnostics) -> list[Source]:
        """Every page, as `read_sources` reads them, but those known unchanged left unread."""

    def read(self, sources: list[Source], diagnostics: Diagnostics) -> list[Source]:
        """`sources` with the bytes of the unread ones (one gone since is left out: GG001)."""

    def last_outcome(self, options: Options, sources: list[Source]) -> Outcome | None:
        """The last run's outcome, when nothing that decides the output changed since and OUT
        is as that run left it."""

    def describer(self) -> Callable[[PageDoc], object]:
        """What to make of each page as it is parsed (a module-level function: it runs in the
        parsing worker), kept in its `PageEntry` for `built`."""

    def parsed(self, source: Source) -> PageEntry | None:
        """The page as parsed before, when its bytes are the same."""

    def keep_parsed(self, source: Source, entry: PageEntry) -> None:
        """A page parsed in this run."""

    def patched(self, sources: list[Source], run: Run) -> ApiModel | None:
        """The model of the pages made from the last one, when that gives the model a build
        would; its diagnostics are reported to `run` (stage "patch")."""

    def built(
        self,
        sources: list[Source],
        entries: dict[str, PageEntry],
        model: ApiModel,
        diagnostics: Diagnostics,
    ) -> None:
        """A model built from every page, with the build's own diagnostics."""

    def memo(self, package: str, templates: Path | None) -> Memo | None:
        """The last render, for render/ to reuse the groups whose inputs did not change."""

    def compiled(self) -> Path:
        """Where Jinja keeps the templates it compiled."""

    def formatted(self) -> Results:
        """The results of formatting, by what decides them."""

    def output_digest(self, out: Path) -> Digest:
        """The digest of a file of OUT, from its stat when that proves it."""

    def spare(self, out: Path) -> Spare:
        """The tree kept for OUT's next commit."""

    def finish(
        self,
        options: Options,
        sources: list[Source],
        diagnostics: list[Diagnostic],
        outcome: Outcome,
        written: list[str] | None,
    ) -> None:
        """The end of a run: `diagnostics` are the documents'; `written`, the files a commit
        wrote (None: OUT is not what this run would make, so the run is not recorded)."""


@dataclass(slots=True)
class Run:
    """What `generate` made: the stages' results, diagnostics and times."""

    pages: int = 0
    model: ApiModel = field(default_factory=lambda: _empty_model())
    files: list[RenderedFile] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    timings: dict[str, float] = field(default_factory=dict)
    parsed: int = 0  # pages parsed in this run (the others came from the cache)
    sources: list[Source] = field(default_factory=list)  # as read by the end of the run
    # DOCS of several API versions (versions.py): each version's model, by folder name; then
    # `model` is empty and `files` holds every version's subpackage and the root package
    versions: dict[str, ApiModel] = field(default_factory=dict)

    def timed(self, stage: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            return work()
        finally:
            self.timings[stage] = time.perf_counter() - start


def _empty_model() -> ApiModel:
    from generator.model import ApiModel

    return ApiModel()


# -- the whole run ---------------------------------------------------------------------------


def run(
    options: Options, incremental: Incremental | None = None, progress: Progress | None = None
) -> Outcome:
    """Every stage, from reading DOCS to committing OUT (or, with --check, comparing with it)."""
    started = time.perf_counter()
    found = Diagnostics()
    if incremental is None:
        sources = read_sources(options.docs, found)
    else:
        sources = incremental.scan(options.docs, found)
    versions = version_folders(options.docs)
    if not versions:
        nested_versions(options.docs, sources, found)
    if options.api_version is not None:  # that version's pages only, as a package of its own
        split = split_sources(sources, versions, found)
        sources = split.get(options.api_version, [])
    if incremental is not None:
        last = incremental.last_outcome(options, sources) if options.dump_model is None else None
        if last is not None:  # nothing new since the last complete run, and OUT as it left it
            last.seconds = time.perf_counter() - started
            return last
    if options.api_version is None and len(versions) > 1:
        from generator.versioned import generate_versions

        stages = generate_versions(options, versions, (sources, found), incremental, progress)
    else:
        stages = generate(
            options.docs,
            options.package,
            options.templates,
            incremental=incremental,
            jobs=options.jobs,
            progress=progress,
            preloaded=(sources, found),
        )
    documents = stages.diagnostics.sorted()
    outcome, written = write_output(options, stages, documents, incremental)
    if incremental is not None:
        incremental.finish(options, stages.sources, documents, outcome, written)
    outcome.seconds = time.perf_counter() - started
    return outcome


# -- the stages up to formatting ---------------------------------------------------------------


def generate(
    docs: Path,
    package: str,
    templates: Path | None = None,
    *,
    incremental: Incremental | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
    preloaded: tuple[list[Source], Diagnostics] | None = None,
    formatting: bool = True,
    check_docs: Callable[[list[PageDoc]], Diagnostics] | None = None,
) -> Run:
    """DOCS to formatted files, as one model (`pipeline.run` splits a DOCS of several API
    versions first: versioned.py). `preloaded`: the pages and their read diagnostics, when the
    caller already read them (or the incremental layer scanned them: it then reads those whose
    bytes are needed; `run.sources` is what was found). `formatting=False` skips black (tests
    that only import the output). `check_docs`: more diagnostics of the parsed pages (links
    into another API version: versions.py)."""
    run = Run()
    if preloaded is None:
        load = incremental.scan if incremental is not None else read_sources
        sources = run.timed("load", lambda: load(docs, run.diagnostics))
    else:
        sources = preloaded[0]
        run.diagnostics.extend(preloaded[1])
    run.sources = sources
    run.model = _model(run, incremental, jobs, progress, check_docs)
    run.pages = len(run.sources)
    from generator.render import render_files

    memo = incremental.memo(package, templates) if incremental is not None else None
    compiled = incremental.compiled() if incremental is not None else None
    rendered = run.timed(
        "render",
        lambda: render_files(run.model, package, run.diagnostics, templates, memo, compiled),
    )
    if not formatting:
        run.files = rendered
        return run
    kept = incremental.formatted() if incremental is not None else None
    run.files = run.timed(
        "format", lambda: format_files(rendered, run.diagnostics, kept, jobs, progress)
    )
    return run


def _model(
    run: Run,
    incremental: Incremental | None,
    jobs: int,
    progress: Progress | None,
    check_docs: Callable[[list[PageDoc]], Diagnostics] | None = None,
) -> ApiModel:
    """The model of the pages: the incremental layer's patch of the last one, else built."""
    if incremental is not None:
        patched = incremental.patched(run.sources, run)
        if patched is not None:
            return patched
    entries = run.timed(
        "parse", lambda: parse_entries(run.sources, run, incremental, jobs, progress)
    )
    docs = _docs(entries, run)
    if check_docs is not None:
        run.diagnostics.extend(check_docs(docs))
    from generator.extract import build_model  # a patched run never loads the build's passes

    found = Diagnostics()
    model = run.timed("build", lambda: build_model(docs, found))
    run.diagnostics.extend(found)
    if incremental is not None:
        incremental.built(run.sources, entries, model, found)
    return model


def parse_source(
    path: str, data: bytes, describe: Callable[[PageDoc], object] | None = None
) -> PageEntry:
    """One page from bytes to a PageDoc, with the diagnostics of reading and parsing it and
    what `describe` makes of it."""
    from generator.load import read_page
    from generator.parse import parse_page

    diagnostics = Diagnostics()
    doc = parse_page(read_page(path, data, diagnostics), diagnostics)
    return doc, tuple(diagnostics.items), describe(doc) if describe is not None else None


def _parse_many(
    todo: list[Source],
    jobs: int,
    progress: Progress | None,
    counts: tuple[int, int],
    describe: Callable[[PageDoc], object] | None,
) -> Iterator[PageEntry]:
    done, total = counts
    if jobs > 1 and len(todo) >= _PARALLEL_PAGES:
        from concurrent.futures import ProcessPoolExecutor  # a warm run never needs it

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            chunk = max(1, len(todo) // (jobs * 8))
            paths, data = [s.path for s in todo], [s.data for s in todo]
            results = pool.map(parse_source, paths, data, [describe] * len(todo), chunksize=chunk)
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
        yield parse_source(source.path, source.data, describe)


def parse_entries(
    sources: list[Source],
    run: Run,
    incremental: Incremental | None = None,
    jobs: int = 1,
    progress: Progress | None = None,
) -> dict[str, PageEntry]:
    """Every page parsed, or as parsed before; by path, in the order of `sources` (a page the
    incremental layer cannot read any more is left out, and dropped from `run.sources`)."""
    entries: dict[str, PageEntry] = {}
    todo: list[Source] = []
    for source in sources:
        hit = incremental.parsed(source) if incremental is not None else None
        if hit is not None:
            entries[source.path] = hit
        else:
            todo.append(source)
    todo = _with_bytes(todo, run, incremental)
    describe = incremental.describer() if incremental is not None else None
    new = _parse_many(todo, jobs, progress, (len(entries), len(sources)), describe)
    for source, entry in zip(todo, new, strict=True):
        entries[source.path] = entry
        if incremental is not None:
            incremental.keep_parsed(source, entry)
    run.parsed = len(todo)
    return {s.path: entries[s.path] for s in sources if s.path in entries}


def _with_bytes(todo: list[Source], run: Run, incremental: Incremental | None) -> list[Source]:
    """`todo` with the bytes of its unread pages, and `run.sources` updated to what was found:
    a page edited since it was scanned has a new digest, a page that cannot be read any more
    is dropped (GG001)."""
    unread = [s for s in todo if s.unread]
    if not unread:
        return todo
    if incremental is None:
        raise ValueError("pages left unread and no way to read them")  # a caller's bug
    found = {s.path: s for s in incremental.read(unread, run.diagnostics)}
    gone = {s.path for s in unread} - found.keys()
    run.sources = [found.get(s.path, s) for s in run.sources if s.path not in gone]
    return [found.get(s.path, s) for s in todo if s.path not in gone]


def parse_docs(docs: Path, run: Run, version: str | None = None) -> list[PageDoc]:
    """The pages of DOCS parsed; `version`: only those of that API-version folder."""
    sources = run.timed("load", lambda: read_sources(docs, run.diagnostics))
    if version is not None:
        sources = split_sources(sources, version_folders(docs), run.diagnostics)[version]
    run.pages = len(sources)
    return _docs(run.timed("parse", lambda: parse_entries(sources, run)), run)


def _docs(entries: dict[str, PageEntry], run: Run) -> list[PageDoc]:
    """The parsed pages, their parse diagnostics reported."""
    for _, diagnostics, _ in entries.values():
        run.diagnostics.items.extend(diagnostics)
    return [entry[0] for entry in entries.values()]
