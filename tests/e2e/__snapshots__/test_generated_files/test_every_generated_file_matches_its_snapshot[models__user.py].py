"""User: generated from resources/user.md:9 by gen-graph. Do not edit."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import _runtime as _rt
from .entity import Entity

if TYPE_CHECKING:
    from .online_meeting import OnlineMeeting
    from .presence_status import PresenceStatus

_PRESENCE_STATUS = _rt.enum("presence_status", "PresenceStatus")
_USER = _rt.model("user", "User")
_ONLINE_MEETING = _rt.model("online_meeting", "OnlineMeeting")
_ONLINE_MEETING_LIST = _rt.collection(_ONLINE_MEETING)


class User(Entity):
    """
    Represents a user account.
    """

    odata_name: ClassVar[str] = "microsoft.graph.user"

    account_enabled: bool | None | _rt.Unset = _rt.UNSET
    """
    `true` if the account is enabled; otherwise, `false`.
    """

    business_phones: list[str] | None | _rt.Unset = _rt.UNSET
    """
    The telephone numbers for the user.
    """

    created_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    """
    When the user was created, in UTC. Read-only.
    """

    display_name: str | None | _rt.Unset = _rt.UNSET
    """
    The name displayed in the address book for the user.
    """

    mail: str | None | _rt.Unset = _rt.UNSET
    """
    The SMTP address for the user.
    """

    presence: PresenceStatus | str | None | _rt.Unset = _rt.UNSET
    """
    Whether the user can be reached now.
    """

    user_type: str | None | _rt.Unset = _rt.UNSET
    """
    Classifies the account. Possible values are: `Member`, `Guest`.
    """

    manager: User | None | _rt.Unset = _rt.UNSET
    """
    The user's manager. Read-only.
    """

    online_meetings: list[OnlineMeeting] | None | _rt.Unset = _rt.UNSET
    """
    The user's online meetings.
    """

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("account_enabled", "accountEnabled"),
        ("business_phones", "businessPhones"),
        ("created_date_time", "createdDateTime"),
        ("display_name", "displayName"),
        ("mail", "mail"),
        ("presence", "presence"),
        ("user_type", "userType"),
        ("manager", "manager"),
        ("online_meetings", "onlineMeetings"),
    )
    _lazy: ClassVar[tuple[_rt.LazySpec, ...]] = (("created_date_time", _rt.TIMESTAMP),)

    def _read(self, data: Mapping[str, Any]) -> None:
        Entity._read(self, data)
        u = _rt.UNSET
        self.account_enabled = data["accountEnabled"] if "accountEnabled" in data else u
        self.business_phones = (
            _rt.SCALARS.decode(data["businessPhones"])
            if "businessPhones" in data
            else u
        )
        _CREATED_DATE_TIME.put(
            self, (data["createdDateTime"],) if "createdDateTime" in data else u
        )
        self.display_name = data["displayName"] if "displayName" in data else u
        self.mail = data["mail"] if "mail" in data else u
        self.presence = (
            _PRESENCE_STATUS.decode(data["presence"]) if "presence" in data else u
        )
        self.user_type = data["userType"] if "userType" in data else u
        self.manager = _USER.decode(data["manager"]) if "manager" in data else u
        self.online_meetings = (
            _ONLINE_MEETING_LIST.decode(data["onlineMeetings"])
            if "onlineMeetings" in data
            else u
        )

    def _write(self, out: dict[str, Any]) -> None:
        Entity._write(self, out)
        u = _rt.UNSET
        v: Any
        if (v := self.account_enabled) is not u:
            out["accountEnabled"] = v
        if (v := self.business_phones) is not u:
            out["businessPhones"] = v
        _CREATED_DATE_TIME.write(self, out)
        if (v := self.display_name) is not u:
            out["displayName"] = v
        if (v := self.mail) is not u:
            out["mail"] = v
        if (v := self.presence) is not u:
            out["presence"] = _PRESENCE_STATUS.encode(v)
        if (v := self.user_type) is not u:
            out["userType"] = v
        if (v := self.manager) is not u:
            out["manager"] = _USER.encode(v)
        if (v := self.online_meetings) is not u:
            out["onlineMeetings"] = _ONLINE_MEETING_LIST.encode(v)


_CREATED_DATE_TIME = _rt.lazy(User, "created_date_time")
