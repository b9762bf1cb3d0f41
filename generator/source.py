"""Where an element came from: a page path (relative to the docs root) and a 1-based line."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class SourceSpan:
    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"

    @classmethod
    def parse(cls, text: str) -> SourceSpan:
        path, _, line = text.rpartition(":")
        return cls(path, int(line))
