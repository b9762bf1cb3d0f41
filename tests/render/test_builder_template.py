"""The builder template writes the code of fixed shape from data (a function step's signature and
`function_segment` call, `@property`); the views carry only data and the statements black lays
out by length. The output stays black's own layout."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.pipeline import generate
from tests.conftest import DOCS_INPUT
from tests.render.black_check import unstable

LONG = "averyveryverylongfunctionnamethatgoesonandonforeverAndEverMore"
PATHS = (
    "GET /me\n"
    "GET /me/reminderView(startDateTime={startDateTime},endDateTime={endDateTime})\n"
    "GET /me/getMemberGroups()\n"
    f"GET /me/{LONG}(firstArgumentWithALongName={{a}},secondArgumentWithALongName={{b}})\n"
)


def docs_with_functions(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(DOCS_INPUT, docs)
    page = docs / "api" / "user-get.md"
    page.write_text(page.read_text().replace("GET /me\n", PATHS, 1))
    return docs


def test_function_steps_are_written_by_the_template_in_blacks_layout(tmp_path: Path) -> None:
    run = generate(docs_with_functions(tmp_path), "sdk", formatting=False)
    files = [f for f in run.files if f.path.endswith(".py")]
    assert all(f.black_layout for f in files)
    assert unstable(files) == []
    me = next(f.text for f in files if f.path == "builders/me.py")
    assert (
        "    def reminder_view(\n"
        "        self,\n"
        "        *,\n"
        "        start_date_time: str | int | float | bool,\n"
        "        end_date_time: str | int | float | bool,\n"
        "    ) -> MeReminderViewBuilder:\n"
    ) in me
    assert (
        "        segment = _paths.function_segment(\n"
        '            "reminderView",\n'
        "            {\n"
        '                "startDateTime": start_date_time,\n'
        '                "endDateTime": end_date_time,\n'
        "            },\n"
        "        )\n"
        "        return MeReminderViewBuilder(self._core, self._segments + (segment,))\n"
    ) in me
    assert (
        "    def get_member_groups(\n" "        self,\n" "    ) -> MeGetMemberGroupsBuilder:\n"
    ) in me
    assert '            "getMemberGroups",\n            {},\n        )\n' in me
    assert "    @property\n    def online_meetings(self) -> MeOnlineMeetingsBuilder:\n" in me
