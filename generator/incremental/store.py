"""The cache folder: parsed pages, formatted files and the record of the last run.

Layout (all files written atomically, all safe to delete at any time):

- `pages.pickle`: {key: (PageDoc, diagnostics)} where key = sha256(generator, path, page bytes)
- `formatted.pickle`: {sha256(generator, rendered file): (formatted text, ""), or (None, "")
  when it is valid as rendered, or (None, why it is not valid Python)}
- `pages.new.pickle`, `formatted.new.pickle`: the entries added since the file beside them was
  last written in full. A run that adds a few entries writes only these small files instead of
  re-pickling every page; once they grow past a quarter of the full file (or a quarter of it
  is no longer used), the next save writes the full file again and removes them. Keys are
  content hashes, so any mix of the two files (a crash between two writes) is still correct.
- `build.pickle`: {generator fingerprint: index of the last build (record.py)}: the digest,
  shape and parse diagnostics of every page, the build's diagnostics, the model (build.py
  patches it when the pages that changed kept their shapes) and the files rendered from it,
  by group (incremental/reuse.py), all named by one index, so that one cannot be newer than the
  other; the index names values in `build.pack` (pack.py), an append-only file of pickles
- `templates/`: the templates Jinja compiled, by template name and file (Jinja checks each
  against its source before using it).
- `runs/<sha256(output folder)>.json`: the fingerprint of the last complete run into an output
  folder, with its diagnostics and summary, so that a run with nothing new does no work.
- `runs/<sha256(output folder)>.index.pickle`: the stat index (`stats.py`) of the output files
  as the last run looked at them (after a commit, those it kept: layer.py `_kept_output`).
- `sources/<sha256(docs folder)>.index.pickle`: the stat index of the pages as the last run
  read them, so that pages whose stat is unchanged are not read again.
- `trees/<sha256(output folder)>/`: the spare, the output folder as it was before the last
  commit (`emit/commit.py`), which the next commit renames beside OUT and syncs instead of
  linking every file again. Its files are hard links to OUT's, except the previous versions
  of the files the last run changed or removed: it costs directory entries and those few
  files. Only on the same file system as OUT (else the old tree is deleted).

The folder never lies inside DOCS (the CLI checks), holds a `.gitignore` of `*` so it can sit
in a repository untracked, and a different gen-graph version or code never reads another's
entries (every key includes `generator_fingerprint()`).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.incremental import serialize
from generator.incremental.fingerprint import generator_fingerprint
from generator.incremental.record import BuildRecord, RecordCodec
from generator.incremental.stats import StatIndex

if TYPE_CHECKING:  # parsing (markdown-it) is not loaded when nothing needs parsing
    from generator.emit.format import Formatted
    from generator.pipeline import PageEntry


def page_key(path: str, digest: str) -> str:
    return hashlib.sha256(f"{generator_fingerprint()}\0{path}\0{digest}".encode()).hexdigest()


def text_key(text: str) -> str:
    data = f"{generator_fingerprint()}\0".encode() + text.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


class _Entries:
    """One kind of entry: a full file plus a file of the entries added since it was written."""

    def __init__(self, root: Path, name: str) -> None:
        self.full = root / f"{name}.pickle"
        self.new = root / f"{name}.new.pickle"
        self._data: dict[str, Any] | None = None
        self._in_full: set[str] = set()
        self._in_new: set[str] = set()
        self.used: set[str] = set()
        self.dirty = False

    def data(self) -> dict[str, Any]:
        if self._data is None:
            self._data = _load(self.full)
            self._in_full = set(self._data)
            added = _load(self.new)
            self._in_new = set(added)
            self._data.update(added)
        return self._data

    def get(self, key: str) -> Any:
        found = self.data().get(key)
        if found is not None:
            self.used.add(key)
        return found

    def put(self, key: str, value: Any) -> None:
        self.data()[key] = value
        self.used.add(key)
        self.dirty = True

    def save(self, write: Callable[[Path, bytes], bool]) -> None:
        """Entries not used by this run are dropped (pages that are gone, files no longer
        generated) when the full file is written, so the cache never grows without bound."""
        if not self.dirty or self._data is None:
            return
        self.dirty = False
        data = self._data
        added = {k: data[k] for k in self.used if k not in self._in_full}
        unused = len(self._in_full - self.used)
        if self._in_full and max(len(added), unused) * 4 <= len(self._in_full):
            if added.keys() != self._in_new:
                write(self.new, _dumps(added))
            return
        if write(self.full, _dumps({k: data[k] for k in self.used})):
            self.new.unlink(missing_ok=True)


def _dumps(entries: dict[str, Any]) -> bytes:
    return serialize.dumps(entries)


def _read_index(path: Path) -> StatIndex | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return StatIndex.loads(data)


@contextmanager
def _no_collection() -> Iterator[None]:
    """Unpickling makes ~100k objects and no garbage: collections would only cost time."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def _load(path: Path) -> dict[str, Any]:
    try:
        with _no_collection():
            data = serialize.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - a missing, truncated or foreign cache is an empty one
        return {}
    return data if isinstance(data, dict) else {}


