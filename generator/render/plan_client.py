"""Views of the client: a tree of request builders that follows the documented paths.

Every documented path becomes a chain of builders (`client.users.by_id(x).online_meetings`);
each node knows its children and the HTTP methods documented for it, typed from the model.
OneDrive item paths (`root:/{item-path}:`, `items/{id}:/{path}:`) lead to the drive's item
builder through `item_path(...)`. Bodies and answers that are not JSON (`/content`, `$value`,
downloads behind a 302, `$count`, `$ref`) get methods of their own (`_content_verb`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.model import Answer, ApiModel, Operation, TypeRef
from generator.model.paths import literal_key
from generator.render import layout, naming, plan_upload
from generator.render.pytypes import argument_annotation, python_type
from generator.render.requests import request_class_name
from generator.render.text import docstring_lines, literal, tuple_display
from generator.render.views_client import (
    ArgumentView,
    BuilderView,
    ChildCode,
    ChildView,
    ClientView,
    RouteView,
    SideView,
    VerbCode,
    VerbView,
)

_PARAM = re.compile(r"^\{([^{}]+)\}$")
_FUNCTION = re.compile(r"^([A-Za-z_][\w.]*)\((.*)\)$")
_ARGUMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*(.+?)\s*$")
_STATIC = re.compile(r"^\$?[A-Za-z_][\w.]*$")
_VERBS = ("get", "post", "patch", "put", "delete")
_BUILDER_MEMBERS = frozenset(
    {
        *_VERBS,
        *("list_all", "pages", "by_id", "url", "path", "close", "item_path", "get_stream"),
        *("reference", "batch", "follow"),
    }
)
ROOT = "root"
_MAX_MODULE = 80


@dataclass(slots=True)
class _Node:
    key: tuple[str, ...]  # e.g. ("users", "{}", "onlineMeetings")
    static: dict[str, _Node] = field(default_factory=dict)  # segment as written -> child
    functions: dict[str, tuple[_Node, tuple[str, ...]]] = field(default_factory=dict)
    item_path: _Node | None = None  # where `name:/path:` leads: the drive's item node
    param: _Node | None = None
    operations: dict[str, Operation] = field(default_factory=dict)  # verb -> its owner
    answers: dict[str, Answer] = field(default_factory=dict)  # verb -> what it answers here
    # a function step's arguments, lower-case name -> type, from its page's parameter table
    argument_types: dict[str, TypeRef] = field(default_factory=dict)
    # a function step: the sets of arguments its paths write it with, in the order first seen
    # (`getOffice365ActiveUserDetail(period=..)` and `(date=..)`)
    forms: list[tuple[str, ...]] = field(default_factory=list)


_ClassesOf = Callable[[_Node], tuple[str, str, str]]


def _child(parent: _Node, segment: str) -> _Node | None:
    if _PARAM.match(segment) or literal_key(segment):
        # a literal value written into a syntax path (`/domains/contoso.com/verify`) is a key
        if parent.param is None:
            parent.param = _Node(parent.key + ("{}",))
        return parent.param
    function = _FUNCTION.match(segment)
    if function:
        name, raw_args = function.groups()
        arguments = []
        for part in [p for p in raw_args.split(",") if p.strip()]:
            match = _ARGUMENT.match(part)
            if not match:
                return None
            arguments.append(match.group(1))
        name = next((n for n in parent.functions if n.lower() == name.lower()), name)
        node, known = parent.functions.get(name, (None, ()))
        if node is None:
            node = _Node(parent.key + (name + "()",))
        lower = {a.lower() for a in known}
        merged = known + tuple(a for a in arguments if a.lower() not in lower)
        parent.functions[name] = (node, merged)
        form = tuple(sorted({a.lower() for a in arguments}))
        if form not in node.forms:
            node.forms.append(form)
        return node
    if _STATIC.match(segment) and ("." not in segment or segment.startswith("microsoft.graph.")):
        # segments differing only in case are one path (the service ignores case)
        spelling = next((s for s in parent.static if s.lower() == segment.lower()), segment)
        found = parent.static.get(spelling)
        if found is None:
            found = parent.static[spelling] = _Node(parent.key + (spelling,))
        return found
    return None


def _tree(model: ApiModel) -> _Node:
    """The builder tree. Which page owns a (method, path) several pages document, and what each
    path answers, the model says (extract/attribution.py); the first owner is kept when a
    model made elsewhere lists one twice."""
    root = _Node(())
    for operation in model.operations:
        for index, path in enumerate(operation.paths):
            node: _Node | None = root
            for segment in _item_path_form(root, [s for s in path.split("/") if s]):
                node = _child(node, segment) if node is not None else None
            if node is not None and node is not root:
                verb = operation.method.lower()
                if verb not in node.operations:
                    node.operations[verb] = operation
                    node.answers[verb] = answer_of(operation, index)
                if node.key[-1].endswith("()") and not node.argument_types:
                    node.argument_types = {p.name.lower(): p.type for p in operation.parameters}
    return root


def answer_of(operation: Operation, index: int) -> Answer:
    """What the operation's path at `index` answers: the model's answer, else (a model made
    without them) its response type, which a 204 sends only when asked for."""
    if index < len(operation.answers):
        return operation.answers[index]
    path = operation.paths[index]
    empty = operation.status == 204 or operation.method == "DELETE"
    return Answer(path=path, type=operation.response_type, empty=empty)


def _children(node: _Node) -> list[_Node]:
    found = [*node.static.values(), *(child for child, _ in node.functions.values())]
    return found + ([node.param] if node.param is not None else [])


def _walk(node: _Node) -> list[_Node]:
    out, stack = [], [node]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(current.static[k] for k in sorted(current.static, reverse=True))
        stack.extend(current.functions[k][0] for k in sorted(current.functions, reverse=True))
        if current.param is not None:
            stack.append(current.param)
    return out


def _base_name(node: _Node) -> str:
    if not node.key:
        return ROOT
    words = ["item" if s == "{}" else s.rstrip("()").replace("$", "") for s in node.key]
    return naming.snake_case("_".join(naming.snake_case(w) for w in words))


def client_view(
    model: ApiModel,
    package: str,
    classes: dict[str, str],
    modules: dict[str, str],
    enums: frozenset[str],
) -> ClientView:
    root = _tree(model)
    nodes = _walk(root)
    bases = []
    for node in nodes:
        base = _base_name(node)
        if len(base) > _MAX_MODULE:
            digest = hashlib.sha1("/".join(node.key).encode()).hexdigest()[:8]
            base = base[: _MAX_MODULE - 9] + "_" + digest
        bases.append(base)
    unique = naming.unique(bases)
    names = {id(node): name for node, name in zip(nodes, unique, strict=True)}

    known: dict[int, tuple[str, str, str]] = {}

    def classes_of(node: _Node) -> tuple[str, str, str]:
        found = known.get(id(node))
        if found is None:
            module = names[id(node)]
            cls = "".join(word[:1].upper() + word[1:] for word in module.split("_")) + "Builder"
            found = known[id(node)] = (module, cls, "Async" + cls)
        return found

    parents = {id(child): n for n in nodes for child in _children(n)}
    entity_names = plan_upload.entities(model)
    builders = [
        _builder_view(
            n, parents.get(id(n)), package, classes_of, classes, modules, enums, entity_names
        )
        for n in nodes
    ]
    routes = tuple(_route_view(n, classes_of) for n in nodes)
    return ClientView(
        package=package,
        root=builders[0],
        builders=tuple(builders),
        routes=routes,
        item_paths=_item_path_routes(nodes, classes_of),
    )


def _route_view(node: _Node, classes_of: _ClassesOf) -> RouteView:
    module, sync_cls, async_cls = classes_of(node)
    static = [
        (literal(s.lower()), literal(classes_of(c)[0])) for s, c in sorted(node.static.items())
    ]
    static += [
        (literal(name.lower() + "("), literal(classes_of(child)[0]))
        for name, (child, _) in sorted(node.functions.items())
    ]
    return RouteView(
        module_literal=literal(module),
        static=tuple(sorted(set(static))),
        param_literal=literal(classes_of(node.param)[0]) if node.param is not None else "None",
        sync_class_literal=literal(sync_cls),
        async_class_literal=literal(async_cls),
    )


def _builder_view(
    node: _Node,
    parent: _Node | None,
    package: str,
    classes_of: _ClassesOf,
    classes: dict[str, str],
    modules: dict[str, str],
    enums: frozenset[str],
    known: dict[str, str],
) -> BuilderView:
    module, sync_cls, async_cls = classes_of(node)
    children: list[ChildView] = []
    uploads = plan_upload.answers_upload_session(node.answers.get("post"))
    members = _BUILDER_MEMBERS | {"upload"} if uploads else _BUILDER_MEMBERS
    wanted = [naming.attribute_name(s.replace("$", "").replace(".", "_")) for s in node.static]
    wanted += [naming.attribute_name(n.replace(".", "_")) for n in node.functions]
    attrs = naming.unique([a + "_" if a in members else a for a in wanted] + ["by_id"])
    for attr, (segment, child) in zip(attrs, node.static.items(), strict=False):
        children.append(_child_view("static", attr, segment, (), child, classes_of))
    function_attrs = attrs[len(node.static) : len(node.static) + len(node.functions)]
    for attr, (name, (child, arguments)) in zip(
        function_attrs, node.functions.items(), strict=True
    ):
        children.append(_child_view("function", attr, name, arguments, child, classes_of, enums))
    if node.param is not None:
        children.append(_child_view("param", "by_id", "", (), node.param, classes_of))
    children += _runtime_children(node, children, classes_of)
    children.sort(key=lambda c: (c.kind != "param", c.attr))
    imports: set[str] = set()
    verbs = []
    for verb in _VERBS:
        operation = node.operations.get(verb)
        if operation is not None:
            view, used = _verb_view(verb, operation, node.answers[verb], classes, enums)
            verbs.append(view)
            imports.update(used)
    verbs = [_content_verb(node, node.operations[v.verb], v) for v in verbs]
    if uploads:
        verbs, used = _upload_verbs(node, parent, verbs, classes, enums, known)
        imports.update(used)
    path = "/" + "/".join(node.key).replace("{}", "{id}") if node.key else "/"
    type_imports = tuple(sorted((modules[q], classes[q]) for q in imports))
    child_imports = tuple(
        sorted({(c.module, c.sync_class, c.async_class) for c in children if c.module != module})
    )
    batch_cls = "Batch" + sync_cls
    return BuilderView(
        package=package,
        module=module,
        sync_class=sync_cls,
        async_class=async_cls,
        batch_class=batch_cls,
        route_literal=literal(module),
        doc_lines=tuple(docstring_lines(f"Requests to {path}")),
        children=tuple(children),
        verbs=tuple(verbs),
        type_imports=type_imports,
        child_imports=child_imports,
        import_lines=tuple(
            _datetime_import(children, verbs)
            + [layout.import_from(4, f"..models.{m}", [c]) for m, c in type_imports]
            + [
                layout.import_from(4, f".{m}", [f"Async{s}", f"Batch{s}", s])
                for m, s, _ in child_imports
            ]
        ),
        runtime_import_line=(
            plan_upload.RUNTIME_IMPORTS_UPLOAD if uploads else plan_upload.RUNTIME_IMPORTS
        ),
        all_line=layout.collection_item(
            0,
            "__all__ = [",
            [literal(async_cls), literal(batch_cls), literal(sync_cls)],
            "]",
            "",
        ),
        sync=_side_view(sync_cls, "Builder", literal(module), children, verbs, _SYNC),
        async_=_side_view(async_cls, "AsyncBuilder", literal(module), children, verbs, _ASYNC),
        batch=_side_view(batch_cls, "BatchBuilder", literal(module), children, verbs, _BATCH),
    )


def _upload_verbs(
    node: _Node,
    parent: _Node | None,
    verbs: list[VerbView],
    classes: dict[str, str],
    enums: frozenset[str],
    known: dict[str, str],
) -> tuple[list[VerbView], set[str]]:
    """The POST of an action answering an uploadSession gains `upload` (plan_upload.py)."""
    target, item = plan_upload.upload_target(
        parent.answers.get("get") if parent is not None else None,
        parent is not None and parent.key[-1:] == ("{}",),
        node.operations["post"],
        known,
    )
    out: list[VerbView] = []
    used: set[str] = set()
    for view in verbs:
        if view.verb == "post" and view.kind == "json":
            view, used = plan_upload.with_upload(view, target, item, classes, enums)
        out.append(view)
    return out, used


# the three sides of a builder module: what its requests answer
_SYNC, _ASYNC, _BATCH = "sync", "async", "batch"
# verbs a batch-bound builder has: JSON in and out, $count and $ref (bytes are not batched)
_BATCHED = frozenset({"json", "count", "ref"})


def _side_view(
    cls: str,
    base: str,
    route: str,
    children: list[ChildView],
    verbs: list[VerbView],
    side: str,
) -> SideView:
    if side == _BATCH:
        verbs = [v for v in verbs if v.kind in _BATCHED]
    return SideView(
        class_line=layout.class_def(0, cls, base),
        route_line=layout.annotated(4, "route", "ClassVar[str]", route),
        children=tuple(_child_code(c, side) for c in children),
        verbs=tuple(_verb_code(v, side) for v in verbs),
    )


def _child_code(c: ChildView, side: str) -> ChildCode:
    cls = {_SYNC: c.sync_class, _ASYNC: c.async_class, _BATCH: c.batch_class}[side]
    if c.kind == "item_path":
        return _item_path_code(c, cls)
    def_lines = ""  # a function step's signature is always exploded: the template writes it
    if c.kind == "param":
        def_lines = layout.def_line(4, "def by_id", ["self", "id: str", "/"], cls)
        segment = '_paths.segment("id", id)'
    elif c.kind == "function":
        segment = "segment"
    else:
        def_lines = layout.def_line(4, f"def {c.attr}", ["self"], cls)
        segment = c.segment_literal
    return ChildCode(
        kind=c.kind,
        child=c,
        class_name=cls,
        def_lines=def_lines,
        import_line=layout.import_from(8, f".{c.module}", [cls]),
        return_line=layout.expression(
            8, f"{cls}(self._core, self._segments + ({segment},))", "", "return "
        ),
    )


def _options(side: str, verb: str) -> str:
    kind = "QueryOptions" if verb == "get" else "RequestOptions"
    return f"**options: Unpack[{'Batch' if side == _BATCH else ''}{kind}]"


def _returns(v: VerbView, side: str) -> str:
    """What a method answers on a side: a batch-bound one, a handle of the value."""
    return f"_batch.Handle[{v.return_annotation}]" if side == _BATCH else v.return_annotation


def _verb_code(v: VerbView, side: str) -> VerbCode:
    if v.kind != "json":
        return _content_verb_code(v, side)
    is_async = side == _ASYNC
    head = ("async def " if is_async else "def ") + v.verb
    if v.body_annotation:
        params = ["self", f"body: {v.body_annotation} = None", _options(side, v.verb)]
    else:
        params = ["self", _options(side, v.verb)]
    body = "body" if v.body_annotation else "None"
    scoping, on = _scoped(v)
    send = f"{on}._send({v.http_literal}, {v.codec_name}, {body}, options)"
    returns = _returns(v, side)
    prefix = f"result: {returns} = " + ("await " if is_async else "")
    list_def = list_items = pages_def = pages = ""
    if v.item_annotation and side != _BATCH:
        query = _keywords(v, ["self", "**options: Unpack[QueryOptions]"])
        items = f"_http.{'AsyncItems' if is_async else 'Items'}[{v.item_annotation}]"
        list_def = layout.def_line(4, "def list_all", query, items)
        call = f"{on}._items({v.codec_name}_ITEM, options)"
        list_items = scoping + layout.expression(8, call, "", f"items: {items} = ")
        iterator = f"{'AsyncIterator' if is_async else 'Iterator'}[_http.Page[{v.item_annotation}]]"
        pages_def = layout.def_line(4, "def pages", query, iterator)
        call = f"{on}._pages({v.codec_name}_ITEM, options)"
        pages = scoping + layout.expression(8, call, "", f"pages: {iterator} = ")
    code = VerbCode(
        def_lines=layout.def_line(4, head, _keywords(v, params), returns),
        doc_lines=v.doc_lines,
        send_lines=scoping + layout.expression(8, send, "", prefix),
        list_def_lines=list_def,
        list_items_lines=list_items,
        pages_def_lines=pages_def,
        pages_lines=pages,
    )
    return code if side == _BATCH else plan_upload.upload_code(code, v, is_async)


def _datetime_import(children: list[ChildView], verbs: list[VerbView]) -> list[str]:
    """`import datetime as _dt` where an argument is a date, a time or a timestamp."""
    arguments = [a for c in children for a in c.arguments]
    arguments += [a for v in verbs for a in v.query_arguments]
    return ["    import datetime as _dt"] if any("_dt." in a.annotation for a in arguments) else []


def _forms_literal(forms: list[tuple[str, ...]]) -> str:
    """`(("period",), ("date",))`: each form's argument names, as black writes the tuple."""
    return tuple_display([tuple_display([literal(name) for name in form]) for form in forms])


