"""`Layer`: the incremental layer behind the pipeline's `Incremental` interface (pipeline.py).

Everything here exists for speed only: pages scanned by their stat (`inputs.py`, `stats.py`),
parsed pages and formatting results kept by content hash (`store.py`), the last build kept in a
pack (`record.py`, `pack.py`) and patched when only prose and positions changed (`shape.py`,
`reach.py`, `patch.py`), render reuse (`reuse.py`), the spare tree of the commit (`spare.py`),
and the fingerprint of the last run into an output folder, which lets a run with nothing new
stop early. The stages never import this package; with `incremental=None` the pipeline runs
every stage in full (tests/incremental/test_layer.py).

Loaded by a run that may do nothing at all: what only a run with work to do needs (shapes,
patching, render reuse) is imported when first used.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit.write import MANIFEST, Digest, manifest_files
from generator.incremental.inputs import input_fingerprint, read_unread, scan_sources
from generator.incremental.spare import SpareTree
from generator.incremental.stats import StatIndex, current_digest
from generator.incremental.store import Cache, page_key, text_key
from generator.inputs import Source
from generator.source import SourceSpan

if TYPE_CHECKING:
    from generator.config import Options
    from generator.emit.format import Formatted
    from generator.incremental.record import BuildRecord
    from generator.incremental.reuse import Memo
    from generator.model import ApiModel
    from generator.outcome import Outcome
    from generator.parse import PageDoc
    from generator.pipeline import PageEntry, Run


class _Formatted:
    """The format stage's `Results`, kept in the cache under a hash of the key and the
    generator's code."""

    def __init__(self, cache: Cache) -> None:
        self._cache = cache

    def get(self, key: str) -> Formatted | None:
        return self._cache.get_formatted(text_key(key))

    def put(self, key: str, result: Formatted) -> None:
        self._cache.put_formatted(text_key(key), result)


