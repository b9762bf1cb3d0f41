"""Enum evidence beyond value tables (issue 3): String properties the page shows to be enums,
members fused from every source, flags enums, and type cells that offer alternatives."""

from __future__ import annotations

from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.extract import build_model
from generator.load import load_pages
from generator.model import ApiModel
from generator.parse import parse_page
from tests.conftest import write_files

TABLE = "| Property | Type | Description |\n|---|---|---|\n"


def _build(tmp_path: Path, files: dict[str, str]) -> tuple[ApiModel, list[str]]:
    write_files(tmp_path, files)
    diagnostics = Diagnostics()
    docs = [parse_page(p, diagnostics) for p in load_pages(tmp_path, diagnostics)]
    model = build_model(docs, diagnostics)
    return model, [str(d) for d in diagnostics.sorted()]


def _resource(name: str, rows: str, json: str = "", extra: str = "") -> str:
    text = f"# {name} resource type\n\nNamespace: microsoft.graph\n\n## Properties\n\n{TABLE}{rows}"
    if json:
        text += (
            "\n## JSON representation\n\n"
            f'<!-- {{ "blockType": "resource", "@odata.type": "microsoft.graph.{name}" }} -->\n'
            f"```json\n{json}\n```\n"
        )
    return text + extra


def _type_of(model: ApiModel, owner: str, name: str) -> str:
    found = next(t for t in model.types if t.name == owner)
    return next(p.type.name for p in found.properties if p.name == name)


def _members(model: ApiModel, enum: str) -> list[str]:
    return [m.name for m in next(e for e in model.enums if e.name == enum).members]


ENUMS = "# Enum values\n\nNamespace: microsoft.graph\n\n"


def _values(name: str, *members: str) -> str:
    return f"### {name} values\n\n| Member |\n|---|\n" + "".join(f"| {m} |\n" for m in members)


def test_json_representation_naming_the_type_makes_an_enum(tmp_path: Path) -> None:
    """resources/workbookoperation.md: `"status": {"@odata.type": "microsoft.graph.x"}`."""
    model, diagnostics = _build(
        tmp_path,
        {
            "resources/job.md": _resource(
                "job",
                "| status | String | Possible values are: `NotStarted`, `Running`. |\n",
                '{ "status": {"@odata.type": "microsoft.graph.jobStatus"} }',
            )
        },
    )
    assert _type_of(model, "job", "status") == "microsoft.graph.jobStatus"
    assert _members(model, "jobStatus") == ["NotStarted", "Running"]
    assert any(
        "GG032" in line and "its JSON representation names the type" in line for line in diagnostics
    )


def test_an_enum_named_for_the_property_with_the_owners_words(tmp_path: Path) -> None:
    """resources/plannertask.md `previewType` -> `plannerPreviewType`; commsOperation `status` ->
    `operationStatus`. An enum that only shares the property's name is not enough."""
    model, _ = _build(
        tmp_path,
        {
            "resources/enums.md": ENUMS
            + _values("plannerPreviewType", "automatic", "noPreview", "checklist")
            + "\n"
            + _values("operationStatus", "notStarted", "running", "failed")
            + "\n"
            + _values("audience", "mine", "theirs"),
            "resources/plannertask.md": _resource(
                "plannerTask",
                "| previewType | String | The possible values are: `automatic`, `noPreview`. |\n"
                "| audience | String | Possible values are: `mine`, `theirs`. |\n",
            ),
            "resources/commsoperation.md": _resource(
                "commsOperation",
                "| status | String | Possible values are: `notStarted`, `running`, `done`. |\n",
            ),
        },
    )
    assert _type_of(model, "plannerTask", "previewType") == "microsoft.graph.plannerPreviewType"
    assert _type_of(model, "plannerTask", "audience") == "Edm.String"  # same name only
    assert _type_of(model, "commsOperation", "status") == "Edm.String"  # `done` is not a member


