"""A prose-only edit of a real page: the last model, patched (incremental/patch.py), equals the model
built again from every page, diagnostics included; edits it cannot prove safe are refused."""

from __future__ import annotations

import pytest

from generator.diagnostics import Diagnostics
from generator.extract import build_model
from generator.incremental.patch import plan_patch
from generator.incremental.reach import held_texts, model_reach
from generator.incremental.shape import page_shape
from generator.model import ApiModel
from generator.parse import PageDoc
from generator.pipeline import parse_source
from tests.corpus.conftest import DOCS, CorpusRun

pytestmark = pytest.mark.corpus

# the page bench/incremental.py edits, then pages spread over the corpus (resources and APIs)
PAGES = [
    "resources/user.md",
    "resources/group.md",
    "resources/onlinemeeting.md",
    "resources/enums.md",
    "api/user-get.md",
    "api/channel-post-messages.md",
    "api/driveitem-createuploadsession.md",
    "resources/intune-deviceconfig-ioscustomconfiguration.md",
]


def _prose(text: str) -> str:
    """A paragraph added near the top: every line below it moves."""
    return text.replace("\n\n", "\n\nEdited for the benchmark.\n\n", 1)


def _description(text: str) -> str:
    """The first row of the first table gets a longer last cell (a description), and a line
    is added above it."""
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].startswith("|") and set(lines[i - 1]) <= set("|-: ") and "-" in lines[i - 1]:
            lines[i] = lines[i].rstrip().rstrip("|") + " Edited here. |"
            return _prose("\n".join(lines))
    raise AssertionError("no table")


def _paragraph(text: str) -> str:
    """The first paragraph under the title gets a sentence more, and a blank line below the
    middle of the page goes away (or one is added before a heading)."""
    lines = text.split("\n")
    title = next(i for i, line in enumerate(lines) if line.startswith("# "))
    for i in range(title + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.startswith(("#", "|", "`", "<", "-", "*", ">", "Namespace")):
            lines[i] = line + " Edited sentence."
            break
    for i in range(len(lines) // 2, len(lines) - 1):
        if lines[i] == "" and lines[i - 1] == "":
            del lines[i]
            break
        if lines[i] == "" and lines[i + 1].startswith("## "):
            lines.insert(i, "")
            break
    return "\n".join(lines)


def _build(docs: list[PageDoc]) -> tuple[ApiModel, list[str]]:
    found = Diagnostics()
    model = build_model(docs, found)
    return model, sorted(str(d) for d in found.items)


def test_a_patched_model_equals_a_full_build(corpus_run: CorpusRun) -> None:
    docs = {doc.path: doc for doc in corpus_run.docs}
    shapes = {path: page_shape(doc) for path, doc in docs.items()}
    found = Diagnostics()
    model = build_model(list(docs.values()), found)
    held, reach = held_texts(shapes.values()), model_reach(model)
    patched: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    for page in PAGES:
        text = (DOCS / page).read_text(encoding="utf-8")
        for edit in (_prose, _description, _paragraph):
            doc = parse_source(page, edit(text).encode())[0]
            new_shapes = dict(shapes)
            new_shapes[page] = page_shape(doc)
            patch = plan_patch(shapes, new_shapes, [page])
            # the counts of held descriptions decide as reading every shape does
            assert plan_patch(shapes, new_shapes, [page], held) == patch
            if patch is None:
                refused.append((page, edit.__name__))
                continue
            patched.append((page, edit.__name__))
            full_model, full_diagnostics = _build([*(d for p, d in docs.items() if p != page), doc])
            assert patch.model(model) == full_model, (page, edit.__name__)
            # walking only the elements the reach names gives the same model
            assert patch.model(model, reach) == full_model, (page, edit.__name__)
            assert sorted(str(d) for d in patch.diagnostics(found.items)) == full_diagnostics
    # the fast path is taken where it matters, not refused into a vacuous pass
    assert ("resources/user.md", "_prose") in patched
    assert len(patched) >= 18, refused


def test_no_pass_decides_on_descriptions_or_lines_over_the_corpus(
    corpus_run: CorpusRun, monkeypatch: pytest.MonkeyPatch
) -> None:
    """tests/incremental/test_blind_passes.py over every page of the corpus: the rule a patch
    relies on, for every pass, not only for the edits above."""
    from tests.incremental.test_blind_passes import check_blind

    assert check_blind(corpus_run.docs, monkeypatch) is None
