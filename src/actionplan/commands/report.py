"""``actionplan report``: the periodic progress report, in Markdown or self-contained HTML.

The command only gathers its inputs (the data, the window, the git revision, the time)
and writes the result; :mod:`actionplan.report` builds the model and the templates in
``templates/`` present it. Like every command module it imports the pipeline inside
the function, so ``actionplan --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from actionplan.app import (
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
    from actionplan.periods import ReportWindow

SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH"  # reproducible-builds.org: a fixed "now"


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


@app.command(help=command_help("report"))
def report(
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            show_default=False,
            help=_(
                "The period reported on: a quarter (2026-Q3), a half year (2026-H1) or a "
                "year (2026), as of its end (or of a later --as-of, once its updates are "
                "in) against the previous period's end. Without it: as of --as-of against "
                "the end of the last closed quarter."
            ),
        ),
    ] = None,
    as_of: AsOfOpt = None,
    output_format: Annotated[
        ReportFormat | None,
        typer.Option(
            "--format",
            show_default=False,
            help=_(
                "md (Markdown), html or docx (Word; needs -o). Default: from the -o file's "
                "extension, else md."
            ),
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            show_default=False,
            help=_("Write the report to FILE (default, or -: standard output)."),
        ),
    ] = None,
    force: ForceOpt = False,
    data: DataOpt = None,
    no_cache: NoCacheOpt = False,
    templates: TemplatesOpt = None,
    lang: LangOpt = None,
    debug: DebugOpt = False,
) -> None:
    from actionplan.commands.common import valid_dataset
    from actionplan.fsutil import write_atomic
    from actionplan.gitdata import revision
    from actionplan.render import render, templates_dir
    from actionplan.report import build_report

    window = _window(period, as_of)
    chosen = output_format or _format_for(output)
    to_stdout = output is None or str(output) == "-"
    if chosen is ReportFormat.docx and to_stdout:
        raise typer.BadParameter(_("A Word report needs -o FILE."), param_hint="'-o'")
    dataset = valid_dataset(data)
    assert dataset.programme is not None
    model = build_report(
        dataset.programme,
        dataset.updates,
        dataset.decisions,
        window,
        revision(dataset.root),
        generated_at(),
    )
    content: str | bytes
    if chosen is ReportFormat.docx:  # built in code: Word layout is not a text template
        from actionplan.docx_report import render_docx

        content = render_docx(model, dataset.programme)
    else:
        name = f"report.{chosen.value}.j2"
        content = render(
            templates_dir(templates, dataset.root, needs=name), name, {"report": model}
        )
    if to_stdout:
        assert isinstance(content, str)
        sys.stdout.write(content)
    else:
        assert output is not None
        write_atomic(output, content, force=force)
        typer.echo(_("Wrote {path}.").format(path=output))
    raise typer.Exit(EXIT_OK)


def _window(period: str | None, as_of: str | None) -> ReportWindow:
    """The report window; a malformed period or an as-of before it is a usage error."""
    from actionplan.clock import today
    from actionplan.periods import ReportPeriod, window_for

    day = parse_as_of(as_of) if as_of is not None else None
    parsed = None
    if period is not None:
        parsed = ReportPeriod.parse(period)
        if parsed is None:
            raise typer.BadParameter(
                _(
                    "'{value}' is not a period; write a quarter (2026-Q3), a half year "
                    "(2026-H1) or a year (2026)."
                ).format(value=period),
                param_hint="'--period'",
            )
    try:
        return window_for(parsed, day, today())
    except ValueError:
        assert parsed is not None and day is not None
        raise typer.BadParameter(
            _("{date} is before period {period} begins; omit --as-of or give a later day.").format(
                date=day.isoformat(), period=period
            ),
            param_hint="'--as-of'",
        ) from None


def _format_for(output: Path | None) -> ReportFormat:
    suffix = output.suffix.lower() if output is not None else ""
    if suffix in (".html", ".htm"):
        return ReportFormat.html
    return ReportFormat.docx if suffix == ".docx" else ReportFormat.md


def generated_at() -> datetime:
    """When the report is generated, in Viet Nam time: ``$SOURCE_DATE_EPOCH`` when set,
    so that the same data and command give byte-identical output, else now."""
    from datetime import UTC

    from actionplan import clock
    from actionplan.clock import vietnam_tz
    from actionplan.problems import ActionplanError

    fixed = os.environ.get(SOURCE_DATE_EPOCH, "").strip()
    if not fixed:
        return clock.now()
    if not (fixed.isascii() and fixed.isdigit()):
        raise ActionplanError(
            _("{name} must be a whole number of seconds, not '{value}'.").format(
                name=SOURCE_DATE_EPOCH, value=fixed
            )
        )
    return datetime.fromtimestamp(int(fixed), UTC).astimezone(vietnam_tz())
