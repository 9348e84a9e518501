"""``actionplan update new``: a ready-to-fill update file for an agency and a quarter.

``update`` is a group so that later verbs (e.g. listing what an agency still owes) can
join ``new`` without a new top-level command. It registers itself on the application
at import, like the other command modules.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from actionplan.app import EXIT_OK, DataOpt, DebugOpt, LangOpt, NoCacheOpt, app, parse_as_of
from actionplan.commands import command_help
from actionplan.i18n import _, ngettext

update_app = typer.Typer(
    help=command_help("update"),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(update_app, name="update")


@update_app.callback()
def _group(lang: LangOpt = None, debug: DebugOpt = False) -> None:
    # --lang and --debug also right after `update`, as after every command name.
    pass


@update_app.command(
    "new",
    help=_(
        "Write data/updates/<agency>/<period>.yaml listing every milestone the agency "
        "still has to report on, pre-filled from its last report. Never replaces a file."
    ),
)
def new(
    agency: Annotated[
        str, typer.Option("--agency", metavar="ID", help=_("The reporting agency's id."))
    ],
    period: Annotated[
        str, typer.Option("--period", metavar="YYYY-Qn", help=_("The quarter, e.g. 2026-Q4."))
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="YYYY-MM-DD",
            show_default=False,
            help=_(
                "The day of the report: its submitted date, and what is known by then "
                "(default: today in Asia/Ho_Chi_Minh)."
            ),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=_(
                "Where to write (default: the agency's folder in the data folder; - for stdout)."
            ),
        ),
    ] = None,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan import scaffold
    from actionplan.commands.common import require_agency, valid_dataset
    from actionplan.dataset import display_path
    from actionplan.evaluate import evaluate
    from actionplan.fsutil import write_atomic
    from actionplan.problems import ActionplanError
    from actionplan.terms import Quarter

    quarter = Quarter.parse(period)
    if quarter is None:
        raise typer.BadParameter(
            _("'{value}' is not a quarter; write it as YYYY-Qn.").format(value=period),
            param_hint="'--period'",
        )
    # The day the file is written: its `submitted` date and what is known by then.
    day = parse_as_of(as_of)
    dataset = valid_dataset(data)
    programme = dataset.programme
    assert programme is not None
    require_agency(programme, agency)
    first = Quarter.parse(programme.programme.first_period)
    if first is not None and quarter < first:
        raise typer.BadParameter(
            # The message of AP214, which check would report for this file.
            _("Period {period} is before the programme's first reporting period {first}.").format(
                period=quarter, first=first
            ),
            param_hint="'--period'",
        )
    if day < quarter.start:
        # check refuses a report submitted before its quarter begins (AP215).
        raise typer.BadParameter(
            _(
                "{period} begins on {start}, after {day}; its report can be written from then."
            ).format(period=quarter, start=quarter.start.isoformat(), day=day.isoformat()),
            param_hint="'--period'",
        )

    default_target = scaffold.update_path(dataset.root, agency, quarter)
    to_stdout = output is not None and str(output) == "-"
    target = default_target if output is None or to_stdout else output
    if not to_stdout and target.exists():
        # No --force: an existing update file is a submitted report (history), and a
        # fresh scaffold over it would wipe what the agency wrote.
        raise ActionplanError(
            _(
                "{path} already exists; edit that file instead (update new never replaces one)."
            ).format(path=display_path(target))
        )

    earlier = scaffold.earlier_updates(dataset.updates, quarter)
    evaluation = evaluate(programme, earlier, dataset.decisions, day)
    owed = scaffold.owed_milestones(evaluation, agency)
    schema = scaffold.find_schema(dataset.root)
    if schema is None:
        # Point where DESIGN §2 puts schema/, and say how to create it there.
        schema = dataset.root.resolve().parent / scaffold.SCHEMA_FILE
        typer.echo(
            _(
                "{path} not found; create it for editor help: actionplan schema update > {path}"
            ).format(path=display_path(schema)),
            err=True,
        )
    ref = scaffold.schema_reference(target, schema)
    content = scaffold.render_update(
        next(a for a in programme.agencies if a.id == agency), quarter, day, owed, ref
    )
    if to_stdout:
        sys.stdout.write(content)
        raise typer.Exit(EXIT_OK)
    write_atomic(target, content)
    typer.echo(
        ngettext(
            "Wrote {path}: {n} milestone to report on.",
            "Wrote {path}: {n} milestones to report on.",
            len(owed),
        ).format(path=display_path(target), n=len(owed))
    )
    raise typer.Exit(EXIT_OK)
