"""The Excel tracking sheet: the same figures as ``status``, ``alerts`` and the per-agency
table, in a workbook colleagues open without any tool (issue 6).

``workbook_bytes`` builds the whole file in memory (the caller writes it atomically).
Every sheet is one table: a bold header row that stays frozen, an autofilter, columns
as wide as their content (capped, with wrapped text), status cells filled in the
status's colour and dates as real Excel dates, so sorting and filtering work. Sheet
names stay Vietnamese in every language: they are the names users know from the issue
and refer to in instructions; headers and labels follow ``--lang``.

Openpyxl turns a string that starts with "=" into a formula. Data text (task texts,
notes) is stored as a string cell whatever it starts with, and text that a spreadsheet
would read as a formula if retyped (= + - @) gets Excel's quote prefix as well.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date
from typing import Any

# Without the types-openpyxl stubs mypy sees an untyped package; with them, the
# ignores are unused, and both are fine.
from openpyxl import Workbook  # type: ignore[import-untyped, unused-ignore]
from openpyxl.styles import (  # type: ignore[import-untyped, unused-ignore]
    Alignment,
    Font,
    PatternFill,
)
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped, unused-ignore]

from actionplan.alerts import Alert
from actionplan.evaluate import Evaluation
from actionplan.figures import AgencyFigures
from actionplan.i18n import get_language
from actionplan.models import Programme
from actionplan.xlsx_tables import (
    Table,
    Value,
    agency_table,
    alert_table,
    summary_table,
    task_table,
)

SHEETS = ("Tổng hợp", "Nhiệm vụ", "Theo cơ quan", "Cảnh báo")

# Light fills with readable text, in the spirit of Excel's Good/Neutral/Bad styles;
# keyed by a row's mark: a status id, or an alert group.
STATUS_FILLS = {
    "overdue": "FFFFC7CE",
    "due_soon": "FFFFEB9C",
    "report_missing": "FFE4DFEC",
    "not_started": "FFEDEDED",
    "awaiting_schedule": "FFDDEBF7",
    "on_track": "FFE2EFDA",
    "ongoing": "FFDAEEF3",
    "done_late": "FFFCE4D6",
    "done": "FFC6EFCE",
    "done_on_time": "FFC6EFCE",
}
FILLS = {
    **STATUS_FILLS,
    "resources_insufficient": "FFFCE4D6",
    "blocked": "FFFFC7CE",
}
HEADER_FILL = "FFD9D9D9"
MAX_WIDTH, MIN_WIDTH = 60, 6  # characters; longer text wraps
FORMULA_STARTS = ("=", "+", "-", "@")


def workbook_bytes(
    programme: Programme,
    evaluation: Evaluation,
    figures: Sequence[AgencyFigures],
    alerts: Sequence[Alert],
) -> bytes:
    """The .xlsx file's bytes: the four sheets, in :data:`SHEETS` order."""
    names = {agency.id: agency.name for agency in programme.agencies}
    tables = (
        summary_table(SHEETS[0], programme, evaluation, alerts),
        task_table(SHEETS[1], evaluation, names),
        agency_table(SHEETS[2], figures),
        alert_table(SHEETS[3], alerts, names),
    )
    return _save(tables)


def _save(tables: Sequence[Table]) -> bytes:
    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type, unused-ignore]
    date_format = "DD/MM/YYYY" if get_language() == "vi" else "YYYY-MM-DD"
    for table in tables:
        _write_table(book.create_sheet(table.sheet), table, date_format)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _write_table(sheet: Any, table: Table, date_format: str) -> None:
    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    widths = [len(h) for h in table.headers]
    sheet.append(list(table.headers))
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    for number, row in enumerate(table.rows, start=2):
        for column, value in enumerate(row.values, start=1):
            cell = sheet.cell(row=number, column=column)
            _set_value(cell, value)
            cell.alignment = wrap
            if isinstance(value, date):
                cell.number_format = date_format
            elif column - 1 in table.percent_columns and value is not None:
                cell.number_format = "0%"
            if row.bold:
                cell.font = bold
            widths[column - 1] = max(widths[column - 1], _width_of(value))
        if row.mark in FILLS and table.mark_column is not None:
            sheet.cell(row=number, column=table.mark_column + 1).fill = PatternFill(
                "solid", fgColor=FILLS[row.mark]
            )
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(table.headers))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"


def _set_value(cell: Any, value: Value) -> None:
    cell.value = value
    if isinstance(value, str):
        # Never a formula: data text is text, whatever its first character.
        cell.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True


def _width_of(value: Value) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    if isinstance(value, float):
        return 5
    return max((len(line) for line in str(value).splitlines()), default=0)
