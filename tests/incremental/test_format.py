"""Formatting: invalid Python is reported (GG041), never written."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.emit.format import format_files
from generator.pipeline import generate
from generator.render import RenderedFile, render_files

API_PAGE = """---
title: "Get widget{n}"
doc_type: apiPageType
---

# Get widget{n}

Namespace: microsoft.graph

Read widget {n}, a rather long description so that some lines of the docstring and the
signature come close to the line length and black has to make real decisions about them.

## HTTP request

```http
GET /widgets/{{widget-id}}/parts/{{part-id}}/subparts/{{subpart-id}}/things{n}
GET /me/widgets{n}
```

## Response

If successful, this method returns a `200 OK` response code and a [widget{n}](../resources/widget{n}.md) object in the response body.
"""


def rendered_client(docs: Path) -> RenderedFile:
    run = generate(docs, "sdk")
    files = render_files(run.model, "sdk", Diagnostics())
    return next(f for f in files if f.path == "client.py")


def test_invalid_python_is_reported_not_written() -> None:
    diagnostics = Diagnostics()
    files = [RenderedFile("client.py", "class Client:\n    def f(self:\n        pass\n")]
    assert format_files(files, diagnostics) == []
    assert [d.code for d in diagnostics.items] == ["GG041"]
