"""The model runtime as a user meets it: dataclass behaviour, lossless values, polymorphism,
typing of user code (mypy), and what importing a model costs in modules."""

from __future__ import annotations

import copy
import dataclasses
import decimal
import json
import pickle
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from tests.conftest import ROOT


def test_models_are_slotted_keyword_only_dataclasses() -> None:
    from generated.models import Entity, OnlineMeeting

    meeting = OnlineMeeting(subject="s", id="1")
    assert dataclasses.is_dataclass(meeting)
    names = [f.name for f in dataclasses.fields(meeting)]
    assert names[:2] == ["additional_data", "id"] and "subject" in names
    assert not hasattr(meeting, "__dict__")
    with pytest.raises(AttributeError):
        meeting.not_a_field = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        OnlineMeeting(subjekt="typo")  # type: ignore[call-arg]
    assert dataclasses.asdict(Entity(id="1")) == {"additional_data": {}, "id": "1"}
    again = dataclasses.replace(meeting, subject="t")
    assert (again.subject, again.id, meeting.subject) == ("t", "1", "s")


def test_equality_hash_copy_and_pickle() -> None:
    from generated.models import Entity, OnlineMeeting

    body = {"id": "1", "creationDateTime": "2017-01-01T00:01:21.3942888+03:00"}
    meeting = OnlineMeeting.from_dict(body)
    assert meeting == OnlineMeeting.from_dict(dict(body))
    assert meeting != Entity(id="1")  # another class is never equal
    assert OnlineMeeting(additional_data={"x": 1}) != OnlineMeeting()
    with pytest.raises(TypeError):
        hash(meeting)  # mutable, like a dataclass with eq=True
    for clone in (copy.copy(meeting), copy.deepcopy(meeting), pickle.loads(pickle.dumps(meeting))):
        assert clone == meeting and clone.to_dict() == body


def test_timestamps_keep_their_text_and_stay_datetimes() -> None:
    from generated.models import OnlineMeeting

    text = "2017-01-01T00:01:21.3942888+03:00"
    stamp = OnlineMeeting.from_dict({"startDateTime": text}).start_date_time
    assert isinstance(stamp, datetime)
    assert stamp.utcoffset() == timedelta(hours=3)
    assert stamp + timedelta(days=1) == datetime(2017, 1, 2, 0, 1, 21, 394288, stamp.tzinfo)
    assert OnlineMeeting(start_date_time=stamp).to_dict() == {"startDateTime": text}
    made = datetime(2020, 5, 1, 8, 30, tzinfo=UTC)
    assert OnlineMeeting(start_date_time=made).to_dict() == {
        "startDateTime": "2020-05-01T08:30:00+00:00"
    }
    for text in ("2016-03-21T20:01:37Z", "not a date", "9999-12-31T23:59:59.9999999Z"):
        assert OnlineMeeting.from_dict({"endDateTime": text}).to_dict() == {"endDateTime": text}


def test_time_of_day_and_dates() -> None:
    from generated import _runtime as rt

    value = rt.TIME_OF_DAY.decode("08:00:00.0000000")
    assert isinstance(value, time) and value.hour == 8
    assert rt.TIME_OF_DAY.encode(value) == "08:00:00.0000000"
    assert rt.DATE.encode(rt.DATE.decode("2021-07-01")) == "2021-07-01"
    assert rt.DATE.decode("20210701") == "20210701"  # not written back the same: kept as text


def test_numbers_are_never_turned_into_floats() -> None:
    from generated.models import OnlineMeeting

    big, exact = 2**63 - 1, decimal.Decimal("12345678901234567890.123456789")
    body = json.loads(
        '{"id": "1", "size": 9223372036854775807, "price": 12345678901234567890.123456789}',
        parse_float=decimal.Decimal,
    )
    again = OnlineMeeting.from_dict(body).to_dict()
    assert again == body and again["size"] == big and again["price"] == exact


