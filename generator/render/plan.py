"""The names every view needs (class and module of each type and enum), and the view of the
package files; the views of model, enum and builder modules are in plan_models.py and
plan_client.py, and render/__init__.py plans them group by group."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import ApiModel
from generator.render import layout, naming
from generator.render.text import literal
from generator.render.views import ExportView, PackageView, RegistryEntryView


@dataclass(frozen=True, slots=True)
class Names:
    """The names every view needs: class and module of each type and enum, which are enums."""

    classes: dict[str, str]  # qualified name -> class name
    modules: dict[str, str]  # qualified name -> module name
    enums: frozenset[str]
    flags: frozenset[str]


def names_key(model: ApiModel) -> str:
    """A hash of everything plan_names reads: equal keys, equal names."""
    import hashlib

    parts = [f"{t.qualified_name}\0{t.name}\0{t.namespace}" for t in model.types]
    parts += [f"\1{e.qualified_name}\0{e.name}\0{e.namespace}\0{e.flags}" for e in model.enums]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def plan_names(model: ApiModel) -> Names:
    names = [(t.qualified_name, naming.class_name(t.name, t.namespace)) for t in model.types]
    names += [(e.qualified_name, naming.class_name(e.name, e.namespace)) for e in model.enums]
    names.sort(key=lambda pair: pair[0].lower())
    unique_classes = naming.unique([cls for _, cls in names])
    classes = {qualified: cls for (qualified, _), cls in zip(names, unique_classes, strict=True)}
    # `fooBar` and `foo_bar` are two classes but one snake_case module: keep the files apart
    qualified_names = list(classes)
    unique_modules = naming.unique([naming.module_name(classes[q]) for q in qualified_names])
    modules = dict(zip(qualified_names, unique_modules, strict=True))
    return Names(
        classes=classes,
        modules=modules,
        enums=frozenset(e.qualified_name for e in model.enums),
        flags=frozenset(e.qualified_name for e in model.enums if e.flags),
    )


def package_view(names: Names, package: str) -> PackageView:
    classes, modules = names.classes, names.modules
    # a name with white space could not be looked up in the registry's index (nor sent)
    registered = [q for q in sorted(classes, key=str.lower) if len(q.split()) == 1]
    exports = tuple(
        ExportView(name=classes[q], module=f".models.{modules[q]}")
        for q in sorted(classes, key=str.lower)
    )
    model_exports = tuple(
        ExportView(
            name=e.name,
            module="." + e.module.split(".")[-1],
            import_line=layout.import_from(
                0, "." + e.module.split(".")[-1], [f"{e.name} as {e.name}"]
            ),
        )
        for e in exports
    )
    return PackageView(
        package=package,
        package_literal=literal(package),
        exports=(  # models are imported from PKG.models: the root stays cheap
            ExportView(name="AsyncClient", module=".client"),
            ExportView(name="Client", module=".client"),
        ),
        model_exports=model_exports,
        registry=tuple(
            RegistryEntryView(
                key_literal=literal(q.lower()),
                module_literal=literal(modules[q]),
                class_literal=literal(classes[q]),
                entry=layout.collection_item(
                    4,
                    f"{literal(q.lower())}: (",
                    [literal(modules[q]), literal(classes[q])],
                    ")",
                    ",",
                ),
                index_literal=literal(naming.index_line(q, modules[q], classes[q])),
            )
            for q in registered
        ),
        registry_block=layout.concatenation(  # every class: found by its type or its name
            0,
            "_INDEX",
            [
                *(
                    literal(naming.index_line(q, modules[q], classes[q]))
                    for q in sorted(classes, key=str.lower)
                ),
                literal("\n"),
            ],
        ),
    )