def _folder_key(folder: Path) -> str:
    """The name of what the cache keeps for one docs or output folder."""
    return hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:32]


class Cache:
    """Loaded lazily, saved only when something new was added."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pages = _Entries(root, "pages")
        self._formatted = _Entries(root, "formatted")
        self._build: BuildRecord | bool | None = None  # False: none on disk
        self._build_dirty = False
        self._codec = RecordCodec()

    # -- parsed pages --------------------------------------------------------------------
    def get_page(self, key: str) -> PageEntry | None:
        found: PageEntry | None = self._pages.get(key)
        return found

    def put_page(self, key: str, entry: PageEntry) -> None:
        self._pages.put(key, entry)

    # -- formatted files -----------------------------------------------------------------
    def get_formatted(self, key: str) -> Formatted | None:
        found: Formatted | None = self._formatted.get(key)
        return found

    def put_formatted(self, key: str, result: Formatted) -> None:
        self._formatted.put(key, result)

    # -- the last build (build.py) ---------------------------------------------------
    def last_build(self) -> BuildRecord | None:
        if self._build is None:
            self._build = False
            found = _load(self.root / "build.pickle").get(generator_fingerprint())
            if isinstance(found, bytes):
                try:
                    with _no_collection():
                        record = self._codec.loads(found, self.root / "build.pack")
                    self._build = record or False
                except Exception:  # noqa: BLE001 - an old or corrupt record is no record
                    self._build = False
        return self._build if isinstance(self._build, BuildRecord) else None

    def record_build(self, record: BuildRecord) -> None:
        self._build = record
        self._build_dirty = True

    # -- compiled templates (render/environment.py) --------------------------------------
    def templates_dir(self) -> Path:
        return self.root / "templates"

    # -- the last run into an output folder ----------------------------------------------
    def _run_path(self, output: Path) -> Path:
        return self.root / "runs" / f"{_folder_key(output)}.json"

    def last_run(self, output: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(self._run_path(output).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def record_run(self, output: Path, record: dict[str, Any]) -> None:
        self._write(self._run_path(output), json.dumps(record, sort_keys=True).encode())

    def spare_tree(self, output: Path) -> Path:
        """Where the commit into `output` parks the tree it swapped out (`emit/commit.py`)."""
        return self.root / "trees" / _folder_key(output)

    # -- what the pages and the output files were when last read ---------------------------
    def _sources_path(self, docs: Path) -> Path:
        return self.root / "sources" / f"{_folder_key(docs)}.index.pickle"

    def _output_path(self, output: Path) -> Path:
        return self.root / "runs" / f"{_folder_key(output)}.index.pickle"

    def source_index(self, docs: Path) -> StatIndex | None:
        return _read_index(self._sources_path(docs))

    def record_source_index(self, docs: Path, index: StatIndex) -> None:
        self._write(self._sources_path(docs), index.dumps())

    def output_index(self, output: Path) -> StatIndex | None:
        return _read_index(self._output_path(output))

    def record_output_index(self, output: Path, index: StatIndex) -> None:
        self._write(self._output_path(output), index.dumps())

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Write what changed (see the module's docstring for what is kept)."""
        self._pages.save(self._write)
        self._formatted.save(self._write)
        if self._build_dirty and isinstance(self._build, BuildRecord):
            self._build_dirty = False
            try:
                index = self._codec.dumps(self._build, self.root / "build.pack")
            except OSError:
                return  # a cache that cannot be written only costs time
            self._write(self.root / "build.pickle", _dumps({generator_fingerprint(): index}))

    def _write(self, target: Path, data: bytes) -> bool:
        """True when written; a cache that cannot be written only costs time."""
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# gen-graph's cache: safe to delete\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            if not isinstance(sys.exc_info()[1], OSError):
                raise
            return False
        return True
