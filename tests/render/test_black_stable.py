"""The built-in templates emit black's own layout, so generation skips black for them
(emit/format.py): here black proves it, on the example docs and the injection pages. The whole
corpus is checked in tests/corpus/test_black_stable.py; render/layout.py against black over
many lengths in test_layout.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.emit.format import needs_black
from generator.pipeline import generate
from generator.render import render_files
from tests.conftest import DOCS_INPUT
from tests.render.black_check import unstable

INJECTION = Path(__file__).resolve().parent.parent / "injection" / "pages"


@pytest.mark.parametrize("docs", [DOCS_INPUT, INJECTION], ids=["docs_input", "injection"])
def test_every_rendered_file_is_already_black_stable(docs: Path) -> None:
    run = generate(docs, "sdk", formatting=False)
    files = render_files(run.model, "sdk", Diagnostics())
    python = [f for f in files if f.path.endswith(".py")]
    assert len(python) > 10
    assert all(f.black_layout for f in python)
    assert unstable(python) == []


def test_the_example_docs_need_black_for_no_file() -> None:
    run = generate(DOCS_INPUT, "generated", formatting=False)
    assert [f.path for f in run.files if needs_black(f.text)] == []


def test_formatted_output_equals_the_rendered_text() -> None:
    """What is written is what the templates rendered: black changed nothing it was given."""
    formatted = generate(DOCS_INPUT, "generated").files
    rendered = {f.path: f.text for f in generate(DOCS_INPUT, "generated", formatting=False).files}
    assert {f.path: f.text for f in formatted} == rendered


def test_user_templates_still_go_through_black(tmp_path: Path) -> None:
    """A template we did not write cannot be trusted to be black-stable: black formats it."""
    (tmp_path / "enum.py.jinja").write_text(
        '"""{{ enum.class_name }}."""\nclass {{ enum.class_name }}:  pass\nx = [1,\n  2]\n',
        encoding="utf-8",
    )
    run = generate(DOCS_INPUT, "sdk", tmp_path)
    enums = [f for f in run.files if f.text.startswith('"""AccessLevel.')]
    assert enums and not enums[0].black_layout
    assert enums[0].text == '"""AccessLevel."""\n\n\nclass AccessLevel:\n    pass\n\n\nx = [1, 2]\n'


def test_a_file_with_a_line_black_can_split_goes_through_black() -> None:
    long_call = "x = f(" + ", ".join(["argument"] * 12) + ")\n"
    assert needs_black(long_call)
    assert not needs_black('"""\n' + "word " * 30 + '\n"""\n')  # docstrings are left alone
    assert not needs_black('    "' + "k" * 90 + '": "v",\n')  # nothing black could split
