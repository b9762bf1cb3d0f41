"""The published hook, run by the real pre-commit in a temporary git repository.

pre-commit installs gen-graph from a clone of this repository's committed HEAD, non-editably,
in a virtualenv of its own (its dependencies come from the package index); the user repository
configures gen-graph in [tool.gen-graph], so the hook is a bare `gen-graph`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DOCS_INPUT, ROOT

GIT = shutil.which("git")


def git(repo: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False
    )


@pytest.mark.skipif(GIT is None, reason="git is not installed")
def test_hook_fails_the_commit_regenerates_then_passes(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_CONFIG_NOSYSTEM": "1",
        "HOME": str(tmp_path / "home"),
    }
    (tmp_path / "home").mkdir()
    # the hook's repository: this worktree's committed HEAD
    hook_repo = tmp_path / "gen-graph"
    assert git(tmp_path, "clone", "-q", str(ROOT), str(hook_repo), env=env).returncode == 0
    rev = git(hook_repo, "rev-parse", "HEAD", env=env).stdout.strip()

    repo = tmp_path / "user"
    repo.mkdir()
    assert git(repo, "init", "-q", env=env).returncode == 0
    shutil.copytree(DOCS_INPUT, repo / "docs")
    (repo / "pyproject.toml").write_text(
        '[tool.gen-graph]\ndocs = "docs"\noutput = "sdk"\n', encoding="utf-8"
    )
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {hook_repo}\n    rev: {rev}\n    hooks:\n      - id: gen-graph\n",
        encoding="utf-8",
    )
    generate = subprocess.run(
        [sys.executable, "-m", "generator", "-q"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert generate.returncode == 0, generate.stderr
    assert git(repo, "add", "-A", env=env).returncode == 0
    assert git(repo, "commit", "-qm", "start", env=env).returncode == 0
    install = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stderr

    page = repo / "docs" / "resources" / "user.md"
    page.write_text(page.read_text().replace("The SMTP address", "The e-mail address"))
    git(repo, "add", "docs", env=env)
    first = git(repo, "commit", "-m", "edit a page", env=env)
    assert first.returncode != 0, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout + first.stderr
    assert "The e-mail address" in (repo / "sdk" / "models" / "user.py").read_text()

    git(repo, "add", "-A", env=env)
    second = git(repo, "commit", "-m", "edit a page", env=env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert git(repo, "status", "--porcelain", env=env).stdout == ""
