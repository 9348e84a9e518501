"""Which files make up a data folder, and which do not belong there.

The layout is part of the contract (DESIGN §2–3): ``programme.yaml``,
``decisions.yaml``, ``updates/<agency>/<YYYY-Qn>.yaml`` and ``source/``. Anything else is
reported, not silently ignored — a misnamed update file would otherwise never count.
Symbolic links are refused everywhere: a link could smuggle in a file from outside the
repository or from another agency's folder.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.problems import Problem

PROGRAMME_FILE = "programme.yaml"
DECISIONS_FILE = "decisions.yaml"
UPDATES_DIR = "updates"
SOURCE_DIR = "source"
_UPDATE_NAME = re.compile(r"[0-9]{4}-Q[1-4]\.yaml\Z")


def display_path(path: Path) -> str:
    """A path as users and CI annotations want it: relative to the working folder."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def display_under(root: Path) -> Callable[[Path], str]:
    """:func:`display_path` for many files under ``root``, resolving ``root`` once.

    Only for paths reached from ``root`` without a symbolic link (what :func:`scan`
    returns, since it refuses links): resolving each of thousands of files again is
    the slowest part of reading a national roll-up's folder names.
    """
    try:
        base, cwd = root.resolve(), Path.cwd().resolve()
    except OSError:
        return display_path
    try:
        shown_root: str | None = base.relative_to(cwd).as_posix()
    except ValueError:  # the folder is outside the working folder: paths as given
        shown_root = None
    below = relative_text(root)

    def show(path: Path) -> str:
        rel = below(path)
        if rel is None:
            return display_path(path)
        if shown_root is None:
            return path.as_posix()
        return rel if shown_root == "." else f"{shown_root}/{rel}"

    return show


def relative_text(root: Path) -> Callable[[Path], str | None]:
    """``path`` relative to ``root`` as POSIX text (None when not below it), by string
    arithmetic on paths built as ``root / …``: pathlib's ``relative_to`` costs more than
    reading a small file, which adds up over a national roll-up's thousands of files."""
    top = str(root)
    prefix = "" if top == "." else top if top.endswith(os.sep) else top + os.sep

    def below(path: Path) -> str | None:
        text = str(path)
        if not text.startswith(prefix) or (not prefix and path.is_absolute()):
            try:
                return path.relative_to(root).as_posix()
            except ValueError:
                return None
        rel = text[len(prefix) :]
        return rel.replace(os.sep, "/") if os.sep != "/" else rel

    return below


def _ignored(path: Path) -> bool:
    """Hidden files (.gitkeep, editor files) and READMEs are the users' own business."""
    return path.name.startswith(".") or path.name.upper().startswith("README")


@dataclass
class Layout:
    """The update files found, and the problems with everything else."""

    update_files: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def report(self, path: Path, code: str, **args: object) -> None:
        self.problems.append(Problem.at(display_path(path), (0, 0), code, name=path.name, **args))


def scan(root: Path, agencies: Collection[str] | None) -> Layout:
    """Find the update files under ``root`` and report what does not belong.

    ``agencies`` are the known agency ids (None when the programme could not be read:
    folder names are then not judged).
    """
    layout = Layout()
    for entry in sorted(root.iterdir()):
        if entry.is_symlink():
            layout.report(entry, "AP219")
        elif _ignored(entry) or entry.name in (PROGRAMME_FILE, DECISIONS_FILE, SOURCE_DIR):
            continue
        elif entry.name != UPDATES_DIR or not entry.is_dir():
            layout.report(entry, "AP216")
    updates = root / UPDATES_DIR
    if updates.is_dir() and not updates.is_symlink():
        for folder in sorted(updates.iterdir()):
            _scan_agency_folder(folder, agencies, layout)
    return layout


def _scan_agency_folder(folder: Path, agencies: Collection[str] | None, layout: Layout) -> None:
    if folder.is_symlink():
        layout.report(folder, "AP219")
        return
    if _ignored(folder):
        return
    if not folder.is_dir():
        layout.report(folder, "AP221")
        return
    if agencies is not None and folder.name not in agencies:
        layout.report(folder, "AP209", folder=folder.name, known=", ".join(sorted(agencies)))
    # os.scandir knows each entry's type without a stat per file (thousands per folder
    # in a national roll-up); the checks and their order are those of Path's methods.
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            path = folder / entry.name
            if entry.is_symlink():
                layout.report(path, "AP219")
            elif _ignored(path):
                continue
            elif entry.is_dir():
                layout.report(path, "AP220")
            elif not _UPDATE_NAME.match(entry.name):
                layout.report(path, "AP217")
            else:
                layout.update_files.append(path)
