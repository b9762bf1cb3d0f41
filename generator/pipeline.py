"""The pipeline: load -> parse -> build -> render -> format, as named, timed stages."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from generator.build import build_model
from generator.diagnostics import Diagnostics
from generator.emit import format_files
from generator.load import load_pages
from generator.model import ApiModel
from generator.parse import PageDoc, parse_page
from generator.render import RenderedFile, render_files

T = TypeVar("T")


@dataclass(slots=True)
class Run:
    pages: int = 0
    model: ApiModel = field(default_factory=ApiModel)
    files: list[RenderedFile] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    timings: dict[str, float] = field(default_factory=dict)

    def timed(self, stage: str, work: Callable[[], T]) -> T:
        start = time.perf_counter()
        try:
            return work()
        finally:
            self.timings[stage] = time.perf_counter() - start


def parse_docs(docs: Path, run: Run) -> list[PageDoc]:
    pages = run.timed("load", lambda: load_pages(docs, run.diagnostics))
    run.pages = len(pages)
    return run.timed("parse", lambda: [parse_page(page, run.diagnostics) for page in pages])


def generate(
    docs: Path, package: str, templates: Path | None = None, *, formatting: bool = True
) -> Run:
    """Run every stage. `formatting=False` skips black (tests that only import the output)."""
    run = Run()
    parsed = parse_docs(docs, run)
    run.model = run.timed("build", lambda: build_model(parsed, run.diagnostics))
    rendered = run.timed(
        "render", lambda: render_files(run.model, package, run.diagnostics, templates)
    )
    if formatting:
        run.files = run.timed("format", lambda: format_files(rendered, run.diagnostics))
    else:
        run.files = rendered
    return run
