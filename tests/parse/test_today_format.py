"""Constructs of today's (2026) pages, one small inline page per case: permission tables kept in
`[!INCLUDE]` files, `Namespace:` lines, `> [!NOTE]` callouts inside sections, tabbed code
groups whose only request is the HTTP tab, and the newer table layouts. See "Today's format
(2026)" in docs/input-format.md."""

from __future__ import annotations

import pytest

from tests.conftest import parse_text

_API = "---\ndoc_type: apiPageType\n---\n\n# Get thing\n\nNamespace: microsoft.graph\n\n"
_HTTP = "## HTTP request\n\n```http\nGET /things/{id}\n```\n\n"
_RESPONSE = (
    "## Response\n\nIf successful, this method returns a `200 OK` response code and a "
    "[thing](../resources/thing.md) object in the response body.\n\n"
)
_TABLE = (
    "|Permission type|Permissions (from least to most privileged)|\n|:---|:---|\n"
    "|Delegated (work or school account)|Thing.Read|\n"
)
_INCLUDE = "[!INCLUDE [permissions-table](../includes/permissions/thing-get-permissions.md)]"


@pytest.mark.parametrize(
    ("section", "permissions"),
    [
        # the 2026 form: an annotation comment, then the include that holds the table
        (
            '<!-- { "blockType": "permissions", "name": "thing_get" } -->\n' + _INCLUDE + "\n",
            (("include", "../includes/permissions/thing-get-permissions.md"),),
        ),
        (_TABLE, (("Delegated (work or school account)", "Thing.Read"),)),  # the 2021 form
        (  # both, in page order
            _INCLUDE + "\n\n" + _TABLE,
            (
                ("include", "../includes/permissions/thing-get-permissions.md"),
                ("Delegated (work or school account)", "Thing.Read"),
            ),
        ),
        # a callout about a permission names none, nor does an include quoted in it
        ("> [!IMPORTANT]\n> With Thing.ReadWrite.All, send a header.\n> " + _INCLUDE + "\n", ()),
        ("No permissions table.\n", ()),  # never invented
    ],
)
def test_permissions(section: str, permissions: tuple[tuple[str, str], ...]) -> None:
    page, _ = parse_text(_API + "## Permissions\n\n" + section + "\n" + _HTTP + _RESPONSE)
    assert page.permissions == permissions


def test_an_include_outside_the_permissions_section_is_no_permission() -> None:
    text = _API + "Intro.\n\n" + _INCLUDE + "\n\n## Permissions\n\n" + _TABLE + "\n" + _HTTP
    page, _ = parse_text(text)
    assert page.permissions == (("Delegated (work or school account)", "Thing.Read"),)


@pytest.mark.parametrize(
    ("lines", "namespace"),
    [
        ("Namespace: microsoft.graph.security\n\nAn alert.", "microsoft.graph.security"),
        (
            "Namespace: microsoft.graph.security\nAn alert, no blank line.",
            "microsoft.graph.security",
        ),
        ("Namespace: `microsoft.graph.callRecords`\n\nA call.", "microsoft.graph.callRecords"),
        ("Namespace: microsoft.graph\n\nA plain one.", "microsoft.graph"),
        ("No line at all.", "microsoft.graph"),
        ("The namespace: microsoft.graph.security is prose.", "microsoft.graph"),
    ],
)
def test_namespace_line(lines: str, namespace: str) -> None:
    # today's pages put the line right under the title, without a blank line
    page, _ = parse_text(
        "# alert resource type\n" + lines + "\n\n## Properties\n", "resources/a.md"
    )
    assert page.namespace == namespace


_PROPERTIES = "## Properties\n\n|Property|Type|Description|\n|:---|:---|:---|\n"


@pytest.mark.parametrize(
    ("between", "names", "last_description"),
    [
        # a callout right under the last row (no blank line) ends the table; it is no row text
        ("> [!NOTE]\n> Only some properties are returned.\n", ["a", "b"], "Second."),
        # a callout between two tables of the section breaks neither
        (
            (
                "\n> [!IMPORTANT]\n> Read this.\n\n|Property|Type|Description|\n|:--|:--|:--|\n"
                "|c|String|Third.|\n"
            ),
            ["a", "b", "c"],
            "Third.",
        ),
        # rows after a callout in the middle of a table have no header row: docfx shows them as
        # text, and they are not read either (the rows above it are)
        ("> [!NOTE]\n> Aside.\n\n|c|String|Third.|\n", ["a", "b"], "Second."),
    ],
)
def test_callouts_in_a_properties_section(
    between: str, names: list[str], last_description: str
) -> None:
    text = (
        "# thing resource type\n\n" + _PROPERTIES + "|a|String|First.|\n|b|String|Second.|\n"
    ) + between
    page, _ = parse_text(text, "resources/thing.md")
    assert [p.name for p in page.properties] == names
    assert page.properties[-1].description == last_description