def _child_view(
    kind: str,
    attr: str,
    segment: str,
    arguments: tuple[str, ...],
    child: _Node,
    classes_of: _ClassesOf,
    enums: frozenset[str] = frozenset(),
) -> ChildView:
    module, sync_cls, async_cls = classes_of(child)
    attrs = naming.unique([naming.attribute_name(a) for a in arguments])
    forms = child.forms if kind == "function" else []
    # an argument some form leaves out is optional; the runtime checks the given ones make a form
    everywhere = set.intersection(*(set(f) for f in forms)) if forms else set()
    return ChildView(
        kind=kind,
        attr=attr,
        segment_literal=literal(segment),
        arguments=tuple(
            ArgumentView(
                attr=a,
                wire_literal=literal(w),
                annotation=argument_annotation(child.argument_types.get(w.lower()), enums),
                optional=w.lower() not in everywhere,
            )
            for a, w in zip(attrs, arguments, strict=True)
        ),
        forms_literal=_forms_literal(forms) if len(forms) > 1 else "",
        module=module,
        sync_class=sync_cls,
        async_class=async_cls,
        batch_class="Batch" + sync_cls,
    )


def _query_arguments(operation: Operation, enums: frozenset[str]) -> tuple[ArgumentView, ...]:
    """The keywords of the parameters a method's paths write in their query."""
    names = [p.name for p in operation.query_parameters]
    attrs = naming.unique([naming.attribute_name(n) for n in names])
    required = {n.lower() for n in operation.required_query}
    return tuple(
        ArgumentView(
            attr=attr,
            wire_literal=literal(p.name),
            annotation=argument_annotation(p.type, enums),
            optional=p.name.lower() not in required,
        )
        for attr, p in zip(attrs, operation.query_parameters, strict=True)
    )


