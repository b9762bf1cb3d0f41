"""A DOCS of two API versions (docs_input as `v1.0`, a copy with one more property and one more
type as `beta`): one subpackage per version, each mypy --strict clean and importable, neither
seeing the other's types; --api-version, --dump-model and --verify-against per version; a DOCS
of one version generates as it always did."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import DOCS_INPUT

_WIDGET = """---
title: "widget resource type"
doc_type: resourcePageType
---

# widget resource type

Namespace: microsoft.graph

A beta-only widget. Inherits from [entity](entity.md).

## Properties

| Property | Type | Description |
|:---------|:-----|:------------|
| id | String | The identifier. Read-only. |
| size | Int32 | The size. |
"""


def make_docs(root: Path) -> Path:
    docs = root / "docs"
    shutil.copytree(DOCS_INPUT, docs / "v1.0")
    shutil.copytree(DOCS_INPUT, docs / "beta")
    user = docs / "beta" / "resources" / "user.md"
    text = user.read_text(encoding="utf-8")
    row = "| userType | String |"
    user.write_text(
        text.replace(row, "| betaNickname | String | A beta-only nickname. |\n" + row),
        encoding="utf-8",
    )
    (docs / "beta" / "resources" / "widget.md").write_text(_WIDGET, encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The two-version DOCS generated into `out/graph`; returns the folder holding both."""
    root = tmp_path_factory.mktemp("versions")
    docs = make_docs(root)
    assert main([str(docs), "-o", str(root / "out" / "graph"), "--no-cache", "-q"]) == 0
    return root


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != ".gen-graph-manifest.json"
    }


def _python(code: str, path: Path) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_subpackage_per_version_under_a_root_that_names_them(two: Path) -> None:
    out = two / "out" / "graph"
    tree = _tree(out)
    assert {p.partition("/")[0] for p in tree} == {"__init__.py", "py.typed", "beta", "v1_0"}
    for version in ("beta", "v1_0"):
        for path in ("__init__.py", "_runtime.py", "_registry.py", "client.py", "models/user.py"):
            assert f"{version}/{path}" in tree
    # each version's runtime is the runtime, byte for byte
    assert tree["beta/_runtime.py"] == tree["v1_0/_runtime.py"]
    root = tree["__init__.py"].decode()
    assert 'VERSIONS: tuple[str, ...] = ("beta", "v1.0")' in root
    assert "import" not in root.replace("from __future__ import annotations", "").replace(
        "import Client", ""
    )


def test_beta_never_lands_on_v1_0(two: Path) -> None:
    out = two / "out" / "graph"
    assert "beta_nickname" in (out / "beta" / "models" / "user.py").read_text(encoding="utf-8")
    assert "beta_nickname" not in (out / "v1_0" / "models" / "user.py").read_text(encoding="utf-8")
    assert (out / "beta" / "models" / "widget.py").is_file()
    assert not (out / "v1_0" / "models" / "widget.py").exists()
    index = (out / "v1_0" / "models" / "__init__.py").read_text(encoding="utf-8")
    assert "widget" not in index.lower()  # the models' index, that model_for reads
    beta = (out / "beta" / "models" / "__init__.py").read_text(encoding="utf-8")
    assert '"\\nwidget Widget"' in beta


def test_both_subpackages_import_and_keep_their_own_types(two: Path) -> None:
    printed = _python(
        "import sys, graph\n"
        "print(graph.VERSIONS, sorted(m for m in sys.modules if m.startswith('graph')))\n"
        "from graph.v1_0 import Client as C1, model_for as m1\n"
        "from graph.beta import Client as C2, model_for as m2\n"
        "from graph.beta.models import User as B, Widget\n"
        "from graph.v1_0.models import User as V\n"
        "print(C1 is not C2, m1('microsoft.graph.user') is V, m2('microsoft.graph.user') is B)\n"
        "print(m2('microsoft.graph.widget') is Widget, 'microsoft.graph.widget' in str(m1.__doc__))\n"
        "try:\n"
        "    m1('microsoft.graph.widget')\n"
        "except KeyError:\n"
        "    print('no widget in v1.0')\n"
        "b = B.from_dict({'betaNickname': 'x', 'displayName': 'd'})\n"
        "v = V.from_dict({'betaNickname': 'x', 'displayName': 'd'})\n"
        "print(b.beta_nickname, v.display_name, hasattr(v, 'beta_nickname'))\n"
        # @odata.type is read through the version's own registry (polymorphism per version)
        "from graph.beta.models import Entity as BE\n"
        "from graph.v1_0.models import Entity as VE\n"
        "w = {'@odata.type': '#microsoft.graph.widget', 'size': 3}\n"
        "print(type(BE.from_dict(w)).__module__, type(VE.from_dict(w)).__module__)\n",
        two / "out",
    )
    assert printed.split("\n")[:6] == [
        "('beta', 'v1.0') ['graph']",
        "True True True",
        "True False",
        "no widget in v1.0",
        "x d False",
        "graph.beta.models.widget graph.v1_0.models.entity",
    ]


def test_both_subpackages_are_mypy_strict_clean(two: Path, tmp_path: Path) -> None:
    from mypy import api

    out, err, status = api.run(
        ["--strict", "--no-incremental", "--cache-dir", str(tmp_path), str(two / "out" / "graph")]
    )
    assert status == 0, out + err


