"""Extract stage: PageDocs from every page -> one ApiModel.

`build_model` runs the passes of extract/passes.py in their fixed, named order; incremental/patch.py
updates the last model instead when only prose and line positions changed. The passes are
imported on first use, so that a patched run never loads them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.diagnostics import Diagnostics
    from generator.model import ApiModel
    from generator.parse import PageDoc


def build_model(docs: list[PageDoc], diagnostics: Diagnostics) -> ApiModel:
    from generator.extract.passes import build_model as build

    return build(docs, diagnostics)


__all__ = ["build_model"]
