"""Black formatting and the libcst syntax gate, applied to every rendered Python file.

Formatting is a pure function of the rendered text, so its result is cached by a hash of that
text (and of the generator); the misses are shared among worker processes when there are many.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from generator.cache import Cache
from generator.cache.store import text_key
from generator.diagnostics import Diagnostics
from generator.source import SourceSpan

if TYPE_CHECKING:
    from generator.render import RenderedFile

_PARALLEL_FILES = 64


def format_source(text: str) -> tuple[str | None, str]:
    """(formatted text, "") or (None, why it is not valid Python)."""
    import black  # loaded only when a file must be formatted: a no-op run never pays for it
    import libcst
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    mode = Mode(target_versions={TargetVersion.PY311}, line_length=88)
    try:
        formatted = black.format_str(text, mode=mode)
        libcst.parse_module(formatted)
    except (InvalidInput, libcst.ParserSyntaxError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return None, first
    return formatted, ""


def format_files(
    files: list[RenderedFile],
    diagnostics: Diagnostics,
    cache: Cache | None = None,
    jobs: int = 1,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[RenderedFile]:
    """Formatted files; a file that is not valid Python is reported (GG041) and left out."""
    results: dict[str, tuple[str | None, str]] = {}
    todo: list[RenderedFile] = []
    for file in files:
        if not file.path.endswith(".py"):
            results[file.path] = (file.text, "")
            continue
        found = cache.get_formatted(text_key(file.text)) if cache else None
        if found is not None:
            results[file.path] = found
        else:
            todo.append(file)
    done = len(results)
    # biggest first, so that one huge file does not run alone at the end
    todo.sort(key=lambda f: (-len(f.text), f.path))
    texts = [f.text for f in todo]
    if jobs > 1 and len(todo) >= _PARALLEL_FILES:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            formatted = pool.map(format_source, texts, chunksize=4)
            for file, result in zip(todo, formatted, strict=True):
                results[file.path] = result
                done += 1
                if progress is not None:
                    progress("format", done, len(files))
    else:
        for file in todo:
            results[file.path] = format_source(file.text)
            done += 1
            if progress is not None:
                progress("format", done, len(files))
    if cache is not None:
        for file in todo:
            cache.put_formatted(text_key(file.text), results[file.path])
    out = []
    for file in files:
        text, why = results[file.path]
        if text is None:
            diagnostics.report(
                "GG041", SourceSpan(file.path, 1), f"not valid Python, not written: {why}"
            )
            continue
        out.append(replace(file, text=text))
    return out
