"""Hostile page sets (long, quoted, backslashed, unicode names and descriptions): every file that
generation does not send to black is already as black would write it."""

from __future__ import annotations

from hypothesis import given, settings

from generator.emit.format import needs_black
from tests.fuzz.pages import page_sets
from tests.fuzz.stages import CONSTANT_FILES, run_stages
from tests.render.black_check import unstable

# black costs ~0.1 s a file: a sixth of the profile's examples
CHECKED = settings(max_examples=max(5, settings.default.max_examples // 6))


@CHECKED
@given(page_sets())
def test_files_that_skip_black_are_black_stable(pages: dict[str, bytes]) -> None:
    files = [
        f
        for f in run_stages(pages).files
        if f.path.endswith(".py") and f.path not in CONSTANT_FILES
    ]
    assert all(f.black_layout for f in files)
    assert unstable([f for f in files if not needs_black(f.text)]) == []
