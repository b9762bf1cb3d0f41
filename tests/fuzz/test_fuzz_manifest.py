"""The manifest is written by hand-made JSON (emit/write.py `manifest_json`); it must be the
very bytes `json.dumps(..., indent=1, sort_keys=True)` gives, whatever the paths hold."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.emit.write import manifest_files, manifest_json


@settings(max_examples=300, deadline=None, derandomize=True)
@given(files=st.dictionaries(st.text(), st.text()), generator=st.text())
def test_the_manifest_is_what_json_dumps_gives(files: dict[str, str], generator: str) -> None:
    expected = json.dumps({"generator": generator, "files": files}, indent=1, sort_keys=True)
    made = manifest_json(files, generator)
    assert made == (expected + "\n").encode()
    assert manifest_files(made) == files
