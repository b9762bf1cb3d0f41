"""Normalise request paths from syntax blocks: `{id | userPrincipalName}` -> `{id}`,
`{tenant id}` -> `{tenant-id}`, hosts and query strings removed, no empty segments."""

from __future__ import annotations

import re

from generator.model.paths import placeholders

__all__ = ["normalise_path", "placeholders"]

_HOST = re.compile(r"^https?://[^/]+(?:/(?:v1\.0|beta))?", re.IGNORECASE)
_VERSION = re.compile(r"^/(?:v1\.0|beta)(?=/|$)", re.IGNORECASE)
_ALTERNATION = re.compile(r"\{\s*([^{}|]*?)\s*(?:\|[^{}]*)?\}")


def normalise_path(raw: str) -> str:
    # `{id | userPrincipalName}` -> `{id}`; `{tenant id}` -> `{tenant-id}` (a space would end the path)
    path = _ALTERNATION.sub(lambda m: "{" + "-".join(m.group(1).split()) + "}", raw.strip())
    path = path.split()[0] if path else ""
    path = _HOST.sub("", path)
    path = path.split("?", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    path = _VERSION.sub("", path)
    # `.` and `..` would let a documented path climb out of the service root once joined
    segments = [s for s in path.split("/") if s and s not in (".", "..")]
    return "/" + "/".join(segments)
