"""The data folder as one value: every file loaded, validated and checked.

``load_dataset(root)`` is the *load* and *validate* stages of the pipeline for a whole
folder: it never raises for bad content, it returns problems; only a folder that
cannot be used at all (missing, not a folder) raises :class:`ActionplanError`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from actionplan.checks import check_programme
from actionplan.gcpause import paused_gc
from actionplan.i18n import _
from actionplan.layout import DECISIONS_FILE, PROGRAMME_FILE, display_path, display_under, scan
from actionplan.loader import Document, load_file
from actionplan.models import Decision, Decisions, Programme, UpdateFile
from actionplan.problems import ActionplanError, Problem, has_errors
from actionplan.update_checks import LoadedUpdate, Lookup, check_decisions, check_updates
from actionplan.validate import validate_document, validate_salvaging

__all__ = [
    "DATA_ENV",
    "PROGRAMME_FILE",
    "Dataset",
    "display_path",
    "load_dataset",
    "resolve_data_dir",
]

DATA_ENV = "ACTIONPLAN_DATA"

# UTF-8 text decoded as Windows-1252/Latin-1 and saved again ("Bá»™ TÃ i chÃ­nh"):
# valid UTF-8, so only its tell-tale letter pairs give it away.
_MOJIBAKE = re.compile(
    r"Ã[\u0080-\u00bf]|Ã[ ‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]|á»[\u0080-\u00bf™œ€š]"
    r"|áº[\u0080-\u00bf™œ€š]|Ä[‘ƒ]|Æ[°¡]"
)


@dataclass
class Dataset:
    root: Path
    programme: Programme | None = None
    update_files: list[LoadedUpdate] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0  # files read, loaded or not

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


def load_dataset(root: Path) -> Dataset:
    """Load, validate and cross-check every file under ``root`` (problems as data)."""
    with paused_gc():
        return _load_dataset(root)


def _load_dataset(root: Path) -> Dataset:
    dataset = Dataset(root)
    show = display_under(root)
    programme_path = root / PROGRAMME_FILE
    if programme_path.is_symlink():
        pass  # refused by the layout scan (AP219); never followed
    elif not programme_path.is_file():
        dataset.problems.append(
            Problem.at(display_path(programme_path), (0, 0), "AP016", name=PROGRAMME_FILE)
        )
    else:
        doc = _load(dataset, programme_path, show)
        programme, problems = validate_document(doc, Programme) if doc else (None, [])
        dataset.problems += problems
        if programme is not None and doc is not None:
            dataset.problems += check_programme(programme, doc)
            dataset.programme = programme
    lookup = Lookup(dataset.programme) if dataset.programme else None
    layout = scan(root, lookup.agencies if lookup else None)
    dataset.problems += layout.problems
    _load_decisions(dataset, root / DECISIONS_FILE, lookup, show)
    for path in layout.update_files:
        doc = _load(dataset, path, show)
        if doc is None:
            continue
        update, indices, problems = validate_salvaging(doc, UpdateFile, "updates")
        dataset.problems += problems
        if update is not None:
            dataset.update_files.append(LoadedUpdate(path, doc, update, indices))
    if lookup is not None:
        dataset.problems += check_updates(dataset.update_files, lookup)
    dataset.problems.sort()
    return dataset


def _load_decisions(
    dataset: Dataset, path: Path, lookup: Lookup | None, show: Callable[[Path], str]
) -> None:
    if not path.exists() or path.is_symlink():
        return
    doc = _load(dataset, path, show)
    if doc is None:
        return
    decisions, indices, problems = validate_salvaging(doc, Decisions, "decisions")
    dataset.problems += problems
    if decisions is not None:
        dataset.decisions = list(decisions.decisions)
        if lookup is not None:
            dataset.problems += check_decisions(decisions, indices, doc, lookup)


def _load(dataset: Dataset, path: Path, show: Callable[[Path], str]) -> Document | None:
    name = show(path)
    dataset.files += 1
    doc, problems = load_file(path, name)
    dataset.problems += problems
    if doc is not None:
        dataset.documents[name] = doc
        dataset.problems += _garbled_text(doc)
    return doc


def _garbled_text(doc: Document) -> list[Problem]:
    """One warning per line that looks like mojibake."""
    problems: list[Problem] = []
    last_line = 0
    for match in _MOJIBAKE.finditer(doc.text):
        line = doc.text.count("\n", 0, match.start()) + 1
        if line != last_line:
            line_start = doc.text.rfind("\n", 0, match.start()) + 1
            # Quote the whole garbled word, so the user can find it.
            word_start = max(
                [line_start] + [doc.text.rfind(c, 0, match.start()) + 1 for c in " \"'"]
            )
            sample = doc.text[word_start : word_start + 24].split("\n")[0].strip(" \"'")
            pos = (line, word_start - line_start + 1)
            problems.append(Problem.at(doc.path, pos, "AP301", sample=sample))
            last_line = line
    return problems
