"""Formatting a huge class method by method.

black's cost grows faster than the size of a file: the generated client of the real corpus
(50,000 lines, one method per operation) takes longer alone than all model files together.
Its methods are independent, so each is formatted on its own (dedented one level, at a line
length four columns shorter, then indented back), cached and shared among workers; the rest of
the file is formatted with the class body left out. tests/incremental/test_chunks.py checks
that the result is byte-identical to black on the whole file.
"""

from __future__ import annotations

import re

_CLASS = re.compile(r"^class Client\b[^\n]*:\n", re.MULTILINE)
_METHOD = re.compile(r"^    def \w+\(", re.MULTILINE)
_TOP_LEVEL = re.compile(r"^\S", re.MULTILINE)
_PLACEHOLDER = "    pass\n"
INDENT = "    "


def split_methods(text: str) -> tuple[str, list[str]] | None:
    """(the file with the class body replaced by `pass`, the methods of the class, dedented)
    or None when the file does not have the simple shape this relies on."""
    found = _CLASS.search(text)
    if found is None:
        return None
    start = found.end()
    end_match = _TOP_LEVEL.search(text, start)
    end = end_match.start() if end_match else len(text)
    body = text[start:end]
    starts = [m.start() for m in _METHOD.finditer(body)]
    if not starts or body[: starts[0]].strip():
        return None
    methods = []
    for begin, stop in zip(starts, [*starts[1:], len(body)], strict=True):
        lines = body[begin:stop].split("\n")
        if any(
            line.startswith("    @") or (line and not line.startswith(INDENT)) for line in lines
        ):
            return None  # decorators or odd indentation: format the whole file instead
        methods.append("\n".join(line[len(INDENT) :] for line in lines).strip("\n") + "\n")
    return text[:start] + _PLACEHOLDER + "\n\n" + text[end:], methods


def join_methods(skeleton: str, methods: list[str]) -> str | None:
    """The formatted file from the formatted skeleton and formatted (dedented) methods."""
    found = _CLASS.search(skeleton)
    if found is None or not skeleton.startswith(_PLACEHOLDER, found.end()):
        return None
    indented = [
        "\n".join(INDENT + line if line else line for line in m.rstrip("\n").split("\n")) + "\n"
        for m in methods
    ]
    body = "\n".join(indented)
    return skeleton[: found.end()] + body + skeleton[found.end() + len(_PLACEHOLDER) :]
