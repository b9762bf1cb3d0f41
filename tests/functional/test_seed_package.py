"""Import the committed generated package and use it as a developer would."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from typing import Any

import pytest

from generator.parse.lenient_json import loads
from tests.conftest import DOCS_INPUT, ROOT


def _response_body() -> dict[str, Any]:
    text = (DOCS_INPUT / "api/create-onlinemeetings.md").read_text(encoding="utf-8")
    body = text.split("HTTP/1.1 201 Created\nContent-Type: application/json\n", 1)[1].split(
        "```", 1
    )[0]
    value = loads(body)
    assert isinstance(value, dict)
    return value


def test_seed_example_round_trips() -> None:
    from generated import model_for
    from generated.models import OnlineMeeting

    body = _response_body()
    meeting = OnlineMeeting.from_dict(body)
    assert meeting.to_dict() == body
    assert json.dumps(meeting.to_dict()) == json.dumps(body)  # same key order too
    assert model_for("#Microsoft.Graph.OnlineMeeting") is OnlineMeeting
    assert model_for("microsoft.graph.onlinemeeting") is OnlineMeeting


def test_values_are_typed() -> None:
    from datetime import datetime

    from generated.models import AccessLevel, IdentitySet, MeetingParticipantInfo, OnlineMeeting

    meeting = OnlineMeeting.from_dict(_response_body())
    assert isinstance(meeting.creation_date_time, datetime)
    assert meeting.creation_date_time.microsecond == 394288
    assert meeting.to_dict()["creationDateTime"] == "2017-01-01T00:01:21.3942888+03:00"
    assert meeting.is_cancelled is True
    participants = meeting.participants
    assert participants is not None and not (participants is None)
    assert isinstance(participants.organizer, MeetingParticipantInfo)  # type: ignore[union-attr]
    assert isinstance(participants.organizer.identity, IdentitySet)  # type: ignore[union-attr]
    assert meeting.access_level == "String"  # not a member: kept, not dropped
    assert AccessLevel("everyone") is AccessLevel.EVERYONE
    assert OnlineMeeting.from_dict({"accessLevel": "invited"}).access_level is AccessLevel.INVITED


def test_null_unset_and_unknown_are_distinguished() -> None:
    from generated import UNSET
    from generated.models import OnlineMeeting

    meeting = OnlineMeeting.from_dict({"subject": None, "futureProperty": {"a": 1}})
    assert meeting.subject is None
    assert meeting.join_url is UNSET
    assert meeting.additional_data == {"futureProperty": {"a": 1}}
    assert meeting.to_dict() == {"subject": None, "futureProperty": {"a": 1}}


def test_equality_repr_and_replace() -> None:
    from generated.models import OnlineMeeting

    assert OnlineMeeting(subject="s") == OnlineMeeting(subject="s")
    assert OnlineMeeting(subject="s") != OnlineMeeting(subject="t")
    assert repr(OnlineMeeting(subject="s", id="1")) == "OnlineMeeting(id='1', subject='s')"
    assert dataclasses.replace(OnlineMeeting(subject="s"), subject="t").subject == "t"
    with pytest.raises(TypeError):
        OnlineMeeting("positional")  # type: ignore[misc]


def test_polymorphism_follows_odata_type() -> None:
    from generated.models import Entity, OnlineMeeting, User

    assert type(Entity.from_dict({"@odata.type": "#microsoft.graph.user", "id": "1"})) is User
    assert type(Entity.from_dict({"@odata.type": "MICROSOFT.GRAPH.ONLINEMEETING"})) is OnlineMeeting
    unknown = Entity.from_dict({"@odata.type": "#microsoft.graph.somethingNew", "id": "2"})
    assert type(unknown) is Entity
    assert unknown.to_dict() == {"@odata.type": "#microsoft.graph.somethingNew", "id": "2"}
    # a name that is not a subclass never changes the class
    assert type(User.from_dict({"@odata.type": "#microsoft.graph.onlineMeeting"})) is User


def test_cycles_work_at_run_time() -> None:
    from generated.models import User

    user = User.from_dict({"id": "1", "manager": {"id": "2", "manager": {"id": "3"}}})
    assert isinstance(user.manager, User) and isinstance(user.manager.manager, User)
    assert user.to_dict() == {"id": "1", "manager": {"id": "2", "manager": {"id": "3"}}}


def test_importing_one_model_is_lazy() -> None:
    code = (
        "import sys; from generated.models.online_meeting import OnlineMeeting; "
        "print(sorted(m for m in sys.modules if m.startswith('generated') or m == 'httpx'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout.replace("'", '"')) == [
        "generated",
        "generated._runtime",
        "generated.models",
        "generated.models.entity",
        "generated.models.online_meeting",
    ]
