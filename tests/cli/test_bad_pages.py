"""One bad page never blocks the rest (issue 16): a page that is not UTF-8, a FIFO and a page
over the size limit among 14 are warnings (GG001); every other page is generated, and only
`--strict` fails the run."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.load import pages as pages_module
from tests.cli.conftest import run
from tests.conftest import DOCS_INPUT

WIDGETS = 7  # resources/widget1.md ... widget7.md, beside the 4 pages of docs_input

# Latin-1 text and stray bytes: not UTF-8, but a page all the same
BINARY = (
    b"# gadget resource type\n\nA caf\xe9 gadget.\n\n## Properties\n\n"
    b"| Property | Type | Description |\n|:--|:--|:--|\n"
    b"| label | String | Na\xefve \xff\xfe label. |\n| size | Int32 | The size. |\n"
)


def _widget(number: int) -> str:
    return (
        f"# widget{number} resource type\n\n## Properties\n\n"
        "| Property | Type | Description |\n|:--|:--|:--|\n"
        f"| name{number} | String | A name. |\n"
    )


@pytest.fixture()
def fourteen(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS_INPUT, docs)
    for number in range(1, WIDGETS + 1):
        (docs / "resources" / f"widget{number}.md").write_text(_widget(number), encoding="utf-8")
    (docs / "resources" / "binary.md").write_bytes(BINARY)
    os.mkfifo(docs / "resources" / "pipe.md")  # reading it would block forever
    with open(docs / "api" / "huge.md", "wb") as huge:  # sparse: costs no disk
        huge.truncate(pages_module.MAX_PAGE_BYTES + 1)
    assert len(list(docs.rglob("*.md"))) == 14
    return docs


WARNINGS = [
    "resources/binary.md:1: warning GG001: page is not valid UTF-8; bad bytes replaced",
    "resources/pipe.md:1: warning GG001: not a regular file; skipped",
    f"api/huge.md:1: warning GG001: page is larger than {pages_module.MAX_PAGE_BYTES:,} bytes; skipped",
]


def test_every_other_page_is_generated(
    fourteen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    status, _, err = run(capsys, str(fourteen), "-o", str(out))
    assert status == 0, err
    for warning in WARNINGS:
        assert f"{fourteen.as_posix()}/{warning}" in err.splitlines()
    assert "gen-graph: 12 pages, " in err and "diagnostics: 0 errors" in err
    models = out / "models"
    for number in range(1, WIDGETS + 1):
        assert f"name{number}" in (models / f"widget{number}.py").read_text(encoding="utf-8")
    for name in ("entity", "user", "online_meeting"):  # the pages of docs_input
        assert (models / f"{name}.py").is_file()
    gadget = (models / "gadget.py").read_text(encoding="utf-8")
    assert "Na\ufffdve \ufffd\ufffd label." in gadget  # the page as well as it could be read
    assert not (out / "models" / "pipe.py").exists() and not (out / "models" / "huge.py").exists()

    status, _, err = run(capsys, str(fourteen), "-o", str(out))  # nothing new: the same answer
    assert status == 0
    assert all(f"{fourteen.as_posix()}/{w}" in err.splitlines() for w in WARNINGS)


def test_strict_fails_on_the_warnings(
    fourteen: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    status, _, err = run(capsys, str(fourteen), "-o", str(out), "--strict")
    assert status == 1
    assert all(f"{fourteen.as_posix()}/{w}" in err.splitlines() for w in WARNINGS)
    assert run(capsys, str(fourteen), "-o", str(out))[0] == 0
    assert run(capsys, str(fourteen), "-o", str(out), "--strict")[0] == 1  # from the cache too
