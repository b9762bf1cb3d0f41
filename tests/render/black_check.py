"""Shared by the black-stability tests: black with the generator's own mode, on many files."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

from generator.emit.format import LINE_LENGTH
from generator.render import RenderedFile


def black_changes(text: str) -> bool:
    """Whether black (the pinned version, line length 88, py311, as emit/format.py runs it)
    would change the text."""
    import black
    from black.mode import Mode, TargetVersion

    mode = Mode(target_versions={TargetVersion.PY311}, line_length=LINE_LENGTH)
    return black.format_str(text, mode=mode) != text


def unstable(files: list[RenderedFile], jobs: int = 1) -> list[str]:
    """Paths of the Python files black would change."""
    python = [f for f in files if f.path.endswith(".py")]
    texts = [f.text for f in python]
    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            changed = list(pool.map(black_changes, texts, chunksize=16))
    else:
        changed = [black_changes(t) for t in texts]
    return [f.path for f, c in zip(python, changed, strict=True) if c]
