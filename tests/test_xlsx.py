"""`actionplan export xlsx`: the workbook read back with openpyxl.

Uses tests/fixtures/remind as of 2026-12-03 (13 tasks, 14 milestones; see test_remind.py).
Headers are checked in English (--lang en); sheet names are Vietnamese in every language.
"""

from __future__ import annotations

import shutil
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped, unused-ignore]
from typer.testing import CliRunner

import actionplan.commands.export  # noqa: F401  (registers the command until cli.py does)
from actionplan.cli import app
from actionplan.xlsx import FILLS, MAX_WIDTH, SHEETS
from actionplan.xlsx_tables import MARKS

FIXTURE = Path(__file__).parent / "fixtures" / "remind"
runner = CliRunner()
TASKS, MILESTONES = 13, 14


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def export(data: Path, *args: str) -> tuple[int, str, str]:
    argv = ["export", "xlsx", "--data", str(data), "--as-of", "2026-12-03", *args]
    result = runner.invoke(app, argv)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def book(data: Path, tmp_path: Path) -> Any:
    target = tmp_path / "theo-doi.xlsx"
    code, stdout, stderr = export(data, "-o", str(target), "--lang", "en")
    assert code == 0, stderr
    assert stdout == f"Wrote {target}.\n"
    return load_workbook(target)


def rows(sheet: Any) -> list[tuple[Any, ...]]:
    return list(sheet.iter_rows(values_only=True))


def find(sheet: Any, *first: Any) -> int:
    """The 1-based number of the row whose first cells equal ``first``."""
    for number, values in enumerate(rows(sheet), start=1):
        if values[: len(first)] == first:
            return number
    raise AssertionError(first)


def test_sheets_and_headers(book: Any) -> None:
    assert book.sheetnames == list(SHEETS) == ["Tổng hợp", "Nhiệm vụ", "Theo cơ quan", "Cảnh báo"]
    headers = {name: rows(book[name])[0] for name in SHEETS}
    assert headers == {
        "Tổng hợp": ("Figure", "Value", "Share of tasks"),
        "Nhiệm vụ": (
            "Id", "Row", "Content", "Lead", "Support", "Original due", "Effective due",
            "Status", "Days overdue", "Days left", "Progress", "Last report", "Flags",
        ),
        "Theo cơ quan": (
            "Agency", "Tasks led", "Milestones led", "Done", "Done on time", "Overdue",
            "Pending", "Reported for the current quarter", "Update rate", "On-time rate",
            "Last report",
        ),
        "Cảnh báo": (
            "Alert", "Id", "Task", "Agency", "Effective due", "Days overdue", "Days left",
            "Progress", "Note",
        ),
    }  # fmt: skip


def test_every_sheet_is_a_filterable_table_with_a_frozen_header(book: Any) -> None:
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2"
        last = sheet.cell(row=1, column=sheet.max_column).column_letter
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
        assert all(cell.font.bold for cell in sheet[1])
        for letter, dimension in sheet.column_dimensions.items():
            assert 6 <= dimension.width <= MAX_WIDTH, (sheet.title, letter)
        assert all(c.alignment.wrap_text for row in sheet.iter_rows(min_row=2) for c in row)
    # The programme title is longer than the cap: its column stops at the cap and wraps.
    assert book["Tổng hợp"].column_dimensions["B"].width == MAX_WIDTH
    assert book["Nhiệm vụ"].column_dimensions["A"].width < 12


def test_one_row_per_task_and_per_milestone(book: Any) -> None:
    sheet = book["Nhiệm vụ"]
    body = rows(sheet)[1:]
    assert len(body) == TASKS + MILESTONES
    assert [r[1] for r in body[:4]] == [
        "Task",
        "Milestone: Scheme",
        "Milestone: Implementation",
        "Task",
    ]
    assert sum(1 for r in body if r[1] == "Task") == TASKS
    bold = [sheet.cell(row=n, column=1).font.bold for n in range(2, len(body) + 2)]
    assert bold == [r[1] == "Task" for r in body]


def test_task_row_values_and_real_dates(book: Any) -> None:
    sheet = book["Nhiệm vụ"]
    number = find(sheet, "1.1.3", "Task")
    assert rows(sheet)[number - 1] == (
        "1.1.3",
        "Task",
        "Việc ba được gia hạn",
        "Ban Tổ chức Tỉnh ủy",
        None,
        datetime(2026, 6, 30),
        datetime(2026, 12, 15),
        "Due soon",
        None,
        12,
        0.7,
        datetime(2026, 10, 6),
        "Blocked; Deadline extended",
    )
    for column in (6, 7, 12):
        cell = sheet.cell(row=number, column=column)
        assert cell.is_date and cell.number_format == "YYYY-MM-DD"
    assert sheet.cell(row=number, column=11).number_format == "0%"
    continuous = rows(sheet)[find(sheet, "2.1.1", "Milestone: Implementation") - 1]
    assert continuous[5:10] == ("Continuous", "Continuous", "Report missing", None, None)


