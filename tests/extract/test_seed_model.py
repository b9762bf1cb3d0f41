"""The seed page, understood completely (issue: pipeline end to end, item 5)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion
from syrupy.extensions.json import JSONSnapshotExtension

from generator.diagnostics import Diagnostics
from generator.load import load_pages
from generator.model import dump_model
from generator.pipeline import Run, generate
from tests.conftest import ROOT, SHARED, require_corpus

SEED = SHARED / "seed" / "create-onlinemeetings.md"  # the page the project started from
SEED_SHA256 = "80fa986adcfc115e948d395fea56e28c9ef39e01c9ce0e1df01ee8e2f6220a4a"  # byte for byte


def _seed_only(tmp_path: Path) -> Run:
    docs = tmp_path / "docs" / "api"
    docs.mkdir(parents=True)
    (docs / "create-onlinemeetings.md").write_bytes(
        (ROOT / "docs_input/api/create-onlinemeetings.md").read_bytes()
    )
    return generate(tmp_path / "docs", "seed")


def test_docs_input_keeps_the_seed_page_unchanged() -> None:
    data = (ROOT / "docs_input/api/create-onlinemeetings.md").read_bytes()
    assert hashlib.sha256(data).hexdigest() == SEED_SHA256


@pytest.mark.corpus
def test_the_seed_page_is_the_one_the_project_started_from() -> None:
    assert hashlib.sha256(require_corpus(SEED).read_bytes()).hexdigest() == SEED_SHA256


def test_online_meeting_has_all_17_properties_typed(tmp_path: Path) -> None:
    model = dump_model(_seed_only(tmp_path).model)
    types = {t["name"]: t for t in model["types"]}
    meeting = types["onlineMeeting"]
    assert meeting["base"] == "microsoft.graph.entity"
    assert meeting["kind"] == "entity"
    own = {p["name"]: (p["type"], p["collection"]) for p in meeting["properties"]}
    inherited = {p["name"]: (p["type"], p["collection"]) for p in types["entity"]["properties"]}
    assert inherited == {"id": ("Edm.String", False)}
    assert own == {
        "creationDateTime": ("Edm.DateTimeOffset", False),
        "startDateTime": ("Edm.DateTimeOffset", False),
        "endDateTime": ("Edm.DateTimeOffset", False),
        "canceledDateTime": ("Edm.DateTimeOffset", False),
        "expirationDateTime": ("Edm.DateTimeOffset", False),
        "entryExitAnnouncement": ("Edm.Boolean", False),
        "joinUrl": ("Edm.String", False),
        "subject": ("Edm.String", False),
        "isCancelled": ("Edm.Boolean", False),
        "participants": ("microsoft.graph.meetingParticipants", False),
        "isBroadcast": ("Edm.Boolean", False),
        "accessLevel": ("microsoft.graph.accessLevel", False),
        "capabilities": ("microsoft.graph.meetingCapabilities", True),
        "audioConferencing": ("microsoft.graph.audioConferencing", False),
        "chatInfo": ("microsoft.graph.chatInfo", False),
        "videoTeleconferenceId": ("Edm.String", False),
    }


def test_inline_enums(tmp_path: Path) -> None:
    enums = {e["name"]: e["members"] for e in dump_model(_seed_only(tmp_path).model)["enums"]}
    assert enums == {
        "accessLevel": [
            "everyone",
            "invited",
            "locked",
            "sameEnterprise",
            "sameEnterpriseAndFederated",
        ],
        "meetingCapabilities": ["questionAndAnswer", "unknownFutureValue"],
    }


def test_one_post_operation_with_three_paths(tmp_path: Path) -> None:
    (operation,) = dump_model(_seed_only(tmp_path).model)["operations"]
    assert operation["method"] == "POST"
    assert operation["paths"] == [
        "/me/onlineMeetings",
        "/users/{usersId}/onlineMeetings",
        "/invitations/{invitationsId}/invitedUser/onlineMeetings",
    ]
    assert (operation["status"], operation["response_type"], operation["request_type"]) == (
        201,
        "microsoft.graph.onlineMeeting",
        "microsoft.graph.onlineMeeting",
    )
    assert operation["source"] == "api/create-onlinemeetings.md:31"


def test_types_without_pages_are_inferred_with_a_located_diagnostic(tmp_path: Path) -> None:
    run = _seed_only(tmp_path)
    inferred = {
        d.message.split()[1]: str(d.source) for d in run.diagnostics.sorted() if d.code == "GG021"
    }
    assert inferred == {
        "meetingParticipants": "api/create-onlinemeetings.md:97",
        "meetingParticipantInfo": "api/create-onlinemeetings.md:99",
        "identitySet": "api/create-onlinemeetings.md:101",
        "identity": "api/create-onlinemeetings.md:103",
        "audioConferencing": "api/create-onlinemeetings.md:138",
        "chatInfo": "api/create-onlinemeetings.md:145",
    }
    types = {t["name"]: t for t in dump_model(run.model)["types"]}
    assert [p["name"] for p in types["meetingParticipants"]["properties"]] == [
        "organizer",
        "attendees",
        "producers",
        "contributors",
    ]
    assert types["meetingParticipants"]["properties"][1]["collection"] is True
    assert {p["name"]: p["type"] for p in types["identitySet"]["properties"]} == {
        "application": "microsoft.graph.identity",
        "device": "microsoft.graph.identity",
        "user": "microsoft.graph.identity",
    }


def test_todo_placeholders_are_reported_and_never_reach_the_output(tmp_path: Path) -> None:
    run = _seed_only(tmp_path)
    todo_lines = sorted(d.source.line for d in run.diagnostics.sorted() if d.code == "GG010")
    assert todo_lines == [21, 22, 23] + list(range(49, 66))
    for file in run.files:
        assert "TODO" not in file.text, file.path


def test_model_dump_snapshot(seed_run: Run, snapshot: SnapshotAssertion) -> None:
    assert dump_model(seed_run.model) == snapshot(extension_class=JSONSnapshotExtension)


def test_model_json_round_trip(seed_run: Run) -> None:
    from generator.model import model_from_json, model_to_json

    text = model_to_json(seed_run.model)
    assert model_from_json(text) == seed_run.model
    assert json.loads(text)["types"]


def test_every_element_keeps_its_source_line(seed_run: Run) -> None:
    lines = {}
    for page in load_pages(ROOT / "docs_input", Diagnostics()):
        lines[page.path] = page.lines
    for t in seed_run.model.types:
        for p in t.properties:
            text = lines[p.source.path][p.source.line - 1]
            assert p.name in text, (p.name, str(p.source))
