"""The pack of the last build (incremental/pack.py) and the record stored in it
(incremental/record.py): saves append only what is new, values are read only when looked up, and a pack that is
replaced, cut short or mostly dead never gives a wrong value."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.incremental import Cache, Layer, pack
from generator.incremental.pack import open_pack, save_values
from generator.incremental.record import RecordCodec, Stored
from generator.pipeline import generate
from tests.incremental.conftest import make_docs
from tests.incremental.test_patch_run import cached


def test_a_save_appends_new_values_and_names_the_others_where_they_are(tmp_path: Path) -> None:
    path = tmp_path / "build.pack"
    first, refs = save_values(path, None, [b"alpha", b"beta"])
    assert [bytes(first.read(r)) for r in refs] == [b"alpha", b"beta"]
    size = path.stat().st_size
    second, more = save_values(path, first, [(first, refs[1]), b"gamma"])
    assert second.id == first.id and more[0] == refs[1]  # kept where it was: not written again
    assert path.stat().st_size == size + len(b"gamma")  # only the new bytes were appended
    assert [bytes(second.read(r)) for r in more] == [b"beta", b"gamma"]


def test_a_mostly_dead_pack_is_written_anew_with_only_what_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pack, "_SLACK", 0)
    path = tmp_path / "build.pack"
    first, refs = save_values(path, None, [b"x" * 1000, b"y" * 1000, b"z" * 10])
    second, more = save_values(path, first, [(first, refs[2]), b"w"])
    assert second.id != first.id  # a new pack, new id: the old index names nothing in it
    assert path.stat().st_size < 100
    assert [bytes(second.read(r)) for r in more] == [b"z" * 10, b"w"]
    assert open_pack(path, first.id) is None
    assert bytes(first.read(refs[0])) == b"x" * 1000  # the old mapping still reads the old file


def test_a_pack_replaced_since_it_was_read_is_written_anew(tmp_path: Path) -> None:
    path = tmp_path / "build.pack"
    first, refs = save_values(path, None, [b"old"])
    other, _ = save_values(tmp_path / "other.pack", None, [b"another run's"])
    os.replace(tmp_path / "other.pack", path)
    third, more = save_values(path, first, [(first, refs[0]), b"new"])
    assert third.id not in (first.id, other.id)
    assert [bytes(third.read(r)) for r in more] == [b"old", b"new"]


def test_bytes_an_append_cut_short_left_are_never_read(tmp_path: Path) -> None:
    path = tmp_path / "build.pack"
    first, refs = save_values(path, None, [b"kept"])
    with open(path, "ab") as handle:
        handle.write(b"half of a value")  # a run killed in its append
    second, more = save_values(path, first, [(first, refs[0]), b"next"])
    assert [bytes(second.read(r)) for r in more] == [b"kept", b"next"]
    with pytest.raises(ValueError, match="no value"):
        first.read((refs[0][0], 10_000))


def test_a_record_reads_shapes_and_rendered_groups_only_when_looked_up(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    cached(docs, tmp_path / "cache")
    record = Cache(tmp_path / "cache").last_build()
    assert record is not None
    assert isinstance(record.shapes, Stored) and isinstance(record.rendered, Stored)
    first = next(iter(record.shapes))
    assert record.shapes.unread(first) is not None  # not read by loading the record
    shape = record.shapes[first]
    assert record.shapes.unread(first) is None and record.shapes[first] is shape
    fresh = generate(docs, "sdk").model
    assert record.model == fresh


def test_a_record_saved_twice_by_one_cache_is_read_back_whole(tmp_path: Path) -> None:
    """The second save reuses values the first one placed (and the pack it appended to)."""
    docs = make_docs(tmp_path / "docs", widgets=2)
    layer = Layer(tmp_path / "cache")
    run = generate(docs, "sdk", incremental=layer)
    layer.save()
    store = layer.cache
    record = store.last_build()
    assert record is not None
    store.record_build(record)
    store.save()
    again = Cache(tmp_path / "cache").last_build()
    assert again is not None and again.model == run.model
    assert dict(again.shapes) == dict(record.shapes)
    assert dict(again.rendered).keys() == dict(record.rendered).keys()


def test_an_index_whose_pack_is_gone_is_no_record(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=2)
    cached(docs, tmp_path / "cache")
    (tmp_path / "cache" / "build.pack").unlink()
    assert Cache(tmp_path / "cache").last_build() is None
    run = cached(docs, tmp_path / "cache")  # built from every page, and recorded again
    assert "build" in run.timings
    assert Cache(tmp_path / "cache").last_build() is not None


def test_stored_values_keep_their_identity_through_an_update() -> None:
    codec = RecordCodec()
    stored: Stored[str] = Stored(codec, {"a": None, "b": None}, {"a": "A", "b": "B"})
    changed = stored.updated({"b": "B2", "c": "C"})
    assert list(changed) == ["a", "b", "c"]
    assert changed["a"] is stored["a"] and changed["b"] == "B2" and changed["c"] == "C"
    assert list(stored) == ["a", "b"] and stored["b"] == "B"  # the original is unchanged
