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
    # rendered from a built-in template, whose layout is black's own (render/layout.py):
    # black is skipped for it unless a line is too long (emit/format.py)
    black_layout: bool = False


def render_files(
    model: ApiModel, package: str, diagnostics: Diagnostics, templates: Path | None = None
) -> list[RenderedFile]:
    env = make_environment(templates)
    plan = plan_views(model, package, diagnostics)

    overridden = (
        {p.name for p in templates.iterdir()} if templates and templates.is_dir() else set()
    )

    def render(path: str, template: str, **context: object) -> RenderedFile:
        text = env.get_template(template).render(**context)
        return RenderedFile(path, text, black_layout=template not in overridden)

    files = [
        render("__init__.py", "package_init.py.jinja", package=plan.package),
        render("_registry.py", "registry.py.jinja", package=plan.package),
        render("_runtime.py", "runtime.py.jinja"),
        render("_paths.py", "paths.py.jinja"),
        render("_http.py", "http.py.jinja"),
        render("client.py", "client.py.jinja", client=plan.client),
        RenderedFile(
            "builders/__init__.py", '"""Request builders, one module per path."""\n', True
        ),
        render("builders/_base.py", "builders_base.py.jinja"),
        render("builders/_routes.py", "routes.py.jinja", client=plan.client),
        render("models/__init__.py", "models_init.py.jinja", package=plan.package),
        render("models/_exports.py", "models_exports.py.jinja", package=plan.package),
        RenderedFile("py.typed", ""),
    ]
    files += [
        render(f"models/{view.module}.py", "model.py.jinja", model=view) for view in plan.models
    ]
    files += [
        render(f"builders/{view.module}.py", "builder.py.jinja", builder=view)
        for view in plan.client.builders
    ]
    files += [render(f"models/{view.module}.py", "enum.py.jinja", enum=view) for view in plan.enums]
    return sorted(files, key=lambda f: f.path)


__all__ = ["RenderedFile", "render_files", "template_folders"]
