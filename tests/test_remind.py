"""`actionplan remind`: who gets a reminder, what each lists, and how files are written.

The fixture (tests/fixtures/remind) as of 2026-12-03: P* = 2026-Q3, W = 30 days, the
next report covers 2026-Q4 and is due 2027-01-15.

- ubnd: 1.1.1 scheme overdue (156 days), 1.1.4 due soon (28 days), continuous 2.1.1
  never reported; it has done its part of the overdue, co-led 1.1.2, so is not urged on it;
- ban-to-chuc: 1.1.2 overdue (337 days; its co-lead ubnd is done), 1.1.3 due soon
  (12 days, extended from 2026-06-30 by a decision);
- ban-tuyen-giao: continuous 2.1.2 (last reported for 2026-Q2) and 2.1.4 (never; its
  co-lead ban-kiem-tra reported) unreported;
- ban-noi-chinh: 1.1.5 due soon (17 days);
- nothing to act on: van-phong (a task awaiting a Central schedule), ban-kiem-tra (done,
  on track, reported; its 1.2.2 is dated and not due soon, so its missing report is not
  a reminder item), mat-tran (leads nothing).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

import actionplan.commands.remind  # noqa: F401  (registers the command until cli.py does)
from actionplan.cli import app
from actionplan.dataset import load_dataset
from actionplan.evaluate import evaluate
from actionplan.remind import Reminders, build_reminders, quarter_label, title_in_sentence
from actionplan.terms import Quarter
from conftest import REPO

FIXTURE = Path(__file__).parent / "fixtures" / "remind"
TEMPLATES = REPO / "templates"
AS_OF = "2026-12-03"
runner = CliRunner()

EXPECTED = {  # agency -> (overdue, due soon, unreported), most urgent first
    "ubnd": (["1.1.1"], ["1.1.4"], ["2.1.1"]),
    "ban-to-chuc": (["1.1.2"], ["1.1.3"], []),
    "ban-tuyen-giao": ([], [], ["2.1.2", "2.1.4"]),
    "ban-noi-chinh": ([], ["1.1.5"], []),
}
SKIPPED = ["van-phong", "ban-kiem-tra", "mat-tran"]


@pytest.fixture
def data(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def reminders(as_of: date, agency: str | None = None) -> Reminders:
    dataset = load_dataset(FIXTURE)
    assert dataset.ok and dataset.programme is not None
    evaluation = evaluate(dataset.programme, dataset.updates, dataset.decisions, as_of)
    return build_reminders(dataset.programme, evaluation, agency)


def remind(data: Path, *args: str, as_of: str = AS_OF) -> tuple[int, str, str]:
    argv = ["remind", "--data", str(data), "--as-of", as_of, "--templates", str(TEMPLATES)]
    result = runner.invoke(app, [*argv, *args])
    return result.exit_code, result.stdout, result.stderr


# --- the model -------------------------------------------------------------------------


def test_who_gets_a_reminder_and_what_it_lists() -> None:
    run = reminders(date(2026, 12, 3))
    found = {
        r.agency: (
            [i.id for i in r.overdue],
            [i.id for i in r.due_soon],
            [i.id for i in r.unreported],
        )
        for r in run.to_send
    }
    assert found == EXPECTED
    assert [r.agency for r in run.skipped] == SKIPPED
    assert (run.report_period, run.next_period) == (Quarter(2026, 3), Quarter(2026, 4))
    assert run.report_deadline == date(2027, 1, 15)
    assert run.secretariat == "Văn phòng Tỉnh ủy"


def test_items_carry_days_extension_co_leads_and_last_report() -> None:
    run = {r.agency: r for r in reminders(date(2026, 12, 3)).reminders}
    overdue = run["ban-to-chuc"].overdue[0]
    assert (overdue.milestone.days_overdue, overdue.co_leads) == (337, ("Đảng ủy UBND tỉnh",))
    extended = run["ban-to-chuc"].due_soon[0]
    assert extended.extended and extended.milestone.days_left == 12
    assert extended.milestone.original_due == date(2026, 6, 30)
    assert not run["ubnd"].due_soon[0].extended
    periods = [i.last_period for i in run["ban-tuyen-giao"].unreported]
    assert periods == [Quarter(2026, 2), None]


def test_most_overdue_first_and_continuous_reported_later_drop_out() -> None:
    run = {r.agency: r for r in reminders(date(2027, 1, 10)).reminders}
    ubnd = run["ubnd"]
    assert [(i.id, i.milestone.days_overdue) for i in ubnd.overdue] == [
        ("1.1.1", 194),
        ("1.1.4", 10),
    ]
    # P* is still 2026-Q3 until 2027-01-15; its next report is the 2026-Q4 one.
    assert reminders(date(2027, 1, 16)).next_period == Quarter(2027, 1)


def test_before_the_first_period_closes_no_report_is_missing() -> None:
    run = reminders(date(2025, 12, 20))
    assert run.report_period is None
    assert (run.next_period, run.report_deadline) == (Quarter(2025, 4), date(2026, 1, 15))
    assert all(not r.unreported for r in run.reminders)
    # 1.1.2 is due 2025-12-31 and neither lead had reported by then: both are urged.
    due = {r.agency: [i.id for i in r.due_soon] for r in run.to_send}
    assert due["ubnd"] == ["1.1.2"] and due["ban-to-chuc"] == ["1.1.2"]


def test_one_agency_only() -> None:
    run = reminders(date(2026, 12, 3), "ban-noi-chinh")
    assert [r.agency for r in run.reminders] == ["ban-noi-chinh"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH thực hiện Nghị quyết",
            "Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết",
        ),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG THỰC HIỆN 57-NQ/TW", "Chương trình hành động thực hiện 57-NQ/TW"),
        ("Chương trình thử", "Chương trình thử"),
        ("UBND tỉnh", "UBND tỉnh"),
    ],
)
def test_title_in_sentence(title: str, expected: str) -> None:
    assert title_in_sentence(title, "Ban Chấp hành Đảng bộ tỉnh") == expected


def test_quarter_label_in_english(en: None) -> None:
    assert quarter_label(Quarter(2026, 4)) == "Quarter 4, 2026"


# --- documents: exactly the right items -------------------------------------------------

HEADINGS = {  # English headings (--lang en) -> section key
    "Overdue tasks": "overdue",
    "Tasks due within the next 30 days": "due_soon",
    "Continuous tasks not yet reported on for Quarter 3, 2026": "unreported",
}
ID = r"[0-9]+(?:\.[0-9]+)+"


def listed(text: str, fmt: str) -> tuple[list[str], list[str], list[str]]:
    """The task ids a document lists, per section, in order."""
    sections: dict[str, list[str]] = {"overdue": [], "due_soon": [], "unreported": []}
    if fmt == "html":
        for key, body in re.findall(r'<section class="(\w+)">(.*?)</section>', text, re.S):
            sections[key] = re.findall(rf'<li data-task="({ID})">', body)
        return sections["overdue"], sections["due_soon"], sections["unreported"]
    current = None
    for line in text.splitlines():
        heading = re.match(r"(?:## )?[0-9]\. (.+) \([0-9]+\)$", line)
        if heading:
            current = HEADINGS[heading.group(1)]
            continue
        item = re.match(rf"\s*[0-9]+\. (?:\*\*)?Task ({ID})(?:\*\*)?:", line)
        if item:
            assert current is not None, line
            sections[current].append(item.group(1))
    return sections["overdue"], sections["due_soon"], sections["unreported"]


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_writes_exactly_the_agencies_with_something_to_act_on(
    data: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = remind(data, "--format", fmt, "-o", str(out), "--lang", "en")
    assert code == 0, stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{a}.{fmt}" for a in EXPECTED)
    for agency, expected in EXPECTED.items():
        text = (out / f"{agency}.{fmt}").read_text(encoding="utf-8")
        assert listed(text, fmt) == expected, agency
    assert stdout.splitlines() == [f"Wrote {out / a}.{fmt}." for a in EXPECTED]
    assert stderr.splitlines() == [
        "No reminder (nothing to act on): Văn phòng Tỉnh ủy (van-phong), "
        "Ủy ban Kiểm tra Tỉnh ủy (ban-kiem-tra), Đảng ủy Mặt trận Tổ quốc tỉnh (mat-tran)."
    ]


def test_without_output_prints_every_document_marked(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stdout, _err = remind(data, "--lang", "en")
    assert code == 0
    names = re.findall(r"^==> (\S+) <==$", stdout, re.M)
    assert names == [f"{a}.md" for a in EXPECTED]
    documents = re.split(r"^==> \S+ <==$", stdout, flags=re.M)[1:]
    assert [listed(d, "md") for d in documents] == list(EXPECTED.values())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]  # nothing written


def test_agency_option(data: Path, tmp_path: Path) -> None:
    code, stdout, _err = remind(data, "--agency", "ban-noi-chinh", "--lang", "en")
    assert code == 0
    assert re.findall(r"^==> (\S+) <==$", stdout, re.M) == ["ban-noi-chinh.md"]
    code, stdout, stderr = remind(data, "--agency", "mat-tran", "-o", str(tmp_path / "o"))
    assert (code, stdout) == (0, "")
    assert "mat-tran" in stderr
    assert not (tmp_path / "o").exists()


def test_unknown_agency_is_a_usage_error(data: Path) -> None:
    code, _out, _err = remind(data, "--agency", "nobody")
    assert code == 2


def test_nothing_to_remind_says_so(data: Path) -> None:
    code, stdout, stderr = remind(data, "--lang", "en", as_of="2025-06-01")
    assert (code, stdout) == (0, "")
    assert stderr.splitlines()[0] == "Nothing to remind any agency of as of 2025-06-01."


# --- writing files: atomically, never over an existing file without --force ------------


def test_refuses_to_overwrite_and_writes_nothing(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "ban-tuyen-giao.md").write_text("bản cũ", encoding="utf-8")
    code, _stdout, stderr = remind(data, "-o", str(out), "--lang", "en")
    assert code == 1
    assert stderr.splitlines() == [
        f"{out / 'ban-tuyen-giao.md'} already exists; use --force to replace it.",
        "Nothing written.",
    ]
    # Every target was checked before any was written: the earlier ones are absent too.
    assert [p.name for p in out.iterdir()] == ["ban-tuyen-giao.md"]
    assert (out / "ban-tuyen-giao.md").read_text(encoding="utf-8") == "bản cũ"

    code, _stdout, _stderr = remind(data, "-o", str(out), "--force", "--lang", "en")
    assert code == 0
    rewritten = (out / "ban-tuyen-giao.md").read_text(encoding="utf-8")
    assert listed(rewritten, "md") == EXPECTED["ban-tuyen-giao"]
    assert len(list(out.iterdir())) == len(EXPECTED)


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "ubnd.md").write_text("bản cũ", encoding="utf-8")

    def disk_full(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("actionplan.fsutil.os.fsync", disk_full)
    code, _stdout, stderr = remind(data, "-o", str(out), "--force", "--lang", "en")
    assert code == 1
    assert "No space left on device" in stderr
    assert [p.name for p in out.iterdir()] == ["ubnd.md"]
    assert (out / "ubnd.md").read_text(encoding="utf-8") == "bản cũ"


def test_output_that_is_a_file_is_refused(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "file.md"
    target.write_text("x", encoding="utf-8")
    code, _stdout, stderr = remind(data, "-o", str(target), "--lang", "en")
    assert code == 1
    assert "is not a folder" in stderr
    assert target.read_text(encoding="utf-8") == "x"


# --- what the documents say, and how data text is kept inert ----------------------------


def document(data: Path, agency: str, fmt: str, *args: str) -> str:
    code, stdout, stderr = remind(data, "--agency", agency, "--format", fmt, *args)
    assert code == 0, stderr
    return stdout.split("\n", 1)[1]  # drop the "==> name <==" line


def test_vietnamese_administrative_layout(data: Path) -> None:
    text = document(data, "ban-to-chuc", "txt")
    for expected in (
        "TỈNH ỦY PHÚ THỌ",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Phú Thọ, ngày 3 tháng 12 năm 2026",
        "Kính gửi: Ban Tổ chức Tỉnh ủy",
        "Nơi nhận:",
    ):
        assert expected in text
    subject = " ".join(text.split())
    assert (
        "V/v đôn đốc thực hiện nhiệm vụ theo Chương trình hành động của Ban Chấp hành "
        "Đảng bộ tỉnh thực hiện Nghị quyết thử" in subject
    )
    assert "quá 337 ngày" in subject and "còn 12 ngày" in subject
    assert "gia hạn từ 30/06/2026 theo Thông báo số 45-TB/TU ngày 10/11/2026" in subject
    assert "Quý IV năm 2026" in subject and "trước ngày 15/01/2027" in subject


def test_english_layout(data: Path) -> None:
    text = " ".join(document(data, "ubnd", "txt", "--lang", "en").split())
    assert "PHÚ THỌ PROVINCIAL PARTY COMMITTEE" in text
    assert "Phú Thọ, 3 December 2026" in text
    assert "Re: urging the implementation of tasks under Chương trình hành động của" in text
    assert "To: Đảng ủy UBND tỉnh" in text
    assert "156 days overdue" in text and "28 days left" in text
    assert "Quarter 4, 2026" in text and "by 2027-01-15" in text


def test_another_province_works_unchanged(data: Path) -> None:
    programme = data / "programme.yaml"
    text = programme.read_text(encoding="utf-8").replace('"Phú Thọ"', '"Lào Cai"')
    programme.write_text(text, encoding="utf-8")
    for fmt in ("md", "html", "txt"):
        out = document(data, "ubnd", fmt)
        assert "LÀO CAI" in out and "Lào Cai, " in out
        assert "Phú Thọ" not in out and "PHÚ THỌ" not in out


def test_data_text_is_escaped_in_markdown(data: Path) -> None:
    text = document(data, "ubnd", "md") + document(data, "ban-tuyen-giao", "md")
    assert r"\*chuyển đổi số\*" in text
    assert "&lt;b&gt;toàn tỉnh&lt;/b&gt; &amp; \\[liên kết\\](http://x.vn)" in text
    assert "Ban Tuyên giáo &lt;và&gt; Dân vận" in text
    assert "<b>" not in text and "<và>" not in text
    assert re.search(r"(?<!\\)\]\(", text) is None  # no live link syntax


def test_data_text_is_autoescaped_in_html(data: Path) -> None:
    text = document(data, "ubnd", "html") + document(data, "ban-tuyen-giao", "html")
    assert "&lt;b&gt;toàn tỉnh&lt;/b&gt; &amp; [liên kết](http://x.vn)" in text
    assert "Ban Tuyên giáo &lt;và&gt; Dân vận" in text
    assert "<b>" not in text and "<và>" not in text


def test_data_text_is_plain_in_txt(data: Path) -> None:
    text = document(data, "ubnd", "txt") + document(data, "ban-tuyen-giao", "txt")
    assert "*chuyển đổi số* <b>toàn tỉnh</b> & [liên kết](http://x.vn)" in " ".join(text.split())
    assert "Ban Tuyên giáo <và> Dân vận" in text
    assert "&lt;" not in text and "\\*" not in text


def test_the_command_module_imports_light() -> None:
    import subprocess
    import sys

    code = (
        "import sys, actionplan.commands.remind\n"
        "heavy = ('pydantic', 'jinja2', 'yaml', 'dateutil', 'openpyxl')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
