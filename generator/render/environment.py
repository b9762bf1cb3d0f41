"""The Jinja environment: strict undefined, no autoescape (output is Python, not HTML), and only
pure text filters.

User templates (`--templates DIR`) override the built-in ones file by file: a template found in
DIR is used instead of the built-in one of the same name; the others stay built-in. They receive
the views of `generator/render/views.py` (documented in docs/templates.md).
"""

from __future__ import annotations

from pathlib import Path

import jinja2

from generator.diagnostics import Diagnostics
from generator.render.text import literal
from generator.source import SourceSpan
from generator.templates_location import default_templates, template_folders


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Templates compiled by an earlier run (Jinja checks each against its template's source),
    kept in gen-graph's cache folder: compiling the model template costs more than rendering
    the one module a prose edit changes. A folder that cannot be written only costs time."""

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # noqa: BLE001 - unreadable or damaged (cut short, say): compile it
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def make_environment(
    overrides: Path | None = None, compiled: Path | None = None
) -> jinja2.Environment:
    """`compiled`: a folder to keep compiled templates in (made if need be)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(f) for f in template_folders(overrides)]),
        undefined=jinja2.StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["pyrepr"] = literal
    if compiled is not None:
        try:
            compiled.mkdir(parents=True, exist_ok=True)
        except OSError:
            return env
        env.bytecode_cache = _CompiledTemplates(str(compiled))
    return env


# the generated package's fixed modules were templates once; they are copied from
# generator/runtime/ now (render/static.py), so an override of one of them is never used
RETIRED = {
    "builders_base.py.jinja": "builders/_base.py",
    "http.py.jinja": "_http.py",
    "paths.py.jinja": "_paths.py",
    "runtime.py.jinja": "_runtime.py",
}


def report_retired(overrides: Path, diagnostics: Diagnostics) -> None:
    """GG042 for each file of the override folder that replaced a module that is no longer
    a template: the user's change would otherwise be dropped without a word."""
    for name, module in sorted(RETIRED.items()):
        if (overrides / name).is_file():
            diagnostics.report(
                "GG042",
                SourceSpan(name, 1),
                f"not used: {module} is no longer a template but fixed code of the generated "
                "package (docs/templates.md)",
            )


__all__ = ["RETIRED", "default_templates", "make_environment", "report_retired", "template_folders"]
