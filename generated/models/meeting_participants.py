"""MeetingParticipants: generated from api/create-onlinemeetings.md:97 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import _runtime as _rt

if TYPE_CHECKING:
    from .meeting_participant_info import MeetingParticipantInfo

_MEETING_PARTICIPANT_INFO = _rt.model(
    "meeting_participant_info", "MeetingParticipantInfo"
)
_MEETING_PARTICIPANT_INFO_LIST = _rt.collection(_MEETING_PARTICIPANT_INFO)


class MeetingParticipants(_rt.GraphModel):
    """
    The meetingParticipants type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.meetingParticipants"

    organizer: MeetingParticipantInfo | None | _rt.Unset = _rt.UNSET
    attendees: list[MeetingParticipantInfo] | None | _rt.Unset = _rt.UNSET
    producers: list[MeetingParticipantInfo] | None | _rt.Unset = _rt.UNSET
    contributors: list[MeetingParticipantInfo] | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("organizer", "organizer"),
        ("attendees", "attendees"),
        ("producers", "producers"),
        ("contributors", "contributors"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.organizer = (
            _MEETING_PARTICIPANT_INFO.decode(data["organizer"])
            if "organizer" in data
            else u
        )
        self.attendees = (
            _MEETING_PARTICIPANT_INFO_LIST.decode(data["attendees"])
            if "attendees" in data
            else u
        )
        self.producers = (
            _MEETING_PARTICIPANT_INFO_LIST.decode(data["producers"])
            if "producers" in data
            else u
        )
        self.contributors = (
            _MEETING_PARTICIPANT_INFO_LIST.decode(data["contributors"])
            if "contributors" in data
            else u
        )

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.organizer) is not u:
            out["organizer"] = _MEETING_PARTICIPANT_INFO.encode(v)
        if (v := self.attendees) is not u:
            out["attendees"] = _MEETING_PARTICIPANT_INFO_LIST.encode(v)
        if (v := self.producers) is not u:
            out["producers"] = _MEETING_PARTICIPANT_INFO_LIST.encode(v)
        if (v := self.contributors) is not u:
            out["contributors"] = _MEETING_PARTICIPANT_INFO_LIST.encode(v)