def test_a_callout_does_not_speak_for_the_response_or_request_body() -> None:
    text = (
        _API
        + _HTTP
        + "## Request body\n\n> [!NOTE]\n> To send a [draft](../resources/draft.md), see x.\n\n"
        "In the request body, supply a JSON representation of a [thing](../resources/thing.md)."
        "\n\n## Response\n\n> [!NOTE]\n> When the thing is busy, this method returns a "
        "`202 Accepted` response code and an [operation](../resources/operation.md) object.\n\n"
        "If successful, this method returns a `201 Created` response code and a "
        "[thing](../resources/thing.md) object in the response body.\n"
    )
    page, _ = parse_text(text)
    assert page.request_type is not None and page.request_type.name == "thing"
    assert page.response_status == 201
    assert page.response_type is not None and page.response_type.name == "thing"


def test_a_callout_alone_still_gives_the_response() -> None:
    text = _API + _HTTP + "## Response\n\n> [!NOTE]\n> This method returns `204 No Content`.\n"
    page, _ = parse_text(text)
    assert page.response_status == 204


_TABS = """## Examples

### Request

# [HTTP](#tab/http)
<!-- { "blockType": "request", "name": "get_thing" } -->
```http
GET https://graph.microsoft.com/v1.0/things/1
```

# [C#](#tab/csharp)
{csharp}

# [JavaScript](#tab/javascript)
[!INCLUDE [sample-code](../includes/snippets/javascript/get-thing-javascript-snippets.md)]

---

### Response

<!-- { "blockType": "response", "@odata.type": "microsoft.graph.thing" } -->
```http
HTTP/1.1 200 OK
Content-type: application/json

{"id": "1"}
```
"""


@pytest.mark.parametrize(
    "csharp",
    [
        "[!INCLUDE [sample-code](../includes/snippets/csharp/get-thing-csharp-snippets.md)]",
        # an inline snippet that reads like a request is still not one
        "```http\nGET /things/2\n```",
        '<!-- { "blockType": "request", "name": "get_thing_cs" } -->\n```http\nGET /things/3\n```',
        '```csharp\nvar result = await graphClient.Things["1"].GetAsync();\n```',
    ],
)
def test_only_the_http_tab_holds_the_request(csharp: str) -> None:
    page, _ = parse_text(_API + _HTTP + _RESPONSE + _TABS.replace("{csharp}", csharp))
    assert [(e.kind, e.url or e.status) for e in page.examples] == [
        ("request", "https://graph.microsoft.com/v1.0/things/1"),
        ("response", 200),
    ]


@pytest.mark.parametrize(
    "end",
    [
        "---\n",  # a thematic break after a blank line
        "[!INCLUDE [sdk-documentation](../includes/snippets/link.md)]\n---\n",  # setext-like
        "## Response\n",  # a heading ends the group too
    ],
)
def test_a_tab_group_ends(end: str) -> None:
    text = (
        _API
        + _HTTP
        + _RESPONSE
        + "## Examples\n\n# [C#](#tab/csharp)\n[!INCLUDE [x](x.md)]\n\n"
        + end
        + "\n```http\nGET /things/9\n```\n"
    )
    page, _ = parse_text(text)
    assert [e.url for e in page.examples] == ["/things/9"]


def test_a_syntax_block_in_a_tab_other_than_http_is_no_path() -> None:
    text = (
        _API + "## HTTP request\n\n# [HTTP](#tab/http)\n```http\nGET /things/{id}\n```\n\n"
        "# [CLI](#tab/cli)\n```http\nGET /cli/{id}\n```\n\n---\n\n" + _RESPONSE
    )
    page, _ = parse_text(text)
    assert [p.path for p in page.http_paths] == ["/things/{id}"]


