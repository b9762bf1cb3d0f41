"""What a run did, as one `Outcome`: the last stages of `pipeline.run` (writing OUT, or with
--check comparing it, the API change report, --diff, --dump-model and --verify-against) and
`verify_docs` (--verify-against without -o). Nothing is printed here: the CLI prints the
outcome."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.config import Options
from generator.diagnostics import Diagnostic, Diagnostics
from generator.emit import plan_writes, write_files
from generator.emit.write import WriteResult, read_manifest
from generator.source import SourceSpan
from generator.versions import module_name

if TYPE_CHECKING:
    from generator.model import ApiModel
    from generator.pipeline import Incremental, Run


@dataclass(slots=True)
class Outcome:
    """What a run did, for the CLI to print, in the order printed."""

    status: int  # the exit status: 0 done, 1 problems or changes found (--check), 2 no CSDL
    # every problem: the documents' (sorted), then the output folder's (GG050, GG051)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)  # with the CSDL (--verify-against)
    agreement: list[str] = field(default_factory=list)  # its summary
    error: str = ""  # what stopped the run before it wrote anything
    changed: list[str] = field(default_factory=list)  # files that change (--check: would)
    diff: list[str] = field(default_factory=list)  # --diff: a unified diff of them
    report: list[str] = field(default_factory=list)  # the API change report
    # the summary line (None: none, as for --verify-against without -o): pages, types, enums,
    # operations; the documents' diagnostics by severity; files written, files unchanged
    sizes: dict[str, int] | None = None
    counts: dict[str, int] = field(default_factory=dict)
    written: int = 0
    unchanged: int = 0
    seconds: float = 0.0

    @classmethod
    def replayed(
        cls,
        options: Options,
        diagnostics: list[Diagnostic],
        counts: dict[str, int],
        sizes: dict[str, int],
        unchanged: int,
    ) -> Outcome:
        """The outcome of a run that found nothing to do, from what the last one recorded."""
        status = status_of(options, counts)
        return cls(status, diagnostics, sizes=sizes, counts=counts, unchanged=unchanged)


def status_of(options: Options, counts: dict[str, int]) -> int:
    """What the documents' diagnostics make of the exit status (--strict: warnings fail)."""
    return 1 if counts.get("error") or (options.strict and counts.get("warning")) else 0


def write_output(
    options: Options, stages: Run, documents: list[Diagnostic], incremental: Incremental | None
) -> tuple[Outcome, list[str] | None]:
    """The outcome of writing what `stages` made into OUT (or checking OUT against it), and
    the files a commit wrote (None when OUT is not left as this run would make it)."""
    counts = dict(stages.diagnostics.counts())
    models = list(stages.versions.values()) or [stages.model]
    sizes = {
        "pages": stages.pages,
        "types": sum(len(m.types) for m in models),
        "enums": sum(len(m.enums) for m in models),
        "operations": sum(len(m.operations) for m in models),
    }
    if stages.versions:
        sizes["versions"] = len(stages.versions)
    outcome = Outcome(status_of(options, counts), list(documents), sizes=sizes, counts=counts)
    if not _dump_and_verify(options, stages, outcome):
        outcome.sizes = None
        return outcome, None
    digest = incremental.output_digest(options.output) if incremental is not None else None
    plan = plan_writes(options.output, stages.files, digest)
    outcome.unchanged = plan.unchanged
    outcome.changed = plan.touched + plan.blocked
    new_text = {f.path: f.text for f in stages.files}
    old_text = _read_old(options.output, outcome.changed)
    subpackages = tuple(module_name(v) for v in stages.versions)
    outcome.report = _report(options.output, old_text, new_text, outcome.changed, subpackages)
    if options.check:
        if options.diff:
            outcome.diff = _diff(options.output, old_text, new_text, outcome.changed)
        outcome.written = len(plan.touched)
        outcome.status = 1 if outcome.changed else outcome.status
        return outcome, None
    if counts.get("error"):  # errors write nothing; OUT is as this run would leave it only
        return outcome, None if outcome.changed else []  # when nothing would change
    _report_blocked(plan, stages.diagnostics, outcome)
    if plan.blocked and not options.force:
        outcome.status = 1
        return outcome, None
    spare = incremental.spare(options.output) if incremental is not None else None
    committed = write_files(options.output, stages.files, plan, force=options.force, spare=spare)
    outcome.written = len(plan.touched)
    written = plan.touched + (plan.blocked if options.force else [])
    return outcome, written if committed else []


def _report_blocked(plan: WriteResult, diagnostics: Diagnostics, outcome: Outcome) -> None:
    """GG050 and GG051 for the files of OUT that a run may not overwrite without --force."""
    found = Diagnostics()
    for path in plan.foreign:
        found.report(
            "GG050", SourceSpan(path, 1), "not written by gen-graph; use --force to overwrite"
        )
    for path in plan.edited:
        found.report(
            "GG051", SourceSpan(path, 1), "generated file edited by hand; use --force to overwrite"
        )
    diagnostics.extend(found)
    outcome.diagnostics.extend(found.items)


