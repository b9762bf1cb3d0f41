"""Hypothesis strategies for hostile pages: real pages mutated line by line and byte by byte,
with fragments that break tables, fences, annotations, JSON, links and encodings."""

from __future__ import annotations

from hypothesis import strategies as st

from tests.conftest import DOCS_INPUT

SEEDS: tuple[tuple[str, str], ...] = tuple(
    (page.relative_to(DOCS_INPUT).as_posix(), page.read_text(encoding="utf-8"))
    for page in sorted(DOCS_INPUT.rglob("*.md"))
) + (
    (
        "resources/enums.md",
        (
            "---\ndoc_type: enumPageType\n---\n\n# colour enum type\n\nNamespace: microsoft.graph\n\n"
            "## Members\n\n| Member | Value | Description |\n|:--|:--|:--|\n| red | 0 | Red. |\n"
            "| green | 1 | Green. |\n\n### size values\n\n| Value |\n|--|\n| small |\n| large |\n"
        ),
    ),
    (
        "api/widget-update.md",
        (
            "---\ndoc_type: apiPageType\n---\n\n# Update widget\n\n## HTTP request\n\n"
            "```http\nPATCH /widgets/{widget-id}\n```\n\n## Request body\n\n"
            "Use a [widget](../resources/widget.md) object.\n\n"
            "| Property | Type | Description |\n|:--|:--|:--|\n"
            "| size | sizeKind | Possible values are: `small`, `large`. |\n"
            "| id | String | Inherited from [entity](../resources/entity.md). |\n\n"
            "## Response\n\nIf successful, this method returns `204 No Content`.\n\n## Example\n\n"
            '<!-- {"blockType": "request", "name": "update_widget"} -->\n```http\n'
            'PATCH https://graph.microsoft.com/v1.0/widgets/1\n\n{"size": "small", '
            '"part": {"@odata.type": "#microsoft.graph.widgetPart", "n": 1, "at": '
            '"2020-01-01T00:00:00Z", "tags": ["a"]}}\n```\n'
        ),
    ),
)

FRAGMENTS: tuple[str, ...] = (
    "|",
    "||||",
    "| a | b |",
    "|---|",
    "|:--|--:|:-:|",
    "| x | String | y",
    "| name | Type | Description |\n|--|--|--|",
    "| **group** |",
    "\\|",
    "`",
    "```",
    "```http",
    "```json",
    "~~~",
    "    indented code",
    "<!--",
    "-->",
    "<!-- {",
    "<!-- {} -->",
    "<!-- [] -->",
    '<!-- {"blockType": "resource", "@odata.type": "microsoft.graph.x", "baseType": "y"} -->',
    (
        '<!-- {"blockType": "response", "@odata.type": "microsoft.graph.user", '
        '"isCollection": true} -->'
    ),
    '<!-- {"blockType": "request"} -->',
    '<!-- {"blockType": ',
    "{",
    "}",
    "[",
    "]",
    "{,}",
    '{"@odata.type": "#microsoft.graph.',
    '{"@odata.type": "#microsoft.graph.ghost", "a": 1, "b": [1, 2], "c": {"@odata.type": "#x"}}',
    '{"value": [{"@odata.type": "#microsoft.graph.item", "when": "2020-01-01"}]}',
    '{"a": 1,,}',
    "/* comment */ // comment",
    '"',
    "\\",
    "**",
    "*",
    "_",
    "#",
    "# ",
    "######## seven",
    "## Properties",
    "## Relationships",
    "## JSON representation",
    "## HTTP request",
    "## Request body",
    "## Response",
    "## Example",
    "### Request",
    "### Response",
    "## Members",
    "### x values",
    "### y enum type",
    "## Permissions",
    "GET /users/{id}",
    "POST /a/{b | c}/d",
    "DELETE https://graph.microsoft.com/v1.0/x/{",
    "PUT",
    "HTTP/1.1 200 OK",
    "HTTP/1.1 999",
    "Content-type: application/json",
    (
        "If successful, this method returns a `201 Created` response code and a "
        "[user](../resources/user.md) object."
    ),
    "Possible values are: `a`, `b`, `a`.",
    "The possible values are: none, some, all.",
    "Inherits from [entity](entity.md).",
    "Inherited from [x](../x.md)",
    "[link](",
    "](",
    "[a][b]",
    "[[[[",
    "((((",
    "<br>",
    "<b>",
    "TODO",
    "**TODO: Add Description**",
    "collection(",
    "Collection(microsoft.graph.user)",
    "String collection",
    "Edm.",
    "---",
    "title: x",
    "doc_type: resourcePageType",
    "doc_type: apiPageType",
    "Namespace: microsoft.graph.sub",
    "Namespace: microsoft.graph.1x",
    "- item",
    "> quote | a | b |",
    "> " * 40 + "deep",
    "- " * 40 + "deep",
    "x" * 3000,
    "[" * 500,
    "{" * 300,
    "\x00",
    "\ufeff",
    "\u202e\u2066",
    "\u2028",
    "\x0c\x0b",
    "\ufb01\U0001d400",
    "class",
    "__class__",
    "__import__('os')",
    '"""',
    "'''",
)

RAW_BYTES: tuple[bytes, ...] = (
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\x00",
    b"\r",
    b"\r\n",
    b"\xef\xbb\xbf",
    b"\xe2\x80\xae",
)

line_text = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=40),
    st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=5).map(" ".join),
)


@st.composite
def mutated_text(draw: st.DrawFn) -> tuple[str, str]:
    """A seed page with a few line-level mutations."""
    path, text = draw(st.sampled_from(SEEDS))
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            lines = [""]
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(
            st.sampled_from(["insert", "replace", "delete", "duplicate", "truncate", "splice"])
        )
        if action == "insert":
            lines.insert(at, draw(line_text))
        elif action == "replace":
            lines[at] = draw(line_text)
        elif action == "delete":
            del lines[at]
        elif action == "duplicate":
            lines[at:at] = lines[at : at + draw(st.integers(1, 20))]
        elif action == "truncate":
            lines[at] = lines[at][: draw(st.integers(0, max(0, len(lines[at]))))]
        else:
            position = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:position] + draw(line_text) + lines[at][position:]
    if draw(st.booleans()):
        lines = lines[: draw(st.integers(0, len(lines)))]  # a page cut short
    return path, draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines)


@st.composite
def page_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """A page as bytes: mutated text, then maybe broken encoding."""
    choice = draw(st.integers(0, 9))
    if choice == 0:
        return "api/random.md", draw(st.binary(max_size=400))
    if choice == 1:
        return "resources/random.md", draw(st.text(max_size=400)).encode("utf-8", "surrogatepass")
    path, text = draw(mutated_text())
    data = text.encode("utf-8", "surrogatepass")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.sampled_from(RAW_BYTES)) + data[at:]
    return path, data


@st.composite
def page_sets(draw: st.DrawFn) -> dict[str, bytes]:
    """One to three pages, with distinct paths, as a DOCS folder would hold them."""
    pages: dict[str, bytes] = {}
    for index in range(draw(st.integers(1, 3))):
        path, data = draw(page_bytes())
        if path in pages:
            path = path.replace(".md", f"-{index}.md")
        pages[path] = data
    return pages
