"""--watch regenerates when a page changes and says which page."""

from __future__ import annotations

import queue
import signal
import subprocess
import threading
from pathlib import Path

from tests.conftest import ROOT
from tests.incremental.conftest import generator_command, make_docs


def test_watch_regenerates_and_says_what_changed(tmp_path: Path) -> None:
    docs = make_docs(tmp_path / "docs")
    out = tmp_path / "sdk"
    process = subprocess.Popen(
        generator_command(str(docs), "-o", str(out), "--watch"),
        cwd=ROOT,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stderr is not None
    stderr = process.stderr
    threading.Thread(target=lambda: [lines.put(line) for line in stderr], daemon=True).start()

    def wait_for(prefix: str) -> str:
        # a guard against hanging forever, not a speed requirement
        while True:
            line = lines.get(timeout=600)
            if line.startswith(prefix):
                return line

    try:
        wait_for("gen-graph: watching")
        assert "The SMTP address" in (out / "models" / "user.py").read_text()
        page = docs / "resources" / "user.md"
        original = page.read_text()
        changed = ""
        for attempt in range(100):  # the watcher may start listening just after it says so
            page.write_text(original.replace("The SMTP address", f"The e-mail address {attempt}"))
            try:
                while not changed.startswith("gen-graph: modified"):
                    changed = lines.get(timeout=3)
                break
            except queue.Empty:
                continue
        assert changed.strip() == "gen-graph: modified resources/user.md"
        wait_for("gen-graph: 4 pages")
        assert "The e-mail address" in (out / "models" / "user.py").read_text()
    finally:
        process.send_signal(signal.SIGINT)
        try:
            assert process.wait(timeout=600) in (0, 130)
        finally:
            process.kill()
