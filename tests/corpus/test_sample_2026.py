"""Today's docs format: the 2026 sample of the Graph reference (258 pages, see its SOURCES.md)
generates without a traceback or an error diagnostic, into a package that compiles, imports
and is `mypy --strict` clean, and agrees with the CSDL of August 2026 at least as far as it
does now (the floors are the numbers reached; raise them as the model improves).

`--verify-against` measures recall over the whole CSDL (2961 types, most of which the sample
never mentions), so the floors here are measured over the part of the CSDL the sample
documents, as `--verify-against` prints it in its second block (verify/scope.py): the types a
resource page of the sample declares, and the enums their properties use or a page declares.
The diagnostics the sample raises are explained one by one in docs/input-format.md, "Today's
format (2026)"; their counts are pinned below so that a new one is looked at."""

from __future__ import annotations

import compileall
import importlib
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.pipeline import Run, generate
from generator.verify import Agreement, compare, documented_by_a_page, read_csdl
from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.corpus

DOCS = CORPUS / "graph-docs-2026-sample" / "v1.0"
CSDL = CORPUS / "csdl" / "v1.0-2026-08.xml"
PACKAGE = "sample_2026"

REACHED = {  # percent, rounded down, over the types a page of the sample declares (156/156)
    "types": 100.0,  # 156/156
    "properties": 89.98,  # 764/849 (89.99)
    "property_types": 94.76,  # 724/764 (94.76)
    "base_types": 92.0,  # 92/100
    "enums": 94.0,  # 47/50
    "enum_members": 87.93,  # 328/373 (87.94)
}
# by severity and code: each is a gap in a page or in the sample, explained in
# docs/input-format.md ("Today's format (2026)"); was 74 warnings, 39 infos
DIAGNOSTICS = {
    ("warning", "GG015"): 1,
    ("warning", "GG020"): 28,
    ("warning", "GG024"): 3,
    ("warning", "GG025"): 30,
    ("info", "GG021"): 6,
    ("info", "GG022"): 1,
    ("info", "GG023"): 30,
    ("info", "GG032"): 1,
    ("info", "GG033"): 2,
}
INPUT_FORMAT = ROOT / "docs" / "input-format.md"
SECTION = "## Today's format (2026)"


@dataclass(frozen=True, slots=True)
class Sample:
    run: Run
    root: Path  # the folder that holds the package


def _require(path: Path) -> Path:
    if not path.exists():  # a missing corpus is a broken checkout layout, not a pass
        pytest.fail(f"the corpus is expected at {path} (see CONTRIBUTING.md)")
    return path


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sample]:
    run = generate(_require(DOCS), PACKAGE)  # a traceback fails every test of the module
    root = tmp_path_factory.mktemp("sample-2026")
    for file in run.files:
        target = root / PACKAGE / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        yield Sample(run, root)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def test_every_page_is_read_without_an_error(sample: Sample) -> None:
    assert sample.run.pages == len(list(DOCS.rglob("*.md"))) == 258
    errors = [str(d) for d in sample.run.diagnostics.items if d.severity == "error"]
    assert errors == []
    assert len(sample.run.model.types) > 150 and len(sample.run.model.operations) == 102


def test_the_diagnostics_are_the_explained_ones(sample: Sample) -> None:
    counts = Counter((d.severity, d.code) for d in sample.run.diagnostics.items)
    assert dict(counts) == DIAGNOSTICS


def test_the_format_section_cites_pages_of_the_sample() -> None:
    text = INPUT_FORMAT.read_text(encoding="utf-8")
    assert SECTION in text
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    cited = re.findall(r"`((?:api|resources)/[\w.-]+\.md)(?::(\d+))?`", section)
    assert len(cited) > 10
    for page, line in cited:
        path = DOCS / page
        assert path.is_file(), page
        if line:
            assert int(line) <= len(path.read_text(encoding="utf-8").splitlines()), (page, line)


def test_every_operation_keeps_its_permissions_or_where_they_are(sample: Sample) -> None:
    """41 pages keep the permissions table in an include: the operation names the include."""
    included = [
        o
        for o in sample.run.model.operations
        if any(kind == "include" for kind, _ in o.permissions)
    ]
    assert len(included) == 41
    assert all(
        path.startswith("../includes/permissions/") and path.endswith("-permissions.md")
        for o in included
        for kind, path in o.permissions
        if kind == "include"
    )
    assert all(o.permissions for o in sample.run.model.operations)


def test_security_pages_keep_their_namespace(sample: Sample) -> None:
    """`Namespace: microsoft.graph.security` pages: the CSDL has these types there too."""
    names = {t.qualified_name for t in sample.run.model.types}
    assert {
        "microsoft.graph.security.alert",
        "microsoft.graph.security.incident",
        "microsoft.graph.security.alertEvidence",
    } <= names
    assert "microsoft.graph.alert" not in names


def test_the_package_compiles_and_imports(sample: Sample) -> None:
    assert compileall.compile_dir(str(sample.root / PACKAGE), quiet=2, force=True)
    package = importlib.import_module(PACKAGE)
    alert = package.model_for("#microsoft.graph.security.alert")
    assert alert.from_dict({"id": "1", "status": "new"}).to_dict() == {"id": "1", "status": "new"}


def test_the_package_is_mypy_strict_clean(sample: Sample, tmp_path: Path) -> None:
    from mypy import api

    out, err, status = api.run(
        ["--strict", "--cache-dir", str(tmp_path), str(sample.root / PACKAGE)]
    )
    assert status == 0, out + err
    assert "Success" in out


@pytest.fixture(scope="module")
def agreement(sample: Sample) -> Agreement:
    scope = documented_by_a_page(sample.run.model, DOCS)  # as `--verify-against` prints it
    return compare(sample.run.model, scope.restrict(read_csdl(_require(CSDL))))


def test_the_scope_is_every_type_a_page_declares(agreement: Agreement) -> None:
    """The floors are over this many types: a scope that shrank would keep them all met."""
    assert (agreement.types.total, agreement.enums.total) == (156, 50)


@pytest.mark.parametrize("measure", sorted(REACHED))
def test_agreement_with_the_csdl(agreement: Agreement, measure: str) -> None:
    ratio = getattr(agreement, measure)
    assert ratio.total > 0
    assert ratio.percent >= REACHED[measure], agreement.summary()


def test_no_model_type_is_unknown_to_the_csdl(sample: Sample) -> None:
    csdl = read_csdl(_require(CSDL))
    known = {name.lower() for name in csdl.types} | {name.lower() for name in csdl.enums}
    assert [
        t.qualified_name for t in sample.run.model.types if t.qualified_name.lower() not in known
    ] == []
