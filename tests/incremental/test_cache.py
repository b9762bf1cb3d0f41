"""The per-page cache: unchanged pages are not parsed again, output never depends on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.incremental import Cache, Layer
from generator.pipeline import generate
from tests.incremental.conftest import make_docs, snapshot


def files_of(run: object) -> dict[str, str]:
    return {f.path: f.text for f in run.files}  # type: ignore[attr-defined]


def test_unchanged_pages_come_from_the_cache(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    first_cache = Layer(tmp_path / "cache")
    first = generate(docs, "sdk", incremental=first_cache)
    first_cache.save()
    assert first.parsed == 7

    again = generate(docs, "sdk", incremental=Layer(tmp_path / "cache"))
    assert again.parsed == 0
    assert files_of(again) == files_of(first)
    assert again.diagnostics.sorted() == first.diagnostics.sorted()

    page = docs / "resources" / "widget1.md"
    page.write_text(page.read_text().replace("The name of widget 1", "What widget 1 is called"))
    edited = generate(docs, "sdk", incremental=Layer(tmp_path / "cache"))
    assert edited.parsed == 1
    assert files_of(edited) == files_of(generate(docs, "sdk"))  # same as without any cache
    assert "What widget 1 is called" in files_of(edited)["models/widget1.py"]


def test_another_generator_never_reads_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = make_docs(tmp_path / "docs")
    cache = Layer(tmp_path / "cache")
    generate(docs, "sdk", incremental=cache)
    cache.save()
    monkeypatch.setattr(
        "generator.incremental.store.generator_fingerprint", lambda: "another gen-graph"
    )
    assert generate(docs, "sdk", incremental=Layer(tmp_path / "cache")).parsed == 4


def test_a_corrupt_cache_is_an_empty_one(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "pages.pickle").write_bytes(b"\x80\x05 not a pickle")
    (tmp_path / "cache" / "formatted.pickle").write_bytes(b"")
    run = generate(docs, "sdk", incremental=Layer(tmp_path / "cache"))
    assert run.parsed == 4
    assert files_of(run) == files_of(generate(docs, "sdk"))


def test_the_cache_sits_beside_the_output_and_is_git_ignored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = make_docs(tmp_path / "docs")
    before = snapshot(docs)
    assert main([str(docs), "-o", str(tmp_path / "sdk"), "-q"]) == 0
    cache = tmp_path / ".gen-graph-cache"
    assert (cache / "pages.pickle").is_file()
    assert (cache / ".gitignore").read_text().splitlines()[-1] == "*"
    assert snapshot(docs) == before  # nothing written inside DOCS
    assert main([str(docs), "-o", str(tmp_path / "sdk"), "--cache-dir", str(docs / "c")]) == 2
    assert "cache cannot be inside the docs folder" in capsys.readouterr().err


def test_a_run_with_nothing_new_writes_nothing_but_still_reports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = make_docs(tmp_path / "docs")
    out = tmp_path / "sdk"
    assert main([str(docs), "-o", str(out)]) == 0
    first = capsys.readouterr().err
    before = {p: out.joinpath(p).stat().st_mtime_ns for p in snapshot(out)}
    assert main([str(docs), "-o", str(out)]) == 0
    second = capsys.readouterr().err
    assert {p: out.joinpath(p).stat().st_mtime_ns for p in snapshot(out)} == before
    assert re.search(rf"; 0 files written, {len(snapshot(out)) - 1} unchanged; ", second)
    # the same diagnostics, from the record of the last run
    assert first.splitlines()[:-1] == second.splitlines()[:-1]


def test_a_deleted_generated_file_is_restored_despite_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = make_docs(tmp_path / "docs")
    out = tmp_path / "sdk"
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    expected = snapshot(out)
    (out / "models" / "user.py").unlink()
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    assert snapshot(out) == expected


def test_one_edited_page_adds_a_small_file_and_the_full_one_is_left_alone(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=9)
    cache_dir = tmp_path / "cache"
    first = Layer(cache_dir)
    generate(docs, "sdk", incremental=first)
    first.save()
    full = (cache_dir / "pages.pickle").read_bytes()
    assert not (cache_dir / "pages.new.pickle").exists()

    # edits that change the model's types: a prose-only edit would be patched (test_patch_run.py)
    page = docs / "resources" / "widget1.md"
    page.write_text(page.read_text().replace("| Int32 |", "| Int64 |"))
    second = Layer(cache_dir)
    edited = generate(docs, "sdk", incremental=second)
    second.save()
    assert edited.parsed == 1
    assert (cache_dir / "pages.pickle").read_bytes() == full  # not re-pickled
    assert (cache_dir / "pages.new.pickle").stat().st_size < len(full) / 4

    again = generate(docs, "sdk", incremental=Layer(cache_dir))  # reads both files
    assert again.parsed == 0
    assert files_of(again) == files_of(generate(docs, "sdk"))

    for n in range(2, 8):  # most pages edited: the full file is written again, without stale ones
        page = docs / "resources" / f"widget{n}.md"
        page.write_text(page.read_text().replace("| Int32 |", "| Int64 |"))
    third = Layer(cache_dir)
    generate(docs, "sdk", incremental=third)
    third.save()
    assert not (cache_dir / "pages.new.pickle").exists()
    assert len(Cache(cache_dir)._pages.data()) == len(list(docs.rglob("*.md")))
    assert generate(docs, "sdk", incremental=Layer(cache_dir)).parsed == 0
