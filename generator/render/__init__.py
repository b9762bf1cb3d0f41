"""Render stage: model -> views -> Python source text, one template per kind of file.

Files are rendered in groups, each from the part of the model it is made of: one model module
from its type and the property names of its bases, one enum module from its enum, the client
and its builders from the operations, the package files from the names alone. Given a `Memo`
(the last render and its model, kept by the cache), a group whose inputs equal those it had in
the last model is not planned or rendered again (incremental/reuse.py); the output is the same
either way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from generator.diagnostics import Diagnostics
from generator.model import ApiModel, EnumType, StructuredType
from generator.render.environment import report_retired
from generator.render.plan import Names, names_key, package_view, plan_names
from generator.render.plan_models import enum_view, inherited_names, model_view
from generator.render.requests import with_request_classes
from generator.render.static import static_files
from generator.templates_location import template_folders

if TYPE_CHECKING:
    import jinja2

Make = Callable[[Diagnostics], list["RenderedFile"]]  # one group's files, from its inputs


class Memo(Protocol):
    """The last render, by group (generator/incremental/reuse.py keeps it). A group is a pure
    function of its inputs and of a scope that covers everything else it reads (the
    generator's code, the templates, the package name, what every class and module name is
    made of: `names`)."""

    @property
    def model(self) -> ApiModel | None:
        """The model the last render was made from (None: no last render)."""

    def names(self, key: str, plan: Callable[[], Names]) -> Names:
        """The names of the model's classes and modules, `plan`ned or the last render's when
        what they are made of (`key`, render/plan.py `names_key`) is the same."""

    def group(
        self, key: str, inputs: tuple[object, object], make: Make, diagnostics: Diagnostics
    ) -> list[RenderedFile]:
        """The files `make` renders; `inputs`: what they are made of in the last model, and
        now. The last render's (and its diagnostics, reported again) when the two are equal."""


@dataclass(frozen=True, slots=True)
class RenderedFile:
    path: str  # relative to the output folder, forward slashes
    text: str
    # rendered from a built-in template, whose layout is black's own (render/layout.py):
    # black is skipped for it unless a line is too long (emit/format.py)
    black_layout: bool = False
    # sha256 of the text's UTF-8 bytes, taken once when the file is made (a reused group's
    # files keep the one taken when they were rendered): formatting looks results up by it,
    # writing compares it with the file on disk
    digest: str = field(init=False)

    def __post_init__(self) -> None:
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        object.__setattr__(self, "digest", digest)


class _Templates:
    """The Jinja environment, made (and Jinja imported) only when a file is rendered."""

    def __init__(self, overrides: Path | None, compiled: Path | None = None) -> None:
        self.overrides = overrides
        self.compiled = compiled
        self.overridden = (
            {p.name for p in overrides.iterdir()} if overrides and overrides.is_dir() else set()
        )
        self._env: jinja2.Environment | None = None

    def render(self, path: str, template: str, **context: object) -> RenderedFile:
        if self._env is None:
            from generator.render.environment import make_environment

            self._env = make_environment(self.overrides, self.compiled)
        text = self._env.get_template(template).render(**context)
        return RenderedFile(path, text, black_layout=template not in self.overridden)


def render_files(
    model: ApiModel,
    package: str,
    diagnostics: Diagnostics,
    templates: Path | None = None,
    memo: Memo | None = None,
    compiled: Path | None = None,
) -> list[RenderedFile]:
    """`compiled`: where Jinja keeps the templates it compiled (render/environment.py)."""
    model = with_request_classes(model)  # actions' parameter tables are classes too
    if memo is None:
        names = plan_names(model)
    else:
        names = memo.names(names_key(model), partial(plan_names, model))
    env = _Templates(templates, compiled)
    if templates is not None:
        report_retired(templates, diagnostics)
    last = memo.model if memo is not None and memo.model is not None else ApiModel()
    last = with_request_classes(last)
    files: list[RenderedFile] = []

    def group(key: str, inputs: tuple[object, object], make: Make) -> None:
        files.extend(
            make(diagnostics) if memo is None else memo.group(key, inputs, make, diagnostics)
        )

    group("package", ((), ()), partial(_package_files, names, package, env))
    client = partial(_client_files, model, names, package, env)
    group("client", (last.operations, model.operations), client)
    by_name = {t.qualified_name: t for t in model.types}
    last_by_name = {t.qualified_name: t for t in last.types}
    for t in model.types:
        old = last_by_name.get(t.qualified_name)
        inputs = (
            (old, inherited_names(old, last_by_name)) if old is not None else None,
            (t, inherited_names(t, by_name)),
        )
        make = partial(_model_files, t, by_name, names, package, env)
        group(f"model\0{t.qualified_name}", inputs, make)
    last_enums = {e.qualified_name: e for e in last.enums}
    for e in model.enums:
        make = partial(_enum_files, e, names, package, env)
        group(f"enum\0{e.qualified_name}", (last_enums.get(e.qualified_name), e), make)
    return sorted(files, key=lambda f: f.path)


def _package_files(
    names: Names, package: str, env: _Templates, _: Diagnostics
) -> list[RenderedFile]:
    view = package_view(names, package)
    return [
        env.render("__init__.py", "package_init.py.jinja", package=view),
        env.render("_registry.py", "registry.py.jinja", package=view),
        *static_files(),  # _runtime.py, _paths.py, _http.py, builders/: render/static.py
        env.render("models/__init__.py", "models_init.py.jinja", package=view),
        env.render("models/_exports.py", "models_exports.py.jinja", package=view),
        RenderedFile("py.typed", ""),
    ]


def _client_files(
    model: ApiModel, names: Names, package: str, env: _Templates, _: Diagnostics
) -> list[RenderedFile]:
    from generator.render.plan_client import client_view  # not loaded when the client is reused

    client = client_view(model, package, names.classes, names.modules, names.enums)
    files = [
        env.render("client.py", "client.py.jinja", client=client),
        env.render("builders/_routes.py", "routes.py.jinja", client=client),
    ]
    files += [
        env.render(f"builders/{view.module}.py", "builder.py.jinja", builder=view)
        for view in client.builders
    ]
    return files


def _model_files(
    t: StructuredType,
    by_name: dict[str, StructuredType],
    names: Names,
    package: str,
    env: _Templates,
    diagnostics: Diagnostics,
) -> list[RenderedFile]:
    view = model_view(
        t, package, names.classes, names.modules, names.enums, by_name, diagnostics, names.flags
    )
    return [env.render(f"models/{view.module}.py", "model.py.jinja", model=view)]


def _enum_files(
    e: EnumType, names: Names, package: str, env: _Templates, _: Diagnostics
) -> list[RenderedFile]:
    view = enum_view(e, package, names.classes, names.modules)
    return [env.render(f"models/{view.module}.py", "enum.py.jinja", enum=view)]


__all__ = ["Memo", "RenderedFile", "render_files", "template_folders"]