def test_table_and_json_listing_the_values_make_an_enum(tmp_path: Path) -> None:
    """resources/callroute.md: "Possible values are: .." and `"forwarded | lookup | selfFork"`."""
    model, _ = _build(
        tmp_path,
        {
            "resources/callroute.md": _resource(
                "callRoute",
                "| routingType | String | Possible values are: `forwarded`, `lookup`. |\n"
                "| state | String | Possible values are: `on`, `off`. |\n"
                "| onlyText | String | Possible values are: `a`, `b`. |\n"
                "| onlyJson | String | The kind. |\n"
                "| openList | String | Possible values are: `x`, `y`. |\n",
                '{ "routingType": "forwarded | lookup | selfFork", "state": "on | off",'
                ' "onlyText": "String", "onlyJson": "a | b", "openList": "x | y | ..." }',
            )
        },
    )
    assert _type_of(model, "callRoute", "routingType") == "microsoft.graph.routingType"
    assert _members(model, "routingType") == ["forwarded", "lookup", "selfFork"]
    # a one-word name is too generic to name a type: the owner's name comes first
    assert _type_of(model, "callRoute", "state") == "microsoft.graph.callRouteState"
    for plain in ("onlyText", "onlyJson", "openList"):
        assert _type_of(model, "callRoute", plain) == "Edm.String", plain


def test_table_and_json_values_of_one_documented_enum(tmp_path: Path) -> None:
    """resources/mediastream.md `mediaType`: values of the `modality` enum, named otherwise."""
    model, _ = _build(
        tmp_path,
        {
            "resources/enums.md": ENUMS + _values("modality", "unknown", "audio", "video", "data"),
            "resources/mediastream.md": _resource(
                "mediaStream",
                "| mediaType | String | The possible value are `audio`, `video`, `data`. |\n",
                '{ "mediaType": "audio | video | data" }',
            ),
        },
    )
    assert _type_of(model, "mediaStream", "mediaType") == "microsoft.graph.modality"
    assert [e.name for e in model.enums] == ["modality"]


def test_members_are_the_union_of_every_source(tmp_path: Path) -> None:
    """Value table, "Possible values" text and `"a | b"` JSON strings; case-insensitive."""
    model, diagnostics = _build(
        tmp_path,
        {
            "resources/room.md": _resource(
                "room",
                "| size | [sizeKind](#sizekind-values) | Possible values are: `Small`, `huge`. |\n",
                '{ "size": "small | large | unknownFutureValue" }',
                "\n" + _values("sizeKind", "small", "large"),
            )
        },
    )
    assert _members(model, "sizeKind") == ["small", "large", "huge", "unknownFutureValue"]
    gg033 = [line for line in diagnostics if "GG033" in line]
    assert len(gg033) == 2
    assert "lists huge, which the value table of microsoft.graph.sizeKind" in gg033[0]
    assert "lists unknownFutureValue" in gg033[1]


def test_flags_from_power_of_two_values(tmp_path: Path) -> None:
    """resources/clonableteamparts.md: 1, 2, 4, 8, 16. A plain sequence is no evidence."""
    member_table = "## Members\n\n| Member | Value | Description |\n|---|---|---|\n"

    def enum_page(name: str, values: list[int]) -> str:
        rows = "".join(f"| m{i} | {v} | M. |\n" for i, v in enumerate(values))
        return f"# {name} enum type\n\nNamespace: microsoft.graph\n\n{member_table}{rows}"

    model, _ = _build(
        tmp_path,
        {
            "resources/parts.md": enum_page("clonableTeamParts", [1, 2, 4, 8]),
            "resources/options.md": enum_page("options", [0, 1, 2, 4]),
            "resources/sequence.md": enum_page("sequence", [0, 1, 2, 3]),
            "resources/pair.md": enum_page("pair", [1, 2]),
            "resources/repeats.md": enum_page("repeats", [1, 4, 4]),
        },
    )
    flags = {e.name: e.flags for e in model.enums}
    assert flags == {  # the name keeps its case from the page title, not the lower-case section
        "clonableTeamParts": True,
        "options": True,
        "pair": False,
        "repeats": False,
        "sequence": False,
    }


