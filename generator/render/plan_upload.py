"""Large file upload (issue 15 part 3): the `upload(source, ...)` method of the builders of an
action that answers an `uploadSession` (`createUploadSession` of drive items, attachments,
print documents), planned beside plan_client.py, which asks for it.

What the upload ends with is decided from the model, by the path the action is bound to (its
parent in the builder tree):
- the type that path answers on GET: one item (`/drives/{id}/items/{id}`: driveItem) is the item
  the upload writes, which the service gives at the end (or is asked for, `upload_item`): the
  method answers it, `-> DriveItem`; a collection (`/me/messages/{id}/attachments`: attachment)
  gains a new member, which the service may leave out (Outlook answers the last range with 201
  and no body): `-> Attachment | None`;
- else the entity type the action's page is named for (`printdocument-createuploadsession.md`:
  printDocument), one item when the parent path ends with a key;
- else nothing the model knows: `-> Any`.
"""

from __future__ import annotations

import dataclasses
import posixpath

from generator.model import Answer, ApiModel, Operation, TypeRef
from generator.render import layout
from generator.render.pytypes import python_type
from generator.render.text import docstring_lines
from generator.render.views_client import VerbCode, VerbView

UPLOAD_SESSION = "microsoft.graph.uploadsession"
RUNTIME_IMPORTS = "from .. import _batch, _http, _paths"
RUNTIME_IMPORTS_UPLOAD = "from .. import _batch, _http, _paths, _upload"


def entities(model: ApiModel) -> dict[str, str]:
    """Entity types by lower-case simple name: what a page's first word may name."""
    return {t.name.lower(): t.qualified_name for t in model.types if t.kind == "entity"}


def answers_upload_session(answer: Answer | None) -> bool:
    return (
        answer is not None
        and answer.type is not None
        and not answer.type.collection
        and answer.type.name.lower() == UPLOAD_SESSION
    )


def upload_target(
    parent_get: Answer | None,
    parent_is_key: bool,
    operation: Operation,
    known: dict[str, str],
) -> tuple[str | None, bool]:
    """The qualified type the upload makes, and whether the action is bound to that one item
    (module docstring)."""
    if parent_get is not None and parent_get.type is not None:
        name = parent_get.type.name
        if not name.startswith("Edm."):
            return name, not parent_get.type.collection
    stem = posixpath.splitext(posixpath.basename(operation.source.path))[0]
    found = known.get(stem.split("-", 1)[0].lower())
    return found, found is not None and parent_is_key


def with_upload(
    view: VerbView,
    target: str | None,
    item: bool,
    classes: dict[str, str],
    enums: frozenset[str],
) -> tuple[VerbView, set[str]]:
    """The POST's view with its `upload` (annotation, codec, docstring), and the types named."""
    used: set[str] = set()
    if target is None:
        annotation, codec, item = "Any", "_http.AUTO", False
    else:
        element = python_type(TypeRef(name=target), classes, enums)
        used.update(element.imports)
        annotation, codec = element.annotation, f"_http.Single({element.codec or 'None'})"
        if not item:
            annotation += " | None"
    what = annotation.removesuffix(" | None")
    if target is None:
        end = "Answers the last answer's JSON (a model where it names its type), or None."
    elif item:
        end = f"Answers the uploaded {what} (asked for when the last answer leaves it out)."
    else:
        end = (
            f"Answers the new {what} when the service gives it, else None (Outlook ends an "
            "attachment's upload with 201 and no body)."
        )
    lines = docstring_lines(
        "Uploads a large file: creates an upload session (a POST of `body`, with `options`), "
        "then PUTs `source` (bytes, a path or a binary file object, read range by range) to "
        "its upload URL in ranges of `chunk_size` bytes (a multiple of 320 KiB), without the "
        "client's credentials, each from the ranges the service says it expects. "
        "`progress(sent, total)` is called after each range."
    )
    lines += ["", *docstring_lines(end)]
    return (
        dataclasses.replace(
            view,
            upload_annotation=annotation,
            upload_item=item,
            upload_doc_lines=tuple(lines),
            upload_codec_line=layout.expression(0, codec, "", "_UPLOAD: _rt.Codec | None = "),
        ),
        used,
    )


def upload_code(code: VerbCode, v: VerbView, is_async: bool) -> VerbCode:
    """The `upload` method of a sync or async builder (a batch cannot carry it)."""
    if not v.upload_annotation:
        return code
    params = [
        "self",
        "source: _upload.UploadSource",
        "*",
        f"body: {v.body_annotation or 'Any'} = None",
        "chunk_size: int = _upload.DEFAULT_CHUNK_SIZE",
        "progress: _upload.Progress | None = None",
        "**options: Unpack[RequestOptions]",
    ]
    head = ("async def " if is_async else "def ") + "upload"
    call = (
        f"self._upload_large(_UPLOAD, {v.upload_item}, source, body, chunk_size, progress, "
        "options)"
    )
    prefix = f"result: {v.upload_annotation} = " + ("await " if is_async else "")
    return dataclasses.replace(
        code,
        upload_def_lines=layout.def_line(4, head, params, v.upload_annotation),
        upload_doc_lines=v.upload_doc_lines,
        upload_lines=layout.expression(8, call, "", prefix),
    )


__all__ = [
    "RUNTIME_IMPORTS",
    "RUNTIME_IMPORTS_UPLOAD",
    "answers_upload_session",
    "entities",
    "upload_code",
    "upload_target",
    "with_upload",
]