def test_open_and_flags_enums() -> None:
    from generated import _runtime as rt
    from generated.models import AccessLevel, MeetingCapabilities, OnlineMeeting

    body = {"accessLevel": "brandNewLevel", "capabilities": ["unknownFutureValue", "x"]}
    meeting = OnlineMeeting.from_dict(body)
    assert meeting.access_level == "brandNewLevel"
    assert meeting.capabilities == [MeetingCapabilities.UNKNOWN_FUTURE_VALUE, "x"]
    assert meeting.to_dict() == body
    codec = rt.flags("access_level", "AccessLevel")
    value = codec.decode("everyone,invited,someday")
    assert value == [AccessLevel.EVERYONE, AccessLevel.INVITED, "someday"]
    assert codec.encode(value) == "everyone,invited,someday"
    assert codec.decode("everyone, invited") == "everyone, invited"  # kept: spaces


def test_polymorphism_is_case_insensitive_and_cached() -> None:
    from generated import _runtime as rt
    from generated.models import Entity, User

    for name in ("#microsoft.graph.user", "microsoft.graph.User", "#USER", "user"):
        assert type(Entity.from_dict({"@odata.type": name, "id": "1"})) is User
        assert rt._TARGETS[(Entity, name)] is User  # the next object of that name: one lookup
    unknown = {"@odata.type": "#microsoft.graph.future", "id": "1", "newThing": [1]}
    read = Entity.from_dict(unknown)
    assert type(read) is Entity and read.additional_data["@odata.type"] == "#microsoft.graph.future"
    assert read.to_dict() == unknown


def test_nested_collections_and_nulls_round_trip() -> None:
    from generated import UNSET
    from generated.models import OnlineMeeting

    body = {
        "participants": {"attendees": [{"upn": "a"}, None, {"identity": None}], "organizer": None},
        "capabilities": None,
        "joinUrl": None,
    }
    meeting = OnlineMeeting.from_dict(body)
    assert meeting.join_url is None and meeting.subject is UNSET
    assert meeting.to_dict() == body


USER_CODE = """
import dataclasses
from generated import UNSET
from generated.models import OnlineMeeting, User

meeting = OnlineMeeting(subject="s", additional_data={"x": 1})
meeting = dataclasses.replace(meeting, subject="t")
user = User.from_dict({"id": "1"})
manager = user.manager
if manager is not UNSET and manager is not None:
    reveal_type(manager)
    reveal_type(manager.id)
OnlineMeeting(subject=1)
"""


def test_user_code_is_typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mypy import api

    monkeypatch.chdir(ROOT)
    script = tmp_path / "use.py"
    script.write_text(USER_CODE, encoding="utf-8")
    out, err, _ = api.run(["--strict", "--cache-dir", str(tmp_path / "cache"), str(script)])
    lines = [line.split(": ", 1)[1] for line in out.splitlines() if ": " in line]
    assert lines == [
        'note: Revealed type is "generated.models.user.User"',  # UNSET and None narrowed away
        'note: Revealed type is "str | None | generated._runtime.Unset"',
        (
            'error: Argument "subject" to "OnlineMeeting" has incompatible type "int"; '
            'expected "str | Unset | None"  [arg-type]'
        ),
    ], (
        out + err
    )


def test_model_for_imports_only_what_it_returns() -> None:
    code = (
        "import sys; from generated import model_for; model_for('user'); "
        "print(sorted(m for m in sys.modules if m.startswith('generated') or m == 'httpx'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.replace("'", '"')) == [
        "generated",
        "generated._runtime",
        "generated.models",  # the index: model_for lives there
        "generated.models.entity",
        "generated.models.user",
    ]


