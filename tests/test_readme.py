"""The README documents what the tool has: set-up commands, every command, every code."""

from __future__ import annotations

from actionplan.cli import app
from actionplan.codes import CODES
from conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README[:600]
    assert "make status" in head
    assert "make test" in head


def test_every_problem_code_is_documented() -> None:
    for code, entry in CODES.items():
        row = f"| {code} | {entry.severity.value} | "
        assert row in README, code


def test_every_command_is_documented() -> None:
    for command in app.registered_commands:
        assert command.callback is not None
        name = command.name or command.callback.__name__.replace("_", "-")
        assert f"`actionplan {name}" in README, name
