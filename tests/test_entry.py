"""The entry point imports only the command being run, and answers --help unchanged."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from actionplan.cli import app
from actionplan.commands import COMMANDS, command_help
from actionplan.entry import command_name

FULL_HELP = "import sys; from actionplan.cli import app; sys.argv[0] = 'actionplan'; app()"
FAST_HELP = "import sys; from actionplan.entry import main; sys.argv[0] = 'actionplan'; main()"


def run(code: str, *args: str, lang: str) -> str:
    env = {**os.environ, "ACTIONPLAN_LANG": lang, "COLUMNS": "80"}
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=False
    )
    return done.stdout


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_root_help_is_the_full_applications(lang: str, flag: str) -> None:
    fast = run(FAST_HELP, flag, lang=lang)
    assert fast.startswith("Usage: actionplan [OPTIONS] COMMAND [ARGS]...")
    assert fast == run(FULL_HELP, flag, lang=lang)


def test_the_registry_names_every_command_with_its_help() -> None:
    registered = {}
    for info in app.registered_commands:
        assert info.callback is not None
        registered[info.name or info.callback.__name__] = info.help
    for group in app.registered_groups:
        assert group.typer_instance is not None
        registered[str(group.name)] = group.typer_instance.info.help
    assert registered == {name: command_help(name) for name in COMMANDS}


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["status", "--as-of", "2026-12-03"], "status"),
        (["--lang", "en", "check"], "check"),
        (["--lang=en", "--debug", "export", "xlsx"], "export"),
        (["--version"], None),
        ([], None),
    ],
)
def test_command_name(argv: list[str], expected: str | None) -> None:
    assert command_name(argv) == expected


def test_running_a_command_imports_only_that_command() -> None:
    code = (
        "import sys\n"
        "from actionplan.entry import main\n"
        "sys.argv = ['actionplan', 'schema', 'update']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('actionplan.commands.')),"
        " file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stderr.strip() == "['actionplan.commands.schema']"
