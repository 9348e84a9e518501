"""`check --base REV`: who may change what, in real repositories (no mocked git).

The main branch holds the programme (tests/fixtures/alerts: ubnd leads 1.1.1, 1.1.4…,
ban-to-chuc leads 1.1.3, van-phong is the secretariat) and ubnd's 2026-Q3 report. Each
test makes a pull-request branch and checks it against main. 2026-Q3 closes on
2026-10-15 (quarter end + report_grace_days 15).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from gitrepo import GitRepo, repo, update_file

__all__ = ["repo"]  # the fixture
runner = CliRunner()
Q4 = "data/updates/ubnd/2026-Q4.yaml"
Q3 = "data/updates/ubnd/2026-Q3.yaml"
LANE = (
    "error AP212 Agency 'ubnd' does not lead task '1.1.3' (leads: ban-to-chuc); only the "
    "secretariat may report on other agencies' tasks."
)


def check(repo: GitRepo, *args: str, as_of: str = "2027-01-10") -> tuple[int, list[str]]:
    argv = ["check", "--base", "main", "--as-of", as_of, "--data", str(repo.root / "data")]
    result = runner.invoke(app, [*argv, "--lang", "en", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.stderr == "", result.stderr
    return result.exit_code, result.stdout.splitlines()


def q4_report(*tasks: str) -> str:
    entries = [{"task": task, "status": "in_progress", "progress": 10} for task in tasks]
    return update_file("ubnd", "2026-Q4", "2027-01-05", *entries)


@pytest.fixture
def pr(repo: GitRepo) -> GitRepo:
    repo.branch("pr")
    return repo


def test_a_clean_agency_pull_request_passes(pr: GitRepo) -> None:
    pr.write(Q4, q4_report("1.1.1", "1.1.4"))
    pr.commit("ubnd: 2026-Q4 report")
    assert check(pr) == (0, ["No problems found (4 files checked)."])


def test_reporting_on_another_agencys_task(pr: GitRepo) -> None:
    pr.write(Q4, q4_report("1.1.4", "1.1.3"))
    pr.commit("ubnd reports on ban-to-chuc's task")
    # One problem, though both the permission rule and the normal checks find it.
    assert check(pr) == (1, [f"{Q4}:8:11: {LANE}", "1 error, 0 warnings (4 files checked)."])


def test_the_lanes_come_from_the_base_programme(pr: GitRepo) -> None:
    programme = pr.root / "data" / "programme.yaml"
    text = programme.read_text(encoding="utf-8")
    programme.write_text(text.replace("leads: [ban-to-chuc]", "leads: [ban-to-chuc, ubnd]", 1))
    pr.write(Q4, q4_report("1.1.3"))
    pr.commit("ubnd grants itself 1.1.3")
    code, lines = check(pr)
    assert code == 1
    assert lines == [
        "data/programme.yaml: error AP225 This pull request changes update files together "
        "with data/programme.yaml; submit the agency's update in its own pull request.",
        f"{Q4}:5:11: {LANE}",
        "2 errors, 0 warnings (4 files checked).",
    ]


def test_the_secretariat_may_report_on_any_task(pr: GitRepo) -> None:
    pr.write(
        "data/updates/van-phong/2026-Q4.yaml",
        update_file(
            "van-phong",
            "2026-Q4",
            "2027-01-05",
            {"task": "1.1.3", "status": "done", "done_on": "2026-12-01"},
        ),
    )
    pr.commit("secretariat note")
    assert check(pr)[0] == 0


@pytest.mark.parametrize(("as_of", "code"), [("2026-10-15", 0), ("2026-10-16", 1)])
def test_a_closed_period_is_not_modified(pr: GitRepo, as_of: str, code: int) -> None:
    path = pr.root / Q3
    path.write_text(
        path.read_text(encoding="utf-8").replace("in_progress", "done\n    done_on: 2026-09-30")
    )
    pr.commit("rewrite history")
    expected = [
        f"{Q3}: error AP223 2026-Q3.yaml belongs to period 2026-Q3, which closed on "
        "2026-10-15; closed reports are history: add a correction in the current period's "
        "file instead of changing this one.",
        "1 error, 0 warnings (3 files checked).",
    ]
    assert check(pr, as_of=as_of) == (
        code,
        expected if code else ["No problems found (3 files checked)."],
    )


def test_update_files_are_never_deleted(pr: GitRepo) -> None:
    (pr.root / Q3).unlink()
    pr.commit("delete a report")
    assert check(pr, as_of="2026-10-01") == (
        1,
        [
            f"{Q3}: error AP224 2026-Q3.yaml is deleted; update files are history and are "
            "never deleted: add a correction in the current period's file instead.",
            "1 error, 0 warnings (2 files checked).",
        ],
    )


def test_update_files_keep_their_names(pr: GitRepo) -> None:
    text = (pr.root / Q3).read_text(encoding="utf-8").replace("2026-Q3", "2026-Q4")
    (pr.root / Q3).unlink()
    pr.write(Q4, text)
    pr.commit("rename a report")
    assert check(pr, as_of="2026-10-01") == (
        1,
        [
            f"{Q4}: error AP226 2026-Q4.yaml was renamed from {Q3}; update files keep their "
            "names: add a new file for the new period instead.",
            "1 error, 0 warnings (3 files checked).",
        ],
    )


def test_symbolic_links_are_refused_anywhere_in_the_data(pr: GitRepo) -> None:
    pr.write("outside.yaml", "secret: LEAKED\n")
    (pr.root / Q4).symlink_to("../../../outside.yaml")
    pr.write("data/source/real.txt", "x\n")
    (pr.root / "data" / "source" / "link.txt").symlink_to("real.txt")
    pr.commit("links")
    code, lines = check(pr)
    assert code == 1
    assert lines == [
        "data/source/link.txt: error AP219 'link.txt' is a symbolic link; commit the file itself.",
        f"{Q4}: error AP219 '2026-Q4.yaml' is a symbolic link; commit the file itself.",
        "2 errors, 0 warnings (3 files checked).",
    ]


def test_an_unknown_agency_folder(pr: GitRepo) -> None:
    pr.write("data/updates/ubnd-moi/2026-Q4.yaml", q4_report("1.1.4"))
    pr.commit("a new folder")
    code, lines = check(pr)
    assert code == 1
    assert (
        "data/updates/ubnd-moi: error AP209 Folder 'ubnd-moi' is not an agency id; use one of: "
        "ban-to-chuc, ubnd, van-phong." in lines
    )


@pytest.mark.parametrize(
    ("paths", "others"),
    [
        (["data/decisions.yaml"], "data/decisions.yaml"),
        ([".github/workflows/actionplan.yml", "src/tool.py"], ".github/, src/"),
        (
            ["pyproject.toml", "Makefile", "templates/report.md.j2"],
            "Makefile, pyproject.toml, templates/",
        ),
    ],
)
def test_updates_come_alone(pr: GitRepo, paths: list[str], others: str) -> None:
    pr.write(Q4, q4_report("1.1.4"))
    for path in paths:
        pr.write(path, "decisions: []\n# changed\n")
    pr.commit("update plus more")
    code, lines = check(pr)
    assert code == 1
    assert lines[:-1] == [
        f"{sorted(paths)[0]}: error AP225 This pull request changes update files together "
        f"with {others}; submit the agency's update in its own pull request."
    ]


def test_tool_changes_without_updates_are_not_judged_by_the_data_rules(pr: GitRepo) -> None:
    pr.write("src/tool.py", "print('better tool')\n")
    pr.commit("tool")
    assert check(pr)[0] == 0


def test_an_unknown_base_says_how_to_fetch_it(pr: GitRepo) -> None:
    result = runner.invoke(
        app, ["check", "--base", "origin/main", "--data", str(pr.root / "data"), "--lang", "en"]
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: Revision 'origin/main' is not in this repository; check the name, or fetch "
        "it (in CI: the checkout step needs fetch-depth: 0).\n"
    )


def test_uncommitted_changes_are_pointed_out(pr: GitRepo) -> None:
    pr.write(Q4, q4_report("1.1.3"))  # not committed: not checked
    argv = ["check", "--base", "main", "--data", str(pr.root / "data"), "--lang", "en"]
    result = runner.invoke(app, argv)
    assert (result.exit_code, result.stdout) == (0, "No problems found (3 files checked).\n")
    assert result.stderr == (
        "Note: with --base the committed data (HEAD) is checked; uncommitted changes in "
        f"{pr.root / 'data'} are not.\n"
    )


def test_base_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    data = tmp_path / "data"
    data.mkdir()
    result = runner.invoke(app, ["check", "--base", "main", "--data", str(data), "--lang", "en"])
    assert result.exit_code == 1
    assert "is not in a git repository" in result.stderr
