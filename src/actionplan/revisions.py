"""The data folder as it was at a git revision, loaded exactly like the working tree.

There is one way to load data: :func:`actionplan.dataset.load_dataset` over a folder.
A revision's data folder is therefore written out into a temporary folder from git's
blobs and loaded from there, so ``check --base``, ``diff`` and the plain ``check`` can
never disagree about what a file means. Symbolic links are written as links that
point nowhere: the layout scan reports them (AP219) and nothing can follow them.
Problem paths are rewritten to the file's path in the repository.
"""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from actionplan.dataset import Dataset, load_dataset
from actionplan.gitdata import (
    GITLINK_MODE,
    SYMLINK_MODE,
    FileChange,
    Repo,
    TreeEntry,
    changed_files,
    list_tree,
    read_blobs,
    resolve_commit,
)
from actionplan.layout import SOURCE_DIR, display_path
from actionplan.loader import MAX_BYTES
from actionplan.update_checks import LoadedUpdate

# A dangling, relative target: even code that followed the link would find nothing.
_LINK_TARGET = ".actionplan-symbolic-link-not-followed"


@dataclass
class RevisionData:
    """One revision's data folder: the loaded dataset and its files by repository path."""

    rev: str  # as the user wrote it
    commit: str  # full hash
    dataset: Dataset
    updates: dict[str, LoadedUpdate]  # repository path → loaded update file
    symlinks: frozenset[str]  # repository paths of symbolic links under the data folder

    @property
    def short(self) -> str:
        return self.commit[:7]


@dataclass
class PullRequest:
    """What ``check --base`` judges: the change set and both sides' data."""

    repo: Repo
    changes: list[FileChange]
    base: RevisionData
    head: RevisionData


def load_revision(repo: Repo, rev: str) -> RevisionData:
    """The data folder of ``repo`` at ``rev`` (a commit-ish), loaded and checked."""
    commit = resolve_commit(repo.top, rev)
    entries = list_tree(repo.top, commit, repo.prefix)
    root = Path(tempfile.mkdtemp(prefix="actionplan-")).resolve()
    try:
        _write_tree(repo, entries, root)
        dataset = load_dataset(root, cache=False)  # a temporary checkout: nothing to reuse
    finally:
        shutil.rmtree(root, ignore_errors=True)
    shown = display_path(root)
    updates = _relocate(dataset, shown, repo.prefix)
    symlinks = frozenset(e.path for e in entries if e.mode == SYMLINK_MODE)
    return RevisionData(rev, commit, dataset, updates, symlinks)


def load_pull_request(repo: Repo, base: str, head: str = "HEAD") -> PullRequest:
    """The change set ``base...head`` and the data of both revisions."""
    base_data = load_revision(repo, base)
    head_data = load_revision(repo, head)
    changes = changed_files(repo.top, base_data.commit, head_data.commit)
    return PullRequest(repo, changes, base_data, head_data)


def _write_tree(repo: Repo, entries: list[TreeEntry], root: Path) -> None:
    """Write the blobs under the data folder into ``root`` (``source/`` is never read)."""
    wanted: list[tuple[TreeEntry, Path]] = []
    for entry in entries:
        relative = _relative_parts(entry.path, repo.prefix)
        if relative is None or (len(relative) > 1 and relative[0] == SOURCE_DIR):
            continue
        target = root.joinpath(*relative)
        target.parent.mkdir(parents=True, exist_ok=True)
        if entry.mode == SYMLINK_MODE:
            target.symlink_to(_LINK_TARGET)
        elif entry.mode == GITLINK_MODE:
            target.mkdir(exist_ok=True)  # as a checkout leaves a submodule: empty
        elif entry.size is not None and entry.size > MAX_BYTES:
            # The loader refuses it by its size (AP002); never read it into memory.
            with target.open("wb") as handle:
                handle.truncate(entry.size)
        else:
            wanted.append((entry, target))
    blobs = read_blobs(repo.top, [entry.oid for entry, _target in wanted])
    for entry, target in wanted:
        target.write_bytes(blobs[entry.oid])


def _relative_parts(path: str, prefix: str) -> tuple[str, ...] | None:
    """``path`` inside the data folder as safe parts, or None outside it."""
    if not path.startswith(prefix):
        return None
    parts = PurePosixPath(path[len(prefix) :]).parts
    # git refuses such trees on checkout; a crafted one must not write outside ``root``
    # (an absolute path's first part is "/").
    if not parts or any(part in (".", "..") or "/" in part for part in parts):
        return None
    return parts


def _relocate(dataset: Dataset, shown_root: str, prefix: str) -> dict[str, LoadedUpdate]:
    """Rewrite every path from the temporary folder to the repository's."""

    def moved(path: str) -> str:
        if path == shown_root:
            return prefix.rstrip("/") or "."
        if path.startswith(shown_root + "/"):
            return prefix + path[len(shown_root) + 1 :]
        return path

    dataset.problems = sorted(dataclasses.replace(p, path=moved(p.path)) for p in dataset.problems)
    documents = {}
    for doc in dataset.documents.values():
        doc.path = moved(doc.path)  # later problems located in it name the repository path
        documents[doc.path] = doc
    dataset.documents = documents
    dataset.root = Path(prefix or ".")
    updates = {}
    for item in dataset.update_files:
        path = moved(display_path(item.path))
        updates[path] = dataclasses.replace(item, path=Path(path))
    dataset.update_files = list(updates.values())
    return updates
