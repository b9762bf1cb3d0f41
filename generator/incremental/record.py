"""The last build: a BuildRecord, kept as a small index (`build.pickle`) naming values in a
pack (`build.pack`, pack.py): one pickle per type, enum and operation of the model, per page
shape and per group of rendered files, and one for each index of incremental/reach.py.

A patched build (incremental/patch.py) changes a few of the model's thousands of elements and shares
the others with the model it was loaded from; render reuses most groups as loaded. Saving then
pickles only the new values and names the bytes the others were loaded from; page shapes and
rendered groups are read from the pack only when looked up (`Stored`). Values are matched by
identity, and each is held with where it was read, so an id is never reused while its entry
lives.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from generator.diagnostics import Diagnostic
from generator.incremental import serialize
from generator.incremental.pack import Located, Pack, open_pack, save_values

if TYPE_CHECKING:
    from generator.incremental.reach import ModelReach
    from generator.incremental.shape import PageShape
    from generator.model import ApiModel

V = TypeVar("V")


@dataclass(slots=True)
class BuildRecord:
    """The last full or patched build (build.py): what it was built from and what it gave."""

    digests: dict[str, str]  # page path -> sha256 of its bytes
    shapes: Mapping[str, PageShape]
    parse_diagnostics: dict[str, tuple[Diagnostic, ...]]
    build_diagnostics: tuple[Diagnostic, ...]
    model: ApiModel
    held: Mapping[str, int]  # description -> pages holding it (incremental/reach.py)
    reach: ModelReach
    # the files rendered from this model, by group, with their diagnostics (incremental/reuse.py)
    rendered: Mapping[str, Any] = field(default_factory=dict)


class Stored(Mapping[str, V]):
    """A mapping whose values are read from a pack when first looked up."""

    __slots__ = ("_codec", "_located", "_values")

    def __init__(
        self, codec: RecordCodec, located: dict[str, Located | None], values: dict[str, V]
    ) -> None:
        self._codec = codec
        self._located = located  # every key, in order; None: the value is in _values only
        self._values = values  # looked up or given

    def __getitem__(self, key: str) -> V:
        try:
            return self._values[key]
        except KeyError:
            pass
        where = self._located[key]
        if where is None:
            raise KeyError(key)
        value: V = self._codec.load(where)
        self._values[key] = value
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._located)

    def __len__(self) -> int:
        return len(self._located)

    def __contains__(self, key: object) -> bool:
        return key in self._located

    def unread(self, key: str) -> Located | None:
        """Where the value of `key` is, when it was never looked up: its bytes are its pickle,
        saving it again needs neither pickling nor loading."""
        return self._located[key] if key not in self._values else None

    def updated(self, changes: Mapping[str, V]) -> Stored[V]:
        located = dict(self._located)
        located.update(dict.fromkeys(changes))
        values = dict(self._values)
        values.update(changes)
        return Stored(self._codec, located, values)


def updated(mapping: Mapping[str, V], changes: Mapping[str, V]) -> Mapping[str, V]:
    """`mapping` with the values of `changes`; a Stored one stays lazy."""
    if isinstance(mapping, Stored):
        return mapping.updated(changes)
    return {**mapping, **changes}


_INLINE = ("digests", "parse_diagnostics", "build_diagnostics")


@dataclass(slots=True)
class RecordCodec:
    known: dict[int, tuple[object, Located]] = field(default_factory=dict)  # id -> (value, where)
    pack: Pack | None = None  # the pack this record was read from or last saved to

    def load(self, where: Located) -> Any:
        value = serialize.loads(where[0].read(where[1]))
        self.known[id(value)] = (value, where)
        return value

    def loads(self, index: bytes, pack_path: Path) -> BuildRecord | None:
        """The record `index` names, or None when its pack is not the one at pack_path."""
        pack_id, inline, model, shapes, rendered, held, reach = serialize.loads(index)
        pack = self.pack = open_pack(pack_path, pack_id)
        if pack is None or not isinstance(inline, tuple) or len(inline) != len(_INLINE):
            return None
        from generator.model import ApiModel

        parts = [tuple(self.load((pack, ref)) for ref in refs) for refs in model]
        digests, parse_diagnostics, build_diagnostics = inline
        return BuildRecord(
            digests=digests,
            parse_diagnostics=parse_diagnostics,
            build_diagnostics=build_diagnostics,
            model=ApiModel(types=parts[0], enums=parts[1], operations=parts[2]),
            shapes=Stored(self, {key: (pack, ref) for key, ref in shapes.items()}, {}),
            rendered=Stored(self, {key: (pack, ref) for key, ref in rendered.items()}, {}),
            held=self.load((pack, held)),
            reach=self.load((pack, reach)),
        )

    def dumps(self, record: BuildRecord, pack_path: Path) -> bytes:
        """Store the record's values in the pack at pack_path; the index that names them.
        Raises OSError when the pack cannot be written."""
        values: list[Located | bytes] = []
        placed: dict[int, tuple[object, int]] = {}  # id -> (value, its place in values)

        def place(value: object) -> int:
            found = placed.get(id(value))
            if found is not None and found[0] is value:
                return found[1]
            known = self.known.get(id(value))
            if known is not None and known[0] is value:
                values.append(known[1])
            else:
                values.append(serialize.dumps(value))
            placed[id(value)] = (value, len(values) - 1)
            return len(values) - 1

        def place_all(mapping: Mapping[str, Any]) -> dict[str, int]:
            at: dict[str, int] = {}
            for key in mapping:
                where = mapping.unread(key) if isinstance(mapping, Stored) else None
                if where is not None:
                    values.append(where)
                    at[key] = len(values) - 1
                else:
                    at[key] = place(mapping[key])
            return at

        model = record.model
        model_at = [
            [place(e) for e in part] for part in (model.types, model.enums, model.operations)
        ]
        shapes_at, rendered_at = place_all(record.shapes), place_all(record.rendered)
        held_at, reach_at = place(record.held), place(record.reach)
        pack, refs = save_values(pack_path, self.pack, values)
        self.pack = pack
        # the values of this record only, where they are now: memory stays bounded (--watch)
        self.known = {key: (value, (pack, refs[at])) for key, (value, at) in placed.items()}
        inline = tuple(getattr(record, name) for name in _INLINE)
        return serialize.dumps(
            (
                pack.id,
                inline,
                tuple(tuple(refs[at] for at in part) for part in model_at),
                {key: refs[at] for key, at in shapes_at.items()},
                {key: refs[at] for key, at in rendered_at.items()},
                refs[held_at],
                refs[reach_at],
            )
        )
