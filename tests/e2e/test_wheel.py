"""A non-editable install from a wheel works (pre-commit installs tools that way): the
templates ship inside the wheel and the console script runs outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from tests.conftest import DOCS_INPUT, ROOT


def test_wheel_install_generates_the_same_package(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(ROOT),
        ],
        check=True,
    )
    (wheel,) = dist.glob("gen_graph-*.whl")
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    # the dependencies come from the environment running the tests, after the venv's own packages
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", str(wheel)], check=True)
    (Path(purelib) / "zz_test_parent.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    out = tmp_path / "generated"
    # a PYTHONPATH naming a checkout (as in a worktree) would shadow the installed wheel
    clean = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run(
        [str(env / "bin" / "gen-graph"), str(DOCS_INPUT), "-o", str(out), "-q"],
        check=False,
        cwd=tmp_path,  # not the source tree: the installed copy and its packaged templates run
        env=clean,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    location = subprocess.run(
        [
            str(python),
            "-c",
            "import generator, pathlib; print(pathlib.Path(generator.__file__).parent)",
        ],
        cwd=tmp_path,
        env=clean,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert (Path(location) / "templates" / "model.py.jinja").is_file()
    assert not Path(location).is_relative_to(ROOT)
    expected = ROOT / "generated"
    for file in expected.rglob("*"):
        if file.is_file() and "__pycache__" not in file.parts:
            assert (out / file.relative_to(expected)).read_bytes() == file.read_bytes(), file
