"""The Jinja environment: strict undefined, no autoescape (output is Python, not HTML), and only
pure text filters."""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.render.text import literal

_PACKAGED = Path(__file__).resolve().parent.parent / "templates"  # inside an installed wheel
_SOURCE_TREE = Path(__file__).resolve().parent.parent.parent / "templates"  # in a checkout


def default_templates() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def make_environment(overrides: Path | None = None) -> jinja2.Environment:
    search = [str(overrides)] if overrides is not None else []
    search.append(str(default_templates()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pyrepr"] = literal
    return env
