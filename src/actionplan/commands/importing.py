"""``actionplan import``: turn a programme document into ``programme.yaml``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from actionplan.app import EXIT_DATA, EXIT_OK, DataOpt, DebugOpt, ForceOpt, LangOpt, app
from actionplan.commands import command_help
from actionplan.i18n import _


@app.command("import", help=command_help("import"))
def import_(
    source: Annotated[
        Path, typer.Argument(metavar="SOURCE.txt", help=_("The programme document, as UTF-8 text."))
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help=_("Where to write (default: programme.yaml in the data folder; - for stdout)."),
        ),
    ] = None,
    province: Annotated[
        str | None,
        typer.Option(
            "--province", metavar="NAME", help=_("Province name, when the text does not say.")
        ),
    ] = None,
    first_period: Annotated[
        str | None,
        typer.Option(
            "--first-period",
            metavar="YYYY-Qn",
            help=_("First quarter that needs reports (default: guessed from the text)."),
        ),
    ] = None,
    force: ForceOpt = False,
    allow_unparsed: Annotated[
        bool,
        typer.Option(
            "--allow-unparsed",
            help=_("Write the file even if some deadline phrases could not be interpreted."),
        ),
    ] = False,
    data: DataOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.dataset import DATA_ENV, PROGRAMME_FILE, display_path
    from actionplan.fsutil import write_atomic
    from actionplan.importer import import_programme, render_programme
    from actionplan.loader import decode
    from actionplan.present.problems import as_text
    from actionplan.problems import ActionplanError
    from actionplan.terms import Quarter

    if first_period is not None and Quarter.parse(first_period) is None:
        raise typer.BadParameter(
            _("'{value}' is not a quarter; write it as YYYY-Qn.").format(value=first_period),
            param_hint="'--first-period'",
        )
    name = display_path(source)
    try:
        raw = source.read_bytes()
    except OSError as exc:
        raise ActionplanError(
            _("Cannot read {path}: {reason}.").format(path=name, reason=exc.strerror or exc)
        ) from exc
    text, problem = decode(raw, name)
    if problem is not None or text is None:
        for line in as_text([problem] if problem else []):
            typer.echo(line, err=True)
        raise typer.Exit(EXIT_DATA)
    result = import_programme(text, source_name=name, province=province, first_period=first_period)
    problems = sorted(result.problems)
    for line in as_text(problems):
        typer.echo(line, err=True)
    unparsed = [p for p in problems if p.code == "AP401"]
    blocking = [p for p in problems if p.is_error and not (allow_unparsed and p.code == "AP401")]
    if blocking:
        if unparsed and not allow_unparsed:
            typer.echo(
                _("Nothing written: fix the source, or re-run with --allow-unparsed."), err=True
            )
        else:
            typer.echo(_("Nothing written."), err=True)
        raise typer.Exit(EXIT_DATA)
    content = render_programme(result.data, source.name)
    if output is not None and str(output) == "-":
        sys.stdout.write(content)
        raise typer.Exit(EXIT_OK)
    target = output or Path(data or os.environ.get(DATA_ENV) or "data") / PROGRAMME_FILE
    write_atomic(target, content, force=force)
    counts = _counts(result.data)
    typer.echo(
        _(
            "Wrote {path}: {pillars} pillars, {sections} sections, {tasks} tasks, "
            "{agencies} agencies."
        ).format(path=display_path(target), **counts)
    )
    raise typer.Exit(EXIT_OK)


def _counts(data: dict[str, object]) -> dict[str, int]:
    pillars = data.get("sections") or []
    assert isinstance(pillars, list)
    sections = [s for p in pillars for s in p.get("sections", [])]
    agencies = data.get("agencies") or []
    assert isinstance(agencies, list)
    return {
        "pillars": len(pillars),
        "sections": len(sections),
        "tasks": sum(len(s.get("tasks", [])) for s in sections)
        + sum(len(p.get("tasks", [])) for p in pillars),
        "agencies": len(agencies),
    }
