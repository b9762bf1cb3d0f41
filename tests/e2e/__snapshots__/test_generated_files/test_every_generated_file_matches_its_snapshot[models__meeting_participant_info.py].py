"""MeetingParticipantInfo: generated from api/create-onlinemeetings.md:99 by gen-graph. Do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from .. import _runtime as _rt

if TYPE_CHECKING:
    from .identity_set import IdentitySet


class MeetingParticipantInfo(_rt.GraphModel):
    """
    The meetingParticipantInfo type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.meetingParticipantInfo"

    identity: IdentitySet | None | _rt.Unset = _rt.UNSET
    upn: str | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("identity", "identity", _rt.model("identity_set", "IdentitySet")),
        ("upn", "upn", None),
    )
