"""The template API of the client (`client.py.jinja`): the views of request builders.

Kept apart from `views.py` because only a run that renders the client needs them: creating a
frozen dataclass costs about a millisecond (its methods are compiled from source), and a run
that re-renders one model module never creates these. `views.py` still answers for them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class ArgumentView:
    """An argument of a function step of a request builder, or a parameter a method's path
    writes in its query: the Python keyword and the name in the path."""

    attr: str  # Python keyword parameter
    wire_literal: str  # the name in the path, as a string literal
    annotation: str  # what the parameter accepts
    optional: bool = False  # left out of some form of the function: `| None = None`


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildView:
    """A step from one request builder to the next: a property, `by_id(...)` or a function."""

    kind: str  # "static" | "param" | "function" | "item_path"
    attr: str  # property or method name
    segment_literal: str  # static segment or function name, as a string literal
    arguments: tuple[ArgumentView, ...]  # function arguments
    # a function written with several sets of arguments: their lower-case names, as a literal
    # (runtime/_paths.py `function_segment` refuses any other set); "": one form
    forms_literal: str = ""
    module: str
    sync_class: str
    async_class: str
    batch_class: str  # the class of the step on a batch-bound builder


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbView:
    """A documented HTTP method of one path, typed."""

    verb: str  # get | post | patch | put | delete
    http_literal: str
    # keywords of the parameters its paths write in their query (`start_date_time`)
    query_arguments: tuple[ArgumentView, ...] = ()
    # json | download (answers bytes: adds get_stream) | upload (takes bytes) | count
    # (a documented $count: int) | ref ($ref)
    kind: str = "json"
    content_type: str = ""  # upload: the media type the page gives for the body ("": none)
    codec_name: str  # module-level constant holding the response codec
    codec: str  # codec expression
    body_annotation: str | None  # None: the method takes no body
    return_annotation: str
    item_annotation: str | None  # element type when the answer is a collection (adds list_all)
    doc_lines: tuple[str, ...]
    # laid out as black would (render/layout.py):
    codec_line: str = ""  # `_GET: _rt.Codec | None = ...`
    item_codec_line: str = ""  # `_GET_ITEM: ...`, "" unless item_annotation
    # an action answering an uploadSession (adds `upload`): what the upload ends with
    upload_annotation: str = ""  # "" when there is no `upload`
    upload_item: bool = False  # bound to the item it makes: fetched if the end lacks it
    upload_doc_lines: tuple[str, ...] = ()
    upload_codec_line: str = ""  # `_UPLOAD: _rt.Codec | None = ...`


@dataclass(frozen=True, slots=True, kw_only=True)
class ChildCode:
    """One navigation step of one side (sync or async): the step, the class it returns on this
    side, and the statements whose layout depends on the length of names, laid out as black
    would (indentation included)."""

    kind: str  # "static" | "param" | "function" | "item_path"
    child: ChildView
    class_name: str  # the sync or the async class of the child
    def_lines: str  # the `def` line(s); "" for a function (always exploded, template-written)
    import_line: str
    return_line: str


@dataclass(frozen=True, slots=True, kw_only=True)
class VerbCode:
    """One HTTP method of one side, laid out as black would (indentation included)."""

    def_lines: str
    doc_lines: tuple[str, ...]
    send_lines: str  # `result: R = self._send(...)`
    list_def_lines: str  # "" when the answer is not a collection (no list_all)
    list_items_lines: str
    pages_def_lines: str = ""  # "" when the answer is not a collection (no pages)
    pages_lines: str = ""  # `pages: Iterator[Page[X]] = self._pages(...)`
    stream_def_lines: str = ""  # "" unless the answer is bytes (adds get_stream)
    stream_lines: str = ""  # `chunks: Iterator[bytes] = self._stream(options)`
    upload_def_lines: str = ""  # "" unless the action answers an uploadSession (no batch)
    upload_doc_lines: tuple[str, ...] = ()
    upload_lines: str = ""  # `result: DriveItem = self._upload_large(...)`


@dataclass(frozen=True, slots=True, kw_only=True)
class SideView:
    """The sync, the async or the batch-bound class of a builder module."""

    class_line: str  # `class XBuilder(Builder):`
    route_line: str  # `route: ClassVar[str] = "..."`
    children: tuple[ChildCode, ...]
    verbs: tuple[VerbCode, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class BuilderView:
    """One module of request builders: the sync and the async class of one path."""

    package: str
    module: str
    sync_class: str
    async_class: str
    batch_class: str
    route_literal: str
    doc_lines: tuple[str, ...]
    children: tuple[ChildView, ...]
    verbs: tuple[VerbView, ...]
    type_imports: tuple[tuple[str, str], ...]  # models named in annotations
    child_imports: tuple[tuple[str, str, str], ...]  # (module, sync class, async class)
    # laid out as black would (render/layout.py), indentation included:
    import_lines: tuple[str, ...] = ()  # type_imports and child_imports, under TYPE_CHECKING
    all_line: str = ""  # `__all__ = [...]`
    runtime_import_line: str = "from .. import _batch, _http, _paths"  # `_upload` too, if used
    sync: SideView | None = None
    async_: SideView | None = None
    # requests queued in a batch: methods answer handles (no list_all, downloads or uploads)
    batch: SideView | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class RouteView:
    """A line of the routes table: a builder module and the modules its segments lead to."""

    module_literal: str
    static: tuple[
        tuple[str, str], ...
    ]  # (lower-case segment or "name(" literal, child module literal)
    param_literal: str  # child module literal, or "None"
    sync_class_literal: str
    async_class_literal: str


@dataclass(frozen=True, slots=True, kw_only=True)
class ClientView:
    """The client (`client.py.jinja`): the root builder, every builder and the routes."""

    package: str
    root: BuilderView
    builders: tuple[BuilderView, ...]
    routes: tuple[RouteView, ...]
    # (module literal, module literal): the builder a `name:/path:` segment of it leads to
    item_paths: tuple[tuple[str, str], ...] = ()
