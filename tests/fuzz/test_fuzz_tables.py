"""The table row splitter against the char-by-char loop it replaced (same cells, same answer on
whether every code span closed), on rows made of the characters that matter to it."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from generator.parse.tables import _split, split_row


def _split_char_by_char(text: str, *, respect_code: bool) -> tuple[list[str], bool]:
    """The reference: generator/parse/tables.py `_split` until it became one regex scan."""
    cells: list[str] = []
    current: list[str] = []
    in_code = False
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] == "|":
            current.append("|")
            i += 2
            continue
        if ch == "`" and respect_code:
            in_code = not in_code
        if ch == "|" and not in_code:
            cells.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    cells.append("".join(current))
    return cells, not in_code


TRICKY = [
    "",
    "|",
    "\\",
    "\\|",
    "\\\\|",
    "\\\\\\|",
    "|\\|",
    "a\\|b|c",
    "`a|b`|c",
    "`a\\|b`|c",
    "`a|b",
    "``|``|",
    "`|`\\``|`",
    "\\`|`|",
    "| `code \\| pipe` | **b** | c \\",
    "| x | `y` | `z|` |\n| w",
    "|||\\||``",
]

# the characters the splitter decides on, and a few it only copies
_ROW = st.text(alphabet=st.sampled_from(["|", "`", "\\", "a", " ", "\u200b", "\n", "é"]))


@pytest.mark.parametrize("row", TRICKY)
@pytest.mark.parametrize("respect_code", [True, False])
def test_tricky_rows_split_as_before(row: str, respect_code: bool) -> None:
    assert _split(row, respect_code=respect_code) == _split_char_by_char(
        row, respect_code=respect_code
    )


@given(row=_ROW, respect_code=st.booleans())
@example(row="`\\|`|\\\\|", respect_code=True)
def test_rows_split_as_by_the_char_by_char_loop(row: str, respect_code: bool) -> None:
    assert _split(row, respect_code=respect_code) == _split_char_by_char(
        row, respect_code=respect_code
    )


@given(row=_ROW)
def test_split_row_never_loses_text(row: str) -> None:
    """Every non-pipe character of the row is in some cell (escaped pipes as `|`)."""
    kept = "".join(split_row(row))
    for ch in "a`é":
        assert kept.count(ch) == row.strip().count(ch)
