"""The request classes of actions: each action's parameter table (the model's
`Operation.parameters`, named by `Operation.request_class`) as one more model class of the
package, so that `send_mail.post(SendMailRequest(message=..., save_to_sent_items=False))` is
typed like any other body. They are made here, for the rendered package only: the model keeps
the parameters with their operation and is compared with the CSDL without them."""

from __future__ import annotations

from generator.model import ApiModel, StructuredType

DEFAULT_NAMESPACE = "microsoft.graph"  # the request classes' namespace, as extract/index.py's


def request_class_name(request_class: str) -> str:
    """The qualified name of an action's request class in the rendered package."""
    return f"{DEFAULT_NAMESPACE}.{request_class}"


def with_request_classes(model: ApiModel) -> ApiModel:
    """The model with one complex type per distinct `request_class` of its operations."""
    made: dict[str, StructuredType] = {}
    for operation in model.operations:
        name = operation.request_class
        if not name or name in made:
            continue
        made[name] = StructuredType(
            name=name,
            namespace=DEFAULT_NAMESPACE,
            kind="complex",
            properties=operation.parameters,
            description=f"The parameters of {operation.title or operation.name}.",
            source=operation.source,
        )
    if not made:
        return model
    types = sorted([*model.types, *made.values()], key=lambda t: t.qualified_name.lower())
    return ApiModel(types=tuple(types), enums=model.enums, operations=model.operations)


__all__ = ["request_class_name", "with_request_classes"]
