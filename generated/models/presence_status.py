"""PresenceStatus: generated from resources/user.md:37 by gen-graph. Do not edit."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar


class PresenceStatus(str, Enum):
    """
    The presenceStatus enumeration.

    Open enum: values the service adds later are read as plain strings, never dropped.
    """

    odata_name: ClassVar[str]

    AVAILABLE = "available"
    """
    The user is available.
    """

    BUSY = "busy"
    """
    The user is busy.
    """

    AWAY = "away"
    """
    The user is away.
    """

    OFFLINE = "offline"
    """
    The user is offline.
    """

    UNKNOWN_FUTURE_VALUE = "unknownFutureValue"
    """
    Evolvable enumeration sentinel value. Do not use.
    """

    def __str__(self) -> str:
        return str(self.value)


PresenceStatus.odata_name = "microsoft.graph.presenceStatus"
