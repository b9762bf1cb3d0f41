"""Render stage: model -> views -> Python source text, one template per kind of file.

Files are rendered in groups, each from the part of the model it is made of: one model module
from its type and the property names of its bases, one enum module from its enum, the client
and its builders from the operations, the package files from the names alone. Given a `Memo`
(the last render and its model, kept by the cache), a group whose inputs equal those it had in
the last model is not planned or rendered again (render/reuse.py); the output is the same
either way.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from generator.diagnostics import Diagnostics
from generator.model import ApiModel, EnumType, StructuredType
from generator.render.plan import Names, names_key, package_view, plan_names
from generator.render.plan_models import enum_view, inherited_names, model_view
from generator.render.requests import with_request_classes
from generator.render.reuse import Memo, reuse
from generator.render.static import static_files
from generator.templates_location import template_folders

if TYPE_CHECKING:
    import jinja2


_NAMES = "names"  # the memo's entry for the names (group keys start with a hex scope)


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
    names, names_key = _names(model, memo)
    env = _Templates(templates, compiled)
    scope = _scope(names_key, package, templates) if memo is not None else ""
    last = memo.model if memo is not None and memo.model is not None else ApiModel()
    last = with_request_classes(last)
    files: list[RenderedFile] = []

    def group(
        key: str, inputs: tuple[object, object], make: Callable[[Diagnostics], list[RenderedFile]]
    ) -> None:
        files.extend(reuse(memo, f"{scope}\0{key}", inputs, make, diagnostics))

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


def _names(model: ApiModel, memo: Memo | None) -> tuple[Names, str]:
    """The names of the model's classes and modules, and the key of what they are made of
    (render/plan.py `names_key`); the memo's names when the key is the same (a patched model's
    always is)."""
    if memo is None:
        return plan_names(model), ""
    key = names_key(model)
    hit = memo.groups.get(_NAMES)
    if hit is None or hit[0] != key:
        hit = (key, plan_names(model))
    memo.fresh[_NAMES] = hit
    return hit[1], key


def _scope(names: str, package: str, templates: Path | None) -> str:
    """What every group depends on: the generator's code (plan_names included), the
    templates, the package name and what every class and module name is made of (`names`)."""
    from generator.cache.fingerprint import generator_fingerprint, templates_fingerprint

    parts = (
        generator_fingerprint(),
        templates_fingerprint(template_folders(templates)),
        package,
        names,
    )
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


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
