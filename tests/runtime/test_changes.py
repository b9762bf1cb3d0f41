"""`model.changes()`: what `patch(model)` sends. A model read from a response (`from_dict`, at any
depth) remembers the object it was read from and sends what differs from it; a model you
construct sends what is set. On the generated models of docs_input (`generated/`, whose runtime
is generator/runtime/ copied) and on a small hand-written model with an untyped property."""

from __future__ import annotations

import copy
import dataclasses
import json
import pickle
from collections.abc import Mapping
from typing import Any, ClassVar

from hypothesis import given
from hypothesis import strategies as st

from generated import _runtime as rt
from generated.models import OnlineMeeting, User
from generator.runtime import _runtime as source_rt

USER: dict[str, Any] = {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users/$entity",
    "@odata.etag": 'W/"1"',
    "id": "u1",
    "displayName": "Adele",
    "mail": "adele@contoso.com",
    "accountEnabled": True,
    "businessPhones": ["+1 425 555 0109"],
    "createdDateTime": "2021-07-01T08:00:00.1234567Z",
    "presence": "available",
    "extension_x": {"tags": ["a"]},
    "onlineMeetings": [
        {
            "id": "m1",
            "subject": "Plan",
            "capabilities": "questionAndAnswer",
            "participants": {
                "organizer": {
                    "upn": "adele@contoso.com",
                    "identity": {"user": {"id": "u1", "displayName": "Adele"}},
                },
                "attendees": [{"upn": "alex@contoso.com"}],
            },
            "chatInfo": {"threadId": "t1", "messageId": "0"},
        }
    ],
}


def _user() -> User:
    return User.from_dict(json.loads(json.dumps(USER)))


def test_an_untouched_model_read_from_a_response_has_no_changes() -> None:
    user = _user()
    assert user.changes() == {}
    # reading every property (timestamps decoded) changes nothing either
    assert user.created_date_time is not None and user.business_phones == ["+1 425 555 0109"]
    assert [m.participants for m in user.online_meetings or []]
    assert user.changes() == {}
    assert user.online_meetings[0].changes() == {}  # type: ignore[index]


def test_a_changed_scalar_is_sent_alone() -> None:
    user = _user()
    user.display_name = "Adele V"
    user.account_enabled = True  # set to what it was: no change
    assert user.changes() == {"displayName": "Adele V"}


def test_a_cleared_property_is_sent_as_null() -> None:
    user = _user()
    user.mail = None
    user.presence = rt.UNSET  # UNSET is "leave it": never sent, not cleared
    assert user.changes() == {"mail": None}


def test_a_property_absent_from_the_response_and_set_is_sent() -> None:
    user = User.from_dict({"id": "u1"})
    user.user_type = "Guest"
    assert user.changes() == {"userType": "Guest"}


def test_a_nested_complex_value_changed_in_place_is_sent_whole() -> None:
    """Graph replaces a complex property whole, so the changed one goes whole (kiota-dotnet
    PR #84: a nested backed model sent only its changed properties)."""
    meeting = OnlineMeeting.from_dict(json.loads(json.dumps(USER["onlineMeetings"][0])))
    assert meeting.chat_info and meeting.participants and meeting.participants.organizer
    meeting.chat_info.message_id = "1"
    identity = meeting.participants.organizer.identity
    assert identity and identity.user
    identity.user.display_name = "Adele V"
    assert meeting.changes() == {
        "chatInfo": {"threadId": "t1", "messageId": "1"},
        "participants": {
            "organizer": {
                "upn": "adele@contoso.com",
                "identity": {"user": {"id": "u1", "displayName": "Adele V"}},
            },
            "attendees": [{"upn": "alex@contoso.com"}],
        },
    }
    assert "@odata.type" not in json.dumps(meeting.changes())  # never a null annotation


def test_a_list_appended_to_or_changed_in_place_is_sent_whole() -> None:
    """msgraph-sdk-dotnet #1817/#1888/#1904: an item added to a nested list was not sent."""
    user = _user()
    assert user.business_phones is not None and user.online_meetings is not None
    user.business_phones.append("+1 425 555 0110")
    assert user.changes() == {"businessPhones": ["+1 425 555 0109", "+1 425 555 0110"]}
    user = _user()
    assert user.online_meetings is not None
    attendees = user.online_meetings[0].participants.attendees  # type: ignore[union-attr]
    assert attendees is not None
    attendees[0].upn = "alex.w@contoso.com"
    changed = user.changes()
    assert list(changed) == ["onlineMeetings"]
    assert changed["onlineMeetings"][0]["participants"]["attendees"] == [
        {"upn": "alex.w@contoso.com"}
    ]
    user = _user()
    user.additional_data["extension_x"]["tags"].append("b")  # unknown properties too
    assert user.changes() == {"extension_x": {"tags": ["a", "b"]}}


def test_the_response_object_is_never_changed_through_the_model() -> None:
    data = json.loads(json.dumps(USER))
    user = User.from_dict(data)
    assert user.business_phones is not None
    user.business_phones.append("x")
    user.additional_data["extension_x"]["tags"].clear()
    user.online_meetings[0].participants.attendees.append(  # type: ignore[index,union-attr]
        user.online_meetings[0].participants.organizer  # type: ignore[index,union-attr,arg-type]
    )
    assert data == USER


