"""Black formatting and the libcst syntax gate, applied to every rendered Python file."""

from __future__ import annotations

import black
import libcst
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from generator.diagnostics import Diagnostics
from generator.render import RenderedFile
from generator.source import SourceSpan

_MODE = Mode(target_versions={TargetVersion.PY311}, line_length=88)


def format_files(files: list[RenderedFile], diagnostics: Diagnostics) -> list[RenderedFile]:
    """Formatted files; a file that is not valid Python is reported (GG041) and left out."""
    out = []
    for file in files:
        if not file.path.endswith(".py"):
            out.append(file)
            continue
        try:
            text = black.format_str(file.text, mode=_MODE)
            libcst.parse_module(text)
            # the grammar is not all of Python: `def f(a, a)` parses but does not compile
            compile(text, file.path, "exec", dont_inherit=True)
        except (InvalidInput, libcst.ParserSyntaxError, SyntaxError, ValueError) as error:
            first = str(error).splitlines()[0] if str(error) else type(error).__name__
            diagnostics.report(
                "GG041", SourceSpan(file.path, 1), f"not valid Python, not written: {first}"
            )
            continue
        out.append(RenderedFile(file.path, text))
    return out
