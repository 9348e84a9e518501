"""Problems are data: every stage returns them, only the CLI prints them.

A problem names a stable code (``APnnn``) and the arguments of its message; the text is
looked up in :mod:`actionplan.codes` and translated when it is shown, so the same problem
can be printed in Vietnamese or English and documented once in the README.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actionplan.codes import CODES, Severity
from actionplan.i18n import _
from actionplan.present.safe import inert

__all__ = ["ActionplanError", "Problem", "Severity", "has_errors"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding at a place in a file (line and col are 1-based; 0 = whole file)."""

    path: str
    line: int
    col: int
    code: str
    args: tuple[tuple[str, str], ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unregistered problem code {self.code}")

    @classmethod
    def at(cls, path: str, pos: tuple[int, int], code: str, **args: object) -> Problem:
        """Build a problem at ``pos`` = (line, col); argument values are shown as text."""
        return cls(path, pos[0], pos[1], code, tuple((k, _one_line(v)) for k, v in args.items()))

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def message(self) -> str:
        """The message in the active language (see :func:`actionplan.i18n.set_language`)."""
        return _(CODES[self.code].template).format(**dict(self.args))

    def location(self) -> str:
        if self.line <= 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col}"


def _one_line(value: object) -> str:
    """An argument shown inside a one-line message: user text (a key, a value) may hold
    line breaks or invisible characters, which would split or disguise the message; a
    line starting with '::' would even be read as a CI workflow command."""
    return inert(str(value)).replace("\r", "\\r").replace("\n", "\\n")


class ActionplanError(Exception):
    """An expected failure the user can fix (bad option value, missing folder…).

    The CLI prints the message and exits with ``exit_code``; no traceback.
    """

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)