def test_dates_are_written_the_vietnamese_way_by_default(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "vi.xlsx"
    assert export(data, "-o", str(target))[0] == 0
    sheet = load_workbook(target)["Nhiệm vụ"]
    number = find(sheet, "1.1.3")
    assert sheet.cell(row=number, column=7).number_format == "DD/MM/YYYY"
    assert sheet.cell(row=number, column=8).value == "Sắp đến hạn"


def test_status_cells_are_coloured(book: Any) -> None:
    sheet = book["Nhiệm vụ"]
    expected = {
        ("1.1.2", "Task"): "FFFFC7CE",  # overdue
        ("1.1.3", "Task"): "FFFFEB9C",  # due soon
        ("1.2.1", "Task"): "FFC6EFCE",  # done on time
        ("2.1.2", "Task"): "FFE4DFEC",  # report missing
    }
    for key, colour in expected.items():
        cell = sheet.cell(row=find(sheet, *key), column=8)
        assert (cell.fill.fill_type, cell.fill.fgColor.rgb) == ("solid", colour), key
    assert sheet.cell(row=find(sheet, "1.1.2"), column=1).fill.fill_type is None
    assert set(MARKS) <= set(FILLS)  # every status and alert group has a colour


def test_summary_sheet(book: Any) -> None:
    sheet = book["Tổng hợp"]
    assert rows(sheet)[1:6] == [
        (
            "Programme",
            "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH thực hiện Nghị quyết thử, "
            "nhiệm kỳ 2025 - 2030",
            None,
        ),
        ("Data as of", datetime(2026, 12, 3), None),
        ("Current reporting quarter", "2026-Q3", None),
        ("Tasks", TASKS, None),
        ("Milestones", MILESTONES, None),
    ]
    number = find(sheet, "Overdue")
    assert rows(sheet)[number - 1] == ("Overdue", 2, pytest.approx(2 / TASKS))
    assert sheet.cell(row=number, column=3).number_format == "0%"
    assert sheet.cell(row=number, column=1).fill.fgColor.rgb == "FFFFC7CE"
    assert rows(sheet)[find(sheet, "Alerts: Report missing") - 1][1] == 6


def test_agency_sheet(book: Any) -> None:
    sheet = book["Theo cơ quan"]
    assert [r[0] for r in rows(sheet)[1:]] == [
        "Văn phòng Tỉnh ủy",
        "Đảng ủy UBND tỉnh",
        "Ban Tổ chức Tỉnh ủy",
        "Ban Tuyên giáo <và> Dân vận Tỉnh ủy",
        "Ủy ban Kiểm tra Tỉnh ủy",
        "Ban Nội chính Tỉnh ủy",
    ]  # mat-tran leads nothing
    number = find(sheet, "Đảng ủy UBND tỉnh")
    assert rows(sheet)[number - 1] == (
        "Đảng ủy UBND tỉnh", 4, 5, 1, 0, 1, 4, 3, 0.75, 0, datetime(2026, 10, 5),
    )  # fmt: skip
    assert sheet.cell(row=number, column=6).fill.fgColor.rgb == "FFFFC7CE"
    assert sheet.cell(row=find(sheet, "Ban Nội chính Tỉnh ủy"), column=6).fill.fill_type is None


def test_alert_sheet(book: Any) -> None:
    body = rows(book["Cảnh báo"])[1:]
    assert [(r[0], r[1]) for r in body] == [
        ("Overdue", "1.1.2"),
        ("Overdue", "1.1.1"),
        ("Due soon", "1.1.3"),
        ("Due soon", "1.1.5"),
        ("Due soon", "1.1.4"),
        ("Report missing", "2.2.1"),
        ("Report missing", "2.1.1"),
        ("Report missing", "1.1.2"),
        ("Report missing", "2.1.2"),
        ("Report missing", "2.1.4"),
        ("Report missing", "1.2.2"),
        ("Resources insufficient", "2.2.2"),
        ("Blocked", "1.1.3"),
    ]
    leads = "Đảng ủy UBND tỉnh; Ban Tổ chức Tỉnh ủy"
    assert body[0][3:7] == (leads, datetime(2025, 12, 31), 337, None)


def test_text_that_looks_like_a_formula_stays_text(book: Any, tmp_path: Path) -> None:
    tasks = book["Nhiệm vụ"]
    cell = tasks.cell(row=find(tasks, "2.2.2", "Task"), column=3)
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+2 ô công thức", "s", True)
    alerts = book["Cảnh báo"]
    notes = {"Resources insufficient": "@SUM(A1:A2) cần thêm kinh phí", "Blocked": "-Chờ ý kiến"}
    for group, text in notes.items():
        cell = alerts.cell(row=find(alerts, group), column=9)
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)
    # No formula anywhere in the file itself.
    with zipfile.ZipFile(tmp_path / "theo-doi.xlsx") as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name), name


def test_default_name_refusal_and_force(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _err = export(data, "--lang", "en")
    target = tmp_path / "actionplan-2026-12-03.xlsx"
    assert (code, stdout) == (0, "Wrote actionplan-2026-12-03.xlsx.\n")
    before = target.read_bytes()
    target.write_bytes(b"old")
    code, _out, stderr = export(data, "--lang", "en")
    assert code == 1
    assert stderr == (
        "Error: actionplan-2026-12-03.xlsx already exists; use --force to replace it.\n"
    )
    assert target.read_bytes() == b"old"
    assert export(data, "--force")[0] == 0
    assert load_workbook(target).sheetnames == list(SHEETS)
    assert len(target.read_bytes()) == pytest.approx(len(before), rel=0.05)


def test_a_failed_write_leaves_the_old_file(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("actionplan.fsutil.os.fsync", disk_full)
    code, _out, stderr = export(data, "-o", str(target), "--force", "--lang", "en")
    assert code == 1 and "No space left on device" in stderr
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "out.xlsx"]


def test_the_command_module_imports_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, actionplan.commands.export\n"
        "heavy = ('pydantic', 'jinja2', 'yaml', 'dateutil', 'openpyxl')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