def test_alternatives_are_typed_by_the_base_they_share(tmp_path: Path) -> None:
    """resources/call.md: `[appHostedMediaConfig](..) or [serviceHostedMediaConfig](..)`."""
    model, _ = _build(
        tmp_path,
        {
            "resources/config.md": _resource("config", "| blob | String | B. |\n"),
            "resources/apphosted.md": _resource(
                "appHosted", "| a | String | A. |\n", extra="\nInherits from [config](config.md).\n"
            ),
            "resources/servicehosted.md": _resource(
                "serviceHosted",
                "| s | String | S. |\n",
                extra="\nInherits from [config](config.md).\n",
            ),
            "resources/unrelated.md": _resource("unrelated", "| u | String | U. |\n"),
            "resources/call.md": _resource(
                "call",
                "| media | [appHosted](apphosted.md) or [serviceHosted](servicehosted.md) | M. |\n"
                "| other | [appHosted](apphosted.md) or [unrelated](unrelated.md) | O. |\n",
            ),
        },
    )
    assert _type_of(model, "call", "media") == "microsoft.graph.config"
    assert _type_of(model, "call", "other") == "microsoft.graph.appHosted"  # nothing shared


def test_link_text_naming_a_subtype_of_the_linked_page(tmp_path: Path) -> None:
    """resources/call.md: `[invitationParticipantInfo](participantinfo.md) collection`."""
    model, _ = _build(
        tmp_path,
        {
            "resources/participantinfo.md": _resource("participantInfo", "| id | String | I. |\n"),
            "resources/invitationparticipantinfo.md": _resource(
                "invitationParticipantInfo", "| hidden | Boolean | H. |\n"
            ),
            "resources/servicename.md": _resource("serviceName", "| n | String | N. |\n"),
            "resources/provisioningservicename.md": _resource(
                "provisioningServiceName", "| p | String | P. |\n"
            ),
            "resources/call.md": _resource(
                "call",
                "| targets | [invitationParticipantInfo](participantinfo.md) collection | T. |\n"
                "| owner | [serviceName](provisioningservicename.md) | The page is the subtype. |\n",
            ),
        },
    )
    assert _type_of(model, "call", "targets") == "microsoft.graph.invitationParticipantInfo"
    assert _type_of(model, "call", "owner") == "microsoft.graph.provisioningServiceName"


def test_flags_from_an_example_value_joining_members(tmp_path: Path) -> None:
    """api/chatmessage-update.md: `"verdictDetails": "AllowOverrideWithoutJustification,.."`."""

    def update(body: str) -> str:
        return (
            "# Update policy\n\n## HTTP request\n\n```http\nPATCH /policies/{id}\n```\n\n"
            '## Example\n\n### Request\n\n<!-- {\n  "blockType": "request"\n} -->\n'
            f"```http\nPATCH https://graph.microsoft.com/v1.0/policies/1\n\n{body}\n```\n"
        )

    model, _ = _build(
        tmp_path,
        {
            "resources/policy.md": _resource(
                "policy",
                "| verdict | [verdictKind](#verdictkind-values) | V. |\n"
                "| mood | [moodKind](#moodkind-values) | M. |\n",
                extra="\n"
                + _values("verdictKind", "none", "allowOverride", "allowFalsePositive")
                + "\n"
                + _values("moodKind", "happy", "sad"),
            ),
            "api/policy-update.md": update(
                '{"verdict": "allowOverride,allowFalsePositive", "mood": "happy,angry"}'
            ),
        },
    )
    assert {e.name: e.flags for e in model.enums} == {"moodKind": False, "verdictKind": True}
