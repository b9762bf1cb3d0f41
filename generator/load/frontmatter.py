"""The YAML-ish front matter of a Graph docs page, read as flat `key: value` lines.

Real pages quote values with double or single quotes and leave trailing spaces; nothing deeper
than flat keys occurs, so no YAML parser is needed (and none can be tricked into building objects).
"""

from __future__ import annotations


def split_front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    """Return the front matter and how many leading lines it spans (0 when there is none)."""
    if not lines or lines[0].strip() != "---":
        return {}, 0
    meta: dict[str, str] = {}
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() == "---":
            return meta, index + 1
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "\t")):
            meta[key.strip()] = _unquote(value.strip())
    return {}, 0  # never closed: not front matter after all


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value
