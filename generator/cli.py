"""Command line: `gen-graph DOCS -o OUT [--check] [--dump-model FILE] ...`.

Exit status: 0 generated (warnings allowed), 1 `--check` found changes or a problem stopped the
run, 2 usage errors, 3 an internal error (a bug: please report it).
"""

from __future__ import annotations

import argparse
import json
import keyword
import os
import sys
import time
from pathlib import Path

from generator import __version__
from generator.emit import plan_writes, write_files
from generator.model import ApiModel, dump_model
from generator.pipeline import generate


class UsageError(Exception):
    pass


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gen-graph",
        description="Generate a typed Python package from Graph-style API reference markdown.",
    )
    parser.add_argument("docs", type=Path, help="folder of markdown pages (read only)")
    parser.add_argument("-o", "--output", type=Path, help="output package folder")
    parser.add_argument(
        "--package-name", help="import name of the package (default: the output folder's name)"
    )
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if files would change"
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
        "--verify-against",
        type=Path,
        metavar="FILE",
        help="compare the model with this CSDL and print the agreement (without -o: write nothing)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    parser.add_argument("--version", action="version", version=f"gen-graph {__version__}")
    return parser


def _check_paths(docs: Path, out: Path, dump: Path | None) -> None:
    if not docs.is_dir():
        raise UsageError(f"{docs}: not a folder")
    real_docs, real_out = docs.resolve(), out.resolve()
    if real_out == real_docs or real_out.is_relative_to(real_docs):
        raise UsageError(f"{out}: the output folder cannot be inside the docs folder {docs}")
    if real_docs.is_relative_to(real_out):
        raise UsageError(f"{out}: the output folder cannot contain the docs folder {docs}")
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out}: exists and is not a folder")
    if dump is not None and dump.resolve().is_relative_to(real_docs):
        raise UsageError(f"{dump}: the model dump cannot be written inside the docs folder")


def _package_name(out: Path, given: str | None) -> str:
    name = given if given is not None else out.resolve().name
    if not name.isidentifier() or keyword.iskeyword(name):
        raise UsageError(f"{name!r} is not a valid Python package name; use --package-name")
    return name


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("gen-graph: interrupted; the output folder is as it was or complete", file=sys.stderr)
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
    parser = _parser()
    args = parser.parse_args(argv)
    if args.output is None:
        if args.verify_against is None:
            parser.error("the following arguments are required: -o/--output")
        return _verify_only(args.docs, args.verify_against, args.quiet)
    try:
        _check_paths(args.docs, args.output, args.dump_model)
        package = _package_name(args.output, args.package_name)
        if args.templates is not None and not args.templates.is_dir():
            raise UsageError(f"{args.templates}: not a folder")
    except UsageError as error:
        print(f"gen-graph: error: {error}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    run = generate(args.docs, package, args.templates)
    for diagnostic in run.diagnostics.sorted():
        if not args.quiet or diagnostic.severity == "error":
            # GG041 is about a generated file: its path is relative to OUT, not DOCS
            root = args.output if diagnostic.code == "GG041" else args.docs
            print(f"{root.as_posix().rstrip('/')}/{diagnostic}", file=sys.stderr)
    if args.dump_model is not None:
        text = json.dumps(dump_model(run.model), indent=2, ensure_ascii=False) + "\n"
        try:
            args.dump_model.parent.mkdir(parents=True, exist_ok=True)
            args.dump_model.write_text(text, encoding="utf-8")
        except OSError as error:
            print(
                f"gen-graph: error: cannot write {args.dump_model}: {error.strerror}",
                file=sys.stderr,
            )
            return 1
    if args.verify_against is not None and _verify(
        args.docs, args.verify_against, run.model, args.quiet
    ):
        return 2
    counts = run.diagnostics.counts()
    result = plan_writes(args.output, run.files)
    status = 0
    if counts["error"] or (args.strict and counts["warning"]):
        status = 1
    if args.check:
        for path in result.touched + result.blocked:
            print(f"would change: {(args.output / path).as_posix()}")
        if result.touched or result.blocked:
            status = 1
    elif status == 0 or not counts["error"]:
        for path in result.foreign:
            print(
                f"{(args.output / path).as_posix()}:1: error GG050: not written by gen-graph; "
                "use --force to overwrite",
                file=sys.stderr,
            )
        for path in result.edited:
            print(
                f"{(args.output / path).as_posix()}:1: error GG051: generated file edited by hand; "
                "use --force to overwrite",
                file=sys.stderr,
            )
        if result.blocked and not args.force:
            status = 1
        else:
            write_files(args.output, run.files, result, force=args.force)
    if not args.quiet:
        print(
            f"gen-graph: {run.pages} pages, {len(run.model.types)} types, {len(run.model.enums)} enums, "
            f"{len(run.model.operations)} operations; diagnostics: {counts['error']} errors, "
            f"{counts['warning']} warnings, {counts['info']} info; "
            f"{len(result.touched)} files {'would change' if args.check else 'written'}, "
            f"{result.unchanged} unchanged; {time.perf_counter() - started:.2f}s",
            file=sys.stderr,
        )
    return status


def _verify_only(docs: Path, csdl: Path, quiet: bool) -> int:
    """`--verify-against` without `-o`: build the model only, compare it, write nothing."""
    from generator.build import build_model
    from generator.pipeline import Run, parse_docs

    if not docs.is_dir():
        print(f"gen-graph: error: {docs}: not a folder", file=sys.stderr)
        return 2
    run = Run()
    model = build_model(parse_docs(docs, run), run.diagnostics)
    for diagnostic in run.diagnostics.sorted():
        if not quiet or diagnostic.severity == "error":
            print(f"{docs.as_posix().rstrip('/')}/{diagnostic}", file=sys.stderr)
    return 2 if _verify(docs, csdl, model, quiet) else 0


def _verify(docs: Path, csdl: Path, model: ApiModel, quiet: bool) -> bool:
    """Print the agreement with the CSDL (stdout) and each disagreement; True if unreadable."""
    from generator.verify import compare, read_csdl

    try:
        agreement = compare(model, read_csdl(csdl))
    except (OSError, SyntaxError) as error:  # ET.ParseError is a SyntaxError
        print(f"gen-graph: error: cannot read the CSDL {csdl}: {error}", file=sys.stderr)
        return True
    if not quiet:
        for line in agreement.disagreements(docs.as_posix()):
            print(line)
    print(f"gen-graph: agreement with {csdl.as_posix()}:")
    for line in agreement.summary():
        print(f"  {line}")
    return False
