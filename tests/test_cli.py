"""The command line: exact output lines, exit codes, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app

MINI = Path(__file__).parent / "fixtures" / "mini"
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    shutil.copytree(MINI, tmp_path / "data")
    return tmp_path / "data"


def test_check_clean_data(mini: Path) -> None:
    code, out, _ = run("check", "--data", str(mini), "--lang", "en")
    assert code == 0
    assert out == "No problems found (1 file checked).\n"


def test_check_clean_data_in_vietnamese(mini: Path) -> None:
    code, out, _ = run("check", "--data", str(mini))
    assert code == 0
    assert out == "Không có lỗi nào (đã kiểm tra 1 tệp).\n"


def test_check_reports_every_problem_sorted(mini: Path) -> None:
    path = mini / "programme.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("secretariat: true", "secretariat: yes").replace(
        'id: "1.1.4"', 'id: "1.1.x"'
    )
    path.write_text(text, encoding="utf-8")
    code, out, _ = run("check", "--data", str(mini), "--lang", "en")
    assert code == 1
    name = path.as_posix()
    assert out.splitlines() == [
        f"{name}:11:18: error AP110 'yes' is not true or false.",
        f"{name}:37:17: error AP112 '1.1.x' is not a valid id: use 1, 1.2, 1.2.3.",
        "2 errors, 0 warnings (1 file checked).",
    ]


def test_check_github_format(mini: Path) -> None:
    path = mini / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("secretariat: true", "secretariat: yes")
    )
    code, out, _ = run("check", "--data", str(mini), "--lang", "en", "--format", "github")
    assert code == 1
    name = path.as_posix()
    assert out.splitlines()[0] == (
        f"::error file={name.replace(':', '%3A')},line=11,col=18,title=AP110::"
        f"{name}:11:18: AP110 'yes' is not true or false."
    )


def test_check_json_format(mini: Path) -> None:
    path = mini / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("secretariat: true", "secretariat: yes")
    )
    code, out, _ = run("check", "--data", str(mini), "--lang", "en", "--format", "json")
    assert code == 1
    assert json.loads(out) == {
        "problems": [
            {
                "path": path.as_posix(),
                "line": 11,
                "col": 18,
                "code": "AP110",
                "severity": "error",
                "message": "'yes' is not true or false.",
            }
        ],
        "errors": 1,
        "warnings": 0,
    }


def test_warnings_fail_only_with_strict(mini: Path) -> None:
    path = mini / "programme.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "agencies:\n", 'agencies:\n  - id: idle\n    name: "Ban X"\n'
        )
    )
    assert run("check", "--data", str(mini))[0] == 0
    assert run("check", "--data", str(mini), "--strict")[0] == 1


def test_missing_data_folder_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("check", "--data", str(tmp_path / "nope"), "--lang", "en")
    assert code == 1
    assert err == (
        f"Error: Data folder {tmp_path / 'nope'} not found; pass --data DIR "
        "or set ACTIONPLAN_DATA.\n"
    )


def test_data_folder_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    code, _, err = run("status", "--data", str(tmp_path / "f"), "--lang", "en")
    assert code == 1
    assert err == f"Error: {tmp_path / 'f'} is not a folder; pass --data DIR.\n"


STATUS_JSON = {
    "as_of": "2026-12-03",
    "programme": "test",
    "report_period": "2026-Q3",
    "summary": {
        "overdue": 1,
        "due_soon": 1,
        "report_missing": 0,
        "not_started": 1,
        "awaiting_schedule": 1,
        "on_track": 0,
        "ongoing": 0,
        "done_late": 0,
        "done": 0,
        "done_on_time": 0,
    },
}


def test_status_json(mini: Path) -> None:
    code, out, _ = run("status", "--data", str(mini), "--as-of", "2026-12-03", "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert {k: document[k] for k in STATUS_JSON} == STATUS_JSON
    assert document["tasks"][0] == {
        "id": "1.1.1",
        "section": "1.1",
        "leads": ["ubnd"],
        "status": "overdue",
        "flags": ["never_reported", "report_missing"],
        "due": "2025-12-31",
        "days_overdue": 337,
        "days_left": None,
        "progress": None,
        "last_submitted": None,
        "milestones": [
            {
                "kind": "scheme",
                "text": "Thời hạn: 2025",
                "due": "2025-12-31",
                "original_due": "2025-12-31",
                "status": "overdue",
                "flags": ["never_reported", "report_missing"],
            },
            {
                "kind": "implementation",
                "text": "Thường xuyên",
                "due": None,
                "original_due": None,
                "status": "report_missing",
                "flags": ["never_reported", "report_missing"],
            },
        ],
    }
    assert [t["status"] for t in document["tasks"]] == [
        "overdue",
        "not_started",
        "awaiting_schedule",
        "due_soon",
    ]
    assert document["tasks"][1]["due"] == "2030-12-31"


def test_status_filters_and_fail_on(mini: Path) -> None:
    args = ("status", "--data", str(mini), "--as-of", "2026-12-03", "--format", "json")
    code, out, _ = run(*args, "--status", "overdue", "--status", "due_soon")
    assert code == 0
    assert [t["id"] for t in json.loads(out)["tasks"]] == ["1.1.1", "1.1.4"]
    code, out, _ = run(*args, "--agency", "van-phong")
    assert [t["id"] for t in json.loads(out)["tasks"]] == ["1.1.2"]
    assert run(*args, "--section", "1")[0] == 0
    assert run(*args, "--fail-on", "overdue")[0] == 1
    assert run(*args, "--fail-on", "done_late")[0] == 0
    assert run(*args, "--section", "1.1", "--status", "due_soon", "--fail-on", "overdue")[0] == 0


@pytest.mark.parametrize(
    "bad",
    [
        ("--as-of", "03/12/2026"),
        ("--status", "late"),
        ("--agency", "nobody"),
        ("--section", "9"),
        ("--format", "xml"),
        ("--lang", "fr"),
    ],
)
def test_status_usage_errors_exit_2(mini: Path, bad: tuple[str, str]) -> None:
    code, _, err = run("status", "--data", str(mini), *bad)
    assert code == 2
    assert "Traceback" not in err


def test_status_table_shows_groups_and_inert_text(mini: Path) -> None:
    code, out, _ = run("status", "--data", str(mini), "--as-of", "2026-12-03", "--lang", "en")
    assert code == 0
    assert "Việc một [bold]đậm[/]" in out  # rich markup in user text is shown, not applied
    assert "│ 1.1   │ Mục" in out
    assert "337 days overdue" in out
    assert out.rstrip().splitlines()[-1] == (
        "4 tasks — Overdue: 1 · Due soon: 1 · Not started: 1 · Deadline not yet set: 1"
    )


def test_status_csv_has_bom_unless_asked(mini: Path) -> None:
    args = [
        sys.executable,
        "-m",
        "actionplan",
        "status",
        "--data",
        str(mini),
        "--as-of",
        "2026-12-03",
        "--format",
        "csv",
    ]
    raw = subprocess.run(args, capture_output=True, check=True).stdout
    assert raw.startswith(b"\xef\xbb\xbfid,section,leads,status,status_label,")
    plain = subprocess.run([*args, "--encoding", "utf-8"], capture_output=True, check=True).stdout
    assert plain.startswith(b"id,section,")
    assert "1.1.1,1.1,ubnd,overdue,Quá hạn," in plain.decode("utf-8")


def test_status_refuses_invalid_data(mini: Path) -> None:
    path = mini / "programme.yaml"
    path.write_text("programme: [\n")
    code, _, err = run("status", "--data", str(mini), "--lang", "en")
    assert code == 1
    assert "AP007" in err
    assert "Traceback" not in err


def test_internal_error_is_one_line_exit_3(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import actionplan.evaluate

    def boom(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(actionplan.evaluate, "evaluate", boom)
    monkeypatch.setattr("actionplan.commands.common.evaluate", boom)
    code, _, err = run("status", "--data", str(mini), "--lang", "en")
    assert code == 3
    assert err.startswith("Internal error: RuntimeError: boom. Re-run with --debug")
    assert len(err.strip().splitlines()) == 1


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0
    assert out.startswith("actionplan ")


def test_every_command_has_help() -> None:
    for command in app.registered_commands:
        assert command.help, command.name


def test_debug_shows_the_traceback(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("actionplan.commands.common.evaluate", boom)
    result = runner.invoke(app, ["status", "--data", str(mini), "--debug"])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize(
    "content",
    [
        "a: " + "[" * 100_000 + "]" * 100_000 + "\n",
        "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c]\n",
        "a: !!python/object/apply:os.system ['echo pwned']\n",
    ],
    ids=["deep-nesting", "billion-laughs", "python-tag"],
)
def test_hostile_programme_never_crashes_the_process(mini: Path, content: str) -> None:
    (mini / "programme.yaml").write_text(content, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "actionplan", "check", "--data", str(mini), "--lang", "en"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout
    assert "programme.yaml:1:" in done.stdout
    assert "pwned" not in done.stdout.replace("'echo pwned'", "")
