"""render/layout.py against black itself: every layout, over names and literals of many lengths
(the length decides the layout), either is black's own layout or leaves a line black may still
split (then emit/format.py runs black on the file)."""

from __future__ import annotations

import ast

import pytest

from generator.emit.format import needs_black
from generator.render import layout
from generator.render.text import literal
from tests.render.black_check import black_changes

LENGTHS = range(1, 100, 3)


def name(n: int, first: str = "N") -> str:
    return (first + "ame_of_a_thing" * 8)[:n]


def check(module: str, n: int) -> None:
    """The promise: black leaves the module unchanged, unless it is flagged for black (which
    names of 40 characters or fewer never need)."""
    if n <= 40:
        assert not needs_black(module), module
    if not needs_black(module):
        assert not black_changes(module), module


@pytest.mark.parametrize("n", LENGTHS)
def test_model_statements(n: int) -> None:
    cls, attr = name(n, "C"), name(n, "a")
    annotation = f"list[{cls}] | None | _rt.Unset"
    codec = f"_rt.collection(_rt.model({literal(attr)}, {literal(cls)}))"
    items = [literal(attr), literal(attr + "X"), codec]
    entry = layout.collection_item(8, "(", items, ")", ",")
    module = "\n".join(
        [
            layout.import_from(0, f".{attr}", [cls]),
            layout.import_from(0, f".{attr}", [f"{cls} as {cls}"]),
            "",
            "",
            layout.class_def(0, cls, cls + "Base"),
            layout.annotated(4, "odata_name", "ClassVar[str]", literal("microsoft.graph." + cls)),
            layout.annotated(4, attr, annotation, "_rt.UNSET"),
            layout.assignment(4, attr.upper(), literal(attr)),
            layout.tuple_assignment(4, "_wire: ClassVar[T]", ["(1, 2)"], ["        (1, 2),"]),
            layout.tuple_assignment(4, "_other: ClassVar[T]", [], []),
            layout.tuple_assignment(4, "_wire2: ClassVar[T]", [f"({', '.join(items)})"], [entry]),
            "",
            "",
            layout.assignment(0, f"{cls}.odata_name", literal(cls)),
            layout.concatenation(0, "_INDEX", ['""', literal(f"{cls} .{attr}\n")]),
            layout.concatenation(0, "_EMPTY", ['""']),
            "",
        ]
    )
    check(module, n)


@pytest.mark.parametrize("n", LENGTHS)
def test_builder_statements(n: int) -> None:
    cls, attr = name(n, "C"), name(n, "a")
    codec = f"_http.PageCodec(_rt.model({literal(attr)}, {literal(cls)}))"
    module = "\n".join(
        [
            layout.collection_item(
                0, "__all__ = [", [literal("Async" + cls), literal(cls)], "]", ""
            ),
            layout.expression(0, codec, "", "_GET: _rt.Codec | None = "),
            layout.expression(0, codec, ".item", "_GET_ITEM: _rt.Codec | None = "),
            "",
            "",
            layout.class_def(0, cls, "Builder"),
            layout.annotated(4, "route", "ClassVar[str]", literal(attr)),
            "",
            "    @property",
            layout.def_line(4, f"def {attr}", ["self"], cls),
            layout.import_from(8, f".{attr}", [cls]),
            "",
            layout.expression(
                8, f"{cls}(self._core, self._segments + ({literal(attr)},))", "", "return "
            ),
            "",
            layout.def_line(4, "def by_id", ["self", "id: str", "/"], cls),
            layout.expression(
                8, f'{cls}(self._core, self._segments + (_paths.segment("id", id),))', "", "return "
            ),
            "",
            layout.def_line(
                4, "async def post", ["self", f"body: {cls} | None = None", "**options: Any"], cls
            ),
            "        pass",
            "",
            layout.def_line(
                4,
                "def patch",
                ["self", f"body: {cls} | Mapping[str, Any] | None = None", "**options: Any"],
                "Any",
            ),
            layout.expression(
                8, 'self._send("POST", _POST, body, options)', "", f"result: {cls} = await "
            ),
            "        return result",
            "",
            layout.def_line(4, "def list_all", ["self", "**options: Any"], f"Iterator[{cls}]"),
            layout.expression(
                8,
                "self._core.pages(self.url, query_pairs(self._query, options), "
                'options.get("headers"), _GET_ITEM)',
                "",
                f"items: Iterator[{cls}] = ",
            ),
            layout.expression(
                8, 'self._send("GET", _GET, None, options)', "", f"result: _http.Page[{cls}] = "
            ),
            "        return items",
            "",
        ]
    )
    check(module, n)


@pytest.mark.parametrize(
    "text",
    [
        'say "hi"',
        "it's",
        "both ' and \"",
        'back\\slash "q"',
        '\u00e9t\u00e9 \u2028 "x" \'',
        "\x00\n\t",
    ],
)
def test_literals_are_quoted_as_black_quotes_them(text: str) -> None:
    source = f"x = {literal(text)}\n"
    assert not black_changes(source)
    assert ast.literal_eval(source[4:]) == text  # the literal round-trips


@pytest.mark.parametrize("n", LENGTHS)
def test_model_code_statements(n: int) -> None:
    """The lines of a model's `_read` and `_write` (render/plan_models.py)."""
    attr, wire, codec = name(n, "a"), literal(name(n, "w")), f"_{name(n, 'C').upper()}"
    module = "\n".join(
        [
            layout.expression(0, f"_rt.model({literal(attr)}, {literal(attr)})", "", f"{codec} = "),
            "",
            "",
            "class C:",
            "    def _read(self, data):",
            layout.conditional_assignment(
                8, f"self.{attr}", f"data[{wire}]", f"{wire} in data", "u"
            ),
            layout.conditional_assignment(
                8, f"self.{attr}", f"{codec}.decode(data[{wire}])", f"{wire} in data", "u"
            ),
            "",
            "    def _write(self, out):",
            layout.walrus_if(8, "v", f"self.{attr}", " is not u"),
            layout.expression(12, "v", "", f"out[{wire}] = "),
            layout.walrus_if(8, "v", f"self.{attr}", " is not u"),
            layout.expression(12, f"{codec}.encode(v)", "", f"out[{wire}] = "),
            "",
        ]
    )
    check(module, n)
