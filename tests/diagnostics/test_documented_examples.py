"""docs/diagnostics.md is executable: each code's example, run through the command line, prints
the documented diagnostic line; every code of generator/codes.py has a section; reserved codes
are reported nowhere."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.cli import main
from generator.codes import CODES
from tests.conftest import ROOT

DOC = ROOT / "docs" / "diagnostics.md"
_SECTION = re.compile(r"^### (GG\d{3}) (error|warning|info): (.+)$")
_FENCE = re.compile(r"^(`{3,})(.*)$")


@dataclass
class Section:
    code: str
    severity: str
    meaning: str
    reserved: bool = False
    files: dict[str, bytes] = field(default_factory=dict)  # "docs/...", "out/...", "templates/..."
    expected: list[str] = field(default_factory=list)


def _sections() -> dict[str, Section]:
    sections: dict[str, Section] = {}
    current: Section | None = None
    lines = DOC.read_text(encoding="utf-8").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _SECTION.match(line)
        if heading:
            current = Section(*heading.groups())
            sections[current.code] = current
        elif current is not None and line.startswith("*Reserved*"):
            current.reserved = True
        elif current is not None and line.startswith("*Same example as GG"):
            current.files = dict(sections[line.split()[3].rstrip("*:.")].files)
        fence = _FENCE.match(line)
        if fence and current is not None:
            ticks, info = fence.groups()
            end = i + 1
            while not (lines[end].startswith(ticks) and not lines[end].strip("`")):
                end += 1
            body = "\n".join(lines[i + 1 : end]) + "\n"
            words = info.split()
            path = next((w[5:] for w in words if w.startswith("path=")), None)
            if words and words[0] == "diagnostics":
                current.expected += [text for text in body.split("\n") if text]
            elif path is not None:
                data = body.encode("utf-8")
                if "escaped" in words:
                    data = (
                        body.encode("latin-1", "backslashreplace")
                        .decode("unicode_escape")
                        .encode("latin-1")
                    )
                keep = ("out/", "templates/", "verify/")
                where = path if path.startswith(keep) else "docs/" + path
                current.files[where] = data
            i = end
        i += 1
    return sections


SECTIONS = _sections()


def test_every_code_is_documented_with_its_severity_and_meaning() -> None:
    assert sorted(SECTIONS) == sorted(CODES)
    for code, (severity, meaning) in CODES.items():
        assert (SECTIONS[code].severity, SECTIONS[code].meaning) == (severity, meaning), code


@pytest.mark.parametrize("code", [c for c in sorted(SECTIONS) if SECTIONS[c].reserved])
def test_reserved_codes_are_reported_nowhere(code: str) -> None:
    """When a stage starts reporting one, its section needs an example instead of *Reserved*."""
    users = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "generator").rglob("*.py")
        if p.name != "codes.py" and code in p.read_text(encoding="utf-8")
    ]
    assert users == []


@pytest.mark.parametrize("code", [c for c in sorted(SECTIONS) if not SECTIONS[c].reserved])
def test_documented_example_prints_the_documented_line(
    code: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    section = SECTIONS[code]
    assert section.files and section.expected, f"{code}: needs an example and its diagnostics"
    assert all(f" {code}: " in line for line in section.expected)
    (tmp_path / "docs").mkdir()
    for relative, data in section.files.items():
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    argv = [str(tmp_path / "docs"), "-o", str(tmp_path / "out")]
    if (tmp_path / "templates").exists():
        argv += ["--templates", str(tmp_path / "templates")]
    if (tmp_path / "verify" / "csdl.xml").exists():
        argv += ["--verify-against", str(tmp_path / "verify" / "csdl.xml")]
    main(argv)
    captured = capsys.readouterr()
    printed = (captured.err + "\n" + captured.out).split("\n")
    prefix = {
        "DOCS": (tmp_path / "docs").as_posix(),
        "OUT": (tmp_path / "out").as_posix(),
        "VERIFY": (tmp_path / "verify").as_posix(),
        "TEMPLATES": (tmp_path / "templates").as_posix(),
    }
    for line in section.expected:
        root, _, rest = line.partition("/")
        assert f"{prefix[root]}/{rest}" in printed, "\n".join(printed)
