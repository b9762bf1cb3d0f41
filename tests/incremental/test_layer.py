"""The incremental layer is a layer: no stage imports generator/incremental/, and without it
(`--no-cache`, `incremental=None`) the generator works as before, as if the folder were
deleted."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DOCS_INPUT, ROOT
from tests.incremental.conftest import snapshot

GENERATOR = ROOT / "generator"
LAYER = "generator.incremental"
# the one module that may name the layer: the CLI hands it to the pipeline (and only imports
# it when the run has a cache)
HANDS_IT_OVER = {"generator/cli.py"}


def imported(path: Path) -> set[str]:
    """Every module an `import` or `from ... import` of the file names (relative ones made
    absolute), wherever it sits: at the top, in a function, under TYPE_CHECKING."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_no_stage_imports_the_incremental_layer() -> None:
    offenders = []
    for path in sorted(GENERATOR.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("generator/incremental/") or relative in HANDS_IT_OVER:
            continue
        names = imported(path)
        if any(name == LAYER or name.startswith(LAYER + ".") for name in names):
            offenders.append(relative)
    assert offenders == []
    assert any(n.startswith(LAYER) for n in imported(GENERATOR / "cli.py"))  # the test sees it


# a finder first on sys.meta_path that refuses the layer, as if its folder were deleted
_WITHOUT_LAYER = """
import sys

class NoLayer:
    def find_spec(self, name, path=None, target=None):
        if name == "generator.incremental" or name.startswith("generator.incremental."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NoLayer())
sys.argv[0] = "gen-graph"
from generator.cli import main
status = main(sys.argv[1:])
sys.exit(status if "generator.incremental" not in sys.modules else 99)
"""


def _generate(
    out: Path, *extra: str, without_layer: bool = False
) -> subprocess.CompletedProcess[str]:
    if without_layer:
        command = [sys.executable, "-c", _WITHOUT_LAYER]
    else:
        command = [sys.executable, "-m", "generator"]
    return subprocess.run(
        [*command, str(DOCS_INPUT), "-o", str(out), *extra],
        capture_output=True,
        text=True,
        cwd=out.parent,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def test_without_the_layer_the_generator_works_and_gives_the_same_output(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # no pyproject.toml above: the search stops here
    plain, cached = tmp_path / "plain" / "generated", tmp_path / "cached" / "generated"
    plain.parent.mkdir()
    cached.parent.mkdir()
    without = _generate(plain, "--no-cache", without_layer=True)
    assert without.returncode == 0, without.stderr
    with_layer = _generate(cached)
    assert with_layer.returncode == 0, with_layer.stderr
    assert snapshot(plain) == snapshot(cached)
    assert snapshot(plain) == snapshot(ROOT / "generated")
    # every line but the timing of the summary
    assert without.stderr.rsplit(";", 1)[0] == with_layer.stderr.rsplit(";", 1)[0]
    # a second run finds nothing to do, a run with --check nothing changed
    assert _generate(plain, "--no-cache", without_layer=True).returncode == 0
    assert _generate(plain, "--no-cache", "--check", without_layer=True).returncode == 0
    assert snapshot(plain) == snapshot(ROOT / "generated")


def test_without_the_layer_a_cache_cannot_be_used(tmp_path: Path) -> None:
    """The hook does refuse the layer: a run with a cache then fails to import it (the CLI's
    internal error), which is what makes the test above prove something."""
    (tmp_path / ".git").mkdir()
    out = tmp_path / "generated"
    done = _generate(out, without_layer=True)
    assert done.returncode == 3
    assert "ModuleNotFoundError" in done.stderr
