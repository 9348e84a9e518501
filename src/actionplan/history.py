"""The audit trail of one task: every entry and decision on it, with the commit that made it.

Git is walked once (``git log --raw`` over ``updates/`` and ``decisions.yaml``, oldest
first). For each commit, every changed file is compared with its own previous version
(the blob the commit replaced), so the result is right on merged branches too: an
entry is *added* by the commit where it first appears, *changed* by one that edits it
and *removed* by one that takes it out. Files are read as plain YAML values, not
validated: the trail shows what was written, even an entry ``check`` would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from actionplan.gitdata import Commit, FileChange, Repo, log_changes, read_blobs
from actionplan.layout import DECISIONS_FILE, UPDATES_DIR
from actionplan.loader import load_bytes

Values = dict[str, Any]  # an entry or decision as written: plain strings, lists, None


@dataclass(frozen=True)
class Event:
    """One entry or decision on the task, as one commit added, changed or removed it."""

    commit: Commit
    path: str  # the file, relative to the repository
    kind: str  # entry | decision
    change: str  # added | changed | removed
    values: Values  # after the change (before it, for a removal)
    header: Values  # an update file's agency, period and submitted


@dataclass(frozen=True)
class _Parsed:
    header: Values
    items: dict[tuple[Any, ...], Values]


_EMPTY = _Parsed({}, {})


def task_history(repo: Repo, task_id: str) -> list[Event]:
    """Every event on ``task_id`` in the repository's history, oldest first."""
    decisions = repo.prefix + DECISIONS_FILE
    updates = repo.prefix + UPDATES_DIR + "/"
    log = log_changes(repo.top, [updates.rstrip("/"), decisions])

    def kind_of(path: str | None) -> str | None:
        if path == decisions:
            return "decision"
        if path and path.startswith(updates) and path.endswith(".yaml"):
            return "entry" if len(PurePosixPath(path[len(updates) :]).parts) == 2 else None
        return None

    wanted = [
        oid
        for _commit, changes in log
        for change in changes
        if kind_of(change.path) or kind_of(change.old_path)
        for oid in (change.old_oid, change.new_oid)
        if oid
    ]
    blobs = read_blobs(repo.top, wanted)
    cache: dict[tuple[str, str], _Parsed] = {}

    def parsed(oid: str | None, kind: str | None, path: str) -> _Parsed:
        if oid is None or kind is None:
            return _EMPTY
        if (oid, kind) not in cache:
            cache[(oid, kind)] = _parse(blobs[oid], path, kind, task_id)
        return cache[(oid, kind)]

    events = []
    for commit, changes in log:
        for change in changes:
            kind = kind_of(change.path) or kind_of(change.old_path)
            if kind is None:
                continue
            old = parsed(change.old_oid, kind_of(change.old_path), change.old_path or "")
            new = parsed(change.new_oid, kind_of(change.path), change.path)
            events += _events(commit, change, kind, old, new)
    return events


def _events(
    commit: Commit, change: FileChange, kind: str, old: _Parsed, new: _Parsed
) -> list[Event]:
    found = []
    for key, values in new.items.items():
        before = old.items.get(key)
        if before != values:
            state = "added" if before is None else "changed"
            found.append(Event(commit, change.path, kind, state, values, new.header))
    for key, values in old.items.items():
        if key not in new.items:
            path = change.old_path or change.path
            found.append(Event(commit, path, kind, "removed", values, old.header))
    return found


def _parse(raw: bytes, path: str, kind: str, task_id: str) -> _Parsed:
    """The items on ``task_id`` in one version of a file; unreadable YAML has none."""
    # Most versions of most files never mention the task: skip parsing them. A backslash
    # may be a YAML escape spelling the id differently ("1.1.\\x34"), so parse those.
    if task_id.encode() not in raw and b"\\" not in raw:
        return _EMPTY
    doc, _problems = load_bytes(raw, path)
    data = doc.data if doc is not None else None
    if not isinstance(data, dict):
        return _EMPTY
    header = {key: data.get(key) for key in ("agency", "period", "submitted")}
    listed = data.get("decisions" if kind == "decision" else "updates")
    items: dict[tuple[Any, ...], Values] = {}
    for item in listed if isinstance(listed, list) else []:
        if not isinstance(item, dict) or item.get("task") != task_id:
            continue
        # One entry per milestone in a file (AP213); decisions are told apart by their
        # reference. A repeated key (an error check reports) still gets its own slot.
        base: tuple[Any, ...] = (item.get("milestone"),)
        if kind == "decision":
            base += (item.get("action"), item.get("ref"))
        key = base + (sum(1 for k in items if k[:-1] == base),)
        items[key] = item
    return _Parsed(header if kind == "entry" else {}, items)
