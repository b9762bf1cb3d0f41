"""`--watch`: regenerate whenever a page or a template changes, saying what changed."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from generator.config import Options


def describe(changes: Collection[tuple[Any, str]], roots: list[Path]) -> list[str]:
    """One line per changed file, relative to the folder watched: `modified api/user-get.md`."""
    lines = []
    for change, path in sorted(changes, key=lambda c: (c[1], str(c[0]))):
        kind = getattr(change, "name", str(change))
        shown = Path(path)
        for root in roots:
            if shown.is_relative_to(root.resolve()):
                shown = shown.relative_to(root.resolve())
                break
        lines.append(f"{kind} {shown.as_posix()}")
    return lines


def _relevant(options: Options) -> Callable[[object, str], bool]:
    templates = options.templates.resolve() if options.templates is not None else None

    def keep(change: object, path: str) -> bool:
        file = Path(path)
        if templates is not None and file.is_relative_to(templates):
            return True
        return file.suffix.lower() == ".md" and not any(part.startswith(".") for part in file.parts)

    return keep


def watch(options: Options, run_once: Callable[[Options], int]) -> int:
    from watchfiles import watch as watch_files

    status = run_once(options)
    roots = [options.docs] + ([options.templates] if options.templates is not None else [])
    print(
        f"gen-graph: watching {', '.join(r.as_posix() for r in roots)} (Ctrl-C stops)",
        file=sys.stderr,
    )
    for changes in watch_files(*roots, watch_filter=_relevant(options), raise_interrupt=False):
        for line in describe(changes, roots):
            print(f"gen-graph: {line}", file=sys.stderr)
        status = run_once(options)
    return status
