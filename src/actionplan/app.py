"""The Typer application and the options every command shares.

Commands live in :mod:`actionplan.commands`, one module each, and :mod:`actionplan.cli`
assembles them. All of this must import quickly (``actionplan --help`` runs in every
hook and CI job): pydantic, jinja2, yaml and dateutil are imported inside the commands
that need them; a test checks ``sys.modules`` after ``import actionplan.cli``.

Exit codes (DESIGN §5): 0 success; 1 the data has errors or ``--fail-on`` matched;
2 usage error; 3 internal error (one line and a hint; the traceback with ``--debug``).
"""

from __future__ import annotations

import os
import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from actionplan import __version__
from actionplan.i18n import LANGUAGES, _, set_language
from actionplan.problems import ActionplanError

EXIT_OK, EXIT_DATA, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
LANG_ENV = "ACTIONPLAN_LANG"
DEBUG_ENV = "ACTIONPLAN_DEBUG"


def _initial_language(argv: list[str]) -> str:
    """Help texts are built at import, so ``--lang`` is read from argv this early too."""
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg.split("=", 1)[1] in LANGUAGES:
            return arg.split("=", 1)[1]
    env = os.environ.get(LANG_ENV, "")
    return env if env in LANGUAGES else "vi"


set_language(_initial_language(sys.argv))


class Lang(StrEnum):
    vi = "vi"
    en = "en"


class _Group(TyperGroup):
    """Turns expected failures into messages and unexpected ones into exit code 3."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except ActionplanError as exc:
            typer.echo(_("Error: {message}").format(message=exc.message), err=True)
            raise typer.Exit(exc.exit_code) from None
        except Exception as exc:
            if _debug_requested():
                raise
            typer.echo(
                _(
                    "Internal error: {error}. Re-run with --debug for the details "
                    "and report it to the maintainers."
                ).format(error=f"{type(exc).__name__}: {exc}"),
                err=True,
            )
            raise typer.Exit(EXIT_INTERNAL) from None


_debug: list[bool] = [False]


def _debug_requested() -> bool:
    return _debug[0] or os.environ.get(DEBUG_ENV) == "1"


def _debug_callback(value: bool) -> bool:
    _debug[0] = value
    return value


app = typer.Typer(
    cls=_Group,
    help=_(
        "Track an action programme kept as YAML in git: check the data, follow "
        "deadlines, warn early, report."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _lang_callback(value: Lang | None) -> Lang | None:
    if value is not None:
        set_language(value.value)
    return value


DataOpt = Annotated[
    Path | None,
    typer.Option(
        "--data",
        metavar="DIR",
        show_default=False,
        help=_("Data folder (default: $ACTIONPLAN_DATA, else ./data)."),
    ),
]
LangOpt = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        callback=_lang_callback,
        is_eager=True,
        show_default=False,
        help=_("Language of the output: vi (default) or en."),
    ),
]
DebugOpt = Annotated[
    bool,
    typer.Option(
        "--debug",
        callback=_debug_callback,
        is_eager=True,
        help=_("Show the full traceback of an internal error."),
    ),
]
TemplatesOpt = Annotated[
    Path | None,
    typer.Option(
        "--templates",
        metavar="DIR",
        show_default=False,
        help=_(
            "Folder of report templates (default: $ACTIONPLAN_TEMPLATES, else templates/ "
            "beside the data folder, else the built-in ones)."
        ),
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help=_("Replace an existing output file."))]


def _no_cache_callback(value: bool) -> bool:
    from actionplan import cache

    cache.switch_off(value)
    return value


NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        callback=_no_cache_callback,
        help=_("Neither read nor write the data folder's cache (also: ACTIONPLAN_NO_CACHE=1)."),
    ),
]
AsOfOpt = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        show_default=False,
        help=_("Evaluate as of this date (default: today in Asia/Ho_Chi_Minh)."),
    ),
]


def parse_as_of(value: str | None) -> date:
    """``--as-of`` as a date; a usage error (exit 2) when it is not YYYY-MM-DD."""
    from actionplan.clock import today
    from actionplan.terms import parse_iso_date

    if value is None:
        return today()
    parsed = parse_iso_date(value)
    if parsed is None:
        raise typer.BadParameter(
            _("'{value}' is not a date; write it as YYYY-MM-DD.").format(value=value),
            param_hint="'--as-of'",
        )
    return parsed


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[
        bool, typer.Option("--version", help=_("Show the version and exit."))
    ] = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    if version:
        typer.echo(f"actionplan {__version__}")
        raise typer.Exit(EXIT_OK)
