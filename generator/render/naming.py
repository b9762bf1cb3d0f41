"""The one naming rule for generated Python (documented, with examples, in docs/naming.md).

Attributes: snake_case of the wire name (`displayName` -> `display_name`, `URLPath` ->
`url_path`); `@odata.type` -> `odata_type`; other characters become `_`. A name that starts with a
digit gets the prefix `n_`. Keywords and soft keywords, the builtins and names a model's class
body refers to (`str`, `int`, ..., `Any`, `ClassVar`), and the members every model has
(`to_dict`, `from_dict`, `changes`, `additional_data`, `odata_name`) get a trailing `_`. When two
wire names still meet on one Python name (`displayName` and `DisplayName`), the later one gets
`_2`, `_3`, ... and a GG040 diagnostic.

Classes: the type name with its first letter upper-cased; types of sub-namespaces
(`microsoft.graph.callRecords.session`) are prefixed with the sub-namespace
(`CallRecordsSession`). Modules: snake_case of the class name. Enum members: UPPER_SNAKE of the
value, `V_` before a leading digit.
"""

from __future__ import annotations

import functools
import keyword
import re
import unicodedata

# where a word starts: `URL|Path` (the last capital of a run before a lower-case letter),
# `display|Name`, `v2|Beta`; found as empty matches, so `sub` inserts the `_` alone
_WORD_START = re.compile(r"(?<=[A-Z])(?=[A-Z][a-z])|(?<=[a-z0-9])(?=[A-Z])")
_NON_IDENT = re.compile(r"[^0-9a-zA-Z_]+")
_SEPARATORS = re.compile(r"[^0-9a-zA-Z]+")  # a run of them, underscores too, is one `_`

RESERVED_ATTRIBUTES = frozenset(
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | {"str", "int", "float", "bool", "list", "dict", "object", "bytes", "type", "Any"}
    | {"ClassVar", "TYPE_CHECKING"}
    | {"to_dict", "from_dict", "changes", "additional_data", "odata_name", "self", "cls"}
)
# names the generated modules import or define beside the model classes (typing, the runtime,
# the client): a type of one of these names would shadow them
RESERVED_CLASSES = frozenset(
    {"Any", "ClassVar", "TYPE_CHECKING", "Enum", "Callable", "Mapping", "Self", "Client"}
    | {"AsyncClient", "Page", "RetryPolicy"}
    | {"GraphError", "GraphModel", "Unset", "UNSET", "Codec", "Timestamp", "FieldSpec", "Number"}
)


def _ascii(name: str) -> str:
    if name.isascii():  # no ASCII character decomposes
        return name
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


@functools.cache  # pure, and asked for the same names thousands of times per run
def snake_case(name: str) -> str:
    text = _WORD_START.sub("_", _ascii(name).lstrip("@"))
    text = _SEPARATORS.sub("_", text).strip("_").lower()
    return text or "field"


def attribute_name(wire: str) -> str:
    name = snake_case(wire)
    if name[0].isdigit():
        name = "n_" + name
    if name in RESERVED_ATTRIBUTES:
        name += "_"
    return name


def class_name(simple: str, namespace: str) -> str:
    base = _pascal_case(simple) or "Type"
    if base[0].isdigit():
        base = "T" + base
    sub = (
        namespace.split(".")[2:]
        if namespace.lower().startswith("microsoft.graph")
        else namespace.split(".")
    )
    name = "".join(_pascal_case(p) for p in sub) + base
    if keyword.iskeyword(name) or name in RESERVED_CLASSES:
        name += "_"
    return name


def _pascal_case(text: str) -> str:
    """The words of text (split on what is not a letter, digit or `_`), each capitalised. Words
    lose their outer underscores: a type `__class__` must not become a dunder class
    (`models.__class__` is the module's own attribute), `__import__` no dunder-looking name."""
    if text.isascii() and text.isalnum():  # one word: most type names
        return text[:1].upper() + text[1:]
    words = [w.strip("_") for w in _NON_IDENT.split(_ascii(text)) if w.strip("_")]
    return "".join(w[:1].upper() + w[1:] for w in words)


def module_name(class_name: str) -> str:
    name = snake_case(class_name)
    if name[0].isdigit():
        name = "m_" + name
    if keyword.iskeyword(name) or keyword.issoftkeyword(name):
        name += "_"
    return name


NAMESPACE = "microsoft.graph."


def index_module(class_name: str) -> str:
    """The module `models/__init__.py` derives from a class's name when the class's line of
    the index names none: `_` before each upper-case letter but the first, then lower case
    (`OnlineMeeting` -> `online_meeting`). It is `_module` of templates/models_init.py.jinja, to
    the character; a class whose module differs (`MacOSApp` -> `mac_os_app`) names it."""
    return "".join("_" + c if c.isupper() and i else c for i, c in enumerate(class_name)).lower()


def index_line(qualified: str, module: str, class_name: str) -> str:
    """The class's line of the models' index: `\nkey class`, or `\nkey module class` when the
    module is not `index_module(class)`. The key is the lower-case qualified name without the
    `microsoft.graph.` namespace (`=` and the whole name in another namespace), or a tab for a
    name with white space: never looked up by name, found only by its class."""
    key = qualified.lower()
    if len(qualified.split()) != 1:
        key = "\t"
    elif key.startswith(NAMESPACE):
        key = key[len(NAMESPACE) :]
    else:
        key = "=" + key
    if module == index_module(class_name):
        return f"\n{key} {class_name}"
    return f"\n{key} {module} {class_name}"


def read_index_line(line: str) -> tuple[str | None, str, str]:
    """(lower-case qualified name or None, module, class) of a line of the models' index."""
    fields = line.split(" ")
    key, cls = fields[0], fields[-1]
    module = fields[1] if len(fields) == 3 else index_module(cls)
    if key == "\t":
        return None, module, cls
    return (key[1:] if key[:1] == "=" else NAMESPACE + key), module, cls


def member_name(value: str) -> str:
    name = snake_case(value).upper()
    if name[0].isdigit():
        name = "V_" + name
    return name


def unique(names: list[str]) -> list[str]:
    """Make names unique, case-insensitively, in order: later ones get _2, _3, ..."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, n = name, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{name}_{n}"
        seen.add(candidate.lower())
        out.append(candidate)
    return out
