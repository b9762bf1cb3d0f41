"""IdentitySet: generated from api/create-onlinemeetings.md:101 by gen-graph. Do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from .. import _runtime as _rt

if TYPE_CHECKING:
    from .identity import Identity


class IdentitySet(_rt.GraphModel):
    """
    The identitySet type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.identitySet"

    application: Identity | None | _rt.Unset = _rt.UNSET
    device: Identity | None | _rt.Unset = _rt.UNSET
    user: Identity | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("application", "application", _rt.model("identity", "Identity")),
        ("device", "device", _rt.model("identity", "Identity")),
        ("user", "user", _rt.model("identity", "Identity")),
    )
