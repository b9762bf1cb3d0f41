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
from generator.templates_location import default_templates, template_folders


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


__all__ = ["default_templates", "make_environment", "template_folders"]
