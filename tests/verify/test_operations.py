"""The request measure on a tiny CSDL: each step of the CSDL walk, each kind of path it cannot
type, each kind of miss, and that the client side is read from the rendered files."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Diagnostics
from generator.model import Answer as ModelAnswer
from generator.model import ApiModel, Operation, StructuredType, TypeRef
from generator.render import RenderedFile, render_files
from generator.source import SourceSpan
from generator.verify import compare_operations, read_csdl
from generator.verify.csdl import Csdl, CsdlOperation
from generator.verify.operations import Answer, CsdlWalk, documented_requests, read_annotation
from tests.conftest import write_files

CSDL = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="directoryObject" BaseType="graph.entity">
        <NavigationProperty Name="memberOf" Type="Collection(graph.directoryObject)" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.directoryObject">
        <Property Name="mailboxSettings" Type="graph.mailboxSettings" />
        <Property Name="notes" Type="Collection(graph.note)" />
        <NavigationProperty Name="manager" Type="graph.directoryObject" />
        <NavigationProperty Name="messages" Type="Collection(graph.message)" ContainsTarget="true" />
        <NavigationProperty Name="photo" Type="graph.profilePhoto" ContainsTarget="true" />
      </EntityType>
      <EntityType Name="group" BaseType="graph.directoryObject">
        <NavigationProperty Name="owners" Type="Collection(graph.directoryObject)" />
      </EntityType>
      <EntityType Name="message" BaseType="graph.entity">
        <Property Name="subject" Type="Edm.String" />
      </EntityType>
      <EntityType Name="eventMessage" BaseType="graph.message">
        <NavigationProperty Name="event" Type="graph.event" />
        <NavigationProperty Name="versions" Type="Collection(graph.event)" />
      </EntityType>
      <EntityType Name="itemMessage" BaseType="graph.message">
        <NavigationProperty Name="versions" Type="Collection(graph.message)" />
      </EntityType>
      <EntityType Name="event" BaseType="graph.entity" />
      <EntityType Name="profilePhoto" BaseType="graph.entity" HasStream="true" />
      <EntityType Name="driveItem" BaseType="graph.entity">
        <Property Name="content" Type="Edm.Stream" />
      </EntityType>
      <ComplexType Name="mailboxSettings">
        <Property Name="timeZone" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="note" />
      <ComplexType Name="report">
        <Property Name="content" Type="Edm.Stream" />
      </ComplexType>
      <Function Name="delta" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(graph.user)" />
        <ReturnType Type="Collection(graph.user)" />
      </Function>
      <Function Name="reminderView" IsBound="true">
        <Parameter Name="bindingparameter" Type="graph.user" />
        <Parameter Name="StartDateTime" Type="Edm.String" />
        <ReturnType Type="Collection(graph.event)" />
      </Function>
      <Action Name="sendMail" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
      </Action>
      <Action Name="getMemberGroups" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.directoryObject" />
        <ReturnType Type="Collection(Edm.String)" />
      </Action>
      <Action Name="reply" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.eventMessage" />
        <ReturnType Type="graph.message" />
      </Action>
      <Function Name="getReport" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.user" />
        <ReturnType Type="graph.report" />
      </Function>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="microsoft.graph.user" />
        <EntitySet Name="groups" EntityType="microsoft.graph.group" />
        <EntitySet Name="items" EntityType="microsoft.graph.driveItem" />
        <Singleton Name="me" Type="microsoft.graph.user" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""

G = "microsoft.graph."
AT = SourceSpan("api/page.md", 5)


@pytest.fixture()
def csdl(tmp_path: Path) -> Csdl:
    (tmp_path / "csdl.xml").write_text(CSDL, encoding="utf-8")
    return read_csdl(tmp_path / "csdl.xml")


def test_the_reader_keeps_the_container_and_the_bound_operations(csdl: Csdl) -> None:
    assert csdl.entity_sets == {
        "users": G + "user",
        "groups": G + "group",
        "items": G + "driveItem",
    }
    assert csdl.singletons == {"me": G + "user"}
    assert csdl.operations[0] == CsdlOperation(
        G + "delta", False, G + "user", True, G + "user", True
    )
    send = next(o for o in csdl.operations if o.name == "sendMail")
    assert (send.action, send.binding, send.returns) == (True, G + "user", None)


@pytest.mark.parametrize(
    ("method", "path", "answer"),
    [
        # entity sets and singletons
        ("GET", "/users", Answer(G + "user", True)),
        ("GET", "/me", Answer(G + "user", False)),
        ("GET", "/Users", Answer(G + "user", True)),  # the service ignores case
        # keys: a placeholder, or a value written in
        ("GET", "/users/{id | userPrincipalName}", Answer(G + "user", False)),
        ("GET", "/users/adele@contoso.com", Answer(G + "user", False)),
        # POST to a collection of entities answers with one member
        ("POST", "/users", Answer(G + "user", False)),
        ("POST", "/me/messages", Answer(G + "message", False)),
        # properties: structural, navigation, of a base, of a derived type
        ("GET", "/me/mailboxSettings", Answer(G + "mailboxSettings", False)),
        ("GET", "/me/notes", Answer(G + "note", True)),
        ("POST", "/me/notes", Answer(G + "note", True)),  # not a set of entities
        ("GET", "/me/manager", Answer(G + "directoryObject", False)),
        ("GET", "/me/messages", Answer(G + "message", True)),
        ("GET", "/me/memberOf", Answer(G + "directoryObject", True)),
        ("GET", "/me/messages/{id}/event", Answer(G + "event", False)),
        # bound functions (collection-bound, with parameters) and actions
        ("GET", "/users/delta()", Answer(G + "user", True)),
        ("GET", "/users/microsoft.graph.delta()", Answer(G + "user", True)),
        ("GET", "/me/reminderView(StartDateTime={start})", Answer(G + "event", True)),
        ("POST", "/me/sendMail", Answer(None, False)),  # an action that answers nothing
        ("POST", "/me/messages/{id}/reply", Answer(G + "message", False)),  # derived binding
        # casts
        ("GET", "/groups/{id}/owners/microsoft.graph.user", Answer(G + "user", True)),
        ("GET", "/me/manager/microsoft.graph.user/memberOf", Answer(G + "directoryObject", True)),
    ],
)
def test_each_step_of_the_walk(csdl: Csdl, method: str, path: str, answer: Answer) -> None:
    assert CsdlWalk(csdl).answer(method, path) == answer


@pytest.mark.parametrize(
    ("method", "path", "kind"),
    [
        ("GET", "/me/manager/$ref", "$ref"),
        ("GET", "/me/photo/$value", "$value"),
        ("GET", "/users/$count", "$count"),
        ("GET", "/me/drive/root:/{item-path}:", "colon path"),
        ("GET", "/items/{id}/content", "stream"),
        ("GET", "/me/getReport()", "stream"),  # a type of nothing but a stream: its content
        ("GET", "/me/mailboxSettings/timeZone", "primitive"),
        ("POST", "/me/getMemberGroups", "primitive"),
        ("GET", "/nowhere", "unresolvable"),
        ("GET", "/me/nothing", "unresolvable"),
        ("GET", "/me/{property}", "unresolvable"),
        ("GET", "/me/notes/{id}", "unresolvable"),  # complex values have no keys
        ("GET", "/me/notes/first", "unresolvable"),
        # two types derived from message declare `versions` differently: which one?
        ("GET", "/me/messages/{id}/versions", "unresolvable"),
        ("GET", "/me/sendMail/more", "unresolvable"),
        ("GET", "/users/delta()/{id}/notThere()", "unresolvable"),
    ],
)
def test_each_path_the_csdl_does_not_type(csdl: Csdl, method: str, path: str, kind: str) -> None:
    assert CsdlWalk(csdl).answer(method, path) == kind


def test_a_colon_inside_arguments_is_no_colon_path(csdl: Csdl) -> None:
    walk = CsdlWalk(csdl)
    assert walk.answer("GET", "/me/reminderView(StartDateTime='10:00')") == Answer(
        G + "event", True
    )


def _type(name: str, base: str | None = None) -> StructuredType:
    return StructuredType(
        name=name,
        namespace="microsoft.graph",
        kind="complex" if name == "mailboxSettings" else "entity",
        base=G + base if base else None,
        source=AT,
    )


def _operation(
    method: str,
    path: str,
    answer: str | None = None,
    collection: bool = False,
    status: int | None = None,
    page: str = "api/page.md",
) -> Operation:
    return Operation(
        name=path,
        title=f"{method} {path}",
        method=method,
        paths=(path,),
        response_type=TypeRef(name=G + answer, collection=collection) if answer else None,
        status=status,
        source=SourceSpan(page, 5),
    )


def _model() -> ApiModel:
    return ApiModel(
        types=(
            _type("entity"),
            _type("directoryObject", "entity"),
            _type("user", "directoryObject"),
            _type("message", "entity"),
            _type("event", "entity"),
            _type("mailboxSettings"),
        ),
        operations=(
            _operation("GET", "/users", "user", collection=True),  # agrees
            _operation("POST", "/users", "user"),  # agrees
            _operation("GET", "/users/{id}", "user"),  # agrees
            _operation("POST", "/me/sendMail", status=204),  # agrees: None
            _operation("GET", "/me", "directoryObject"),  # a base
            _operation("GET", "/me/messages", "message"),  # one, not a page
            _operation("GET", "/me/manager"),  # Any
            _operation("POST", "/me/messages/{id}/reply"),  # Any
            _operation("GET", "/me/mailboxSettings", "event"),  # unrelated
            _operation("POST", "/me/memberOf", "message", status=204),  # unrelated: X | None
            dataclasses.replace(  # no body: its page answers 202 without one
                _operation("POST", "/users/{id}/messages", status=202),
                answers=(ModelAnswer(path="/users/{id}/messages", empty=True),),
            ),
            _operation("GET", "/me/photo", "event"),  # profilePhoto: in no page
            _operation("GET", "/me/reminderView(<start>)", page="api/b.md"),  # no method
            _operation("GET", "/me/photo/$value"),  # not typed by the CSDL
            _operation("PATCH", "/me", "user"),  # not measured
            # the same request again, placeholders named and cased otherwise: counted once
            _operation("GET", "/Users/{user-id}", "user", page="api/a.md"),
        ),
    )


def test_each_kind_of_miss(csdl: Csdl) -> None:
    requests = compare_operations(_model(), csdl)
    assert requests.summary() == [
        "requests typed as the CSDL answers them: 30.77% (4/13)",
        (
            "requests the client misses: Any 2, base or subtype 1, page or single 1, no body 1,"
            " undocumented type 1, unrelated 2, not generated 1"
        ),
        (
            "requests the CSDL does not type: 1 ($ref 0, $value 1, $count 0, colon path 0,"
            " stream 0, primitive 0, unresolvable 0)"
        ),
    ]
    assert requests.disagreements("docs") == [
        (
            "docs/api/page.md:5: GET /me/manager answers microsoft.graph.directoryObject in the"
            " CSDL, Any in the client (Any)"
        ),
        (
            "docs/api/page.md:5: POST /me/messages/{id}/reply answers microsoft.graph.message in"
            " the CSDL, Any in the client (Any)"
        ),
        (
            "docs/api/page.md:5: GET /me answers microsoft.graph.user in the CSDL, DirectoryObject"
            " in the client (base or subtype)"
        ),
        (
            "docs/api/page.md:5: GET /me/messages answers Page[microsoft.graph.message] in the"
            " CSDL, Message in the client (page or single)"
        ),
        (
            "docs/api/page.md:5: POST /users/{id}/messages answers microsoft.graph.message in the"
            " CSDL, None in the client (no body)"
        ),
        (
            "docs/api/page.md:5: GET /me/photo answers microsoft.graph.profilePhoto in the CSDL,"
            " Event in the client (undocumented type)"
        ),
        (
            "docs/api/page.md:5: GET /me/mailboxSettings answers microsoft.graph.mailboxSettings in"
            " the CSDL, Event in the client (unrelated)"
        ),
        (
            "docs/api/page.md:5: POST /me/memberOf answers microsoft.graph.directoryObject in the"
            " CSDL, Message | None in the client (unrelated)"
        ),
        (
            "docs/api/b.md:5: GET /me/reminderView(<start>) answers Page[microsoft.graph.event] in"
            " the CSDL, no method in the client (not generated)"
        ),
    ]
    assert requests.examples("docs", each=1)[:2] == [
        "Any (2):",
        (
            "  docs/api/page.md:5: GET /me/manager answers microsoft.graph.directoryObject in the"
            " CSDL, Any in the client (Any)"
        ),
    ]


def test_a_request_is_counted_once_whatever_its_placeholders_and_case() -> None:
    requests = documented_requests(_model())
    assert requests[("GET", "/Users/{user-id}")] == SourceSpan("api/a.md", 5)
    assert ("GET", "/users/{id}") not in requests
    assert len(requests) == 14


def test_the_client_is_read_from_the_rendered_files(csdl: Csdl) -> None:
    """The annotation the files carry decides, not what the planner meant to write."""
    files = render_files(_model(), "client", Diagnostics())
    builder = next(f for f in files if f.path == "builders/me_manager.py")
    edited = builder.text.replace("-> Any:", "-> DirectoryObject:").replace(
        "if TYPE_CHECKING:\n",
        "if TYPE_CHECKING:\n    from ..models.directory_object import DirectoryObject\n",
    )
    assert edited != builder.text
    changed = [RenderedFile(f.path, edited) if f is builder else f for f in files]
    before = compare_operations(_model(), csdl, files)
    after = compare_operations(_model(), csdl, changed)
    assert (before.typed.agreeing, after.typed.agreeing) == (4, 5)
    assert "/me/manager " not in "\n".join(after.disagreements(""))


def test_cli_prints_the_request_measure_after_the_type_measures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "csdl.xml").write_text(CSDL, encoding="utf-8")
    write_files(tmp_path / "docs", {"api/user-get.md": USER_GET, "resources/user.md": USER})
    assert main([str(tmp_path / "docs"), "--verify-against", str(tmp_path / "csdl.xml")]) == 0
    out = capsys.readouterr().out.splitlines()
    scoped = next(i for i, line in enumerate(out) if line.startswith("gen-graph: agreement over"))
    assert out[scoped - 3 : scoped] == [
        "  requests typed as the CSDL answers them: 50.00% (1/2)",
        (
            "  requests the client misses: Any 0, base or subtype 0, page or single 1, no body 0,"
            " undocumented type 0, unrelated 0, not generated 0"
        ),
        (
            "  requests the CSDL does not type: 1 ($ref 0, $value 0, $count 0, colon path 0,"
            " stream 0, primitive 0, unresolvable 1)"
        ),
    ]
    assert (
        f"{(tmp_path / 'docs').as_posix()}/api/user-get.md:11: GET /users answers"
        " Page[microsoft.graph.user] in the CSDL, User in the client (page or single)"
    ) in out
    assert main([str(tmp_path / "docs"), "--verify-against", str(tmp_path / "csdl.xml"), "-q"]) == 0
    assert not any(" in the client (" in line for line in capsys.readouterr().out.splitlines())


USER_GET = """# Get user