def _keywords(v: VerbView, params: list[str]) -> list[str]:
    """`params` with the method's query keywords put before `**options`."""
    if not v.query_arguments:
        return params
    # each optional in the signature, as the generic method it overrides takes none; the
    # runtime refuses a required one left out, before anything is sent
    keywords = [f"{a.attr}: {a.annotation} | None = None" for a in v.query_arguments]
    head, options = params[:-1], params[-1]
    return [*head, *([] if "*" in head else ["*"]), *keywords, options]


def _scoped(v: VerbView) -> tuple[str, str]:
    """The statement giving this builder with the method's query keywords in its query, and
    the name the call is made on."""
    if not v.query_arguments:
        return "", "self"
    pairs = ", ".join(f"{a.wire_literal}: {a.attr}" for a in v.query_arguments)
    required = [a.wire_literal for a in v.query_arguments if not a.optional]
    needed = f", required={tuple_display(required)}" if required else ""
    call = f"self._with_query({{{pairs}}}{needed})"
    return layout.expression(8, call, "", "scoped = ") + "\n", "scoped"


def _verb_view(
    verb: str,
    operation: Operation,
    answer: Answer,
    classes: dict[str, str],
    enums: frozenset[str],
) -> tuple[VerbView, set[str]]:
    used: set[str] = set()
    body = None
    if verb in ("post", "patch", "put"):
        body = "Any"
        request_type = operation.request_type
        if operation.request_class:  # an action's parameters (render/requests.py)
            request_type = TypeRef(name=request_class_name(operation.request_class))
        if request_type is not None:
            request = python_type(request_type, classes, enums)
            used.update(request.imports)
            body = f"{request.annotation} | Mapping[str, Any] | None"
    returns, item, codec = "Any", None, "_http.AUTO"
    # a primitive comes wrapped (`{"value": "Pacific Standard Time"}`) and a stream as bytes:
    # both as the runtime gives them, until it unwraps them
    if answer.type is not None and not answer.type.name.startswith("Edm."):
        element = python_type(type(answer.type)(name=answer.type.name), classes, enums)
        used.update(element.imports)
        element_codec = element.codec or "None"
        if answer.type.collection:
            returns, item = f"_http.Page[{element.annotation}]", element.annotation
            codec = f"_http.PageCodec({element_codec})"
        else:
            returns, codec = element.annotation, f"_http.Single({element_codec})"
        if answer.empty:  # the object comes back only when asked for (Prefer header)
            returns += " | None"
    elif answer.empty:
        returns, codec = "None", "_http.NOTHING"  # documented without a body: never one
    lines = docstring_lines(operation.title or operation.description)
    if operation.title and operation.description:
        lines += [""] + docstring_lines(operation.description)
    lines += ["", *docstring_lines(f"Documented in {operation.source.path}.")]
    codec_name = f"_{verb.upper()}"
    item_codec_line = ""
    if item:
        item_codec_line = layout.expression(
            0, codec, ".item", f"{codec_name}_ITEM: _rt.Codec | None = "
        )
    return (
        VerbView(
            verb=verb,
            http_literal=literal(verb.upper()),
            query_arguments=_query_arguments(operation, enums),
            codec_name=codec_name,
            codec=codec,
            body_annotation=body,
            return_annotation=returns,
            item_annotation=item,
            doc_lines=tuple(lines),
            codec_line=layout.expression(0, codec, "", f"{codec_name}: _rt.Codec | None = "),
            item_codec_line=item_codec_line,
        ),
        used,
    )


