"""API-version folders: `v1.0/{api,resources}` next to `beta/{api,resources}` in one DOCS.

A folder at the top of DOCS is an API version when its name is one (`beta`, `v1.0`, `v2`) or
when it holds both an `api/` and a `resources/` folder. With two or more, each version is a
separate model: its pages are parsed and built apart from the others' (a link from one
version into another is not followed: GG005) and rendered into a subpackage of its own
(`v1.0` -> `graph.v1_0`), under a root package that names them. With one version or none,
DOCS generates as it always did: no subpackage. Light on purpose: the command line checks
its flags with it before anything is loaded.
"""

from __future__ import annotations

import dataclasses
import keyword
import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostics
from generator.source import SourceSpan

if TYPE_CHECKING:
    from generator.inputs import Source
    from generator.parse import PageDoc

_NAMED = re.compile(r"^(?:beta|v\d+(?:\.\d+)*)$", re.IGNORECASE)


def version_folders(docs: Path) -> list[str]:
    """The API-version folders at the top of DOCS, sorted by name. Linked folders are not
    versions: the loader never enters them (load/pages.py)."""
    found = []
    try:
        with os.scandir(docs) as listing:
            entries = [e for e in listing if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if _NAMED.match(entry.name) or ((path / "api").is_dir() and (path / "resources").is_dir()):
            found.append(entry.name)
    return sorted(found)


def module_name(version: str) -> str:
    """The subpackage of a version: `v1.0` -> `v1_0`, `beta` -> `beta`."""
    name = re.sub(r"\W", "_", version.lower())
    if not name or name[0].isdigit() or keyword.iskeyword(name):
        name = "v_" + name
    return name


def in_version(path: str, version: str) -> bool:
    return path.startswith(version + "/")


def split_sources(
    sources: list[Source], versions: list[str], diagnostics: Diagnostics
) -> dict[str, list[Source]]:
    """The pages of each version; a page outside every version folder is not read (GG004)."""
    by_version: dict[str, list[Source]] = {v: [] for v in versions}
    for source in sources:
        version = source.path.partition("/")[0] if "/" in source.path else ""
        if version in by_version:
            by_version[version].append(source)
        else:
            diagnostics.report(
                "GG004",
                SourceSpan(source.path, 1),
                f"page is outside the API-version folders ({', '.join(versions)}); not read",
            )
    return by_version


def nested_versions(docs: Path, sources: list[Source], diagnostics: Diagnostics) -> None:
    """GG006 when DOCS has no API-version folder at its top but a folder inside it holds
    several (DOCS is the docs repository, whose `api-reference/` holds `v1.0/` and `beta/`):
    their pages are read as one model, which is rarely what was meant."""
    first: dict[str, str] = {}  # top folder -> its first page
    for source in sources:
        top, _, rest = source.path.partition("/")
        if rest and "/" in rest:
            first.setdefault(top, source.path)
    for top, page in first.items():
        inside = version_folders(docs / top)
        if len(inside) > 1:
            diagnostics.report(
                "GG006",
                SourceSpan(page, 1),
                f"{top}/ holds the API versions {', '.join(inside)}; their pages are read as "
                f"one model: give {top}/ as DOCS for one subpackage per version",
            )


def foreign_links(docs: list[PageDoc], version: str, versions: list[str]) -> Diagnostics:
    """GG005 for each link of a page of `version` that leads into another version's folder:
    it is not followed (the version's model is built from its own pages only)."""
    found = Diagnostics()
    others = [v for v in versions if v != version]
    for doc in docs:
        for link, span in _links(doc):
            target = link.partition("#")[0]
            if not target:
                continue
            page = posixpath.normpath(posixpath.join(posixpath.dirname(doc.path), target))
            other = next((v for v in others if in_version(page, v)), None)
            if other is not None:
                found.report(
                    "GG005",
                    span,
                    f"link {link} leads into API version {other}; not followed",
                )
    return found


def _links(doc: PageDoc) -> Iterator[tuple[str, SourceSpan]]:
    """Every link target a page's parsed parts keep (type cells, the Methods table), with
    where it is written (the nearest span found above it, else the page)."""
    from generator.parse.document import TypeCell

    seen: set[str] = set()

    def walk(value: object, span: SourceSpan) -> Iterator[tuple[str, SourceSpan]]:
        if isinstance(value, SourceSpan):
            return
        if isinstance(value, TypeCell):
            targets = [value.link or "", *(t for _, t in value.alternatives)]
            for target in targets:
                if target and target not in seen:
                    seen.add(target)
                    yield target, span
            return
        if isinstance(value, tuple | list):
            here = next((v for v in value if isinstance(v, SourceSpan)), span)
            for item in value:
                if isinstance(item, str) and item.endswith(".md") and item not in seen:
                    seen.add(item)
                    yield item, here
                else:
                    yield from walk(item, here)
            return
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            spans = [getattr(value, f.name) for f in dataclasses.fields(value)]
            here = next((v for v in spans if isinstance(v, SourceSpan)), span)
            for item in spans:
                yield from walk(item, here)

    yield from walk(doc, doc.source)


__all__ = [
    "foreign_links",
    "in_version",
    "module_name",
    "nested_versions",
    "split_sources",
    "version_folders",
]