_VALUES_OF = """# recurrencePattern resource type

## Properties

|Property|Type|Description|
|:---|:---|:---|
|interval|Int32|The number of units between occurrences.|
|type|{type}|The recurrence pattern type: `daily`, `weekly`. See [values](#values-of-type-property).|

> [!IMPORTANT]
> For access reviews, only **interval** and **type** are supported.

### Values of type property

<!-- Note that this isn't a compliant enums declaration format. -->

| Value of type property | Description | Example | Required properties |
|:--------|:--------|:--------|:----------|
| `daily` | Repeats by days. | Every 3 days. | **type**, **interval** |
| `weekly` | Repeats by weeks. | Every other week. | **type**, **interval** |
"""


@pytest.mark.parametrize(
    ("type_cell", "enums"),
    [
        # the newer layout (2026 resources/recurrencepattern.md:38): the enum the property is
        # typed with, its members the first column
        ("recurrencePatternType", [("recurrencePatternType", ["daily", "weekly"])]),
        ("[recurrencePatternType](enums.md)", [("recurrencePatternType", ["daily", "weekly"])]),
        ("String", []),  # a String property's values document it: no enum named String
    ],
)
def test_values_of_a_property_table(type_cell: str, enums: list[tuple[str, list[str]]]) -> None:
    page, _ = parse_text(_VALUES_OF.replace("{type}", type_cell), "resources/recurrencepattern.md")
    assert [(e.name, [m[0] for m in e.members]) for e in page.enums] == enums
    assert [p.name for p in page.properties] == ["interval", "type"]


@pytest.mark.parametrize(
    ("row", "permissions"),
    [
        ("|Application|Thing.Read.All|Thing.ReadWrite.All|", "Thing.Read.All, Thing.ReadWrite.All"),
        ("|Application|Thing.Read.All|Not available.|", "Thing.Read.All"),
        (
            "|Delegated (personal Microsoft account)|Not supported.|Not supported.|",
            "Not supported.",
        ),
    ],
)
def test_the_three_column_permissions_layout(row: str, permissions: str) -> None:
    """The layout of today's permission includes, when a page has the table inline: one list,
    least privileged first, as the two-column tables give it."""
    table = (
        "|Permission type|Least privileged permissions|Higher privileged permissions|\n"
        "|:---|:---|:---|\n" + row + "\n"
    )
    page, _ = parse_text(_API + "## Permissions\n\n" + table + "\n" + _HTTP)
    assert page.permissions == ((row.split("|")[1], permissions),)


@pytest.mark.parametrize(
    ("intro", "request_type"),
    [
        ("[!INCLUDE [table-intro](../../includes/update-property-table-intro.md)]", None),
        ("[!INCLUDE [intro](../../includes/update-property-table-intro.md)]", None),
        (
            "[!INCLUDE [intro](../../includes/intro.md)]\n\nProvide a [thing](../resources/thing.md).",
            "thing",
        ),
    ],
)
def test_an_include_in_the_request_body_names_no_type(intro: str, request_type: str | None) -> None:
    text = (
        _API
        + _HTTP
        + "## Request body\n\n"
        + intro
        + "\n\n|Property|Type|Description|\n|:--|:--|:--|\n|name|String|The name.|\n"
    )
    page, _ = parse_text(text)
    assert (page.request_type.name if page.request_type else None) == request_type
    assert [p.name for p in page.request_properties] == ["name"]


def test_prose_after_the_parameter_table_names_no_request_type() -> None:
    """printdocument-createuploadsession.md: "get [printerCapabilities](..)" after the table
    speaks of a parameter's values; the body is the table's parameters."""
    text = (
        _API
        + _HTTP.replace("GET", "POST")
        + "## Request body\n\nIn the request body, provide a JSON object with the following"
        " parameters.\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n"
        "|properties|[uploadProperties](../resources/uploadproperties.md)|The file. Required.|\n\n"
        "You can get the supported content types by getting"
        " [printerCapabilities](../resources/printercapabilities.md).\n"
    )
    page, _ = parse_text(text)
    assert page.request_type is None
    assert [(p.name, p.required) for p in page.request_properties] == [("properties", True)]


def test_a_parameters_section_holds_the_request_body_s_parameters() -> None:
    """driveitem-createuploadsession.md writes its action's parameters under `## Parameters`."""
    text = (
        _API
        + _HTTP.replace("GET", "POST")
        + "## Parameters\n\n|Parameter|Type|Description|\n|:--|:--|:--|\n"
        "|item|[driveItemUploadableProperties](../resources/x.md)|Data about the file.|\n"
        "|deferCommit|Boolean|Optional. Commit later.|\n"
    )
    page, _ = parse_text(text)
    assert [(p.name, p.required) for p in page.request_properties] == [
        ("item", False),
        ("deferCommit", False),
    ]
