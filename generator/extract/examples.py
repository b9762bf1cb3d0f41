"""Types that have no page, inferred from the JSON bodies of examples.

An object whose `@odata.type` names no declared type declares one (GG021, at the line that
names it); properties of such inferred types come from the values seen. Types documented on a
page or in a request-body table are never changed by examples.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from generator.diagnostics import Diagnostics
from generator.extract.declare import Declarations
from generator.extract.drafts import EXAMPLE, PropertyDraft, TypeDraft
from generator.extract.index import qualify
from generator.extract.properties import add_property, hint_base
from generator.extract.values import infer, odata_type
from generator.model.lineage import ancestors
from generator.parse import PageDoc
from generator.parse.document import Example
from generator.source import SourceSpan

_MAX_NODES = 100_000
_NESTED = (dict, list)
_STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')


def declare_from_examples(
    docs: list[PageDoc], found: Declarations, diagnostics: Diagnostics
) -> None:
    for doc in docs:
        for example in doc.examples:
            if example.odata_types:
                _declare_named(example, found, diagnostics)


def infer_from_examples(docs: list[PageDoc], found: Declarations, diagnostics: Diagnostics) -> None:
    for doc in docs:
        for example in doc.examples:
            if example.has_body:
                expected = _expected_type(doc, example, found)
                _walk(example, expected, found)
            _hint_from_annotation(doc, example, found)


def _hint_from_annotation(doc: PageDoc, example: Example, found: Declarations) -> None:
    """The response annotation names the concrete type, the Response prose the declared one:
    `cancelMediaProcessingOperation` where the prose says `commsOperation` derives from it."""
    named = example.annotation.get("@odata.type")
    if example.kind != "response" or not isinstance(named, str) or doc.response_type is None:
        return
    inner = named.strip()
    if inner.lower().startswith("collection(") and inner.endswith(")"):
        inner = inner[len("collection(") : -1]
    concrete = found.types.get(found.index.lookup(inner) or "")
    declared = found.index.resolve(doc.response_type, doc.path)
    if concrete is not None and declared in found.types and declared != concrete.qualified:
        hint_base(concrete, declared, EXAMPLE, example.source)


def _expected_type(doc: PageDoc, example: Example, found: Declarations) -> str | None:
    if example.kind == "request":
        if doc.request_type is not None:
            return found.index.resolve(doc.request_type, doc.path)
        return None
    named = example.annotation.get("@odata.type")
    if isinstance(named, str):
        return found.index.lookup(named)
    if doc.response_type is not None:
        return found.index.resolve(doc.response_type, doc.path)
    return None


def _declare_named(example: Example, found: Declarations, diagnostics: Diagnostics) -> None:
    where = _Lines(example)
    for name in example.odata_types:
        if found.index.lookup(name) is not None:
            continue
        qualified = qualify(name)
        source = where.of(name)
        found.add_type(TypeDraft(qualified, EXAMPLE, source))
        diagnostics.report(
            "GG021",
            source,
            f"type {qualified.rpartition('.')[2]} has no page; inferred from this example's JSON",
        )


class _Lines:
    """The line of the first JSON string with a given text in an example, indexed in one pass
    (searching the text once per key would be quadratic in a body with many keys). The pass
    goes only as far as the texts asked for so far need: most walks ask for none."""

    def __init__(self, example: Example) -> None:
        self.source = example.source
        self.first: dict[str, int] = {}
        self._text = example.text
        self._matches: Iterator[re.Match[str]] | None = None
        self._line = example.source.line
        self._last = 0

    def of(self, text: str) -> SourceSpan:
        line = self.first.get(text)
        if line is None:
            if self._matches is None:
                self._matches = _STRING.finditer(self._text)
            for match in self._matches:
                self._line += self._text.count("\n", self._last, match.start())
                self._last = match.start()
                found = match.group(1)
                self.first.setdefault(found, self._line)
                if found.startswith("#"):
                    self.first.setdefault(found[1:], self._line)
                if text in self.first:
                    line = self.first[text]
                    break
        return self.source if line is None else SourceSpan(self.source.path, line)


def _walk(example: Example, expected: str | None, found: Declarations) -> None:
    stack: list[tuple[Any, str | None]] = [(example.body, expected)]
    where = _Lines(example)
    # a scalar popped from the stack does nothing but count towards _MAX_NODES: in a body too
    # small to reach it, scalars are not pushed at all
    every = example.body_nodes > _MAX_NODES
    seen = 0
    while stack and seen < _MAX_NODES:
        value, expected = stack.pop()
        seen += 1
        if isinstance(value, list):
            stack.extend((item, expected) for item in value if every or isinstance(item, _NESTED))
            continue
        if not isinstance(value, dict):
            continue
        if isinstance(value.get("value"), list) and (len(value) == 1 or "@odata.context" in value):
            stack.append((value.get("value"), expected))
            continue
        name = odata_type(value)
        qualified = found.index.lookup(name) if name else expected
        draft = found.types.get(qualified or "")
        if draft is None:  # an untyped value: only its nested values are walked, untyped
            for key, child in value.items():
                if "@" not in key and (every or isinstance(child, _NESTED)):
                    stack.append((child, None))
            continue
        # a value of type Y where the docs expect X: Y derives from X
        if expected in found.types and qualified != expected:
            hint_base(draft, expected, EXAMPLE, where.of(name or ""))
        for key, child in value.items():
            if "@" in key:
                continue
            known = _property_type(draft, key, found)
            if known is None and draft.rank == EXAMPLE:
                inferred = infer(child, found.index, placeholders=False)
                if inferred is not None:
                    add_property(
                        draft,
                        PropertyDraft(name=key, type=inferred, rank=EXAMPLE, source=where.of(key)),
                        None,
                    )
                    known = inferred.name
            if every or isinstance(child, _NESTED):
                stack.append((child, known))


def _property_type(draft: TypeDraft, key: str, found: Declarations) -> str | None:
    prop = draft.properties.get(key)  # most often there: no walk to set up
    if prop is not None:
        return prop.type.name
    for base in ancestors(draft, found.types):
        prop = base.properties.get(key)
        if prop is not None:
            return prop.type.name
    return None
