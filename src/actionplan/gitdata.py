"""Reading the data's git history: the one module that runs ``git``.

Every call goes through :func:`run_git_bytes`, which turns a missing git, a folder
outside a repository or a failing command into :class:`GitError` (an
:class:`ActionplanError` with a plain message), never a traceback. Output is read in
git's machine formats (``-z``, ``--raw``, ``--no-abbrev``), so file names with spaces,
quotes or Vietnamese letters come through unchanged whatever the user's configuration.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from actionplan.i18n import _
from actionplan.problems import ActionplanError

SYMLINK_MODE = "120000"
GITLINK_MODE = "160000"  # a submodule: a commit, not a blob


class GitError(ActionplanError):
    """git is missing, the folder is not in a repository, or a git command failed."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail  # git's own last line of stderr, in English (LC_ALL=C)


def run_git_bytes(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    """Run ``git args`` in ``cwd`` (feeding ``stdin``) and return its raw standard output."""
    git = shutil.which("git")
    if git is None:
        raise GitError(_("git is not installed or not on PATH."))
    try:
        done = subprocess.run(  # noqa: S603 (fixed executable, arguments are ours)
            [git, *args],
            cwd=cwd,
            input=stdin,
            capture_output=True,
            check=False,
            env=_git_env(),
        )
    except OSError as exc:
        raise GitError(_("Cannot run git: {reason}.").format(reason=exc.strerror or exc)) from exc
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = lines[-1] if lines else str(done.returncode)
        raise GitError(
            _("git {command} failed: {detail}").format(command=args[0], detail=detail), detail
        )
    return done.stdout


def run_git(args: list[str], cwd: Path) -> str:
    """Run ``git args`` in ``cwd`` and return its standard output as text."""
    return run_git_bytes(args, cwd).decode("utf-8", "replace")


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


@dataclass(frozen=True)
class Repo:
    """The repository holding a data folder; git paths are relative to ``top``."""

    top: Path
    prefix: str  # the data folder relative to ``top``: "data/", or "" at the root


def locate_repo(data_dir: Path) -> Repo:
    """The repository of ``data_dir``; outside one, a plain :class:`GitError`."""
    try:
        out = run_git(["rev-parse", "--show-toplevel", "--show-prefix"], data_dir)
    except GitError as exc:
        if "not a git repository" in exc.detail:
            raise GitError(
                _(
                    "{path} is not in a git repository; this command reads the data's git history."
                ).format(path=data_dir),
                exc.detail,
            ) from None
        raise
    top, prefix = (out.split("\n") + ["", ""])[:2]
    return Repo(Path(top), prefix)


def resolve_commit(top: Path, rev: str) -> str:
    """The full hash of the commit ``rev`` names; an unknown name is a plain error."""
    unknown = GitError(
        _(
            "Revision '{rev}' is not in this repository; check the name, or fetch it "
            "(in CI: the checkout step needs fetch-depth: 0)."
        ).format(rev=rev)
    )
    if not rev or rev.startswith("-"):  # would be read as an option
        raise unknown
    try:
        return run_git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top).strip()
    except GitError as exc:
        raise unknown from exc


@dataclass(frozen=True)
class FileChange:
    """One file changed between two trees, as ``git diff --raw -M`` reports it."""

    status: str  # A added, M modified, D deleted, R renamed, T type changed (C copied)
    path: str  # the path in the new tree (for D, the deleted path)
    old_path: str | None  # the path in the old tree (None for A)
    new_mode: str
    old_oid: str | None  # None when there is no old blob
    new_oid: str | None  # None when there is no new blob


_NO_OID = frozenset({"0" * 40, "0" * 64})


def _parse_raw(tokens: list[str]) -> list[FileChange]:
    """``:oldmode newmode oldoid newoid status\\0path\\0[path2\\0]`` records."""
    changes = []
    i = 0
    while i < len(tokens):
        meta = tokens[i].lstrip("\n").lstrip(":").split()
        if len(meta) < 5:
            i += 1
            continue
        _old_mode, new_mode, old_oid, new_oid, status = meta[:5]
        letter = status[0]
        old_path: str | None
        if letter in "RC":
            old_path, path = tokens[i + 1], tokens[i + 2]
            i += 3
        else:
            path = tokens[i + 1]
            old_path = None if letter == "A" else path
            i += 2
        changes.append(
            FileChange(
                letter,
                path,
                old_path,
                new_mode,
                None if old_oid in _NO_OID else old_oid,
                None if new_oid in _NO_OID else new_oid,
            )
        )
    return changes


_RAW = ["--raw", "-z", "--no-abbrev", "-M", "--no-color", "--no-ext-diff"]


def changed_files(top: Path, base: str, head: str) -> list[FileChange]:
    """What ``head`` changed since it left ``base`` (``git diff BASE...HEAD``)."""
    out = run_git(["diff", *_RAW, f"{base}...{head}", "--"], top)
    return _parse_raw(out.split("\0"))


@dataclass(frozen=True)
class TreeEntry:
    mode: str
    oid: str
    size: int | None  # None for a submodule
    path: str  # relative to the repository's top


def list_tree(top: Path, commit: str, prefix: str) -> list[TreeEntry]:
    """Every file under ``prefix`` in ``commit``, with its mode and size."""
    pathspec = prefix.rstrip("/") or "."
    out = run_git(["ls-tree", "-r", "-l", "-z", "--full-tree", commit, "--", pathspec], top)
    entries = []
    for record in filter(None, out.split("\0")):
        meta, _tab, path = record.partition("\t")
        mode, _kind, oid, size = meta.split()
        entries.append(TreeEntry(mode, oid, int(size) if size.isdigit() else None, path))
    return entries


def read_blobs(top: Path, oids: list[str]) -> dict[str, bytes]:
    """The contents of the blobs ``oids``, read in one ``git cat-file --batch``."""
    if not oids:
        return {}
    unique = list(dict.fromkeys(oids))
    out = run_git_bytes(["cat-file", "--batch"], top, ("\n".join(unique) + "\n").encode())
    blobs: dict[str, bytes] = {}
    pos = 0
    for oid in unique:
        end = out.index(b"\n", pos)
        header = out[pos:end].split()  # <oid> <type> <size>, or <oid> missing
        if len(header) != 3:
            detail = out[pos:end].decode("utf-8", "replace")
            raise GitError(
                _("git {command} failed: {detail}").format(command="cat-file", detail=detail)
            )
        size = int(header[2])
        blobs[oid] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1  # the content is followed by a newline
    return blobs


@dataclass(frozen=True)
class Commit:
    sha: str
    author: str
    email: str
    date: str  # the author date, ISO 8601 with its offset

    @property
    def short(self) -> str:
        # --no-abbrev (needed for the blob ids) applies to %h too, so shorten here.
        return self.sha[:7]


def log_changes(top: Path, paths: list[str]) -> list[tuple[Commit, list[FileChange]]]:
    """Every commit that changed ``paths``, oldest first, with its changes to them.

    Merge commits are listed without changes: git shows the branch's own commits,
    which is where an entry was written.
    """
    fmt = "%x1e%H%x1f%aN%x1f%aE%x1f%aI"
    out = run_git(
        ["log", "--reverse", "--no-show-signature", f"--format={fmt}", *_RAW, "--", *paths], top
    )
    history = []
    for record in filter(None, out.split("\x1e")):
        header, _nul, rest = record.partition("\0")
        sha, author, email, day = header.split("\x1f")
        history.append((Commit(sha, author, email, day), _parse_raw(rest.split("\0"))))
    return history
