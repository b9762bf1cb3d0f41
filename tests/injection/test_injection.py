"""Pages crafted to break out of the generated code (tests/injection/pages/): names, descriptions,
enum values, paths, example bodies and link targets holding quotes, backslashes, `__import__`,
keywords, dunders, look-alikes, bidi controls and `../`.

The promise: the package is generated, valid and `mypy --strict` clean; importing every module
of it runs nothing the docs wrote (no canary file, no process, no unexpected module); no name
from the docs reaches the code except as a string; nothing is written outside the output folder.
"""

from __future__ import annotations

import ast
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from tests.conftest import GENERATED

PAGES = Path(__file__).resolve().parent / "pages"
PACKAGE = "evilpkg"


def _tree(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file() or p.is_symlink()
    }


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The injection pages generated once: tmp/work/evilpkg, with a record of everything else."""
    work = tmp_path_factory.mktemp("injection")
    before_docs = _tree(PAGES)
    before_work = _tree(work)
    out = work / PACKAGE
    cache = tmp_path_factory.mktemp("cache")  # the cache's place is the user's choice: not here
    assert main([str(PAGES), "-o", str(out), "-q", "--cache-dir", str(cache)]) == 0
    assert _tree(PAGES) == before_docs, "the generator wrote inside DOCS"
    after = _tree(work)
    outside = {p for p in after if not p.startswith(PACKAGE + "/")}
    assert outside == set(before_work), f"written outside the output folder: {outside}"
    for path in after:
        assert (work / path).resolve().is_relative_to(out.resolve())
    return out


def test_every_page_contributes(generated: Path) -> None:
    """The suite only proves something if the hostile names really reach the output."""
    models = {p.name for p in (generated / "models").glob("*.py")}
    assert {"evil.py", "evil_kind.py", "foo_bar.py", "foo_bar_2.py", "client.py"} <= models
    builders = {p.name for p in (generated / "builders").glob("*.py")}
    assert len(builders - {"__init__.py", "_base.py", "_routes.py", "root.py"}) >= 3


def test_output_compiles_and_is_mypy_strict_clean(generated: Path) -> None:
    for file in generated.rglob("*.py"):
        compile(file.read_text(encoding="utf-8"), str(file), "exec", dont_inherit=True)
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(generated)],
        capture_output=True,
        check=False,  # the return code is asserted with the output
        text=True,
        cwd=generated.parent,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _names(tree: ast.AST) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)} | {
        node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)
    }


def _defined(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            found.add(node.name)
        elif isinstance(node, ast.alias):
            found.add((node.asname or node.name).split(".")[0])
        elif isinstance(node, ast.arg):
            found.add(node.arg)
        elif isinstance(node, (ast.AnnAssign, ast.Assign)):
            targets = [node.target] if isinstance(node, ast.AnnAssign) else node.targets
            found.update(t.id for t in targets if isinstance(t, ast.Name))
    return found


def test_no_name_from_the_docs_becomes_code(generated: Path) -> None:
    """Every identifier in the hostile package is one the clean seed package also uses, or one
    the hostile package itself defines (a class, an attribute, a parameter). `__import__`,
    `system`, `os` or `eval` from the pages would be neither."""
    seed = set().union(*(_names(ast.parse(p.read_text())) for p in GENERATED.rglob("*.py")))
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in generated.rglob("*.py")]
    defined = set().union(*(_defined(t) for t in trees))
    used = set().union(*(_names(t) for t in trees))
    assert used - seed - defined == set()
    for bad in ("__import__", "system", "os", "eval", "exec", "getattr", "open"):
        assert bad not in used - seed


def test_docstrings_keep_the_hostile_text_inert(generated: Path) -> None:
    module = ast.parse((generated / "models" / "evil.py").read_text(encoding="utf-8"))
    (cls,) = [n for n in module.body if isinstance(n, ast.ClassDef)]
    doc = ast.get_docstring(cls) or ""
    assert '__import__("os").system("touch CANARY")' in doc and '"""' in doc
    wire = {
        n.value
        for n in ast.walk(module)
        if isinstance(n, ast.Constant) and isinstance(n.value, str)
    }
    assert "\u202eevil" in wire, "wire names are kept exactly, as escaped literals"
    for file in generated.rglob("*.py"):
        source = file.read_text(encoding="utf-8")
        hidden = [
            c
            for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029"
            if c in source
        ]
        assert hidden == [], f"{file.name}: bidi or line separators in the source (Trojan Source)"
        assert not any(ord(c) < 32 and c not in "\n" for c in source), file.name


_IMPORT_ALL = r"""
import json, sys
events = []
WATCH = ("os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "subprocess.Popen",
         "socket.connect", "os.remove", "os.rename", "shutil.", "os.mkdir", "os.symlink",
         "ctypes.", "os.chmod", "os.kill")
def hook(event, args):
    if event.startswith(WATCH):
        events.append([event, repr(args)[:200]])
    elif event == "open" and isinstance(args[1], str) and set(args[1]) & set("wax+"):
        events.append([event, repr(args)[:200]])
sys.addaudithook(hook)
sys.path.insert(0, sys.argv[1])
before = set(sys.modules)
import importlib
pkg = importlib.import_module(sys.argv[2])
models = importlib.import_module(sys.argv[2] + ".models")
for name in models.__all__:
    cls = getattr(models, name)
    if hasattr(cls, "from_dict"):
        cls.from_dict({}).to_dict()
    else:
        list(cls)
after_models = set(sys.modules) - before
client = importlib.import_module(sys.argv[2] + ".client")
for name in list(pkg.__all__):
    getattr(pkg, name)
for key in pkg._registry.TYPES:
    assert pkg.model_for(key) is not None, key
print(json.dumps({"events": events, "models_imported": sorted(after_models)}))
"""


def test_importing_everything_runs_nothing_from_the_docs(generated: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-B", "-I", "-c", _IMPORT_ALL, str(generated.parent), PACKAGE],
        capture_output=True,
        check=False,  # the return code is asserted with the output
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["events"] == []
    assert not (tmp_path / "CANARY").exists() and not (generated.parent / "CANARY").exists()
    stdlib = set(sys.stdlib_module_names)
    unexpected = [
        m
        for m in report["models_imported"]
        if m.split(".")[0] not in stdlib and m.split(".")[0] != PACKAGE
    ]
    assert unexpected == [], "models import only the standard library and the package"
    assert f"{PACKAGE}.models.evil" in report["models_imported"]


def test_no_request_path_climbs_out_of_the_service_root(generated: Path) -> None:
    """Every fixed segment a builder appends is one plain segment: no '', '.', '..' or '/'."""
    segments = []
    for file in (generated / "builders").glob("*.py"):
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.BinOp)
                and isinstance(node.left, ast.Attribute)
                and node.left.attr == "_segments"
                and isinstance(node.right, ast.Tuple)
            ):
                segments += [e.value for e in node.right.elts if isinstance(e, ast.Constant)]
    assert segments, "no fixed segments found"
    for segment in segments:
        assert segment not in ("", ".", "..") and "/" not in segment, segment
        assert "://" not in segment
