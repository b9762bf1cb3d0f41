"""Speed of regeneration on the real corpus, as ratios measured in one run.

    python bench/incremental.py [--corpus DIR] [--work DIR]

--corpus defaults to the 2021 corpus (GEN_GRAPH_CORPUS, else ../shared/corpus; README, "Tests
and the corpus").

Reference: markdown-it-py alone parsing every page of the corpus (the floor any markdown-based
generator pays). Then, each as a real `python -m generator` process:

- cold: empty cache, empty output folder;              goal <= 3x the reference
- no-op: nothing changed since the cold run;           goal <= 0.05x cold
- one page edited: one resource page's text changed;   goal <= 0.10x cold
  (a paragraph added near the top: a prose-only edit, which patches the last model)
- one page retyped: a property's type changed on that page; no goal, shown for what it costs
  when the model must be built again from every page

gen-graph's modules are byte-compiled first, as pip does when it installs a package (an
editable checkout in an environment with PYTHONDONTWRITEBYTECODE=1, as on these machines, would
otherwise compile all of them from source in every run measured).

Prints the seconds and the ratios; exits 1 if a goal is missed. No numbers are asserted in
the test suite (they depend on the machine); this script is how they are measured.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = (
    Path(os.environ.get("GEN_GRAPH_CORPUS") or ROOT.parent / "shared" / "corpus")
    / "graph-docs-2021-07"
)
EDITED = "resources/user.md"


def reference(docs: Path) -> float:
    from markdown_it import MarkdownIt

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(docs.rglob("*.md"))]
    md = MarkdownIt("commonmark").enable("table")
    start = time.perf_counter()
    for text in texts:
        md.parse(text)
    return time.perf_counter() - start


def generate(docs: Path, out: Path, cache: Path) -> float:
    command = [
        sys.executable,
        "-m",
        "generator",
        str(docs),
        "-o",
        str(out),
        "--cache-dir",
        str(cache),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"gen-graph failed ({done.returncode}):\n{done.stderr[-2000:]}")
    print("   ", done.stderr.strip().splitlines()[-1])
    return seconds


def find_page(docs: Path) -> Path:
    """user.md, wherever the corpus keeps it (`v1.0/resources/user.md` in the shared corpus)."""
    for page in (docs / EDITED, *sorted(docs.glob(f"*/{EDITED}"))):
        if page.exists():
            return page
    return next(p for p in sorted(docs.rglob("*.md")) if "resources" in p.parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--work", type=Path, default=None)
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="gen-graph-bench-"))
    docs, out, cache = work / "docs", work / "out" / "graph", work / "cache"
    for folder in (docs, out.parent, cache):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(args.corpus, docs, ignore=shutil.ignore_patterns(".*"))
    compileall.compile_dir(ROOT / "generator", quiet=1)  # as installed: see the docstring
    pages = sum(1 for _ in docs.rglob("*.md"))

    ref = reference(docs)
    print(f"markdown-it-py alone: {pages} pages in {ref:.2f}s")
    print("cold:")
    cold = generate(docs, out, cache)
    print("no-op:")
    noop = generate(docs, out, cache)
    page = find_page(docs)
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("\n\n", "\n\nEdited for the benchmark.\n\n", 1), encoding="utf-8")
    print(f"one page edited ({page.relative_to(docs).as_posix()}):")
    one = generate(docs, out, cache)
    edited = page.read_text(encoding="utf-8")
    retyped_text = edited.replace("| String |", "| Int32 |", 1)
    if retyped_text == edited:
        sys.exit(f"{page} has no `| String |` cell to retype")
    page.write_text(retyped_text, encoding="utf-8")
    print("one page retyped (its first String property is now Int32):")
    retyped = generate(docs, out, cache)

    results = [
        ("cold / markdown-it-py", cold / ref, 3.0),
        ("no-op / cold", noop / cold, 0.05),
        ("one page / cold", one / cold, 0.10),
    ]
    print(
        f"seconds: reference {ref:.2f}, cold {cold:.2f}, no-op {noop:.2f}, one page {one:.2f}, "
        f"one page retyped {retyped:.2f}"
    )
    missed = 0
    for name, ratio, goal in results:
        ok = ratio <= goal
        missed += not ok
        print(f"{name}: {ratio:.3f} (goal <= {goal}) {'ok' if ok else 'MISSED'}")
    print(f"one page retyped / cold: {retyped / cold:.3f} (no goal: the model is built again)")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
