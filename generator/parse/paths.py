"""Normalise request paths from syntax blocks: `{id | userPrincipalName}` -> `{id}` (also the
stray `{user-id} | user-principal-name` form), `{tenant id}` -> `{tenantId}`, spaces around the
punctuation of function arguments removed, hosts, versions and query strings removed, no empty
segments. Other placeholder spellings (`{user-id}`, `{userId}`, `{user_id}`) are kept as
written: a placeholder's position, not its name, identifies it (see render/plan_client.py).

Per path, no other page needed: the parse stage keeps each `HttpPath` normalised (cached with
the page); extract/ asks again only for addresses found in examples."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.parse.lazy_regex import LazyRegex

__all__ = ["normalise_path"]

_HOST = LazyRegex(r"^https?://[^/]+(?:/(?:v1\.0|beta))?", re.IGNORECASE)
_VERSION = LazyRegex(r"^/(?:v1\.0|beta)(?=/|$)", re.IGNORECASE)
_ALTERNATION = LazyRegex(r"\{\s*([^{}|]*?)\s*(?:\|[^{}]*)?\}")
_STRAY_ALTERNATION = LazyRegex(r"\}\s*\|\s*[\w-]+(?=/|$)")  # `{user-id} | user-principal-name`
_PUNCTUATION_SPACE = LazyRegex(r"\s*([,=()])\s*")
_ARGUMENTS = LazyRegex(r"\([^()]*\)")  # `f(a={a}, b={b})`; linear, unlike a lookahead per comma


def _placeholder(match: re.Match[str]) -> str:
    words = match.group(1).split()
    return "{" + "".join(words[:1] + [w[:1].upper() + w[1:] for w in words[1:]]) + "}"


def _arguments(match: re.Match[str]) -> str:
    """`( a = '{x}', b='two words' )` -> `(a='{x}',b='two%20words')`: spaces around punctuation
    go, spaces inside a quoted literal are part of the value."""
    parts = match.group(0).split("'")
    for index, part in enumerate(parts):
        parts[index] = (
            part.replace(" ", "%20") if index % 2 else _PUNCTUATION_SPACE.sub(r"\1", part)
        )
    return "'".join(parts)


@lru_cache(maxsize=1 << 16)  # pure; a page often repeats a path (one block per method)
def normalise_path(raw: str) -> str:
    path = _STRAY_ALTERNATION.sub("}", raw.strip())
    path = _ALTERNATION.sub(_placeholder, path)
    path = _ARGUMENTS.sub(_arguments, path)
    path = path.split()[0] if path else ""
    path = _HOST.sub("", path)
    path = path.split("?", 1)[0]
    if not path.startswith("/"):
        path = "/" + path
    path = _VERSION.sub("", path)
    # `.` and `..` would let a documented path climb out of the service root once joined
    segments = [s for s in path.split("/") if s and s not in (".", "..")]
    return "/" + "/".join(segments)
