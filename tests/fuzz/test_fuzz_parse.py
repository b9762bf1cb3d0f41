"""Load and parse never raise on hostile pages: every problem is a located diagnostic."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.diagnostics import Diagnostics
from generator.load import read_page
from generator.parse import parse_page
from tests.fuzz.pages import page_bytes
from tests.fuzz.stages import Outcome, check_outcome, parse_only

# parsing is cheap: four times the profile's examples
MANY = settings(max_examples=settings.default.max_examples * 4)


@MANY
@given(page_bytes())
def test_parse_never_raises(page: tuple[str, bytes]) -> None:
    path, data = page
    outcome = parse_only({path: data})
    check_outcome(Outcome(pages=outcome.pages, diagnostics=outcome.diagnostics))
    (doc,) = outcome.docs
    assert doc.path == path


@MANY
@given(st.binary(max_size=2000))
def test_any_bytes_decode_to_lines_without_line_breaks(data: bytes) -> None:
    diagnostics = Diagnostics()
    page = read_page("x.md", data, diagnostics)
    assert all("\r" not in line and "\n" not in line and "\x00" not in line for line in page.lines)
    assert page.body_start <= len(page.lines)
    try:
        data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
        clean = True
    except UnicodeDecodeError:
        clean = False
    assert ("GG001" in {d.code for d in diagnostics.items}) == (not clean)
    parse_page(page, diagnostics)


@MANY
@given(st.sampled_from(["\n", "\r\n", "\r"]), page_bytes())
def test_line_ends_do_not_change_what_a_page_says(end: str, page: tuple[str, bytes]) -> None:
    path, data = page
    text = data.decode("utf-8", "replace").replace("\r\n", "\n").replace("\r", "\n")
    unix = parse_only({path: text.encode("utf-8")})
    other = parse_only({path: text.replace("\n", end).encode("utf-8")})
    assert unix.docs == other.docs
    assert sorted(unix.diagnostics.items) == sorted(other.diagnostics.items)
