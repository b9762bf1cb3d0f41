"""The inputs of a run scanned by their stat, and the fingerprint of everything that decides the
output. Light on purpose (no parsing, no rendering imports), so a
run with nothing to do costs little more than looking at the pages.

With the index of the last scan (`stats.py`), a page whose stat shows it unchanged is not read:
its digest is the recorded one and its bytes are left unread (`Source.unread`), to be read by
`read_unread` only when the pipeline needs them: a parse that is not in the cache."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.incremental.fingerprint import generator_fingerprint, templates_fingerprint
from generator.incremental.stats import StatIndex, stat_of
from generator.inputs import Source
from generator.load.pages import find_page_paths, read_page_file
from generator.templates_location import template_folders


def scan_sources(
    docs: Path, diagnostics: Diagnostics, known: StatIndex | None = None
) -> tuple[list[Source], StatIndex]:
    """Every page, sorted by path, with the index of this scan. A page that `known` proves
    unchanged is not read (it is `unread`); the others are read and hashed, and unreadable
    ones are reported (GG001)."""
    index = StatIndex()  # its time is taken before the first stat
    sources = []
    top = os.fspath(docs)
    for rel in find_page_paths(docs):
        stat = stat_of(os.path.join(top, rel))
        digest = known.trusted(rel, stat) if known is not None else None
        if digest is not None:
            sources.append(Source(rel, b"", digest, unread=True))
            index.add(rel, stat, digest)
            continue
        data = read_page_file(docs, rel, diagnostics)
        if data is None:
            continue
        digest = hashlib.sha256(data).hexdigest()
        sources.append(Source(rel, data, digest))
        index.add(rel, stat, digest)  # the stat taken before reading: never newer than the bytes
    return sources, index


def read_unread(
    docs: Path, sources: list[Source], diagnostics: Diagnostics, index: StatIndex
) -> list[Source]:
    """`sources` with the bytes of each unread one read and hashed again (the pipeline asks
    for those whose parse is not cached); one that changed since its stat is dropped from
    `index`, one that cannot be read any more is left out (GG001)."""
    out = []
    for source in sources:
        if not source.unread:
            out.append(source)
            continue
        data = read_page_file(docs, source.path, diagnostics)
        if data is None:
            index.files.pop(source.path, None)
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest != source.digest:  # edited during this run
            index.files.pop(source.path, None)
        out.append(Source(source.path, data, digest))
    return out


def input_fingerprint(
    sources: Iterable[Source], package: str, templates: Path | None, *extra: str
) -> str:
    """Everything that decides the output: when it is unchanged, so is every generated file."""
    digest = hashlib.sha256()
    for part in (generator_fingerprint(), templates_fingerprint(template_folders(templates))):
        digest.update(part.encode() + b"\0")
    for part in (package, *extra):
        digest.update(part.encode() + b"\0")
    for source in sources:
        digest.update(f"{source.path}\0{source.digest}\0".encode())
    return digest.hexdigest()