def test_odata_annotations_of_the_response_are_not_sent_but_the_type_goes_with_changes() -> None:
    typed = {**USER, "@odata.type": "#microsoft.graph.user"}
    user = User.from_dict(json.loads(json.dumps(typed)))
    assert user.changes() == {}  # nothing changed: not even the type
    user.display_name = "A"
    assert user.changes() == {"@odata.type": "#microsoft.graph.user", "displayName": "A"}
    user.additional_data["@microsoft.graph.conflictBehavior"] = "rename"  # added: sent
    assert list(user.changes()) == [
        "@odata.type",
        "@microsoft.graph.conflictBehavior",
        "displayName",
    ]


def test_values_of_another_json_type_are_changes() -> None:
    user = User.from_dict({"id": "u1", "accountEnabled": True, "businessPhones": []})
    user.account_enabled = 1  # type: ignore[assignment]  # equal in Python, not in JSON
    assert user.changes() == {"accountEnabled": 1}


def test_a_model_you_construct_sends_what_is_set() -> None:
    user = User(display_name="New", mail=None, business_phones=[])
    assert (
        user.changes()
        == user.to_dict()
        == {
            "businessPhones": [],
            "displayName": "New",
            "mail": None,
        }
    )
    rt.settle(user, user.changes())  # a body for many items: it stays untracked
    assert user.changes() == user.to_dict()
    again = dataclasses.replace(_user(), display_name="B")  # replace() constructs
    assert again.changes() == again.to_dict()


def test_after_a_patch_the_model_remembers_what_was_sent() -> None:
    user = _user()
    assert user.online_meetings is not None and user.business_phones is not None
    meeting = user.online_meetings[0]
    assert meeting.chat_info is not None
    meeting.chat_info.thread_id = "t2"
    user.business_phones.append("2")
    user.mail = None
    sent = user.changes()
    rt.settle(user, sent)
    assert user.changes() == {} and meeting.changes() == {}
    user.business_phones.append("3")  # what was remembered is a copy, not the model's list
    assert user.changes() == {"businessPhones": ["+1 425 555 0109", "2", "3"]}
    user.mail = "back@contoso.com"
    assert user.changes()["mail"] == "back@contoso.com"


def test_state_does_not_change_equality_repr_or_fields() -> None:
    read, made = _user(), User(**{f.name: getattr(_user(), f.name) for f in _fields(User)})
    assert read == made and repr(read) == repr(made)
    assert read.changes() == {} and made.changes() == made.to_dict()
    assert "_state" not in {f.name for f in dataclasses.fields(read)}


def _fields(cls: type[Any]) -> list[dataclasses.Field[Any]]:
    return list(dataclasses.fields(cls))


def test_copies_and_pickles_of_a_read_model_are_tracked_against_the_same_response() -> None:
    user = _user()
    user.display_name = "B"
    for clone in (copy.copy(user), copy.deepcopy(user), pickle.loads(pickle.dumps(user))):
        assert clone == user and clone.changes() == {"displayName": "B"}
    deep = copy.deepcopy(_user())
    assert deep.business_phones is not None
    deep.business_phones.append("x")
    assert list(deep.changes()) == ["businessPhones"]
    made = User(display_name="C")
    assert pickle.loads(pickle.dumps(made)).changes() == {"displayName": "C"}


class _Open(source_rt.GraphModel):
    """An untyped property, as a generated model reads one: copied (`_rt.JSON`)."""

    odata_name: ClassVar[str] = "microsoft.graph.open"
    value: Any = source_rt.UNSET
    _wire = (("value", "value"),)

    def _read(self, data: Mapping[str, Any]) -> None:
        u = source_rt.UNSET
        self.value = source_rt.JSON.decode(data["value"]) if "value" in data else u

    def _write(self, out: dict[str, Any]) -> None:
        if (v := self.value) is not source_rt.UNSET:
            out["value"] = v


def test_an_untyped_value_changed_in_place_is_sent_whole() -> None:
    data = {"value": {"rows": [[1, 2]], "name": "x"}}
    model = _Open.from_dict(data)
    assert model.to_dict() == data and model.changes() == {}
    model.value["rows"][0].append(3)
    assert model.changes() == {"value": {"rows": [[1, 2, 3]], "name": "x"}}
    assert data == {"value": {"rows": [[1, 2]], "name": "x"}}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=10,
)


@given(old=json_values, new=json_values)
def test_an_untyped_value_is_a_change_exactly_when_its_json_differs(old: Any, new: Any) -> None:
    model = _Open.from_dict({"value": old})
    assert model.changes() == {}
    model.value = copy.deepcopy(new)
    same = json.dumps(old, sort_keys=True) == json.dumps(new, sort_keys=True)
    assert model.changes() == ({} if same else {"value": new})
    source_rt.settle(model, model.changes())
    assert model.changes() == {}
