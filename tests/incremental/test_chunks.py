"""The client formatted method by method is byte-identical to black on the whole file."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.emit.chunks import split_methods
from generator.emit.format import format_files, format_source
from generator.pipeline import generate
from generator.render import RenderedFile, render_files
from tests.incremental.conftest import make_docs

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


def test_chunked_client_equals_black_on_the_whole_file(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=12)
    for n in range(12):
        (docs / "api" / f"widget{n}-get.md").write_text(API_PAGE.format(n=n), encoding="utf-8")
    client = rendered_client(docs)
    split = split_methods(client.text)
    assert split is not None and len(split[1]) > 12  # it really was split
    whole, why = format_source(client.text)
    assert whole is not None, why
    assert format_files([client], Diagnostics())[0].text == whole


def test_a_client_of_another_shape_is_formatted_whole() -> None:
    text = "class Client:\n    x = 1\n    def f(self):\n        return 1\n"
    assert split_methods(text) is None
    formatted = format_files([RenderedFile("client.py", text)], Diagnostics())[0].text
    assert formatted == format_source(text)[0]


def test_invalid_python_is_reported_not_written() -> None:
    diagnostics = Diagnostics()
    files = [RenderedFile("client.py", "class Client:\n    def f(self:\n        pass\n")]
    assert format_files(files, diagnostics) == []
    assert [d.code for d in diagnostics.items] == ["GG041"]
