"""The rich console used for terminal output."""

from __future__ import annotations

import shutil
from typing import Any


def make_console(stderr: bool = False) -> Any:
    from rich.console import Console

    # Piped output (CI logs, `| less`) gets a usable width instead of rich's 80 columns.
    width = None if shutil.get_terminal_size((0, 0)).columns else 160
    return Console(stderr=stderr, width=width, highlight=False, emoji=False, markup=False)
