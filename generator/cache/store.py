"""The cache folder: parsed pages, formatted files and the record of the last run.

Layout (all files written atomically, all safe to delete at any time):

- `pages.pickle`: {key: (PageDoc, diagnostics)} where key = sha256(generator, path, page bytes)
- `formatted.pickle`: {sha256(generator, rendered text): (formatted text, "") or (None, why)}
- `runs/<sha256(output folder)>.json`: the fingerprint of the last complete run into an output
  folder, with its diagnostics and summary, so that a run with nothing new does no work.

The folder never lies inside DOCS (the CLI checks), holds a `.gitignore` of `*` so it can sit
in a repository untracked, and a different gen-graph version or code never reads another's
entries (every key includes `generator_fingerprint()`).
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.cache.fingerprint import generator_fingerprint
from generator.diagnostics import Diagnostic

if TYPE_CHECKING:  # parsing (markdown-it) is not loaded when nothing needs parsing
    from generator.parse import PageDoc

PageEntry = tuple["PageDoc", tuple[Diagnostic, ...]]
Formatted = tuple[str | None, str]  # (formatted text, "") or (None, why it is invalid)


def default_cache_dir(output: Path) -> Path:
    """Beside the output folder, never inside it: `OUT/../.gen-graph-cache`."""
    return output.resolve().parent / ".gen-graph-cache"


def page_key(path: str, digest: str) -> str:
    return hashlib.sha256(f"{generator_fingerprint()}\0{path}\0{digest}".encode()).hexdigest()


def text_key(text: str) -> str:
    data = f"{generator_fingerprint()}\0".encode() + text.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


class Cache:
    """Loaded lazily, saved only when something new was added."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._pages: dict[str, PageEntry] | None = None
        self._formatted: dict[str, Formatted] | None = None
        self._pages_used: set[str] = set()
        self._formatted_used: set[str] = set()
        self._dirty: set[str] = set()

    # -- parsed pages --------------------------------------------------------------------
    def pages(self) -> dict[str, PageEntry]:
        if self._pages is None:
            self._pages = self._load("pages.pickle")
        return self._pages

    def get_page(self, key: str) -> PageEntry | None:
        entry = self.pages().get(key)
        if entry is not None:
            self._pages_used.add(key)
        return entry

    def put_page(self, key: str, entry: PageEntry) -> None:
        self.pages()[key] = entry
        self._pages_used.add(key)
        self._dirty.add("pages.pickle")

    # -- formatted files -----------------------------------------------------------------
    def formatted(self) -> dict[str, Formatted]:
        if self._formatted is None:
            self._formatted = self._load("formatted.pickle")
        return self._formatted

    def get_formatted(self, key: str) -> Formatted | None:
        found = self.formatted().get(key)
        if found is not None:
            self._formatted_used.add(key)
        return found

    def put_formatted(self, key: str, result: Formatted) -> None:
        self.formatted()[key] = result
        self._formatted_used.add(key)
        self._dirty.add("formatted.pickle")

    # -- the last run into an output folder ----------------------------------------------
    def _run_path(self, output: Path) -> Path:
        name = hashlib.sha256(str(output.resolve()).encode()).hexdigest()[:32]
        return self.root / "runs" / f"{name}.json"

    def last_run(self, output: Path) -> dict[str, Any] | None:
        try:
            data = json.loads(self._run_path(output).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def record_run(self, output: Path, record: dict[str, Any]) -> None:
        self._write(self._run_path(output), json.dumps(record, sort_keys=True).encode())

    def forget_run(self, output: Path) -> None:
        self._run_path(output).unlink(missing_ok=True)

    # -- saving --------------------------------------------------------------------------
    def save(self) -> None:
        """Write what changed; entries not used by this run are dropped (pages that are gone,
        files no longer generated), so the cache never grows without bound."""
        if "pages.pickle" in self._dirty and self._pages is not None:
            kept = {k: v for k, v in self._pages.items() if k in self._pages_used}
            self._write(self.root / "pages.pickle", pickle.dumps(kept, protocol=5))
        if "formatted.pickle" in self._dirty and self._formatted is not None:
            kept_f = {k: v for k, v in self._formatted.items() if k in self._formatted_used}
            self._write(self.root / "formatted.pickle", pickle.dumps(kept_f, protocol=5))
        self._dirty.clear()

    def _load(self, name: str) -> dict[str, Any]:
        collecting = gc.isenabled()
        gc.disable()  # unpickling makes ~100k objects and no garbage: collections only cost time
        try:
            data = pickle.loads((self.root / name).read_bytes())
        except Exception:  # noqa: BLE001 - a missing, truncated or foreign cache is an empty one
            return {}
        finally:
            if collecting:
                gc.enable()
        return data if isinstance(data, dict) else {}

    def _write(self, target: Path, data: bytes) -> None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# gen-graph's cache: safe to delete\n*\n", encoding="utf-8")
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        except OSError:
            return  # a cache that cannot be written only costs time
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            if not isinstance(sys.exc_info()[1], OSError):
                raise
