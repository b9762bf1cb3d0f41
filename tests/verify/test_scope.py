"""The part of the CSDL a docs folder documents (verify/scope.py), on a tiny CSDL and tiny docs:
a resource page declares `user` and the enum `color`; `address` is only inferred from an
example (GG021) and `invitation` from a request-body table (GG022); `group` has no page."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.extract import build_model
from generator.model import ApiModel
from generator.pipeline import Run, parse_docs
from generator.verify import documented_by_a_page, documented_summary, read_csdl
from generator.verify.operations import compare_operations
from tests.conftest import write_files

CSDL = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="kind" Type="graph.userKind" />
        <Property Name="home" Type="graph.address" />
        <Property Name="nickname" Type="Edm.String" />
      </EntityType>
      <EntityType Name="group" BaseType="graph.entity">
        <Property Name="title" Type="Edm.String" />
      </EntityType>
      <ComplexType Name="address">
        <Property Name="city" Type="Edm.String" />
      </ComplexType>
      <ComplexType Name="invitation">
        <Property Name="email" Type="Edm.String" />
      </ComplexType>
      <EnumType Name="userKind">
        <Member Name="member" Value="0" />
        <Member Name="guest" Value="1" />
      </EnumType>
      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="blue" Value="1" />
      </EnumType>
      <EnumType Name="shade">
        <Member Name="dark" Value="0" />
      </EnumType>
      <EntityContainer Name="GraphService">
        <EntitySet Name="users" EntityType="microsoft.graph.user" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""

USER = """# user resource type

Namespace: microsoft.graph

## Properties

| Property | Type | Description |
|:---|:---|:---|
| id | String | The id. |
| displayName | String | The name. |
| kind | userKind | What the user is. |
| home | [address](address.md) | Where the user lives. |

## color values

| Member | Description |
|:---|:---|
| red | Red. |
| blue | Blue. |

## JSON representation

<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.user", "baseType": "microsoft.graph.entity" } -->
```json
{ "id": "String", "displayName": "String" }
```
"""

USER_GET = """# Get user

Namespace: microsoft.graph

## HTTP request

<!-- { "blockType": "ignored" } -->
```http
GET /users/{id}
```

## Response

If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object in the response body.

## Example

### Request

<!-- { "blockType": "request", "name": "get_user" } -->
```http
GET https://graph.microsoft.com/v1.0/users/1
```

### Response

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.user" } -->
```http
HTTP/1.1 200 OK
Content-type: application/json

{
  "id": "1",
  "home": { "@odata.type": "#microsoft.graph.address", "city": "Oslo" }
}
```
"""

INVITE = """# Invite a user

Namespace: microsoft.graph

## HTTP request

<!-- { "blockType": "ignored" } -->
```http
POST /users/{id}/invite
```

## Request body

In the request body, supply a JSON representation of an [invitation](../resources/invitation.md) object.

| Property | Type | Description |
|:---|:---|:---|
| email | String | Where to send it. |

## Response

If successful, this method returns a `204 No Content` response code.
"""

PAGES = {"resources/user.md": USER, "api/user-get.md": USER_GET, "api/user-invite.md": INVITE}


def _docs(root: Path) -> tuple[Path, ApiModel, list[str]]:
    write_files(root / "docs", PAGES)
    (root / "csdl.xml").write_text(CSDL, encoding="utf-8")
    run = Run()
    model = build_model(parse_docs(root / "docs", run), run.diagnostics)
    return root / "docs", model, sorted(d.code for d in run.diagnostics.items)


def test_only_the_types_a_resource_page_declares_are_documented(tmp_path: Path) -> None:
    docs, model, codes = _docs(tmp_path)
    names = {t.qualified_name for t in model.types}
    assert {"microsoft.graph.address", "microsoft.graph.invitation"} <= names
    assert {"GG021", "GG022"} <= set(codes)  # inferred: no page declares them
    scope = documented_by_a_page(model, docs)
    assert scope.types == {"microsoft.graph.user"}
    assert scope.enums == {"microsoft.graph.color"}  # a value table; userKind has none


def test_the_csdl_is_narrowed_to_the_documented_types_and_their_enums(tmp_path: Path) -> None:
    docs, model, _ = _docs(tmp_path)
    scoped = documented_by_a_page(model, docs).restrict(read_csdl(tmp_path / "csdl.xml"))
    assert sorted(scoped.types) == ["microsoft.graph.user"]
    # userKind: a documented type's property uses it; color: a page declares it; not shade
    assert sorted(scoped.enums) == ["microsoft.graph.color", "microsoft.graph.userKind"]


def test_a_page_missing_from_docs_documents_nothing(tmp_path: Path) -> None:
    docs, model, _ = _docs(tmp_path)
    (docs / "resources" / "user.md").unlink()
    assert documented_by_a_page(model, docs).types == frozenset()


def test_the_summary_measures_over_the_documented_types(tmp_path: Path) -> None:
    docs, model, _ = _docs(tmp_path)
    csdl = read_csdl(tmp_path / "csdl.xml")
    lines = documented_summary(model, csdl, docs, compare_operations(model, csdl))
    assert lines[0] == (
        f"gen-graph: agreement over the 1 CSDL types documented by a page of {docs.as_posix()}"
        " (and the 2 CSDL enums their properties use or a page declares):"
    )
    assert lines[1:7] == [
        "  types found: 100.00% (1/1)",
        "  properties found: 75.00% (3/4)",  # displayName, kind, home; not nickname
        "  property types agreeing: 66.67% (2/3)",  # kind is untyped: no page has userKind
        "  base types agreeing: 0.00% (0/1)",  # entity has no page
        "  enums found: 50.00% (1/2)",  # color; not userKind
        "  enum members found: 50.00% (2/4)",
    ]
    assert lines[-1].startswith(
        "  requests typed as the CSDL answers them (every documented request: each has its page"
        " in DOCS): "
    )
    assert not any("model types the CSDL lacks" in line for line in lines)


def test_cli_prints_the_documented_block_after_the_whole_csdl(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs, _, _ = _docs(tmp_path)
    assert main([str(docs), "--verify-against", str(tmp_path / "csdl.xml"), "-q"]) == 0
    out = capsys.readouterr().out.splitlines()
    whole = out.index(f"gen-graph: agreement with {(tmp_path / 'csdl.xml').as_posix()}:")
    assert out[whole + 1].startswith("  types found: ") and "(3/5)" in out[whole + 1]
    assert out[whole + 8].startswith("  requests typed as the CSDL answers them: ")
    scoped = whole + 11
    assert out[scoped].startswith("gen-graph: agreement over the 1 CSDL types documented by")
    assert out[scoped + 1] == "  types found: 100.00% (1/1); the docs name 1: ceiling 100.00%"
    assert len(out) == scoped + 8
