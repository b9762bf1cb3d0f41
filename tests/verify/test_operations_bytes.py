"""The request measure and downloads: a report function answers 302 to a CSV, the client gives
bytes, and the CSDL's `report` holds nothing but that stream: they agree."""

from __future__ import annotations

from pathlib import Path

from generator.model import ApiModel, Operation, TypeRef
from generator.source import SourceSpan
from generator.verify import compare_operations, read_csdl

CSDL = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="reportRoot" BaseType="graph.entity" />
      <ComplexType Name="report">
        <Property Name="content" Type="Edm.Stream" />
      </ComplexType>
      <ComplexType Name="notOnlyStream">
        <Property Name="content" Type="Edm.Stream" />
        <Property Name="name" Type="Edm.String" />
      </ComplexType>
      <Function Name="getUsage" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.reportRoot" />
        <Parameter Name="period" Type="Edm.String" />
        <ReturnType Type="graph.report" />
      </Function>
      <Function Name="getOther" IsBound="true">
        <Parameter Name="bindingParameter" Type="graph.reportRoot" />
        <ReturnType Type="graph.notOnlyStream" />
      </Function>
      <EntityContainer Name="GraphService">
        <Singleton Name="reports" Type="microsoft.graph.reportRoot" />
      </EntityContainer>
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""


def _download(path: str, answer: str) -> Operation:
    return Operation(
        name=path,
        method="GET",
        paths=(path,),
        status=302,
        response_type=TypeRef(name=f"microsoft.graph.{answer}"),
        source=SourceSpan("api/page.md", 5),
    )


def test_bytes_agree_with_a_type_that_is_only_a_stream(tmp_path: Path) -> None:
    (tmp_path / "csdl.xml").write_text(CSDL, encoding="utf-8")
    model = ApiModel(
        operations=(
            _download("/reports/getUsage(period='{period_value}')", "report"),
            _download("/reports/getOther()", "notOnlyStream"),
        )
    )
    requests = compare_operations(model, read_csdl(tmp_path / "csdl.xml"))
    assert (requests.typed.agreeing, requests.typed.total) == (1, 2)
    assert requests.disagreements("") == [
        (
            "api/page.md:5: GET /reports/getOther() answers microsoft.graph.notOnlyStream in the"
            " CSDL, bytes in the client (unrelated)"
        )
    ]