# --- OneDrive item paths, and content that is not JSON (issue 14) ---------------------------

_CONTENT_SEGMENTS = frozenset({"content", "$value"})
_OCTET = "_http.OCTET_STREAM"


def _item_path_form(root: _Node, segments: list[str]) -> list[str]:
    """A path addressing a drive item by path, `.../root:/{item-path}:/rest` or
    `.../items/{id}:/{path}:/rest` (or a site, `/sites/{hostname}:/{path}:/rest`), as the item
    builder's path `.../items/{}/rest`; the node
    the path hangs from (`root`, or the item itself) is linked to that item (`item_path`).
    Other paths come back as they are."""
    colon = next((i for i, s in enumerate(segments) if ":" in s), None)
    if colon is None:
        return segments
    head, written = segments[:colon], segments[colon]
    if written.lower() == "root:":
        anchor, item = [*head, "root"], [*head, "items", "{item-id}"]
    elif written.endswith(":") and _PARAM.match(written[:-1]) and len(head) > 0:
        # `items/{id}:/{path}:` an item below an item; `sites/{hostname}:/{path}` the site at
        # that path on a host: a member of the same collection
        anchor = item = [*head, written[:-1]]
    else:
        return segments
    end = next((i for i in range(colon + 1, len(segments)) if segments[i].endswith(":")), None)
    rest = segments[end + 1 :] if end is not None else []
    start, target = _reach(root, anchor), _reach(root, item)
    if start is None or target is None:
        return segments
    start.item_path = target
    return item + rest


