"""Read the cells of property and enum tables: names, type cells, descriptions, value lists."""

from __future__ import annotations

import itertools
import re

from generator.parse.document import TypeCell
from generator.parse.lazy_regex import LazyRegex

# Link text may hold one level of [brackets], a target one level of (parentheses). Neither part
# can run over an unmatched `[` or `(`, so a cell of many open brackets is read in linear time
# (with `[^\]]*` every `[` scanned to the end of the text: quadratic).
LINK_TEXT = r"(?:[^\[\]]|\[[^\[\]]*\])"
LINK_TARGET = r"(?:[^()\s]|\([^()\s]*\))"
_LINK = re.compile(rf"\[({LINK_TEXT}*)\]\(({LINK_TARGET}*)(?:\s+\"[^\"]*\")?\)")
_REF_LINK = re.compile(rf"\[({LINK_TEXT}+)\]\[([^\[\]]*)\]")
# `[educationModule] collection`: a shortcut reference whose definition the page left out
_SHORTCUT_LINK = re.compile(rf"\[({LINK_TEXT}+)\](?![(\[])")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^<>]{0,200}>")
_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_COLLECTION_OF = re.compile(r"^collection\s*\(\s*(.+?)\s*\)$|^collection of\s+(.+)$", re.IGNORECASE)
_COLLECTION_SUFFIX = re.compile(r"^(.+?)\s+collection$", re.IGNORECASE)
_KIND_SUFFIX = LazyRegex(r"^(.+?)\s+(?:resource|object|entity)$", re.IGNORECASE)
_COLLECTION_THEN_TEXT = re.compile(r"^(\S+\s+collection)\.\s.*$", re.IGNORECASE)
_UNCLOSED_LINK = re.compile(r"^\[([^\]]+)\]\(([^)\s]+)$")
_NOTE = re.compile(r"\s*\([^()]*\)\s*")
# "Possible values are: `a`, `b`", "Possible values: ..", "The possible value is ..", "Allowed
# value being ..", "can be one of ..", "Currently supports only two values: `a` or `b`",
# "Supported icon types are: `none`, `car`"
_POSSIBLE = re.compile(
    r"(?=[pvsac])"  # the letters the wordings start with: tried first, a faster scan
    r"(?:(?:possible|valid|supported|allowed|accepted)\s+(?:values?|\w+\s+types)"
    r"(?:\s+(?:are|include|is|being|can be))?\s*:?\s*(.+?)(?:\.\s|\.$|$)"
    r"|can be one of(?: the following)?\s*:?\s*(.+?)(?:\.\s|\.$|$)"
    r"|supports only (?:\w+ )?values\s*:?\s*(.+?)(?:\.\s|\.$|$))",
    re.IGNORECASE,
)
_LIST_ITEM = LazyRegex(r"<li>\s*`?([A-Za-z_][A-Za-z0-9_]*)`?")
_BACKTICKED = re.compile(r"`([^`]+)`")
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
# the docs template's placeholders are capitals ("**TODO: Add Description**", "**TODO: Determine
# scopes **"); `todo` in lower case is the To Do API (`microsoft.graph.todo`, `/me/todo/lists`)
_TODO = re.compile(r"\*{0,2}\bTODO\b[^*|]*\*{0,2}")


