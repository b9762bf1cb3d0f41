"""Stand-in for the generated package's `_registry.py`, which is rendered from
`templates/registry.py.jinja` because it lists the documented types: here none is generated.
It lets `_http.py` and `_runtime.py` import from the source tree (mypy, tests/runtime); it is
not copied into the output, and must keep the generated module's signatures."""

from __future__ import annotations

from typing import Any

TYPES: dict[str, tuple[str, str]] = {}


def lookup(name: str) -> type[Any] | None:
    """The class of a generated type or enum: never, here."""
    return None


def model_for(name: str) -> type[Any]:
    """Like `lookup`, but a name that is not generated raises KeyError."""
    raise KeyError(name)
