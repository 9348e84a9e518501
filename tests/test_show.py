"""`actionplan show TASK_ID`: the task in full, its decisions, every report; unknown ids.

Data: tests/fixtures/alerts (see tests/test_alerts.py for the scenario).
"""

from __future__ import annotations

import io
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import actionplan.commands.show  # noqa: F401  (registers the command until cli.py does)
from actionplan.cli import app
from actionplan.commands.show import unknown_task_message

FIXTURE = Path(__file__).parent / "fixtures" / "alerts"
runner = CliRunner()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def show(data: Path, *args: str, as_of: str = "2026-12-03") -> tuple[int, str, str]:
    argv = ["show", *args, "--data", str(data), "--as-of", as_of]
    result = runner.invoke(app, argv, env={"COLUMNS": "90"})
    return result.exit_code, result.stdout, result.stderr


SHOW_1_1_3_EN = """\
╭─ 1.1.3 ────────────────────────────────────────────────────────────────────────────────╮
│ Việc ba                                                                                │
│                                                                                        │
│ Section      1 Trụ cột › 1.1 Mục                                                       │
│ Lead         Ban Tổ chức Tỉnh ủy (ban-to-chuc)                                         │
│ Support      —                                                                         │
│ Status       Due soon · 12 days left                                                   │
│ Flags        Blocked, Deadline extended                                                │
│ Progress     70%                                                                       │
│ Last report  2026-10-06                                                                │
╰────────────────────────────────────────────────────────────────────────────────────────╯
Milestones
╭─ 1. Completion ────────────────────────────────────────────────────────────────────────╮
│ Thời hạn hoàn thành: Tháng 6/2026                                                      │
│ Original due   2026-06-30                                                              │
│ Effective due  2026-12-15                                                              │
│ Decision       Extended to 2026-12-10 · Thông báo số 40-TB/TU ngày 01/07/2026 ·        │
│                2026-07-01                                                              │
│                Extended to 2026-12-15 · Thông báo số 45-TB/TU ngày 10/11/2026 ·        │
│                2026-11-10                                                              │
│ Status         Due soon · 12 days left                                                 │
│ Flags          Blocked, Deadline extended                                              │
╰────────────────────────────────────────────────────────────────────────────────────────╯
Reports (1)
╭─ 2026-Q3 · Ban Tổ chức Tỉnh ủy (ban-to-chuc) · submitted 2026-10-06 ───────────────────╮
│ Milestone  Completion                                                                  │
│ Status     In progress                                                                 │
│ Progress   70%                                                                         │
│ Obstacles  ::error ::x                                                                 │
│ Note       Chờ ý kiến                                                                  │
╰────────────────────────────────────────────────────────────────────────────────────────╯
"""


def test_show_in_english(data: Path) -> None:
    code, out, _ = show(data, "1.1.3", "--lang", "en")
    assert code == 0
    assert out == SHOW_1_1_3_EN


def test_show_in_vietnamese_lists_every_report_in_order(data: Path) -> None:
    code, out, _ = show(data, "1.1.1")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "│ Việc một [bold]đậm[/]" + " " * 66 + "│"  # markup shown, not applied
    titles = [line.split(" · ")[:2] for line in lines if line.startswith("╭─ 2026")]
    assert titles == [
        ["╭─ 2026-Q2", "Đảng ủy UBND tỉnh (ubnd)"],
        ["╭─ 2026-Q3", "Đảng ủy UBND tỉnh (ubnd)"],  # scheme
        ["╭─ 2026-Q3", "Đảng ủy UBND tỉnh (ubnd)"],  # implementation
        ["╭─ 2026-Q3", "Văn phòng Tỉnh ủy (van-phong)"],  # the secretariat's note
    ]
    # Spacing and the labels still awaiting translation aside, cell by cell:
    cells = [" ".join(line[1:-1].split()) for line in lines if line.startswith("│ ")]
    assert "Cơ quan chủ trì Đảng ủy UBND tỉnh (ubnd)" in cells
    assert "Trạng thái Quá hạn · quá 156 ngày" in cells
    assert "Thời hạn 30/06/2026" in cells
    assert "Thời hạn Thường xuyên" in cells
    assert "Trạng thái Đang thực hiện thường xuyên" in cells
    assert "Tiến độ 40%" in cells
    assert cells[-1].endswith(" Văn phòng đã nhắc")
    assert any(c.endswith(" [red]x[/] | <b>đậm</b> & *nghiêng*") for c in cells)
    assert any(c.endswith(" ¹ Chú thích [i]nguyên văn[/i].") for c in cells)
    evidence = next(i for i, c in enumerate(cells) if c.endswith(" Tờ trình số 12-TTr"))
    assert cells[evidence + 1] == "Công văn số 3-CV"


