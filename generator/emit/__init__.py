"""Emit stage: format (black, pinned, for files from user templates or with a line the layout
left long), gate (CPython's `compile()` must parse every file), write deterministically."""

from generator.emit.format import format_files
from generator.emit.write import WriteResult, plan_writes, write_files

__all__ = ["WriteResult", "format_files", "plan_writes", "write_files"]
