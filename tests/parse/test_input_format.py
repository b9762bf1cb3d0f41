"""docs/input-format.md answers every variant of DOCS_FORMAT.md (issue 3, item 8): its own list
of the variant IDs, each with a row; with the corpus, that list is DOCS_FORMAT.md's (which sits
beside the corpus folder) and each example page of the table exists in the corpus."""

from __future__ import annotations

import re

import pytest

from tests.conftest import CORPUS, ROOT, SHARED, require_corpus

DOCS_FORMAT = SHARED / "DOCS_FORMAT.md"
INPUT_FORMAT = ROOT / "docs" / "input-format.md"
PAGES = CORPUS / "graph-docs-2021-07" / "v1.0"
SECTION = "## Every variant of DOCS_FORMAT.md"
ID_LIST = "```text variant-ids\n"

# `| T-a | ...` rows of the §5 tables, and `| C1 annotation ...` rows of the oddities table
_VARIANT_ROW = re.compile(r"^\| ([A-Z]-[a-z]|[A-Z]\d+)[ |]", re.MULTILINE)
_PAGE = re.compile(r"`((?:api|resources)/[\w.-]+\.md)(?::(\d+))?`")


def _variant_table() -> str:
    text = INPUT_FORMAT.read_text(encoding="utf-8")
    assert SECTION in text
    return text.split(SECTION, 1)[1]


def _rows() -> list[list[str]]:
    rows = []
    for line in _variant_table().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if line.startswith("| ") and len(cells) == 4 and cells[0] not in ("IDs", "---"):
            rows.append(cells)
    return rows


def _listed() -> list[str]:
    """The variant IDs that docs/input-format.md lists before its table."""
    block = _variant_table().split(ID_LIST, 1)[1].split("```", 1)[0]
    return block.split()


def test_every_listed_variant_has_a_row() -> None:
    listed = _listed()
    assert len(listed) == len(set(listed)) > 80
    answered = {name.strip() for row in _rows() for name in row[0].split(",")}
    assert sorted(set(listed) - answered) == []
    assert sorted(answered - set(listed) - {"§5.3"}) == []  # a row names only listed IDs
    assert all(row[2] and row[3] for row in _rows())  # a handling and an example each


@pytest.mark.corpus
def test_the_list_is_the_one_of_docs_format() -> None:
    listed = set(_VARIANT_ROW.findall(require_corpus(DOCS_FORMAT).read_text(encoding="utf-8")))
    assert len(listed) > 80  # the reader must still understand DOCS_FORMAT.md's tables
    assert sorted(listed) == sorted(_listed())


@pytest.mark.corpus
def test_every_example_page_exists_and_reaches_its_line() -> None:
    pages = [(m.group(1), m.group(2)) for row in _rows() for m in _PAGE.finditer(row[3])]
    assert len(pages) > 60
    for page, line in pages:
        if page == "api/create-onlinemeetings.md":
            assert (ROOT / "docs_input" / page).is_file()
            continue
        path = require_corpus(PAGES) / page
        assert path.is_file(), page
        if line:
            assert int(line) <= len(path.read_text(encoding="utf-8").splitlines()), (page, line)
