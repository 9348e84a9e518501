"""The console-script entry point: import only the command being run.

Typer builds every registered command's options before it can run any of them, and
each command module imports what it needs to declare them. ``actionplan --help`` and
``actionplan check`` in a pre-commit hook should not pay for all fourteen commands:
this module looks at the command line, imports the one command module needed (none for
the root ``--help``, which is answered from :data:`actionplan.commands.COMMANDS`), and
falls back to the full application (:mod:`actionplan.cli`) for anything unusual.
"""

from __future__ import annotations

import copy
import importlib
import sys

import typer
from typer.models import CommandInfo, TyperInfo

from actionplan.app import app
from actionplan.commands import COMMANDS, command_help

# Root options that take a value, so their value is not mistaken for a command name.
_VALUED_ROOT_OPTIONS = ("--lang",)


def main() -> None:
    """Run ``actionplan`` with the command line in :data:`sys.argv`."""
    argv = sys.argv[1:]
    if argv in (["--help"], ["-h"]):
        root_help_app()()
    name = command_name(argv)
    if name in COMMANDS:
        importlib.import_module(f"actionplan.commands.{COMMANDS[name].module}")
    else:  # no command, an unknown one, --version…: the full application answers
        importlib.import_module("actionplan.cli")
    app()


def command_name(argv: list[str]) -> str | None:
    """The command in ``argv``: the first word that is not a root option or its value."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in _VALUED_ROOT_OPTIONS:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def root_help_app() -> typer.Typer:
    """A copy of :data:`app` listing every command as an option-less stub with its help:
    its ``--help`` prints exactly what the full application's does (tested)."""
    stub = copy.copy(app)
    stub.registered_commands = [
        CommandInfo(name=name, help=command_help(name), callback=_noop)
        for name, command in COMMANDS.items()
        if not command.group
    ]
    stub.registered_groups = [
        TyperInfo(typer.Typer(help=command_help(name), add_completion=False), name=name)
        for name, command in COMMANDS.items()
        if command.group
    ]
    return stub


def _noop() -> None:
    """Never runs: the stub application only answers --help."""
