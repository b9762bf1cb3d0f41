"""Walk markdown-it's block tokens: headings, paragraphs, fenced code and their annotations.

Tables are not taken from markdown-it (GFM drops tables whose delimiter row has another cell
count, see DOCS_FORMAT T4); `tables.py` reads them from the raw lines of each paragraph instead.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.diagnostics import Diagnostics
from generator.parse import lenient_json
from generator.parse.document import CodeBlock, Heading, Paragraph
from generator.source import SourceSpan

# Block structure only: the text of an inline token is its `content`, set by the block rules.
# The inline rules (children we never read) cost most of the time on hostile pages: a cell of
# 40,000 `[` took 7 s in link-label parsing.
_MD = MarkdownIt("commonmark").disable(["inline", "text_join"])
_TAB_MARKER = re.compile(r"^\[[^\]]*\]\(#tab/([^)]*)\)\s*$")


class Blocks:
    """What the block tokens of a page hold that parse/page.py reads. A plain class: only
    read_blocks fills one, and a dataclass would compile its methods at import for nothing."""

    __slots__ = ("code", "headings", "paragraphs", "text_ranges")

    def __init__(self) -> None:
        self.headings: list[Heading] = []
        self.paragraphs: list[Paragraph] = []
        self.code: list[CodeBlock] = []
        # raw line ranges (0-based, end exclusive) of paragraphs, with their section and the
        # nearest heading as written, for tables
        self.text_ranges: list[tuple[int, int, tuple[str, ...], str]] = []


def read_blocks(path: str, lines: list[str], diagnostics: Diagnostics) -> Blocks:
    tokens = _MD.parse("\n".join(lines))
    blocks = Blocks()
    stack: list[tuple[int, str]] = []
    pending: tuple[dict[str, Any] | None, int] | None = None  # annotation, token index
    tab = ""  # the docfx tab the tokens are under, "" outside a tab group
    quotes = 0  # block quotes open around the tokens
    for index, token in enumerate(tokens):
        if token.type == "blockquote_open":
            quotes += 1
        elif token.type == "blockquote_close":
            quotes -= 1
        if token.map is None:
            continue
        start = token.map[0]
        if token.type == "hr":
            tab = ""  # `---`: the end of a tab group
        elif token.type == "heading_open":
            title = _inline_text(tokens[index + 1])
            marker = _TAB_MARKER.match(title)
            if marker:  # docfx tab markers are not sections
                tab = marker.group(1).strip().lower()
                continue
            if token.markup in ("-", "="):
                tab = ""  # `---` right under a line of text: a tab group's end, not a section
                continue
            tab = ""  # a real heading ends any tab group
            level = int(token.tag[1])
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            blocks.headings.append(
                Heading(level=level, title=title, source=SourceSpan(path, start + 1))
            )
        elif token.type == "paragraph_open":
            section = _section(stack)
            text = _inline_text(tokens[index + 1])
            blocks.paragraphs.append(
                Paragraph(
                    text=text,
                    section=section,
                    source=SourceSpan(path, start + 1),
                    quoted=quotes > 0,
                )
            )
            blocks.text_ranges.append((start, token.map[1], section, stack[-1][1] if stack else ""))
        elif token.type == "html_block":
            comment = _first_comment(token.content)
            if comment is not None and comment.strip().startswith("{"):
                pending = (
                    _annotation(comment, SourceSpan(path, start + 1), diagnostics),
                    index,
                )
        elif token.type in ("fence", "code_block"):
            annotation = None
            if pending is not None and pending[1] == index - 1:
                annotation = pending[0]
            pending = None
            if token.type == "code_block":
                continue  # indented code: prose samples, never an annotated block
            blocks.code.append(
                CodeBlock(
                    info=token.info.strip().lower(),
                    text=token.content,
                    annotation=annotation,
                    section=_section(stack),
                    # the first content line; an empty fence cut off by the end of the page
                    # has none, and its diagnostics point at the fence itself
                    source=SourceSpan(path, min(start + 2, len(lines))),
                    tab=tab,
                )
            )
    return blocks


def _first_comment(html: str) -> str | None:
    """The text of the first closed `<!-- ... -->`, found with str.find: a regex `<!--(.*?)-->`
    searched over many unclosed `<!--` rescans the rest of the block from each (quadratic)."""
    start = html.find("<!--")
    if start < 0:
        return None
    end = html.find("-->", start + 4)
    return None if end < 0 else html[start + 4 : end]


def _section(stack: list[tuple[int, str]]) -> tuple[str, ...]:
    return tuple(title.lower() for _, title in stack)


def _inline_text(token: Token) -> str:
    return token.content.strip() if token.type == "inline" else ""


def _annotation(text: str, source: SourceSpan, diagnostics: Diagnostics) -> dict[str, Any] | None:
    try:
        value = lenient_json.loads(text.strip())
    except lenient_json.LenientJSONError as error:
        diagnostics.report("GG011", source, f"annotation comment is not JSON ({error}); ignored")
        return None
    if not isinstance(value, dict):
        diagnostics.report("GG011", source, "annotation comment is not a JSON object; ignored")
        return None
    return value
