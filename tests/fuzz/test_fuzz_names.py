"""The naming rule against how it was computed before it was made faster: snake_case (one regex
of word starts, one of separators) against four substitutions, class_name (one-word fast path)
against splitting every name. The same Python name for every wire name."""

from __future__ import annotations

import keyword
import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.naming import RESERVED_CLASSES, class_name, snake_case

_WORD_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_IDENT = re.compile(r"[^0-9a-zA-Z_]+")
_MULTI_UNDERSCORE = re.compile(r"_+")


def _ascii(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _class_name_before(simple: str, namespace: str) -> str:
    """The reference: generator/render/naming.py `class_name` before its one-word fast path."""
    words = [w.strip("_") for w in _NON_IDENT.split(_ascii(simple)) if w.strip("_")]
    base = "".join(w[:1].upper() + w[1:] for w in words) or "Type"
    if base[0].isdigit():
        base = "T" + base
    sub = (
        namespace.split(".")[2:]
        if namespace.lower().startswith("microsoft.graph")
        else namespace.split(".")
    )
    parts = [w.strip("_") for p in sub for w in _NON_IDENT.split(_ascii(p)) if w.strip("_")]
    name = "".join(w[:1].upper() + w[1:] for w in parts) + base
    if keyword.iskeyword(name) or name in RESERVED_CLASSES:
        name += "_"
    return name


def _snake_case_before(name: str) -> str:
    """The reference: generator/render/naming.py `snake_case` until it used two regexes."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = text.lstrip("@")
    text = _WORD_BOUNDARY_1.sub(r"\1_\2", text)
    text = _WORD_BOUNDARY_2.sub(r"\1_\2", text)
    text = _NON_IDENT.sub("_", text)
    text = _MULTI_UNDERSCORE.sub("_", text).strip("_").lower()
    return text or "field"


NAMES = [
    "",
    "@odata.type",
    "displayName",
    "DisplayName",
    "URLPath",
    "URL",
    "aURLb",
    "ABCDef",
    "ABCdEFg",
    "v2Beta",
    "x509Certificate",
    "__class__",
    "a__b--c",
    "_A_B_",
    "ÉtéÀB",
    "ﬁleName",
    "@@",
    "AbCdEfGH",
    "HTTPSConnectionURLs",
]


@pytest.mark.parametrize("name", NAMES)
def test_names_as_before(name: str) -> None:
    assert snake_case.__wrapped__(name) == _snake_case_before(name)


@given(st.text(alphabet=st.sampled_from(list("aAzZbB09_@.- éÉﬁ"))) | st.text())
def test_every_name_as_before(name: str) -> None:
    assert snake_case.__wrapped__(name) == _snake_case_before(name)


NAMESPACES = [
    "microsoft.graph",
    "microsoft.graph.callRecords",
    "Microsoft.Graph.x_y",
    "other.ns",
    "",
]


@pytest.mark.parametrize("namespace", NAMESPACES)
@pytest.mark.parametrize("name", [*NAMES, "None", "Client", "user", "1x", "class"])
def test_class_names_as_before(name: str, namespace: str) -> None:
    assert class_name(name, namespace) == _class_name_before(name, namespace)


_NAME = st.text(alphabet=st.sampled_from(list("aAzZ09_.- éﬁ²"))) | st.text()


@given(_NAME, _NAME | st.sampled_from(NAMESPACES))
def test_every_class_name_as_before(name: str, namespace: str) -> None:
    assert class_name(name, namespace) == _class_name_before(name, namespace)
