"""OnlineMeeting: generated from api/create-onlinemeetings.md:10 by gen-graph. Do not edit."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, ClassVar

from .. import _runtime as _rt
from .entity import Entity

if TYPE_CHECKING:
    from .access_level import AccessLevel
    from .audio_conferencing import AudioConferencing
    from .chat_info import ChatInfo
    from .meeting_capabilities import MeetingCapabilities
    from .meeting_participants import MeetingParticipants


class OnlineMeeting(Entity):
    """
    The onlineMeeting entity.
    """

    odata_name: ClassVar[str] = "microsoft.graph.onlineMeeting"

    creation_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    start_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    end_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    canceled_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    expiration_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    entry_exit_announcement: bool | None | _rt.Unset = _rt.UNSET
    join_url: str | None | _rt.Unset = _rt.UNSET
    subject: str | None | _rt.Unset = _rt.UNSET
    is_cancelled: bool | None | _rt.Unset = _rt.UNSET
    participants: MeetingParticipants | None | _rt.Unset = _rt.UNSET
    is_broadcast: bool | None | _rt.Unset = _rt.UNSET
    access_level: AccessLevel | str | None | _rt.Unset = _rt.UNSET
    """
    Possible values are: `everyone`, `invited`, `locked`, `sameEnterprise`,
    `sameEnterpriseAndFederated`.
    """

    capabilities: list[MeetingCapabilities | str] | None | _rt.Unset = _rt.UNSET
    """
    Possible values are: `questionAndAnswer`, `unknownFutureValue`.
    """

    audio_conferencing: AudioConferencing | None | _rt.Unset = _rt.UNSET
    chat_info: ChatInfo | None | _rt.Unset = _rt.UNSET
    video_teleconference_id: str | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("creation_date_time", "creationDateTime", _rt.TIMESTAMP),
        ("start_date_time", "startDateTime", _rt.TIMESTAMP),
        ("end_date_time", "endDateTime", _rt.TIMESTAMP),
        ("canceled_date_time", "canceledDateTime", _rt.TIMESTAMP),
        ("expiration_date_time", "expirationDateTime", _rt.TIMESTAMP),
        ("entry_exit_announcement", "entryExitAnnouncement", None),
        ("join_url", "joinUrl", None),
        ("subject", "subject", None),
        ("is_cancelled", "isCancelled", None),
        (
            "participants",
            "participants",
            _rt.model("meeting_participants", "MeetingParticipants"),
        ),
        ("is_broadcast", "isBroadcast", None),
        ("access_level", "accessLevel", _rt.enum("access_level", "AccessLevel")),
        (
            "capabilities",
            "capabilities",
            _rt.collection(_rt.enum("meeting_capabilities", "MeetingCapabilities")),
        ),
        (
            "audio_conferencing",
            "audioConferencing",
            _rt.model("audio_conferencing", "AudioConferencing"),
        ),
        ("chat_info", "chatInfo", _rt.model("chat_info", "ChatInfo")),
        ("video_teleconference_id", "videoTeleconferenceId", None),
    )
