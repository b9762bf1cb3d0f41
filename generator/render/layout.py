"""Line layout decided before rendering: the statements whose length depends on doc text (names,
literals, annotations) are laid out here exactly as black (line length 88) would lay them out.

Each function returns the statement's full text, indented, without a final newline. The rule
everywhere: the one-line form when it fits; else the layout black chooses for that shape; when
this module does not know black's choice, the one-line form again. A line longer than 88
characters is the signal that black must look at the file (`emit/format.py` then formats it),
except the few kinds of line black cannot shorten either (a lone string or name, the first line
of an exploded import, a class's bases, a returned call; `emit.format.needs_black`), which the
layouts here produce only where black produces them too. So a case this module does not know
can never produce output that differs from black's.

`tests/render/test_layout.py` checks every layout against black over many lengths, and the
generated output of the example docs and of the whole corpus is checked to be black-stable.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Sequence

LINE_LENGTH = 88


def fits(indent: int, text: str) -> bool:
    return indent + len(text) <= LINE_LENGTH


def _pad(indent: int) -> str:
    return " " * indent


def exploded(indent: int, head: str, items: Sequence[str], tail: str) -> str:
    """`head(` / one item a line, each with a comma / `)tail`: black keeps it (magic comma)."""
    inner = _pad(indent + 4)
    body = "".join(f"{inner}{item},\n" for item in items)
    return f"{_pad(indent)}{head}\n{body}{_pad(indent)}{tail}"


def import_from(indent: int, module: str, names: Sequence[str]) -> str:
    """`from module import a, b`, or black's exploded form with a trailing comma."""
    flat = f"from {module} import {', '.join(names)}"
    if fits(indent, flat):
        return _pad(indent) + flat
    return exploded(indent, f"from {module} import (", names, ")")  # even when still too long


def collection_item(indent: int, head: str, items: Sequence[str], close: str, tail: str) -> str:
    """An element of a bracketed literal, `head` + `(a, b, ...)` + `tail` (head ends with the
    opening bracket): one line, or exploded one item a line as black does for literals (even
    when an item alone is too long)."""
    flat = f"{head}{', '.join(items)}{close}{tail}"
    if fits(indent, flat):
        return _pad(indent) + flat
    lines = [expression(indent + 4, item, ",") for item in items]
    return f"{_pad(indent)}{head}\n" + "\n".join(lines) + f"\n{_pad(indent)}{close}{tail}"


def expression(indent: int, text: str, tail: str = "", prefix: str = "") -> str:
    """`prefix` + an expression + `tail`: one line, or split at the brackets of its outermost
    call the way black's right-hand split does (`prefix` is e.g. `return ` or `x: T = `, maybe
    ending with `await `). After `return` or `=`, black may instead wrap the whole value in
    parentheses: when the call's own split does not fit."""
    flat = prefix + text + tail
    if fits(indent, flat):
        return _pad(indent) + flat
    split = _call_split(indent, text, tail, prefix)
    if split is not None and _all_fit(split):
        return split
    outer, inner = (
        (prefix[: -len("await ")], "await ") if prefix.endswith("await ") else (prefix, "")
    )
    if not tail and (outer == "return " or outer.endswith(" = ")):
        wrapped = expression(indent + 4, text, "", inner)
        if _all_fit(wrapped):
            return f"{_pad(indent)}{outer}(\n{wrapped}\n{_pad(indent)})"
    # black splits at a returned call's brackets even when the first line stays too long
    rest_fits = split is not None and split.count("\n") == 2 and _all_fit(split.split("\n", 1)[1])
    if outer == "return " and split is not None and rest_fits:
        return split
    return _pad(indent) + flat


