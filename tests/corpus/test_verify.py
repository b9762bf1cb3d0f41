"""The verifier on small inputs: the CSDL reader, each measure, and the CLI flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli import main
from generator.extract import build_model
from generator.model import ApiModel, EnumMember, EnumType, Property, StructuredType, TypeRef
from generator.pipeline import Run, parse_docs
from generator.source import SourceSpan
from generator.verify import compare, compare_operations, docs_vocabulary, read_csdl
from tests.conftest import CORPUS, write_files
from tests.corpus.conftest import CSDL as CORPUS_CSDL
from tests.corpus.conftest import CorpusRun

# Requests typed exactly as the CSDL answers them (issue 14 item 7), as measured when the
# measure came: floors, to be raised as issue 14 is fixed (tests/verify has the small cases)
REQUESTS_REACHED = 97.5  # issue 14's goal is 97; 97.52: 1773 of 1818 in the 2021 corpus
REQUESTS_REACHED_2026 = 87.77  # 79 of 90 in the 2026 sample

CSDL = """<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="color">
        <Member Name="red" Value="0" />
        <Member Name="blue" Value="1" />
      </EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="user" BaseType="graph.entity">
        <Property Name="displayName" Type="Edm.String" />
        <Property Name="colors" Type="Collection(graph.color)" />
        <NavigationProperty Name="manager" Type="graph.user" />
      </EntityType>
    </Schema>
    <Schema Namespace="microsoft.graph.callRecords" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="media" />
    </Schema>
    <Schema Namespace="other" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <ComplexType Name="ignored" />
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>
"""

AT = SourceSpan("resources/user.md", 3)


def prop(name: str, type_: str) -> Property:
    return Property(name=name, type=TypeRef(name=type_), source=AT)


def _model() -> ApiModel:
    return ApiModel(
        types=(
            StructuredType(
                name="entity",
                namespace="microsoft.graph",
                kind="entity",
                properties=(prop("id", "Edm.String"),),
                source=AT,
            ),
            StructuredType(
                name="User",
                namespace="microsoft.graph",
                kind="entity",
                base="microsoft.graph.entity",
                properties=(
                    prop("displayName", "Edm.String"),
                    prop("colors", "microsoft.graph.color"),
                ),
                source=AT,
            ),
            StructuredType(name="extra", namespace="microsoft.graph", kind="complex", source=AT),
        ),
        enums=(
            EnumType(
                name="color",
                namespace="microsoft.graph",
                members=(EnumMember(name="red", source=AT),),
                source=AT,
            ),
        ),
    )


def test_reader_keeps_every_microsoft_graph_schema_and_resolves_aliases(tmp_path: Path) -> None:
    (tmp_path / "csdl.xml").write_text(CSDL, encoding="utf-8")
    csdl = read_csdl(tmp_path / "csdl.xml")
    assert sorted(csdl.types) == [
        "microsoft.graph.callRecords.media",
        "microsoft.graph.entity",
        "microsoft.graph.user",
    ]
    user = csdl.types["microsoft.graph.user"]
    assert user.base == "microsoft.graph.entity"
    assert user.line == 13
    assert (user.properties["colors"].type, user.properties["colors"].collection) == (
        "microsoft.graph.color",
        True,
    )
    assert user.properties["manager"].navigation
    assert csdl.enums["microsoft.graph.color"].members == ("red", "blue")


def test_each_measure_and_each_disagreement(tmp_path: Path) -> None:
    (tmp_path / "csdl.xml").write_text(CSDL, encoding="utf-8")
    agreement = compare(_model(), read_csdl(tmp_path / "csdl.xml"))
    assert agreement.summary() == [
        "types found: 66.67% (2/3)",
        "properties found: 75.00% (3/4)",
        "property types agreeing: 66.67% (2/3)",
        "base types agreeing: 100.00% (1/1)",
        "enums found: 100.00% (1/1)",
        "enum members found: 50.00% (1/2)",
        "model types the CSDL lacks: 33.33% (1/3)",
    ]
    csdl_path = (tmp_path / "csdl.xml").as_posix()
    assert agreement.disagreements("docs") == [
        (
            "docs/resources/user.md:3: warning GG061: property microsoft.graph.user.manager is not in "
            "the docs model"
        ),
        (
            "docs/resources/user.md:3: warning GG062: microsoft.graph.user.colors is "
            "microsoft.graph.color here, Collection(microsoft.graph.color) in the CSDL"
        ),
        (
            "docs/resources/user.md:3: warning GG065: member blue of microsoft.graph.color is not in "
            "the docs"
        ),
        "docs/resources/user.md:3: info GG066: type microsoft.graph.extra is not in the CSDL",
        (
            f"{csdl_path}:20: warning GG060: type microsoft.graph.callRecords.media is not in the "
            "docs model"
        ),
    ]


def test_each_recall_measure_has_the_ceiling_the_docs_allow(tmp_path: Path) -> None:
    """An element counts as reachable when the docs name it (a member or property with its
    owner, a base with its type) or the model has it anyway; the rest could only be invented."""
    (tmp_path / "csdl.xml").write_text(CSDL, encoding="utf-8")
    write_files(
        tmp_path / "docs",
        {
            "resources/user.md": "# user\n\nA `user` has a `manager`; `microsoft.graph.callRecords`"
            " and the color `blue`.\n",
            "resources/media.md": "# media\n",
        },
    )
    vocabulary = docs_vocabulary(tmp_path / "docs")
    assert {"user", "manager", "microsoft", "callrecords", "blue", "media"} <= vocabulary
    assert "displayname" not in vocabulary
    agreement = compare(_model(), read_csdl(tmp_path / "csdl.xml"), vocabulary)
    assert agreement.summary() == [
        "types found: 66.67% (2/3); the docs name 3: ceiling 100.00%",
        "properties found: 75.00% (3/4); the docs name 4: ceiling 100.00%",
        "property types agreeing: 66.67% (2/3)",
        "base types agreeing: 100.00% (1/1); the docs name 1: ceiling 100.00%",
        "enums found: 100.00% (1/1); the docs name 1: ceiling 100.00%",
        "enum members found: 50.00% (1/2); the docs name 2: ceiling 100.00%",
        "model types the CSDL lacks: 33.33% (1/3)",
    ]
    (tmp_path / "docs" / "resources" / "user.md").write_text("# user\n", encoding="utf-8")
    narrow = compare(_model(), read_csdl(tmp_path / "csdl.xml"), docs_vocabulary(tmp_path / "docs"))
    assert narrow.summary()[1] == "properties found: 75.00% (3/4); the docs name 3: ceiling 75.00%"
    assert (
        narrow.summary()[5] == "enum members found: 50.00% (1/2); the docs name 1: ceiling 50.00%"
    )


def test_cli_verifies_without_writing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "csdl.xml").write_text(CSDL, encoding="utf-8")
    write_files(
        tmp_path / "docs",
        {
            "resources/entity.md": "# entity resource type\n\n## Properties\n\n"
            "| Property | Type | Description |\n|---|---|---|\n| id | String | Read-only. |\n",
        },
    )
    assert main([str(tmp_path / "docs"), "--verify-against", str(tmp_path / "csdl.xml"), "-q"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("gen-graph: agreement with ")
    assert out[1:3] == [
        "  types found: 33.33% (1/3); the docs name 1: ceiling 33.33%",
        "  properties found: 25.00% (1/4); the docs name 1: ceiling 25.00%",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csdl.xml", "docs"]


def test_cli_reports_an_unreadable_csdl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "csdl.xml").write_text("<not xml", encoding="utf-8")
    assert main([str(tmp_path / "docs"), "--verify-against", str(tmp_path / "csdl.xml")]) == 2
    assert "cannot read the CSDL" in capsys.readouterr().err


def test_csdl_json_is_the_models_untyped(tmp_path: Path) -> None:
    csdl = CSDL.replace(
        '<Property Name="displayName" Type="Edm.String" />',
        '<Property Name="displayName" Type="graph.Json" />',
    )
    (tmp_path / "csdl.xml").write_text(csdl, encoding="utf-8")
    untyped = _model()
    user = untyped.types[1]
    retyped = StructuredType(
        name=user.name,
        namespace=user.namespace,
        kind=user.kind,
        base=user.base,
        properties=(prop("displayName", "Edm.Untyped"), user.properties[1]),
        source=AT,
    )
    model = ApiModel(types=(untyped.types[0], retyped, untyped.types[2]), enums=untyped.enums)
    agreement = compare(model, read_csdl(tmp_path / "csdl.xml"))
    assert agreement.summary()[2] == "property types agreeing: 66.67% (2/3)"
    wrong = ApiModel(types=(untyped.types[0], user, untyped.types[2]), enums=untyped.enums)
    assert compare(wrong, read_csdl(tmp_path / "csdl.xml")).summary()[2] == (
        "property types agreeing: 33.33% (1/3)"
    )


@pytest.mark.corpus
def test_corpus_requests_are_typed_as_the_csdl_answers_them(corpus_run: CorpusRun) -> None:
    """The session's model, rendered once in memory: about three seconds."""
    requests = compare_operations(corpus_run.model, read_csdl(CORPUS_CSDL))
    assert requests.typed.total > 1800, requests.summary()
    assert requests.typed.percent >= REQUESTS_REACHED, requests.summary()
    assert len(requests.disagreements("")) == requests.typed.total - requests.typed.agreeing
    # issue 14: no method names a class unrelated to the service's answer
    assert requests.by_kind()["unrelated"] == [], requests.disagreements("")


@pytest.mark.corpus
def test_2026_sample_requests_are_typed_as_the_csdl_answers_them() -> None:
    run = Run()
    model = build_model(
        parse_docs(CORPUS / "graph-docs-2026-sample" / "v1.0", run), run.diagnostics
    )
    requests = compare_operations(model, read_csdl(CORPUS / "csdl" / "v1.0-2026-08.xml"))
    assert requests.typed.total > 80, requests.summary()
    assert requests.typed.percent >= REQUESTS_REACHED_2026, requests.summary()
