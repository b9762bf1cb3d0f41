"""Deterministic writes into the output folder, guided by a manifest of what was generated.

- Only files whose bytes change are written (others keep their mtime); the whole run is one
  atomic swap of the output folder (`commit.py`).
- Files listed in the previous manifest but no longer generated are removed.
- Files the generator did not write are never touched: a generated path that already holds a
  different file the manifest does not know, or a generated file edited by hand since the last
  run, stops the run (GG050 / GG051) unless `force` is given.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator import __version__
from generator.emit.commit import Spare, commit, prune_empty_dirs, recover

if TYPE_CHECKING:
    from generator.render import RenderedFile

MANIFEST = ".gen-graph-manifest.json"

# (OUT as a string, a path relative to it) -> the sha256 of that file's bytes; raises OSError
# when it cannot be read (FileNotFoundError when it does not exist). The incremental layer
# gives one that trusts a file's stat instead of reading it (generator/incremental/stats.py).
Digest = Callable[[str, str], str]


@dataclass(slots=True)
class WriteResult:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    foreign: list[str] = field(default_factory=list)  # existing files we did not write
    edited: list[str] = field(default_factory=list)  # generated files changed by hand

    @property
    def blocked(self) -> list[str]:
        return self.foreign + self.edited

    @property
    def touched(self) -> list[str]:
        return sorted(self.added + self.changed + self.removed)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(out: Path) -> dict[str, str]:
    try:
        return manifest_files((out / MANIFEST).read_bytes())
    except OSError:
        return {}


def manifest_json(files: dict[str, str], generator: str) -> bytes:
    """The manifest's bytes: `json.dumps({"files": files, "generator": generator}, indent=1,
    sort_keys=True) + "\n"`, made with json's C string encoder (with `indent`, json encodes
    in Python: ~10 ms for the corpus's 3,362 files, in every run)."""
    quote = json.encoder.encode_basestring_ascii
    if files:
        rows = ",\n".join(f"  {quote(k)}: {quote(v)}" for k, v in sorted(files.items()))
        listed = "{\n" + rows + "\n }"
    else:
        listed = "{}"
    return f'{{\n "files": {listed},\n "generator": {quote(generator)}\n}}\n'.encode()


def manifest_files(data: bytes) -> dict[str, str]:
    """The files (path -> sha256) a manifest's bytes name; {} when they are not a manifest."""
    try:
        files = json.loads(data.decode("utf-8")).get("files", {})
        return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}
    except (ValueError, AttributeError):
        return {}


def plan_writes(out: Path, files: list[RenderedFile], digest: Digest | None = None) -> WriteResult:
    """What writing `files` into OUT would do; `digest` tells the digest of a file in OUT
    (default: `file_digest`, which reads it)."""
    current_digest = digest or file_digest
    manifest = read_manifest(out)
    result = WriteResult()
    wanted = {f.path for f in files}
    resolves_inside = _inside_checker(out)
    top = os.fspath(out)
    for file in files:
        _check_inside(file.path)
        if not resolves_inside(file.path):
            result.foreign.append(file.path)  # a linked folder in OUT leads elsewhere
            continue
        new = file.digest
        try:
            old = current_digest(top, file.path)
        except FileNotFoundError:
            result.added.append(file.path)
            continue
        except OSError:
            result.foreign.append(file.path)
            continue
        if old == new:
            result.unchanged += 1
            continue
        recorded = manifest.get(file.path)
        if recorded is None:
            result.foreign.append(file.path)
        elif recorded != old:
            result.edited.append(file.path)
        else:
            result.changed.append(file.path)
    for path in sorted(set(manifest) - wanted):
        if not _is_relative(path) or not resolves_inside(path):
            continue  # a manifest names only files inside OUT; anything else is never touched
        try:
            current = current_digest(top, path)
        except OSError:
            continue  # already gone
        if current == manifest[path]:
            result.removed.append(path)
        else:
            result.edited.append(path)
    return result


def file_digest(top: str, path: str) -> str:
    """The digest of the file at `path` below top, read (a `Digest`)."""
    with open(os.path.join(top, path), "rb") as handle:
        return _digest(handle.read())


def _is_relative(path: str) -> bool:
    parts = path.split("/")
    return not (path.startswith("/") or "\\" in path or any(p in ("", ".", "..") for p in parts))


def _check_inside(path: str) -> None:
    if not _is_relative(path):
        raise ValueError(f"refusing to write outside the output folder: {path!r}")


def _inside_checker(out: Path) -> Callable[[str], bool]:
    """Whether the folder that would hold a path, links followed, is OUT or inside it; each
    folder is resolved once (thousands of files share a few folders)."""
    root = out.resolve()
    folders: dict[str, bool] = {}

    def check(path: str) -> bool:
        folder = path.rpartition("/")[0]
        if folder not in folders:
            folders[folder] = (out / path).parent.resolve().is_relative_to(root)
        return folders[folder]

    return check


def write_files(
    out: Path,
    files: list[RenderedFile],
    result: WriteResult,
    *,
    force: bool,
    spare: Spare | None = None,
) -> bool:
    """Apply a plan made by plan_writes, all at once (see `commit`; `spare`: the old tree kept
    for the next commit, when the incremental layer keeps one). With blocked files and no force, nothing is written. True
    when OUT was changed."""
    if result.blocked and not force:
        return False
    rewrite = set(result.added + result.changed + (result.blocked if force else []))
    resolves_inside = _inside_checker(out)
    for file in files:
        if file.path in rewrite and not resolves_inside(file.path):  # not even with force
            raise ValueError(f"refusing to write through a link out of {out}: {file.path}")
    removes = list(result.removed)
    manifest_bytes = manifest_json({f.path: f.digest for f in files}, f"gen-graph {__version__}")
    writes = {f.path: f.text.encode("utf-8") for f in files if f.path in rewrite}
    try:
        current_manifest = (out / MANIFEST).read_bytes()
    except OSError:
        current_manifest = None
    if current_manifest != manifest_bytes:
        writes[MANIFEST] = manifest_bytes
    if not writes and not removes:
        recover(out)  # nothing to write, but a run killed after its swap left its old tree
        return False
    if commit(out, writes, removes, spare):
        return True
    # no room for a staging folder beside OUT: replace file by file, each atomically
    out.mkdir(parents=True, exist_ok=True)
    for path, data in sorted(writes.items()):
        _atomic_write(out / path, data)
    for path in removes:
        (out / path).unlink(missing_ok=True)
        prune_empty_dirs(out, (out / path).parent)
    return True


def _atomic_write(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink():
        target.unlink()  # never write through a link out of the output folder
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".gen-graph-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
