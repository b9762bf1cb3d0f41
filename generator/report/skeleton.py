"""Whether two versions of the changed files can differ in their API surface at all, told
without libcst (whose import alone costs about as much as a one-page regeneration's writes).

Most edits of a page change only docstrings of the generated code. The surface (`surface.py`)
never reads a docstring except a builder class's own ("Requests to /path"), and that one only
when the routes tree (`routes.py`) cannot tell the builder's path. So each file is reduced to
its skeleton: its exact text with every docstring statement blanked to `""`, except the first
statement of a class in a builder module (kept in case the tree is not given). When every changed file has the same
skeleton before and after, every file contributes the same surface to both sides and the report
is empty; otherwise libcst reads the files as usual. A file that does not tokenize, or that the
surface reads but exists on one side only, always goes to libcst.
"""

from __future__ import annotations

import io
import tokenize
from collections.abc import Mapping

_SKIPPED = (tokenize.NL, tokenize.COMMENT)
_STARTS = (tokenize.NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING)


def surface_reads(path: str) -> bool:
    """Whether `read_surface` looks at a file with this path."""
    return path.endswith(".py") and (
        path.startswith("models/")
        or (path.startswith("builders/") and not path.startswith("builders/_"))
    )


def skeleton(path: str, text: str) -> str | None:
    """The text with the docstrings the surface never reads blanked; None if it does not
    tokenize."""
    keep_class_docstrings = path.startswith("builders/")
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text, newline="\n").readline))
    except (tokenize.TokenError, SyntaxError, ValueError):
        return None
    starts = [0]  # where each line starts; tokenize counts lines ended by "\n" only
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    blanks: list[tuple[int, int]] = []
    previous = tokenize.ENCODING  # the type of the last token that is not NL or a comment
    line_head = ""  # the first token of the logical line being read
    last_head = ""  # the first token of the logical line before it
    for index, token in enumerate(tokens):
        if token.type in _SKIPPED:
            continue
        if previous in _STARTS and token.type not in _STARTS:
            last_head, line_head = line_head, token.string
        if (
            token.type == tokenize.STRING
            and previous in _STARTS
            and _ends_statement(tokens, index)
            and not (keep_class_docstrings and previous == tokenize.INDENT and last_head == "class")
        ):
            (row, col), (end_row, end_col) = token.start, token.end
            blanks.append((starts[row - 1] + col, starts[end_row - 1] + end_col))
        previous = token.type
    pieces, done = [], 0
    for start, end in blanks:
        pieces += [text[done:start], '""']
        done = end
    pieces.append(text[done:])
    return "".join(pieces)


def _ends_statement(tokens: list[tokenize.TokenInfo], index: int) -> bool:
    for token in tokens[index + 1 :]:
        if token.type == tokenize.COMMENT:
            continue
        return token.type in (tokenize.NEWLINE, tokenize.ENDMARKER)
    return True


def same_surface(old: Mapping[str, str], new: Mapping[str, str]) -> bool:
    """True when the files given (relative path -> text, before and after) certainly have the
    same API surface; False when libcst must tell."""
    for path in old.keys() | new.keys():
        if not surface_reads(path):
            continue
        if path not in old or path not in new:
            return False
        before, after = skeleton(path, old[path]), skeleton(path, new[path])
        if before is None or before != after:
            return False
    return True
