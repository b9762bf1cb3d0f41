"""The API change report names an operation by the path of its builder, read from data (the
routes table and the segments builders pass their children), not from the builder's docstring."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

from generator.pipeline import generate
from generator.report import compare_outputs
from generator.report.routes import RouteTree
from tests.conftest import DOCS_INPUT, GENERATED

FILES = {
    p.relative_to(GENERATED).as_posix(): p.read_text(encoding="utf-8")
    for p in sorted(GENERATED.rglob("*.py"))
}


def docstring_routes(files: dict[str, str]) -> dict[str, str]:
    """module -> the path its builder classes' docstrings say (wrapped lines joined)."""
    routes = {}
    for path, text in files.items():
        if not path.startswith("builders/") or path.startswith("builders/_"):
            continue
        said = set()
        for node in ast.parse(text).body:
            if isinstance(node, ast.ClassDef):
                doc = " ".join((ast.get_docstring(node) or "").split())
                assert doc.startswith("Requests to "), path
                said.add(doc[len("Requests to ") :].replace(" ", ""))
        assert len(said) == 1, path
        routes[path[len("builders/") : -len(".py")]] = said.pop()
    return routes


def test_the_tree_gives_every_builder_the_path_its_docstring_says(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS_INPUT, docs)
    page = docs / "api" / "user-get.md"
    functions = (
        "GET /me\n"
        "GET /me/reminderView(startDateTime={startDateTime},endDateTime={endDateTime})\n"
        "GET /me/getMemberGroups()\n"
    )
    page.write_text(page.read_text().replace("GET /me\n", functions, 1))
    for files in (FILES, {f.path: f.text for f in generate(docs, "sdk").files}):
        said = docstring_routes(files)
        tree = RouteTree(files)
        assert {module: tree.path(module) for module in said} == said
    assert said["me_reminder_view"] == "/me/reminderView()"
    assert said["me_get_member_groups"] == "/me/getMemberGroups()"
    assert said["users_item_online_meetings"] == "/users/{id}/onlineMeetings"


def test_without_its_routes_table_or_parent_a_path_is_unknown() -> None:
    builders = {p: t for p, t in FILES.items() if p.startswith("builders/")}
    assert RouteTree(builders).path("users_item") == "/users/{id}"
    assert RouteTree(builders).path("root") == "/"
    assert RouteTree({**builders, "builders/_routes.py": "ROUTES = 1"}).path("me") is None
    assert RouteTree({"builders/_routes.py": FILES["builders/_routes.py"]}).path("me") is None
    assert RouteTree(builders).path("nowhere") is None


def test_a_docstring_edit_cannot_change_what_the_report_says_about_routes() -> None:
    text = FILES["builders/me.py"]
    lying = text.replace("Requests to /me\n", "Requests to /you\n")
    assert lying.count("Requests to /you\n") == 4  # the module's and its three classes'
    unchanged = {p: t for p, t in FILES.items() if p != "builders/me.py"}
    old = {"builders/me.py": text}
    assert compare_outputs(old, {"builders/me.py": lying}, unchanged) == []
    # the docstring names /you and get() is gone: the report still says the path it served
    start, end = lying.index("    def get("), lying.index("        return result\n") + 24
    removed = lying[:start] + lying[end:]
    changes = compare_outputs(old, {"builders/me.py": removed}, unchanged)
    assert [str(c) for c in changes] == ["BREAKING removed operation GET /me"]
    # the tree of the changed files is enough when it holds the way to the builder
    both = {p: FILES[p] for p in ("builders/me.py", "builders/root.py", "builders/_routes.py")}
    changes = compare_outputs(both, {**both, "builders/me.py": removed})
    assert [str(c) for c in changes] == ["BREAKING removed operation GET /me"]
