"""What the fuzzer and the hostile-input review found, one example each, fixed and kept fixed."""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Diagnostics
from generator.parse.cells import plain_text, type_cell
from generator.parse.http import looks_like_request, parse_example
from generator.parse.paths import normalise_path
from generator.source import SourceSpan
from tests.conftest import parse_text
from tests.fuzz.stages import check_outcome, parse_only, run_stages


def test_unclosed_fence_on_the_last_line_is_located_inside_the_page() -> None:
    text = (
        "# entity resource type\n\n## JSON representation\n\n"
        '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.entity"} -->\n```json'
    )
    outcome = parse_only({"resources/entity.md": text.encode()})
    check_outcome(outcome)
    assert [str(d) for d in outcome.diagnostics.items] == [
        "resources/entity.md:6: warning GG012: resource JSON is not JSON (Expecting value)"
    ]


def test_text_after_a_row_of_one_pipe_is_not_glued_to_nothing() -> None:
    text = "## Properties\n\n| Property | Type |\n|--|--|\n|\nwrapped text\n| a | String |\n"
    outcome = parse_only({"resources/x.md": text.encode()})
    check_outcome(outcome)
    assert [str(d) for d in outcome.diagnostics.items] == [
        "resources/x.md:5: warning GG013: row has 0 cells, header has 2"
    ]


def test_duplicate_method_parameters_never_reach_the_client() -> None:
    page = (
        "---\ndoc_type: apiPageType\n---\n\n# Create thing\n\n## HTTP request\n\n```http\n"
        "POST /a/{body}/{self}/{path}/{result}\n```\n\n## Response\n\n"
        "If successful, this method returns a `201 Created` response code.\n"
    )
    outcome = run_stages({"api/create-thing.md": page.encode()}, fmt=True)
    check_outcome(outcome)  # compile() refuses `def f(self, body, *, body)`
    # path parameters are never Python parameters of one method: each is one by_id() step
    builders = {f.path: f.text for f in outcome.files if f.path.startswith("builders/a")}
    assert len(builders) == 5
    assert all(
        "def by_id(self, id: str, /)" in text
        for path, text in builders.items()
        if path != "builders/a_item_item_item_item.py"
    )


def test_an_operation_named_close_keeps_the_clients_close() -> None:
    page = (
        "---\ndoc_type: apiPageType\n---\n\n# Close\n\n## HTTP request\n\n```http\n"
        "POST /close\nPOST /things/{id}/close\n```\n\n## Response\n\n"
        "If successful, this method returns `204 No Content`.\n"
    )
    outcome = run_stages({"api/close.md": page.encode()})
    check_outcome(outcome)
    client = next(f.text for f in outcome.files if f.path == "client.py")
    root = next(f.text for f in outcome.files if f.path == "builders/root.py")
    assert client.count("    def close(") == 1 and "    def close_(self)" in root


def test_two_classes_with_one_snake_case_module_get_two_files() -> None:
    page = (
        "# fooBar resource type\n\n## Properties\n\n| Property | Type | Description |\n"
        "|--|--|--|\n| a | [foo_bar](#foo_bar-values) | x |\n\n### foo_bar values\n\n"
        "| Value | Description |\n|--|--|\n| one | One. |\n"
    )
    outcome = run_stages({"resources/foobar.md": page.encode()})
    check_outcome(outcome)
    models = sorted(f.path for f in outcome.files if f.path.startswith("models/m"))
    assert "models/foo_bar.py" in {f.path for f in outcome.files}
    assert "models/foo_bar_2.py" in {f.path for f in outcome.files}, models


def test_dot_segments_are_dropped_from_documented_paths() -> None:
    assert normalise_path("/../../etc/{passwd}") == "/etc/{passwd}"
    assert normalise_path("/things/./{id}/..") == "/things/{id}"


def test_diagnostics_show_control_and_bidi_characters_escaped() -> None:
    diagnostics = Diagnostics()
    diagnostics.report("GG020", SourceSpan("a.md", 1), "type \x1b[2Jx\u202eevil")
    (item,) = diagnostics.items
    assert str(item) == "a.md:1: warning GG020: type \\u001b[2Jx\\u202eevil"
    assert isinstance(item, Diagnostic)
    named = Diagnostic(SourceSpan("api/\x1b[2J.md", 1), "GG001", "x", "error")
    assert str(named) == "api/\\u001b[2J.md:1: error GG001: x"


def test_request_line_with_a_run_of_inner_spaces() -> None:
    line = "GET /a" + " " * 50 + "b   "
    assert looks_like_request(line)
    example = parse_example("request", line, {}, SourceSpan("a.md", 1), Diagnostics())
    assert example.url == "/a" + " " * 50 + "b"


def test_links_with_nested_brackets_and_parentheses() -> None:
    assert plain_text("see [the [x] type](a(b).md) and [[[[") == "see the [x] type and [[[["
    cell = type_cell("[user](../resources/user.md) collection")
    assert (cell.name, cell.link, cell.collection) == ("user", "../resources/user.md", True)


def test_resource_title_with_spaces_before_type() -> None:
    doc, _ = parse_text("# widget    resource   type\n\n## Properties\n")
    assert doc.resource_name == "widget"
