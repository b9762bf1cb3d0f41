"""The media type a page's Request headers table gives for the body (issue 14: an upload is
sent as the page says, e.g. a profile photo as `image/jpeg`)."""

from __future__ import annotations

import pytest

from tests.conftest import parse_text

PAGE = """---
title: Update profilePhoto
doc_type: apiPageType
---
# Update profilePhoto

## HTTP request

```http
PUT /me/photo/$value
```

## Request headers

| Name          | Description           |
|:--------------|:----------------------|
| Authorization | Bearer {token}. Required. |
| Content-Type  | {cell} |
"""


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("image/jpeg. Required.", "image/jpeg"),
        ("application/json. Required.", "application/json"),
        ("`text/plain`", "text/plain"),
        ("The type of the content. Required.", None),
        ("{content-type}", None),
        ('image/jpeg"); import os; ("', "image/jpeg"),
    ],
)
def test_the_content_type_row_gives_a_media_type_or_nothing(
    cell: str, expected: str | None
) -> None:
    page, _ = parse_text(PAGE.replace("{cell}", cell), "api/profilephoto-update.md")
    assert page.request_content_type == expected


def test_a_page_without_the_row_gives_none() -> None:
    text = PAGE.replace("| Content-Type  | {cell} |\n", "")
    page, _ = parse_text(text, "api/profilephoto-update.md")
    assert page.request_content_type is None
