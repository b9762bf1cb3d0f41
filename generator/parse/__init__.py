"""Parse stage: one page of markdown -> a PageDoc (what the page says), with diagnostics."""

from generator.parse.document import PageDoc
from generator.parse.page import parse_page

__all__ = ["PageDoc", "parse_page"]
