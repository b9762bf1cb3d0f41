"""The file of the last build (`build.pickle`): a BuildRecord whose model is kept as one pickle
per type, enum and operation.

A patched build (build/patch.py) changes a few of the model's thousands of elements and shares
the others with the model it was loaded from. Saving it then pickles only the new elements and
reuses the bytes the others were loaded from; pickling the whole model again took most of a
one-page run's save. Elements are matched by identity, and each is held with its bytes, so an
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
        model = record.model
        known: dict[int, tuple[object, bytes]] = {}
        parts = tuple(
            tuple(self._bytes(element, known) for element in elements)
            for elements in (model.types, model.enums, model.operations)
        )
        self.known = known  # the elements of this record only: memory stays bounded (--watch)
        from generator.model import ApiModel

        rest = replace(record, model=ApiModel())  # the model goes in `parts`
        return serialize.dumps((rest, parts))

    def loads(self, data: bytes) -> BuildRecord | None:
        from generator.model import ApiModel

        rest, parts = serialize.loads(data)
        if not isinstance(rest, BuildRecord) or not isinstance(parts, tuple) or len(parts) != 3:
            return None
        groups = []
        for blobs in parts:
            elements = []
            for blob in blobs:
                element = serialize.loads(blob)
                self.known[id(element)] = (element, blob)
                elements.append(element)
            groups.append(tuple(elements))
        rest.model = ApiModel(types=groups[0], enums=groups[1], operations=groups[2])
        return rest

    def _bytes(self, element: object, known: dict[int, tuple[object, bytes]]) -> bytes:
        found = self.known.get(id(element))
        blob = found[1] if found is not None and found[0] is element else serialize.dumps(element)
        known[id(element)] = (element, blob)
        return blob
