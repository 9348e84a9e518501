"""`check --format github`: at most 10 error and 10 warning annotations per step, the rest
as text lines, and every problem in a Markdown table appended to $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.i18n import set_language
from actionplan.present.problems import as_github, as_step_summary, as_text
from actionplan.problems import Problem

MINI = Path(__file__).parent / "fixtures" / "mini"
runner = CliRunner()


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def unknown_task(line: int) -> Problem:
    return Problem.at("data/u.yaml", (line, 11), "AP210", task=f"9.{line}")


def garbled(line: int) -> Problem:
    return Problem.at("data/u.yaml", (line, 3), "AP301", sample="Bá»™")


def test_at_most_ten_annotations_of_each_severity() -> None:
    problems = sorted([unknown_task(n) for n in range(1, 13)] + [garbled(n) for n in range(20, 31)])
    lines = as_github(problems)
    assert sum(line.startswith("::error ") for line in lines) == 10
    assert sum(line.startswith("::warning ") for line in lines) == 10
    assert lines[10:12] == [
        "data/u.yaml:11:11: error AP210 Unknown task '9.11'.",
        "data/u.yaml:12:11: error AP210 Unknown task '9.12'.",
    ]
    assert lines[0] == (
        "::error file=data/u.yaml,line=1,col=11,title=AP210::data/u.yaml:1:11: AP210 "
        "Unknown task '9.1'."
    )
    assert lines[-2] == (
        "data/u.yaml:30:3: warning AP301 Text looks garbled by a wrong encoding ('Bá»™'); "
        "re-type it or re-save the file as UTF-8."
    )
    assert lines[-1] == (
        "3 more problems are listed as text, not annotated (GitHub shows at most 10 errors "
        "and 10 warnings per step); the job summary lists all."
    )
    assert len(lines) == 24


def test_no_note_within_the_limit() -> None:
    lines = as_github([unknown_task(1), garbled(2)])
    assert [line.split(" ", 1)[0] for line in lines] == ["::error", "::warning"]


def test_the_step_summary_lists_every_problem_with_text_made_inert() -> None:
    hostile = Problem.at("data/a|b.yaml", (2, 1), "AP210", task="<img src=x>|*x*")
    summary = as_step_summary([hostile, garbled(3)], 2)
    assert summary.splitlines() == [
        "### actionplan check: 1 error, 1 warning (2 files checked).",
        "",
        "| Location | Severity | Code | Message |",
        "|---|---|---|---|",
        "| data/a\\|b.yaml:2:1 | error | AP210 | Unknown task '&lt;img src=x&gt;\\|\\*x\\*'. |",
        "| data/u.yaml:3:3 | warning | AP301 | Text looks garbled by a wrong encoding "
        "('Bá»™'); re-type it or re-save the file as UTF-8. |",
        "",
    ]


def test_a_clean_summary_is_one_line_and_a_blank_one() -> None:
    # The blank line keeps what a later step appends from running into it.
    assert (
        as_step_summary([], 3) == "### actionplan check: No problems found (3 files checked).\n\n"
    )


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The mini data with 12 unknown tasks (errors) and 11 garbled lines (warnings)."""
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    lines = ["agency: ubnd", "period: 2026-Q3", "submitted: 2026-10-05"]
    lines += [f"# Bá»™ {n}" for n in range(11)]
    lines += ["updates:"]
    lines += [f'  - {{task: "9.{n}", status: in_progress}}' for n in range(1, 13)]
    (data / "updates" / "ubnd").mkdir(parents=True)
    (data / "updates" / "ubnd" / "2026-Q3.yaml").write_text("\n".join(lines) + "\n")
    return data


def test_the_summary_is_appended_to_the_step_summary_file(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")  # chooses --format github
    result = runner.invoke(app, ["check", "--data", str(broken), "--lang", "en"])
    assert result.exit_code == 1
    out = result.stdout.splitlines()
    assert sum(line.startswith("::") for line in out) == 20
    assert out[-1] == "12 errors, 11 warnings (2 files checked)."
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n### actionplan check: 12 errors, 11 warnings")
    assert text.count("| error | AP210 |") == 12
    assert text.count("| warning | AP301 |") == 11


def test_the_text_format_leaves_the_step_summary_alone(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = runner.invoke(app, ["check", "--data", str(broken), "--format", "text"])
    assert result.exit_code == 1
    assert not summary.exists()


def test_an_unwritable_step_summary_is_reported_not_fatal(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "no-such-folder" / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(target))
    argv = ["check", "--data", str(broken), "--format", "github", "--lang", "en"]
    result = runner.invoke(app, argv)
    assert result.exit_code == 1  # the data's errors decide, not the summary
    assert result.stderr == (f"Cannot write the job summary {target}: No such file or directory.\n")


def test_a_file_name_cannot_start_a_workflow_command_in_the_log() -> None:
    # Past the annotation limit problems are printed as text lines, which start with
    # the path: a path must never make such a line a workflow command.
    hostile = Problem.at("::stop-commands::x", (0, 0), "AP216", name="x")
    assert as_text([hostile])[0].startswith("./::stop-commands::x: error AP216 ")
    assert as_text([unknown_task(1)])[0].startswith("data/u.yaml:1:11: error AP210 ")
