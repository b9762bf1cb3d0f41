"""Docs for the incremental tests: docs_input plus many small resource pages, so that a run
writes enough files for a kill to land in any of its phases."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from tests.conftest import DOCS_INPUT

PAGE = """---
title: "widget{n} resource type"
description: "A widget."
doc_type: resourcePageType
---

# widget{n} resource type

Namespace: microsoft.graph

{text} number {n}.

## Properties

| Property | Type | Description |
|:---------|:-----|:------------|
| name | String | The name of widget {n}. |
| size | Int32 | {text} size. |

## JSON representation

<!-- {{
  "blockType": "resource",
  "@odata.type": "microsoft.graph.widget{n}"
}}-->

```json
{{
  "name": "String",
  "size": 1024
}}
```
"""


def make_docs(target: Path, widgets: int = 0, text: str = "A widget") -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DOCS_INPUT, target)
    for n in range(widgets):
        (target / "resources" / f"widget{n}.md").write_text(
            PAGE.format(n=n, text=text), encoding="utf-8"
        )
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below folder (relative path -> bytes), less the bytecode Python leaves in
    `__pycache__` when the package is imported (the committed generated/ is, by tests and
    benches; gen-graph never writes one)."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.relative_to(folder).parts
    }


def generator_command(*args: str) -> list[str]:
    """`python -m generator ARGS` with Ctrl-C working: a shell that starts jobs in the
    background (as CI may) makes them ignore SIGINT, and Python then never raises
    KeyboardInterrupt; the Ctrl-C tests put the default handler back first."""
    boot = (
        "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
        "sys.argv[0] = 'gen-graph'; runpy.run_module('generator', run_name='__main__')"
    )
    return [sys.executable, "-c", boot, *args]
