"""Where templates are found: the built-in folder, after the user's override folder if any.

Kept apart from `render/` (which imports Jinja) so that a run with nothing to do can
fingerprint the templates without loading the rendering machinery.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).resolve().parent / "templates"  # inside an installed wheel
_SOURCE_TREE = Path(__file__).resolve().parent.parent / "templates"  # in a checkout


def default_templates() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def template_folders(overrides: Path | None = None) -> list[Path]:
    """The folders searched for templates, first match wins."""
    return ([overrides] if overrides is not None else []) + [default_templates()]
