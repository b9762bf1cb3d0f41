"""Request paths as the build sees them: normalised by the parse stage (parse/paths.py, where
the rules are), placeholders read by the model (model/paths.py)."""

from __future__ import annotations

from generator.model.paths import placeholders
from generator.parse.paths import normalise_path

__all__ = ["normalise_path", "placeholders"]
