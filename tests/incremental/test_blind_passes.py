"""No extract pass decides on a description's text or on a line number (incremental/shape.py
`COPIED_FIELDS`): a patched model (incremental/patch.py) is right only because of it.

Checked as a metamorphic relation. The pages are disguised: every description text becomes a
token of another length and in the reverse order (only emptiness is kept, which may decide),
and every line of a page is moved by a map of its own that keeps the order of the page's
lines (not their distances, nor their order against another page's). The build of the
disguised pages must then decide as the build of the real ones, pass by pass: each function
extract/passes.py calls (found as those it imports from the extract modules, and called
through its namespace) is traced, and what it returns, leaves in its arguments (the drafts)
and reports must be the same in both builds once each description is left as its emptiness
and each line as 0 (also a line a message names). Every pass sees the same disguise, so
passes that match each other's spans still match; the first pass that decides otherwise is
named (tests/corpus/test_patch.py runs it over the whole corpus).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
import zlib
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings

from generator.diagnostics import Diagnostic, Diagnostics
from generator.extract import build_model, passes
from generator.incremental.shape import COPIED_FIELDS
from generator.parse import PageDoc
from generator.parse.document import PropertyRow
from generator.pipeline import parse_source
from generator.source import SourceSpan
from tests.fuzz.pages import SEEDS, page_sets
from tests.incremental.conftest import PAGE

Texts = dict[str, str]
_PLACE = re.compile(r"(\.md):\d+")


def _seed_docs() -> list[PageDoc]:
    pages = dict(SEEDS)
    for n in range(3):
        pages[f"resources/widget{n}.md"] = PAGE.format(n=n, text="A widget")
    return [parse_source(path, text.encode())[0] for path, text in sorted(pages.items())]


def _walk(value: Any, found: list[str]) -> None:
    """Every description text in `value`."""
    kind = type(value)
    if kind is tuple or kind is list:
        for item in value:
            _walk(item, found)
    elif kind is dict:
        for item in value.values():
            _walk(item, found)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in COPIED_FIELDS and type(item) is str:
                found.append(item)
            else:
                _walk(item, found)


def _tokens(docs: list[PageDoc]) -> Texts:
    """Each non-empty description -> a token: other lengths, reverse order, still distinct."""
    found: list[str] = []
    _walk(docs, found)
    texts = sorted({text for text in found if text})
    return {text: "~" * (rank % 7) + f"t{len(texts) - rank:05d}" for rank, text in enumerate(texts)}


def _line(path: str, line: int) -> int:
    """A page's own map of its lines: order kept, distances and the order between pages not."""
    seed = zlib.crc32(path.encode())
    return line * (2 + seed % 3) + 5 + seed % 11


