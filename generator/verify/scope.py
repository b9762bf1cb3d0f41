"""The part of the CSDL a docs folder documents: the agreement worth reading for a folder that
documents only part of the API (the 2026 sample: 258 pages against a CSDL of ~3,000 types).

A model type is documented by a page when a resource page of DOCS declares it: the page names
the type and gives a property table or a JSON representation (extract/declare.py
`declares_type`), and the model locates the type at that page's declaration. Types only
inferred from an example's JSON (GG021) or a request-body table (GG022) are not. A model enum
is declared by a page when the model locates it at a value table of a page (not "Possible
values" text, GG023). The pages are read again here, only those the model locates a type or
an enum on: `--verify-against` may follow a cached run, which parsed nothing.

Over the CSDL, the scope is the CSDL types documented by a page, and the CSDL enums their CSDL
properties use or a page declares. Requests are not narrowed: every documented request comes
from a page of DOCS.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.extract.declare import declares_type
from generator.load.pages import read_page, read_page_file
from generator.model import ApiModel
from generator.parse import parse_page
from generator.verify.compare import compare
from generator.verify.csdl import Csdl
from generator.verify.operations import OperationAgreement


@dataclass(frozen=True, slots=True)
class DocsScope:
    """Lower-case qualified names of the model types and enums that pages of DOCS declare."""

    types: frozenset[str]
    enums: frozenset[str]

    def restrict(self, csdl: Csdl) -> Csdl:
        """The CSDL types in scope, and the CSDL enums their properties use or in scope."""
        types = {q: t for q, t in csdl.types.items() if q.lower() in self.types}
        used = {p.type.lower() for t in types.values() for p in t.properties.values()}
        enums = {
            q: e for q, e in csdl.enums.items() if q.lower() in used or q.lower() in self.enums
        }
        return replace(csdl, types=types, enums=enums)


def documented_by_a_page(model: ApiModel, docs: Path) -> DocsScope:
    """The model types a resource page of `docs` declares, and the enums a page's value table
    declares (see the module docstring)."""
    located: dict[str, list[tuple[str, str, int, bool]]] = {}  # path -> (name, short, line, type)
    for structured in model.types:
        where = structured.source
        entry = (structured.qualified_name.lower(), structured.name.lower(), where.line, True)
        located.setdefault(where.path, []).append(entry)
    for enum in model.enums:
        where = enum.source
        entry = (enum.qualified_name.lower(), enum.name.lower(), where.line, False)
        located.setdefault(where.path, []).append(entry)
    types: set[str] = set()
    enums: set[str] = set()
    ignored = Diagnostics()  # the run that built the model reported them
    for path in sorted(located):
        data = read_page_file(docs, path, ignored)
        if data is None:
            continue
        doc = parse_page(read_page(path, data, ignored), ignored)
        declared = _short(doc.resource_name) if declares_type(doc) else None
        tables = {table.source.line for table in doc.enums}
        for qualified, short, line, is_type in located[path]:
            if is_type and short == declared and line == doc.source.line:
                types.add(qualified)
            elif not is_type and line in tables:
                enums.add(qualified)
    return DocsScope(frozenset(types), frozenset(enums))


def _short(name: str | None) -> str | None:
    return name.rpartition(".")[2].lower() if name else None


def documented_summary(
    model: ApiModel,
    csdl: Csdl,
    docs: Path,
    requests: OperationAgreement,
    vocabulary: frozenset[str] | None = None,
) -> list[str]:
    """The lines `--verify-against` prints after the agreement with the whole CSDL: the same
    measures over the part of the CSDL that pages of `docs` document."""
    scoped = documented_by_a_page(model, docs).restrict(csdl)
    agreement = compare(model, scoped, vocabulary)
    header = (
        f"gen-graph: agreement over the {len(scoped.types)} CSDL types documented by a page of "
        f"{docs.as_posix()} (and the {len(scoped.enums)} CSDL enums their properties use or a "
        "page declares):"
    )
    lines = [header]
    lines.extend(f"  {line}" for line in agreement.summary(extra_types=False))
    lines.append(
        "  requests typed as the CSDL answers them (every documented request: each has its page"
        f" in DOCS): {requests.typed.written()}"
    )
    return lines


__all__ = ["DocsScope", "documented_by_a_page", "documented_summary"]
