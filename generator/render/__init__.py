"""Render stage: model -> views -> Python source text, one template per kind of file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.diagnostics import Diagnostics
from generator.model import ApiModel
from generator.render.environment import make_environment, template_folders
from generator.render.plan import plan_views


@dataclass(frozen=True, slots=True)
class RenderedFile:
    path: str  # relative to the output folder, forward slashes
    text: str


def render_files(
    model: ApiModel, package: str, diagnostics: Diagnostics, templates: Path | None = None
) -> list[RenderedFile]:
    env = make_environment(templates)
    plan = plan_views(model, package, diagnostics)

    def render(template: str, **context: object) -> str:
        return env.get_template(template).render(**context)

    files = [
        RenderedFile("__init__.py", render("package_init.py.jinja", package=plan.package)),
        RenderedFile("_registry.py", render("registry.py.jinja", package=plan.package)),
        RenderedFile("_runtime.py", render("runtime.py.jinja")),
        RenderedFile("_paths.py", render("paths.py.jinja")),
        RenderedFile("_http.py", render("http.py.jinja")),
        RenderedFile("client.py", render("client.py.jinja", client=plan.client)),
        RenderedFile("builders/__init__.py", '"""Request builders, one module per path."""\n'),
        RenderedFile("builders/_base.py", render("builders_base.py.jinja")),
        RenderedFile("builders/_routes.py", render("routes.py.jinja", client=plan.client)),
        RenderedFile("models/__init__.py", render("models_init.py.jinja", package=plan.package)),
        RenderedFile("models/_exports.py", render("models_exports.py.jinja", package=plan.package)),
        RenderedFile("py.typed", ""),
    ]
    files += [
        RenderedFile(f"models/{view.module}.py", render("model.py.jinja", model=view))
        for view in plan.models
    ]
    files += [
        RenderedFile(f"builders/{view.module}.py", render("builder.py.jinja", builder=view))
        for view in plan.client.builders
    ]
    files += [
        RenderedFile(f"models/{view.module}.py", render("enum.py.jinja", enum=view))
        for view in plan.enums
    ]
    return sorted(files, key=lambda f: f.path)


__all__ = ["RenderedFile", "render_files", "template_folders"]
