"""Does a change of the generator change its output? Generates DOCS with the generator as it was
at REV and as it is in this working tree, both without a cache, and compares the two trees byte
by byte, and the diagnostics line by line.

    python3 tools/same_output.py REV [DOCS]

DOCS defaults to the 2021 corpus (GEN_GRAPH_CORPUS, else ../shared/corpus). Exit 0 when
everything is the same, 1 with the differences listed otherwise. A refactoring that must not
change behaviour is checked with it against the commit it started from.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def default_docs() -> Path:
    corpus = os.environ.get("GEN_GRAPH_CORPUS") or str(ROOT.parent / "shared" / "corpus")
    return Path(corpus) / "graph-docs-2021-07" / "v1.0"


def generate(source: Path, docs: Path, out: Path) -> list[str]:
    """The diagnostics of generating DOCS into OUT with the generator at SOURCE."""
    env = dict(os.environ, PYTHONPATH=str(source), GEN_GRAPH_DEBUG="1")
    command = [sys.executable, "-m", "generator", str(docs), "-o", str(out), "--no-cache"]
    done = subprocess.run(command, check=False, env=env, cwd=source, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.exit(f"{source}: exit {done.returncode}\n{done.stderr}")
    return [line for line in done.stderr.splitlines() if not line.startswith("gen-graph: ")]


def tree(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def differences(old: dict[str, bytes], new: dict[str, bytes]) -> list[str]:
    lines = [f"only before: {p}" for p in sorted(old.keys() - new.keys())]
    lines += [f"only after: {p}" for p in sorted(new.keys() - old.keys())]
    lines += [f"differs: {p}" for p in sorted(old.keys() & new.keys()) if old[p] != new[p]]
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rev", help="the commit to compare with")
    parser.add_argument("docs", nargs="?", type=Path, default=default_docs())
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        base = Path(temp) / "base"
        subprocess.run(
            ["git", "worktree", "add", "--detach", "-q", str(base), args.rev], cwd=ROOT, check=True
        )
        try:
            old_diagnostics = generate(base, args.docs.resolve(), Path(temp) / "old" / "graph")
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(base)], cwd=ROOT, check=False
            )
        new_diagnostics = generate(ROOT, args.docs.resolve(), Path(temp) / "new" / "graph")
        lines = differences(tree(Path(temp) / "old"), tree(Path(temp) / "new"))
        files = len(tree(Path(temp) / "new"))
    if old_diagnostics != new_diagnostics:
        lines.append(
            f"diagnostics differ: {len(old_diagnostics)} before, {len(new_diagnostics)} after"
        )
    for line in lines:
        print(line)
    print(
        f"{files} files, {len(new_diagnostics)} diagnostics: {'same' if not lines else 'DIFFERENT'}"
    )
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
