"""IdentitySet: generated from api/create-onlinemeetings.md:101 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import _runtime as _rt

if TYPE_CHECKING:
    from .identity import Identity

_IDENTITY = _rt.model("identity", "Identity")


class IdentitySet(_rt.GraphModel):
    """
    The identitySet type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.identitySet"

    application: Identity | None | _rt.Unset = _rt.UNSET
    device: Identity | None | _rt.Unset = _rt.UNSET
    user: Identity | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("application", "application"),
        ("device", "device"),
        ("user", "user"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.application = (
            _IDENTITY.decode(data["application"]) if "application" in data else u
        )
        self.device = _IDENTITY.decode(data["device"]) if "device" in data else u
        self.user = _IDENTITY.decode(data["user"]) if "user" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.application) is not u:
            out["application"] = _IDENTITY.encode(v)
        if (v := self.device) is not u:
            out["device"] = _IDENTITY.encode(v)
        if (v := self.user) is not u:
            out["user"] = _IDENTITY.encode(v)
