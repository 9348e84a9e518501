"""``actionplan remind``: one reminder document per agency that has something to act on."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from actionplan.app import (
    EXIT_DATA,
    EXIT_OK,
    AsOfOpt,
    DataOpt,
    DebugOpt,
    ForceOpt,
    LangOpt,
    NoCacheOpt,
    TemplatesOpt,
    app,
    parse_as_of,
)
from actionplan.commands import command_help
from actionplan.i18n import _

if TYPE_CHECKING:
    from actionplan.models import Programme
    from actionplan.remind import Reminder, Reminders


class RemindFormat(StrEnum):
    md = "md"
    html = "html"
    txt = "txt"


@app.command(help=command_help("remind"))
def remind(
    agency: Annotated[
        str | None,
        typer.Option("--agency", metavar="ID", help=_("Only the reminder to this agency.")),
    ] = None,
    as_of: AsOfOpt = None,
    output_format: Annotated[
        RemindFormat, typer.Option("--format", help=_("md (Markdown), html or txt."))
    ] = RemindFormat.md,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="DIR",
            help=_("Write <agency-id>.<format> files into this folder (default: print them)."),
        ),
    ] = None,
    force: ForceOpt = False,
    templates: TemplatesOpt = None,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.commands.common import evaluated_dataset, require_agency
    from actionplan.fsutil import write_atomic
    from actionplan.problems import ActionplanError
    from actionplan.remind import build_reminders
    from actionplan.render import render, templates_dir

    day = parse_as_of(as_of)
    dataset, programme, evaluation = evaluated_dataset(data, day)
    require_agency(programme, agency)
    run = build_reminders(programme, evaluation, agency)
    needs = f"remind.{output_format.value}.j2"
    folder = templates_dir(templates, dataset.root, needs=needs)
    ext = output_format.value
    # Render everything before writing anything: a template error leaves no file behind.
    documents = [
        (f"{r.agency}.{ext}", render(folder, f"remind.{ext}.j2", _context(programme, run, r)))
        for r in run.to_send
    ]
    if output is None:
        for index, (name, text) in enumerate(documents):
            # The `head` convention for several files: a marked line before each one.
            typer.echo(("\n" if index else "") + f"==> {name} <==")
            typer.echo(text, nl=not text.endswith("\n"))
        _report_skipped(run)
        raise typer.Exit(EXIT_OK)
    if output.exists() and not output.is_dir():
        raise ActionplanError(
            _("{path} is not a folder; give a folder for -o.").format(path=output)
        )
    targets = [(output / name, text) for name, text in documents]
    # Check every target before writing any, so a refused run changes nothing at all.
    existing = [path for path, _text in targets if path.exists()]
    if existing and not force:
        for path in existing:
            typer.echo(
                _("{path} already exists; use --force to replace it.").format(path=path), err=True
            )
        typer.echo(_("Nothing written."), err=True)
        raise typer.Exit(EXIT_DATA)
    for path, text in targets:
        write_atomic(path, text, force=force)
        typer.echo(_("Wrote {path}.").format(path=path))
    _report_skipped(run)
    raise typer.Exit(EXIT_OK)


def _report_skipped(run: Reminders) -> None:
    """Say which agencies get no reminder, so silence is never mistaken for a failure."""
    if not run.to_send:
        typer.echo(
            _("Nothing to remind any agency of as of {date}.").format(date=run.as_of.isoformat()),
            err=True,
        )
    if run.skipped:
        names = ", ".join(f"{r.name} ({r.agency})" for r in run.skipped)
        typer.echo(
            _("No reminder (nothing to act on): {agencies}.").format(agencies=names), err=True
        )


def _context(programme: Programme, run: Reminders, reminder: Reminder) -> dict[str, Any]:
    from actionplan.remind import quarter_label, title_in_sentence

    header = programme.programme
    sections = [
        (key, items)
        for key, items in (
            ("overdue", reminder.overdue),
            ("due_soon", reminder.due_soon),
            ("unreported", reminder.unreported),
        )
        if items
    ]
    return {
        "programme": header,
        "subject_title": title_in_sentence(header.title, header.issuer),
        "reminder": reminder,
        "run": run,
        "as_of": run.as_of,
        "sections": sections,
        "period": quarter_label(run.report_period) if run.report_period else None,
        "next_period": quarter_label(run.next_period),
        "quarter": quarter_label,
    }
