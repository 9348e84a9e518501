"""Reading the data's git history: the one module that runs ``git``.

Every call goes through :func:`run_git`, which turns a missing git, a folder outside a
repository or a failing command into :class:`GitError` (an :class:`ActionplanError`
with a plain message), never a traceback.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from actionplan.i18n import _
from actionplan.problems import ActionplanError


class GitError(ActionplanError):
    """git is missing, the folder is not in a repository, or a git command failed."""


def run_git(args: list[str], cwd: Path) -> str:
    """Run ``git args`` in ``cwd`` and return its standard output."""
    git = shutil.which("git")
    if git is None:
        raise GitError(_("git is not installed or not on PATH."))
    try:
        done = subprocess.run(  # noqa: S603 (fixed executable, arguments are ours)
            [git, *args],
            cwd=cwd,
            capture_output=True,
            check=False,
            env=_git_env(),
        )
    except OSError as exc:
        raise GitError(_("Cannot run git: {reason}.").format(reason=exc.strerror or exc)) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(
            _("git {command} failed: {detail}").format(
                command=args[0], detail=detail[-1] if detail else done.returncode
            )
        )
    return done.stdout.decode("utf-8", "replace")


def _git_env() -> dict[str, str]:
    env = dict(os.environ)
    # Stable, machine-readable output whatever the user's configuration.
    env.update({"LC_ALL": "C", "GIT_PAGER": "cat", "GIT_TERMINAL_PROMPT": "0"})
    return env


@dataclass(frozen=True)
class Revision:
    commit: str  # short hash
    modified: bool  # the working tree differs from the commit (under the data folder)

    def __str__(self) -> str:
        return self.commit + ("+" if self.modified else "")


def revision(path: Path) -> Revision | None:
    """The commit the data at ``path`` comes from, or None outside a git repository."""
    try:
        commit = run_git(["rev-parse", "--short", "HEAD"], path).strip()
        status = run_git(["status", "--porcelain", "--", "."], path)
    except GitError:
        return None
    return Revision(commit, bool(status.strip()))
