"""HTTP text in fenced blocks: request-syntax lines, and example requests and responses."""

from __future__ import annotations

import re
from typing import Any

from generator.diagnostics import Diagnostics
from generator.parse import lenient_json
from generator.parse.document import Example, HttpPath
from generator.parse.example_facts import body_facts
from generator.parse.lazy_regex import LazyRegex
from generator.parse.paths import normalise_path
from generator.source import SourceSpan

# matched against stripped lines only: `(\S.*)` then ends on a non-space, and no lazy `.*?`
# followed by `\s*$` can backtrack quadratically over a run of inner spaces
_REQUEST_LINE = LazyRegex(r"^(GET|POST|PATCH|PUT|DELETE)\s+(\S.*)$", re.IGNORECASE)
_STATUS_LINE = LazyRegex(r"^HTTP(?:/[\d.]+)?\s+(\d{3})\b", re.IGNORECASE)
_HEADER = LazyRegex(r"^[A-Za-z][A-Za-z0-9-]*\s*:\s")
_ELLIPSIS = LazyRegex(r"/\.\.\.(?=/|$)")


def syntax_paths(text: str, source: SourceSpan, diagnostics: Diagnostics) -> list[HttpPath]:
    """Every `METHOD /path` line of an `HTTP request` block; other lines are reported."""
    paths = []
    for offset, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if not stripped:
            continue
        where = SourceSpan(source.path, source.line + offset)
        match = _REQUEST_LINE.match(stripped)
        if match and _ELLIPSIS.search(match.group(2).split("?", 1)[0]):
            # `/childFolders/{id}/.../messages`: any depth of folders, not one request path
            diagnostics.report(
                "GG014", where, f"path elides segments with '...': {stripped[:80]!r}; ignored"
            )
        elif match:
            written = match.group(2)
            paths.append(
                HttpPath(
                    method=match.group(1).upper(),
                    path=written,
                    normalised=normalise_path(written),
                    source=where,
                )
            )
        else:
            diagnostics.report("GG014", where, f"not a request line: {stripped[:80]!r}; ignored")
    return paths


def looks_like_request(text: str) -> bool:
    return bool(_REQUEST_LINE.match(text.lstrip().split("\n", 1)[0].strip()))


def looks_like_response(text: str) -> bool:
    return bool(_STATUS_LINE.match(text.lstrip().split("\n", 1)[0]))


def parse_example(
    kind: str,
    text: str,
    annotation: dict[str, Any],
    source: SourceSpan,
    diagnostics: Diagnostics,
) -> Example:
    lines = text.split("\n")
    blank = 0
    while blank < len(lines) and not lines[blank].strip():
        blank += 1
    lines = lines[blank:]  # one slice: popping blank lines one by one is quadratic
    first = lines[0].strip() if lines else ""
    method = url = ""
    status = None
    if kind == "request":
        match = _REQUEST_LINE.match(first)
        if match:
            method, url = match.group(1).upper(), match.group(2)
    else:
        match = _STATUS_LINE.match(first)
        if match:
            status = int(match.group(1))
    index = 1
    while index < len(lines) and _HEADER.match(lines[index]):
        index += 1
    body_text = "\n".join(lines[index:]).strip()
    body: Any = None
    has_body = False
    if body_text.startswith(("{", "[")):
        try:
            body = lenient_json.loads(body_text)
            has_body = True
        except lenient_json.LenientJSONError as error:
            diagnostics.report("GG012", source, f"{kind} example body is not JSON ({error})")
    return Example(
        kind=kind,
        method=method,
        url=url,
        status=status,
        body=body,
        has_body=has_body,
        annotation=annotation,
        text=text,
        source=source,
        **body_facts(kind, text, body, has_body, annotation),
    )
