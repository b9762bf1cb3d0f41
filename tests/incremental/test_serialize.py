"""The cache's pickling: what is loaded equals what was dumped, for every kind of object."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.cache import serialize
from generator.diagnostics import Diagnostics
from generator.load import read_page
from generator.parse import parse_page
from tests.incremental.conftest import make_docs


@dataclass(frozen=True, slots=True, kw_only=True)
class Frozen:
    name: str
    items: tuple[int, ...] = ()
    hidden: int = field(default=0, init=False)


@dataclass(slots=True)
class Plain:
    value: object
    others: list[object] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Base:
    a: int


@dataclass(frozen=True, slots=True)
class Derived(Base):  # its own slots are not all its fields: pickled as usual
    b: int


def test_slotted_dataclasses_come_back_equal_and_still_frozen() -> None:
    shared = Frozen(name="x", items=(1, 2))
    data = {"k": [shared, shared, Plain(Derived(1, 2), [Plain(None)]), {"set"}, (1.5, b"b")]}
    loaded = serialize.loads(serialize.dumps(data))
    assert loaded == data
    assert loaded["k"][0] is loaded["k"][1]  # shared objects stay shared
    assert type(loaded["k"][2].value) is Derived
    with pytest.raises(AttributeError):
        loaded["k"][0].name = "y"


def test_a_parsed_page_round_trips(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=2)
    for page in sorted(docs.rglob("*.md")):
        rel = page.relative_to(docs).as_posix()
        diagnostics = Diagnostics()
        doc = parse_page(read_page(rel, page.read_bytes(), diagnostics), diagnostics)
        entry = (doc, tuple(diagnostics.items))
        assert serialize.loads(serialize.dumps(entry)) == entry
        assert pickle.loads(serialize.dumps(entry)) == pickle.loads(pickle.dumps(entry))
