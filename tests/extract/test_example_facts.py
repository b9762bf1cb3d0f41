"""What the build reads of an example body is found once by the parse stage
(parse/example_facts.py): the same facts a walk of the body finds, in its order."""

from __future__ import annotations

import json

from generator.diagnostics import Diagnostics
from generator.parse.document import Example
from generator.parse.http import parse_example, syntax_paths
from generator.source import SourceSpan

HERE = SourceSpan("api/call-get.md", 10)

BODY = {
    "@odata.type": "#microsoft.graph.call",
    "parts": "apps,tabs",
    "targets": [
        {"@odata.type": "#microsoft.graph.invitationParticipantInfo", "kinds": "a, b"},
        {"@odata.type": "microsoft.graph.muteOperation", "@odata.id": "/calls/1/operations/2"},
        {"@type": "#microsoft.graph.note", "@odata.id": "not an address"},
    ],
    "nested": {"deeper": {"@odata.type": "#", "text": "no, type"}},
}


def _example(kind: str, head: str, body: str) -> tuple[Example, Diagnostics]:
    diagnostics = Diagnostics()
    return parse_example(kind, f"{head}\n\n{body}", {}, HERE, diagnostics), diagnostics


def test_a_response_body_gives_its_types_comma_values_and_addressed_values() -> None:
    head = "HTTP/1.1 201 Created\nLocation: https://graph.microsoft.com/v1.0/calls/1"
    example, diagnostics = _example("response", head, json.dumps(BODY))
    assert not diagnostics.items
    assert example.odata_types == (
        "microsoft.graph.call",
        "microsoft.graph.invitationParticipantInfo",
        "microsoft.graph.muteOperation",
        "microsoft.graph.note",
    )
    assert example.comma_values == (
        ("parts", "apps,tabs"),
        ("kinds", "a, b"),
        ("text", "no, type"),
    )
    assert example.placed == (
        ("microsoft.graph.call", "https://graph.microsoft.com/v1.0/calls/1"),
        ("microsoft.graph.muteOperation", "/calls/1/operations/2"),
    )
    assert json.loads(example.body_json) == BODY
    assert example.body_nodes == 17  # 7 objects and arrays, 10 strings


def test_a_request_places_nothing_and_a_body_that_is_no_json_gives_no_facts() -> None:
    request, _ = _example("request", "POST /calls", json.dumps(BODY))
    assert request.placed == ()
    assert len(request.odata_types) == 4
    broken, diagnostics = _example("response", "HTTP/1.1 200 OK", '{"a": "x,y",')
    assert [d.code for d in diagnostics.items] == ["GG012"]
    assert (broken.body_json, broken.body_nodes, broken.comma_values) == (
        None,
        0,
        (),
    )


def test_request_paths_are_kept_as_written_and_normalised() -> None:
    paths = syntax_paths(
        "GET https://graph.microsoft.com/v1.0/users/{id | userPrincipalName}/events?$top=1",
        HERE,
        Diagnostics(),
    )
    assert [(p.path, p.normalised) for p in paths] == [
        (
            "https://graph.microsoft.com/v1.0/users/{id | userPrincipalName}/events?$top=1",
            "/users/{id}/events",
        )
    ]