def _reach(root: _Node, segments: list[str]) -> _Node | None:
    node: _Node | None = root
    for segment in segments:
        node = _child(node, segment) if node is not None else None
    return node


def _item_path_routes(nodes: list[_Node], classes_of: _ClassesOf) -> tuple[tuple[str, str], ...]:
    return tuple(
        (literal(classes_of(n)[0]), literal(classes_of(n.item_path)[0]))
        for n in nodes
        if n.item_path is not None
    )


def _runtime_children(
    node: _Node, children: list[ChildView], classes_of: _ClassesOf
) -> list[ChildView]:
    """Steps to builders the runtime has or the tree links: `count` (`$count`) on a documented
    collection, `item_path(...)` where OneDrive addresses items by path."""
    taken = {c.attr for c in children}
    extra = []
    get = node.operations.get("get")
    last = node.key[-1] if node.key else ""
    if (
        get is not None
        and not last.startswith("$")  # not on `$ref` and the like
        and not last.endswith("()")  # nor on a function's answer
        and get.response_type is not None
        and get.response_type.collection
        and "count" not in taken
    ):
        extra.append(
            ChildView(
                kind="static",
                attr="count",
                segment_literal=literal("$count"),
                arguments=(),
                module="_base",
                sync_class="CountBuilder",
                async_class="AsyncCountBuilder",
                batch_class="BatchCountBuilder",
            )
        )
    if node.item_path is not None:
        extra.append(_child_view("item_path", "item_path", "", (), node.item_path, classes_of))
    return extra


