"""The passes of the build stage, in their fixed, named order (see build/__init__.py)."""

from __future__ import annotations

from generator.build.addresses import hint_from_addresses
from generator.build.bases import decide_bases
from generator.build.declare import declare_pages
from generator.build.enums import flags_from_examples, type_enumerated_strings
from generator.build.examples import declare_from_examples, infer_from_examples
from generator.build.freeze import freeze
from generator.build.methods import hint_from_methods
from generator.build.navigation import navigation_from_paths
from generator.build.operations import build_operations
from generator.build.properties import attach_properties
from generator.build.unions import type_alternatives
from generator.diagnostics import Diagnostics
from generator.model import ApiModel
from generator.parse import PageDoc


def build_model(docs: list[PageDoc], diagnostics: Diagnostics) -> ApiModel:
    ordered = sorted(docs, key=lambda d: d.path)  # page order never changes the result
    found = declare_pages(ordered, diagnostics)
    declare_from_examples(ordered, found, diagnostics)
    attach_properties(ordered, found, diagnostics)
    type_enumerated_strings(ordered, found, diagnostics)
    flags_from_examples(ordered, found)
    infer_from_examples(ordered, found, diagnostics)
    navigation_from_paths(ordered, found)
    operations = build_operations(ordered, found, diagnostics)
    hint_from_methods(ordered, found)
    hint_from_addresses(ordered, found)
    decide_bases(found, diagnostics)
    type_alternatives(ordered, found, diagnostics)
    return freeze(found, operations, diagnostics)


__all__ = ["build_model"]
