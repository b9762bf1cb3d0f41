"""Request paths from syntax blocks, normalised (DOCS_FORMAT.md §5.6: H-e, H-f, H-h, H-j, H-l)."""

from __future__ import annotations

import pytest

from generator.diagnostics import Diagnostics
from generator.parse.http import syntax_paths
from generator.parse.paths import normalise_path
from generator.source import SourceSpan


@pytest.mark.parametrize(
    ("written", "normalised"),
    [
        # H-e alternations, with and without spaces, and the stray form outside the braces
        ("/users/{id | userPrincipalName}/memberOf", "/users/{id}/memberOf"),
        (
            "/me/drive/root:/{item-path}:/sheets/{id|name}",
            "/me/drive/root:/{item-path}:/sheets/{id}",
        ),
        (
            "/users/{user-id} | user-principal-name/chats/{chat-id}",
            "/users/{user-id}/chats/{chat-id}",
        ),
        # H-f placeholder spellings are kept; one with spaces becomes one camel-case word
        ("/security/alerts/{alert_id}", "/security/alerts/{alert_id}"),
        ("/organization/{tenant id}/branding", "/organization/{tenantId}/branding"),
        (
            "/drive/root:/{path and filename}:/content?x=1",
            "/drive/root:/{pathAndFilename}:/content",
        ),
        # H-g OneDrive colon paths stay one template
        ("/me/drive/root:/{item-path}:/content", "/me/drive/root:/{item-path}:/content"),
        # H-h function segments: spaces around the argument punctuation go, quoted values stay
        (
            "/range/resizedRange(deltaRows={n}, deltaColumns={n})",
            "/range/resizedRange(deltaRows={n},deltaColumns={n})",
        ),
        ("/reports/f( q = 'two words' )", "/reports/f(q='two%20words')"),
        # H-j query strings, H-l hosts, versions, missing leading and extra trailing slashes
        ("/security/alerts?$filter={property} eq '{property-value}'", "/security/alerts"),
        ("https://graph.microsoft.com/v1.0/sites/{site-id}/lists", "/sites/{site-id}/lists"),
        ("policies/activityBasedTimeoutPolicies", "/policies/activityBasedTimeoutPolicies"),
        ("/identity/apiConnectors/", "/identity/apiConnectors"),
        ("/v1.0/me", "/me"),
        # `.` and `..` never survive: a documented path cannot climb out of the service root
        ("/users/../../admin/./x", "/users/admin/x"),
    ],
)
def test_normalise_path(written: str, normalised: str) -> None:
    assert normalise_path(written) == normalised


def test_a_path_that_elides_segments_is_reported_not_kept() -> None:
    """H-l `/.../`: "any depth of child folders" is no request path (9 lines in the corpus,
    e.g. `api/contact-get.md:46`)."""
    diagnostics = Diagnostics()
    found = syntax_paths(
        "GET /me/contactFolders/{id}/contacts/{id}\n"
        "GET /me/contactFolders/{id}/childFolders/{id}/.../contacts/{id}\n"
        "GET /me/x/...?$top=1\n",
        SourceSpan("api/contact-get.md", 40),
        diagnostics,
    )
    assert [p.path for p in found] == ["/me/contactFolders/{id}/contacts/{id}"]
    assert [str(d) for d in diagnostics.sorted()] == [
        (
            "api/contact-get.md:41: warning GG014: path elides segments with '...': "
            "'GET /me/contactFolders/{id}/childFolders/{id}/.../contacts/{id}'; ignored"
        ),
        (
            "api/contact-get.md:42: warning GG014: path elides segments with '...': "
            "'GET /me/x/...?$top=1'; ignored"
        ),
    ]
