"""Load stage: find the pages under DOCS, read and decode them, split off the front matter."""

from generator.load.pages import Page, load_pages, read_page

__all__ = ["Page", "load_pages", "read_page"]
