"""--check, --diff, the API change report, [tool.gen-graph] and --templates."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.report import compare_outputs
from tests.cli.conftest import run
from tests.conftest import ROOT
from tests.incremental.conftest import snapshot


def edit(page: Path, old: str, new: str) -> None:
    text = page.read_text()
    assert old in text
    page.write_text(text.replace(old, new))


def test_diff_and_report_with_nothing_written(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    assert run(capsys, str(docs), "-o", str(out))[0] == 0
    before = snapshot(out)
    status, stdout, stderr = run(capsys, str(docs), "-o", str(out), "--diff")
    assert (status, stdout) == (0, "")
    edit(docs / "resources" / "user.md", "| mail | String |", "| mail | Int32 |")
    status, stdout, stderr = run(capsys, str(docs), "-o", str(out), "--diff")
    assert status == 1
    user = (out / "models" / "user.py").as_posix()
    assert stdout.splitlines()[:3] == [f"would change: {user}", f"--- {user}", f"+++ {user}"]
    assert "-    mail: str | None | _rt.Unset = _rt.UNSET" in stdout.splitlines()
    assert "+    mail: int | None | _rt.Unset = _rt.UNSET" in stdout.splitlines()
    assert (
        "  BREAKING retyped property User.mail: str | None | _rt.Unset -> int | None | _rt.Unset"
        in stderr.splitlines()
    )
    assert snapshot(out) == before


def test_report_after_a_regeneration(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    assert run(capsys, str(docs), "-o", str(out))[0] == 0
    edit(docs / "resources" / "user.md", "| offline | The user is offline. |\n", "")
    edit(docs / "resources" / "user.md", "away | offline |", "away |")  # JSON lists members too
    edit(
        docs / "resources" / "user.md",
        "| mail | String | The SMTP address for the user. |\n",
        "| mail | String | The SMTP address for the user. |\n| nickname | String | A nickname. |\n",
    )
    (docs / "api" / "user-get.md").unlink()
    status, _, stderr = run(capsys, str(docs), "-o", str(out))
    assert status == 0
    report = [line for line in stderr.splitlines() if line.startswith(("API", "  "))]
    assert report == [
        "API changes: 4 (3 breaking)",
        '  BREAKING removed member PresenceStatus.OFFLINE: "offline"',
        "  added property User.nickname: str | None | _rt.Unset",
        "  BREAKING removed operation GET /me",
        "  BREAKING removed operation GET /users/{id}",
    ]


def test_compare_outputs_reads_types_enums_and_operations() -> None:
    old = {
        "models/a.py": "class A(GraphModel):\n    x: int = 1\n    y: str = ''\n",
        "models/e.py": "class E(str, Enum):\n    ONE = 'one'\n",
        "builders/a.py": 'class ABuilder:\n    """Requests to /a"""\n    def get(self) -> A:\n        pass\n',
    }
    new = {
        "models/a.py": "class A(Base):\n    x: str = 1\n",
        "models/b.py": "class B(GraphModel):\n    pass\n",
        "models/e.py": "class E(str, Enum):\n    ONE = 'one'\n    TWO = 'two'\n",
        "builders/a.py": 'class ABuilder:\n    """Requests to /a"""\n    def get(self, *, id: str) -> A:\n        pass\n',
    }
    assert [str(c) for c in compare_outputs(old, new)] == [
        "BREAKING retyped type A: base GraphModel -> Base",
        "BREAKING retyped property A.x: int -> str",
        "BREAKING removed property A.y: str",
        "added type B",
        "added member E.TWO: 'two'",
        "BREAKING retyped operation GET /a: (self) -> A -> (self, *, id: str) -> A",
    ]


def test_bare_gen_graph_reads_pyproject(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.gen-graph]\ndocs = "docs"\noutput = "out/sdk"\npackage-name = "graph_sdk"\n'
        "strict = true\n"
    )
    monkeypatch.chdir(tmp_path)
    status, _, _ = run(capsys)
    assert status == 1  # strict: docs_input has warnings
    assert (
        "`from graph_sdk.models import User`"
        in (tmp_path / "out" / "sdk" / "__init__.py").read_text()
    )
    # flags override the file
    status, _, _ = run(capsys, "-o", str(tmp_path / "other"), "--package-name", "other")
    assert status == 1 and (tmp_path / "other" / "_registry.py").exists()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('docs = "docs"\noutput = "o"\ncolour = "red"\n', "unknown key 'colour'"),
        ('docs = "docs"\noutput = "o"\nstrict = "yes"\n', "strict must be true or false"),
        ('output = "o"\n', "no docs folder"),
        ('docs = "docs"\n', "no output folder"),
    ],
)
def test_bad_config_is_a_usage_error(
    docs: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    table: str,
    message: str,
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.gen-graph]\n" + table)
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys)
    assert status == 2 and message in err


def test_this_repository_is_configured() -> None:
    from generator.config import read_table

    assert read_table(ROOT / "pyproject.toml") == {"docs": "docs_input", "output": "generated"}


def test_templates_override_one_file(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "templates"
    mine.mkdir()
    original = (ROOT / "templates" / "enum.py.jinja").read_text()
    (mine / "enum.py.jinja").write_text("# my enum template\n" + original)
    out = tmp_path / "sdk"
    assert run(capsys, str(docs), "-o", str(out), "--templates", str(mine))[0] == 0
    assert (out / "models" / "presence_status.py").read_text().startswith("# my enum template\n")
    assert not (out / "models" / "user.py").read_text().startswith("# my")
