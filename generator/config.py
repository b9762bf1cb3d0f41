"""Options of a run: the `[tool.gen-graph]` table of pyproject.toml, overridden by flags.

    [tool.gen-graph]
    docs = "docs_input"          # the docs folder
    output = "generated"         # the output package folder
    package-name = "generated"   # import name (default: the output folder's name)
    strict = false               # warnings fail the run
    templates = "my_templates"   # folder of templates overriding the built-in ones

Paths in the file are relative to the folder of the pyproject.toml; the file is looked for in
the current folder and its parents (stopping at a repository root). A bare `gen-graph` in a
configured repository does the whole job.
"""

from __future__ import annotations

import argparse
import keyword
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

KEYS = {"docs", "output", "package-name", "strict", "templates"}


class UsageError(Exception):
    pass


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """The options of one run, from flags, then `[tool.gen-graph]`, then defaults."""

    docs: Path
    output: Path
    package: str
    strict: bool
    templates: Path | None
    check: bool
    diff: bool
    force: bool
    quiet: bool
    watch: bool
    dump_model: Path | None
    cache_dir: Path | None  # None: no cache
    jobs: int
    config_file: Path | None
    verify_against: Path | None = None
    # --api-version: of a DOCS of several API-version folders, the one to generate (alone, as a
    # package of its own, as if DOCS held no other); None: every version (generator/versions.py)
    api_version: str | None = None


def find_pyproject(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
        if (folder / ".git").exists():
            return None
    return None


def read_table(pyproject: Path) -> dict[str, Any]:
    import tomllib  # only when there is a pyproject.toml: 8 ms of imports and regexes

    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError(f"{pyproject}: cannot read: {error}") from error
    table = data.get("tool", {}).get("gen-graph", {})
    if not isinstance(table, dict):
        raise UsageError(f"{pyproject}: [tool.gen-graph] must be a table")
    unknown = sorted(set(table) - KEYS)
    if unknown:
        raise UsageError(
            f"{pyproject}: [tool.gen-graph]: unknown key {unknown[0]!r} "
            f"(known: {', '.join(sorted(KEYS))})"
        )
    for key in ("docs", "output", "package-name", "templates"):
        if key in table and not isinstance(table[key], str):
            raise UsageError(f"{pyproject}: [tool.gen-graph] {key} must be a string")
    if "strict" in table and not isinstance(table["strict"], bool):
        raise UsageError(f"{pyproject}: [tool.gen-graph] strict must be true or false")
    return table


def resolve(args: argparse.Namespace, cwd: Path | None = None) -> Options:
    """Flags first, then the config file, then defaults; every path checked."""
    pyproject = find_pyproject((cwd or Path.cwd()).resolve())
    table = read_table(pyproject) if pyproject is not None else {}
    base = pyproject.parent if pyproject is not None else Path(".")

    def path_of(flag: Path | None, key: str) -> Path | None:
        if flag is not None:
            return flag
        value = table.get(key)
        return base / value if isinstance(value, str) else None

    docs = path_of(args.docs, "docs")
    output = path_of(args.output, "output")
    if docs is None:
        raise UsageError("no docs folder: give DOCS, or docs = ... in [tool.gen-graph]")
    if output is None:
        raise UsageError("no output folder: give -o OUT, or output = ... in [tool.gen-graph]")
    templates = path_of(args.templates, "templates")
    if templates is not None and not templates.is_dir():
        raise UsageError(f"{templates}: not a folder")
    check_paths(docs, output, args.dump_model)
    package = package_name(output, args.package_name or table.get("package-name"))
    cache_dir: Path | None = None
    if not args.no_cache:
        cache_dir = args.cache_dir or default_cache_dir(output)
        if cache_dir.resolve().is_relative_to(docs.resolve()):
            raise UsageError(f"{cache_dir}: the cache cannot be inside the docs folder")
        if cache_dir.resolve().is_relative_to(output.resolve()):
            raise UsageError(f"{cache_dir}: the cache cannot be inside the output folder")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    api_version = check_api_version(
        docs, getattr(args, "api_version", None), getattr(args, "verify_against", None)
    )
    return Options(
        docs=docs,
        output=output,
        package=package,
        strict=bool(args.strict or table.get("strict", False)),
        templates=templates,
        check=bool(args.check or args.diff),
        diff=bool(args.diff),
        force=bool(args.force),
        quiet=bool(args.quiet),
        watch=bool(args.watch),
        dump_model=args.dump_model,
        cache_dir=cache_dir,
        jobs=args.jobs if args.jobs is not None else default_jobs(),
        config_file=pyproject if table else None,
        verify_against=getattr(args, "verify_against", None),
        api_version=api_version,
    )


def check_api_version(docs: Path, name: str | None, verify_against: Path | None) -> str | None:
    """--api-version NAME names one of DOCS' API-version folders; --verify-against compares one
    model with one CSDL, so a DOCS of several versions needs --api-version to say which."""
    from generator.versions import module_name, version_folders

    versions = version_folders(docs)
    if name is not None and name not in versions:
        known = ", ".join(versions) if versions else "none"
        raise UsageError(f"--api-version {name}: not an API-version folder of {docs} ({known})")
    modules: dict[str, str] = {}
    for version in versions if name is None else []:
        other = modules.setdefault(module_name(version), version)
        if other != version:
            raise UsageError(
                f"the API-version folders {other} and {version} of {docs} would both be the "
                f"subpackage {module_name(version)}; rename one, or give --api-version"
            )
    if name is None and verify_against is not None and len(versions) > 1:
        raise UsageError(
            f"--verify-against compares one API version: {docs} has {', '.join(versions)}; "
            "add --api-version NAME"
        )
    return name


def default_cache_dir(output: Path) -> Path:
    """Beside the output folder, never inside it: `OUT/../.gen-graph-cache`."""
    return output.resolve().parent / ".gen-graph-cache"


def default_jobs() -> int:
    """Worker processes when -j is not given: the CPU count, at most 8."""
    return max(1, min(os.cpu_count() or 1, 8))


def check_paths(docs: Path, out: Path, dump: Path | None) -> None:
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


def package_name(out: Path, given: str | None) -> str:
    name = given if given is not None else out.resolve().name
    if not name.isidentifier() or keyword.iskeyword(name):
        raise UsageError(f"{name!r} is not a valid Python package name; use --package-name")
    return name
