"""snake_case (one regex of word starts, one of separators) against the four substitutions it
replaced: the same Python name for every wire name."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.render.naming import snake_case

_WORD_BOUNDARY_1 = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD_BOUNDARY_2 = re.compile(r"([a-z0-9])([A-Z])")
_NON_IDENT = re.compile(r"[^0-9a-zA-Z_]+")
_MULTI_UNDERSCORE = re.compile(r"_+")


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
