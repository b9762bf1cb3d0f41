"""The inputs of a run, read once: the bytes of every page with its hash, and the fingerprint
of everything that decides the output. Light on purpose (no parsing, no rendering imports), so a
run with nothing to do costs little more than reading the pages."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.cache.fingerprint import generator_fingerprint, templates_fingerprint
from generator.diagnostics import Diagnostics
from generator.load.pages import find_page_paths, read_page_file
from generator.templates_location import template_folders


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # relative to DOCS, forward slashes
    data: bytes
    digest: str


def read_sources(docs: Path, diagnostics: Diagnostics) -> list[Source]:
    """The bytes of every page, sorted by path; unreadable pages are reported (GG001)."""
    sources = []
    for rel in find_page_paths(docs):
        data = read_page_file(docs, rel, diagnostics)
        if data is None:
            continue
        sources.append(Source(rel, data, hashlib.sha256(data).hexdigest()))
    return sources


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
