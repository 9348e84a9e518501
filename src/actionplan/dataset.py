"""The data folder as one value: every file loaded, validated and checked.

``load_dataset(root)`` is the *load* and *validate* stages of the pipeline for a whole
folder: it never raises for bad content, it returns problems; only a folder that
cannot be used at all (missing, not a folder) raises :class:`ActionplanError`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.checks import check_programme
from actionplan.i18n import _
from actionplan.loader import Document, load_file
from actionplan.models import Decision, Decisions, Programme, UpdateFile
from actionplan.problems import ActionplanError, Problem, has_errors
from actionplan.validate import validate_document

PROGRAMME_FILE = "programme.yaml"
DECISIONS_FILE = "decisions.yaml"
UPDATES_DIR = "updates"
DATA_ENV = "ACTIONPLAN_DATA"


@dataclass
class Dataset:
    root: Path
    programme: Programme | None = None
    updates: list[UpdateFile] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # files read, loaded or not

    @property
    def ok(self) -> bool:
        return self.programme is not None and not has_errors(self.problems)


def resolve_data_dir(option: Path | None) -> Path:
    """``--data DIR``, else ``$ACTIONPLAN_DATA``, else ``./data``; must be a folder."""
    root = option or Path(os.environ.get(DATA_ENV) or "data")
    if not root.exists():
        raise ActionplanError(
            _("Data folder {path} not found; pass --data DIR or set {env}.").format(
                path=root, env=DATA_ENV
            )
        )
    if not root.is_dir():
        raise ActionplanError(_("{path} is not a folder; pass --data DIR.").format(path=root))
    return root


def display_path(path: Path) -> str:
    """A path as users and CI annotations want it: relative to the working folder."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def load_dataset(root: Path) -> Dataset:
    dataset = Dataset(root)
    programme_path = root / PROGRAMME_FILE
    if not programme_path.is_file():
        dataset.problems.append(
            Problem.at(display_path(programme_path), (0, 0), "AP016", name=PROGRAMME_FILE)
        )
        return dataset
    doc = _load(dataset, programme_path)
    if doc is not None:
        programme, problems = validate_document(doc, Programme)
        dataset.problems += problems
        if programme is not None:
            dataset.problems += check_programme(programme, doc)
            dataset.programme = programme
    decisions_path = root / DECISIONS_FILE
    if decisions_path.exists():
        doc = _load(dataset, decisions_path)
        if doc is not None:
            decisions, problems = validate_document(doc, Decisions)
            dataset.problems += problems
            dataset.decisions = list(decisions.decisions) if decisions else []
    for path in sorted((root / UPDATES_DIR).glob("*/*.yaml")):
        doc = _load(dataset, path)
        if doc is not None:
            update, problems = validate_document(doc, UpdateFile)
            dataset.problems += problems
            if update is not None:
                dataset.updates.append(update)
    dataset.problems.sort()
    return dataset


def _load(dataset: Dataset, path: Path) -> Document | None:
    name = display_path(path)
    dataset.files += 1
    doc, problems = load_file(path, name)
    dataset.problems += problems
    if doc is not None:
        dataset.documents[name] = doc
    return doc
