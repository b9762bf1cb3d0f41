"""MeetingParticipants: generated from api/create-onlinemeetings.md:97 by gen-graph. Do not edit."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from .. import _runtime as _rt

if TYPE_CHECKING:
    from .meeting_participant_info import MeetingParticipantInfo


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
        (
            "organizer",
            "organizer",
            _rt.model("meeting_participant_info", "MeetingParticipantInfo"),
        ),
        (
            "attendees",
            "attendees",
            _rt.collection(
                _rt.model("meeting_participant_info", "MeetingParticipantInfo")
            ),
        ),
        (
            "producers",
            "producers",
            _rt.collection(
                _rt.model("meeting_participant_info", "MeetingParticipantInfo")
            ),
        ),
        (
            "contributors",
            "contributors",
            _rt.collection(
                _rt.model("meeting_participant_info", "MeetingParticipantInfo")
            ),
        ),
    )
