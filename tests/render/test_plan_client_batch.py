"""The planner's part of issue 15: every builder module has a batch-bound side whose methods
answer handles of what the sync side answers, with the same navigation; bytes and paging stay
off it, and collections get `pages()` and a `list_all()` answering `Items`."""

from __future__ import annotations

from typing import Any

from generator.model import ApiModel, Operation
from generator.model.nodes import TypeRef
from generator.render.plan_client import client_view
from generator.source import SourceSpan

SPAN = SourceSpan("api/page.md", 1)


def _op(method: str, *paths: str, **kwargs: Any) -> Operation:
    return Operation(name="x", method=method, paths=paths, source=SPAN, **kwargs)


def _builders() -> dict[str, Any]:
    users = TypeRef(name="microsoft.graph.user", collection=True)
    view = client_view(
        ApiModel(
            operations=(
                _op("GET", "/users", response_type=users),
                _op("GET", "/users/delta", response_type=users),
                _op("GET", "/me/drive/items/{id}/content", status=302),
                _op("PUT", "/me/drive/items/{id}/content", status=201),
                _op("POST", "/groups/{id}/members/$ref", status=204),
            )
        ),
        "sdk",
        {},
        {},
        frozenset(),
    )
    return {b.module: b for b in view.builders}


def test_the_batch_side_answers_handles_and_navigates_to_batch_classes() -> None:
    users = _builders()["users"]
    assert users.batch_class == "BatchUsersBuilder"
    (get,) = users.batch.verbs
    assert "-> _batch.Handle[_http.Page[Any]]" in get.def_lines.replace("\n", "")
    assert "BatchQueryOptions" in get.def_lines and get.list_def_lines == get.pages_def_lines == ""
    steps = {c.child.attr: c.class_name for c in users.batch.children}
    assert steps == {"count": "BatchCountBuilder", "delta": "BatchUsersDeltaBuilder"}


def test_collections_get_pages_and_items_on_the_sync_and_async_sides() -> None:
    users = _builders()["users"]
    (sync,), (async_,) = users.sync.verbs, users.async_.verbs
    assert (
        "_http.Items[Any]" in sync.list_def_lines
        and "Iterator[_http.Page[Any]]" in sync.pages_def_lines
    )
    assert "_http.AsyncItems[Any]" in async_.list_def_lines
    assert "AsyncIterator[_http.Page[Any]]" in async_.pages_def_lines


def test_bytes_stay_off_the_batch_side_and_ref_answers_a_handle_of_none() -> None:
    builders = _builders()
    content = builders["me_drive_items_item_content"]
    assert [v.verb for v in content.verbs] == ["get", "put"] and content.batch.verbs == ()
    (ref,) = builders["groups_item_members_ref"].batch.verbs
    assert "_batch.Handle[None]" in ref.def_lines
