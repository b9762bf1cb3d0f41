"""Located diagnostics: stages report problems in documents here and go on; the CLI decides."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from generator.codes import CODES, Severity, severity_of
from generator.source import SourceSpan


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    source: SourceSpan
    code: str
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        return f"{self.source}: {self.severity} {self.code}: {self.message}"


@dataclass(slots=True)
class Diagnostics:
    """A collector passed through the stages."""

    items: list[Diagnostic] = field(default_factory=list)

    def report(self, code: str, source: SourceSpan, message: str) -> None:
        if code not in CODES:  # pragma: no cover - a programming error, caught by tests
            raise KeyError(code)
        self.items.append(Diagnostic(source, code, _one_line(message), severity_of(code)))

    def extend(self, other: Diagnostics) -> None:
        self.items.extend(other.items)

    def sorted(self) -> list[Diagnostic]:
        return sorted(set(self.items))

    def counts(self) -> Counter[str]:
        return Counter(d.severity for d in set(self.items))


# control characters (terminal escapes), bidi controls and line separators: shown escaped, so a
# page cannot rewrite the terminal or reorder the text of a diagnostic printed about it
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
