"""Base hints from Methods tables.

A resource page's Methods table gives each API page's return type as the resource documents it;
the API page itself may name a more specific type (call.md: "Invite participants" returns
`commsOperation`, participant-invite.md returns `inviteParticipantsOperation`). The specific
type then derives from the one the table names: a hint of example rank, kept only when the type
shows the base's properties (extract/bases.py).
"""

from __future__ import annotations

from generator.extract.declare import Declarations
from generator.extract.drafts import EXAMPLE
from generator.extract.navigation import methods_rows, response_target
from generator.extract.properties import hint_base
from generator.parse import PageDoc


def hint_from_methods(docs: list[PageDoc], found: Declarations) -> None:
    by_path = {doc.path.lower(): doc for doc in docs}
    for row in methods_rows(docs, found):
        api = by_path.get(row.page)
        if api is None:
            continue
        concrete = response_target(api, found)
        if concrete is not None and concrete[0] != row.declared:
            hint_base(found.types[concrete[0]], row.declared, EXAMPLE, row.source)
