"""The Jinja environment: strict undefined, no autoescape (output is Python, not HTML), and only
pure text filters.

User templates (`--templates DIR`) override the built-in ones file by file: a template found in
DIR is used instead of the built-in one of the same name; the others stay built-in. They receive
the views of `generator/render/views.py` (documented in docs/templates.md).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.render.text import literal

_PACKAGED = Path(__file__).resolve().parent.parent / "templates"  # inside an installed wheel
_SOURCE_TREE = Path(__file__).resolve().parent.parent.parent / "templates"  # in a checkout


def default_templates() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def template_folders(overrides: Path | None = None) -> list[Path]:
    """The folders searched for templates, first match wins."""
    return ([overrides] if overrides is not None else []) + [default_templates()]


def make_environment(overrides: Path | None = None) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in template_folders(overrides)]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pyrepr"] = literal
    return env