def _call_split(indent: int, text: str, tail: str, prefix: str) -> str | None:
    """`prefix` `func(` / the arguments, on one line or one a line / `)` `tail`; None when
    the text is not a plain call."""
    call = _parse_call(text)
    if call is None:
        return None
    func, args = call
    head, close = f"{_pad(indent)}{prefix}{func}(", f"{_pad(indent)}){tail}"
    if len(args) == 1:
        body = expression(indent + 4, args[0])
    elif fits(indent + 4, ", ".join(args)):
        body = _pad(indent + 4) + ", ".join(args)
    else:
        body = "\n".join(expression(indent + 4, a, ",") for a in args)
    return f"{head}\n{body}\n{close}"


def def_line(indent: int, head: str, params: Sequence[str], returns: str) -> str:
    """`head(params) -> returns:` (head is `def name` or `async def name`), or black's split:
    the parameters on one line of their own (one parameter gets a trailing comma), or one a
    line; a return annotation that still does not fit goes in parentheses of its own."""
    flat = f"{head}({', '.join(params)}) -> {returns}:"
    if fits(indent, flat):
        return _pad(indent) + flat
    tail = f") -> {returns}:"
    if not fits(indent, tail) and fits(indent + 4, returns):
        tail = f") -> (\n{_pad(indent + 4)}{returns}\n{_pad(indent)}):"
    joined = ", ".join(params)
    if len(params) > 1 and fits(indent + 4, joined):
        return f"{_pad(indent)}{head}(\n{_pad(indent + 4)}{joined}\n{_pad(indent)}{tail}"
    lines = [_parameter(indent + 4, p) for p in params]
    return f"{_pad(indent)}{head}(\n" + "\n".join(lines) + f"\n{_pad(indent)}{tail}"


def _parameter(indent: int, param: str) -> str:
    """One parameter of an exploded signature; a long `name: A | B = default` gets its
    annotation in parentheses, as black does."""
    if fits(indent, param + ","):
        return _pad(indent) + param + ","
    name, colon, rest = param.partition(": ")
    annotation, equals, default = rest.rpartition(" = ")
    if colon and equals and " | " in annotation and fits(indent + 4, annotation):
        return (
            f"{_pad(indent)}{name}: (\n{_pad(indent + 4)}{annotation}\n{_pad(indent)}) = {default},"
        )
    return _pad(indent) + param + ","


def assignment(indent: int, target: str, value: str) -> str:
    """`target = value`; when too long, black wraps the value in parentheses if it then fits."""
    flat = f"{target} = {value}"
    if fits(indent, flat):
        return _pad(indent) + flat
    if fits(indent, f"{target} = (") and fits(indent + 4, value):
        return f"{_pad(indent)}{target} = (\n{_pad(indent + 4)}{value}\n{_pad(indent)})"
    return _pad(indent) + flat


def annotated(indent: int, target: str, annotation: str, value: str) -> str:
    """`target: annotation = value`: black wraps the value in parentheses (even when it still
    does not fit, if the annotation has brackets), else a union annotation."""
    flat = f"{target}: {annotation} = {value}"
    if fits(indent, flat):
        return _pad(indent) + flat
    head = f"{target}: {annotation} = ("
    if fits(indent, head) and (fits(indent + 4, value) or "[" in annotation):
        return f"{_pad(indent)}{head}\n{_pad(indent + 4)}{value}\n{_pad(indent)})"
    if " | " in annotation and fits(indent, f"{target}: (") and fits(indent + 4, annotation):
        return (
            f"{_pad(indent)}{target}: (\n{_pad(indent + 4)}{annotation}\n"
            f"{_pad(indent)}) = {value}"
        )
    return _pad(indent) + flat


def concatenation(indent: int, target: str, strings: Sequence[str]) -> str:
    """`target = "a" "b" ...` (implicitly concatenated literals): one line when it fits, else
    inside parentheses on one line of their own, else one literal a line, as black does."""
    flat = f"{target} = {' '.join(strings)}"
    if fits(indent, flat):
        return _pad(indent) + flat
    if fits(indent + 4, " ".join(strings)):
        return f"{_pad(indent)}{target} = (\n{_pad(indent + 4)}{' '.join(strings)}\n{_pad(indent)})"
    body = "".join(f"{_pad(indent + 4)}{s}\n" for s in strings)
    return f"{_pad(indent)}{target} = (\n{body}{_pad(indent)})"


