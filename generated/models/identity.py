"""Identity: generated from api/create-onlinemeetings.md:103 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _runtime as _rt


class Identity(_rt.GraphModel):
    """
    The identity type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.identity"

    id: str | None | _rt.Unset = _rt.UNSET
    display_name: str | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("id", "id"),
        ("display_name", "displayName"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.id = data["id"] if "id" in data else u
        self.display_name = data["displayName"] if "displayName" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.id) is not u:
            out["id"] = v
        if (v := self.display_name) is not u:
            out["displayName"] = v
