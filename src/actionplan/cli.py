"""Entry point: the application with every command registered.

``import actionplan.cli`` must stay light (see :mod:`actionplan.app`): command modules
only declare options at import and load the pipeline inside their functions.
"""

from __future__ import annotations

from actionplan.app import app
from actionplan.commands import (
    alerts,
    check,
    codeowners,
    diff,
    export,
    history,
    importing,
    remind,
    report,
    schema,
    show,
    status,
    update,
)

# The commands register themselves on ``app`` when imported; __all__ keeps them "used".
__all__ = [
    "alerts", "app", "check", "codeowners", "diff", "export", "history", "importing", "main",
    "remind", "report", "schema", "show", "status", "update",
]  # fmt: skip


def main() -> None:
    """Run the full application (the console script uses :func:`actionplan.entry.main`)."""
    app()
