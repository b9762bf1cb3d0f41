"""ChatInfo: generated from api/create-onlinemeetings.md:145 by gen-graph. Do not edit."""

from __future__ import annotations

from typing import ClassVar

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
        ("thread_id", "threadId", None),
        ("message_id", "messageId", None),
        ("reply_chain_message_id", "replyChainMessageId", None),
    )
