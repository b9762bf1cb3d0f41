"""DOCS is read only and OUT is the only folder written, whatever links either holds."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.load import load_pages
from generator.load import pages as pages_module
from tests.conftest import DOCS_INPUT


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): (
            "link:" + os.readlink(p)
            if p.is_symlink()
            else hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "dir"
        )
        for p in sorted(root.rglob("*"))
    }


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    target = tmp_path / "docs"
    shutil.copytree(DOCS_INPUT, target)
    return target


def _usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    return capsys.readouterr().err


def test_output_reached_through_a_link_into_docs(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _tree(docs)
    (tmp_path / "same").symlink_to(docs)
    (tmp_path / "into").symlink_to(docs / "api")
    (tmp_path / "parent").symlink_to(docs)
    for out in (tmp_path / "same", tmp_path / "into", tmp_path / "parent" / "new" / "sdk"):
        err = _usage_error(capsys, str(docs), "-o", str(out))
        assert "cannot be inside the docs folder" in err
    assert _tree(docs) == before


def test_docs_reached_through_a_link_inside_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    shutil.copytree(DOCS_INPUT, out / "docs")
    (tmp_path / "docs-link").symlink_to(out / "docs")
    err = _usage_error(capsys, str(tmp_path / "docs-link"), "-o", str(out))
    assert "cannot contain the docs folder" in err
    assert not (out / "__init__.py").exists()


def test_model_dump_through_a_link_into_docs(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "dumps").symlink_to(docs)
    err = _usage_error(
        capsys,
        str(docs),
        "-o",
        str(tmp_path / "sdk"),
        "--dump-model",
        str(tmp_path / "dumps/m.json"),
    )
    assert "cannot be written inside the docs folder" in err
    assert not (docs / "m.json").exists()


def test_a_linked_folder_inside_the_output_is_never_written_through(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    out.mkdir()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (out / "models").symlink_to(elsewhere)
    assert main([str(docs), "-o", str(out), "-q"]) == 1  # blocked: GG050
    assert "error GG050" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []
    assert main([str(docs), "-o", str(out), "-q", "--force"]) != 0  # not even with --force
    assert list(elsewhere.iterdir()) == []


def test_a_manifest_never_leads_outside_the_output(docs: Path, tmp_path: Path) -> None:
    out = tmp_path / "sdk"
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me\n")
    digest = hashlib.sha256(victim.read_bytes()).hexdigest()
    linked = out / "linked"
    linked.symlink_to(tmp_path)
    manifest = json.loads((out / ".gen-graph-manifest.json").read_text())
    manifest["files"]["../victim.txt"] = digest
    manifest["files"]["linked/victim.txt"] = digest
    (out / ".gen-graph-manifest.json").write_text(json.dumps(manifest))
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    assert victim.read_text() == "keep me\n"


def test_links_out_of_docs_are_not_followed(docs: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "leak.md").write_text(
        "# leaked resource type\n\n## Properties\n\n| Property | Type |\n|--|--|\n| x | String |\n"
    )
    (docs / "resources" / "leak.md").symlink_to(secret / "leak.md")  # a file link out
    (docs / "outdir").symlink_to(secret)  # a folder link out
    (docs / "indir").symlink_to(docs / "resources")  # a folder link in: not entered either
    (docs / "api" / "again.md").symlink_to(docs / "api" / "user-get.md")  # a file link in: read
    diagnostics = Diagnostics()
    pages = load_pages(docs, diagnostics)
    paths = sorted(page.path for page in pages)
    assert paths == [
        "api/again.md",
        "api/create-onlinemeetings.md",
        "api/user-get.md",
        "resources/entity.md",
        "resources/user.md",
    ]
    assert [str(d) for d in diagnostics.items] == [
        "resources/leak.md:1: warning GG001: link leads outside the docs folder; not followed"
    ]


def test_special_and_huge_files_are_skipped_with_a_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    (docs / "api").mkdir(parents=True)
    (docs / "api" / "small.md").write_bytes(b"# small\n" + b"x" * 992)
    os.mkfifo(docs / "api" / "pipe.md")  # reading it would block forever
    (docs / "api" / "huge.md").write_bytes(b"# huge\n" + b"x" * 994)
    monkeypatch.setattr(pages_module, "MAX_PAGE_BYTES", 1000)
    diagnostics = Diagnostics()
    pages = load_pages(docs, diagnostics)
    assert [p.path for p in pages] == ["api/small.md"]
    assert sorted(str(d) for d in diagnostics.items) == [
        "api/huge.md:1: warning GG001: page is larger than 1,000 bytes; skipped",
        "api/pipe.md:1: warning GG001: not a regular file; skipped",
    ]


def test_the_cli_skips_a_fifo_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The CLI reads pages through the cache's input reader, not load_pages: it once opened a
    FIFO named *.md and blocked forever. Opening one for reading blocks, so the check must come
    first; a regression hangs this test rather than failing it."""
    docs = tmp_path / "docs"
    (docs / "api").mkdir(parents=True)
    shutil.copy(DOCS_INPUT / "resources" / "entity.md", docs / "entity.md")
    os.mkfifo(docs / "api" / "pipe.md")
    assert main([str(docs), "-o", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "c")]) == 0
    err = capsys.readouterr().err
    assert "api/pipe.md:1: warning GG001: not a regular file; skipped" in err
    # a skipped page is a warning: the other page is generated (tests/cli/test_bad_pages.py)
    assert (tmp_path / "out" / "models" / "entity.py").is_file()