def _item_path_code(c: ChildView, cls: str) -> ChildCode:
    return ChildCode(
        kind=c.kind,
        child=c,
        class_name=cls,
        def_lines=layout.def_line(4, "def item_path", ["self", "path: str", "/"], cls),
        import_line=layout.import_from(8, f".{c.module}", [cls]),
        return_line=layout.expression(
            8, f"{cls}(self._core, _paths.item_path(self._segments, path))", "", "return "
        ),
    )


def _answers_bytes(operation: Operation) -> bool:
    """A download: the page answers 302 to the content (the reports, `/content`). Not a 302
    among a page's examples alone: they are the page's, shared by all its paths (the
    thumbnails page shows a thumbnail's `content` redirecting, its list answers JSON)."""
    return operation.status == 302


def _takes_bytes(verb: str, operation: Operation) -> bool:
    """A PUT, PATCH or POST of `content` or `$value` sends the stream itself, unless its page
    names a JSON body (OneNote's page content takes patch commands; a user flow's page
    override, a JSON object)."""
    request = operation.request_type
    return verb in ("put", "patch", "post") and (request is None or request.name == "Edm.Stream")


def _content_verb(node: _Node, operation: Operation, view: VerbView) -> VerbView:
    """The view of a method whose body or answer is not JSON: a download (`/content`,
    `$value`, a 302 to a file) answers bytes, an upload (`PUT .../content`) takes them, a
    documented `$count` answers an int, a `$ref` request takes a reference and answers
    nothing."""
    last = node.key[-1].lower() if node.key else ""
    kind = "json"
    if last == "$ref" and view.verb in ("post", "put", "delete"):
        kind = "ref"
    elif last == "$count" and view.verb == "get":
        kind = "count"
    elif view.verb == "get" and (last in _CONTENT_SEGMENTS or _answers_bytes(operation)):
        kind = "download"
    elif last in _CONTENT_SEGMENTS and _takes_bytes(view.verb, operation):
        kind = "upload"
    if kind == "json":
        return view
    if kind in ("download", "count"):
        returns = "bytes" if kind == "download" else "int"
        return dataclasses.replace(
            view, kind=kind, return_annotation=returns, item_annotation=None, item_codec_line=""
        )
    if kind == "ref":
        body = "_http.Reference | None" if view.verb != "delete" else None
        return dataclasses.replace(view, kind=kind, body_annotation=body, return_annotation="None")
    return dataclasses.replace(
        view,
        kind=kind,
        body_annotation="_http.BinaryContent",
        content_type=_media_type(operation.request_content_type),
    )


