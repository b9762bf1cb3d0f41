"""Formatting: invalid Python is reported (GG041), never written."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from generator.emit.format import _STRING, _UNSPLITTABLE, LINE_LENGTH, format_files, needs_black
from generator.incremental import Layer
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


def needs_black_line_by_line(text: str) -> bool:
    """The rule needs_black implements, spelled out one line at a time."""
    inside = False
    for line in text.split("\n"):
        quotes = line.count('"""')
        if quotes or inside:
            inside = inside != (quotes % 2 == 1)
            continue
        if len(line) > LINE_LENGTH and not _UNSPLITTABLE.fullmatch(_STRING.sub('""', line)):
            return True
    return False


LINES = [
    "",
    '"""',
    '    """A docstring."""',
    "x" * (LINE_LENGTH + 1),
    "    y = " + "1 + " * 30 + "1",
    '    "' + "a" * LINE_LENGTH + '",',
    "from a import (" + "b" * LINE_LENGTH,
    "    z = 1\r",
    '""""""',
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(LINES), st.sampled_from(["", '"""', "\r", " "]))))
def test_needs_black_looks_at_long_lines_outside_docstrings(lines: list[tuple[str, str]]) -> None:
    text = "\n".join(line + end for line, end in lines)
    assert needs_black(text) == needs_black_line_by_line(text)


def test_a_file_seen_before_is_not_scanned_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = [
        RenderedFile("ok.py", "x = 1\n", black_layout=True),
        RenderedFile("long.py", "y = [" + "1, " * 40 + "]\n", black_layout=True),
        RenderedFile("mine.py", "z=2\n"),  # a user template: always black
        RenderedFile("bad.py", "def f(:\n", black_layout=True),
        RenderedFile("data.json", "{}"),
    ]
    cache = Layer(tmp_path / "cache").formatted()
    first_diagnostics = Diagnostics()
    first = format_files(files, first_diagnostics, cache)
    assert [f.path for f in first] == ["ok.py", "long.py", "mine.py", "data.json"]
    assert first[0] is files[0]  # valid as laid out: the very same file
    assert first[1].text.startswith("y = [\n    1,\n") and first[2].text == "z = 2\n"

    def scanned(text: str) -> bool:
        raise AssertionError("needs_black called for a file the cache knows")

    monkeypatch.setattr("generator.emit.format.needs_black", scanned)
    again_diagnostics = Diagnostics()
    assert format_files(files, again_diagnostics, cache) == first
    assert again_diagnostics.sorted() == first_diagnostics.sorted()
    assert [d.code for d in again_diagnostics.items] == ["GG041"]


def test_a_file_carries_the_digest_of_its_text_through_formatting_and_the_cache() -> None:
    """Formatting looks results up by a file's digest and writing compares it with the file on
    disk, so it must always be the digest of the text the file holds."""
    import hashlib
    from dataclasses import replace

    from generator.incremental import serialize

    def sha(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    file = RenderedFile("a.py", "x=1\n")
    assert file.digest == sha("x=1\n")
    assert replace(file, text="x = 1\n").digest == sha("x = 1\n")
    assert serialize.loads(serialize.dumps(file)) == file
    formatted = format_files([file], Diagnostics())
    assert [f.digest for f in formatted] == [sha(f.text) for f in formatted]
    assert formatted[0].text == "x = 1\n"
