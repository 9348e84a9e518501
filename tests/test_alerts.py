"""`actionplan alerts`: groups, order, --agency, every format, inert user text.

The fixture (tests/fixtures/alerts) as of 2026-12-03, P* = 2026-Q3, W = 30 days:

- 1.1.1 (ubnd) scheme due 2026-Q2: overdue 156 days; a Q3 note with markup and HTML;
- 1.1.2 (ubnd + ban-to-chuc) due 2025: overdue 337 days; ubnd reports insufficient
  resources and obstacles, ban-to-chuc never reported;
- 1.1.3 (ban-to-chuc) due 2026-06, extended to 2026-12-15: due soon (12 days); its
  obstacles are "::error ::x";
- 1.1.4 (ubnd) due 2026-12: due soon (28 days); last reported for 2026-Q2; an extension
  dated 2026-12-20 and a Q4 report submitted 2026-12-20 count only from that day;
- 1.2.1 done on time; 2.1.1 (ubnd) continuous, never reported; 2.1.2 (ubnd) due 2028,
  resources insufficient.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

import actionplan.commands.alerts  # noqa: F401  (registers the command until cli.py does)
from actionplan.cli import app
from actionplan.present.alerts import short_text
from actionplan.render import markdown_text

FIXTURE = Path(__file__).parent / "fixtures" / "alerts"
runner = CliRunner()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def alerts(data: Path, *args: str, as_of: str = "2026-12-03") -> tuple[int, str]:
    argv = ["alerts", "--data", str(data), "--as-of", as_of, *args]
    result = runner.invoke(app, argv, env={"COLUMNS": "120"})
    return result.exit_code, result.stdout


def listing(data: Path, *args: str, as_of: str = "2026-12-03") -> list[tuple[str, ...]]:
    code, out = alerts(data, "--format", "json", *args, as_of=as_of)
    assert code == 0
    return [(a["alert"], a["id"], *a["agencies"]) for a in json.loads(out)["alerts"]]


def test_groups_in_order_each_most_urgent_first(data: Path) -> None:
    assert listing(data) == [
        ("overdue", "1.1.2", "ubnd", "ban-to-chuc"),  # 337 days before 156
        ("overdue", "1.1.1", "ubnd"),
        ("due_soon", "1.1.3", "ban-to-chuc"),  # 12 days left before 28
        ("due_soon", "1.1.4", "ubnd"),
        ("report_missing", "1.1.4", "ubnd"),  # by agency (programme order), then task
        ("report_missing", "2.1.1", "ubnd"),
        ("report_missing", "1.1.2", "ban-to-chuc"),
        ("resources_insufficient", "1.1.2", "ubnd"),  # overdue before on track
        ("resources_insufficient", "2.1.2", "ubnd"),
        ("blocked", "1.1.2", "ubnd"),  # overdue before due soon
        ("blocked", "1.1.3", "ban-to-chuc"),
    ]


def test_only_what_was_submitted_and_decided_by_as_of_counts(data: Path) -> None:
    assert listing(data, as_of="2026-12-21") == [
        ("overdue", "1.1.2", "ubnd", "ban-to-chuc"),
        ("overdue", "1.1.1", "ubnd"),
        ("overdue", "1.1.3", "ban-to-chuc"),  # 6 days; 1.1.4 is extended to 2027-06 now
        ("report_missing", "1.1.4", "ubnd"),  # 2.1.1 was reported for 2026-Q4
        ("report_missing", "1.1.2", "ban-to-chuc"),
        ("resources_insufficient", "1.1.2", "ubnd"),
        ("resources_insufficient", "2.1.2", "ubnd"),
        ("blocked", "1.1.2", "ubnd"),
        ("blocked", "1.1.3", "ban-to-chuc"),
    ]


def test_agency_keeps_its_tasks_and_its_own_missing_reports(data: Path) -> None:
    assert listing(data, "--agency", "ban-to-chuc") == [
        ("overdue", "1.1.2", "ubnd", "ban-to-chuc"),
        ("due_soon", "1.1.3", "ban-to-chuc"),
        ("report_missing", "1.1.2", "ban-to-chuc"),
        ("resources_insufficient", "1.1.2", "ubnd"),  # reported by its co-lead
        ("blocked", "1.1.2", "ubnd"),
        ("blocked", "1.1.3", "ban-to-chuc"),
    ]
    ubnd = listing(data, "--agency", "ubnd")
    assert ("report_missing", "1.1.2", "ban-to-chuc") not in ubnd
    assert len(ubnd) == 8
    assert listing(data, "--agency", "van-phong") == []


def test_unknown_agency_is_a_usage_error(data: Path) -> None:
    code, _ = alerts(data, "--agency", "nobody")
    assert code == 2


def test_json_document(data: Path) -> None:
    code, out = alerts(data, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert {k: v for k, v in document.items() if k != "alerts"} == {
        "as_of": "2026-12-03",
        "programme": "test",
        "report_period": "2026-Q3",
        "summary": {
            "overdue": 2,
            "due_soon": 2,
            "report_missing": 3,
            "resources_insufficient": 2,
            "blocked": 2,
        },
    }
    assert document["alerts"][2] == {
        "alert": "due_soon",
        "agencies": ["ban-to-chuc"],
        "id": "1.1.3",
        "section": "1.1",
        "leads": ["ban-to-chuc"],
        "status": "due_soon",
        "flags": ["blocked", "extended"],
        "due": "2026-12-15",
        "days_overdue": None,
        "days_left": 12,
        "progress": 70,
        "last_submitted": "2026-10-06",
        "milestones": [
            {
                "kind": "completion",
                "text": "Thời hạn hoàn thành: Tháng 6/2026",
                "due": "2026-12-15",
                "original_due": "2026-06-30",
                "status": "due_soon",
                "flags": ["blocked", "extended"],
            }
        ],
        "text": "Việc ba",
        "note": "::error ::x",
        "note_by": "ban-to-chuc",
    }
    notes = [(a["alert"], a["id"], a["note"], a["note_by"]) for a in document["alerts"]]
    assert notes[:2] == [
        ("overdue", "1.1.2", "Chưa bố trí được kinh phí", "ubnd"),
        ("overdue", "1.1.1", "[red]x[/] | <b>đậm</b> & *nghiêng*", "ubnd"),  # not van-phong's
    ]
    assert notes[4:7] == [
        ("report_missing", "1.1.4", "Đã khởi động", "ubnd"),
        ("report_missing", "2.1.1", None, None),
        ("report_missing", "1.1.2", None, None),  # ban-to-chuc itself never wrote
    ]
    assert notes[8] == ("resources_insufficient", "2.1.2", "Cần thêm biên chế", "ubnd")


def test_table_in_english(data: Path) -> None:
    code, out = alerts(data, "--lang", "en")
    assert code == 0
    lines = out.splitlines()
    assert lines[:4] == [
        "Early warning: Chương trình thử",
        "As of 2026-12-03 · report period 2026-Q3",
        "",
        "Overdue (2)",
    ]
    headings = [line for line in lines if line.endswith(")") and not line.startswith("│")]
    assert headings == [
        "Overdue (2)",
        "Due soon (2)",
        "Report missing (3)",
        "Resources insufficient (2)",
        "Blocked (2)",
    ]
    start = lines.index("Report missing (3)")
    assert "\n".join(lines[start : start + 8]) + "\n" == REPORT_MISSING_EN
    start = lines.index("Due soon (2)")
    assert "\n".join(lines[start + 4 : start + 7]) + "\n" == DUE_SOON_ROWS_EN


REPORT_MISSING_EN = """\
Report missing (3)
┏━━━━━━━┳━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━━━━━┓
┃ Id    ┃ Task              ┃ Agency              ┃ Due        ┃ Days             ┃ Progress ┃ Note         ┃
┡━━━━━━━╇━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━━━━━┩
│ 1.1.4 │ Việc bốn          │ Đảng ủy UBND tỉnh   │ 2026-12-31 │ 28 days left     │      20% │ Đã khởi động │
│ 2.1.1 │ Việc thường xuyên │ Đảng ủy UBND tỉnh   │ Continuous │                  │          │              │
│ 1.1.2 │ Việc hai          │ Ban Tổ chức Tỉnh ủy │ 2025-12-31 │ 337 days overdue │      10% │              │
└───────┴───────────────────┴─────────────────────┴────────────┴──────────────────┴──────────┴──────────────┘
"""  # noqa: E501
DUE_SOON_ROWS_EN = """\
│ 1.1.3 │ Việc ba  │ Ban Tổ chức Tỉnh ủy │ 2026-12-15 (originally   │ 12 days left │      70% │ ::error ::x  │
│       │          │                     │ 2026-06-30)              │              │          │              │
│ 1.1.4 │ Việc bốn │ Đảng ủy UBND tỉnh   │ 2026-12-31               │ 28 days left │      20% │ Đã khởi động │
"""  # noqa: E501
# Rows whose layout depends on no message awaiting translation (a column is as wide
# as its widest cell, and these cells are wider than the headers).
BAN_TO_CHUC_ROWS_VI = """\
│ 1.1.2 │ Việc hai │ Đảng ủy UBND tỉnh, Ban Tổ    │ 31/12/2025 │ quá 337 ngày │     10% │ Đảng ủy UBND tỉnh: Chưa bố   │
│       │          │ chức Tỉnh ủy                 │            │              │         │ trí được kinh phí            │
│ 1.1.3 │ Việc ba  │ Ban Tổ chức Tỉnh ủy │ 15/12/2026 (hạn gốc      │ còn 12 ngày  │     70% │ ::error ::x             │
"""  # noqa: E501


def test_table_in_vietnamese_by_default(data: Path) -> None:
    code, out = alerts(data, "--agency", "ban-to-chuc")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "Tính đến ngày 03/12/2026 · kỳ báo cáo 2026-Q3"
    headings = [line for line in lines if line.endswith(")") and not line.startswith("│")]
    assert headings == [
        "Quá hạn (1)",
        "Sắp đến hạn (1)",
        "Chưa báo cáo (1)",
        "Thiếu nguồn lực (1)",
        "Vướng mắc (2)",
    ]
    overdue_1, overdue_2, blocked = BAN_TO_CHUC_ROWS_VI.splitlines()
    assert lines[lines.index("Quá hạn (1)") + 4 : lines.index("Quá hạn (1)") + 6] == [
        overdue_1,
        overdue_2,
    ]
    assert lines[lines.index("Vướng mắc (2)") + 6] == blocked


def test_markdown(data: Path) -> None:
    code, out = alerts(data, "--format", "md", "--agency", "ubnd", "--lang", "en")
    assert code == 0
    assert out.splitlines()[:13] == [
        "# Early warning: Chương trình thử",
        "",
        "As of 2026-12-03 · report period 2026-Q3",
        "",
        "## Overdue (2)",
        "",
        "| Id | Task | Lead | Due | Days | Progress | Note |",
        "|---|---|---|---|---|---|---|",
        "| 1.1.2 | Việc hai | Đảng ủy UBND tỉnh, Ban Tổ chức Tỉnh ủy | 2025-12-31 "
        "| 337 days overdue | 10% | Đảng ủy UBND tỉnh: Chưa bố trí được kinh phí |",
        "| 1.1.1 | Việc một \\[bold\\]đậm\\[/\\] | Đảng ủy UBND tỉnh | 2026-06-30 "
        "| 156 days overdue | 40% "
        "| \\[red\\]x\\[/\\] \\| &lt;b&gt;đậm&lt;/b&gt; &amp; \\*nghiêng\\* |",
        "",
        "## Due soon (1)",
        "",
    ]
    assert [line for line in out.splitlines() if line.startswith("#")] == [
        "# Early warning: Chương trình thử",
        "## Overdue (2)",
        "## Due soon (1)",
        "## Report missing (2)",
        "## Resources insufficient (2)",
        "## Blocked (1)",
    ]
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert all(row.count(" | ") == 6 for row in rows)  # no cell breaks the table


def test_no_alerts_is_said_plainly_and_exits_0(data: Path) -> None:
    code, out = alerts(data, "--lang", "en", as_of="2025-10-01")
    assert code == 0
    assert out.splitlines() == [
        "Early warning: Chương trình thử",
        "As of 2025-10-01 · report period —",
        "No alerts as of 2025-10-01.",
    ]
    code, out = alerts(data, "--format", "md", "--lang", "en", as_of="2025-10-01")
    assert out == (
        "# Early warning: Chương trình thử\n\nAs of 2025-10-01 · report period —\n\n"
        "No alerts as of 2025-10-01.\n"
    )
    code, out = alerts(data, "--format", "json", as_of="2025-10-01")
    document = json.loads(out)
    assert document["alerts"] == []
    assert document["report_period"] is None
    assert set(document["summary"].values()) == {0}


@pytest.mark.parametrize("output_format", ["table", "json", "md"])
def test_user_text_cannot_start_a_workflow_command(data: Path, output_format: str) -> None:
    code, out = alerts(data, "--format", output_format)
    assert code == 0
    assert "::error ::x" in out
    assert not [line for line in out.splitlines() if line.lstrip().startswith("::")]


def test_rich_markup_in_user_text_is_shown_not_applied(data: Path) -> None:
    _code, out = alerts(data, "--lang", "en")
    assert "│ 1.1.1 │ Việc một             │" in out
    assert "│       │ [bold]đậm[/]         │" in out
    assert "│ [red]x[/] |          │" in out
    assert "\x1b" not in out


def test_markdown_escape() -> None:
    assert markdown_text("a|b\nc <script>&amp; [x](y) *z* `q` ~s~ _u_ \\") == (
        "a\\|b c &lt;script&gt;&amp;amp; \\[x\\](y) \\*z\\* \\`q\\` \\~s\\~ \\_u\\_ \\\\"
    )
    assert markdown_text("\x1b[31m") == "\\\\x1b\\[31m"


def test_short_text_cuts_at_a_word() -> None:
    assert short_text("Xây dựng  và\nthực hiện", 60) == "Xây dựng và thực hiện"
    assert short_text("Xây dựng và thực hiện đề án", 15) == "Xây dựng và…"
    assert short_text("Xâydựngvàthựchiện", 8) == "Xâydựng…"
