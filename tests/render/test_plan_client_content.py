"""The planner's part of issue 14: OneDrive item paths join the drive's item builder, and the
methods whose body or answer is not JSON get their own kind."""

from __future__ import annotations

from typing import Any

from generator.model import ApiModel, Operation
from generator.model.nodes import Example, TypeRef
from generator.render.plan_client import client_view
from generator.source import SourceSpan

SPAN = SourceSpan("api/page.md", 1)


def _op(method: str, *paths: str, **kwargs: Any) -> Operation:
    return Operation(name="x", method=method, paths=paths, source=SPAN, **kwargs)


def _view(*operations: Operation) -> dict[str, Any]:
    view = client_view(ApiModel(operations=operations), "sdk", {}, {}, frozenset())
    return {b.module: b for b in view.builders} | {"_item_paths": view.item_paths}


def test_item_paths_lead_to_the_drives_item_builder() -> None:
    builders = _view(
        _op("GET", "/me/drive/root:/{item-path}:/content", status=302),
        _op("PUT", "/me/drive/items/{parent-id}:/{filename}:/content", status=201),
        _op("GET", "/sites/{hostname}:/{relative-path}"),
    )
    content = builders["me_drive_items_item_content"]
    assert [(v.verb, v.kind) for v in content.verbs] == [
        ("get", "download"),
        ("put", "upload"),
    ]
    root = builders["me_drive_root"]
    assert [(c.kind, c.attr, c.module) for c in root.children] == [
        ("item_path", "item_path", "me_drive_items_item")
    ]
    assert builders["_item_paths"] == (
        ('"me_drive_items_item"', '"me_drive_items_item"'),
        ('"me_drive_root"', '"me_drive_items_item"'),
        ('"sites_item"', '"sites_item"'),  # the site at a path on a host is a site
    )
    assert not any(m.startswith("sites_item_") for m in builders)  # no builder of its own


def test_content_kinds_and_count() -> None:
    example = Example(kind="response", status=302, source=SPAN)  # a page's example: not enough
    users = TypeRef(name="microsoft.graph.user", collection=True)
    builders = _view(
        _op("GET", "/reports/getX(period='{p}')", status=302),
        _op("GET", "/me/drive/items/{id}/thumbnails", examples=(example,)),
        _op("POST", "/groups/{id}/members/$ref", status=204),
        _op("PATCH", "/me/onenote/pages/{id}/content", request_type=TypeRef(name="x.cmd")),
        _op("GET", "/users", response_type=users),
        _op("GET", "/groups/$count"),
        _op("PUT", "/me/photo/$value", request_content_type="image/jpeg"),
    )
    assert builders["groups_count"].verbs[0].kind == "count"
    assert builders["groups_count"].verbs[0].return_annotation == "int"
    assert builders["me_drive_items_item_thumbnails"].verbs[0].kind == "json"
    report = builders["reports_get_x"]
    assert report.verbs[0].kind == "download"
    assert report.verbs[0].return_annotation == "bytes"
    ref = builders["groups_item_members_ref"].verbs[0]
    assert (ref.kind, ref.body_annotation, ref.return_annotation) == (
        "ref",
        "_http.Reference | None",
        "None",
    )
    assert builders["me_onenote_pages_item_content"].verbs[0].kind == "json"
    photo = builders["me_photo_value"].verbs[0]
    assert (photo.kind, photo.content_type) == ("upload", "image/jpeg")
    count = [c for c in builders["users"].children if c.attr == "count"]
    assert [(c.kind, c.module, c.sync_class) for c in count] == [
        ("static", "_base", "CountBuilder")
    ]