def test_the_models_folder_is_not_listed_to_find_a_model() -> None:
    """A module with a lower-case name is found by its file's name (a FileFinder would list
    the folder, which costs more than the import for a thousand modules); any other name is
    searched as before, and a missing module is still a ModuleNotFoundError."""
    code = (
        "import os, pkgutil, posix, sys\n"
        "listed = []\n"
        "listdir = posix.listdir  # what the import system calls\n"
        "posix.listdir = lambda path='.': listed.append(str(path)) or listdir(path)\n"
        "from generated.models.online_meeting import OnlineMeeting\n"
        "from generated import model_for\n"
        "assert model_for('user').__module__ == 'generated.models.user'\n"
        "import generated.models._exports\n"
        "models = os.path.dirname(sys.modules['generated.models'].__file__)\n"
        "assert models not in listed, listed\n"
        "for name in ('nothing', 'Online_Meeting'):\n"
        "    try:\n"
        "        __import__('generated.models.' + name)\n"
        "    except ModuleNotFoundError:\n"
        "        pass\n"
        "    else:\n"
        "        raise AssertionError(name)\n"
        "assert models in listed, listed  # not lower case: searched as before\n"
        "names = {m.name for m in pkgutil.iter_modules([models])}\n"
        "assert {'online_meeting', 'user', '_exports'} <= names, names\n"
        "print(OnlineMeeting.__module__, sys.modules['generated.models.user'].__cached__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    module, cached = out.stdout.split()
    assert module == "generated.models.online_meeting"
    assert cached.endswith(".pyc") and "__pycache__" in cached


def test_the_registry_is_an_index_read_per_name() -> None:
    """`_registry.py` holds one string, no table: a name is case-insensitive, `#` and the
    namespace optional; anything else (white space, a prefix of a name) is not found."""
    from generated import _registry
    from generated.models import OnlineMeeting, User

    for name in (
        "microsoft.graph.onlineMeeting",
        "#microsoft.graph.ONLINEMEETING",
        "onlinemeeting",
    ):
        assert _registry.lookup(name) is OnlineMeeting
    assert _registry.model_for("#User") is User
    for name in ("online", "microsoft.graph.online", "user ", " user", "", "#", "a\nb"):
        assert _registry.lookup(name) is None, name
    with pytest.raises(KeyError):
        _registry.model_for("microsoft.graph.nothing")
    assert _registry.TYPES["microsoft.graph.user"] == ("user", "User")


def test_the_models_package_finds_a_class_by_its_name_in_the_same_index() -> None:
    """One index serves `from PKG.models import User` (a class's name ends its line) and
    `model_for`: only a class's whole name is found, never a key, a module or a part."""
    from generated import _registry, model_for, models

    assert models.model_for is model_for and _registry.lookup is models.lookup
    assert models.User is model_for("user") and "User" in models.__all__ == dir(models)
    for name in ("Meeting", "onlinemeeting", "microsoft", "", "User\n", "a b"):
        with pytest.raises(AttributeError):
            getattr(models, name)


def test_an_index_line_names_the_module_only_when_the_class_does_not_give_it() -> None:
    """The generator writes the lines (`naming.index_line`), models/__init__.py reads them: its
    `_module` must be `naming.index_module` to the character."""
    from generated import models
    from generator.render import naming

    for cls in ("OnlineMeeting", "MacOSApp", "Windows10Config", "X", "ABC", "IPv6Range"):
        assert models._module(cls) == naming.index_module(cls), cls
    cases = [
        ("microsoft.graph.onlineMeeting", "online_meeting", "OnlineMeeting"),
        ("microsoft.graph.macOSApp", "mac_os_app", "MacOSApp"),
        ("microsoft.graph.callRecords.session", "call_records_session", "CallRecordsSession"),
        ("other.namespace.thing", "thing", "Thing"),
    ]
    lines = [naming.index_line(*case) for case in cases]
    assert lines == [
        "\nonlinemeeting OnlineMeeting",
        "\nmacosapp mac_os_app MacOSApp",
        "\ncallrecords.session CallRecordsSession",
        "\n=other.namespace.thing Thing",
    ]
    for (qualified, module, cls), line in zip(cases, lines, strict=True):
        assert naming.read_index_line(line[1:]) == (qualified.lower(), module, cls)
    assert naming.read_index_line(naming.index_line("a b", "a_b", "AB")[1:]) == (None, "a_b", "AB")
