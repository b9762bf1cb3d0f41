"""MeetingParticipantInfo: generated from api/create-onlinemeetings.md:99 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import _runtime as _rt

if TYPE_CHECKING:
    from .identity_set import IdentitySet

_IDENTITY_SET = _rt.model("identity_set", "IdentitySet")


class MeetingParticipantInfo(_rt.GraphModel):
    """
    The meetingParticipantInfo type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.meetingParticipantInfo"

    identity: IdentitySet | None | _rt.Unset = _rt.UNSET
    upn: str | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("identity", "identity"),
        ("upn", "upn"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.identity = (
            _IDENTITY_SET.decode(data["identity"]) if "identity" in data else u
        )
        self.upn = data["upn"] if "upn" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.identity) is not u:
            out["identity"] = _IDENTITY_SET.encode(v)
        if (v := self.upn) is not u:
            out["upn"] = v
