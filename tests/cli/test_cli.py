"""The command line as a user meets it: exit codes, messages, and what it never touches."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.cli.conftest import run


def test_generate_then_check(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    status, _, err = run(capsys, str(docs), "-o", str(out))
    assert status == 0
    assert re.search(
        r"gen-graph: 4 pages, 9 types, 3 enums, 2 operations; diagnostics: 0 errors", err
    )
    assert (out / "py.typed").exists() and (out / "models" / "online_meeting.py").exists()
    assert run(capsys, str(docs), "-o", str(out), "--check")[0] == 0

    page = docs / "resources" / "user.md"
    page.write_text(page.read_text().replace("| mail | String |", "| mail | Int32 |"))
    before = (out / "models" / "user.py").read_bytes()
    status, stdout, _ = run(capsys, str(docs), "-o", str(out), "--check")
    assert status == 1
    assert stdout.strip() == f"would change: {(out / 'models' / 'user.py').as_posix()}"
    assert (out / "models" / "user.py").read_bytes() == before  # --check writes nothing


def test_diagnostics_are_located(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, err = run(capsys, str(docs), "-o", str(tmp_path / "sdk"))
    assert (
        f"{docs.as_posix()}/api/create-onlinemeetings.md:97: info GG021: type meetingParticipants has no page"
        in err
    )
    assert (
        f"{docs.as_posix()}/api/create-onlinemeetings.md:49: warning GG010: TODO placeholder" in err
    )
    assert "Traceback" not in err


def test_unchanged_files_keep_their_mtime(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    run(capsys, str(docs), "-o", str(out))
    target = out / "models" / "entity.py"
    os.utime(target, (1_000_000, 1_000_000))
    run(capsys, str(docs), "-o", str(out))
    assert target.stat().st_mtime == 1_000_000


def test_files_not_written_by_the_generator_are_never_touched(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    (out / "models").mkdir(parents=True)
    (out / "models" / "user.py").write_text("mine\n")
    (out / "notes.txt").write_text("keep me\n")
    status, _, err = run(capsys, str(docs), "-o", str(out))
    assert status == 1
    assert f"{(out / 'models' / 'user.py').as_posix()}:1: error GG050" in err
    assert (out / "models" / "user.py").read_text() == "mine\n"
    assert not (out / "models" / "entity.py").exists()  # nothing written at all
    assert run(capsys, str(docs), "-o", str(out), "--force")[0] == 0
    assert (out / "notes.txt").read_text() == "keep me\n"


def test_hand_edits_are_not_overwritten(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    run(capsys, str(docs), "-o", str(out))
    edited = out / "models" / "user.py"
    edited.write_text(edited.read_text() + "# my change\n")
    page = docs / "resources" / "user.md"
    page.write_text(page.read_text().replace("The SMTP address", "The e-mail address"))
    status, _, err = run(capsys, str(docs), "-o", str(out))
    assert status == 1 and "error GG051" in err
    assert edited.read_text().endswith("# my change\n")


def test_stale_generated_files_are_removed(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sdk"
    run(capsys, str(docs), "-o", str(out))
    (out / "mine.py").write_text("x = 1\n")
    (docs / "resources" / "user.md").unlink()
    (docs / "api" / "user-get.md").unlink()
    assert run(capsys, str(docs), "-o", str(out))[0] == 0
    assert not (out / "models" / "user.py").exists()
    assert not (out / "models" / "presence_status.py").exists()
    assert (out / "mine.py").read_text() == "x = 1\n"


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda d, t: [str(d), "-o", str(d / "out")], "cannot be inside the docs folder"),
        (lambda d, t: [str(d), "-o", str(d)], "cannot be inside the docs folder"),
        (lambda d, t: [str(d), "-o", str(d.parent)], "cannot contain the docs folder"),
        (lambda d, t: [str(t / "missing"), "-o", str(t / "o")], "not a folder"),
        (lambda d, t: [str(d), "-o", str(t / "my-sdk")], "not a valid Python package name"),
        (
            lambda d, t: [str(d), "-o", str(t / "o"), "--package-name", "class"],
            "not a valid Python package name",
        ),
        (
            lambda d, t: [str(d), "-o", str(t / "o"), "--dump-model", str(d / "m.json")],
            "inside the docs folder",
        ),
    ],
)
def test_usage_errors_exit_2(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], make_args: object, message: str
) -> None:
    status, _, err = run(capsys, *make_args(docs, tmp_path))  # type: ignore[operator]
    assert status == 2
    assert message in err and err.startswith("gen-graph: error: ")


def test_package_name_option(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "my-sdk"
    assert run(capsys, str(docs), "-o", str(out), "--package-name", "graph_sdk")[0] == 0
    assert "`from graph_sdk.models import User`" in (out / "__init__.py").read_text()


def test_strict_fails_on_warnings(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, str(docs), "-o", str(tmp_path / "o"), "--strict")[0] == 1


def test_dump_model_is_written(
    docs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    target = tmp_path / "deep" / "model.json"
    assert run(capsys, str(docs), "-o", str(tmp_path / "o"), "--dump-model", str(target))[0] == 0
    dumped = json.loads(target.read_text())
    assert {"types", "enums", "operations"} <= set(dumped)


def test_ctrl_c_while_the_cli_loads_ends_quietly() -> None:
    """An interrupt that lands while the CLI's modules are still loading (a fast run killed
    early) ends like one during the run: status 130, one line, no traceback."""
    import subprocess
    import sys

    from generator import INTERRUPTED

    code = (
        "import sys, importlib.abc\n"
        "class Interrupt(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path, target=None):\n"
        "        if name == 'generator.cli':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "sys.argv = ['gen-graph', '--version']\n"
        "from generator.__main__ import run\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True)
    assert done.returncode == 130
    assert done.stderr.strip() == INTERRUPTED
