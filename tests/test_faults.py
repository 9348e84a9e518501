"""Faults while writing: the old file survives, the user gets a message and exit 1."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan import fsutil
from actionplan.cli import app
from actionplan.fsutil import write_atomic
from actionplan.problems import ActionplanError
from conftest import DATA

SOURCE = DATA / "source" / "chuong-trinh-hanh-dong-phu-tho-2025-2030.txt"
runner = CliRunner()


def disk_full(*_args: object) -> None:
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


@pytest.fixture(autouse=True)
def _english() -> None:
    from actionplan.i18n import set_language

    set_language("en")


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "out.txt"
    write_atomic(target, "Việt Nam\n")
    assert target.read_text(encoding="utf-8") == "Việt Nam\n"
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]  # no temporary left


def test_new_files_get_normal_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    umask = os.umask(0o022)
    try:
        write_atomic(target, "x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    with pytest.raises(ActionplanError, match="already exists; use --force"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    write_atomic(target, "new", force=True)
    assert target.read_text() == "new"


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_failure_mid_write_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    target = tmp_path / "out.txt"
    target.write_text("old")
    if where == "fsync":
        monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    elif where == "replace":
        monkeypatch.setattr(fsutil.Path, "replace", disk_full)
    else:
        real_fdopen = os.fdopen

        class Half:
            def __init__(self, fd: int, mode: str) -> None:
                self.handle = real_fdopen(fd, mode)

            def __enter__(self) -> Half:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

            def write(self, data: bytes) -> None:
                self.handle.write(data[: len(data) // 2])
                disk_full()

        monkeypatch.setattr(fsutil.os, "fdopen", Half)
    with pytest.raises(ActionplanError, match=r"Cannot write .*No space left on device"):
        write_atomic(target, "new content", force=True)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # temporary removed


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ActionplanError, match="Cannot write"):
            write_atomic(folder / "out.txt", "x")
    finally:
        folder.chmod(0o700)


def test_read_only_folder_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As root (CI containers) permissions are not enforced, so simulate EACCES."""

    def denied(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", denied)
    with pytest.raises(ActionplanError, match=r"Cannot write .*Permission denied"):
        write_atomic(tmp_path / "out.txt", "x")


def test_import_with_a_full_disk_keeps_the_old_programme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "programme.yaml"
    target.write_text("old")
    monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    result = runner.invoke(app, ["import", str(SOURCE), "-o", str(target), "--force"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: Cannot write {target}: No space left on device.")
    assert "Traceback" not in result.output
    assert target.read_text() == "old"


def test_import_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "programme.yaml"
    target.write_text("old")
    result = runner.invoke(app, ["import", str(SOURCE), "-o", str(target), "--lang", "en"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {target} already exists; use --force to replace it.\n"
    assert target.read_text() == "old"


WRITERS = {
    "report": (["report", "--data", str(DATA), "--as-of", "2026-12-03", "-o"], "r.html"),
    "report-docx": (["report", "--data", str(DATA), "--as-of", "2026-12-03", "-o"], "r.docx"),
    "export": (["export", "xlsx", "--data", str(DATA), "--as-of", "2026-12-03", "-o"], "x.xlsx"),
    "import": (["import", str(SOURCE), "-o"], "programme.yaml"),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_writer_keeps_the_old_file_when_the_disk_fills(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args, file_name = WRITERS[name]
    target = tmp_path / file_name
    target.write_bytes(b"old")
    monkeypatch.setattr(fsutil.os, "fsync", disk_full)
    result = runner.invoke(app, [*args, str(target), "--force", "--lang", "en"])
    assert result.exit_code == 1, result.output
    assert f"Cannot write {target}: No space left on device." in result.stderr
    assert "Traceback" not in result.output
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [file_name]


def test_remind_writes_nothing_when_a_target_exists(tmp_path: Path) -> None:
    args = ["remind", "--data", str(DATA), "--as-of", "2026-12-03", "-o", str(tmp_path)]
    first = runner.invoke(app, [*args, "--lang", "en"])
    assert first.exit_code == 0, first.output
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written
    victim = tmp_path / written[-1]
    victim.write_bytes(b"edited by hand")
    (tmp_path / written[0]).unlink()
    again = runner.invoke(app, [*args, "--lang", "en"])
    assert again.exit_code == 1
    assert victim.read_bytes() == b"edited by hand"
    assert not (tmp_path / written[0]).exists()  # checked all targets before writing any


def test_update_new_never_replaces_a_report(tmp_path: Path) -> None:
    target = tmp_path / "2026-Q4.yaml"
    target.write_bytes(b"old")
    args = [
        "update",
        "new",
        "--data",
        str(DATA),
        "--agency",
        "dang-uy-ubnd-tinh",
        "--period",
        "2026-Q4",
        "--as-of",
        "2026-12-03",
        "-o",
        str(target),
    ]
    result = runner.invoke(app, [*args, "--lang", "en"])
    assert result.exit_code == 1
    assert target.read_bytes() == b"old"
