"""User: generated from resources/user.md:9 by gen-graph. Do not edit."""

from __future__ import annotations

import datetime as _dt
from typing import TYPE_CHECKING, ClassVar

from .. import _runtime as _rt
from .entity import Entity

if TYPE_CHECKING:
    from .online_meeting import OnlineMeeting
    from .presence_status import PresenceStatus


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
        ("account_enabled", "accountEnabled", None),
        ("business_phones", "businessPhones", None),
        ("created_date_time", "createdDateTime", _rt.TIMESTAMP),
        ("display_name", "displayName", None),
        ("mail", "mail", None),
        ("presence", "presence", _rt.enum("presence_status", "PresenceStatus")),
        ("user_type", "userType", None),
        ("manager", "manager", _rt.model("user", "User")),
        (
            "online_meetings",
            "onlineMeetings",
            _rt.collection(_rt.model("online_meeting", "OnlineMeeting")),
        ),
    )