def class_def(indent: int, name: str, bases: str) -> str:
    """`class name(bases):`, or black's split with the bases on their own line."""
    flat = f"class {name}({bases}):"
    if fits(indent, flat):
        return _pad(indent) + flat
    if fits(indent + 4, bases):  # even when `class name(` alone is too long
        return f"{_pad(indent)}class {name}(\n{_pad(indent + 4)}{bases}\n{_pad(indent)}):"
    return _pad(indent) + flat


def tuple_assignment(indent: int, head: str, items: Sequence[str], laid_out: Sequence[str]) -> str:
    """`head = (items...)`, `head` being the target with its annotation; `laid_out` are the
    items already laid out one level deeper, each ending with a comma. Black writes `()`, a
    one-item tuple on one line when it fits, and otherwise one item a line."""
    if not items:
        return f"{_pad(indent)}{head} = ()"
    if len(items) == 1:
        flat = f"{head} = ({items[0]},)"
        if fits(indent, flat):
            return _pad(indent) + flat
    body = "".join(line + "\n" for line in laid_out)
    return f"{_pad(indent)}{head} = (\n{body}{_pad(indent)})"


@functools.cache  # the same calls (`self._send(...)`, codecs) come back thousands of times
def _parse_call(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(function, arguments) of a plain call spelt canonically, else None."""
    try:
        node = ast.parse(text, mode="eval").body
    except SyntaxError:
        return None
    if not isinstance(node, ast.Call) or node.keywords or not node.args:
        return None
    func, args = _segment(text, node.func), tuple(_segment(text, a) for a in node.args)
    if f"{func}({', '.join(args)})" != text:
        return None  # not the canonical spelling this module knows
    return func, args


def _segment(text: str, node: ast.expr) -> str:
    """The source of a node of a one-line expression (offsets are in UTF-8 bytes)."""
    if text.isascii():
        return text[node.col_offset : node.end_col_offset]
    return ast.get_source_segment(text, node) or ""


def _all_fit(text: str) -> bool:
    return all(len(line) <= LINE_LENGTH for line in text.split("\n"))


def conditional_assignment(indent: int, target: str, value: str, test: str, other: str) -> str:
    """`target = value if test else other`: when too long, black wraps the right-hand side in
    parentheses, on one line if it fits there, else one part a line."""
    flat = f"{target} = {value} if {test} else {other}"
    if fits(indent, flat):
        return _pad(indent) + flat
    inner = indent + 4
    one = f"{value} if {test} else {other}"
    if not fits(indent, f"{target} = ("):
        return _pad(indent) + flat
    if fits(inner, one):
        return f"{_pad(indent)}{target} = (\n{_pad(inner)}{one}\n{_pad(indent)})"
    parts = [value, f"if {test}", f"else {other}"]
    if all(fits(inner, part) for part in parts):
        body = "".join(f"{_pad(inner)}{part}\n" for part in parts)
        return f"{_pad(indent)}{target} = (\n{body}{_pad(indent)})"
    laid = expression(inner, value)  # the value's own call split, as black does
    rest = [f"{_pad(inner)}if {test}", f"{_pad(inner)}else {other}"]
    if _all_fit(laid) and all(fits(0, line) for line in rest):
        body = "\n".join([laid, *rest])
        return f"{_pad(indent)}{target} = (\n{body}\n{_pad(indent)})"
    return _pad(indent) + flat


def walrus_if(indent: int, name: str, value: str, rest: str) -> str:
    """`if (name := value) rest:`, or black's split of the parenthesised part."""
    flat = f"if ({name} := {value}){rest}:"
    if fits(indent, flat):
        return _pad(indent) + flat
    if fits(indent + 4, f"{name} := {value}") and fits(indent, f"){rest}:"):
        return f"{_pad(indent)}if (\n{_pad(indent + 4)}{name} := {value}\n{_pad(indent)}){rest}:"
    return _pad(indent) + flat
