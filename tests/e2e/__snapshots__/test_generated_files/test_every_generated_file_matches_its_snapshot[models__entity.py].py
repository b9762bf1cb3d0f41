"""Entity: generated from resources/entity.md:9 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _runtime as _rt


class Entity(_rt.GraphModel):
    """
    The base type of every entity: anything that has an id.
    """

    odata_name: ClassVar[str] = "microsoft.graph.entity"

    id: str | None | _rt.Unset = _rt.UNSET
    """
    The unique identifier of the entity. Read-only.
    """

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (("id", "id"),)

    def _read(self, data: Mapping[str, Any]) -> None:
        self._state = data
        u = _rt.UNSET
        self.id = data["id"] if "id" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.id) is not u:
            out["id"] = v
