"""The naming rule of docs/naming.md, case by case."""

from __future__ import annotations

import pytest

from generator.render import naming


@pytest.mark.parametrize(
    ("wire", "attribute"),
    [
        ("displayName", "display_name"),
        ("URLPath", "url_path"),
        ("isMSAApp", "is_msa_app"),
        ("café", "cafe"),
        ("@odata.type", "odata_type"),
        ("@odata.nextLink", "odata_next_link"),
        ("manager@odata.bind", "manager_odata_bind"),
        ("3dModel", "n_3d_model"),
        ("class", "class_"),
        ("match", "match_"),
        ("type", "type_"),
        ("case", "case_"),
        ("_", "field"),
        ("", "field"),
        ("str", "str_"),
        ("Any", "any"),
        ("ClassVar", "class_var"),
        ("additionalData", "additional_data_"),
        ("odataName", "odata_name_"),
        ("toDict", "to_dict_"),
        ("changes", "changes_"),
        ("id", "id"),
        ("format", "format"),
    ],
)
def test_attribute_names(wire: str, attribute: str) -> None:
    assert naming.attribute_name(wire) == attribute
    assert attribute.isidentifier()


def test_collisions_after_conversion_get_a_number() -> None:
    names = [naming.attribute_name(w) for w in ("displayName", "DisplayName", "display_name")]
    assert naming.unique(names) == ["display_name", "display_name_2", "display_name_3"]


@pytest.mark.parametrize(
    ("value", "member"),
    [("unknownFutureValue", "UNKNOWN_FUTURE_VALUE"), ("3d", "V_3D"), ("none", "NONE")],
)
def test_enum_members(value: str, member: str) -> None:
    assert naming.member_name(value) == member


def test_classes_and_modules() -> None:
    assert naming.class_name("onlineMeeting", "microsoft.graph") == "OnlineMeeting"
    assert naming.class_name("session", "microsoft.graph.callRecords") == "CallRecordsSession"
    assert naming.class_name("3dThing", "microsoft.graph") == "T3dThing"
    assert naming.module_name("OnlineMeeting") == "online_meeting"
    assert naming.module_name("CallRecordsSession") == "call_records_session"
