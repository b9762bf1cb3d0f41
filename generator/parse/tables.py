"""A line-based pipe-table reader that keeps what GFM would drop.

Tolerates (DOCS_FORMAT §5.2): missing leading/trailing pipes, a delimiter row whose cell count
differs from the header, short and long rows, `\\|` escapes, pipes inside code spans,
hard-wrapped rows (glued back to the previous row), bold group-separator rows (skipped),
tables indented in lists or inside block quotes, empty header cells at the end (dropped).
"""

from __future__ import annotations

import re

from generator.parse.document import Table, TableRow
from generator.source import SourceSpan

_DELIMITER = re.compile(r"^\|?\s*:?-+:?\s*(\|\s*:?-*:?\s*)*\|?\s*$")
_QUOTE_PREFIX = re.compile(r"^(\s*>)+")
_GROUP_CELL = re.compile(r"^\*\*[^*]+\*\*$")


def read_tables(
    path: str, lines: list[str], start: int, end: int, section: tuple[str, ...], heading: str
) -> list[Table]:
    """Find the tables inside lines[start:end] (a paragraph's range)."""
    rows = [_strip_prefix(lines[i]) for i in range(start, end)]
    tables: list[Table] = []
    i = 0
    while i + 1 < len(rows):
        if "|" in rows[i] and _DELIMITER.match(rows[i + 1]) and "-" in rows[i + 1]:
            header = split_row(rows[i])
            while len(header) > 1 and not header[-1]:  # T16: `| Description |  |` adds no column
                header = header[:-1]
            body: list[TableRow] = []
            j = i + 2
            while j < len(rows) and rows[j].strip():
                text = rows[j]
                if "|" not in text:
                    if body and body[-1].cells:  # hard-wrapped cell text: glue to the last row
                        last = body[-1]
                        glued = last.cells[:-1] + ((last.cells[-1] + " " + text.strip()).strip(),)
                        body[-1] = TableRow(cells=glued, source=last.source)
                    j += 1
                    continue
                cells = split_row(text)
                if not _is_group_row(cells):
                    body.append(TableRow(cells=cells, source=SourceSpan(path, start + j + 1)))
                j += 1
            tables.append(
                Table(
                    header=header,
                    rows=tuple(body),
                    section=section,
                    heading=heading,
                    source=SourceSpan(path, start + i + 1),
                )
            )
            i = j
        else:
            i += 1
    return tables


def split_row(line: str) -> tuple[str, ...]:
    """Split one row on unescaped pipes outside code spans; outer pipes are optional."""
    text = line.strip()
    cells, balanced = _split(text, respect_code=True)
    if not balanced:  # a stray backtick must not swallow the rest of the row
        cells, _ = _split(text, respect_code=False)
    if text.startswith("|"):
        cells = cells[1:]
    if text.endswith("|") and not text.endswith("\\|") and cells:
        cells = cells[:-1]
    return tuple(_clean_cell(c) for c in cells)


def _split(text: str, *, respect_code: bool) -> tuple[list[str], bool]:
    """The cells between unescaped pipes, and whether every code span was closed. A pipe right
    after a backslash is a literal `|` (also inside code; the backslash goes); with
    `respect_code`, a backtick opens or closes a code span, inside which a pipe is text.

    Read piece by piece between the pipes (str.split), not char by char: a row is mostly text."""
    pieces = text.split("|")
    if "\\" not in text and not (respect_code and "`" in text):
        return pieces, True  # every pipe splits
    cells: list[str] = []
    current: list[str] = []  # pieces of the cell being read, with the pipes inside it
    in_code = False
    last = len(pieces) - 1
    for index, piece in enumerate(pieces):
        if respect_code and piece.count("`") % 2:
            in_code = not in_code
        if index == last:
            current.append(piece)
        elif piece.endswith("\\"):
            current.append(piece[:-1] + "|")
        elif in_code:
            current.append(piece + "|")
        else:
            current.append(piece)
            cells.append("".join(current))
            current = []
    cells.append("".join(current))
    return cells, not in_code


def _clean_cell(cell: str) -> str:
    if cell.isascii():  # none of the three below
        return cell.strip()
    cell = cell.replace("\u200b", "").replace("\ufeff", "").replace("\u00a0", " ")
    return cell.strip()


def _strip_prefix(line: str) -> str:
    return _QUOTE_PREFIX.sub("", line).strip()


def _is_group_row(cells: tuple[str, ...]) -> bool:
    filled = [c for c in cells if c]
    return len(filled) == 1 and cells[0] == filled[0] and bool(_GROUP_CELL.match(filled[0]))