def _dump_and_verify(options: Options, stages: Run, outcome: Outcome) -> bool:
    """--dump-model and --verify-against; False (with the error in `outcome`) when either
    stops the run. A DOCS of several API versions dumps `{"versions": {name: model}}` (the
    command line has made sure --verify-against comes with --api-version, config.py)."""
    model = stages.model
    if options.dump_model is not None:
        from generator.model import dump_model

        dumped: object = dump_model(model)
        if stages.versions:
            dumped = {"versions": {v: dump_model(m) for v, m in sorted(stages.versions.items())}}
        text = json.dumps(dumped, indent=2, ensure_ascii=False) + "\n"
        try:
            options.dump_model.parent.mkdir(parents=True, exist_ok=True)
            options.dump_model.write_text(text, encoding="utf-8")
        except OSError as error:
            outcome.error = f"gen-graph: error: cannot write {options.dump_model}: {error.strerror}"
            outcome.status = 1
            return False
    if options.verify_against is not None:
        _verify(options.docs, options.verify_against, model, outcome, options.api_version)
        if outcome.error:
            outcome.status = 2
            return False
    return True


def verify_docs(docs: Path, csdl: Path, version: str | None = None) -> Outcome:
    """--verify-against without -o: build the model only, compare it with the CSDL, write
    nothing. `version`: of a DOCS of several API versions, the one whose pages are read."""
    if not docs.is_dir():
        return Outcome(2, error=f"gen-graph: error: {docs}: not a folder")
    from generator.extract import build_model
    from generator.pipeline import Run, parse_docs

    stages = Run()
    model = build_model(parse_docs(docs, stages, version), stages.diagnostics)
    outcome = Outcome(0, stages.diagnostics.sorted())
    _verify(docs, csdl, model, outcome, version)
    outcome.status = 2 if outcome.error else 0
    return outcome


def _verify(
    docs: Path, csdl: Path, model: ApiModel, outcome: Outcome, version: str | None = None
) -> None:
    """The agreement of the model with the CSDL (types, then requests, then both over the types
    DOCS documents), and each disagreement, into `outcome`. `version`: the API-version folder
    the model was built from (its words only make the vocabulary)."""
    from generator.verify import compare, compare_operations, docs_vocabulary, read_csdl
    from generator.verify.scope import documented_summary

    try:
        expected = read_csdl(csdl)
        vocabulary = docs_vocabulary(docs / version if version else docs)
        agreement = compare(model, expected, vocabulary)
    except (OSError, SyntaxError) as error:  # ET.ParseError is a SyntaxError
        outcome.error = f"gen-graph: error: cannot read the CSDL {csdl}: {error}"
        return
    requests = compare_operations(model, expected)  # renders the client in memory
    outcome.disagreements = list(agreement.disagreements(docs.as_posix()))
    outcome.disagreements += requests.disagreements(docs.as_posix())
    outcome.agreement = [f"gen-graph: agreement with {csdl.as_posix()}:"]
    outcome.agreement += [f"  {line}" for line in agreement.summary() + requests.summary()]
    outcome.agreement += documented_summary(model, expected, docs, requests, vocabulary)


def _report(
    out: Path,
    old: dict[str, str],
    new: dict[str, str],
    paths: list[str],
    subpackages: tuple[str, ...] = (),
) -> list[str]:
    """The API change report of the files that change; a first generation has nothing to
    compare with, and the report (libcst) is loaded only when a file changes. `subpackages`:
    the API versions' (versions.py), each compared as a package of its own, its changes
    marked with its name (`added property User.nickname [beta]`)."""
    if not paths or not read_manifest(out):
        return []
    import dataclasses

    from generator.report import compare_outputs, format_report

    def part(path: str) -> tuple[str, str]:
        head, _, rest = path.partition("/")
        return (head, rest) if rest and head in subpackages else ("", path)

    def split(files: dict[str, str]) -> dict[str, dict[str, str]]:
        parts: dict[str, dict[str, str]] = {}
        for path, text in files.items():
            where, rest = part(path)
            parts.setdefault(where, {})[rest] = text
        return parts

    changed = set(paths)
    unchanged = split({p: text for p, text in new.items() if p not in changed})  # routes
    before, after = split(old), split({p: new[p] for p in paths if p in new})
    changes = []
    for where in sorted(before.keys() | after.keys()):
        found = compare_outputs(
            before.get(where, {}), after.get(where, {}), unchanged.get(where, {})
        )
        mark = f" [{where}]" if where else ""
        changes += [dataclasses.replace(c, subject=c.subject + mark) for c in found]
    return format_report(changes)


def _read_old(out: Path, paths: list[str]) -> dict[str, str]:
    old = {}
    for path in paths:
        try:
            old[path] = (out / path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return old


def _diff(out: Path, old: dict[str, str], new: dict[str, str], paths: list[str]) -> list[str]:
    import difflib  # only --diff needs it

    lines: list[str] = []
    for path in sorted(paths):
        name = (out / path).as_posix()
        lines += difflib.unified_diff(
            old.get(path, "").splitlines(keepends=True),
            new.get(path, "").splitlines(keepends=True),
            fromfile=name if path in old else "/dev/null",
            tofile=name if path in new else "/dev/null",
        )
    return [line if line.endswith("\n") else line + "\n" for line in lines]
