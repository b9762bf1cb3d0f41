"""CreateUploadSessionRequest: generated from api/attachment-createuploadsession.md:51 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from .. import _runtime as _rt

if TYPE_CHECKING:
    from .attachment_item import AttachmentItem

_ATTACHMENT_ITEM = _rt.model("attachment_item", "AttachmentItem")


class CreateUploadSessionRequest(_rt.GraphModel):
    """
    The parameters of attachment: createUploadSession.
    """

    odata_name: ClassVar[str] = "microsoft.graph.createUploadSessionRequest"

    attachment_item: AttachmentItem | None | _rt.Unset = _rt.UNSET
    """
    Represents attributes of the item to be uploaded and attached. At minimum,
    specify the attachment type (`file`), a name, and the size of the file.
    """

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("attachment_item", "AttachmentItem"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.attachment_item = (
            _ATTACHMENT_ITEM.decode(data["AttachmentItem"])
            if "AttachmentItem" in data
            else u
        )

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.attachment_item) is not u:
            out["AttachmentItem"] = _ATTACHMENT_ITEM.encode(v)
