"""The file of the last build (`build.pickle`): a BuildRecord whose model is kept as one pickle
per type, enum and operation, and its page shapes and rendered groups as one pickle each.

A patched build (build/patch.py) changes a few of the model's thousands of elements and shares
the others with the model it was loaded from; render reuses most groups as loaded. Saving then
pickles only the new values and reuses the bytes the others were loaded from; pickling the
whole record again took most of a one-page run's save. Elements are matched by identity, and each is held with its bytes, so an
id is never reused while its entry lives.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from generator.cache import serialize
from generator.diagnostics import Diagnostic

if TYPE_CHECKING:
    from generator.build.shape import PageShape
    from generator.model import ApiModel


@dataclass(slots=True)
class BuildRecord:
    """The last full or patched build (pipeline.py): what it was built from and what it gave."""

    digests: dict[str, str]  # page path -> sha256 of its bytes
    shapes: dict[str, PageShape]
    parse_diagnostics: dict[str, tuple[Diagnostic, ...]]
    build_diagnostics: tuple[Diagnostic, ...]
    model: ApiModel
    # the files rendered from this model, by group, with their diagnostics (render/reuse.py)
    rendered: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class RecordCodec:
    known: dict[int, tuple[object, bytes]] = field(default_factory=dict)  # id -> (element, bytes)

    def dumps(self, record: BuildRecord) -> bytes:
        from generator.model import ApiModel

        model = record.model
        known: dict[int, tuple[object, bytes]] = {}
        parts = tuple(
            tuple(self._bytes(element, known) for element in elements)
            for elements in (model.types, model.enums, model.operations)
        )
        shapes = {path: self._bytes(shape, known) for path, shape in record.shapes.items()}
        rendered = {key: self._bytes(group, known) for key, group in record.rendered.items()}
        self.known = known  # the elements of this record only: memory stays bounded (--watch)
        rest = replace(record, model=ApiModel(), shapes={}, rendered={})  # kept apart, below
        return serialize.dumps((rest, parts, shapes, rendered))

    def loads(self, data: bytes) -> BuildRecord | None:
        from generator.model import ApiModel

        rest, parts, shapes, rendered = serialize.loads(data)
        if not isinstance(rest, BuildRecord) or not isinstance(parts, tuple) or len(parts) != 3:
            return None
        groups = [tuple(self._load(blob) for blob in blobs) for blobs in parts]
        rest.model = ApiModel(types=groups[0], enums=groups[1], operations=groups[2])
        rest.shapes = {path: self._load(blob) for path, blob in shapes.items()}
        rest.rendered = {key: self._load(blob) for key, blob in rendered.items()}
        return rest

    def _load(self, blob: bytes) -> Any:
        value = serialize.loads(blob)
        self.known[id(value)] = (value, blob)
        return value

    def _bytes(self, element: object, known: dict[int, tuple[object, bytes]]) -> bytes:
        found = self.known.get(id(element))
        blob = found[1] if found is not None and found[0] is element else serialize.dumps(element)
        known[id(element)] = (element, blob)
        return blob
