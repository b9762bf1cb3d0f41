"""Run the pipeline stage by stage on in-memory pages, so a bug surfaces as its own exception.

The CLI turns an unexpected exception into `internal error` (exit 3); the hostile-input suites
call the stage entry points directly instead, and check what each one promises.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.codes import CODES
from generator.diagnostics import Diagnostics
from generator.emit import format_files
from generator.extract import build_model
from generator.load import Page, read_page
from generator.model import ApiModel, model_from_json, model_to_json
from generator.parse import PageDoc, parse_page
from generator.render import RenderedFile, render_files

# Files whose text does not depend on the pages; black on them costs time and proves nothing new.
CONSTANT_FILES = frozenset({"_runtime.py", "_paths.py", "py.typed"})


@dataclass(slots=True)
class Outcome:
    pages: list[Page] = field(default_factory=list)
    docs: list[PageDoc] = field(default_factory=list)
    model: ApiModel = field(default_factory=ApiModel)
    files: list[RenderedFile] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    def codes(self) -> set[str]:
        return {d.code for d in self.diagnostics.items}


def parse_only(pages: dict[str, bytes]) -> Outcome:
    outcome = Outcome()
    for path, data in sorted(pages.items()):
        page = read_page(path, data, outcome.diagnostics)
        outcome.pages.append(page)
        outcome.docs.append(parse_page(page, outcome.diagnostics))
    return outcome


def run_stages(pages: dict[str, bytes], *, package: str = "pkg", fmt: bool = False) -> Outcome:
    """load -> parse -> build -> render (-> format with black and the libcst gate)."""
    outcome = parse_only(pages)
    outcome.model = build_model(outcome.docs, outcome.diagnostics)
    rendered = render_files(outcome.model, package, outcome.diagnostics)
    if fmt:
        varying = [f for f in rendered if f.path not in CONSTANT_FILES]
        rendered = format_files(varying, outcome.diagnostics)
    outcome.files = rendered
    return outcome


def check_outcome(outcome: Outcome) -> None:
    """What every run promises, whatever the pages: located diagnostics with known codes, a
    model that round-trips through JSON, and generated files that are all valid Python."""
    lengths = {page.path: len(page.lines) for page in outcome.pages}
    for diagnostic in outcome.diagnostics.items:
        assert diagnostic.code in CODES, diagnostic
        assert diagnostic.source.path in lengths, diagnostic
        assert 1 <= diagnostic.source.line <= max(1, lengths[diagnostic.source.path]), diagnostic
        assert str(diagnostic).isprintable(), diagnostic
    assert "GG041" not in outcome.codes(), [str(d) for d in outcome.diagnostics.items]
    assert model_from_json(model_to_json(outcome.model)) == outcome.model
    paths = [f.path for f in outcome.files]
    assert len(paths) == len(set(paths)), "two generated files share a path"
    for file in outcome.files:
        parts = file.path.split("/")
        assert not file.path.startswith("/") and ".." not in parts and "" not in parts, file.path
        assert all(part.isascii() for part in parts), file.path
        if file.path.endswith(".py"):
            compile(file.text, file.path, "exec", dont_inherit=True)
