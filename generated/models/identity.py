"""Identity: generated from api/create-onlinemeetings.md:103 by gen-graph. Do not edit."""

from __future__ import annotations

from typing import ClassVar

from .. import _runtime as _rt


class Identity(_rt.GraphModel):
    """
    The identity type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.identity"

    id: str | None | _rt.Unset = _rt.UNSET
    display_name: str | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("id", "id", None),
        ("display_name", "displayName", None),
    )
