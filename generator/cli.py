"""Command line: `gen-graph [DOCS] [-o OUT] [--check] [--diff] [--watch] ...`.

Options come from flags, then `[tool.gen-graph]` of pyproject.toml (`generator/config.py`); the
run is `pipeline.run`, given the incremental layer unless --no-cache; this module prints its
outcome.
Exit status: 0 generated (warnings allowed), 1 `--check` found changes or a problem stopped the
run, 2 usage errors, 3 an internal error (a bug: please report it), 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import NoReturn

from generator import INTERRUPTED, __version__
from generator.config import Options, UsageError, check_api_version, resolve
from generator.diagnostics import OUTPUT_CODES, TEMPLATE_CODES
from generator.pipeline import Incremental, Outcome, run, verify_docs
from generator.progress import make_progress


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gen-graph",
        description="Generate a typed Python package from Graph-style API reference markdown. "
        "Options not given are read from [tool.gen-graph] in pyproject.toml.",
    )
    parser.add_argument("docs", type=Path, nargs="?", help="folder of markdown pages (read only)")
    parser.add_argument("-o", "--output", type=Path, help="output package folder")
    parser.add_argument(
        "--package-name", help="import name of the package (default: the output folder's name)"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if files would change"
    )
    parser.add_argument(
        "--diff", action="store_true", help="like --check, and print a unified diff"
    )
    parser.add_argument(
        "--watch", action="store_true", help="regenerate whenever pages or templates change"
    )
    parser.add_argument(
        "--dump-model", type=Path, metavar="FILE", help="write the model as JSON to FILE"
    )
    parser.add_argument("--strict", action="store_true", help="warnings fail the run (exit 1)")
    parser.add_argument(
        "--force", action="store_true", help="overwrite files the generator did not write"
    )
    parser.add_argument(
        "--templates", type=Path, metavar="DIR", help="folder of templates that override ours"
    )
    parser.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="cache folder (default: OUT/../.gen-graph-cache)",
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write a cache")
    parser.add_argument(
        "-j", "--jobs", type=int, metavar="N", help="worker processes (default: the CPU count)"
    )
    parser.add_argument(
        "--verify-against",
        type=Path,
        metavar="FILE",
        help="compare the model with this CSDL and print the agreement (without -o: write nothing)",
    )
    parser.add_argument(
        "--api-version",
        metavar="NAME",
        help="of a DOCS with several API-version folders (v1.0, beta), generate only NAME, "
        "as a package of its own (default: every version, one subpackage each)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.add_argument("--version", action="version", version=f"gen-graph {__version__}")
    return parser


def entry() -> NoReturn:
    """The `gen-graph` command and `python -m generator`: `main()` made cheaper for a process
    that exits right after. The cyclic garbage collector is off for a single run (it creates
    millions of long-lived objects and almost no garbage cycles: collections only cost time,
    about a second on the corpus), and the process ends with `os._exit` once its output is
    flushed, so the interpreter does not spend another second freeing the heap object by
    object. `--watch` keeps the collector on. Library callers (tests) use `main()`."""
    gc.disable()
    try:
        code = main()
    except SystemExit as stop:  # argparse: --help, --version, usage errors
        code = stop.code if isinstance(stop.code, int) else 0 if stop.code is None else 1
        if not isinstance(stop.code, int | None):
            print(stop.code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more can be said
        pass
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print(INTERRUPTED, file=sys.stderr)
        return 130
    except Exception as error:  # a bug in gen-graph, never a problem in a document
        if os.environ.get("GEN_GRAPH_DEBUG"):
            raise
        print(
            f"gen-graph: internal error: {type(error).__name__}: {error} "
            "(set GEN_GRAPH_DEBUG=1 for the traceback, and please report it)",
            file=sys.stderr,
        )
        return 3


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.verify_against is not None and args.output is None:
        if args.docs is None:
            print("gen-graph: error: --verify-against needs DOCS", file=sys.stderr)
            return 2
        try:
            version = check_api_version(args.docs, args.api_version, args.verify_against)
        except UsageError as error:
            print(f"gen-graph: error: {error}", file=sys.stderr)
            return 2
        outcome = verify_docs(args.docs, args.verify_against, version)
        return _show(outcome, args.docs, args.docs, quiet=args.quiet)
    try:
        options = resolve(args)
    except UsageError as error:
        print(f"gen-graph: error: {error}", file=sys.stderr)
        return 2
    if options.watch:
        from generator.watch import watch

        gc.enable()  # a long-running process: its garbage must be collected
        return watch(options, run_once)
    return run_once(options)


def run_once(options: Options) -> int:
    """One run (`pipeline.run`), its outcome printed; the exit status."""
    incremental: Incremental | None = None
    if options.cache_dir is not None:  # --no-cache never even imports the incremental layer
        from generator.incremental import Layer

        incremental = Layer(options.cache_dir)
    with make_progress(enabled=not options.quiet) as progress:
        outcome = run(options, incremental, progress.update)
    return _show(outcome, options.docs, options.output, quiet=options.quiet, options=options)


def _show(
    outcome: Outcome, docs: Path, out: Path, *, quiet: bool, options: Options | None = None
) -> int:
    """Print an outcome: diagnostics and messages on stderr, what --check, --diff and
    --verify-against find on stdout. Returns its exit status."""
    for diagnostic in outcome.diagnostics:
        if not quiet or diagnostic.severity == "error":
            # the output's diagnostics name files of OUT, not of DOCS
            root = out if diagnostic.code in OUTPUT_CODES else docs
            if diagnostic.code in TEMPLATE_CODES and options is not None and options.templates:
                root = options.templates
            print(f"{root.as_posix().rstrip('/')}/{diagnostic}", file=sys.stderr)
    if not quiet:
        for line in outcome.disagreements:
            print(line)
    for line in outcome.agreement:
        print(line)
    if outcome.error:
        print(outcome.error, file=sys.stderr)
        return outcome.status
    if options is not None and options.check:
        for path in outcome.changed:
            print(f"would change: {(out / path).as_posix()}")
    sys.stdout.writelines(outcome.diff)
    if not quiet and options is not None and outcome.sizes is not None:
        for line in outcome.report:
            print(line, file=sys.stderr)
        line = _summary(options, outcome)
        print(f"{line}; {outcome.seconds:.2f}s", file=sys.stderr)
    return outcome.status


def _summary(options: Options, outcome: Outcome) -> str:
    sizes, counts = outcome.sizes or {}, outcome.counts
    versions = f"{sizes['versions']} API versions, " if "versions" in sizes else ""
    return (
        f"gen-graph: {versions}{sizes['pages']} pages, {sizes['types']} types, "
        f"{sizes['enums']} enums, {sizes['operations']} operations; diagnostics: {counts.get('error', 0)} errors, "
        f"{counts.get('warning', 0)} warnings, {counts.get('info', 0)} info; "
        f"{outcome.written} files {'would change' if options.check else 'written'}, "
        f"{outcome.unchanged} unchanged"
    )


__all__ = ["entry", "main", "run_once"]
