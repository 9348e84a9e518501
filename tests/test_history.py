"""`actionplan history TASK_ID`: every entry and decision on a task with the commit, author
and date that made it, from a real repository with a merged branch."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.gitdata import locate_repo
from actionplan.history import task_history
from gitrepo import GitRepo, commands, repo, update_file

__all__ = ["commands", "repo"]  # fixtures
runner = CliRunner()
Q3 = "data/updates/ubnd/2026-Q3.yaml"
DECISION = """\
decisions:
  - task: "1.1.4"
    action: extend
    due: 2027-06
    ref: "Thông báo số 99-TB/TU"
    date: 2026-11-10
"""


@pytest.fixture
def story(repo: GitRepo, commands: None) -> GitRepo:
    """main: Q3 report (A) → merged branch raising its progress (B) → a decision (C) →
    the Q4 report, done (A) → the Q3 entry taken out again (C)."""
    repo.branch("ubnd-q3")
    repo.write(
        Q3,
        update_file(
            "ubnd",
            "2026-Q3",
            "2026-10-05",
            {"task": "1.1.4", "status": "in_progress", "progress": 60, "note": "Đã trình dự thảo"},
        ),
    )
    repo.commit(
        "ubnd: progress", author=("Trần Thị B", "b@x.org"), when="2026-10-10T14:00:00+07:00"
    )
    repo.git("checkout", "-q", "main")
    repo.git("merge", "-q", "--no-ff", "-m", "Merge ubnd-q3", "ubnd-q3")
    repo.write("data/decisions.yaml", DECISION)
    repo.commit("extend 1.1.4", author=("Lê Văn C", "c@x.org"), when="2026-11-10T08:00:00+07:00")
    repo.write(
        "data/updates/ubnd/2026-Q4.yaml",
        update_file(
            "ubnd",
            "2026-Q4",
            "2027-01-05",
            {"task": "1.1.4", "status": "done", "done_on": "2026-12-20"},
        ),
    )
    repo.commit("ubnd: Q4", when="2027-01-05T16:30:00+07:00")
    repo.write(Q3, update_file("ubnd", "2026-Q3", "2026-10-05"))
    repo.commit("drop", author=("Lê Văn C", "c@x.org"), when="2027-01-06T08:00:00+07:00")
    return repo


def history(repo: GitRepo, *args: str, lang: str = "en") -> tuple[int, str, str]:
    argv = ["history", *args, "--data", str(repo.root / "data"), "--lang", lang]
    result = runner.invoke(app, argv, env={"COLUMNS": "90"})
    return result.exit_code, result.stdout, result.stderr


def test_every_event_with_its_commit_and_author_oldest_first(story: GitRepo) -> None:
    events = task_history(locate_repo(story.root / "data"), "1.1.4")
    assert [(e.commit.author, e.path, e.kind, e.change) for e in events] == [
        ("Nguyễn Văn A", Q3, "entry", "added"),
        ("Trần Thị B", Q3, "entry", "changed"),  # the branch's commit, not the merge
        ("Lê Văn C", "data/decisions.yaml", "decision", "added"),
        ("Nguyễn Văn A", "data/updates/ubnd/2026-Q4.yaml", "entry", "added"),
        ("Lê Văn C", Q3, "entry", "removed"),
    ]
    assert events[1].values["progress"] == "60"
    assert events[4].values["progress"] == "60"  # what was taken out


HISTORY_EN = """\
╭─ 1.1.4 ────────────────────────────────────────────────────────────────────────────────╮
│ Việc bốn                                                                               │
╰────────────────────────────────────────────────────────────────────────────────────────╯
History (5)
╭─ 2026-10-05 09:00 · {0} · Nguyễn Văn A · added ────────────────────────────────────╮
│ File       data/updates/ubnd/2026-Q3.yaml                                              │
│ Agency     Đảng ủy UBND tỉnh (ubnd)                                                    │
│ Period     2026-Q3 · submitted 2026-10-05                                              │
│ Milestone  Completion                                                                  │
│ Status     In progress                                                                 │
╰────────────────────────────────────────────────────────────────────────────────────────╯
╭─ 2026-10-10 14:00 · {1} · Trần Thị B · changed ────────────────────────────────────╮
│ File       data/updates/ubnd/2026-Q3.yaml                                              │
│ Agency     Đảng ủy UBND tỉnh (ubnd)                                                    │
│ Period     2026-Q3 · submitted 2026-10-05                                              │
│ Milestone  Completion                                                                  │
│ Status     In progress                                                                 │
│ Progress   60%                                                                         │
│ Note       Đã trình dự thảo                                                            │
╰────────────────────────────────────────────────────────────────────────────────────────╯
╭─ 2026-11-10 08:00 · {2} · Lê Văn C · added ────────────────────────────────────────╮
│ File       data/decisions.yaml                                                         │
│ Milestone  Completion                                                                  │
│ Decision   Extended to 2027-06                                                         │
│ Reference  Thông báo số 99-TB/TU                                                       │
│ Date       2026-11-10                                                                  │
╰────────────────────────────────────────────────────────────────────────────────────────╯
╭─ 2027-01-05 16:30 · {3} · Nguyễn Văn A · added ────────────────────────────────────╮
│ File       data/updates/ubnd/2026-Q4.yaml                                              │
│ Agency     Đảng ủy UBND tỉnh (ubnd)                                                    │
│ Period     2026-Q4 · submitted 2027-01-05                                              │
│ Milestone  Completion                                                                  │
│ Status     Done                                                                        │
│ Done on    2026-12-20                                                                  │
╰────────────────────────────────────────────────────────────────────────────────────────╯
╭─ 2027-01-06 08:00 · {4} · Lê Văn C · removed ──────────────────────────────────────╮
│ File       data/updates/ubnd/2026-Q3.yaml                                              │
│ Agency     Đảng ủy UBND tỉnh (ubnd)                                                    │
│ Period     2026-Q3 · submitted 2026-10-05                                              │
│ Milestone  Completion                                                                  │
│ Status     In progress                                                                 │
│ Progress   60%                                                                         │
│ Note       Đã trình dự thảo                                                            │
╰────────────────────────────────────────────────────────────────────────────────────────╯
"""


def test_the_terminal_output(story: GitRepo) -> None:
    code, out, err = history(story, "1.1.4")
    assert (code, err) == (0, "")
    # Commit hashes depend on git's version; everything else is fixed.
    shorts = [e.commit.short for e in task_history(locate_repo(story.root / "data"), "1.1.4")]
    assert out == HISTORY_EN.format(*shorts)


def test_vietnamese_by_default(story: GitRepo) -> None:
    out = history(story, "1.1.4", lang="vi")[1]
    assert "│ Trạng thái  Đang thực hiện" in out
    assert "05/10/2026 09:00" in out


def test_a_task_without_events(story: GitRepo) -> None:
    code, out, _err = history(story, "2.1.1")
    assert code == 0
    assert out.splitlines()[-1] == "No entries or decisions on task 2.1.1 in the git history."


def test_an_unknown_task_is_a_usage_error_with_a_hint(story: GitRepo) -> None:
    code, _out, err = history(story, "1.1.9")
    assert code == 2
    assert "unknown task '1.1.9'; did you mean '1.1.4'?" in err


def test_outside_a_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, commands: None
) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    data = tmp_path / "data"
    data.mkdir()
    (data / "programme.yaml").write_text(
        (Path(__file__).parent / "fixtures" / "alerts" / "programme.yaml").read_text()
    )
    result = runner.invoke(app, ["history", "1.1.4", "--data", str(data), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {data} is not in a git repository; this command reads the data's git history.\n"
    )


def test_git_missing(story: GitRepo, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    code, _out, err = history(story, "1.1.4")
    assert code == 1
    assert err == "Error: git is not installed or not on PATH.\n"
