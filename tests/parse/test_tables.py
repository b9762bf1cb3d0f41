"""The tolerant table reader, one DOCS_FORMAT variant per case."""

from __future__ import annotations

import pytest

from generator.parse.tables import read_tables, split_row


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("| a | b | c |", ("a", "b", "c")),
        ("| a | b | c", ("a", "b", "c")),  # T3 no trailing pipe
        ("a | b | c |", ("a", "b", "c")),  # T1/T2 no leading pipe
        ("| a \\| b | c |", ("a | b", "c")),  # T8 escaped pipe
        ("| `a|b` | c |", ("`a|b`", "c")),  # T9 pipe inside a code span
        ("| `a | b | c |", ("`a", "b", "c")),  # unbalanced backtick does not swallow the row
        ("| a\u200b | b\u00a0 |", ("a", "b")),  # T20 zero-width and nbsp
        ("| | b |", ("", "b")),  # T16 empty cell
    ],
)
def test_split_row(row: str, cells: tuple[str, ...]) -> None:
    assert split_row(row) == cells


def _tables(text: str) -> list[tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    lines = text.split("\n")
    return [
        (t.header, [r.cells for r in t.rows])
        for t in read_tables("p.md", lines, 0, len(lines), ("properties",), "Properties")
    ]


def test_delimiter_with_other_cell_count_is_kept() -> None:  # T4
    assert _tables("|a|b|c|\n|---|---|\n|1|2|3|") == [(("a", "b", "c"), [("1", "2", "3")])]


def test_bold_group_rows_are_skipped() -> None:  # T7
    text = "|a|b|c|\n|-|-|-|\n| **Calendar** | | |\n|1|2|3|"
    assert _tables(text) == [(("a", "b", "c"), [("1", "2", "3")])]


def test_hard_wrapped_row_is_glued_back() -> None:  # T22 / T13
    text = "|a|b|\n|-|-|\n|1|first part\nsecond part"
    assert _tables(text) == [(("a", "b"), [("1", "first part second part")])]


def test_short_and_long_rows_are_kept() -> None:  # T5 / T6
    text = "|a|b|c|\n|-|-|-|\n|1|2|\n|1|2|3|4|"
    assert _tables(text) == [(("a", "b", "c"), [("1", "2"), ("1", "2", "3", "4")])]


def test_block_quote_and_indented_tables() -> None:  # T14
    assert _tables("> |a|b|\n> |-|-|\n> |1|2|") == [(("a", "b"), [("1", "2")])]
    assert _tables("   |a|b|\n   |-|-|\n   |1|2|") == [(("a", "b"), [("1", "2")])]


def test_rows_keep_their_lines() -> None:
    lines = ["text", "|a|b|", "|-|-|", "|1|2|", "|3|4|"]
    (table,) = read_tables("p.md", lines, 0, len(lines), (), "")
    assert str(table.source) == "p.md:2"
    assert [str(r.source) for r in table.rows] == ["p.md:4", "p.md:5"]


def test_an_empty_last_header_cell_adds_no_column() -> None:  # T16, resources/searchrequest.md:24
    text = "| Property | Type | Description |  |\n|:--|:--|:--|:--|\n|from|Int32|Offset.|"
    assert _tables(text) == [(("Property", "Type", "Description"), [("from", "Int32", "Offset.")])]
    assert _tables("| | b |\n|-|-|\n|1|2|") == [
        (("", "b"), [("1", "2")])
    ]  # a first empty cell stays
