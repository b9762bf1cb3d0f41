"""The spare: the tree a commit swaps out is parked in the cache and synced into the next
commit's staging tree instead of linking every file again (generator/emit/commit.py).

Whatever state the spare is in (fresh, stale, partial, corrupt, missing, unmovable), OUT after a
commit must be what a commit without a spare gives: the same names, bytes, folder modes and
links, every file not written keeping its inode. A commit interrupted while syncing must leave
OUT untouched and the next commit right.
"""

from __future__ import annotations

import errno
import os
import random
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.emit import commit as commit_module
from generator.emit.commit import staging_paths
from generator.incremental.spare import SpareTree
from tests.incremental.conftest import make_docs, snapshot

Entry = tuple[str, object, int]  # kind, bytes / mode / link target, inode (0 where none)


def commit(
    out: Path, writes: dict[str, bytes], removes: list[str], spare: Path | None = None
) -> bool:
    """emit/commit.py's commit, with the incremental layer's spare kept at `spare`."""
    return commit_module.commit(out, writes, removes, SpareTree(spare) if spare else None)


def describe(root: Path) -> dict[str, Entry]:
    """Every entry below root, links not followed: files with their bytes and inode, folders
    with their mode, links with their target."""
    found: dict[str, Entry] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                found[relative] = ("link", os.readlink(path), 0)
            elif stat.S_ISDIR(info.st_mode):
                found[relative] = ("dir", stat.S_IMODE(info.st_mode), 0)
            else:
                found[relative] = ("file", Path(path).read_bytes(), info.st_ino)
    return found


def without_inodes(tree: dict[str, Entry]) -> dict[str, tuple[str, object]]:
    return {path: (kind, value) for path, (kind, value, _) in tree.items()}


def check_commit(
    out: Path, writes: dict[str, bytes], removes: list[str], spare: Path | None
) -> dict[str, Entry]:
    """Commit with `spare`, and check OUT against a commit without one on a copy of OUT:
    equal trees, and every file not written is the very file OUT had before."""
    before = describe(out)
    reference = out.parent / "reference" / out.name
    shutil.rmtree(reference.parent, ignore_errors=True)
    shutil.copytree(out, reference, symlinks=True)
    os.chmod(reference, stat.S_IMODE(out.stat().st_mode))
    assert commit(reference, writes, removes)
    assert commit(out, writes, removes, spare)
    after = describe(out)
    assert without_inodes(after) == without_inodes(describe(reference))
    assert stat.S_IMODE(out.stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)
    old_inodes = {entry[2] for entry in before.values() if entry[0] == "file"}
    for path, (kind, _, inode) in after.items():
        if kind != "file":
            continue
        if path in writes:
            assert inode not in old_inodes, f"{path} was written through an old file"
        else:
            assert inode == before[path][2], f"{path} is not the file OUT had"
    assert not any(p.name.startswith(f".{out.name}.gen-graph") for p in out.parent.iterdir())
    shutil.rmtree(reference.parent)
    return after


def make_out(root: Path) -> Path:
    """An output folder with nested folders, a folder of another mode and links."""
    out = root / "sdk"
    for path in ("a.py", "b.py", "pkg/c.py", "pkg/d.py", "pkg/deep/e.py", "other/f.py"):
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(f"# {path}\n".encode())
    os.chmod(out / "other", 0o750)
    os.symlink("pkg", out / "to_pkg")  # a linked folder: copied as a link, never entered
    os.symlink("a.py", out / "to_a.py")
    return out


def link_counter(monkeypatch: pytest.MonkeyPatch, out: Path) -> list[str]:
    """The files `os.link` puts into OUT's staging tree (not the reference's), relative."""
    calls: list[str] = []
    real = os.link
    staging = os.fspath(staging_paths(out)[0])

    def counting(src: str, dst: str) -> None:
        if dst.startswith(staging + os.sep):
            calls.append(os.path.relpath(dst, staging))
        real(src, dst)

    monkeypatch.setattr(commit_module.os, "link", counting)
    return calls


