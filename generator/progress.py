"""Progress for people: a rich progress bar on stderr when it is a terminal, nothing otherwise.

Stages call `update(stage, done, total)`; the bar appears only once a stage has enough work to
be worth showing, so short runs print nothing but the summary line.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any, Self

_WORTH_SHOWING = 100  # items in a stage


class Progress:
    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def update(self, stage: str, done: int, total: int) -> None:
        if not self.enabled or total < _WORTH_SHOWING:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
            from rich.progress import Progress as Bar

            self._bar = Bar(
                TextColumn("{task.description:>8}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
        if stage not in self._tasks:
            self._tasks[stage] = self._bar.add_task(stage, total=total)
        self._bar.update(self._tasks[stage], completed=done)


def make_progress(enabled: bool) -> Progress:
    return Progress(enabled and sys.stderr.isatty())
