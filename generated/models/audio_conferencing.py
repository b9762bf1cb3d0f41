"""AudioConferencing: generated from api/create-onlinemeetings.md:138 by gen-graph. Do not edit."""

from __future__ import annotations

from typing import ClassVar

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
        ("conference_id", "conferenceId", None),
        ("toll_number", "tollNumber", None),
        ("toll_free_number", "tollFreeNumber", None),
        ("dialin_url", "dialinUrl", None),
    )
