"""Through the pipeline: a prose-only edit patches the last model instead of building it again
(incremental/patch.py), and every run gives what a run without any cache gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.incremental import Cache, Layer
from generator.pipeline import Run, generate
from tests.incremental.conftest import make_docs


def cached(docs: Path, cache: Path) -> Run:
    store = Layer(cache)
    run = generate(docs, "sdk", incremental=store)
    store.save()
    return run


def same_as_without_cache(run: Run, docs: Path) -> None:
    fresh = generate(docs, "sdk")
    assert {f.path: f.text for f in run.files} == {f.path: f.text for f in fresh.files}
    assert run.diagnostics.sorted() == fresh.diagnostics.sorted()
    assert run.model == fresh.model


def test_prose_edits_patch_and_other_edits_build(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    first = cached(docs, tmp_path / "cache")
    assert "build" in first.timings and "patch" not in first.timings

    page = docs / "resources" / "widget1.md"
    text = page.read_text()
    page.write_text(
        text.replace(
            "\n## Properties", "\nA new paragraph.\n\nAnother one.\n\n## Properties"
        ).replace("The name of widget 1.", "What widget 1 is called.")
    )
    prose = cached(docs, tmp_path / "cache")
    assert "patch" in prose.timings and "build" not in prose.timings
    assert prose.parsed == 1
    same_as_without_cache(prose, docs)
    widget = next(t for t in prose.model.types if t.name == "widget1")
    assert widget.properties[0].description == "What widget 1 is called."
    assert widget.properties[0].source.line > first_line(first, "widget1")

    # the patched record is the base of the next edit
    seed = docs / "api" / "create-onlinemeetings.md"
    seed.write_text(seed.read_text().replace("\n## ", "\nSome more words.\n\n## ", 1))
    again = cached(docs, tmp_path / "cache")
    assert "patch" in again.timings
    same_as_without_cache(again, docs)

    page.write_text(page.read_text().replace("| Int32 |", "| Int64 |"))  # a type changes
    typed = cached(docs, tmp_path / "cache")
    assert "build" in typed.timings and "patch" in typed.timings  # tried, refused, built
    same_as_without_cache(typed, docs)

    (docs / "resources" / "widget2.md").unlink()  # a page removed
    removed = cached(docs, tmp_path / "cache")
    assert "build" in removed.timings
    same_as_without_cache(removed, docs)


def first_line(run: Run, name: str) -> int:
    widget = next(t for t in run.model.types if t.name == name)
    return widget.properties[0].source.line


def test_the_build_record_repickles_only_what_a_patch_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.incremental import record
    from generator.model import StructuredType

    docs = make_docs(tmp_path / "docs", widgets=3)
    cached(docs, tmp_path / "cache")
    page = docs / "resources" / "widget1.md"
    page.write_text(page.read_text().replace("\n## Properties", "\nMore words.\n\n## Properties"))
    pickled: list[object] = []
    dumps = record.serialize.dumps

    def counting(value: object) -> bytes:
        pickled.append(value)
        return dumps(value)

    monkeypatch.setattr(record.serialize, "dumps", counting)
    patched = cached(docs, tmp_path / "cache")
    assert "patch" in patched.timings
    elements = [v for v in pickled if isinstance(v, StructuredType)]
    assert [e.name for e in elements] == ["widget1"]  # the only element whose lines moved
    groups = [v for v in pickled if isinstance(v, tuple) and len(v) == 2]
    assert len(groups) == 1  # widget1's module, rendered again; the other groups' bytes reused
    monkeypatch.undo()
    saved = Cache(tmp_path / "cache").last_build()
    assert saved is not None and saved.model == generate(docs, "sdk").model


def test_pages_left_unread_are_read_when_a_parse_needs_them(tmp_path: Path) -> None:
    """A stat scan leaves trusted pages unread (incremental/inputs.py); the pipeline reads them
    only for a parse the cache lacks, and sees what they hold by then: an edit made after the
    scan (new digest), a page gone (GG001, left out)."""
    from generator.diagnostics import Diagnostics
    from generator.inputs import Source, read_sources

    docs = make_docs(tmp_path / "docs", widgets=2)
    scanned = read_sources(docs, Diagnostics())
    unread = [Source(s.path, b"", s.digest, unread=True) for s in scanned]
    page = docs / "resources" / "widget0.md"
    page.write_text(page.read_text().replace("| Int32 |", "| Int64 |"))
    (docs / "resources" / "widget1.md").unlink()
    asked: list[str] = []

    class Reading(Layer):
        def read(self, sources: list[Source], diagnostics: Diagnostics) -> list[Source]:
            asked.extend(s.path for s in sources)
            return super().read(sources, diagnostics)

    layer = Reading(tmp_path / "cache")
    layer.scan(docs, Diagnostics())  # the folder the layer reads from
    run = generate(docs, "sdk", incremental=layer, preloaded=(unread, Diagnostics()))
    assert sorted(asked) == sorted(s.path for s in scanned)  # an empty cache: every parse
    assert run.pages == len(scanned) - 1
    assert "resources/widget1.md" not in {s.path for s in run.sources}
    assert any(d.code == "GG001" for d in run.diagnostics.items)
    edited = next(s for s in run.sources if s.path == "resources/widget0.md")
    assert edited.digest != next(s.digest for s in scanned if s.path == edited.path)
    fresh = generate(docs, "sdk")  # the same, but for the GG001 of the page that went away
    assert {f.path: f.text for f in run.files} == {f.path: f.text for f in fresh.files}
    assert run.model == fresh.model
