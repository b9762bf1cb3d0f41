"""JSON as the docs write it: trailing commas, // and /* */ comments, raw control characters."""

from __future__ import annotations

import json
from typing import Any

_MAX_DEPTH = 200


class LenientJSONError(ValueError):
    pass


def loads(text: str) -> Any:
    """Parse strict JSON first; fall back to a cleaned copy. Raises LenientJSONError."""
    try:
        return _checked(json.loads(text, strict=False))
    except (ValueError, RecursionError):
        pass
    try:
        return _checked(json.loads(_clean(text), strict=False))
    except (ValueError, RecursionError) as error:
        raise LenientJSONError(str(error).split(":")[0]) from None


def _checked(value: Any) -> Any:
    if _depth(value) > _MAX_DEPTH:
        raise LenientJSONError("nested too deeply")
    return value


def _depth(value: Any) -> int:
    depth, stack = 0, [(value, 1)]
    while stack:
        item, level = stack.pop()
        depth = max(depth, level)
        if isinstance(item, dict):
            stack.extend((v, level + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, level + 1) for v in item)
    return depth


def _clean(text: str) -> str:
    """Drop comments and trailing commas outside strings, in one linear pass."""
    out: list[str] = []
    i, n = 0, len(text)
    in_string = False
    pending_comma = -1  # index in out of a comma that may be trailing
    while i < n:
        ch = text[i]
        if in_string:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == '"':
                in_string = False
            i += 1
            continue
        if ch == '"':
            in_string = True
            pending_comma = -1
            out.append(ch)
        elif ch == "/" and text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        elif ch == "/" and text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
            continue
        elif ch == ",":
            pending_comma = len(out)
            out.append(ch)
        elif ch in "}]":
            if pending_comma >= 0:
                out[pending_comma] = ""
            pending_comma = -1
            out.append(ch)
        elif ch.isspace():
            out.append(ch)
        else:
            pending_comma = -1
            out.append(ch)
        i += 1
    return "".join(out)
