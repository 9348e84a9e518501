"""``actionplan update new``: the file it writes, that ``check`` accepts it, and refusals."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

import actionplan.commands.update  # noqa: F401  (registers the command group)
from actionplan.cli import app
from conftest import DATA, REPO

runner = CliRunner()
MINI = Path(__file__).parent / "fixtures" / "mini"

# ubnd reported in 2025-Q4 (1.1.2 and 1.1.4 done, 1.1.1 under way) and, ahead of
# time, in 2026-Q2; van-phong, co-lead of 1.1.2, never reported.
Q4 = """\
agency: ubnd
period: 2025-Q4
submitted: 2026-01-10
updates:
  - {task: "1.1.1", milestone: scheme, status: in_progress, progress: 40}
  - {task: "1.1.2", status: done, done_on: 2026-01-05}
  - {task: "1.1.4", status: done, done_on: 2025-12-20}
"""
Q2 = """\
agency: ubnd
period: 2026-Q2
submitted: 2026-04-05
updates:
  - {task: "1.1.1", milestone: scheme, status: in_progress, progress: 70}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository laid out as DESIGN §2: data/ (the mini programme) beside schema/."""
    shutil.copytree(MINI, tmp_path / "data")
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "data" / "updates" / "ubnd"
    folder.mkdir(parents=True)
    (folder / "2025-Q4.yaml").write_text(Q4, encoding="utf-8")
    (folder / "2026-Q2.yaml").write_text(Q2, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def new(*args: str) -> tuple[int, str, str]:
    return run("update", "new", "--data", "data", "--lang", "en", *args)


EXPECTED_UBND = """\
# yaml-language-server: $schema=../../../schema/update.schema.json
# Đảng ủy UBND tỉnh: update for 2026-Q1.
# For each item set status (not_started, in_progress, done) and progress (0-100); a done item needs done_on: YYYY-MM-DD.
# Optional keys: resources (sufficient or insufficient), obstacles, evidence, note; contact at the top.
# Before sending, run: actionplan check
agency: ubnd
period: "2026-Q1"
submitted: "2026-04-10"
updates:
  # 1.1.1. Việc một [bold]đậm[/]
  # Deadline: 2025-12-31 (Thời hạn: 2025)
  # Last report: 2025-Q4, submitted 2026-01-10.
  - task: "1.1.1"
    milestone: scheme
    status: in_progress
    progress: 40

  # 1.1.1. Việc một [bold]đậm[/]
  # Deadline: Continuous (Thường xuyên)
  # Not reported yet.
  - task: "1.1.1"
    milestone: implementation
    status: not_started

  # 1.1.3. Việc ba
  # Deadline: Per later assignment (x)
  # Not reported yet.
  - task: "1.1.3"
    milestone: completion
    status: not_started
