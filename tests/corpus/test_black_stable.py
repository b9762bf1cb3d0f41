"""Every file generated from the whole corpus is black-stable as rendered, except the few that
emit/format.py sends to black because a line is still too long; those few are all it sends."""

from __future__ import annotations

import pytest

from generator.config import default_jobs
from generator.emit.format import needs_black
from tests.corpus.conftest_models import CorpusPackage, corpus_package  # noqa: F401
from tests.render.black_check import unstable

pytestmark = pytest.mark.corpus


def test_corpus_files_skipped_by_black_are_black_stable(
    corpus_package: CorpusPackage,  # noqa: F811
) -> None:
    python = [f for f in corpus_package.files if f.path.endswith(".py")]
    assert len(python) > 3000 and all(f.black_layout for f in python)
    skipped = [f for f in python if not needs_black(f.text)]
    assert len(skipped) >= 0.9 * len(python)  # black runs on a tenth of the files at most
    assert unstable(skipped, jobs=default_jobs()) == []
