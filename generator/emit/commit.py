"""Whole-run atomic commit of the output folder.

The new state of OUT is built beside it in `.OUT.gen-graph-new` (unchanged and foreign files are
hard links to the very same files, so they keep their inode, bytes and mtime; only changed files
are new), then swapped with OUT in one `renameat2(RENAME_EXCHANGE)` system call. A run killed at
any moment (Ctrl-C, kill -9, power cut before the swap) leaves OUT exactly as it was, or, after
the swap, complete; the leftover folder is deleted by the next run (`recover`).

Where the atomic exchange is not available (not Linux, or a file system without it), the swap
is two renames; a run killed between them leaves OUT missing and `recover` puts the old one back.
Where a staging folder cannot be made beside OUT (read-only parent), files are replaced one by
one, each atomically.
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
from collections.abc import Iterable
from pathlib import Path

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def staging_paths(out: Path) -> tuple[Path, Path]:
    """(the new tree being built, the old tree during a two-rename swap)."""
    base = out.resolve()
    return (
        base.parent / f".{base.name}.gen-graph-new",
        base.parent / f".{base.name}.gen-graph-old",
    )


def recover(out: Path) -> None:
    """Undo what an interrupted run left: OUT back if a swap was cut, staging folders gone."""
    new, old = staging_paths(out)
    if old.is_dir() and not out.exists():
        os.rename(old, out)
    for leftover in (new, old):
        if leftover.exists() or leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # loaded only by a run that writes

    try:
        # the C library this process already runs on: no `ctypes.util.find_library`, whose
        # import and search cost ~50 ms
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    arg_types: list[type[ctypes.c_int | ctypes.c_char_p | ctypes.c_uint]] = [
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_char_p,
        ctypes.c_uint,
    ]
    renameat2.argtypes = arg_types
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def _link_tree(src: str, dst: str, skip: set[str], prefix: str = "") -> None:
    """dst mirrors src by hard links, except the relative paths in `skip`. Folders keep their
    mode; links are copied as links (a linked folder is never entered). Plain strings and
    `os.scandir`: thousands of files, one `link` call each and no other system call."""
    with os.scandir(src) as entries:
        for entry in entries:
            relative = prefix + entry.name
            target = os.path.join(dst, entry.name)
            if entry.is_dir(follow_symlinks=False):
                os.mkdir(target)
                os.chmod(target, stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode))
                _link_tree(entry.path, target, skip, relative + "/")
            elif entry.is_symlink():
                if os.path.isdir(entry.path) or relative not in skip:
                    os.symlink(os.readlink(entry.path), target)
            elif relative not in skip:
                try:
                    os.link(entry.path, target)
                except OSError:
                    shutil.copy2(entry.path, target)


def commit(out: Path, writes: dict[str, bytes], removes: Iterable[str]) -> bool:
    """Make OUT hold `writes` (relative path -> bytes) and lose `removes`, all or nothing.

    Returns False (having changed nothing) when no staging folder can be made beside OUT.
    """
    recover(out)
    new, old = staging_paths(out)
    try:
        new.mkdir()
    except OSError:
        return False
    try:
        skip = set(writes) | set(removes)
        if out.is_dir():
            os.chmod(new, stat.S_IMODE(out.stat().st_mode))
            _link_tree(os.fspath(out), os.fspath(new), skip)
        for relative in sorted(removes):
            prune_empty_dirs(new, (new / relative).parent)
        for relative, data in sorted(writes.items()):
            target = new / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as handle:
                handle.write(data)
            os.chmod(target, 0o644)
        if not out.exists():
            os.rename(new, out)
            return True
        if not _exchange(new, out):
            os.rename(out, old)
            os.rename(new, out)
            new = old
        shutil.rmtree(new, ignore_errors=True)
        return True
    except BaseException:
        recover(out)
        raise


def prune_empty_dirs(root: Path, folder: Path) -> None:
    """Remove folder and its parents up to root while they are empty."""
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
