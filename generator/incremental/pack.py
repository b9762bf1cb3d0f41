"""An append-only file of pickled values (`build.pack`), read through a memory map.

The last build (record.py) is thousands of small pickles: a model element, a page shape, a
group of rendered files each. A run that patches one page changes a handful of them. Keeping
them in one pickle meant reading, unpickling, pickling and writing ~20 MB in every such run;
in a pack, a run reads only the values it uses (straight from the mapped file) and a save
appends only the values that are new, then writes the small index that names where each
value is (`Ref`).

The file starts with a header holding a random id. An index names the id of the pack it refers
to; an index whose pack was replaced since (by compaction, by another run, by a user deleting
files) refers to nothing and is not used. Appends are a single `write` at the end of the file,
so an append cut short (kill -9) leaves only bytes that no index names. When the pack holds
more than twice the bytes its newest index names, the next save writes a new pack (new id),
holding only those, atomically.
"""

from __future__ import annotations

import mmap
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

_MAGIC = b"gen-graph pack 1\n"
_ID_SIZE = 16
_HEADER = len(_MAGIC) + _ID_SIZE
_SLACK = 1 << 20  # never compact a pack of less than this many dead bytes

Ref = tuple[int, int]  # (offset, length) of one value's bytes in a pack


@dataclass(eq=False, slots=True)
class Pack:
    """A pack as mapped by this process: what `Ref`s taken from it are read from."""

    path: Path
    id: bytes
    view: memoryview  # the mapped file, as long as it was when mapped

    def read(self, ref: Ref) -> memoryview:
        offset, length = ref
        if offset < _HEADER or offset + length > len(self.view):
            raise ValueError(f"{self.path}: no value at {offset}+{length}")
        return self.view[offset : offset + length]


Located = tuple[Pack, Ref]  # a value some pack holds


def open_pack(path: Path, pack_id: bytes) -> Pack | None:
    """The pack at `path` if it is the one with this id, else None."""
    try:
        with open(path, "rb") as handle:
            if handle.read(_HEADER) != _MAGIC + pack_id:
                return None
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):
        return None
    return Pack(path, pack_id, memoryview(mapped))


def save_values(
    path: Path, pack: Pack | None, values: list[Located | bytes]
) -> tuple[Pack, list[Ref]]:
    """Store `values` (new bytes, or values some pack holds) and return the pack now at `path`
    with where each value is in it. When `pack` is still the file at `path` and would not be
    mostly dead bytes after, what it lacks is appended to it; else a new pack with every value
    is written. Raises OSError when nothing could be written."""
    if pack is not None:
        own = [v if isinstance(v, bytes) or v[0].id == pack.id else _bytes(v) for v in values]
        new = sum(len(v) for v in own if isinstance(v, bytes))
        live = new + sum(v[1][1] for v in own if not isinstance(v, bytes))
        if len(pack.view) + new <= 2 * live + _SLACK:
            refs = _append(pack.path, pack.id, own)
            mapped = open_pack(path, pack.id) if refs is not None else None
            if refs is not None and mapped is not None:
                return mapped, refs
    return _write_new(path, [v if isinstance(v, bytes) else _bytes(v) for v in values])


def _bytes(value: Located) -> bytes:
    return bytes(value[0].read(value[1]))


def _append(path: Path, pack_id: bytes, values: list[Located | bytes]) -> list[Ref] | None:
    """Where each value is after appending the new ones in one write; None when the file at
    `path` is no longer the pack `pack_id`, or the write was cut short."""
    data = b"".join(v for v in values if isinstance(v, bytes))
    fd = os.open(path, os.O_RDWR | os.O_APPEND)
    try:
        if os.pread(fd, _HEADER, 0) != _MAGIC + pack_id:
            return None
        if data and os.write(fd, data) != len(data):
            return None  # disk full: these bytes are dead, a new pack is written
        offset = os.lseek(fd, 0, os.SEEK_CUR) - len(data)
    finally:
        os.close(fd)
    refs: list[Ref] = []
    for value in values:
        if isinstance(value, bytes):
            refs.append((offset, len(value)))
            offset += len(value)
        else:
            refs.append(value[1])
    return refs


def _write_new(path: Path, values: list[bytes]) -> tuple[Pack, list[Ref]]:
    pack_id = os.urandom(_ID_SIZE)
    refs: list[Ref] = []
    offset = _HEADER
    for value in values:
        refs.append((offset, len(value)))
        offset += len(value)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_MAGIC + pack_id)
            handle.writelines(values)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    mapped = open_pack(path, pack_id)
    if mapped is None:
        raise OSError(f"{path}: replaced while it was written")
    return mapped, refs
