"""The stat fast path: a file whose stat is unchanged since it was hashed is not read again,
unless it was racily clean; an edit is always seen, a mere touch never rebuilds anything."""

from __future__ import annotations

import json
import os
import pickle
import re
import time
from pathlib import Path

import pytest

import generator.cli
import generator.incremental.inputs
from generator.cli import main
from generator.incremental.stats import StatIndex, settled, stat_of
from tests.incremental.conftest import make_docs, snapshot

LATER = 10 * 10**9  # a scan that starts this long after the files were written


def later(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scans start 10 s from now: files written before are no longer racily clean."""
    monkeypatch.setattr("generator.incremental.stats.now_ns", lambda: time.time_ns() + LATER)


def test_a_file_is_trusted_only_when_its_stat_is_unchanged_and_settled(tmp_path: Path) -> None:
    file = tmp_path / "page.md"
    file.write_bytes(b"one")
    stat = stat_of(str(file))
    assert stat is not None
    written = max(stat[1], stat[2])
    # seen by a scan that started before the file's last change: racily clean
    racy = StatIndex(written, {"page.md": (stat, "d1")})
    assert not settled(stat, written)
    assert racy.trusted("page.md", stat) is None
    # seen by a scan that started well after it: trusted while the stat stays
    index = StatIndex(written + LATER, {"page.md": (stat, "d1")})
    assert index.trusted("page.md", stat) == "d1"
    assert index.trusted("other.md", stat) is None
    assert index.trusted("page.md", None) is None
    file.write_bytes(b"two")  # same size; mtime put back: the ctime still moves
    os.utime(file, ns=(stat[1], stat[1]))
    assert index.trusted("page.md", stat_of(str(file))) is None
    assert stat_of(str(tmp_path)) is None  # not a regular file


def test_whole_second_file_times_need_a_longer_wait() -> None:
    stat = (3, 5 * 10**9, 5 * 10**9, 1, 1)  # a file system that keeps whole seconds
    assert not settled(stat, 5 * 10**9 + 10**9)
    assert settled(stat, 5 * 10**9 + LATER)
    fine = (3, 5 * 10**9 + 123, 5 * 10**9 + 123, 1, 1)
    assert settled(fine, 5 * 10**9 + 10**9)


def test_the_index_round_trips_and_rejects_garbage() -> None:
    index = StatIndex(7, {"a.md": ((1, 2, 3, 4, 5), "d")})
    assert StatIndex.loads(index.dumps()) == index
    assert StatIndex.loads(b"") is None
    assert StatIndex.loads(pickle.dumps(("x", {}))) is None
    assert StatIndex.loads(pickle.dumps([1, 2, 3])) is None
    broken = StatIndex.loads(pickle.dumps((1, {"a": (1, 2), "b": ((1,) * 5, "d"), "c": [1]})))
    assert broken == StatIndex(1, {"b": ((1, 1, 1, 1, 1), "d")})


def count_page_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    reads: list[str] = []
    real = generator.incremental.inputs.read_page_file

    def counting(root: Path, rel: str, diagnostics: object) -> bytes | None:
        reads.append(rel)
        return real(root, rel, diagnostics)  # type: ignore[arg-type]

    monkeypatch.setattr(generator.incremental.inputs, "read_page_file", counting)
    return reads


def count_output_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The output files read to hash them (incremental/stats.py `current_digest`: by the no-op
    check and by plan_writes)."""
    import generator.incremental.stats

    reads: list[str] = []

    def counting(file: str, mode: str = "r") -> object:
        reads.append(file)
        return open(file, mode)

    monkeypatch.setattr(generator.incremental.stats, "open", counting, raising=False)
    return reads


def settled_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """DOCS and OUT after a generation and a second run, with every file settled (scans start
    10 s from now)."""
    docs = make_docs(tmp_path / "docs", widgets=3)
    out = tmp_path / "sdk"
    later(monkeypatch)
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    return docs, out


def test_a_settled_run_reads_no_page_and_no_output_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs, out = settled_run(tmp_path, monkeypatch)
    pages, outputs = count_page_reads(monkeypatch), count_output_reads(monkeypatch)
    assert main([str(docs), "-o", str(out)]) == 0
    assert (pages, outputs) == ([], [])
    assert re.search(r"; 0 files written, \d+ unchanged; ", capsys.readouterr().err)


def test_an_edit_that_keeps_size_and_mtime_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    out = tmp_path / "sdk"
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    page = docs / "resources" / "widget1.md"
    before = page.stat()
    text = page.read_text()
    page.write_text(text.replace("widget 1.", "widget 9."))  # same size
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old mtime
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    assert "widget 9." in (out / "models" / "widget1.py").read_text()

    later(monkeypatch)  # also when the last scan is long past (the ctime tells)
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    before = page.stat()
    page.write_text(text)
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    assert "widget 1." in (out / "models" / "widget1.py").read_text()


def test_a_racily_clean_page_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    out = tmp_path / "sdk"
    # the widget pages were written just before; the others were copied with their old mtimes
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    reads = count_page_reads(monkeypatch)
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    written = [f"resources/widget{n}.md" for n in range(3)]
    assert sorted(reads) == written  # racily clean: read again; the copied ones are trusted
    assert len(list(docs.rglob("*.md"))) > len(written)


def test_a_touched_page_is_read_but_nothing_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    out = tmp_path / "sdk"
    later(monkeypatch)
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    expected = {p: (out / p).stat().st_mtime_ns for p in snapshot(out)}
    (docs / "resources" / "widget2.md").touch()
    reads = count_page_reads(monkeypatch)

    def no_generation(*args: object, **kwargs: object) -> None:
        raise AssertionError("a touched page must not start a generation")

    monkeypatch.setattr("generator.pipeline.generate", no_generation)
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    assert reads == ["resources/widget2.md"]
    assert {p: (out / p).stat().st_mtime_ns for p in snapshot(out)} == expected


def test_a_hand_edit_that_keeps_size_and_mtime_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs, out = settled_run(tmp_path, monkeypatch)
    target = out / "models" / "widget1.py"
    before = target.stat()
    target.write_text(target.read_text().replace("widget 1.", "widget 9."))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    capsys.readouterr()
    assert main([str(docs), "-o", str(out), "-q"]) == 1
    assert "models/widget1.py:1: error GG051: generated file edited by hand" in (
        capsys.readouterr().err
    )
    # and when a page edit makes the run write (plan_writes looks at it, not the no-op check)
    page = docs / "resources" / "widget2.md"
    page.write_text(page.read_text().replace("widget 2.", "widget two."))
    assert main([str(docs), "-o", str(out), "-q"]) == 1
    assert "GG051" in capsys.readouterr().err
    assert "widget 9." in target.read_text()


def test_pages_trusted_by_their_stat_are_read_when_their_parse_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    out, cache = tmp_path / "sdk", tmp_path / "cache"
    later(monkeypatch)
    args = [str(docs), "-o", str(out), "-q", "--cache-dir", str(cache)]
    assert main(args) == 0
    expected = snapshot(out)
    for parsed in cache.glob("pages*.pickle"):
        parsed.unlink()
    (out / "models" / "widget1.py").unlink()  # something to do
    reads = count_page_reads(monkeypatch)
    assert main(args) == 0
    assert reads == []  # the last build's record still holds the model: no page is needed
    assert snapshot(out) == expected

    (cache / "build.pickle").unlink()  # now every parse is needed, and no page's bytes are kept
    (out / "models" / "widget1.py").unlink()
    assert main(args) == 0
    assert sorted(reads) == sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    assert snapshot(out) == expected


def test_the_manifest_holds_the_digest_of_what_is_written(tmp_path: Path) -> None:
    """The manifest holds the digest each file carries (taken from its text when it was made),
    also for a file written with another text than the one planned, or an empty one."""
    import hashlib

    from generator.emit.write import MANIFEST, plan_writes, write_files
    from generator.render import RenderedFile

    out = tmp_path / "sdk"
    planned = [RenderedFile("a.py", "a = 1\n"), RenderedFile("py.typed", "")]
    result = plan_writes(out, planned)
    written = [RenderedFile("a.py", "a = 2\n"), RenderedFile("py.typed", "")]
    assert write_files(out, written, result, force=False)
    manifest = json.loads((out / MANIFEST).read_text())["files"]
    assert manifest == {
        "a.py": hashlib.sha256(b"a = 2\n").hexdigest(),
        "py.typed": hashlib.sha256(b"").hexdigest(),
    }


def test_a_run_after_a_commit_hashes_only_what_the_commit_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A commit that syncs the spare leaves the stats of the files it keeps as plan_writes saw
    them: the index it records still proves them, so the next edit's run reads only the file
    the commit wrote (racily clean: written after the index's time)."""
    docs = make_docs(tmp_path / "docs", widgets=3)
    out = tmp_path / "sdk"
    later(monkeypatch)
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    page = docs / "resources" / "widget2.md"
    page.write_text(page.read_text().replace("widget 2.", "widget two."))
    assert main([str(docs), "-o", str(out), "-q"]) == 0  # writes, so commits
    page.write_text(page.read_text().replace("widget two.", "widget deux."))
    reads = count_output_reads(monkeypatch)
    assert main([str(docs), "-o", str(out), "-q"]) == 0
    assert [Path(r).relative_to(out).as_posix() for r in reads] == ["models/widget2.py"]
    assert "widget deux." in (out / "models" / "widget2.py").read_text()


def test_a_hand_edit_after_a_commit_that_keeps_size_and_mtime_is_seen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    out = tmp_path / "sdk"
    later(monkeypatch)
    assert main([str(docs), "-o", str(out), "-q"]) == 0  # a commit, then its index
    target = out / "models" / "widget1.py"
    before = target.stat()
    target.write_text(target.read_text().replace("widget 1.", "widget 9."))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    page = docs / "resources" / "widget2.md"
    page.write_text(page.read_text().replace("widget 2.", "widget two."))
    capsys.readouterr()
    assert main([str(docs), "-o", str(out), "-q"]) == 1
    assert "models/widget1.py:1: error GG051: generated file edited by hand" in (
        capsys.readouterr().err
    )
    assert "widget 9." in target.read_text()
