"""Real git repositories in temporary folders, for the git features' tests (no mocked git).

Each repository has its own identity and ignores the machine's git configuration, and
every commit gets fixed author and committer dates, so hashes and outputs are stable.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from actionplan.app import app

FIXTURES = Path(__file__).parent / "fixtures"
PROGRAMME = FIXTURES / "alerts" / "programme.yaml"  # agencies van-phong (secretariat), ubnd,
# ban-to-chuc; tasks 1.1.1 (ubnd), 1.1.2 (ubnd + ban-to-chuc), 1.1.3 and 1.2.1 (ban-to-chuc)
DEFAULT_AUTHOR = ("Nguyễn Văn A", "a@example.org")
DEFAULT_DATE = "2026-10-05T09:00:00+07:00"


def git_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update({"GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "LC_ALL": "C"})
    return env


class GitRepo:
    """A repository at ``root`` with helpers to write files and commit them."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")
        self.git("config", "user.name", "Test")
        self.git("config", "user.email", "test@example.org")
        self.git("config", "commit.gpgsign", "false")

    def git(self, *args: str, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            ["git", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            check=True,
            env={**git_env(), **(env or {})},
        )
        return done.stdout

    def write(self, path: str, text: str) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def commit(
        self,
        message: str,
        author: tuple[str, str] = DEFAULT_AUTHOR,
        when: str = DEFAULT_DATE,
    ) -> str:
        """Stage everything and commit it; returns the full hash."""
        self.git("add", "-A")
        self.git(
            "commit",
            "-q",
            "--allow-empty",
            "-m",
            message,
            env={
                "GIT_AUTHOR_NAME": author[0],
                "GIT_AUTHOR_EMAIL": author[1],
                "GIT_AUTHOR_DATE": when,
                "GIT_COMMITTER_DATE": when,
            },
        )
        return self.git("rev-parse", "HEAD").strip()

    def branch(self, name: str, start: str = "HEAD") -> None:
        self.git("checkout", "-q", "-b", name, start)


def update_file(agency: str, period: str, submitted: str, *entries: dict[str, Any]) -> str:
    """The text of an update file with ``entries`` (flat mappings of plain values)."""
    lines = [f"agency: {agency}", f"period: {period}", f"submitted: {submitted}", "updates:"]
    for entry in entries:
        first = True
        for key, value in entry.items():
            shown = f'"{value}"' if key in ("task", "note", "obstacles") else str(value)
            lines.append(f"  {'- ' if first else '  '}{key}: {shown}")
            first = False
    return "\n".join(lines) + "\n" if entries else "\n".join(lines) + " []\n"


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """A repository whose main branch holds the programme and one ubnd report (2026-Q3)."""
    made = GitRepo(tmp_path / "repo")
    made.write("data/programme.yaml", PROGRAMME.read_text(encoding="utf-8"))
    made.write("data/decisions.yaml", "decisions: []\n")
    made.write(
        "data/updates/ubnd/2026-Q3.yaml",
        update_file("ubnd", "2026-Q3", "2026-10-05", {"task": "1.1.4", "status": "in_progress"}),
    )
    made.write("src/tool.py", "print('tool')\n")
    made.commit("Programme and the first report", when="2026-10-05T09:00:00+07:00")
    return made


_MODULES = ("actionplan.commands.diff", "actionplan.commands.history")
_INFOS: list[Any] = []  # their registrations, kept to re-add after a removal


@pytest.fixture
def commands() -> Iterator[None]:
    """``diff`` and ``history`` registered on the app for the test and removed after, so
    the README test sees only what :mod:`actionplan.cli` registers. Once the CLI imports
    these modules itself, this fixture does nothing."""
    from actionplan import cli

    if all(hasattr(cli, name.rsplit(".", 1)[1]) for name in _MODULES):
        yield
        return
    from actionplan.commands import diff, history  # noqa: F401 (registers on first import)

    if not _INFOS:
        _INFOS.extend(c for c in app.registered_commands if _is_ours(c))
    app.registered_commands.extend(i for i in _INFOS if i not in app.registered_commands)
    yield
    for info in _INFOS:
        app.registered_commands.remove(info)


def _is_ours(info: Any) -> bool:
    return info.callback is not None and info.callback.__module__ in _MODULES


def without_git_path(tmp_path: Path) -> str:
    """A PATH holding python but not git (for 'git is not installed')."""
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    python = shutil.which("python3") or shutil.which("python")
    assert python is not None
    (folder / "python3").symlink_to(python)
    return str(folder)
