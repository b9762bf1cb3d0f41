"""The cache's pickling: what is loaded equals what was dumped, for every kind of object."""

from __future__ import annotations

import pickle
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.diagnostics import Diagnostics
from generator.incremental import serialize
from generator.load import read_page
from generator.parse import parse_page
from tests.conftest import ROOT
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


def test_another_process_loads_what_this_one_dumped(tmp_path: Path) -> None:
    """The functions that rebuild each class are made on first use: a fresh process that has
    never dumped anything finds them by name."""
    docs = make_docs(tmp_path / "docs", widgets=1)
    page = docs / "resources" / "widget0.md"
    diagnostics = Diagnostics()
    doc = parse_page(read_page("resources/widget0.md", page.read_bytes(), diagnostics), diagnostics)
    entry = (doc, tuple(diagnostics.items), Frozen(name="n", items=(1,)))
    (tmp_path / "ours").write_bytes(serialize.dumps(entry))
    (tmp_path / "plain").write_bytes(pickle.dumps(entry))
    code = (
        "import pickle, sys; from pathlib import Path; from generator.incremental import serialize; "
        "d = Path(sys.argv[1]); "
        "ours = serialize.loads((d / 'ours').read_bytes()); "
        "print(ours == pickle.loads((d / 'plain').read_bytes()), type(ours[0]).__name__)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.stdout.split() == ["True", "PageDoc"], done.stderr


def test_a_class_that_changed_since_it_was_pickled_is_not_loaded() -> None:
    data = serialize.dumps(Frozen(name="x"))
    fields = serialize._FIELDS[Frozen]
    try:  # as if Frozen had lost a field since: the tuple no longer fits
        serialize._FIELDS[Frozen] = fields[:-1]  # type: ignore[index]
        for made in [k for k in vars(serialize) if k.startswith("_new_")]:
            delattr(serialize, made)
        serialize._REBUILDERS.clear()
        with pytest.raises(pickle.UnpicklingError):
            serialize.loads(data)
    finally:
        serialize._FIELDS[Frozen] = fields
        serialize._REBUILDERS.clear()
        for made in [k for k in vars(serialize) if k.startswith("_new_")]:
            delattr(serialize, made)
    assert serialize.loads(data) == Frozen(name="x")
