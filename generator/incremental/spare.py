"""The spare: the tree a commit's swap put aside (emit/commit.py), parked in the cache
(`<cache>/trees/<sha256(OUT)[:32]>/`, never beside or inside OUT) instead of deleted, so that the
next commit renames it back beside OUT and syncs it (`_sync_tree`) instead of linking every file
again. The sync walks both trees with `os.scandir`, which gives names and inodes without a
`stat`: an entry of the spare with the name and inode of OUT's is the same file (the spare holds
a link to it, so the inode cannot have been reused; inodes are compared only within one device),
and only the entries that differ are linked, removed or made. Any spare gives the tree linking
gives: stale (OUT edited since), partial (a run killed mid-sync: it is then beside OUT and
`recover` deletes it), corrupt or missing; one that cannot be moved beside OUT (another file
system) is deleted. Nothing is ever written through the spare: it is only renamed, linked into
and pruned (tests/incremental/test_spare.py).
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from generator.emit.commit import link_file, link_tree, remove_entry


class SpareTree:
    """The `Spare` of emit/commit.py kept at `path` (`Cache.spare_tree`)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def take(self, out: Path, new: Path) -> bool:
        if not _apart(self.path, out):
            return False
        if not out.is_dir():  # the spare of an OUT deleted since: its files are its own now
            _discard(self.path)
            return False
        return _take_spare(self.path, new)

    def sync(self, out: Path, new: Path, skip: set[str]) -> None:
        _sync_tree(os.fspath(out), os.fspath(new), skip)

    def park(self, out: Path, old: Path) -> bool:
        if not _apart(self.path, out):
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            os.rename(old, self.path)
        except OSError:
            return False
        return True

    def seed(self, out: Path) -> None:
        """Give a new OUT a spare too (links to its files), so that the first edit's commit
        syncs instead of linking every file; one link per file, once. Best effort: a spare cut
        short is made right by the sync, one that cannot be made is not there."""
        if not _apart(self.path, out):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.mkdir()
            os.chmod(self.path, stat.S_IMODE(out.stat().st_mode))
            link_tree(os.fspath(out), os.fspath(self.path), set())
        except OSError:
            _discard(self.path)


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


def _take_spare(spare: Path, new: Path) -> bool:
    """Move the spare tree to `new`; False (with no spare left) when there is none to take."""
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


def _sync_tree(src: str, dst: str, skip: set[str], prefix: str = "") -> None:
    """Make dst, a tree `link_tree` once made from an older src (or any tree at all), what
    `link_tree(src, dst, skip)` would make now. A file of dst under the same name and inode as
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
                    remove_entry(target)
                os.mkdir(target)
                os.chmod(target, mode)
                link_tree(entry.path, target, skip, relative + "/")
            elif entry.is_symlink():
                if relative in skip and not os.path.isdir(entry.path):
                    if have is not None:
                        remove_entry(target)
                    continue
                link = os.readlink(entry.path)
                if have is not None:
                    if have.is_symlink() and os.readlink(target) == link:
                        continue
                    remove_entry(target)
                os.symlink(link, target)
            elif relative in skip:
                if have is not None:
                    remove_entry(target)
            else:
                if have is not None:
                    if (
                        same_device
                        and have.inode() == entry.inode()
                        and not have.is_symlink()
                        and not have.is_dir(follow_symlinks=False)
                    ):
                        continue
                    remove_entry(target)
                link_file(entry.path, target)
    for name in present:
        remove_entry(os.path.join(dst, name))