def _disguised(value: Any, texts: Texts) -> Any:
    """`value` with every description replaced by its token and every line moved."""
    kind = type(value)
    if kind is SourceSpan:
        return SourceSpan(value.path, _line(value.path, value.line))
    if kind is tuple or kind is list:
        return kind(_disguised(item, texts) for item in value)
    if kind is dict:
        return {key: _disguised(item, texts) for key, item in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            item = getattr(value, f.name)
            if f.name in COPIED_FIELDS and type(item) is str:
                changes[f.name] = texts.get(item, item)
            else:
                changes[f.name] = _disguised(item, texts)
        return dataclasses.replace(value, **changes)
    return value


def _plain(value: Any) -> Any:
    """`value` as nested tuples, each description left as its emptiness and each line as 0:
    what two builds that decide alike have alike, whatever the texts and lines they copy."""
    kind = type(value)
    if kind is SourceSpan:
        return ("@", value.path)
    if kind in (str, int, float, bool, type(None)):
        return value
    if kind is tuple or kind is list:
        return tuple(_plain(item) for item in value)
    if kind is dict:  # in order: a pass may go through it in order
        return ("{", tuple((_plain(k), _plain(v)) for k, v in value.items()))
    if kind is set or kind is frozenset:
        return ("set", tuple(sorted(repr(_plain(item)) for item in value)))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts = []
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name in COPIED_FIELDS and type(item) is str:
                parts.append((f.name, bool(item)))
            else:
                parts.append((f.name, _plain(item)))
        return (kind.__qualname__, tuple(parts))
    if hasattr(value, "__dict__"):  # a pass's own state (Declarations)
        return (kind.__qualname__, _plain(dict(vars(value))))
    return kind.__qualname__  # functions, caches: no decision of a pass


def _diagnostics(items: list[Diagnostic]) -> tuple[Any, ...]:
    # a message may name another place ("at resources/user.md:42"): a line copied, too
    return tuple(sorted({(d.source.path, d.code, _PLACE.sub(r"\1:#", d.message)) for d in items}))


def _page_passes() -> dict[str, Callable[..., Any]]:
    """The functions passes.py imports from the extract modules and calls by name: the passes,
    in the order passes.py names them."""
    return {
        name: value
        for name, value in vars(passes).items()
        if inspect.isfunction(value)
        and value.__module__.startswith("generator.extract.")
        and value.__module__ != passes.__name__
    }


def _trace(docs: list[PageDoc], monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """The build of `docs`, pass by pass: what each pass returned, left its arguments (the
    drafts, `found`) holding and reported, as `_plain` sees them; then the model."""
    trace: list[tuple[str, Any]] = []

    def traced(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def run_pass(*args: Any) -> Any:
            reported = [a for a in args if isinstance(a, Diagnostics)]
            before = [len(d.items) for d in reported]
            result = function(*args)
            kept = [a for a in args if not isinstance(a, Diagnostics) and not _pages(a)]
            new = [item for d, n in zip(reported, before, strict=True) for item in d.items[n:]]
            trace.append((name, (_plain(result), _plain(kept), _diagnostics(new))))
            return result

        return run_pass

    found = Diagnostics()
    with monkeypatch.context() as patch:
        for name, function in _page_passes().items():
            patch.setattr(passes, name, traced(name, function))
        model = build_model(docs, found)
    trace.append(("the model", (_plain(model), _diagnostics(found.items))))
    return trace


def _pages(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and isinstance(value[0], PageDoc)


def check_blind(docs: list[PageDoc], monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The first pass that decides otherwise on disguised pages (None: none does)."""
    texts = _tokens(docs)
    disguised = [_disguised(doc, texts) for doc in docs]
    real, other = _trace(docs, monkeypatch), _trace(disguised, monkeypatch)
    assert [name for name, _ in real] == [name for name, _ in other]
    assert len(real) >= len(_page_passes()) + 1, "a pass of extract/passes.py was not traced"
    for (name, decided), (_, decided_disguised) in zip(real, other, strict=True):
        if decided != decided_disguised:
            return name
    return None


def test_no_pass_decides_on_descriptions_or_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_blind(_seed_docs(), monkeypatch) is None


def _first_description(doc: PageDoc) -> tuple[PropertyRow, ...]:
    first = min((r.description for r in doc.properties if r.description), default="")
    return tuple(r for r in doc.properties if r.description != first)


def _odd_lines(doc: PageDoc) -> tuple[PropertyRow, ...]:
    return tuple(r for r in doc.properties if r.source.line % 2)


@pytest.mark.parametrize("keep", [_first_description, _odd_lines])
def test_the_disguise_is_seen_by_a_pass_that_reads_a_description_or_a_line(
    monkeypatch: pytest.MonkeyPatch, keep: Callable[[PageDoc], tuple[PropertyRow, ...]]
) -> None:
    """The check catches what it is for: a pass that drops the properties whose description
    sorts first, or whose line is even, makes a different model from disguised pages, and is
    named."""
    attach = passes.attach_properties

    def deciding(ordered: list[PageDoc], *args: Any) -> Any:
        kept = [dataclasses.replace(doc, properties=keep(doc)) for doc in ordered]
        return attach(kept, *args)

    deciding.__module__ = attach.__module__  # one of the passes
    monkeypatch.setattr(passes, "attach_properties", deciding)
    assert check_blind(_seed_docs(), monkeypatch) == "attach_properties"


@settings(max_examples=15)
@given(page_sets())
def test_no_pass_decides_on_descriptions_or_lines_of_hostile_pages(
    pages: dict[str, bytes],
) -> None:
    docs = [parse_source(path, data)[0] for path, data in sorted(pages.items())]
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert check_blind(docs, monkeypatch) is None
