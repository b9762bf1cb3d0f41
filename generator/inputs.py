"""The inputs of a run: the bytes of every page, with its hash. Light on purpose (no parsing, no
rendering imports): the incremental layer scans pages by their stat instead
(generator/incremental/inputs.py) and may leave a page's bytes unread until a parse needs them."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.load.pages import find_page_paths, read_page_file


@dataclass(frozen=True, slots=True)
class Source:
    path: str  # relative to DOCS, forward slashes
    data: bytes  # b"" when unread
    digest: str
    unread: bool = False  # known by its stat to hold the bytes of `digest`; not read


def read_sources(docs: Path, diagnostics: Diagnostics) -> list[Source]:
    """The bytes of every page, sorted by path; unreadable pages are reported (GG001)."""
    sources = []
    for rel in find_page_paths(docs):
        data = read_page_file(docs, rel, diagnostics)
        if data is not None:
            sources.append(Source(rel, data, hashlib.sha256(data).hexdigest()))
    return sources
