"""Enum members from several sources (value tables, "Possible values" text, `"a | b"` JSON
strings, several pages): one union, case-insensitive, the first spelling kept."""

from __future__ import annotations

from generator.diagnostics import Diagnostics
from generator.extract.drafts import PAGE, EnumDraft
from generator.source import SourceSpan


def add_members(
    enum: EnumDraft,
    values: tuple[str, ...] | list[str],
    source: SourceSpan,
    what: str,
    diagnostics: Diagnostics | None,
) -> None:
    """Union `values` into the enum's members, case-insensitively (the first spelling stays).
    Members that a value table (rank 0) lacks are reported: the sources disagree."""
    known = {name.lower() for name in enum.members}
    added = []
    for value in values:
        if value.lower() not in known:
            known.add(value.lower())
            enum.members[value] = (None, "", source)
            added.append(value)
    if added and diagnostics is not None and enum.rank == PAGE and enum.members:
        diagnostics.report(
            "GG033",
            source,
            f"{what} lists {', '.join(added)}, which the value table of {enum.qualified} at "
            f"{enum.source} lacks; members are the union",
        )
