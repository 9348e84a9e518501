"""``actionplan schema``: print the JSON Schema of a data file, for editors and CI."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from actionplan.app import DataOpt, DebugOpt, LangOpt, app
from actionplan.commands import command_help
from actionplan.i18n import _


class SchemaKind(StrEnum):
    programme = "programme"
    update = "update"
    decisions = "decisions"


@app.command(help=command_help("schema"))
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Argument(help=_("Which file: programme, update or decisions."), show_default=False),
    ],
    data: DataOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    # --data and --lang are accepted like on every command (DESIGN §5) but change
    # nothing: the schema describes the format, the same bytes in every language.
    from actionplan import schema as generator

    typer.echo(generator.render(kind.value), nl=False)
