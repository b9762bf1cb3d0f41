"""A package generated from a few pages of the corpus, imported as a user would import it: what
the functional tests of issues 14 and 15 run against (pytest-httpserver plays the service)."""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from tests.conftest import CORPUS

DOCS = CORPUS / "graph-docs-2021-07" / "v1.0"


@contextmanager
def corpus_package(root: Path, package: str, pages: dict[str, list[str]]) -> Iterator[ModuleType]:
    """`pages` (folder -> page names) copied from the corpus into `root/docs`, generated into
    `root/<package>` and imported; its modules are forgotten again on exit."""
    from generator.cli import main

    for folder, names in pages.items():
        (root / "docs" / folder).mkdir(parents=True)
        for name in names:
            shutil.copy(DOCS / folder / f"{name}.md", root / "docs" / folder / f"{name}.md")
    assert main([str(root / "docs"), "-o", str(root / package), "-q", "--no-cache"]) == 0
    sys.path.insert(0, str(root))
    importlib.invalidate_caches()
    try:
        for module in ("client", "models"):  # sdk.client.X, sdk.models.X in any test alone
            importlib.import_module(f"{package}.{module}")
        yield importlib.import_module(package)
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
            del sys.modules[name]