def test_the_second_commit_reuses_the_spare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    links = link_counter(monkeypatch, out)
    check_commit(out, {"a.py": b"a1"}, [], spare)
    assert len(links) == 5  # no spare yet: every file of OUT but the one written is linked
    assert spare.is_dir()
    # the spare is OUT as it was: the old a.py, every other file shared with OUT
    assert (spare / "a.py").read_bytes() == b"# a.py\n"
    assert (spare / "pkg/c.py").stat().st_ino == (out / "pkg/c.py").stat().st_ino

    links.clear()
    after = check_commit(out, {"pkg/c.py": b"c1"}, ["b.py"], spare)
    # only a.py, written by the last commit, is not in the spare under its inode
    assert links == ["a.py"]
    assert "b.py" not in after and after["pkg/c.py"][1] == b"c1"
    assert (spare / "pkg/c.py").read_bytes() == b"# pkg/c.py\n"
    assert (spare / "b.py").read_bytes() == b"# b.py\n"
    assert (spare / "a.py").stat().st_ino == (out / "a.py").stat().st_ino


def test_a_stale_spare_is_synced_to_out(tmp_path: Path) -> None:
    """Everything that can happen to OUT between two commits, and to the spare."""
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    check_commit(out, {"a.py": b"a1"}, [], spare)
    # OUT changed by hand since
    (out / "b.tmp").write_bytes(b"replaced")
    os.replace(out / "b.tmp", out / "b.py")  # a new inode under an old name
    (out / "user-notes.txt").write_bytes(b"mine")  # a foreign file
    (out / "pkg/d.py").unlink()
    shutil.rmtree(out / "pkg/deep")
    (out / "new/sub").mkdir(parents=True)
    (out / "new/sub/g.py").write_bytes(b"g")
    os.chmod(out / "new", 0o700)
    os.chmod(out / "other", 0o755)
    (out / "to_a.py").unlink()
    os.symlink("b.py", out / "to_a.py")
    (out / "to_pkg").unlink()
    (out / "to_pkg").mkdir()  # a link became a folder
    (out / "to_pkg/h.py").write_bytes(b"h")
    (out / "other").rename(out / "other2")
    os.symlink("other2", out / "other")  # and a folder a link
    # the spare damaged too: a folder where a file was, junk, a missing file
    (spare / "a.py").unlink()
    (spare / "a.py").mkdir()
    (spare / "a.py/junk").write_bytes(b"junk")
    (spare / "pkg/c.py").unlink()
    (spare / "stray").write_bytes(b"stray")
    check_commit(out, {"pkg/c.py": b"c2", "new/x.py": b"x"}, ["a.py"], spare)
    # and again, from the spare that commit left
    check_commit(out, {"pkg/c.py": b"c3"}, ["new/x.py"], spare)


def test_a_spare_that_is_not_a_folder_is_never_written_through(tmp_path: Path) -> None:
    out = make_out(tmp_path / "work")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious").write_bytes(b"precious")
    spare = tmp_path / "cache" / "trees" / "sdk"
    spare.parent.mkdir(parents=True)
    os.symlink(elsewhere, spare)
    check_commit(out, {"a.py": b"a1"}, [], spare)
    assert snapshot(elsewhere) == {"precious": b"precious"}
    assert spare.is_dir() and not spare.is_symlink()  # the old tree took its place
    shutil.rmtree(spare)
    spare.write_bytes(b"a file")
    check_commit(out, {"a.py": b"a2"}, [], spare)
    assert spare.is_dir()


def test_a_spare_inside_out_is_not_used(tmp_path: Path) -> None:
    out = make_out(tmp_path / "work")
    spare = out / "cache" / "trees" / "sdk"
    after = check_commit(out, {"a.py": b"a1"}, [], spare)
    assert not any(path.startswith("cache") for path in after)


def test_a_spare_that_cannot_be_moved_falls_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another file system (EXDEV): the spare is deleted and every file linked, as without
    one; the old tree that cannot be parked is deleted, as before spares."""
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    check_commit(out, {"a.py": b"a1"}, [], spare)
    assert spare.is_dir()
    real = os.rename

    def cross_device(src: str | Path, dst: str | Path) -> None:
        if os.fspath(spare) in (os.fspath(src), os.fspath(dst)):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        real(src, dst)

    monkeypatch.setattr(commit_module.os, "rename", cross_device)
    links = link_counter(monkeypatch, out)
    check_commit(out, {"a.py": b"a2"}, [], spare)
    assert len(links) == 5  # linked afresh: the spare was not used
    assert not spare.exists()  # deleted when it could not be taken, not parked again
    assert not (tmp_path / "work" / ".sdk.gen-graph-new").exists()


def test_inodes_are_trusted_only_on_the_same_device(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An inode number says which file it is only on one file system: where OUT's folder is on
    another device than the spare's (a mount point), every file is linked or copied again."""
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    check_commit(out, {"a.py": b"a1"}, [], spare)
    real = os.stat
    inside = os.fspath(out.resolve())

    def other_device(path: str | Path, *args: object, **kwargs: bool) -> os.stat_result:
        found = real(path, **kwargs)
        name = os.fspath(path)
        if stat.S_ISDIR(found.st_mode) and (name == inside or name.startswith(inside + os.sep)):
            fields = list(found)
            fields[2] += 1  # st_dev
            extra = (
                "st_atime",
                "st_mtime",
                "st_ctime",
                "st_atime_ns",
                "st_mtime_ns",
                "st_ctime_ns",
            )
            return os.stat_result(fields, {key: getattr(found, key) for key in extra})
        return found

    monkeypatch.setattr(commit_module.os, "stat", other_device)
    links = link_counter(monkeypatch, out)
    check_commit(out, {"b.py": b"b1"}, [], spare)
    assert sorted(links) == ["a.py", "other/f.py", "pkg/c.py", "pkg/d.py", "pkg/deep/e.py"]


