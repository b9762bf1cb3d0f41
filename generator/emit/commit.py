"""Whole-run atomic commit of the output folder.

The new state of OUT is built beside it in `.OUT.gen-graph-new` (unchanged and foreign files are
hard links to the very same files, so they keep their inode, bytes and mtime; only changed files
are new), then swapped with OUT in one `renameat2(RENAME_EXCHANGE)` system call. A run killed at
any moment (Ctrl-C, kill -9, power cut before the swap) leaves OUT exactly as it was, or, after
the swap, complete; the leftover folder is deleted by the next run (`recover`).

The spare: the old tree the swap puts aside is not deleted but parked in the cache folder
(`spare`, given by the CLI: `Cache.spare_tree`), and the next commit renames it beside OUT and
makes it the staging tree by syncing it with OUT (`_sync_tree`): a file kept under the same name
and inode as OUT's is the same file, so only the few entries that differ are linked or removed,
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
                _link_file(entry.path, target)


def _link_file(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _sync_tree(src: str, dst: str, skip: set[str], prefix: str = "") -> None:
    """Make dst, a tree `_link_tree` once made from an older src (or any tree at all), what
    `_link_tree(src, dst, skip)` would make now. A file of dst under the same name and inode as
    src's is kept: dst holds a link to that inode, so it cannot have been reused, it is the
    same file. Inodes are compared only where both folders are on the same device. Only
    `scandir` (which gives names and inodes), one `stat` per folder, and a call for each
    entry that differs."""
    folder_src, folder_dst = os.stat(src), os.stat(dst, follow_symlinks=False)
    same_device = folder_src.st_dev == folder_dst.st_dev
    with os.scandir(dst) as entries:
        present = {entry.name: entry for entry in entries}
    with os.scandir(src) as entries:
        for entry in entries:
            relative = prefix + entry.name
            target = os.path.join(dst, entry.name)
            have = present.pop(entry.name, None)
            if entry.is_dir(follow_symlinks=False):
                mode = stat.S_IMODE(entry.stat(follow_symlinks=False).st_mode)
                if have is not None and have.is_dir(follow_symlinks=False):
                    if stat.S_IMODE(have.stat(follow_symlinks=False).st_mode) != mode:
                        os.chmod(target, mode)
                    _sync_tree(entry.path, target, skip, relative + "/")
                    continue
                if have is not None:
                    _remove(target)
                os.mkdir(target)
                os.chmod(target, mode)
                _link_tree(entry.path, target, skip, relative + "/")
            elif entry.is_symlink():
                if relative in skip and not os.path.isdir(entry.path):
                    if have is not None:
                        _remove(target)
                    continue
                link = os.readlink(entry.path)
                if have is not None:
                    if have.is_symlink() and os.readlink(target) == link:
                        continue
                    _remove(target)
                os.symlink(link, target)
            elif relative in skip:
                if have is not None:
                    _remove(target)
            else:
                if have is not None:
                    if (
                        same_device
                        and have.inode() == entry.inode()
                        and not have.is_symlink()
                        and not have.is_dir(follow_symlinks=False)
                    ):
                        continue
                    _remove(target)
                _link_file(entry.path, target)
    for name in present:
        _remove(os.path.join(dst, name))


def _remove(path: str | Path) -> None:
    """Delete a file, link or whole folder (never what a link points to)."""
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path)
    else:
        os.unlink(path)


def _apart(spare: Path, out: Path) -> bool:
    """Whether neither folder holds the other: a spare inside OUT would show in it."""
    a, b = spare.resolve(), out.resolve()
    return not (a.is_relative_to(b) or b.is_relative_to(a))


def _discard(path: Path) -> None:
    """Delete what is at path, as far as it can be: a spare is only ever worth some time."""
    try:
        if path.is_symlink() or not path.is_dir():
            path.unlink(missing_ok=True)
            return
    except OSError:
        return
    shutil.rmtree(path, ignore_errors=True)


def _take_spare(spare: Path | None, new: Path) -> bool:
    """Move the spare tree to `new`; False (with no spare left) when there is none to take."""
    if spare is None:
        return False
    try:
        os.rename(spare, new)
    except FileNotFoundError:
        return False
    except OSError:  # another file system, or anything else in the way: start afresh
        _discard(spare)
        return False
    if stat.S_ISDIR(os.lstat(new).st_mode):
        return True
    os.unlink(new)  # a file or a link where the spare was: never written through
    return False


def _park(old: Path, spare: Path | None) -> None:
    """Keep the tree the swap put aside as the next commit's spare, else delete it."""
    if spare is not None:
        try:
            spare.parent.mkdir(parents=True, exist_ok=True)
            os.rename(old, spare)
            return
        except OSError:
            pass
    shutil.rmtree(old, ignore_errors=True)


def _seed_spare(out: Path, spare: Path | None) -> None:
    """Give a new OUT a spare too (links to its files), so that the first edit's commit syncs
    instead of linking every file; one link per file, once. Best effort: a spare cut short is
    made right by the sync, one that cannot be made is not there."""
    if spare is None:
        return
    try:
        spare.parent.mkdir(parents=True, exist_ok=True)
        spare.mkdir()
        os.chmod(spare, stat.S_IMODE(out.stat().st_mode))
        _link_tree(os.fspath(out), os.fspath(spare), set())
    except OSError:
        _discard(spare)


def _mirror(out: Path, new: Path, skip: set[str], reused: bool) -> None:
    """Make the staging tree `new` what `_link_tree` makes from OUT: by syncing the spare taken
    there, or, without one or where the spare cannot be synced (a folder that will not be
    emptied, say), by linking every file into an empty folder, as a first commit does."""
    if reused:
        try:
            os.chmod(new, stat.S_IMODE(out.stat().st_mode))
            _sync_tree(os.fspath(out), os.fspath(new), skip)
            return
        except OSError:
            shutil.rmtree(new, ignore_errors=True)
            new.mkdir()
    os.chmod(new, stat.S_IMODE(out.stat().st_mode))
    _link_tree(os.fspath(out), os.fspath(new), skip)


def commit(
    out: Path, writes: dict[str, bytes], removes: Iterable[str], spare: Path | None = None
) -> bool:
    """Make OUT hold `writes` (relative path -> bytes) and lose `removes`, all or nothing.

    `spare`: where the old tree is kept for the next commit (see the module's docstring); on
    the same file system as OUT, outside it. Returns False (having changed nothing) when no
    staging folder can be made beside OUT.
    """
    recover(out)
    new, old = staging_paths(out)
    if spare is not None and not _apart(spare, out):
        spare = None
    reused = False
    if out.is_dir():
        reused = _take_spare(spare, new)
    elif spare is not None:  # the spare of an OUT deleted since: its files are its own now
        _discard(spare)
    if not reused:
        try:
            new.parent.mkdir(parents=True, exist_ok=True)  # a first OUT in folders to make
            new.mkdir()
        except OSError:
            return False
    try:
        skip = set(writes) | set(removes)
        if out.is_dir():
            _mirror(out, new, skip, reused)
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
            _seed_spare(out, spare)
            return True
        if not _exchange(new, out):
            os.rename(out, old)
            os.rename(new, out)
            new = old
        _park(new, spare)
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
