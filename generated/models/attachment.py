"""Attachment: generated from resources/attachment.md:10 by gen-graph. Do not edit."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _runtime as _rt
from .entity import Entity


class Attachment(Entity):
    """
    You can add related content to an event,
    """

    odata_name: ClassVar[str] = "microsoft.graph.attachment"

    content_type: str | None | _rt.Unset = _rt.UNSET
    """
    The MIME type.
    """

    is_inline: bool | None | _rt.Unset = _rt.UNSET
    """
    `true` if the attachment is an inline attachment; otherwise, `false`.
    """

    last_modified_date_time: _dt.datetime | None | _rt.Unset = _rt.UNSET
    """
    The Timestamp type represents date and time information using ISO 8601 format
    and is always in UTC time. For example, midnight UTC on Jan 1, 2014 is
    `2014-01-01T00:00:00Z`
    """

    name: str | None | _rt.Unset = _rt.UNSET
    """
    The attachment's file name.
    """

    size: int | None | _rt.Unset = _rt.UNSET
    """
    The length of the attachment in bytes.
    """

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("content_type", "contentType"),
        ("is_inline", "isInline"),
        ("last_modified_date_time", "lastModifiedDateTime"),
        ("name", "name"),
        ("size", "size"),
    )
    _lazy: ClassVar[tuple[_rt.LazySpec, ...]] = (
        ("last_modified_date_time", _rt.TIMESTAMP),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        Entity._read(self, data)
        u = _rt.UNSET
        self.content_type = data["contentType"] if "contentType" in data else u
        self.is_inline = data["isInline"] if "isInline" in data else u
        _LAST_MODIFIED_DATE_TIME.put(
            self,
            (data["lastModifiedDateTime"],) if "lastModifiedDateTime" in data else u,
        )
        self.name = data["name"] if "name" in data else u
        self.size = data["size"] if "size" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        Entity._write(self, out)
        u = _rt.UNSET
        v: Any
        if (v := self.content_type) is not u:
            out["contentType"] = v
        if (v := self.is_inline) is not u:
            out["isInline"] = v
        _LAST_MODIFIED_DATE_TIME.write(self, out)
        if (v := self.name) is not u:
            out["name"] = v
        if (v := self.size) is not u:
            out["size"] = v


_LAST_MODIFIED_DATE_TIME = _rt.lazy(Attachment, "last_modified_date_time")
