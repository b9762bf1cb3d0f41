"""A one-page prose edit is a patched run (incremental/build.py `patched`): it parses one page,
patches the last model and renders one model module. It does not load what only other runs use."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.incremental.conftest import make_docs

# what a patched run has no use for: the build's passes, the client's views and plan, the TOML
# reader (no pyproject.toml here), libcst (docstrings only), black (no user templates)
NOT_LOADED = [
    "generator.extract.passes",
    "generator.render.views_client",
    "generator.render.plan_client",
    "tomllib",
    "libcst",
    "black",
]

_RUN = (
    "import json, sys; from generator.cli import main; status = main(sys.argv[1:]); "
    f"print(json.dumps([status, [m for m in {NOT_LOADED!r} if m in sys.modules]]))"
)


def _run(docs: Path, out: Path, cwd: Path) -> tuple[int, list[str]]:
    command = [sys.executable, "-c", _RUN, str(docs), "-o", str(out), "-q"]
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    status, loaded = json.loads(done.stdout.strip().splitlines()[-1])
    return status, loaded


def test_a_prose_edit_loads_none_of_what_it_does_not_use(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs", widgets=3)
    out = tmp_path / "sdk"
    cwd = tmp_path / "elsewhere"  # no pyproject.toml: the search for one stops at a repository
    (cwd / ".git").mkdir(parents=True)
    status, loaded = _run(docs, out, cwd)
    assert status == 0
    assert "generator.extract.passes" in loaded  # a first run builds, and renders the client
    assert "generator.render.views_client" in loaded

    page = docs / "resources" / "widget1.md"
    page.write_text(
        page.read_text().replace("\n## Properties", "\nA new paragraph.\n\n## Properties")
    )
    assert _run(docs, out, cwd) == (0, [])
    assert "A new paragraph." not in (out / "models" / "widget1.py").read_text()  # prose only


def test_a_resource_page_compiles_none_of_the_request_patterns() -> None:
    """parse/lazy_regex.py: the patterns of request lines, paths and response prose are compiled
    when first used, which parsing a resource page never does."""
    code = (
        "import json, sys; from pathlib import Path; from generator.pipeline import parse_source\n"
        "from generator.parse import cells, example_facts, http, page, paths\n"
        "from generator.parse.lazy_regex import LazyRegex\n"
        "parse_source(sys.argv[2], Path(sys.argv[1], sys.argv[2]).read_bytes())\n"
        "print(json.dumps(sorted(f'{m.__name__}.{k}' for m in (cells, example_facts, http, page,"
        " paths) for k, v in vars(m).items() if isinstance(v, LazyRegex) and v._compiled)))"
    )
    command = [sys.executable, "-c", code, str(ROOT / "docs_input")]
    done = subprocess.run(
        [*command, "resources/user.md"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    compiled = json.loads(done.stdout)
    assert "generator.parse.page._INHERITS" in compiled  # "Inherits from [directoryObject](..)"
    api_only = ("generator.parse.http.", "generator.parse.paths.", "generator.parse.example_facts.")
    assert [name for name in compiled if name.startswith(api_only)] == []
    assert not {"generator.parse.page._STATUS", "generator.parse.page._TYPE_NAME"} & set(compiled)
    done = subprocess.run(
        [*command, "api/user-get.md"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    compiled = json.loads(done.stdout)
    assert "generator.parse.http._REQUEST_LINE" in compiled  # an API page compiles them
    assert "generator.parse.paths._ALTERNATION" in compiled
