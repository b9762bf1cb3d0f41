"""The generated package's fixed modules: `generator/runtime/`, copied into the output byte for
byte, nothing substituted.

They do not depend on the docs, so they are ordinary Python files of the generator (checked by
mypy, ruff and tests/runtime where they are written) rather than templates, and `--templates`
does not override them. Their folder mirrors the generated package, so each keeps its path there.
Read as package resources: the same from a checkout and from an installed wheel. They are part of
the generator's code, so the cache's `generator_fingerprint` (which hashes every `generator/**.py`)
changes with them.
"""

from __future__ import annotations

import functools
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.render import RenderedFile

# output paths, each also the file's path under generator/runtime/
STATIC = (
    "_runtime.py",
    "_paths.py",
    "_http.py",
    "_batch.py",
    "_upload.py",
    "builders/__init__.py",
    "builders/_base.py",
)


@functools.cache
def _static_files() -> tuple[RenderedFile, ...]:
    from generator.render import RenderedFile

    root = files("generator.runtime")
    return tuple(
        # laid out by hand as black lays out generated code (tests/runtime/test_black_stable.py)
        RenderedFile(path, root.joinpath(*path.split("/")).read_bytes().decode("utf-8"), True)
        for path in STATIC
    )


def static_files() -> list[RenderedFile]:
    """The fixed modules as rendered files (digest, syntax gate and manifest as any other)."""
    return list(_static_files())
