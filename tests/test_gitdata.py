"""gitdata and revisions against real repositories: plain errors, raw formats, loading a
revision's data folder exactly like the working tree (symbolic links reported, never followed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from actionplan.gitdata import (
    GitError,
    Repo,
    changed_files,
    list_tree,
    locate_repo,
    log_changes,
    read_blobs,
    resolve_commit,
    run_git,
)
from actionplan.i18n import set_language
from actionplan.loader import MAX_BYTES
from actionplan.revisions import load_revision
from gitrepo import GitRepo, repo, update_file

__all__ = ["repo"]  # the fixture


@pytest.fixture(autouse=True)
def _english() -> None:
    set_language("en")


def test_a_failing_git_command_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(GitError) as caught:
        run_git(["no-such-command"], tmp_path)
    assert caught.value.message == (
        "git no-such-command failed: git: 'no-such-command' is not a git command. See 'git --help'."
    )
    assert caught.value.exit_code == 1


def test_git_missing_from_path_is_a_plain_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GitError) as caught:
        run_git(["status"], tmp_path)
    assert caught.value.message == "git is not installed or not on PATH."


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = tmp_path / "data"
    folder.mkdir()
    with pytest.raises(GitError) as caught:
        locate_repo(folder)
    assert caught.value.message == (
        f"{folder} is not in a git repository; this command reads the data's git history."
    )


def test_locate_repo_gives_the_data_folder_relative_to_the_top(repo: GitRepo) -> None:
    found = locate_repo(repo.root / "data")
    assert found.top.resolve() == repo.root.resolve()
    assert found.prefix == "data/"
    assert locate_repo(repo.root).prefix == ""


@pytest.mark.parametrize("rev", ["no-such-branch", "--output=/tmp/x", ""])
def test_unknown_or_option_like_revisions_are_refused(repo: GitRepo, rev: str) -> None:
    with pytest.raises(GitError) as caught:
        resolve_commit(repo.root, rev)
    assert caught.value.message == (
        f"Revision '{rev}' is not in this repository; check the name, or fetch it "
        "(in CI: the checkout step needs fetch-depth: 0)."
    )


def test_changed_files_reads_renames_and_unusual_names(repo: GitRepo) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    repo.git("mv", "data/updates/ubnd/2026-Q3.yaml", "data/updates/ubnd/2026-Q4.yaml")
    repo.write('data/source/tờ trình "số 1".txt', "x\n")
    (repo.root / "src" / "tool.py").unlink()
    repo.commit("changes")
    changes = {(c.status, c.old_path, c.path) for c in changed_files(repo.root, base, "HEAD")}
    assert changes == {
        ("R", "data/updates/ubnd/2026-Q3.yaml", "data/updates/ubnd/2026-Q4.yaml"),
        ("A", None, 'data/source/tờ trình "số 1".txt'),
        ("D", "src/tool.py", "src/tool.py"),
    }


def test_list_tree_and_read_blobs(repo: GitRepo) -> None:
    entries = {e.path: e for e in list_tree(repo.root, "HEAD", "data/")}
    assert sorted(entries) == [
        "data/decisions.yaml",
        "data/programme.yaml",
        "data/updates/ubnd/2026-Q3.yaml",
    ]
    decisions = entries["data/decisions.yaml"]
    assert (decisions.mode, decisions.size) == ("100644", len("decisions: []\n"))
    assert read_blobs(repo.root, [decisions.oid, decisions.oid]) == {
        decisions.oid: b"decisions: []\n"
    }


def test_log_changes_names_the_authors_oldest_first(repo: GitRepo) -> None:
    repo.write(
        "data/updates/ubnd/2026-Q4.yaml",
        update_file("ubnd", "2026-Q4", "2027-01-05", {"task": "1.1.4", "status": "in_progress"}),
    )
    repo.commit("Q4", author=("Trần Thị B", "b@example.org"), when="2027-01-05T10:30:00+07:00")
    log = log_changes(repo.root, ["data/updates"])
    assert [(c.author, c.date, [ch.path for ch in changes]) for c, changes in log] == [
        ("Nguyễn Văn A", "2026-10-05T09:00:00+07:00", ["data/updates/ubnd/2026-Q3.yaml"]),
        ("Trần Thị B", "2027-01-05T10:30:00+07:00", ["data/updates/ubnd/2026-Q4.yaml"]),
    ]
    assert len(log[0][0].short) == 7


def test_a_revision_loads_like_the_working_tree_with_repository_paths(repo: GitRepo) -> None:
    repo.write("data/updates/ubnd/2026-Q4.yaml", "agency: ubnd\nperiod: [\n")
    repo.commit("broken")
    data = load_revision(repo_of(repo), "HEAD")
    assert [(p.location(), p.code) for p in data.dataset.problems] == [
        ("data/updates/ubnd/2026-Q4.yaml:3:1", "AP007")
    ]
    assert sorted(data.updates) == ["data/updates/ubnd/2026-Q3.yaml"]
    assert data.dataset.files == 4
    assert data.dataset.programme is not None


def test_symbolic_links_in_a_revision_are_reported_not_followed(repo: GitRepo) -> None:
    repo.write("secret.yaml", "agency: ubnd\nperiod: 2026-Q4\nsecret: LEAKED\n")
    link = repo.root / "data" / "updates" / "ubnd" / "2026-Q4.yaml"
    link.symlink_to("../../../secret.yaml")
    repo.commit("link")
    data = load_revision(repo_of(repo), "HEAD")
    assert [(p.location(), p.code) for p in data.dataset.problems] == [
        ("data/updates/ubnd/2026-Q4.yaml", "AP219")
    ]
    assert data.symlinks == {"data/updates/ubnd/2026-Q4.yaml"}
    assert all("LEAKED" not in doc.text for doc in data.dataset.documents.values())


def test_an_oversized_blob_is_refused_by_size_without_reading_it(repo: GitRepo) -> None:
    big = repo.root / "data" / "updates" / "ubnd" / "2026-Q4.yaml"
    with big.open("wb") as handle:
        handle.write(b"#" * (MAX_BYTES + 1))
    repo.commit("big")
    data = load_revision(repo_of(repo), "HEAD")
    assert [p.code for p in data.dataset.problems] == ["AP002"]


def repo_of(repo: GitRepo) -> Repo:
    return locate_repo(repo.root / "data")
