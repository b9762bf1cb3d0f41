"""ChatInfo: generated from api/create-onlinemeetings.md:145 by gen-graph. Do not edit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from .. import _runtime as _rt


class ChatInfo(_rt.GraphModel):
    """
    The chatInfo type.
    """

    odata_name: ClassVar[str] = "microsoft.graph.chatInfo"

    thread_id: str | None | _rt.Unset = _rt.UNSET
    message_id: str | None | _rt.Unset = _rt.UNSET
    reply_chain_message_id: str | None | _rt.Unset = _rt.UNSET

    _wire: ClassVar[tuple[_rt.FieldSpec, ...]] = (
        ("thread_id", "threadId"),
        ("message_id", "messageId"),
        ("reply_chain_message_id", "replyChainMessageId"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = _rt.UNSET
        self.thread_id = data["threadId"] if "threadId" in data else u
        self.message_id = data["messageId"] if "messageId" in data else u
        self.reply_chain_message_id = (
            data["replyChainMessageId"] if "replyChainMessageId" in data else u
        )

    def _write(self, out: dict[str, Any]) -> None:
        u = _rt.UNSET
        v: Any
        if (v := self.thread_id) is not u:
            out["threadId"] = v
        if (v := self.message_id) is not u:
            out["messageId"] = v
        if (v := self.reply_chain_message_id) is not u:
            out["replyChainMessageId"] = v
