"""`_runtime` from the source tree: UNSET, lossless timestamps and the model base class."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import pickle
from collections.abc import Mapping
from typing import Any, ClassVar

import pytest

from generator.runtime import _runtime as rt


def test_unset_is_falsy_and_distinct_from_none() -> None:
    assert not rt.UNSET
    assert rt.UNSET is not None
    assert repr(rt.UNSET) == "UNSET"
    assert copy.deepcopy(rt.UNSET) is rt.UNSET


def test_unset_keeps_what_the_enum_member_offered_at_run_time() -> None:
    """Type checkers read Unset as a one-member enum; at run time it is a plain class (an
    Enum class costs 0.1 ms to create), with the member's name, value, look-up and pickle."""
    assert (rt.UNSET.name, rt.UNSET.value) == ("UNSET", "UNSET")
    assert rt.Unset.UNSET is rt.UNSET and rt.Unset("UNSET") is rt.UNSET
    assert isinstance(rt.UNSET, rt.Unset) and rt.UNSET is not None
    assert pickle.loads(pickle.dumps(rt.UNSET)) is rt.UNSET
    # what pickle wrote for the enum member: Unset("UNSET"), read back as the one instance
    reduced = (rt.Unset, ("UNSET",))
    assert reduced[0](*reduced[1]) is rt.UNSET
    with pytest.raises(ValueError):
        rt.Unset("other")


def test_a_timestamp_writes_back_the_text_it_was_read_from() -> None:
    text = "2021-07-01T08:00:00.1234567Z"  # seven fractional digits: more than datetime keeps
    stamp = rt.TIMESTAMP.decode(text)
    assert isinstance(stamp, rt.Timestamp)
    assert stamp.microsecond == 123456
    assert stamp.tzinfo == dt.UTC
    assert rt.TIMESTAMP.encode(stamp) == text
    again = pickle.loads(pickle.dumps(stamp))
    assert isinstance(again, rt.Timestamp) and again.raw == text


def test_text_that_is_no_timestamp_is_kept_as_it_is() -> None:
    assert rt.TIMESTAMP.decode("not a date") == "not a date"
    assert rt.TIMESTAMP.encode(dt.datetime(2021, 7, 1, 8)) == "2021-07-01T08:00:00"
    assert rt.DATE.decode("2021-07-01") == dt.date(2021, 7, 1)
    assert rt.DATE.decode("2021-7-1") == "2021-7-1"  # would not be written back the same
    assert rt.TIME_OF_DAY.encode(rt.TIME_OF_DAY.decode("08:00:00.0000000")) == "08:00:00.0000000"


class _Thing(rt.GraphModel):
    """Written as templates/model.py.jinja writes a model: `_wire` names the properties, `_read`
    and `_write` are the class's own straight-line codecs."""

    odata_name: ClassVar[str] = "microsoft.graph.thing"
    display_name: str | None | rt.Unset = rt.UNSET
    created: Any = rt.UNSET
    _wire = (
        ("display_name", "displayName"),
        ("created", "createdDateTime"),
    )

    def _read(self, data: Mapping[str, Any]) -> None:
        u = rt.UNSET
        self.display_name = data["displayName"] if "displayName" in data else u  # noqa: SIM401
        self.created = (
            rt.TIMESTAMP.decode(data["createdDateTime"]) if "createdDateTime" in data else u
        )

    def _write(self, out: dict[str, Any]) -> None:
        u = rt.UNSET
        v: Any
        if (v := self.display_name) is not u:
            out["displayName"] = v
        if (v := self.created) is not u:
            out["createdDateTime"] = rt.TIMESTAMP.encode(v)


def test_a_model_round_trips_unset_null_and_unknown_properties() -> None:
    data = {
        "@odata.type": "#microsoft.graph.thing",
        "displayName": None,
        "createdDateTime": "2021-07-01T08:00:00.1234567Z",
        "extra": [1],
    }
    thing = _Thing.from_dict(data)
    assert thing.display_name is None  # an explicit null, not UNSET
    assert isinstance(thing.created, rt.Timestamp)
    assert thing.additional_data == {"@odata.type": "#microsoft.graph.thing", "extra": [1]}
    assert thing.to_dict() == data
    assert list(thing.to_dict()) == list(data)  # annotations first, unknown properties last
    assert _Thing().to_dict() == {}
    assert _Thing(display_name="x") == _Thing.from_dict({"displayName": "x"})


def test_a_model_is_a_slotted_keyword_only_dataclass() -> None:
    assert [f.name for f in dataclasses.fields(_Thing)] == [
        "additional_data",
        "display_name",
        "created",
    ]
    thing = _Thing(display_name="x")
    assert dataclasses.replace(thing, created=None).created is None
    assert not hasattr(thing, "__dict__")
    with pytest.raises(TypeError, match="unexpected keyword arguments: nope"):
        _Thing(nope=1)


class _Event(rt.GraphModel):
    """A timestamp decoded on first read, as templates/model.py.jinja writes one (`_lazy`)."""

    odata_name: ClassVar[str] = "microsoft.graph.event"
    start: Any = rt.UNSET
    _wire = (("start", "startDateTime"),)
    _lazy = (("start", rt.TIMESTAMP),)

    def _read(self, data: Mapping[str, Any]) -> None:
        _START.read(self, data)

    def _write(self, out: dict[str, Any]) -> None:
        _START.write(self, out)


_START = rt.lazy(_Event, "start")


def test_a_lazy_property_is_decoded_on_first_read_and_written_back_as_it_came() -> None:
    text = "2021-07-01T08:00:00.1234567Z"
    event = _Event.from_dict({"startDateTime": text})
    assert event.to_dict() == {"startDateTime": text}  # never read: written as it came
    stamp = event.start
    assert isinstance(stamp, rt.Timestamp) and stamp.raw == text and event.start is stamp
    assert event.to_dict() == {"startDateTime": text}
    for value in ("not a date", None, 12, [1]):  # kept as they are, as an eager codec keeps them
        read = _Event.from_dict({"startDateTime": value})
        assert read.start == value and read.to_dict() == {"startDateTime": value}
    assert _Event.from_dict({}).start is rt.UNSET and _Event.from_dict({}).to_dict() == {}
    assert _Event(start=(1, 2)).start == (1, 2)  # a tuple set by hand is a value, not pending
    assert _Event(start=(1, 2)).to_dict() == {"startDateTime": (1, 2)}
    made = dt.datetime(2020, 5, 1, 8, 30, tzinfo=dt.UTC)
    assert _Event(start=made).to_dict() == {"startDateTime": "2020-05-01T08:30:00+00:00"}
    fresh = _Event.from_dict({"startDateTime": text})
    for clone in (copy.copy(fresh), copy.deepcopy(fresh), pickle.loads(pickle.dumps(fresh))):
        assert clone == fresh and clone.to_dict() == {"startDateTime": text}
    assert repr(_Event.from_dict({"startDateTime": "x"})) == "_Event(start='x')"
    assert dataclasses.replace(fresh).start == stamp
