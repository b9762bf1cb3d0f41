"""Black formatting and a syntax gate, applied to every rendered Python file.

Files rendered from the built-in templates are laid out as black lays them out
(`render/layout.py`), so black is not run on them: only `compile()` checks them. The one
exception is a file with a line longer than black's limit outside a docstring (other than a lone
string, name or `from x import (` line, which black cannot split either): the layout code gives
up on shapes it does not know by leaving them on one long line, so such a file goes through
black. Files from user templates (`--templates DIR`) always go through black. The tests check
that black leaves every file of the example docs, the injection pages and the whole corpus
unchanged.

Formatting is a pure function of the rendered text, so a caller may keep its results (`Results`:
the incremental layer keeps them by a hash of the key and the generator); the misses are shared
among worker processes when there are many.
Each file is one unit: the client is split into one small module per path.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from generator.diagnostics import Diagnostics
from generator.source import SourceSpan

if TYPE_CHECKING:
    from generator.render import RenderedFile

LINE_LENGTH = 88
_PARALLEL_UNITS = 64

# (formatted text, ""), (None, "") when valid as rendered, or (None, why it is invalid)
Formatted = tuple[str | None, str]


class Results(Protocol):
    """Results kept from earlier runs, by `_key` (generator/incremental/ keeps them between
    runs): a result is a pure function of its key, so a kept one is the one computed now."""

    def get(self, key: str) -> Formatted | None: ...

    def put(self, key: str, result: Formatted) -> None: ...


# lines black leaves as they are, however long: a string or name alone (with `key: ` or `as x`),
# and the first or last line of a split it cannot do better (an import, a dict entry, a
# returned call, a class's bases, a signature)
_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")
_UNSPLITTABLE = re.compile(
    r"\s*(?:\"\"|\w+)(?:: \"\"| as \w+)?,?"
    r"|\s*from [\w.]+ import \("
    r"|\s*\"\": \("
    r"|\s*return \w+\("
    r"|\s*class \w+\("
    r"|\s*\) -> \w+:"
)


def needs_black(text: str) -> bool:
    """Whether a file laid out by the built-in templates has a line black would still change:
    one longer than the limit, outside docstrings, that black can split. Lines with a `\"\"\"`
    and lines inside docstrings are never looked at: splitting the text at every `\"\"\"`, the
    code lies in the even pieces, less the first and last line of each (they hold a quote)."""
    pieces = text.split('"""')
    last = len(pieces) - 1
    for index in range(0, len(pieces), 2):
        lines = pieces[index].split("\n")
        code = lines[(0 if index == 0 else 1) : (len(lines) if index == last else -1)]
        if not code or max(map(len, code)) <= LINE_LENGTH:
            continue
        for line in code:
            if len(line) > LINE_LENGTH and not _UNSPLITTABLE.fullmatch(_STRING.sub('""', line)):
                return True
    return False


@dataclass(frozen=True, slots=True)
class _Unit:
    path: str
    text: str
    line_length: int  # 0: not formatted, only compiled


def _check_unit(unit: _Unit) -> Formatted:
    """Formatted (when asked) and compiled: (formatted text, ""), or (None, "") when it is
    valid as rendered and only compiled, or (None, why it is not valid Python)."""
    text = unit.text
    if unit.line_length:
        formatted, why = format_source(unit.text, unit.line_length)
        if formatted is None:
            return None, why
        text = formatted
    why = _gate(unit.path, text)
    if why:
        return None, why
    return (text if unit.line_length else None), ""


def format_source(text: str, line_length: int = LINE_LENGTH) -> Formatted:
    """(formatted text, "") or (None, why it is not valid Python)."""
    import black  # loaded only when a file must be formatted: a no-op run never pays for it
    from black.mode import Mode, TargetVersion
    from black.parsing import InvalidInput

    mode = Mode(target_versions={TargetVersion.PY311}, line_length=line_length)
    try:
        return black.format_str(text, mode=mode), ""
    except InvalidInput as error:
        lines = str(error).splitlines()
        return None, (lines[0] if lines else "") or type(error).__name__  # never empty


def _gate(path: str, text: str) -> str:
    """ "" when CPython compiles the text, else why not."""
    try:
        compile(text, path, "exec", flags=0x400, dont_inherit=True)  # ast.PyCF_ONLY_AST
    except (SyntaxError, ValueError) as error:
        return f"{type(error).__name__}: {error}"
    return ""


def _key(file: RenderedFile) -> str:
    """What decides the result: the text (by its digest), its path, and whether the built-in
    templates laid it out (then `needs_black` decides, itself a function of the text)."""
    return f"{'laid out' if file.black_layout else 'black'}\0{file.path}\0{file.digest}"


def _unit(file: RenderedFile) -> _Unit:
    black = not file.black_layout or needs_black(file.text)
    return _Unit(file.path, file.text, LINE_LENGTH if black else 0)


def format_files(
    files: list[RenderedFile],
    diagnostics: Diagnostics,
    kept: Results | None = None,
    jobs: int = 1,
    progress: Callable[[str, int, int], None] | None = None,
) -> list[RenderedFile]:
    """Formatted files; a file that is not valid Python is reported (GG041) and left out.
    Results are looked up in `kept` by `_key`: a file seen before is not scanned again."""
    keys = {file.path: _key(file) for file in files if file.path.endswith(".py")}
    results: dict[str, Formatted] = {}
    todo: dict[str, _Unit] = {}
    for file in files:
        key = keys.get(file.path)
        if key is None or key in results or key in todo:
            continue
        found = kept.get(key) if kept is not None else None
        if found is not None:
            results[key] = found
        else:
            todo[key] = _unit(file)
    # black first (slowest), biggest first: the workers finish together
    order = sorted(todo, key=lambda k: (-todo[k].line_length, -len(todo[k].text), k))
    total, done = len(results) + len(order), len(results)
    if jobs > 1 and len(order) >= _PARALLEL_UNITS:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for key, result in zip(
                order, pool.map(_check_unit, [todo[k] for k in order], chunksize=8), strict=True
            ):
                results[key] = result
                done += 1
                if progress is not None:
                    progress("format", done, total)
    else:
        for key in order:
            results[key] = _check_unit(todo[key])
            done += 1
            if progress is not None:
                progress("format", done, total)
    if kept is not None:
        for key in order:
            kept.put(key, results[key])
    out = []
    for file in files:
        key = keys.get(file.path)
        if key is None:
            out.append(file)
            continue
        text, why = results[key]
        if why:
            diagnostics.report(
                "GG041", SourceSpan(file.path, 1), f"not valid Python, not written: {why}"
            )
        elif text is None:
            out.append(file)  # valid as rendered
        else:
            out.append(replace(file, text=text))
    return out
