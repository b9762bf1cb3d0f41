"""Emit stage: format (black, pinned), gate (libcst must parse it), write deterministically."""

from generator.emit.format import format_files
from generator.emit.write import WriteResult, plan_writes, write_files

__all__ = ["WriteResult", "format_files", "plan_writes", "write_files"]
