"""Path templates: the `{name}` placeholders of a normalised request path."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def placeholders(path: str) -> list[str]:
    return _PLACEHOLDER.findall(path)


_PARAM = re.compile(r"^\{([^{}]+)\}$")
_FUNCTION = re.compile(r"^([A-Za-z_][\w.]*)\((.*)\)$")
_STATIC = re.compile(r"^\$?[A-Za-z_][\w.]*$")


def literal_key(segment: str) -> bool:
    """An example value written into a syntax path as a key: a GUID, `contoso.com`, ..."""
    if any(c in segment for c in "{}():$"):
        return False
    if _STATIC.match(segment):
        return "." in segment and not segment.startswith("microsoft.graph.")
    return True


def route_key(path: str) -> tuple[str, ...]:
    """The route a path takes through the client (render/plan_client.py): a placeholder or a
    value written in as a key is `{}`, a function step its name and `()`, and case does not
    matter. Paths with one route are one endpoint."""
    key = []
    for segment in path.split("/"):
        if not segment:
            continue
        if _PARAM.match(segment) or literal_key(segment):
            key.append("{}")
            continue
        function = _FUNCTION.match(segment)
        key.append(function.group(1).lower() + "()" if function else segment.lower())
    return tuple(key)
