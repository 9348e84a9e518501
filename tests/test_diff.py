"""`actionplan diff BASE [HEAD]` across two commits of a real repository.

main: the programme (tests/fixtures/alerts) and ubnd's 2026-Q3 report (1.1.4 in
progress). The pull request adds ubnd's 2026-Q4 report (1.1.4 done on 2026-12-01, 1.1.1
short of money) and a decision extending 1.2.1. As of 2027-01-10, 1.1.4 turns from
overdue to done on time, 1.2.1 from overdue to not started, and 1.1.1 raises two alerts.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from gitrepo import GitRepo, commands, repo, update_file

__all__ = ["commands", "repo"]  # fixtures
runner = CliRunner()
DECISION = """\
decisions:
  - task: "1.2.1"
    action: extend
    due: 2027-06
    ref: "Thông báo số 7-TB/TU"
    date: 2026-12-20
"""


@pytest.fixture
def pr(repo: GitRepo, commands: None) -> GitRepo:
    repo.branch("pr")
    repo.write(
        "data/updates/ubnd/2026-Q4.yaml",
        update_file(
            "ubnd",
            "2026-Q4",
            "2027-01-05",
            {"task": "1.1.4", "status": "done", "done_on": "2026-12-01", "note": "<b>Xong</b> | 5"},
            {
                "task": "1.1.1",
                "milestone": "scheme",
                "status": "in_progress",
                "progress": 70,
                "resources": "insufficient",
                "obstacles": "Thiếu kinh phí",
            },
        ),
    )
    repo.write("data/decisions.yaml", DECISION)
    repo.commit("ubnd: 2026-Q4", author=("Trần Thị B", "b@example.org"))
    return repo


def diff(repo: GitRepo, *args: str) -> tuple[int, str, str]:
    argv = ["diff", *args, "--as-of", "2027-01-10", "--data", str(repo.root / "data")]
    result = runner.invoke(app, [*argv, "--lang", "en"])
    return result.exit_code, result.stdout, result.stderr


def short(repo: GitRepo, rev: str) -> str:
    return repo.git("rev-parse", rev).strip()[:7]


def test_markdown_lists_transitions_entries_decisions_and_alerts(pr: GitRepo) -> None:
    code, out, err = diff(pr, "main")
    assert (code, err) == (0, "")
    assert out == (
        "## Changes in the data: main → HEAD\n"
        "\n"
        "Chương trình thử\n"
        "\n"
        f"As of 2027-01-10 · report period 2026-Q3 · `{short(pr, 'main')}` → "
        f"`{short(pr, 'HEAD')}`\n"
        "\n"
        "### Status changes (2)\n"
        "\n"
        "| Id | Task | Lead | Before | After |\n"
        "|---|---|---|---|---|\n"
        "| 1.1.4 | Việc bốn | Đảng ủy UBND tỉnh | Overdue | **Done on time** |\n"
        "| 1.2.1 | Việc đã xong | Ban Tổ chức Tỉnh ủy | Overdue | **Not started** |\n"
        "\n"
        "### New entries (2)\n"
        "\n"
        "| Id | Milestone | Agency | Period | Status | Progress | Note |\n"
        "|---|---|---|---|---|---|---|\n"
        "| 1.1.4 | Completion | Đảng ủy UBND tỉnh | 2026-Q4 (added) | Done (2026-12-01) |  "
        "| &lt;b&gt;Xong&lt;/b&gt; \\| 5 |\n"
        "| 1.1.1 | Scheme | Đảng ủy UBND tỉnh | 2026-Q4 (added) | In progress | 70% "
        "| Obstacles: Thiếu kinh phí |\n"
        "\n"
        "### New decisions (1)\n"
        "\n"
        "| Id | Milestone | Decision | Reference | Date |\n"
        "|---|---|---|---|---|\n"
        "| 1.2.1 |  | Extended to 2027-06 | Thông báo số 7-TB/TU | 2026-12-20 |\n"
        "\n"
        "### New alerts (2)\n"
        "\n"
        "| Alert | Id | Task | Agency | Note |\n"
        "|---|---|---|---|---|\n"
        "| Resources insufficient | 1.1.1 | Việc một \\[bold\\]đậm\\[/\\] | Đảng ủy UBND tỉnh "
        "| Thiếu kinh phí |\n"
        "| Blocked | 1.1.1 | Việc một \\[bold\\]đậm\\[/\\] | Đảng ủy UBND tỉnh | Thiếu kinh phí |\n"
    )


def test_json_has_stable_keys(pr: GitRepo) -> None:
    code, out, _err = diff(pr, "main", "pr", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert list(document) == [
        "as_of",
        "report_period",
        "base",
        "head",
        "transitions",
        "entries",
        "decisions",
        "alerts",
    ]
    assert document["base"] == {
        "rev": "main",
        "commit": pr.git("rev-parse", "main").strip(),
        "short": short(pr, "main"),
        "errors": 0,
    }
    assert [(t["id"], t["from"], t["to"]) for t in document["transitions"]] == [
        ("1.1.4", "overdue", "done_on_time"),
        ("1.2.1", "overdue", "not_started"),
    ]
    assert document["entries"][1] == {
        "file": "data/updates/ubnd/2026-Q4.yaml",
        "agency": "ubnd",
        "period": "2026-Q4",
        "submitted": "2027-01-05",
        "change": "added",
        "task": "1.1.1",
        "milestone": "scheme",
        "status": "in_progress",
        "done_on": None,
        "progress": 70,
        "resources": "insufficient",
        "obstacles": "Thiếu kinh phí",
        "evidence": [],
        "note": None,
    }
    assert document["decisions"] == [
        {
            "task": "1.2.1",
            "milestone": None,
            "action": "extend",
            "due": "2027-06",
            "ref": "Thông báo số 7-TB/TU",
            "date": "2026-12-20",
        }
    ]
    assert [(a["alert"], a["id"], a["agencies"]) for a in document["alerts"]] == [
        ("resources_insufficient", "1.1.1", ["ubnd"]),
        ("blocked", "1.1.1", ["ubnd"]),
    ]


def test_a_changed_entry_and_no_change_at_all(pr: GitRepo) -> None:
    path = pr.root / "data" / "updates" / "ubnd" / "2026-Q4.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("progress: 70", "progress: 80"))
    pr.commit("more progress")
    document = json.loads(diff(pr, "HEAD~1", "HEAD", "--format", "json")[1])
    assert [(e["task"], e["change"], e["progress"]) for e in document["entries"]] == [
        ("1.1.1", "changed", 80)
    ]
    assert document["transitions"] == document["decisions"] == document["alerts"] == []
    code, out, _err = diff(pr, "HEAD", "HEAD")
    assert code == 0
    assert out.count("_None._") == 4


def test_vietnamese_by_default(pr: GitRepo) -> None:
    argv = ["diff", "main", "--as-of", "2027-01-10", "--data", str(pr.root / "data")]
    out = runner.invoke(app, argv).stdout
    assert "| 1.1.4 | Việc bốn | Đảng ủy UBND tỉnh | Quá hạn | **Hoàn thành đúng hạn** |" in out


def test_head_data_with_errors_is_pointed_out(pr: GitRepo) -> None:
    pr.write("data/updates/ubnd/2027-Q1.yaml", "agency: ubnd\nperiod: [\n")
    pr.commit("broken")
    out = diff(pr, "main")[1]
    assert (
        "\n> The data at HEAD has errors (1); run `actionplan check` on it. Entries that could "
        "not be read are left out.\n" in out
    )


def test_unknown_revision(pr: GitRepo) -> None:
    code, _out, err = diff(pr, "nope")
    assert code == 1
    assert err.startswith("Error: Revision 'nope' is not in this repository")


def test_a_revision_without_a_programme(pr: GitRepo, tmp_path: Path) -> None:
    (pr.root / "data" / "programme.yaml").write_text("programme: {}\n")
    pr.commit("break the programme")
    code, _out, err = diff(pr, "main")
    assert code == 1
    assert err == (
        "Error: The data at HEAD has no valid data/programme.yaml; run `actionplan check` on it.\n"
    )


def test_a_restyled_template_is_used_and_a_missing_one_comes_from_the_tool(
    pr: GitRepo, tmp_path: Path
) -> None:
    own = tmp_path / "own"
    own.mkdir()
    (own / "diff.md.j2").write_text("{{ diff.transitions|length }} changes\n")
    assert diff(pr, "main", "--templates", str(own))[1] == "2 changes\n"
    # Restyled beside the data before `diff` existed: only a report template there.
    pr.write("templates/report.md.j2", "x\n")
    assert diff(pr, "main")[1].startswith("## Changes in the data")
    code, _out, err = diff(pr, "main", "--templates", str(tmp_path / "nope"))
    assert (code, err) == (1, f"Error: Templates folder {tmp_path / 'nope'} not found.\n")
