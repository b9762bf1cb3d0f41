"""Which files are unchanged since they were last hashed, told by their `stat` alone, as git's
index does: a file whose size, times, inode and device are those recorded with its digest
still has that digest, unless it was "racily clean".

Racily clean: a file written in the same clock tick as the `stat` that recorded it can change
again within that tick and keep every recorded value. So each record keeps the time its scan
started, and a file whose mtime is not clearly older than that is never trusted (it is hashed
again, and trusted by the next record if it stays quiet). "Clearly older" allows for the
clock of file times lagging the system clock by a tick, and for file systems that keep whole
seconds only. The ctime cannot be set by `os.utime`, so an edit that puts the old size and
mtime back is seen too, unless it lands in the very clock tick of the recorded ctime (git's
index has the same limit).

The content digest stays the key of everything cached: a stat only saves reading a file.
Limits, as for git: file times are compared with this machine's clock, so on a network file
system whose clock runs more than the slack behind it, two edits of a file within one tick of
that clock, one just before a scan and one just after, can go unseen (a clock ahead only
makes files racily clean for longer); and where `st_ctime` is the creation time (Windows), an
edit that puts back both the size and the mtime is not seen until the file changes again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import stat as stat_module
import time
from dataclasses import dataclass, field

Stat = tuple[int, int, int, int, int]  # size, mtime_ns, ctime_ns, inode, device

# file times come from a clock that lags the system clock by up to a tick (1-10 ms on Linux),
# truncated to the file system's precision: 1 ns on most, whole seconds (2 s for FAT) on some
_FINE_SLACK_NS = 100_000_000
_COARSE_SLACK_NS = 3_000_000_000
_SECOND_NS = 1_000_000_000


def stat_of(path: str) -> Stat | None:
    """The stat of a regular file (links followed), or None when it is anything else."""
    try:
        found = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat_module.S_ISREG(found.st_mode):
        return None
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


def settled(stat: Stat, scanned_ns: int) -> bool:
    """Whether a file that had this stat when a scan starting at `scanned_ns` saw it cannot
    have changed since without changing its stat. Told by the mtime, as git does: a write
    moves it to the time of the write, which is not before the scan's start. The ctime is not
    asked: linking or renaming a file moves its ctime, not its bytes (a commit links every
    file of OUT), and a write that puts the mtime back still moves the ctime, which the stat
    compares."""
    _, mtime, ctime, _, _ = stat
    coarse = mtime % _SECOND_NS == 0 and ctime % _SECOND_NS == 0
    slack = _COARSE_SLACK_NS if coarse else _FINE_SLACK_NS
    return mtime < scanned_ns - slack


def now_ns() -> int:
    """The start of a scan: taken before the first file is looked at."""
    return time.time_ns()


@dataclass(slots=True)
class StatIndex:
    """path -> (stat, digest of the bytes read after that stat), from a scan that started at
    `scanned_ns`."""

    scanned_ns: int = field(default_factory=lambda: now_ns())
    files: dict[str, tuple[Stat, str]] = field(default_factory=dict)

    def trusted(self, path: str, stat: Stat | None) -> str | None:
        """The recorded digest of `path` when its current stat proves it unchanged."""
        if stat is None:
            return None
        found = self.files.get(path)
        if found is None or found[0] != stat or not settled(stat, self.scanned_ns):
            return None
        return found[1]

    def proves(self, other: StatIndex) -> bool:
        """Whether this index trusts every entry of `other` as it stands: a scan that made
        `other` from this one read no file."""
        return all(
            self.trusted(path, stat) == digest for path, (stat, digest) in other.files.items()
        )

    def add(self, path: str, stat: Stat | None, digest: str) -> None:
        if stat is not None:
            self.files[path] = (stat, digest)

    def dumps(self) -> bytes:
        return pickle.dumps((self.scanned_ns, self.files), protocol=5)

    @classmethod
    def loads(cls, data: bytes) -> StatIndex | None:
        """The index saved by `dumps`; None when the data is not such an index. An entry of
        the wrong shape is left out (a stat of the wrong shape never equals a real one)."""
        try:
            scanned, files = pickle.loads(data)
        except Exception:  # noqa: BLE001 - a truncated or foreign file is no index
            return None
        if type(scanned) is not int or type(files) is not dict:
            return None
        return cls(
            scanned,
            {
                path: entry
                for path, entry in files.items()
                if type(entry) is tuple and len(entry) == 2 and type(entry[1]) is str
            },
        )


def current_digest(top: str, path: str, known: StatIndex | None, seen: StatIndex) -> str:
    """The digest of the file at `path` below top: recorded, when its stat proves it, else
    read; added to `seen`. Raises OSError when it cannot be read (FileNotFoundError when it
    does not exist). With `known` and `seen` given, the emit stage's `Digest`."""
    full = os.path.join(top, path)
    stat = stat_of(full)
    digest = known.trusted(path, stat) if known is not None else None
    if digest is None:
        with open(full, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
    seen.add(path, stat, digest)  # the stat taken before reading: never newer than the bytes
    return digest
