"""Path templates: the `{name}` placeholders of a normalised request path."""

from __future__ import annotations

import re

_PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def placeholders(path: str) -> list[str]:
    return _PLACEHOLDER.findall(path)
