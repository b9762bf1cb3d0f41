"""Command line: `gen-graph [DOCS] [-o OUT] [--check] [--diff] [--watch] ...`.

Options come from flags, then `[tool.gen-graph]` of pyproject.toml (`generator/config.py`).
Exit status: 0 generated (warnings allowed), 1 `--check` found changes or a problem stopped the
run, 2 usage errors, 3 an internal error (a bug: please report it), 130 interrupted.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from generator import INTERRUPTED, __version__
from generator.cache import Cache
from generator.cache.inputs import Source, input_fingerprint, read_unread, scan_sources
from generator.cache.stats import StatIndex
from generator.config import Options, UsageError, resolve
from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit import plan_writes, write_files
from generator.emit.write import (
    MANIFEST,
    WriteResult,
    current_digest,
    manifest_files,
    read_manifest,
)
from generator.progress import make_progress
from generator.source import SourceSpan

if TYPE_CHECKING:
    from generator.model import ApiModel


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
        return _verify_only(args.docs, args.verify_against, args.quiet)
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


def _print_diagnostics(options: Options, diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        if not options.quiet or diagnostic.severity == "error":
            # GG041 is about a generated file: its path is relative to OUT, not DOCS
            root = options.output if diagnostic.code == "GG041" else options.docs
            print(f"{root.as_posix().rstrip('/')}/{diagnostic}", file=sys.stderr)


def _status(options: Options, counts: dict[str, int]) -> int:
    return 1 if counts.get("error") or (options.strict and counts.get("warning")) else 0


def _summary(
    options: Options, sizes: dict[str, int], counts: dict[str, int], written: int, unchanged: int
) -> str:
    return (
        f"gen-graph: {sizes['pages']} pages, {sizes['types']} types, {sizes['enums']} enums, "
        f"{sizes['operations']} operations; diagnostics: {counts.get('error', 0)} errors, "
        f"{counts.get('warning', 0)} warnings, {counts.get('info', 0)} info; "
        f"{written} files {'would change' if options.check else 'written'}, "
        f"{unchanged} unchanged"
    )


def _verified_output(
    out: Path, record: dict[str, Any], known: StatIndex | None
) -> StatIndex | None:
    """When OUT holds exactly the files (path -> sha256) of the recorded run: the index of
    them as verified now (a file whose stat `known` proves unchanged is not read again). None
    when anything differs."""
    try:
        manifest = (out / MANIFEST).read_bytes()
    except OSError:
        return None
    if hashlib.sha256(manifest).hexdigest() != record.get("manifest"):
        return None
    seen = StatIndex()
    top = os.fspath(out)  # strings: pathlib costs more
    for path, digest in manifest_files(manifest).items():
        try:
            if current_digest(top, path, known, seen) != digest:
                return None
        except OSError:
            return None
    return seen


def run_once(options: Options) -> int:
    started = time.perf_counter()
    cache = Cache(options.cache_dir) if options.cache_dir is not None else None
    read_diagnostics = Diagnostics()
    known = cache.source_index(options.docs) if cache is not None else None
    sources, source_index = scan_sources(options.docs, read_diagnostics, known)
    fingerprint = input_fingerprint(sources, options.package, options.templates)

    # Nothing new since the last complete run, and OUT is as that run left it: no work at all.
    record = cache.last_run(options.output) if cache is not None else None
    known_output = cache.output_index(options.output) if cache is not None else None
    if (
        cache is not None
        and record is not None
        and options.dump_model is None
        and record.get("fingerprint") == fingerprint
        and (verified := _verified_output(options.output, record, known_output)) is not None
    ):
        _save_source_index(cache, options.docs, sources, source_index)
        if known_output is None or not known_output.proves(verified):  # some file was read
            cache.record_output_index(options.output, verified)  # trusted next time
        diagnostics = [
            Diagnostic(SourceSpan(d[0], d[1]), d[2], d[3], d[4]) for d in record["diagnostics"]
        ]
        _print_diagnostics(options, diagnostics)
        counts: dict[str, int] = record["counts"]
        if not options.quiet:
            line = _summary(options, record["sizes"], counts, 0, record["file_count"])
            print(f"{line}; {time.perf_counter() - started:.2f}s", file=sys.stderr)
        return _status(options, counts)

    def read_pages(unread: list[Source], diagnostics: Diagnostics) -> list[Source]:
        """Pages known unchanged by their stat, read when the pipeline needs their bytes: a
        parse that is not cached (a patched build needs none)."""
        return read_unread(options.docs, unread, diagnostics, source_index)

    # loaded only now: a run with nothing to do never imports markdown-it, Jinja, black, libcst
    from generator.model import dump_model
    from generator.pipeline import generate

    progress = make_progress(enabled=not options.quiet)
    with progress:
        run = generate(
            options.docs,
            options.package,
            options.templates,
            cache=cache,
            jobs=options.jobs,
            progress=progress.update,
            preloaded=(sources, read_diagnostics),
            read=read_pages,
        )
    if [(s.path, s.digest) for s in run.sources] != [(s.path, s.digest) for s in sources]:
        fingerprint = input_fingerprint(run.sources, options.package, options.templates)
    if cache is not None:
        _save_source_index(cache, options.docs, run.sources, source_index)
    diagnostics = run.diagnostics.sorted()
    _print_diagnostics(options, diagnostics)
    if options.dump_model is not None:
        text = json.dumps(dump_model(run.model), indent=2, ensure_ascii=False) + "\n"
        try:
            options.dump_model.parent.mkdir(parents=True, exist_ok=True)
            options.dump_model.write_text(text, encoding="utf-8")
        except OSError as error:
            print(
                f"gen-graph: error: cannot write {options.dump_model}: {error.strerror}",
                file=sys.stderr,
            )
            return 1
    if options.verify_against is not None and _verify(
        options.docs, options.verify_against, run.model, options.quiet
    ):
        return 2
    counts = dict(run.diagnostics.counts())
    sizes = {
        "pages": run.pages,
        "types": len(run.model.types),
        "enums": len(run.model.enums),
        "operations": len(run.model.operations),
    }
    result = plan_writes(options.output, run.files, known_output)
    status = _status(options, counts)
    new_text = {f.path: f.text for f in run.files}
    old_text = _read_old(options.output, result.touched + result.blocked)
    report: list[str] = []
    # a first generation has nothing to compare with; the report (libcst) is loaded only when
    # a file changes
    if (result.touched or result.blocked) and read_manifest(options.output):
        from generator.report import compare_outputs, format_report

        report = format_report(
            compare_outputs(
                old_text,
                {p: new_text[p] for p in result.touched + result.blocked if p in new_text},
            )
        )
    written = committed = False
    if options.check:
        for path in result.touched + result.blocked:
            print(f"would change: {(options.output / path).as_posix()}")
        if options.diff:
            _print_diff(options.output, old_text, new_text, result.touched + result.blocked)
        if result.touched or result.blocked:
            status = 1
    elif not counts.get("error"):
        for path in result.foreign:
            print(
                f"{(options.output / path).as_posix()}:1: error GG050: not written by gen-graph; "
                "use --force to overwrite",
                file=sys.stderr,
            )
        for path in result.edited:
            print(
                f"{(options.output / path).as_posix()}:1: error GG051: generated file edited by "
                "hand; use --force to overwrite",
                file=sys.stderr,
            )
        if result.blocked and not options.force:
            status = 1
        else:
            spare = cache.spare_tree(options.output) if cache is not None else None
            committed = write_files(
                options.output, run.files, result, force=options.force, spare=spare
            )
            written = True
    if not options.quiet:
        for line in report:
            print(line, file=sys.stderr)
        changed = len(result.touched) if written or options.check else 0  # errors write nothing
        line = _summary(options, sizes, counts, changed, result.unchanged)
        print(f"{line}; {time.perf_counter() - started:.2f}s", file=sys.stderr)
    if cache is not None:
        if written or (not options.check and not result.touched and not result.blocked):
            cache.record_run(
                options.output,
                {
                    "fingerprint": fingerprint,
                    **_manifest_record(options.output),
                    "diagnostics": [
                        [d.source.path, d.source.line, d.code, d.message, d.severity]
                        for d in diagnostics
                    ],
                    "counts": counts,
                    "sizes": sizes,
                },
            )
            # the files as this run looked at them (after a commit, those it kept)
            output_index = result.seen
            if committed:
                output_index = _after_commit(options, result)
            cache.record_output_index(options.output, output_index)
        cache.save()
    return status


def _after_commit(options: Options, result: WriteResult) -> StatIndex:
    """The stat index of OUT after a commit: what plan_writes saw of the files the commit kept
    (syncing the spare leaves their stats as they were; a file it had to link again has a new
    ctime, so it is hashed again next time). The files it wrote are left out: written after
    the index's time, they would not be trusted anyway."""
    written = set(result.touched) | (set(result.blocked) if options.force else set())
    files = {p: entry for p, entry in result.seen.files.items() if p not in written}
    return StatIndex(result.seen.scanned_ns, files)


