"""Find and read pages. Every page keeps its path relative to the docs root (POSIX style)."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.load.frontmatter import split_front_matter
from generator.source import SourceSpan

# 50 times the largest page of the Graph docs (82 KB); a table of 10,000 rows is 0.7 MB
MAX_PAGE_BYTES = 8 * 2**20


@dataclass(frozen=True, slots=True)
class Page:
    """One page as read: its lines, front matter and the sha256 of its bytes."""

    path: str  # relative to the docs root, with forward slashes
    lines: tuple[str, ...]  # the whole file, line ends removed
    meta: dict[str, str]
    body_start: int  # index of the first line after the front matter
    digest: str

    @property
    def doc_type(self) -> str:
        return self.meta.get("doc_type", "").strip().lower()


def decode_text(data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (BOM allowed); undecodable bytes become U+FFFD. Returns (text, was_clean)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
        clean = True
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="replace")
        clean = False
    text = text.replace("\x00", "\ufffd")
    return text.replace("\r\n", "\n").replace("\r", "\n"), clean


def read_page(path: str, data: bytes, diagnostics: Diagnostics) -> Page:
    text, clean = decode_text(data)
    if not clean:
        diagnostics.report(
            "GG001", SourceSpan(path, 1), "page is not valid UTF-8; bad bytes replaced"
        )
    lines = text.split("\n")
    meta, body_start = split_front_matter(lines)
    return Page(path, tuple(lines), meta, body_start, hashlib.sha256(data).hexdigest())


def find_page_paths(root: Path, outside: list[Path] | None = None) -> list[str]:
    """Every *.md file below root, relative to it with forward slashes, sorted. Links that lead
    outside root are not followed (they are added to `outside` when given); linked folders are
    never entered, nor folders whose name starts with a dot. Plain strings: pathlib objects
    cost more than reading the pages on a run with nothing to do.

    Walked with os.scandir, whose entries know from the folder listing whether they are links:
    os.walk would give names only, and a page would cost a join and an lstat."""
    found: list[str] = []
    top = os.fspath(root)
    real_root: str | None = None  # only a link needs it
    links_out: list[Path] = []
    folders = [(top, "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError:
            continue  # as os.walk: a folder that cannot be listed has no pages
        for entry in entries:
            name = entry.name
            if _is_dir(entry):  # a link to a folder too, as os.walk sorts them
                if not name.startswith(".") and not entry.is_symlink():
                    folders.append((entry.path, f"{prefix}{name}/"))
                continue
            if not name.lower().endswith(".md"):
                continue
            if entry.is_symlink():
                if real_root is None:
                    real_root = os.path.realpath(top)
                target = os.path.realpath(entry.path)
                if os.path.commonpath([real_root, target]) != real_root:
                    links_out.append(Path(entry.path))
                    continue
            found.append(prefix + name)
    if outside is not None:
        outside.extend(sorted(links_out))
    return sorted(found)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def load_pages(root: Path, diagnostics: Diagnostics) -> list[Page]:
    pages = []
    outside: list[Path] = []
    files = find_page_paths(root, outside)
    for link in outside:
        diagnostics.report(
            "GG001",
            SourceSpan(link.relative_to(root).as_posix(), 1),
            "link leads outside the docs folder; not followed",
        )
    for rel in files:
        data = read_page_file(root, rel, diagnostics)
        if data is None:
            continue
        pages.append(read_page(rel, data, diagnostics))
    return pages


class _Skipped(Exception):
    pass


def read_page_file(root: Path, rel: str, diagnostics: Diagnostics) -> bytes | None:
    """The bytes of page `rel` below root, or None once why not is reported (GG001)."""
    try:
        return _read_bytes(os.path.join(root, rel))
    except OSError as error:
        diagnostics.report("GG001", SourceSpan(rel, 1), f"cannot read page: {error.strerror}")
    except _Skipped as skipped:  # a FIFO named *.md would block the run forever
        diagnostics.report("GG001", SourceSpan(rel, 1), f"{skipped}; skipped")
    return None


def _read_bytes(file: str | Path) -> bytes:
    """The bytes of a regular file of at most MAX_PAGE_BYTES. A FIFO or a device named *.md
    would block or never end; a huge file would take unbounded memory. Raises OSError, or
    _Skipped saying why the file is not read."""
    if not stat.S_ISREG(os.stat(file).st_mode):
        raise _Skipped("not a regular file")
    with open(file, "rb") as handle:
        data = handle.read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        raise _Skipped(f"page is larger than {MAX_PAGE_BYTES:,} bytes")
    return data