class Layer:
    """The pipeline's `Incremental`, kept in the cache folder `root` (store.py's layout)."""

    def __init__(self, root: Path) -> None:
        self.cache = Cache(root)
        self._docs = Path()
        self._scanned: list[Source] = []
        self._source_index = StatIndex()
        self._fingerprint = ""  # of the sources as scanned
        self._known_output: dict[Path, StatIndex | None] = {}
        self._seen_output = StatIndex()  # OUT's files, as this run looked at them
        self._built: BuildRecord | None = None
        self._memo: Memo | None = None

    # -- load -------------------------------------------------------------------------------
    def scan(self, docs: Path, diagnostics: Diagnostics) -> list[Source]:
        self._docs = docs
        known = self.cache.source_index(docs)
        self._scanned, self._source_index = scan_sources(docs, diagnostics, known)
        return self._scanned

    def read(self, sources: list[Source], diagnostics: Diagnostics) -> list[Source]:
        return read_unread(self._docs, sources, diagnostics, self._source_index)

    def last_outcome(self, options: Options, sources: list[Source]) -> Outcome | None:
        from generator.outcome import Outcome

        self._fingerprint = input_fingerprint(sources, options.package, options.templates)
        record = self.cache.last_run(options.output)
        known = self._output_index(options.output)
        if record is None or record.get("fingerprint") != self._fingerprint:
            return None
        verified = _verified_output(options.output, record, known)
        if verified is None:
            return None
        self._save_source_index(sources)
        if known is None or not known.proves(verified):  # some file was read
            self.cache.record_output_index(options.output, verified)  # trusted next time
        diagnostics = [
            Diagnostic(SourceSpan(d[0], d[1]), d[2], d[3], d[4]) for d in record["diagnostics"]
        ]
        counts, sizes = record["counts"], record["sizes"]
        return Outcome.replayed(options, diagnostics, counts, sizes, record["file_count"])

    # -- parse and extract ------------------------------------------------------------------
    def describer(self) -> Callable[[PageDoc], object]:
        from generator.incremental.shape import page_shape

        return page_shape

    def parsed(self, source: Source) -> PageEntry | None:
        return self.cache.get_page(page_key(source.path, source.digest))

    def keep_parsed(self, source: Source, entry: PageEntry) -> None:
        self.cache.put_page(page_key(source.path, source.digest), entry)

    def patched(self, sources: list[Source], run: Run) -> ApiModel | None:
        last = self.cache.last_build()
        if last is None:
            return None
        from generator.incremental.build import patched

        self._built = run.timed("patch", lambda: patched(sources, run, last))
        return self._built.model if self._built is not None else None

    def built(
        self,
        sources: list[Source],
        entries: dict[str, PageEntry],
        model: ApiModel,
        diagnostics: Diagnostics,
    ) -> None:
        from generator.incremental.build import record

        self._built = record(sources, entries, model, diagnostics)

    # -- render, format, write --------------------------------------------------------------
    def memo(self, package: str, templates: Path | None) -> Memo:
        from generator.incremental.reuse import Memo

        last = self.cache.last_build()
        if last is None:
            self._memo = Memo(package=package, templates=templates)
        else:
            self._memo = Memo(last.model, last.rendered, package=package, templates=templates)
        return self._memo

    def compiled(self) -> Path:
        return self.cache.templates_dir()

    def formatted(self) -> _Formatted:
        return _Formatted(self.cache)

    def output_digest(self, out: Path) -> Digest:
        self._seen_output = StatIndex()
        known = self._output_index(out)
        return partial(current_digest, known=known, seen=self._seen_output)

    def spare(self, out: Path) -> SpareTree:
        return SpareTree(self.cache.spare_tree(out))

    # -- the end of a run -------------------------------------------------------------------
    def finish(
        self,
        options: Options,
        sources: list[Source],
        diagnostics: list[Diagnostic],
        outcome: Outcome,
        written: list[str] | None,
    ) -> None:
        self._save_source_index(sources)
        if written is not None:
            self.cache.record_run(
                options.output,
                {
                    "fingerprint": self._fingerprint_of(sources, options),
                    **_manifest_record(options.output),
                    "diagnostics": [
                        [d.source.path, d.source.line, d.code, d.message, d.severity]
                        for d in diagnostics
                    ],
                    "counts": outcome.counts,
                    "sizes": outcome.sizes,
                },
            )
            self.cache.record_output_index(options.output, self._kept_output(written))
        self.save()

    def save(self) -> None:
        """Write what this run added to the cache (a library caller of `generate` calls it)."""
        if self._built is not None and self._memo is not None:
            self._built.rendered = self._memo.fresh
            self.cache.record_build(self._built)
            self._built = None
        self.cache.save()

    def _fingerprint_of(self, sources: list[Source], options: Options) -> str:
        scanned = [(s.path, s.digest) for s in self._scanned]
        if self._fingerprint and scanned == [(s.path, s.digest) for s in sources]:
            return self._fingerprint
        return input_fingerprint(sources, options.package, options.templates)

    def _output_index(self, out: Path) -> StatIndex | None:
        if out not in self._known_output:
            self._known_output[out] = self.cache.output_index(out)
        return self._known_output[out]

    def _kept_output(self, written: list[str]) -> StatIndex:
        """The stat index of OUT after this run: what plan_writes saw of the files a commit
        kept (syncing the spare leaves their stats as they were; a file it had to link again
        has a new ctime, so it is hashed again next time). The files it wrote are left out:
        written after the index's time, they would not be trusted anyway."""
        seen, left_out = self._seen_output, set(written)
        return StatIndex(
            seen.scanned_ns, {p: entry for p, entry in seen.files.items() if p not in left_out}
        )

    def _save_source_index(self, sources: list[Source]) -> None:
        """Written when some page was read this run (so that it is trusted next time) or the
        index lost a page; a run that read nothing leaves the last one, which is still true."""
        index = self._source_index
        if any(not s.unread for s in sources) or len(index.files) != len(sources):
            self.cache.record_source_index(self._docs, index)


def _verified_output(
    out: Path, record: dict[str, Any], known: StatIndex | None
) -> StatIndex | None:
    """When OUT holds exactly the files (path -> sha256) of the recorded run: the index of
    them as verified now (a file whose stat `known` proves unchanged is not read again). None
    when anything differs."""
    try:
        manifest = (out / MANIFEST).read_bytes()
    except OSError:
        return None
    if hashlib.sha256(manifest).hexdigest() != record.get("manifest"):
        return None
    seen = StatIndex()
    top = os.fspath(out)  # strings: pathlib costs more
    for path, digest in manifest_files(manifest).items():
        try:
            if current_digest(top, path, known, seen) != digest:
                return None
        except OSError:
            return None
    return seen


def _manifest_record(out: Path) -> dict[str, object]:
    """What the run record keeps of OUT's manifest: its digest (a run with nothing new checks
    OUT against the manifest it finds there, if it is this one) and how many files it names."""
    try:
        manifest = (out / MANIFEST).read_bytes()
    except OSError:
        manifest = b""
    digest = hashlib.sha256(manifest).hexdigest()
    return {"manifest": digest, "file_count": len(manifest_files(manifest))}
