"""The API change report skips libcst only when the changed files differ in docstrings the
surface never reads: then the report libcst would give is empty too."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.report import compare_outputs
from generator.report.skeleton import same_surface, skeleton, surface_reads
from generator.report.surface import read_surface
from tests.conftest import GENERATED, ROOT

FILES = {
    p.relative_to(GENERATED).as_posix(): p.read_text(encoding="utf-8")
    for p in sorted(GENERATED.rglob("*.py"))
}
READ = sorted(p for p in FILES if surface_reads(p))
DOCSTRING = re.compile(r'"""(?:[^"\\]|\\.)*?"""', re.DOTALL)


def test_the_surface_reads_models_and_public_builders_only() -> None:
    assert [p for p in FILES if surface_reads(p)] == READ
    assert "models/user.py" in READ and "builders/me.py" in READ
    assert not any(surface_reads(p) for p in ("client.py", "builders/_base.py", "models/x.pyi"))


def test_docstring_edits_leave_the_skeleton_and_the_surface() -> None:
    for path in READ:
        text = FILES[path]
        edited = DOCSTRING.sub(lambda m: m.group().replace(" ", " edited "), text)
        assert edited != text
        # a builder's class docstring says its route: that edit must go to libcst
        if path.startswith("builders/"):
            assert not same_surface({path: text}, {path: edited}), path
        else:
            assert same_surface({path: text}, {path: edited}), path
            assert read_surface({path: text}) == read_surface({path: edited})


def test_a_builder_method_docstring_is_not_read_but_its_class_docstring_is() -> None:
    text = FILES["builders/me.py"]
    body = text[text.index("    def get(") :]
    first = DOCSTRING.search(body)
    assert first is not None
    method = text.replace(first.group(), '"""Something else entirely."""', 1)
    assert same_surface({"builders/me.py": text}, {"builders/me.py": method})
    route = text.replace("    Requests to /me\n", "    Requests to /you\n", 1)
    assert route != text
    assert not same_surface({"builders/me.py": text}, {"builders/me.py": route})
    assert [str(c) for c in compare_outputs({"builders/me.py": text}, {"builders/me.py": route})]


def test_code_edits_go_to_libcst() -> None:
    text = FILES["models/user.py"]
    retyped = text.replace("mail: str | None", "mail: int | None", 1)
    assert retyped != text
    assert not same_surface({"models/user.py": text}, {"models/user.py": retyped})
    assert not same_surface({}, {"models/user.py": text})  # added
    assert not same_surface({"models/user.py": text}, {"models/user.py": "class ("})
    assert same_surface({"client.py": "a"}, {"client.py": "b"})  # not read by the surface
    assert skeleton("models/x.py", "'''") is None


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(READ),
    st.integers(min_value=0),
    st.sampled_from(["", "x", " ", "\n", '"', "'", "#", "(", "Requests to /a\n", "class A:\n"]),
)
def test_the_same_skeleton_means_the_same_surface(path: str, where: int, piece: str) -> None:
    text = FILES[path]
    at = where % len(text)
    mutated = text[:at] + piece + text[at + 1 :]
    if same_surface({path: text}, {path: mutated}):
        assert read_surface({path: text}) == read_surface({path: mutated})


def test_a_docstring_only_regeneration_does_not_import_libcst(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs_input", docs)
    out = tmp_path / "sdk"
    code = (
        "import sys; from generator.cli import main; "
        "status = main(sys.argv[1:]); print(status, 'libcst' in sys.modules)"
    )
    command = [sys.executable, "-c", code, str(docs), "-o", str(out), "-q"]
    assert (
        subprocess.run(
            command, capture_output=True, text=True, cwd=ROOT, check=False
        ).stdout.split()[0]
        == "0"
    )
    page = docs / "resources" / "user.md"
    page.write_text(page.read_text().replace("The SMTP address", "The mail address"))
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.stdout.split() == ["0", "False"]
    assert "The mail address" in (out / "models" / "user.py").read_text()
    page.write_text(page.read_text().replace("| mail | String |", "| mail | Int32 |"))
    done = subprocess.run([*command[:-1]], capture_output=True, text=True, cwd=ROOT, check=False)
    assert done.stdout.split() == ["0", "True"]
    assert "BREAKING retyped property User.mail" in done.stderr
