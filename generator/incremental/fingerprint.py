"""Fingerprints that invalidate the cache: the generator's version and code, the templates."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from generator import __version__

_GENERATOR = Path(__file__).resolve().parent.parent


@functools.cache
def generator_fingerprint() -> str:
    """The version plus a hash of every module of the generator: an edited checkout of
    gen-graph never reuses results of the code it had before."""
    digest = hashlib.sha256(__version__.encode())
    for file in sorted(_GENERATOR.rglob("*.py")):
        digest.update(file.relative_to(_GENERATOR).as_posix().encode() + b"\0")
        digest.update(file.read_bytes())
    return digest.hexdigest()


def templates_fingerprint(folders: list[Path]) -> str:
    """A hash of every template in the folders searched (overrides first)."""
    digest = hashlib.sha256()
    for folder in folders:
        digest.update(b"\1" + str(folder).encode())
        if folder.is_dir():
            for file in sorted(folder.rglob("*")):
                if file.is_file():
                    digest.update(file.relative_to(folder).as_posix().encode() + b"\0")
                    digest.update(file.read_bytes())
    return digest.hexdigest()
