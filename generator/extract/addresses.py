"""Base hints from the addresses of example values.

A response that says where its value lives (`Location: .../calls/{id}/operations/{id}`, or an
object's `@odata.id`) places the value in a navigation whose type the docs give
(`call.operations`: `commsOperation`); a value of another type there (`@odata.type`
`muteParticipantOperation`) derives from it. A hint of example rank, kept only when the type
shows the base's properties (extract/bases.py).
"""

from __future__ import annotations

from generator.extract.declare import Declarations
from generator.extract.drafts import EXAMPLE
from generator.extract.navigation import addressed_type, navigation_types
from generator.extract.properties import hint_base
from generator.parse import PageDoc


def hint_from_addresses(docs: list[PageDoc], found: Declarations) -> None:
    navigations = navigation_types(found)  # this pass adds hints, never properties
    for doc in docs:
        for example in doc.examples:
            if example.kind != "response":
                continue
            for named, address in example.placed:
                concrete = found.types.get(found.index.lookup(named) or "")
                expected = addressed_type(address, found, navigations)
                if concrete is not None and expected not in (None, concrete.qualified):
                    hint_base(concrete, expected, EXAMPLE, example.source)
