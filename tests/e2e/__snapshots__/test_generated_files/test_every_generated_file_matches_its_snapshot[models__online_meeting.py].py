"""OnlineMeeting: generated from api/create-onlinemeetings.md:10 by gen-graph. Do not edit."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import _runtime as _rt
from .entity import Entity

if TYPE_CHECKING:
    from .access_level import AccessLevel
    from .audio_conferencing import AudioConferencing
    from .chat_info import ChatInfo
    from .meeting_capabilities import MeetingCapabilities
    from .meeting_participants import MeetingParticipants

_MEETING_PARTICIPANTS = _rt.model("meeting_participants", "MeetingParticipants")
_ACCESS_LEVEL = _rt.enum("access_level", "AccessLevel")
_MEETING_CAPABILITIES = _rt.enum("meeting_capabilities", "MeetingCapabilities")
_MEETING_CAPABILITIES_LIST = _rt.collection(_MEETING_CAPABILITIES)
_AUDIO_CONFERENCING = _rt.model("audio_conferencing", "AudioConferencing")
_CHAT_INFO = _rt.model("chat_info", "ChatInfo")


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
        ("creation_date_time", "creationDateTime"),
        ("start_date_time", "startDateTime"),
        ("end_date_time", "endDateTime"),
        ("canceled_date_time", "canceledDateTime"),
        ("expiration_date_time", "expirationDateTime"),
        ("entry_exit_announcement", "entryExitAnnouncement"),
        ("join_url", "joinUrl"),
        ("subject", "subject"),
        ("is_cancelled", "isCancelled"),
        ("participants", "participants"),
        ("is_broadcast", "isBroadcast"),
        ("access_level", "accessLevel"),
        ("capabilities", "capabilities"),
        ("audio_conferencing", "audioConferencing"),
        ("chat_info", "chatInfo"),
        ("video_teleconference_id", "videoTeleconferenceId"),
    )
    _lazy: ClassVar[tuple[_rt.LazySpec, ...]] = (
        ("creation_date_time", _rt.TIMESTAMP),
        ("start_date_time", _rt.TIMESTAMP),
        ("end_date_time", _rt.TIMESTAMP),
        ("canceled_date_time", _rt.TIMESTAMP),
        ("expiration_date_time", _rt.TIMESTAMP),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        Entity._read(self, data)
        u = _rt.UNSET
        _CREATION_DATE_TIME.put(
            self, (data["creationDateTime"],) if "creationDateTime" in data else u
        )
        _START_DATE_TIME.put(
            self, (data["startDateTime"],) if "startDateTime" in data else u
        )
        _END_DATE_TIME.put(self, (data["endDateTime"],) if "endDateTime" in data else u)
        _CANCELED_DATE_TIME.put(
            self, (data["canceledDateTime"],) if "canceledDateTime" in data else u
        )
        _EXPIRATION_DATE_TIME.put(
            self, (data["expirationDateTime"],) if "expirationDateTime" in data else u
        )
        self.entry_exit_announcement = (
            data["entryExitAnnouncement"] if "entryExitAnnouncement" in data else u
        )
        self.join_url = data["joinUrl"] if "joinUrl" in data else u
        self.subject = data["subject"] if "subject" in data else u
        self.is_cancelled = data["isCancelled"] if "isCancelled" in data else u
        self.participants = (
            _MEETING_PARTICIPANTS.decode(data["participants"])
            if "participants" in data
            else u
        )
        self.is_broadcast = data["isBroadcast"] if "isBroadcast" in data else u
        self.access_level = (
            _ACCESS_LEVEL.decode(data["accessLevel"]) if "accessLevel" in data else u
        )
        self.capabilities = (
            _MEETING_CAPABILITIES_LIST.decode(data["capabilities"])
            if "capabilities" in data
            else u
        )
        self.audio_conferencing = (
            _AUDIO_CONFERENCING.decode(data["audioConferencing"])
            if "audioConferencing" in data
            else u
        )
        self.chat_info = (
            _CHAT_INFO.decode(data["chatInfo"]) if "chatInfo" in data else u
        )
        self.video_teleconference_id = (
            data["videoTeleconferenceId"] if "videoTeleconferenceId" in data else u
        )

    def _write(self, out: dict[str, Any]) -> None:
        Entity._write(self, out)
        u = _rt.UNSET
        v: Any
        _CREATION_DATE_TIME.write(self, out)
        _START_DATE_TIME.write(self, out)
        _END_DATE_TIME.write(self, out)
        _CANCELED_DATE_TIME.write(self, out)
        _EXPIRATION_DATE_TIME.write(self, out)
        if (v := self.entry_exit_announcement) is not u:
            out["entryExitAnnouncement"] = v
        if (v := self.join_url) is not u:
            out["joinUrl"] = v
        if (v := self.subject) is not u:
            out["subject"] = v
        if (v := self.is_cancelled) is not u:
            out["isCancelled"] = v
        if (v := self.participants) is not u:
            out["participants"] = _MEETING_PARTICIPANTS.encode(v)
        if (v := self.is_broadcast) is not u:
            out["isBroadcast"] = v
        if (v := self.access_level) is not u:
            out["accessLevel"] = _ACCESS_LEVEL.encode(v)
        if (v := self.capabilities) is not u:
            out["capabilities"] = _MEETING_CAPABILITIES_LIST.encode(v)
        if (v := self.audio_conferencing) is not u:
            out["audioConferencing"] = _AUDIO_CONFERENCING.encode(v)
        if (v := self.chat_info) is not u:
            out["chatInfo"] = _CHAT_INFO.encode(v)
        if (v := self.video_teleconference_id) is not u:
            out["videoTeleconferenceId"] = v


_CREATION_DATE_TIME = _rt.lazy(OnlineMeeting, "creation_date_time")
_START_DATE_TIME = _rt.lazy(OnlineMeeting, "start_date_time")
_END_DATE_TIME = _rt.lazy(OnlineMeeting, "end_date_time")
_CANCELED_DATE_TIME = _rt.lazy(OnlineMeeting, "canceled_date_time")
_EXPIRATION_DATE_TIME = _rt.lazy(OnlineMeeting, "expiration_date_time")