def _media_type(given: str | None) -> str:
    """The page's Content-Type for a body of bytes; none when it names JSON (the page speaks of
    a JSON request) or nothing."""
    return given if given and "json" not in given else ""


def _content_verb_code(v: VerbView, side: str) -> VerbCode:
    is_async = side == _ASYNC
    head = ("async def " if is_async else "def ") + v.verb
    await_ = "await " if is_async else ""
    stream_def = stream = ""
    scoping, on = _scoped(v)
    if v.kind == "download":
        params = _keywords(v, ["self", "**options: Unpack[QueryOptions]"])
        call = f"{on}._download(options)"
        iterator = f"{'AsyncIterator' if is_async else 'Iterator'}[bytes]"
        stream_def = layout.def_line(4, "def get_stream", params, iterator)
        stream = scoping + layout.expression(
            8, f"{on}._stream(options)", "", f"chunks: {iterator} = "
        )
    elif v.kind == "count":
        params = _keywords(v, ["self", _options(side, "get")])
        call = f"{on}._count(options)"
    elif v.kind == "upload":
        params = [
            "self",
            'body: _http.BinaryContent = b""',
            "*",
            f"content_type: str = {literal(v.content_type) if v.content_type else _OCTET}",
            "**options: Unpack[RequestOptions]",
        ]
        params = _keywords(v, params)
        call = f"{on}._upload({v.http_literal}, {v.codec_name}, body, content_type, options)"
    elif v.body_annotation:  # ref: post / put
        params = _keywords(v, ["self", f"body: {v.body_annotation} = None", _options(side, v.verb)])
        call = f"{on}._ref({v.http_literal}, body, options)"
    else:  # ref: delete
        params = _keywords(v, ["self", _options(side, v.verb)])
        call = f"{on}._send({v.http_literal}, _http.NOTHING, None, options)"
    returns = _returns(v, side)
    return VerbCode(
        def_lines=layout.def_line(4, head, params, returns),
        doc_lines=v.doc_lines,
        send_lines=scoping + layout.expression(8, call, "", f"result: {returns} = {await_}"),
        list_def_lines="",
        list_items_lines="",
        stream_def_lines=stream_def,
        stream_lines=stream,
    )
