"""AudioConferencing: generated from api/create-onlinemeetings.md:138 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _runtime as _rt


class AudioConferencing(_rt.GraphModel):
    """
    The audioConferencing type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.audioConferencing"

    conference_id: str | None | _rt.Unset = _rt.UNSET
    toll_number: str | None | _rt.Unset = _rt.UNSET
    toll_free_number: str | None | _rt.Unset = _rt.UNSET
    dialin_url: str | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("conference_id", "conferenceId"),
        ("toll_number", "tollNumber"),
        ("toll_free_number", "tollFreeNumber"),
        ("dialin_url", "dialinUrl"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.conference_id = data["conferenceId"] if "conferenceId" in data else u
        self.toll_number = data["tollNumber"] if "tollNumber" in data else u
        self.toll_free_number = (
            data["tollFreeNumber"] if "tollFreeNumber" in data else u
        )
        self.dialin_url = data["dialinUrl"] if "dialinUrl" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.conference_id) is not u:
            out["conferenceId"] = v
        if (v := self.toll_number) is not u:
            out["tollNumber"] = v
        if (v := self.toll_free_number) is not u:
            out["tollFreeNumber"] = v
        if (v := self.dialin_url) is not u:
            out["dialinUrl"] = v
