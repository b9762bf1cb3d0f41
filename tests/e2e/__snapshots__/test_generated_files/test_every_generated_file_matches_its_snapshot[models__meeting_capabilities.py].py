"""MeetingCapabilities: generated from api/create-onlinemeetings.md:62 by gen-graph. Do not edit."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar


class MeetingCapabilities(str, Enum):
    """
    The meetingCapabilities enumeration.

    Open enum: values the service adds later are read as plain strings, never dropped.
    """

    odata_name: ClassVar[str]

    QUESTION_AND_ANSWER = "questionAndAnswer"

    UNKNOWN_FUTURE_VALUE = "unknownFutureValue"

    def __str__(self) -> str:
        return str(self.value)


MeetingCapabilities.odata_name = "microsoft.graph.meetingCapabilities"
