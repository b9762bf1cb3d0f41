"""AccessLevel: generated from api/create-onlinemeetings.md:61 by gen-graph. Do not edit."""

from __future__ import annotations

from enum import Enum
from typing import ClassVar


class AccessLevel(str, Enum):
    """
    The accessLevel enumeration.

    Open enum: values the service adds later are read as plain strings, never dropped.
    """

    odata_name: ClassVar[str]

    EVERYONE = "everyone"

    INVITED = "invited"

    LOCKED = "locked"

    SAME_ENTERPRISE = "sameEnterprise"

    SAME_ENTERPRISE_AND_FEDERATED = "sameEnterpriseAndFederated"

    def __str__(self) -> str:
        return str(self.value)


AccessLevel.odata_name = "microsoft.graph.accessLevel"