def test_api_version_generates_that_version_as_a_package_of_its_own(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    assert main([str(docs), "-o", str(tmp_path / "one" / "graph"), "--no-cache", "-q",
                 "--api-version", "beta"]) == 0  # fmt: skip
    alone = tmp_path / "alone"
    shutil.copytree(docs / "beta", alone / "beta")  # a DOCS of one version: no subpackage
    assert main([str(alone), "-o", str(tmp_path / "two" / "graph"), "--no-cache", "-q"]) == 0
    one, other = _tree(tmp_path / "one" / "graph"), _tree(tmp_path / "two" / "graph")
    assert one == other
    assert "_runtime.py" in one and "models/widget.py" in one


def test_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = make_docs(tmp_path)
    out = str(tmp_path / "out")
    assert main([str(docs), "-o", out, "--no-cache", "--api-version", "v2"]) == 2
    assert "--api-version v2: not an API-version folder" in capsys.readouterr().err
    csdl = tmp_path / "x.xml"
    csdl.write_text("<x/>", encoding="utf-8")
    for argv in ([str(docs), "-o", out, "--no-cache"], [str(docs)]):
        assert main([*argv, "--verify-against", str(csdl)]) == 2
        err = capsys.readouterr().err
        assert "--verify-against compares one API version" in err and "--api-version" in err
    shutil.copytree(docs / "v1.0", docs / "V1_0")
    assert main([str(docs), "-o", out, "--no-cache"]) == 2
    assert "V1_0 and v1.0" in capsys.readouterr().err
    assert not Path(out).exists()


def test_dump_model_has_a_key_per_version(two: Path, tmp_path: Path) -> None:
    dump = tmp_path / "model.json"
    argv = [str(two / "docs"), "-o", str(two / "out" / "graph"), "--no-cache", "-q"]
    assert main([*argv, "--check", "--dump-model", str(dump)]) == 0  # and nothing would change
    versions = json.loads(dump.read_text(encoding="utf-8"))["versions"]
    assert sorted(versions) == ["beta", "v1.0"]
    names = {v: {t["name"] for t in m["types"]} for v, m in versions.items()}
    assert "widget" in names["beta"] and "widget" not in names["v1.0"]


def test_links_into_another_version_are_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = make_docs(tmp_path)
    user = docs / "v1.0" / "resources" / "user.md"
    row = "| mail | String |"
    text = user.read_text(encoding="utf-8")
    widget = "| widget | [widget](../../beta/resources/widget.md) | A link into beta. |\n"
    user.write_text(text.replace(row, widget + row), encoding="utf-8")
    (docs / "NOTES.md").write_text("# notes\n", encoding="utf-8")
    out = tmp_path / "out" / "graph"
    assert main([str(docs), "-o", str(out), "--no-cache"]) == 0
    err = capsys.readouterr().err
    assert "v1.0/resources/user.md:31: warning GG005: link ../../beta/resources/widget.md" in err
    assert "NOTES.md:1: warning GG004:" in err
    assert not (out / "v1_0" / "models" / "widget.py").exists()
    assert "Widget" not in (out / "v1_0" / "models" / "user.py").read_text(encoding="utf-8")


def test_the_cache_and_check_work_with_subpackages(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = make_docs(tmp_path)
    out = tmp_path / "out" / "graph"
    argv = [str(docs), "-o", str(out), "--cache-dir", str(tmp_path / "cache"), "-j", "1"]
    assert main(argv) == 0
    first = _tree(out)
    capsys.readouterr()
    assert main(argv) == 0  # nothing new: replayed
    replayed = capsys.readouterr().err
    assert "gen-graph: 2 API versions, 9 pages" in replayed
    assert "0 files written, 75 unchanged" in replayed  # each version has _batch, _upload
    user = docs / "beta" / "resources" / "user.md"
    user.write_text(
        user.read_text(encoding="utf-8").replace("betaNickname", "betaAlias"), encoding="utf-8"
    )
    assert main(argv) == 0
    assert "beta_alias" in (out / "beta" / "models" / "user.py").read_text(encoding="utf-8")
    report = capsys.readouterr().err  # the change report names the version
    assert "  BREAKING removed property User.beta_nickname [beta]: " in report
    assert "  added property User.beta_alias [beta]: " in report
    assert main([*argv, "--check"]) == 0
    fresh = tmp_path / "fresh" / "graph"
    assert main([str(docs), "-o", str(fresh), "--no-cache", "-q"]) == 0
    assert _tree(out) == _tree(fresh) != first


_CSDL = """<edmx:Edmx xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx" Version="4.0">
<edmx:DataServices><Schema xmlns="http://docs.oasis-open.org/odata/ns/edm"
 Namespace="microsoft.graph"><EntityType Name="widget"><Property Name="size" Type="Edm.Int32"/>
</EntityType></Schema></edmx:DataServices></edmx:Edmx>
"""


def test_verify_against_compares_the_version_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = make_docs(tmp_path)
    csdl = tmp_path / "csdl.xml"
    csdl.write_text(_CSDL, encoding="utf-8")
    found = {}
    for version in ("beta", "v1.0"):
        assert main([str(docs), "--verify-against", str(csdl), "--api-version", version]) == 0
        found[version] = next(
            line for line in capsys.readouterr().out.split("\n") if "types found" in line
        )
    assert "(1/1)" in found["beta"] and "(0/1)" in found["v1.0"]
    out = tmp_path / "out" / "beta"
    argv = [str(docs), "-o", str(out), "--no-cache", "-q", "--api-version", "beta"]
    assert main([*argv, "--verify-against", str(csdl)]) == 0
    assert "(1/1)" in capsys.readouterr().out and (out / "models" / "widget.py").is_file()
