"""What the pages could give at best: the CSDL names that occur anywhere in the docs.

A CSDL element the pages never name cannot be extracted without inventing it, so recall over
the CSDL has a ceiling below 100% that depends on the docs, not on the generator. The
vocabulary is every word (letters, digits, `_`) of every page, lower-cased; a dotted name such
as `microsoft.graph.user` contributes its parts. An element counts as named when its short
name occurs (a property or member also needs its owner named; a base type needs its type and
its base named).
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.load import load_pages

_WORD = re.compile(r"[A-Za-z0-9_]+")


def docs_vocabulary(docs: Path) -> frozenset[str]:
    words: set[str] = set()
    for page in load_pages(docs, Diagnostics()):
        for line in page.lines:
            words.update(word.lower() for word in _WORD.findall(line))
    return frozenset(words)


def short_name(qualified: str) -> str:
    return qualified.rsplit(".", 1)[-1].lower()


__all__ = ["docs_vocabulary", "short_name"]
