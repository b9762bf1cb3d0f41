"""Documentation text made inert: what reaches a docstring or a comment can never become code."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence

_UNSAFE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean(text: str) -> str:
    """One line of plain text: control, bidi and line-separator characters become spaces."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(_UNSAFE.sub(" ", text).split())


def docstring_lines(text: str, width: int = 80) -> list[str]:
    """Wrapped lines safe inside a triple-quoted docstring: backslashes and quotes escaped."""
    text = clean(text).replace("\\", "\\\\").replace('"', '\\"')
    if not text:
        return []
    # what textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) gives
    # for text whose only whitespace is single spaces (clean() made it so), five times faster
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if not line:
            line = word
        elif len(line) + 1 + len(word) <= width:
            line += " " + word
        else:
            lines.append(line)
            line = word
    lines.append(line)
    return lines


def tuple_display(items: Sequence[str]) -> str:
    """`(a, b)` of items already written as Python, as black writes it: one item keeps its
    comma (`("message",)`)."""
    return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"


def literal(text: str) -> str:
    """A Python string literal for any text: ASCII only, every special character escaped, quoted
    as black quotes it (double quotes, unless single quotes need fewer backslashes)."""
    quoted = json.dumps(text, ensure_ascii=True)
    if text.count('"') > text.count("'"):
        return "'" + quoted[1:-1].replace('\\"', '"').replace("'", "\\'") + "'"
    return quoted
