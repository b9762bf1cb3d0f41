"""The passes of the build stage, in their fixed, named order (see extract/__init__.py)."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.extract.addresses import hint_from_addresses
from generator.extract.attribution import attribute_operations
from generator.extract.bases import decide_bases
from generator.extract.declare import declare_pages
from generator.extract.enums import flags_from_examples, type_enumerated_strings
from generator.extract.examples import declare_from_examples, infer_from_examples
from generator.extract.freeze import freeze
from generator.extract.methods import hint_from_methods
from generator.extract.navigation import navigation_from_paths
from generator.extract.operations import build_operations
from generator.extract.properties import attach_properties
from generator.extract.unions import type_alternatives
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
    operations = attribute_operations(ordered, found, operations, diagnostics)
    return freeze(found, operations, diagnostics)


__all__ = ["build_model"]