def test_show_only_counts_what_existed_by_as_of(data: Path) -> None:
    code, out, _ = show(data, "2.1.1", "--lang", "en")
    assert code == 0
    assert out.splitlines()[-1] == "No reports as of 2026-12-03."
    code, out, _ = show(data, "2.1.1", "--lang", "en", as_of="2026-12-21")
    assert "Reports (1)" in out.splitlines()
    assert "│ Note       Báo cáo muộn" in out
    _code, out, _ = show(data, "1.1.4", "--lang", "en", as_of="2026-12-21")
    assert "│ Effective due  2027-06-30" in out
    assert "│ Decision       Extended to 2027-06-30 · Thông báo số 99-TB/TU · 2026-12-20" in out


def test_done_milestone_shows_its_date(data: Path) -> None:
    _code, out, _ = show(data, "1.2.1", "--lang", "en")
    cells = [line[2:-1].rstrip() for line in out.splitlines() if line.startswith("│ ")]
    assert cells[cells.index("Due      2025-12-31") + 1 :][:2] == [
        "Status   Done on time",
        "Done on  2025-11-01",
    ]


def test_no_line_of_user_text_can_start_a_workflow_command(data: Path) -> None:
    _code, out, _ = show(data, "1.1.3")
    assert "::error ::x" in out
    assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]


def test_unknown_task_exits_2_with_a_suggestion(data: Path) -> None:
    code, out, err = show(data, "1.2.2", "--lang", "en")
    assert code == 2
    assert out == ""
    assert err.splitlines()[-1] == (
        "Error: Invalid value for 'TASK_ID': unknown task '1.2.2'; did you mean '1.2.1'?"
    )
    code, _out, err = show(data, "9", "--lang", "en")
    assert code == 2
    assert err.splitlines()[-1] == "Error: Invalid value for 'TASK_ID': unknown task '9'"
    code, _out, err = show(data, "2.1.x")  # Vietnamese, the default
    assert code == 2
    assert err.splitlines()[-1].startswith("Error: Invalid value for 'TASK_ID': ")
    assert "; did you mean '2.1." in err


def test_unknown_task_message_is_inert(en: None) -> None:
    message = unknown_task_message("1.1.1\x1b[0m\n", ["1.1.1", "2.1.1"])
    assert message == "unknown task '1.1.1\\x1b[0m'; did you mean '1.1.1'?"
    assert unknown_task_message("[red]\u202e", ["1.1.1"]) == "unknown task '[red]\\u202e'"


def test_task_id_is_trimmed(data: Path) -> None:
    code, out, _ = show(data, " 1.1.3 ", "--lang", "en")
    assert code == 0
    assert out == SHOW_1_1_3_EN


def test_escape_sequences_in_entries_are_shown_as_text() -> None:
    """The loader refuses control characters; the presenter does not rely on it."""
    from rich.console import Console

    from actionplan.dataset import load_dataset
    from actionplan.evaluate import Report, evaluate
    from actionplan.i18n import set_language
    from actionplan.models import Entry
    from actionplan.present.show import render_task
    from actionplan.terms import Quarter

    set_language("en")
    dataset = load_dataset(FIXTURE)
    assert dataset.programme is not None
    as_of = date(2026, 12, 3)
    result = evaluate(dataset.programme, [], [], as_of).tasks[0]
    entry = Entry.model_construct(
        task="1.1.1", status="in_progress", note="\x1b[31mred\u202e", evidence=[]
    )
    report = Report("ubnd", Quarter(2026, 3), as_of, entry)
    out = io.StringIO()
    console = Console(file=out, width=60, markup=False, highlight=False, color_system=None)
    render_task(console, dataset.programme, result, [report], [], as_of)
    assert "│ Note       \\x1b[31mred\\u202e" in out.getvalue()
    assert "\x1b" not in out.getvalue()
