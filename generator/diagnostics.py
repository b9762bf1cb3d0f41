"""Located diagnostics: stages report problems in documents here and go on; the CLI decides."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.codes import CODES, Severity, severity_of
from generator.source import SourceSpan

# diagnostics about files of the output folder: their paths are relative to OUT, not DOCS
OUTPUT_CODES = frozenset({"GG041", "GG050", "GG051"})
# diagnostics about files of the --templates folder: their paths are relative to it
TEMPLATE_CODES = frozenset({"GG042"})


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One located problem in a document: `path:line: severity GGnnn: message`."""

    source: SourceSpan
    code: str
    message: str
    severity: Severity = "warning"

    def __str__(self) -> str:
        return f"{_one_line(str(self.source))}: {self.severity} {self.code}: {self.message}"


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


def _one_line(text: str) -> str:
    """One line of printable text: control characters (terminal escapes), bidi controls and
    other invisible format characters are shown escaped, so a page can neither rewrite the
    terminal nor reorder the text of a diagnostic printed about it."""
    return "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in " ".join(text.split()))
