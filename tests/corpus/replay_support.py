"""Example request/response pairs of the corpus, and the generated corpus package to replay
them with (rendered without black: the replay only imports it)."""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.extract import build_model
from generator.parse import PageDoc
from generator.parse.document import Example
from generator.pipeline import Run, parse_docs
from generator.render import render_files


@dataclass(frozen=True)
class Pair:
    page: str
    request: Example
    response: Example

    @property
    def id(self) -> str:
        return f"{self.page}:{self.request.source.line}"


def example_pairs(docs: list[PageDoc]) -> list[Pair]:
    """ApiDoctor-style pairs: each request with the first response that follows it."""
    pairs = []
    for doc in docs:
        pending: Example | None = None
        for example in doc.examples:
            if example.kind == "request":
                pending = example
            elif pending is not None:
                pairs.append(Pair(doc.path, pending, example))
                pending = None
    return pairs


@dataclass
class CorpusPackage:
    docs: list[PageDoc]
    run: Run
    package: ModuleType


def build_corpus_package(corpus: Path, out: Path, name: str) -> CorpusPackage:
    run = Run()
    docs = parse_docs(corpus, run)
    run.model = build_model(docs, run.diagnostics)
    for file in render_files(run.model, name, run.diagnostics):
        target = out / name / file.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(file.text, encoding="utf-8")
    sys.path.insert(0, str(out))
    importlib.invalidate_caches()
    return CorpusPackage(docs, run, importlib.import_module(name))


def strip_host(url: str) -> str:
    """The path and query of an example URL: `https://graph.microsoft.com/v1.0/me` -> `/v1.0/me`."""
    text = url.strip()
    if "://" in text:
        text = (
            "/" + text.split("://", 1)[1].split("/", 1)[-1]
            if "/" in text.split("://", 1)[1]
            else "/"
        )
    if not text.startswith("/"):
        text = "/" + text
    return text


def describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) < 200 else text[:200] + "..."
