"""The passes of the extract stage: the one place that says which run, in what order, and what
each does.

`PASSES` is data: for each pass, the module and function that run it, a one-line summary, and
how it is called on the state the passes share. `build_model` runs them in that order and in no
other; docs/architecture.md "Extract passes" lists the same passes in the same order with the
same summaries (tests/extract/test_pass_order.py). Module docstrings say what a pass does, never
where it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from generator.diagnostics import Diagnostics
from generator.extract.addresses import hint_from_addresses
from generator.extract.attribution import attribute_operations
from generator.extract.bases import decide_bases
from generator.extract.declare import Declarations, declare_pages
from generator.extract.enums import flags_from_examples, type_enumerated_strings
from generator.extract.examples import declare_from_examples, infer_from_examples
from generator.extract.freeze import freeze
from generator.extract.methods import hint_from_methods
from generator.extract.navigation import navigation_from_paths
from generator.extract.operations import build_operations
from generator.extract.properties import attach_properties
from generator.extract.unions import type_alternatives
from generator.model import ApiModel, Operation
from generator.parse import PageDoc


@dataclass(slots=True)
class Extraction:
    """What the passes share: the pages in path order, the declarations they fill, the
    operations, and at the end the frozen model."""

    docs: list[PageDoc]
    diagnostics: Diagnostics
    found: Declarations = field(default_factory=Declarations)
    operations: list[Operation] = field(default_factory=list)
    model: ApiModel = field(default_factory=ApiModel)


@dataclass(frozen=True, slots=True)
class Pass:
    module: str  # generator/extract/<module>.py
    name: str  # the function of that module the pass runs
    summary: str
    run: Callable[[Extraction], object]

    @property
    def qualified(self) -> str:
        return f"{self.module}.{self.name}"


def _declare(x: Extraction) -> None:
    x.found = declare_pages(x.docs, x.diagnostics)


def _operations(x: Extraction) -> None:
    x.operations = build_operations(x.docs, x.found, x.diagnostics)


def _attribute(x: Extraction) -> None:
    x.operations = attribute_operations(x.docs, x.found, x.operations, x.diagnostics)


def _freeze(x: Extraction) -> None:
    x.model = freeze(x.found, x.operations, x.diagnostics)


PASSES: tuple[Pass, ...] = (
    Pass(
        "declare",
        "declare_pages",
        "every type and enum that some page documents, indexed by name and by page.",
        _declare,
    ),
    Pass(
        "examples",
        "declare_from_examples",
        "types that only example bodies name, by `@odata.type` (GG021).",
        lambda x: declare_from_examples(x.docs, x.found, x.diagnostics),
    ),
    Pass(
        "properties",
        "attach_properties",
        "properties from tables and JSON representations, bases that the page names.",
        lambda x: attach_properties(x.docs, x.found, x.diagnostics),
    ),
    Pass(
        "enums",
        "type_enumerated_strings",
        "String properties that the page shows to be enums.",
        lambda x: type_enumerated_strings(x.docs, x.found, x.diagnostics),
    ),
    Pass(
        "enums",
        "flags_from_examples",
        'flags enums: an example value joins members (`"apps,tabs"`).',
        lambda x: flags_from_examples(x.docs, x.found),
    ),
    Pass(
        "examples",
        "infer_from_examples",
        "properties of inferred types from example values, base hints from polymorphic ones.",
        lambda x: infer_from_examples(x.docs, x.found, x.diagnostics),
    ),
    Pass(
        "navigation",
        "navigation_from_paths",
        "navigation properties that request paths imply (`GET /{set}/{key}/{name}`).",
        lambda x: navigation_from_paths(x.docs, x.found),
    ),
    Pass(
        "operations",
        "build_operations",
        "one operation per page and method: its paths, request and response types, status.",
        _operations,
    ),
    Pass(
        "methods",
        "hint_from_methods",
        "base hints where a Methods table names a base of the type an API page returns.",
        lambda x: hint_from_methods(x.docs, x.found),
    ),
    Pass(
        "addresses",
        "hint_from_addresses",
        "base hints where a value sits at an address (`Location`, `@odata.id`) typed otherwise.",
        lambda x: hint_from_addresses(x.docs, x.found),
    ),
    Pass(
        "bases",
        "decide_bases",
        "bases that nothing names outright, from the hints; entity or complex.",
        lambda x: decide_bases(x.found, x.diagnostics),
    ),
    Pass(
        "unions",
        "type_alternatives",
        "`[a](..) or [b](..)` type cells typed as the base the alternatives share (GG034).",
        lambda x: type_alternatives(x.docs, x.found, x.diagnostics),
    ),
    Pass(
        "attribution",
        "attribute_operations",
        "which page owns each request several document (GG035), what each path answers.",
        _attribute,
    ),
    Pass(
        "freeze",
        "freeze",
        "cycles broken (GG026), inherited properties dropped, all sorted into the model.",
        _freeze,
    ),
)


def build_model(docs: list[PageDoc], diagnostics: Diagnostics) -> ApiModel:
    # the pages in path order: the order they come in never changes the result
    extraction = Extraction(sorted(docs, key=lambda d: d.path), diagnostics)
    for step in PASSES:
        step.run(extraction)
    return extraction.model


__all__ = ["PASSES", "Pass", "build_model"]