def plain_text(cell: str) -> str:
    """Markdown inline text to plain text: links to their text, tags and emphasis removed."""
    # each step only where its pattern could match at all: most cells are plain words
    text = cell
    if "<" in text:
        text = text.replace("<br>", " ").replace("<br/>", " ").replace("<br />", " ")
    if "[" in text:
        text = _LINK.sub(_first_group, text)
        text = _REF_LINK.sub(_first_group, text)
    if "<" in text:
        text = _HTML_TAG.sub(" ", text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub(_second_group, text)
    return " ".join(text.split())


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def _second_group(match: re.Match[str]) -> str:
    return match.group(2)


def _may_have_todo(text: str) -> bool:
    """False when _TODO cannot match: it needs `TODO`."""
    return "TODO" in text


def has_todo(cell: str) -> bool:
    return _may_have_todo(cell) and bool(_TODO.search(cell))


def strip_todo(cell: str) -> str:
    """Remove TODO placeholders ('**TODO: Add Description**') from documentation text."""
    text = _TODO.sub(" ", cell) if _may_have_todo(cell) else cell
    return " ".join(text.split()).lstrip(".").strip()


def name_cell(cell: str) -> str:
    """A property or member name from its cell: `x`, **x**, [x](..), 'x (deprecated)'."""
    text = plain_text(cell).replace("`", "").strip()
    if "(" in text:
        text = _NOTE.sub(" ", text).strip()
    return text.split()[0] if text.split() else ""


def type_cell(cell: str) -> TypeCell:
    raw = cell.strip()
    link = None
    text = raw
    match = ref = None
    if "[" in text:  # links of any kind
        unclosed = _UNCLOSED_LINK.match(text)  # `[x](x.md` with its `)` lost
        if unclosed:
            text = f"[{unclosed.group(1)}]({unclosed.group(2)})"
        match = _LINK.search(text)
        if match:
            link = match.group(2) or None
            text = text[: match.start()] + match.group(1) + text[match.end() :]
        ref = None if match else _REF_LINK.search(text) or _SHORTCUT_LINK.search(text)
        if ref:
            text = text[: ref.start()] + ref.group(1) + text[ref.end() :]
    text = plain_text(text).replace("`", "").strip()
    text = _COLLECTION_THEN_TEXT.sub(r"\1", text)  # "x collection. Holds ..." (text in the cell)
    collection = False
    of = _COLLECTION_OF.match(text)
    if of:
        text, collection = (of.group(1) or of.group(2)).strip(), True
    if "(" in text:
        text = _NOTE.sub(" ", text).strip()
    if not collection:
        suffix = _COLLECTION_SUFFIX.match(text)
        if suffix:
            text, collection = suffix.group(1).strip(), True
    if (match or ref) and not _IDENT.match(text):
        kind = _KIND_SUFFIX.match(text)  # "[itemAnalytics][] resource", "x object"
        if kind and _IDENT.match(kind.group(1)):
            text = kind.group(1)
    if text.lower().startswith("edm."):
        text = text[4:]
    name = text if _IDENT.match(text) else None
    alternatives = _alternatives(raw) if match else ()  # raw holds a link only if one was found
    return TypeCell(raw=raw, name=name, collection=collection, link=link, alternatives=alternatives)


def _alternatives(cell: str) -> tuple[tuple[str, str], ...]:
    """`[a](a.md) or [b](b.md)`: the linked types a value may have, when the cell is only that."""
    found = list(_LINK.finditer(cell))
    if len(found) < 2:
        return ()
    between = [cell[a.end() : b.start()].strip().lower() for a, b in itertools.pairwise(found)]
    if any(gap not in ("or", ",", ", or") for gap in between):
        return ()
    return tuple((plain_text(m.group(1)).replace("`", ""), m.group(2)) for m in found)


def possible_values(description: str) -> tuple[str, ...]:
    """Values listed as "Possible values are: `a`, `b`." (and the other wordings)."""
    match = _POSSIBLE.search(description)
    if not match:
        return ()
    listed = match.group(1) or match.group(2) or match.group(3) or ""
    values = _BACKTICKED.findall(listed)
    if not values and listed.lstrip().lower().startswith("<li>"):
        # an HTML list runs past the first full stop: "<li>a -- Does x. Then y.</li><li>b</li>"
        values = _LIST_ITEM.findall(description[match.start() :])
    if not values:
        parts = re.split(r",\s*|\s+or\s+|\s+and\s+", listed)
        values = [p.strip(" .'\"*") for p in parts]
        if not all(_IDENT.match(v) for v in values if v):
            return ()
    seen: dict[str, None] = {}
    for value in values:
        value = value.strip().strip("'\"").rstrip(",;")  # "`calendar,` `running`": a typo
        if (
            value and _IDENT.match(value) and value.lower() != "null"
        ):  # "Allowed values: `null`, .."
            seen.setdefault(value, None)
    return tuple(seen)


def links(text: str) -> list[tuple[str, str]]:
    """(text, target) of every inline link."""
    return [(plain_text(m.group(1)).replace("`", ""), m.group(2)) for m in _LINK.finditer(text)]