def _manifest_record(out: Path) -> dict[str, object]:
    """What the run record keeps of OUT's manifest: its digest (a run with nothing new checks
    OUT against the manifest it finds there, if it is this one) and how many files it names."""
    try:
        manifest = (out / MANIFEST).read_bytes()
    except OSError:
        manifest = b""
    digest = hashlib.sha256(manifest).hexdigest()
    return {"manifest": digest, "file_count": len(manifest_files(manifest))}


def _save_source_index(cache: Cache, docs: Path, sources: list[Source], index: StatIndex) -> None:
    """Written when some page was read this run (so that it is trusted next time) or the
    index lost a page; a run that read nothing leaves the last one, which is still true."""
    if any(not s.unread for s in sources) or len(index.files) != len(sources):
        cache.record_source_index(docs, index)


def _read_old(out: Path, paths: list[str]) -> dict[str, str]:
    old = {}
    for path in paths:
        try:
            old[path] = (out / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return old


def _print_diff(out: Path, old: dict[str, str], new: dict[str, str], paths: list[str]) -> None:
    import difflib  # only --diff needs it

    for path in sorted(paths):
        name = (out / path).as_posix()
        lines = difflib.unified_diff(
            old.get(path, "").splitlines(keepends=True),
            new.get(path, "").splitlines(keepends=True),
            fromfile=name if path in old else "/dev/null",
            tofile=name if path in new else "/dev/null",
        )
        sys.stdout.writelines(line if line.endswith("\n") else line + "\n" for line in lines)


__all__ = ["MANIFEST", "entry", "main", "run_once"]


def _verify_only(docs: Path, csdl: Path, quiet: bool) -> int:
    """`--verify-against` without `-o`: build the model only, compare it, write nothing."""
    from generator.extract import build_model
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
    from generator.verify import compare, compare_operations, docs_vocabulary, read_csdl
    from generator.verify.scope import documented_summary

    try:
        expected = read_csdl(csdl)
        vocabulary = docs_vocabulary(docs)
        agreement = compare(model, expected, vocabulary)
    except (OSError, SyntaxError) as error:  # ET.ParseError is a SyntaxError
        print(f"gen-graph: error: cannot read the CSDL {csdl}: {error}", file=sys.stderr)
        return True
    requests = compare_operations(model, expected)  # renders the client in memory
    if not quiet:
        for line in agreement.disagreements(docs.as_posix()):
            print(line)
        for line in requests.disagreements(docs.as_posix()):
            print(line)
    print(f"gen-graph: agreement with {csdl.as_posix()}:")
    for line in agreement.summary() + requests.summary():
        print(f"  {line}")
    for line in documented_summary(model, expected, docs, requests, vocabulary):
        print(line)
    return False
