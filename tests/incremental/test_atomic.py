"""An interrupted run leaves OUT as it was or complete, never a mix; the next run is correct.

Real runs of `python -m generator` are killed (SIGKILL, and SIGINT as Ctrl-C does) at delays
spread over a whole run, many of them in its commit phase: the cache is warm for both the old
and the new docs, so a run spends most of its time writing ~200 changed files.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.incremental.conftest import generator_command, make_docs, snapshot

WIDGETS = 80


def gen(docs: Path, out: Path, cache: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        generator_command(
            str(docs),
            "-o",
            str(out),
            "-q",
            "--cache-dir",
            str(cache),
            "-j",
            "1",
        ),
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def finish(process: subprocess.Popen[bytes]) -> int:
    _, err = process.communicate(timeout=600)
    assert b"Traceback" not in err, err.decode()
    return process.returncode


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_runs_leave_the_old_or_the_new_output(tmp_path: Path, sig: int) -> None:
    old_docs = make_docs(tmp_path / "old", WIDGETS, "A widget")
    new_docs = make_docs(tmp_path / "new", WIDGETS, "A gadget")
    cache, out = tmp_path / "cache", tmp_path / "work" / "sdk"
    # the expected trees, and a cache warm for both
    assert finish(gen(new_docs, tmp_path / "expected" / "sdk", cache)) == 0
    assert finish(gen(old_docs, out, cache)) == 0
    before = snapshot(out)
    saved = tmp_path / "saved"
    shutil.copytree(out, saved)
    after = snapshot(tmp_path / "expected" / "sdk")
    assert len(set(before.items()) ^ set(after.items())) > WIDGETS

    start = time.perf_counter()
    assert finish(gen(new_docs, out, cache)) == 0
    duration = time.perf_counter() - start
    assert snapshot(out) == after

    outcomes = set()
    trials = 5
    for trial in range(trials):
        shutil.rmtree(out)
        shutil.copytree(saved, out)  # OUT as the old docs generate it
        assert snapshot(out) == before
        process = gen(new_docs, out, cache)
        time.sleep(duration * (0.3 + 0.8 * trial / trials))
        process.send_signal(sig)
        status = finish(process)
        state = snapshot(out) if out.exists() else None
        # never a mix: exactly the old tree or exactly the new one
        assert state in (before, after), f"trial {trial}: status {status}, mixed output"
        outcomes.add("before" if state == before else "after")
        assert finish(gen(new_docs, out, cache)) == 0  # the next run is correct
        assert snapshot(out) == after
        assert not any(p.name.startswith(".sdk.gen-graph") for p in out.parent.iterdir())
    assert outcomes  # at least one outcome observed (both usually are)


def test_the_swap_is_one_exchange_not_two_renames(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Linux the new tree and OUT trade places in one renameat2(RENAME_EXCHANGE) call:
    there is no moment without OUT."""
    from generator.emit import commit as commit_module

    out = tmp_path / "sdk"
    out.mkdir()
    (out / "kept.py").write_bytes(b"kept")
    (out / "old.py").write_bytes(b"old")

    def no_rename(*args: object) -> None:
        raise AssertionError("OUT was moved aside")

    monkeypatch.setattr(commit_module.os, "rename", no_rename)
    assert commit_module.commit(out, {"new.py": b"new"}, ["old.py"])
    assert snapshot(out) == {"kept.py": b"kept", "new.py": b"new"}


def test_a_run_with_nothing_to_write_still_removes_what_a_killed_run_left(tmp_path: Path) -> None:
    """A run killed after its swap but before deleting the old tree leaves OUT complete and the
    old tree beside it; the next run has nothing to write and must still delete it."""
    from generator.cli import main
    from generator.emit.commit import staging_paths

    docs = make_docs(tmp_path / "docs", 2, "A widget")
    out = tmp_path / "work" / "sdk"
    assert main([str(docs), "-o", str(out), "-q", "--no-cache"]) == 0
    expected = snapshot(out)
    leftover = staging_paths(out)[0]
    shutil.copytree(out, leftover)  # the old tree, where the swap put it
    assert main([str(docs), "-o", str(out), "-q", "--no-cache"]) == 0
    assert not leftover.exists()
    assert snapshot(out) == expected
