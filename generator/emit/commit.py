"""Whole-run atomic commit of the output folder.

The new state of OUT is built beside it in `.OUT.gen-graph-new` (unchanged and foreign files are
hard links to the very same files, so they keep their inode, bytes and mtime; only changed files
are new), then swapped with OUT in one `renameat2(RENAME_EXCHANGE)` system call. A run killed at
any moment (Ctrl-C, kill -9, power cut before the swap) leaves OUT exactly as it was, or, after
the swap, complete; the leftover folder is deleted by the next run (`recover`).

The spare: the old tree the swap puts aside is not deleted but parked in the cache folder
(`spare`, a `Spare` the incremental layer gives: generator/incremental/spare.py), and the next
commit renames it beside OUT and makes it the staging tree by syncing it with OUT: a file kept
under the same name and inode as OUT's is the same file, so only the few entries that differ are linked or removed,
instead of one `link` per file to build the staging tree and one `unlink` per file to delete
the old one. Disk: the spare shares its inodes with OUT, except the previous versions of the
files the last run changed or removed (a few files; the rest costs directory entries only).
Any spare is made right by the sync, however stale or partial (a run killed while syncing or
moving it, a user editing OUT since); one that cannot be renamed beside OUT (another file
system) or synced is deleted, and a commit without a spare links every file, as the first one
does. The commit that makes OUT links its files into a spare (once, so that the first edit
after a first generation syncs too). A commit into an OUT that is gone deletes its spare (then
the only copy of the old files) before making the new one; an old tree that cannot be parked is
deleted, as it was before spares. The
spare is only ever renamed, linked into or pruned: nothing in it is written through, so OUT's
files (which it shares) are never changed by it.

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
from typing import Protocol


class Spare(Protocol):
    """The tree a swap put aside, kept for the next commit to make its staging tree of
    (generator/incremental/spare.py keeps one in the cache). Nothing is written through it:
    it is only renamed, linked into and pruned."""

    def take(self, out: Path, new: Path) -> bool:
        """Move the spare to `new` (a folder that does not exist yet) when OUT is a folder;
        True when it did: `new` is then an older mirror of OUT, for `sync`."""

    def sync(self, out: Path, new: Path, skip: set[str]) -> None:
        """Make the taken tree `new` what `link_tree(out, new, skip)` makes of an empty one;
        raises OSError when it cannot."""

    def park(self, out: Path, old: Path) -> bool:
        """Keep the tree the swap put aside as the next spare; False when it cannot be kept
        (the commit then deletes it)."""

    def seed(self, out: Path) -> None:
        """Give a new OUT a spare too (links to its files), best effort."""


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


def link_tree(src: str, dst: str, skip: set[str], prefix: str = "") -> None:
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
                link_tree(entry.path, target, skip, relative + "/")
            elif entry.is_symlink():
                if os.path.isdir(entry.path) or relative not in skip:
                    os.symlink(os.readlink(entry.path), target)
            elif relative not in skip:
                link_file(entry.path, target)


def link_file(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def remove_entry(path: str | Path) -> None:
    """Delete a file, link or whole folder (never what a link points to)."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def _mirror(out: Path, new: Path, skip: set[str], taken: Spare | None) -> None:
    """Make the staging tree `new` what `link_tree` makes from OUT: by syncing the spare taken
    there, or, without one or where the spare cannot be synced (a folder that will not be
    emptied, say), by linking every file into an empty folder, as a first commit does."""
    if taken is not None:
        try:
            os.chmod(new, stat.S_IMODE(out.stat().st_mode))
            taken.sync(out, new, skip)
            return
        except OSError:
            shutil.rmtree(new, ignore_errors=True)
            new.mkdir()
    os.chmod(new, stat.S_IMODE(out.stat().st_mode))
    link_tree(os.fspath(out), os.fspath(new), skip)


def commit(
    out: Path, writes: dict[str, bytes], removes: Iterable[str], spare: Spare | None = None
) -> bool:
    """Make OUT hold `writes` (relative path -> bytes) and lose `removes`, all or nothing.

    `spare`: the old tree kept for the next commit (see the module's docstring). Returns False
    (having changed nothing) when no staging folder can be made beside OUT.
    """
    recover(out)
    new, old = staging_paths(out)
    reused = spare is not None and spare.take(out, new)
    if not reused:
        try:
            new.parent.mkdir(parents=True, exist_ok=True)  # a first OUT in folders to make
            new.mkdir()
        except OSError:
            return False
    try:
        skip = set(writes) | set(removes)
        if out.is_dir():
            _mirror(out, new, skip, spare if reused else None)
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
            if spare is not None:
                spare.seed(out)
            return True
        if not _exchange(new, out):
            os.rename(out, old)
            os.rename(new, out)
            new = old
        if spare is None or not spare.park(out, new):
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
