"""AttachmentItem: generated from resources/attachmentitem.md:10 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _runtime as _rt


class AttachmentItem(_rt.GraphModel):
    """
    Represents attributes of an item to be attached.
    """

    odata_name: ClassVar[str] = "microsoft.graph.attachmentItem"

    attachment_type: str | None | _rt.Unset = _rt.UNSET
    """
    The type of attachment. Possible values are: `file`, `item`, `reference`.
    Required.
    """

    content_type: str | None | _rt.Unset = _rt.UNSET
    """
    The nature of the data in the attachment. Optional.
    """

    is_inline: bool | None | _rt.Unset = _rt.UNSET
    """
    `true` if the attachment is an inline attachment; otherwise, `false`. Optional.
    """

    name: str | None | _rt.Unset = _rt.UNSET
    """
    The display name of the attachment. This can be a descriptive string and does
    not have to be the actual file name. Required.
    """

    size: int | None | _rt.Unset = _rt.UNSET
    """
    The length of the attachment in bytes. Required.
    """

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("attachment_type", "attachmentType"),
        ("content_type", "contentType"),
        ("is_inline", "isInline"),
        ("name", "name"),
        ("size", "size"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.attachment_type = data["attachmentType"] if "attachmentType" in data else u
        self.content_type = data["contentType"] if "contentType" in data else u
        self.is_inline = data["isInline"] if "isInline" in data else u
        self.name = data["name"] if "name" in data else u
        self.size = data["size"] if "size" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.attachment_type) is not u:
            out["attachmentType"] = v
        if (v := self.content_type) is not u:
            out["contentType"] = v
        if (v := self.is_inline) is not u:
            out["isInline"] = v
        if (v := self.name) is not u:
            out["name"] = v
        if (v := self.size) is not u:
            out["size"] = v