def test_a_spare_for_a_deleted_out_is_deleted(tmp_path: Path) -> None:
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    check_commit(out, {"a.py": b"a1"}, [], spare)
    shutil.rmtree(out)
    assert commit(out, {"a.py": b"a2"}, [], spare)
    assert snapshot(out) == {"a.py": b"a2"}
    # it held the only copies of the old files: gone; the new OUT's spare shares its files
    assert snapshot(spare) == {"a.py": b"a2"}
    assert (spare / "a.py").stat().st_ino == (out / "a.py").stat().st_ino


def test_the_commit_that_makes_out_makes_its_spare(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """So that the first edit after a first generation syncs instead of linking every file."""
    out = tmp_path / "work" / "sdk"
    spare = tmp_path / "cache" / "trees" / "sdk"
    writes = {"a.py": b"a0", "pkg/b.py": b"b0", "pkg/c.py": b"c0"}
    assert commit(out, writes, [], spare)  # its parent folder made too: atomic from the start
    assert snapshot(spare) == snapshot(out) == writes
    assert (spare / "pkg/b.py").stat().st_ino == (out / "pkg/b.py").stat().st_ino
    links = link_counter(monkeypatch, out)
    check_commit(out, {"a.py": b"a1"}, [], spare)
    assert links == []  # every unchanged file was in the spare already
    assert (spare / "a.py").read_bytes() == b"a0"


class Interrupted(BaseException):
    """As a Ctrl-C would."""


def failing_after(count: int, real: Callable[..., object]) -> Callable[..., object]:
    calls = [0]

    def fail(*args: object, **kwargs: object) -> object:
        calls[0] += 1
        if calls[0] == count:
            raise Interrupted
        return real(*args, **kwargs)

    return fail


@pytest.mark.parametrize("call", ["link", "unlink", "mkdir"])
def test_an_interrupted_sync_leaves_out_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    check_commit(out, {"a.py": b"a1"}, [], spare)
    for n in range(20):  # OUT rewritten by hand: the sync must replace all of these
        (out / f"many{n}.tmp").write_bytes(b"x")
        (spare / f"many{n}.py").write_bytes(b"stale")
        os.replace(out / f"many{n}.tmp", out / f"many{n}.py")
        (spare / "gone" / str(n)).mkdir(parents=True)
    for n in range(5):
        (out / f"fresh{n}/folder").mkdir(parents=True)
    before = describe(out)
    monkeypatch.setattr(commit_module.os, call, failing_after(3, getattr(os, call)))
    with pytest.raises(Interrupted):
        commit(out, {"a.py": b"a2"}, [], spare)
    monkeypatch.undo()
    assert describe(out) == before
    assert not staging_paths(out)[0].exists()
    check_commit(out, {"a.py": b"a3"}, [], spare)


def test_a_spare_that_cannot_be_synced_is_replaced_by_links(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An error while syncing (an entry of the spare that will not go) costs time, not the run:
    the spare is dropped and every file linked afresh."""
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    check_commit(out, {"a.py": b"a1"}, [], spare)
    (spare / "stray").write_bytes(b"stray")
    real = os.unlink
    staging = os.fspath(staging_paths(out)[0])

    def refuse(path: str | Path, *args: object, **kwargs: object) -> None:
        if os.fspath(path) == os.path.join(staging, "stray"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(commit_module.os, "unlink", refuse)
    links = link_counter(monkeypatch, out)
    check_commit(out, {"a.py": b"a2"}, [], spare)
    assert len(links) == 5
    assert spare.is_dir()


def test_a_commit_killed_while_parking_the_spare_is_recovered(tmp_path: Path) -> None:
    """Killed after the swap, before the old tree reached the cache: OUT is complete, the old
    tree beside it is deleted by the next commit, which links every file again."""
    out = make_out(tmp_path / "work")
    spare = tmp_path / "cache" / "trees" / "sdk"
    check_commit(out, {"a.py": b"a1"}, [], spare)
    os.rename(spare, staging_paths(out)[0])
    check_commit(out, {"a.py": b"a2"}, [], spare)
    assert spare.is_dir()


OPERATIONS = ["replace", "edit", "add", "remove", "mkdir", "rmdir", "chmod", "relink"]
MUTATIONS = OPERATIONS + [f"spare-{operation}" for operation in OPERATIONS]


@settings(max_examples=40, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 1000)), max_size=12),
    st.lists(st.integers(0, 1000), min_size=1, max_size=3),
)
def test_any_stale_spare_gives_the_tree_linking_gives(
    mutations: list[tuple[str, int]], written: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        out = make_out(root / "work")
        spare = root / "cache" / "trees" / "sdk"
        check_commit(out, {"a.py": b"a1"}, ["other/f.py"], spare)
        for kind, seed in mutations:
            mutate(out, spare, kind, random.Random(seed))
        files = sorted(p for p, e in describe(out).items() if e[0] == "file" and "to_" not in p)
        writes = {files[n % len(files)]: b"w%d" % n for n in written} if files else {}
        writes["a.py"] = b"a2"  # a path that can be a folder now: written over with a file
        if (out / "a.py").is_dir():
            shutil.rmtree(out / "a.py")
        check_commit(out, writes, [], spare)


def mutate(out: Path, spare: Path, kind: str, rng: random.Random) -> None:
    tree = spare if kind.startswith("spare-") else out
    kind = kind.removeprefix("spare-")
    entries = sorted(describe(tree).items())
    folders = [tree] + [tree / p for p, e in entries if e[0] == "dir"]
    files = [tree / p for p, e in entries if e[0] == "file"]
    where = rng.choice(folders)
    name = f"m{rng.randrange(5)}"
    if kind == "add":
        if not (where / name).exists():
            (where / name).write_bytes(b"new")
    elif kind == "mkdir":
        if not (where / name).exists() or (where / name).is_dir():
            (where / name / "inner").mkdir(parents=True, exist_ok=True)
    elif kind == "remove" and files:
        rng.choice(files).unlink()
    elif kind == "rmdir" and len(folders) > 1:
        shutil.rmtree(rng.choice(folders[1:]))
    elif kind == "chmod":
        os.chmod(where, rng.choice([0o700, 0o750, 0o755]))
    elif kind == "replace" and files:
        victim = rng.choice(files)
        victim.with_name("tmp").write_bytes(b"replaced")
        os.replace(victim.with_name("tmp"), victim)
    elif kind == "edit" and files:  # in place: the spare shares the inode, and so the edit
        rng.choice(files).write_bytes(b"edited")
    elif kind == "relink":
        link = tree / "to_a.py"
        link.unlink(missing_ok=True)
        os.symlink(rng.choice(["a.py", "b.py", "missing"]), link)


def test_runs_through_the_cli_park_the_spare_in_the_cache(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", 2, "A widget")
    out, cache = tmp_path / "work" / "sdk", tmp_path / "cache"
    args = [str(docs), "-o", str(out), "-q", "--cache-dir", str(cache)]
    assert main(args) == 0
    first = snapshot(out)
    (seeded,) = (cache / "trees").iterdir()  # a first run swaps nothing out, but links a spare
    assert snapshot(seeded) == first
    make_docs(docs, 2, "A gadget")
    assert main(args) == 0
    (spare,) = (cache / "trees").iterdir()
    from generator.incremental import Cache

    assert spare == Cache(cache).spare_tree(out)
    assert snapshot(spare) == first
    second = snapshot(out)
    assert second != first
    make_docs(docs, 2, "A widget")
    assert main(args) == 0
    assert snapshot(out) == first and snapshot(spare) == second
    shutil.rmtree(cache)  # the user may delete the cache at any time
    make_docs(docs, 2, "A gadget")
    assert main(args) == 0
    assert snapshot(out) == second and snapshot(spare) == first
    assert sorted(p.name for p in out.parent.iterdir()) == ["sdk"]
