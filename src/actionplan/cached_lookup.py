"""The programme's :class:`~actionplan.update_checks.Lookup`, from a cached programme tree.

When one update file changes in a big folder, its checks need the programme's index,
but validating the whole programme again (11,200 tasks at 100 × the real one) would cost
more than everything else the run does. The cached tree was valid when it was stored,
so a task becomes a model only when a check asks for it; whatever walks the whole
mapping gets every task, exactly as :class:`Lookup` would have built them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from actionplan.models import Agency, Task
from actionplan.terms import Quarter
from actionplan.update_checks import Lookup


class TreeLookup(Lookup):
    """The same fields as :class:`Lookup` (keep them in step), built from a plain tree."""

    def __init__(self, tree: dict[str, Any]) -> None:  # no Programme model: no super()
        agencies = [Agency.model_validate(item) for item in tree["agencies"]]
        self.agencies = {agency.id: agency for agency in agencies}
        self.tasks = _Tasks(_task_trees(tree))
        self.first_period = Quarter.parse(tree["programme"]["first_period"])
        self.secretariat = {agency.id for agency in agencies if agency.secretariat}


def _task_trees(tree: dict[str, Any]) -> dict[str, Any]:
    """Task id → task tree, in :meth:`Programme.walk_tasks` order (a later duplicate wins)."""
    found: dict[str, Any] = {}
    stack = list(reversed(tree.get("sections") or []))
    while stack:
        section = stack.pop()
        for task in section.get("tasks") or []:
            found[task["id"]] = task
        stack.extend(reversed(section.get("sections") or []))
    return found


class _Tasks(dict[str, Task]):
    """Task id → model, each validated on first use."""

    def __init__(self, trees: dict[str, Any]) -> None:
        super().__init__()
        self._trees = trees

    def get(self, key: str, default: Any = None) -> Any:
        if not dict.__contains__(self, key):
            tree = self._trees.get(key)
            if tree is None:
                return default
            self[key] = Task.model_validate(tree)
        return dict.__getitem__(self, key)

    def __getitem__(self, key: str) -> Task:
        task = self.get(key)
        if task is None:
            raise KeyError(key)
        return task  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return key in self._trees

    def __len__(self) -> int:
        return len(self._trees)

    def __iter__(self) -> Iterator[str]:
        return iter(self._trees)

    def _all(self) -> None:
        for key in self._trees:
            self.get(key)

    def values(self) -> Any:
        self._all()
        return super().values()

    def items(self) -> Any:
        self._all()
        return super().items()

    def keys(self) -> Any:
        return self._trees.keys()
