"""`actionplan report`: golden Markdown and HTML, the model, safety, files, errors.

The fixture (tests/fixtures/report) spans 2025-Q4 to 2026-Q4. For the 2026-Q3 report
(as of 2026-09-30, against 2026-06-30): 1.2.2 and 2.1.4 are newly done, 1.1.1 newly
overdue, and 1.1.3 is extended by a decision dated inside the quarter. As of 2026-12-03
(against 2026-09-30) 2.1.3 is scheduled and ubnd's Q3 file, submitted 2026-10-05,
counts: it carries a hostile note (HTML, event handlers, javascript: links, Markdown).

Golden files live in tests/golden/. After a deliberate change to the templates or the
catalogs, regenerate them and review the diff:

    UPDATE_GOLDEN=1 python -m pytest tests/test_report.py
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

import actionplan.commands.report  # noqa: F401  (registers the command until cli.py does)
from actionplan.cli import app
from actionplan.dataset import load_dataset
from actionplan.periods import ReportPeriod, window_for
from actionplan.report import Report, build_report

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "report"
GOLDEN = HERE / "golden"
REPO = HERE.parent
TEMPLATES = REPO / "templates"
EPOCH = "1796112000"  # 2026-12-01 08:00 UTC = 15:00 in Viet Nam
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CHARTS = ("chart-status", "chart-agencies", "chart-deadlines", "chart-trend")
runner = CliRunner()


@pytest.fixture(autouse=True)
def _fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.delenv("ACTIONPLAN_TEMPLATES", raising=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """The fixture copied out of the repository, so it is not in git."""
    shutil.copytree(FIXTURE, tmp_path / "data")
    return tmp_path / "data"


def report(data: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["report", "--data", str(data), *args])
    return result.exit_code, result.stdout, result.stderr


def rendered(data: Path, *args: str) -> str:
    code, out, err = report(data, *args)
    assert (code, err) == (0, "")
    return out


# --- golden files -----------------------------------------------------------------

CASES = {
    "period-2026-Q3": ("--period", "2026-Q3"),
    "as-of-2026-12-03": ("--as-of", "2026-12-03"),
}


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        return
    assert path.is_file(), f"missing {path}; run UPDATE_GOLDEN=1 pytest {__file__}"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} changed; review, then regenerate with UPDATE_GOLDEN=1"


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_markdown_matches_golden(data: Path, case: str, lang: str) -> None:
    check_golden(f"report-{case}.{lang}.md", rendered(data, *CASES[case], "--lang", lang))


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_html_matches_golden(data: Path, lang: str) -> None:
    text = rendered(data, *CASES["as-of-2026-12-03"], "--format", "html", "--lang", lang)
    check_golden(f"report-as-of-2026-12-03.{lang}.html", text)


def test_output_is_reproducible(data: Path) -> None:
    args = ("--as-of", "2026-12-03", "--format", "html")
    assert rendered(data, *args) == rendered(data, *args) == rendered(data, *args, "-o", "-")


# --- the model --------------------------------------------------------------------


def model(data: Path, period: str | None, as_of: date | None = None) -> Report:
    dataset = load_dataset(data)
    assert dataset.programme is not None and dataset.ok
    window = window_for(ReportPeriod.parse(period) if period else None, as_of, date(2026, 12, 3))
    generated = datetime(2026, 12, 1, tzinfo=UTC)
    return build_report(
        dataset.programme, dataset.updates, dataset.decisions, window, None, generated
    )


def test_changes_compare_the_period_end_with_the_previous_period_end(data: Path) -> None:
    changes = model(data, "2026-Q3").changes
    assert [t.id for t in changes.newly_done] == ["1.2.2", "2.1.4"]
    assert [t.id for t in changes.newly_overdue] == ["1.1.1"]
    assert [(d.task, d.action, d.due) for d in changes.decisions] == [
        ("1.1.3", "extend", date(2026, 12, 15))
    ]


def test_changes_without_a_period_start_after_the_last_closed_quarter(data: Path) -> None:
    result = model(data, None, date(2026, 12, 3))
    assert result.header.window.baseline == date(2026, 9, 30)
    assert [(d.task, d.action) for d in result.changes.decisions] == [("2.1.3", "schedule")]
    assert result.changes.newly_done == result.changes.newly_overdue == ()


def test_a_later_as_of_counts_the_periods_own_updates(data: Path) -> None:
    early = model(data, "2026-Q3")
    late = model(data, "2026-Q3", date(2026, 10, 15))  # ubnd's Q3 file is in
    assert early.header.window.baseline == late.header.window.baseline == date(2026, 6, 30)
    assert early.figures.by_status["report_missing"] == 1
    assert late.figures.update_rate != early.figures.update_rate


def test_key_figures_and_groups_add_up(data: Path) -> None:
    result = model(data, None, date(2026, 12, 3))
    figures = result.figures
    assert figures.tasks == 12 == sum(figures.by_status.values())
    assert (figures.done, figures.overdue) == (3, 2)
    assert figures.on_time_rate == pytest.approx(2 / 3)  # done late does not count
    assert sum(p.total for p in result.pillars) == 12
    assert sum(s.total for s in result.sections) == 12
    assert [a.figures.agency for a in result.agencies] == ["van-phong", "ubnd", "ban-to-chuc"]
    assert sum(sum(a.statuses.values()) for a in result.agencies) == 13  # 1.1.2 has two leads


def test_trend_and_deadline_series(data: Path) -> None:
    result = model(data, None, date(2026, 12, 3))
    assert [(str(p.day), p.closed, p.done) for p in result.trend] == [
        ("2025-12-31", True, 0),  # 1.2.1 was done in 2025 but reported on 2026-01-05
        ("2026-03-31", True, 1),
        ("2026-06-30", True, 1),
        ("2026-09-30", True, 3),
        ("2026-12-03", False, 3),
    ]
    by_quarter = {str(q.quarter): (q.due, q.completed) for q in result.deadlines}
    assert by_quarter["2025-Q4"] == (2, 1)
    assert by_quarter["2026-Q3"] == (0, 2)
    assert str(result.deadlines[0].quarter) == "2025-Q4"


def test_alert_rows_carry_note_and_evidence(data: Path) -> None:
    alerts = model(data, None, date(2026, 12, 3)).alerts
    assert list(alerts) == [
        "overdue",
        "due_soon",
        "report_missing",
        "resources_insufficient",
        "blocked",
    ]
    overdue = {a.task.id: a for a in alerts["overdue"]}
    assert overdue["1.1.1"].evidence[0] == "Tờ trình số 12-TTr"
    assert overdue["1.1.1"].note is not None and "<script>" in overdue["1.1.1"].note
    assert [a.task.id for a in alerts["blocked"]] == ["1.1.2", "1.1.3"]


# --- safety -------------------------------------------------------------------------


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of data-figure elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.figures: dict[str, str] = {}
        self._figure: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._figure = dict(attrs).get("data-figure")
        if self._figure is not None:
            self.figures[self._figure] = ""

    def handle_endtag(self, tag: str) -> None:
        self._figure = None

    def handle_data(self, data: str) -> None:
        if self._figure is not None:
            self.figures[self._figure] += data


def parse(html: str) -> Tags:
    parser = Tags()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_hostile_note_is_inert_in_html(data: Path, lang: str) -> None:
    html = rendered(data, "--as-of", "2026-12-03", "--format", "html", "--lang", lang)
    assert "alert(&#34;note&#34;)" in html  # the note is there, as text
    tags = parse(html)
    names = {tag for tag, _attrs in tags.tags}
    assert not names & {"script", "img", "iframe", "object", "embed", "link", "base", "form"}
    for tag, attrs in tags.tags:
        assert not [a for a in attrs if a.startswith("on")], (tag, attrs)
        for name in ("href", "src", "xlink:href", "action"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("javascript", "http:", "https:", "//", "data:")), value
            assert not value or value.startswith("#"), (tag, name, value)
    assert re.search(r"https?://", html) is None  # nothing is fetched from anywhere


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_hostile_note_is_inert_in_markdown(data: Path, lang: str) -> None:
    text = rendered(data, "--as-of", "2026-12-03", "--lang", lang)
    assert "&lt;script&gt;alert(" in text
    assert "<" not in text
    assert re.search(r"(?<!\\)\]\(", text) is None  # no link or image syntax left live
    assert re.search(r"(?<!\\)!\[", text) is None


def test_html_structure_for_the_browser_test(data: Path) -> None:
    html = rendered(data, "--as-of", "2026-12-03", "--format", "html")
    tags = parse(html)
    assert tags.tags[0] == ("html", {"lang": "vi"})
    svgs = {attrs.get("id"): attrs for tag, attrs in tags.tags if tag == "svg"}
    for chart in CHARTS:
        attrs = svgs[chart]
        assert attrs["class"] == "chart" and attrs["role"] == "img"
        assert float(attrs["width"] or 0) > 0 and float(attrs["height"] or 0) > 0
        labelled = (attrs["aria-labelledby"] or "").split()
        assert labelled == [f"{chart}-title", f"{chart}-desc"]
    headers = [attrs for tag, attrs in tags.tags if tag == "th"]
    assert headers and all(attrs.get("scope") in ("col", "row") for attrs in headers)
    assert "@page { size: A4" in html


def status_summary(data: Path, as_of: str) -> dict[str, int]:
    result = runner.invoke(
        app, ["status", "--data", str(data), "--as-of", as_of, "--format", "json"]
    )
    assert result.exit_code == 0
    summary: dict[str, int] = json.loads(result.stdout)["summary"]
    return summary


def test_key_figures_in_html_equal_status_json(data: Path) -> None:
    html = rendered(data, "--as-of", "2026-12-03", "--format", "html", "--lang", "en")
    figures = parse(html).figures
    summary = status_summary(data, "2026-12-03")
    assert figures == {"tasks": str(sum(summary.values()))} | {
        k: str(v) for k, v in summary.items()
    }


@pytest.mark.parametrize("output_format", ["md", "html"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_real_data_renders(output_format: str, lang: str) -> None:
    args = ("--as-of", "2026-12-03", "--format", output_format, "--lang", lang)
    text = rendered(REPO / "data", *args)
    assert len(text) > 10_000
    if output_format == "html":
        figures = parse(text).figures
        summary = status_summary(REPO / "data", "2026-12-03")
        assert {k: int(v) for k, v in figures.items() if k != "tasks"} == summary


# --- header -------------------------------------------------------------------------


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }  # fmt: skip
    done = subprocess.run(
        ["git", *args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def header_line(text: str, label: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"- {label}:"))


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_header_shows_the_data_revision_and_a_modified_mark(data: Path) -> None:
    args = ("--as-of", "2026-12-03", "--lang", "en")
    assert header_line(rendered(data, *args), "Data revision") == "- Data revision: not in git"
    git(data, "init", "-q")
    git(data, "add", ".")
    git(data, "commit", "-q", "-m", "data")
    commit = git(data, "rev-parse", "--short", "HEAD")
    assert header_line(rendered(data, *args), "Data revision") == f"- Data revision: {commit}"
    (data / "decisions.yaml").write_text("decisions: []\n", encoding="utf-8")
    assert header_line(rendered(data, *args), "Data revision") == (
        f"- Data revision: {commit} (modified since this commit)"
    )


def test_header_in_vietnamese_dates(data: Path) -> None:
    text = rendered(data, "--period", "2026-Q3")
    assert "ngày 30 tháng 9 năm 2026" in text
    assert "15:00" in text and "ngày 1 tháng 12 năm 2026" in text  # SOURCE_DATE_EPOCH


# --- files and errors ---------------------------------------------------------------


def test_output_file_needs_force_to_be_replaced(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "bao-cao.html"
    code, out, _err = report(data, "--as-of", "2026-12-03", "-o", str(target), "--lang", "en")
    assert (code, out) == (0, f"Wrote {target}.\n")
    first = target.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>")  # the format follows the file name
    target.write_text("mine", encoding="utf-8")
    code, _out, err = report(data, "-o", str(target), "--lang", "en")
    assert code == 1
    assert "already exists; use --force" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "mine"
    code, _out, _err = report(data, "--as-of", "2026-12-03", "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8") != "mine"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


@pytest.mark.parametrize(
    ("args", "hint"),
    [
        (("--period", "2026-Q5"), "--period"),
        (("--period", "2026-H3"), "--period"),
        (("--period", "Q3/2026"), "--period"),
        (("--period", "2026-Q3", "--as-of", "2026-06-30"), "--as-of"),
        (("--as-of", "03/12/2026"), "--as-of"),
        (("--format", "pdf"), "--format"),
        (("--format", "docx"), "-o"),
    ],
)
def test_usage_errors_exit_2(data: Path, args: tuple[str, ...], hint: str) -> None:
    code, out, err = report(data, *args, "--lang", "en")
    assert code == 2 and out == ""
    assert hint in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        ("{{ report.figurs.tasks }}", "Error: Template report.md.j2: "),
        ("{% if report %}unclosed", "report.md.j2, line 1: "),
        ("{{ report.figures.tasks | nosuchfilter }}", "report.md.j2, line 1: No filter named"),
    ],
)
def test_a_broken_template_is_a_clear_error(
    data: Path, tmp_path: Path, broken: str, message: str
) -> None:
    templates = tmp_path / "templates-broken"
    shutil.copytree(TEMPLATES, templates)
    (templates / "report.md.j2").write_text(broken + "\n", encoding="utf-8")
    code, out, err = report(data, "--templates", str(templates), "--lang", "en")
    assert (code, out) == (1, "")
    assert err.startswith("Error: Template ") and message in err
    assert "Traceback" not in err


def test_a_missing_templates_folder_is_a_clear_error(data: Path, tmp_path: Path) -> None:
    code, _out, err = report(data, "--templates", str(tmp_path / "nowhere"), "--lang", "en")
    assert code == 1
    assert err == f"Error: Templates folder {tmp_path / 'nowhere'} not found.\n"


def test_data_errors_exit_1_like_status(data: Path) -> None:
    (data / "decisions.yaml").write_text("decisions:\n  - task: 9.9.9\n", encoding="utf-8")
    code, out, err = report(data, "--lang", "en")
    assert (code, out) == (1, "")
    assert "The data has errors" in err


def test_a_malformed_source_date_epoch_is_refused(
    data: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, _out, err = report(data, "--lang", "en")
    assert code == 1
    assert err == "Error: SOURCE_DATE_EPOCH must be a whole number of seconds, not 'yesterday'.\n"


def test_the_command_module_imports_no_heavy_module() -> None:
    code = (
        "import sys, actionplan.commands.report\n"
        "heavy = ('pydantic', 'jinja2', 'yaml', 'dateutil', 'rich')\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & set(heavy)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