Namespace: microsoft.graph

Read the properties of a [user](../resources/user.md).

## HTTP request

<!-- { "blockType": "ignored" } -->
```http
GET /me
GET /users
GET /nowhere
```

## Response

If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.
"""

USER = """# user resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The id. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.user" } -->
```json
{ "id": "String" }
```
"""


@pytest.mark.parametrize(
    ("annotation", "read"),
    [
        ("Any", (None, False)),
        ("None", (None, False)),
        ("str", (None, False)),
        ("User", ("microsoft.graph.user", False)),
        ("User | None", ("microsoft.graph.user", False)),
        ("_http.Page[User]", ("microsoft.graph.user", True)),
        ("_http.Page[User] | None", ("microsoft.graph.user", True)),
        ("Event", (None, False)),  # not imported from the models: names no model class
        ("Sensitivity | str", ("microsoft.graph.sensitivity", False)),  # an open enum
        ("User | str", ("microsoft.graph.user", False)),
        ("str | User", (None, False)),
    ],
)
def test_a_return_annotation_names_a_class_and_a_shape(
    annotation: str, read: tuple[str | None, bool]
) -> None:
    node = ast.parse(annotation, mode="eval").body
    imports = {"User": "microsoft.graph.user", "Sensitivity": "microsoft.graph.sensitivity"}
    generated = read_annotation(node, imports)
    assert (generated.annotation, generated.type, generated.collection) == (annotation, *read)
