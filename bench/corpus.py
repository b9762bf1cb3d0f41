"""Generation time over the corpus as a ratio to parsing the same pages with markdown-it-py alone,
both measured in this run on this machine (so the ratio, not the seconds, is comparable).

    .venv/bin/python bench/corpus.py [DOCS] [--full]

Without --full, "generation" is load + parse + build (the model, as --verify-against uses it);
with --full it is the whole pipeline including render and black formatting. DOCS defaults to the
2021 corpus (GEN_GRAPH_CORPUS, else ../shared/corpus; README, "Tests and the corpus").
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from markdown_it import MarkdownIt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.extract import build_model
from generator.pipeline import Run, generate, parse_docs

DEFAULT_DOCS = (
    Path(os.environ.get("GEN_GRAPH_CORPUS") or ROOT.parent / "shared" / "corpus")
    / "graph-docs-2021-07"
    / "v1.0"
)


def markdown_it_only(docs: Path) -> float:
    parser = MarkdownIt("commonmark").enable("table")
    start = time.perf_counter()
    for path in sorted(docs.rglob("*.md")):
        parser.parse(path.read_text(encoding="utf-8", errors="replace"))
    return time.perf_counter() - start


def model_only(docs: Path) -> tuple[float, Run]:
    start = time.perf_counter()
    run = Run()
    pages = parse_docs(docs, run)
    run.model = run.timed("build", lambda: build_model(pages, run.diagnostics))
    return time.perf_counter() - start, run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--full", action="store_true", help="render and format too (black: slow)")
    args = parser.parse_args()
    reference = markdown_it_only(args.docs)
    if args.full:
        start = time.perf_counter()
        run = generate(args.docs, "graph")
        elapsed = time.perf_counter() - start
    else:
        elapsed, run = model_only(args.docs)
    stages = ", ".join(f"{k} {v:.2f}s" for k, v in run.timings.items())
    print(f"pages: {run.pages}")
    print(f"markdown-it-py alone: {reference:.2f}s")
    print(f"gen-graph {'full' if args.full else 'model'}: {elapsed:.2f}s ({stages})")
    print(f"ratio: {elapsed / reference:.2f}x markdown-it-py")


if __name__ == "__main__":
    main()
