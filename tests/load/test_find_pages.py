"""find_page_paths walks with os.scandir; it finds what the os.walk walk it replaced found."""

from __future__ import annotations

import os
from pathlib import Path

from generator.load.pages import find_page_paths


def _walked(root: Path) -> tuple[list[str], list[Path]]:
    """The reference: generator/load/pages.py `find_page_paths` until it used os.scandir."""
    found: list[str] = []
    outside: list[Path] = []
    top = os.fspath(root)
    real_root = os.path.realpath(top)
    for dirpath, dirnames, filenames in os.walk(top, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        prefix = os.path.relpath(dirpath, top).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in filenames:
            if not name.lower().endswith(".md"):
                continue
            candidate = os.path.join(dirpath, name)
            if os.path.islink(candidate):
                target = os.path.realpath(candidate)
                if os.path.commonpath([real_root, target]) != real_root:
                    outside.append(Path(candidate))
                    continue
            found.append(prefix + name)
    return sorted(found), sorted(outside)


def test_the_same_pages_as_os_walk_on_a_tree_of_every_kind_of_entry(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    secret = tmp_path / "secret"
    (secret / "deep").mkdir(parents=True)
    (secret / "out.md").write_text("# out\n")
    (secret / "deep" / "deeper.md").write_text("# deeper\n")
    for folder in ("api", "resources/nested/more", ".hidden", "api/.git", "x.md", "empty"):
        (docs / folder).mkdir(parents=True, exist_ok=True)
    for page in (
        "top.md",
        "UPPER.MD",
        ".dot.md",
        "notes.txt",
        "api/a.md",
        "api/b.Md",
        "api/.git/config.md",
        ".hidden/h.md",
        "resources/nested/more/m.md",
        "x.md/inside.md",
        "resources/readme",
    ):
        (docs / page).write_text("# page\n")
    (docs / "api" / "link-in.md").symlink_to(docs / "api" / "a.md")
    (docs / "api" / "link-out.md").symlink_to(secret / "out.md")
    (docs / "resources" / "broken.md").symlink_to(tmp_path / "missing.md")
    (docs / "folder-in").symlink_to(docs / "resources")
    (docs / "folder-out").symlink_to(secret)
    (docs / "dir-link.md").symlink_to(docs / "api")  # a link to a folder, named like a page
    (docs / "api" / "loop").symlink_to(docs)

    outside: list[Path] = []
    found = find_page_paths(docs, outside)

    assert (found, outside) == _walked(docs)
    assert found == [
        ".dot.md",
        "UPPER.MD",
        "api/a.md",
        "api/b.Md",
        "api/link-in.md",
        "resources/nested/more/m.md",
        "top.md",
        "x.md/inside.md",
    ]
    # a broken link resolves to where it points: outside too
    assert outside == [docs / "api" / "link-out.md", docs / "resources" / "broken.md"]
