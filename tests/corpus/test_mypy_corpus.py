"""The package generated from the whole corpus is `mypy --strict` clean, cycles included
(user <-> manager, driveItem <-> children), and its models work at run time."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.conftest_models import PACKAGE, CorpusPackage, corpus_package  # noqa: F401

pytestmark = pytest.mark.corpus


def test_corpus_package_is_mypy_strict_clean(
    corpus_package: CorpusPackage, tmp_path: Path  # noqa: F811
) -> None:
    from mypy import api

    out, err, status = api.run(
        ["--strict", "--cache-dir", str(tmp_path), str(corpus_package.root / PACKAGE)]
    )
    assert status == 0, out + err
    assert "Success" in out


def test_cycles_work_at_run_time(corpus_package: CorpusPackage) -> None:  # noqa: F811
    models = corpus_package.package.model_for
    user_cls, item_cls = models("user"), models("#microsoft.graph.driveItem")
    user = user_cls.from_dict({"id": "1", "manager": {"@odata.type": "#microsoft.graph.user"}})
    assert type(user.manager) is user_cls
    item = item_cls.from_dict({"id": "a", "children": [{"id": "b", "children": []}]})
    assert type(item.children[0]) is item_cls
    assert item.to_dict() == {"id": "a", "children": [{"id": "b", "children": []}]}
