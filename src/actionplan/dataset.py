"""The data folder as one value: every file loaded, validated and checked.

``load_dataset(root)`` is the *load* and *validate* stages of the pipeline for a whole
folder: it never raises for bad content, it returns problems; only a folder that
cannot be used at all (missing, not a folder) raises :class:`ActionplanError`.

Files the cache has seen (:mod:`actionplan.cache`) are not parsed again; their models
are built from the cached trees the first time ``programme``, ``update_files``,
``decisions`` or ``documents`` is read, so ``check`` (problems only) skips that work.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from actionplan import cache as cache_policy
from actionplan.cache import Cache
from actionplan.datafiles import DataFile, Run
from actionplan.gcpause import paused_gc
from actionplan.i18n import _
from actionplan.layout import DECISIONS_FILE, PROGRAMME_FILE, display_path, display_under, scan
from actionplan.problems import ActionplanError, Problem, has_errors

if TYPE_CHECKING:  # the models (pydantic) load only when a caller reads them
    from actionplan.loader import Document
    from actionplan.models import Decision, Programme, UpdateFile
    from actionplan.update_checks import LoadedUpdate

__all__ = [
    "DATA_ENV",
    "PROGRAMME_FILE",
    "Dataset",
    "display_path",
    "load_dataset",
    "resolve_data_dir",
]

DATA_ENV = "ACTIONPLAN_DATA"


class Dataset:
    """A loaded data folder: its problems, and (built on first use) its models."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.problems: list[Problem] = []
        self.files = 0  # files read, loaded or not
        self._programme: Programme | None = None
        self._update_files: list[LoadedUpdate] = []
        self._decisions: list[Decision] = []
        self._documents: dict[str, Document] = {}
        self._pending: Callable[[], None] | None = None

    def defer(self, build: Callable[[], None]) -> None:
        """Have ``build`` fill the models the first time one of them is read."""
        self._pending = build

    def _ready(self) -> None:
        if self._pending is not None:
            pending, self._pending = self._pending, None
            with paused_gc():
                pending()

    @property
    def programme(self) -> Programme | None:
        self._ready()
        return self._programme

    @programme.setter
    def programme(self, value: Programme | None) -> None:
        self._ready()
        self._programme = value

    @property
    def update_files(self) -> list[LoadedUpdate]:
        self._ready()
        return self._update_files

    @update_files.setter
    def update_files(self, value: list[LoadedUpdate]) -> None:
        self._ready()
        self._update_files = value

    @property
    def decisions(self) -> list[Decision]:
        self._ready()
        return self._decisions

    @decisions.setter
    def decisions(self, value: list[Decision]) -> None:
        self._ready()
        self._decisions = value

    @property
    def documents(self) -> dict[str, Document]:
        self._ready()
        return self._documents

    @documents.setter
    def documents(self, value: dict[str, Document]) -> None:
        self._ready()
        self._documents = value

    @property
    def ok(self) -> bool:
        return self.programme is not None and not has_errors(self.problems)

    @property
    def updates(self) -> list[UpdateFile]:
        return [item.update for item in self.update_files]


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


def load_dataset(root: Path, *, cache: bool | None = None) -> Dataset:
    """Load, validate and cross-check every file under ``root`` (problems as data).

    ``cache``: use the folder's cache (default: yes unless ``ACTIONPLAN_NO_CACHE`` is
    set); the problems and models are the same either way.
    """
    store = Cache.open(root) if cache_policy.enabled(cache) else None
    with paused_gc():
        run = Run(root, store, display_under(root))
        dataset = _load(root, run)
    if store is not None:
        store.save(run.groups())
    return dataset


def _load(root: Path, run: Run) -> Dataset:
    dataset = Dataset(root)
    programme_path = root / PROGRAMME_FILE
    if programme_path.is_symlink():
        pass  # refused by the layout scan (AP219); never followed
    elif not programme_path.is_file():
        dataset.problems.append(
            Problem.at(display_path(programme_path), (0, 0), "AP016", name=PROGRAMME_FILE)
        )
    else:
        programme = run.read(programme_path, "programme")
        dataset.problems += programme.problems
        if programme.valid:
            run.programme = programme
    layout = scan(root, run.programme.agencies if run.programme else None)
    dataset.problems += layout.problems
    decisions_path = root / DECISIONS_FILE
    if decisions_path.exists() and not decisions_path.is_symlink():
        decisions = run.read(decisions_path, "decisions")
        dataset.problems += decisions.problems
        if decisions.valid and run.programme is not None:
            dataset.problems += run.decision_problems(decisions)
    updates = [run.read(path, "update") for path in layout.update_files]
    valid = [item for item in updates if item.valid]
    for item in updates:
        dataset.problems += item.problems
    if run.programme is not None:
        by_agency: defaultdict[str, list[DataFile]] = defaultdict(list)
        for item in valid:
            dataset.problems += run.update_problems(item)
            assert item.agency is not None
            by_agency[item.agency].append(item)
        for agency, items in by_agency.items():
            dataset.problems += run.history_problems(agency, items)
    dataset.problems.sort()
    dataset.files = len(run.files)
    if any(item.pending for item in run.files):
        dataset.defer(lambda: _models(dataset, run))
    else:  # everything is fresh: nothing to gain by waiting
        _models(dataset, run)
    return dataset


def _models(dataset: Dataset, run: Run) -> None:
    """Fill the dataset's models and documents, building those the cache held back."""
    for item in run.files:
        run.materialise(item)
    dataset.documents = {item.name: item.doc for item in run.files if item.doc is not None}
    for item in run.files:
        if not item.valid:
            continue
        if item.kind == "programme":
            dataset.programme = item.model
        elif item.kind == "decisions":
            dataset.decisions = list(item.model.decisions)
        else:
            dataset.update_files.append(run.item(item))