"""  # noqa: E501


def test_lists_what_the_agency_still_owes_prefilled_from_earlier_periods(repo: Path) -> None:
    code, out, err = new("--agency", "ubnd", "--period", "2026-Q1", "--as-of", "2026-04-10")
    assert (code, err) == (0, "")
    assert out == "Wrote data/updates/ubnd/2026-Q1.yaml: 3 milestones to report on.\n"
    written = repo / "data" / "updates" / "ubnd" / "2026-Q1.yaml"
    # Done milestones (1.1.2, 1.1.4) are left out; progress comes from 2025-Q4, not the
    # later 2026-Q2 report.
    assert written.read_text(encoding="utf-8") == EXPECTED_UBND


def test_a_co_lead_still_owes_its_part(repo: Path) -> None:
    assert new("--agency", "van-phong", "--period", "2026-Q1", "--as-of", "2026-04-10")[0] == 0
    text = (repo / "data" / "updates" / "van-phong" / "2026-Q1.yaml").read_text(encoding="utf-8")
    assert '  - task: "1.1.2"\n    milestone: completion\n    status: not_started\n' in text
    assert "  # Deadline: 2030-12-31 (x)\n" in text
    assert text.count("- task:") == 1


def test_the_written_file_passes_check_and_the_schema(repo: Path) -> None:
    for agency in ("ubnd", "van-phong"):
        assert new("--agency", agency, "--period", "2026-Q1", "--as-of", "2026-04-10")[0] == 0
    code, out, _ = run("check", "--data", "data", "--lang", "en", "--strict")
    assert (code, out) == (0, "No problems found (5 files checked).\n")
    schema = json.loads((repo / "schema" / "update.schema.json").read_text(encoding="utf-8"))
    for path in (repo / "data" / "updates").glob("*/2026-Q1.yaml"):
        jsonschema.Draft7Validator(schema).validate(yaml.safe_load(path.read_text("utf-8")))


def test_every_agency_of_the_real_programme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(DATA, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    programme = yaml.safe_load((DATA / "programme.yaml").read_text(encoding="utf-8"))
    for agency in programme["agencies"]:
        code, _, _ = new("--agency", agency["id"], "--period", "2026-Q4", "--as-of", "2026-12-03")
        assert code == 0, agency["id"]
    code, out, _ = run("check", "--data", "data", "--lang", "en")
    assert code == 0, out
    text = (tmp_path / "data/updates/ban-noi-chinh-tinh-uy/2026-Q4.yaml").read_text("utf-8")
    assert (
        "  # Deadline: 2027-06-30 (Thời gian hoàn thành Đề án: Trong năm 2025)\n"
        "  # Extended by Thông báo số 45-TB/TU ngày 10/11/2026 kết luận của Ban Thường vụ "
        "Tỉnh ủy; originally 2025-12-31.\n"
    ) in text


def test_vietnamese_dates_in_comments(repo: Path) -> None:
    code, out, _ = run(
        "update", "new", "--data", "data", "--agency", "ubnd", "--period", "2026-Q1",
        "--as-of", "2026-04-10", "-o", "-",
    )  # fmt: skip
    assert code == 0
    assert "(Thời hạn: 2025)\n" in out
    assert "31/12/2025" in out
    assert not (repo / "data" / "updates" / "ubnd" / "2026-Q1.yaml").exists()


def test_submitted_defaults_to_today(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("actionplan.clock.today", lambda: date(2026, 2, 1))
    code, out, _ = new("--agency", "ubnd", "--period", "2026-Q1", "-o", "-")
    assert code == 0
    assert 'submitted: "2026-02-01"\n' in out


def test_never_replaces_a_file(repo: Path) -> None:
    args = ("--agency", "ubnd", "--period", "2026-Q1", "--as-of", "2026-04-10")
    assert new(*args)[0] == 0
    path = repo / "data" / "updates" / "ubnd" / "2026-Q1.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# my edits\n", encoding="utf-8")
    code, out, err = new(*args)
    assert (code, out) == (1, "")
    assert err == (
        "Error: data/updates/ubnd/2026-Q1.yaml already exists; edit that file instead "
        "(update new never replaces one).\n"
    )
    assert path.read_text(encoding="utf-8").endswith("# my edits\n")
    assert new(*args, "--force")[0] == 2  # there is no --force


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--agency", "ubnd", "--period", "2026Q1"), "'2026Q1' is not a quarter"),
        (("--agency", "ubnd", "--period", "2026-Q5"), "'2026-Q5' is not a quarter"),
        (("--agency", "nobody", "--period", "2026-Q1"), "unknown agency 'nobody'"),
        (("--agency", "ubnd", "--period", "2025-Q3"), "before the programme's first"),
        (("--agency", "ubnd", "--period", "2026-Q3"), "2026-Q3 begins on 2026-07-01, after"),
        (("--period", "2026-Q1"), "Missing option '--agency'"),
    ],
)
def test_usage_errors(repo: Path, args: tuple[str, ...], message: str) -> None:
    code, _, err = new(*args, "--as-of", "2026-04-10")
    assert code == 2
    assert message in " ".join(err.split())
    written = sorted(p.name for p in (repo / "data" / "updates").glob("*/*.yaml"))
    assert written == ["2025-Q4.yaml", "2026-Q2.yaml"]


def test_output_elsewhere_points_at_the_schema_from_there(repo: Path) -> None:
    (repo / "drafts").mkdir()
    code, _, _ = new(
        "--agency", "ubnd", "--period", "2026-Q1", "--as-of", "2026-04-10",
        "-o", "drafts/ubnd.yaml",
    )  # fmt: skip
    assert code == 0
    first = (repo / "drafts" / "ubnd.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/update.schema.json"


def test_without_a_schema_folder_it_says_how_to_make_one(repo: Path) -> None:
    shutil.rmtree(repo / "schema")
    code, _, err = new("--agency", "ubnd", "--period", "2026-Q1", "--as-of", "2026-04-10")
    assert code == 0
    assert err == (
        "schema/update.schema.json not found; create it for editor help: "
        "actionplan schema update > schema/update.schema.json\n"
    )
    text = (repo / "data" / "updates" / "ubnd" / "2026-Q1.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../../schema/update.schema.json\n")


def test_nothing_owed_gives_an_empty_list(repo: Path) -> None:
    folder = repo / "data" / "updates" / "ubnd"
    (folder / "2025-Q4.yaml").write_text(
        Q4.replace("status: in_progress, progress: 40", "status: done, done_on: 2026-01-02")
        + '  - {task: "1.1.1", milestone: implementation, status: done, done_on: 2026-01-02}\n'
        + '  - {task: "1.1.3", status: done, done_on: 2026-01-02}\n',
        encoding="utf-8",
    )
    (folder / "2026-Q2.yaml").unlink()
    code, out, _ = new("--agency", "ubnd", "--period", "2026-Q1", "--as-of", "2026-04-10")
    assert code == 0
    assert out == "Wrote data/updates/ubnd/2026-Q1.yaml: 0 milestones to report on.\n"
    text = (folder / "2026-Q1.yaml").read_text(encoding="utf-8")
    assert text.endswith(
        "# Nothing to report: this agency has reported every task it leads as done.\nupdates: []\n"
    )
    assert run("check", "--data", "data")[0] == 0
