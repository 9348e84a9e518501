"""The cache of parsed and validated files: same results as without it, never trusted blindly."""

from __future__ import annotations

import hashlib
import hmac
import pickle
import shutil
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from actionplan import cache, datafiles
from actionplan.dataset import Dataset, load_dataset
from actionplan.evaluate import evaluate
from actionplan.present.status import to_json
from conftest import DATA

AS_OF = date(2026, 12, 3)
SCALE_1 = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of the repository's data (it gets a cache folder)."""
    return Path(shutil.copytree(DATA, tmp_path / "data"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The secret key under the test's own folder; every folder worth a cache."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(cache.NO_CACHE_ENV, raising=False)
    monkeypatch.setattr(cache, "MIN_BYTES", 0)


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the files actually parsed (not found in the cache)."""
    names: list[str] = []
    real: Callable[..., Any] = datafiles.load_bytes

    def counting(raw: bytes, name: str) -> Any:
        names.append(name)
        return real(raw, name)

    monkeypatch.setattr(datafiles, "load_bytes", counting)
    yield names


def pack(root: Path) -> Path:
    return root / cache.CACHE_DIR / cache.PACK_NAME


def statuses(dataset: Dataset) -> str:
    assert dataset.programme is not None
    evaluation = evaluate(dataset.programme, dataset.updates, dataset.decisions, AS_OF)
    return to_json(dataset.programme, evaluation, evaluation.tasks)


def test_a_second_run_parses_nothing_and_finds_the_same(data: Path, parsed: list[str]) -> None:
    first = load_dataset(data)
    assert pack(data).is_file()
    count = len(parsed)
    second = load_dataset(data)
    assert len(parsed) == count  # nothing parsed again
    assert second.problems == first.problems and second.files == first.files
    assert statuses(second) == statuses(load_dataset(data, cache=False))


def test_models_and_documents_from_the_cache_equal_fresh_ones(data: Path) -> None:
    load_dataset(data)
    cached, fresh = load_dataset(data), load_dataset(data, cache=False)
    assert cached.programme == fresh.programme
    assert cached.decisions == fresh.decisions
    assert cached.updates == fresh.updates
    assert [i.indices for i in cached.update_files] == [i.indices for i in fresh.update_files]
    assert {n: d.text for n, d in cached.documents.items()} == {
        n: d.text for n, d in fresh.documents.items()
    }
    name = next(iter(cached.documents))
    assert cached.documents[name].locate(("programme",)) == fresh.documents[name].locate(
        ("programme",)
    )


def test_a_changed_file_is_read_again(data: Path, parsed: list[str]) -> None:
    load_dataset(data)
    target = sorted((data / "updates").glob("*/2026-Q3.yaml"))[0]
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace("status: in_progress", "status: finished", 1), "utf-8")
    parsed.clear()
    dataset = load_dataset(data)
    assert [Path(name).name for name in parsed] == [target.name]
    assert [p.code for p in dataset.problems] == ["AP106"]
    assert dataset.problems == load_dataset(data, cache=False).problems


def test_cross_file_checks_follow_a_change_in_another_file(data: Path) -> None:
    """A history warning depends on the earlier report: changing that one must show it."""
    load_dataset(data)
    folder = sorted((data / "updates").iterdir())[0]
    earlier = folder / "2025-Q4.yaml"
    text = earlier.read_text(encoding="utf-8")
    earlier.write_text(text.replace("progress: ", "progress: 10", 1), "utf-8")
    assert load_dataset(data).problems == load_dataset(data, cache=False).problems


def test_the_statuses_equal_those_without_a_cache_on_generated_data(
    tmp_path: Path, parsed: list[str]
) -> None:
    import subprocess
    import sys

    out = tmp_path / "bench"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--scale", "1", "-o", str(out)],
        cwd=SCALE_1.parent,
        check=True,
        capture_output=True,
    )
    root = out / "data"
    off = load_dataset(root, cache=False)
    load_dataset(root)  # writes the cache
    parsed.clear()
    on = load_dataset(root)
    assert parsed == []
    assert on.problems == off.problems == []
    for day in (date(2026, 12, 3), date(2030, 11, 1)):
        assert on.programme is not None and off.programme is not None
        assert evaluate(on.programme, on.updates, on.decisions, day) == evaluate(
            off.programme, off.updates, off.decisions, day
        )


def test_a_corrupt_pack_is_discarded_and_replaced(data: Path, parsed: list[str]) -> None:
    expected = load_dataset(data).problems
    blob = bytearray(pack(data).read_bytes())
    blob[-100] ^= 0xFF
    pack(data).write_bytes(bytes(blob))
    parsed.clear()
    assert load_dataset(data).problems == expected
    assert len(parsed) > 1  # everything was parsed again
    parsed.clear()
    load_dataset(data)
    assert parsed == []  # and the pack rewritten


@pytest.mark.parametrize("damage", [b"", b"not a pack", b"actionplan-cache 1\n" + b"\0" * 40])
def test_truncated_or_foreign_packs_are_discarded(
    data: Path, parsed: list[str], damage: bytes
) -> None:
    expected = load_dataset(data).problems
    pack(data).write_bytes(damage)
    assert load_dataset(data).problems == expected


def test_a_pack_made_under_another_secret_is_not_trusted(
    data: Path, parsed: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pull request can commit a .actionplan-cache/ folder: its pack must not count."""
    load_dataset(data)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    parsed.clear()
    load_dataset(data)
    assert len(parsed) > 1


def test_a_forged_entry_cannot_hide_a_problem(
    data: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """An attacker without the secret claims 'no problems' for a broken file: ignored."""
    target = sorted((data / "updates").glob("*/2026-Q3.yaml"))[0]
    target.write_text("agency: [unclosed\n", "utf-8")
    broken = load_dataset(data).problems
    assert broken
    key = cache.digest(target.read_bytes())
    forged = {f"file:update:{key}": ((), True, False, (), None, None)}
    payload = pickle.dumps(forged, protocol=5)
    tag = hmac.new(b"guessed" * 5, cache.fingerprint(), hashlib.sha256)
    tag.update(payload)
    pack(data).write_bytes(b"actionplan-cache 1\n" + tag.digest() + payload)
    assert load_dataset(data).problems == broken


def test_a_pack_holding_code_is_refused_even_with_the_right_secret(data: Path) -> None:
    load_dataset(data)
    secret = (Path(cache._key_path())).read_bytes()
    payload = pickle.dumps({"x": print}, protocol=5)  # any global: refused
    tag = hmac.new(secret, cache.fingerprint(), hashlib.sha256)
    tag.update(payload)
    pack(data).write_bytes(b"actionplan-cache 1\n" + tag.digest() + payload)
    assert cache.Cache.open(data).get("x") is None


def test_another_version_of_the_tool_discards_the_pack(
    data: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    load_dataset(data)
    monkeypatch.setattr(cache, "__version__", "99.0.0")
    parsed.clear()
    load_dataset(data)
    assert len(parsed) > 1


def test_no_cache_env_reads_and_writes_nothing(
    data: Path, parsed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    load_dataset(data)
    assert not (data / cache.CACHE_DIR).exists()
    monkeypatch.delenv(cache.NO_CACHE_ENV)
    load_dataset(data)
    monkeypatch.setenv(cache.NO_CACHE_ENV, "1")
    parsed.clear()
    load_dataset(data)
    assert len(parsed) > 1  # the existing pack is not read either


def test_small_folders_get_no_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MIN_BYTES", 10**9)
    load_dataset(data)
    assert not (data / cache.CACHE_DIR).exists()


def test_the_cache_folder_ignores_itself_and_is_not_data(data: Path) -> None:
    dataset = load_dataset(data)
    assert (data / cache.CACHE_DIR / ".gitignore").read_text().splitlines()[-1] == "*"
    assert dataset.problems == []  # the layout scan skips it like any hidden entry


def test_problems_of_broken_files_come_back_the_same(data: Path, parsed: list[str]) -> None:
    shutil.copy(Path(__file__).parent / "hostile" / "anchor-alias.yaml", data / "decisions.yaml")
    (data / "updates" / "dang-uy-cong-an-tinh" / "2026-Q3.yaml").write_text(
        "agency: dang-uy-cong-an-tinh\nperiod: 2026-Q3\nsubmitted: 2026-10-05\n"
        "updates:\n  - task: '9.9.9'\n    status: in_progress\n"
        "  - task: '1.1.1'\n    status: done\n",
        "utf-8",
    )
    first = load_dataset(data)
    parsed.clear()
    second = load_dataset(data)
    assert parsed == []
    assert second.problems == first.problems == load_dataset(data, cache=False).problems
    assert {p.code for p in first.problems} >= {"AP010", "AP119", "AP210"}


def test_the_lookup_from_a_cached_programme_equals_the_validated_one() -> None:
    from actionplan.cached_lookup import TreeLookup
    from actionplan.loader import load_file
    from actionplan.update_checks import Lookup

    doc, _problems = load_file(DATA / "programme.yaml")
    assert doc is not None
    programme = load_dataset(DATA, cache=False).programme
    assert programme is not None
    fresh, cached = Lookup(programme), TreeLookup(doc.data)
    assert cached.tasks.get("2.1.1") == fresh.tasks["2.1.1"]
    assert cached.tasks.get("9.9.9") is None and "9.9.9" not in cached.tasks
    assert dict(cached.tasks.items()) == fresh.tasks
    assert cached.agencies == fresh.agencies
    assert (cached.first_period, cached.secretariat) == (fresh.first_period, fresh.secretariat)


def test_a_missing_tree_means_parsing_that_file_again(data: Path, parsed: list[str]) -> None:
    load_dataset(data)
    trees = sorted((data / cache.CACHE_DIR / cache.TREES_DIR).iterdir())
    assert len(trees) == 1 + len(list((data / "updates").iterdir()))  # data/ and each agency
    for tree in trees:
        tree.write_bytes(b"damaged")
    parsed.clear()
    dataset = load_dataset(data)
    assert parsed == []  # check needs no tree
    shown = statuses(dataset)
    assert len(parsed) == dataset.files  # status does: every tree was parsed again
    assert shown == statuses(load_dataset(data, cache=False))


@pytest.mark.parametrize("link", [cache.CACHE_DIR, f"{cache.CACHE_DIR}/{cache.TREES_DIR}"])
def test_a_planted_link_is_never_written_or_pruned_through(
    data: Path, tmp_path: Path, link: str
) -> None:
    """A pull request can commit .actionplan-cache (or its trees/) as a link elsewhere."""
    victim = tmp_path / "victim"
    (victim / cache.TREES_DIR).mkdir(parents=True)
    (victim / cache.TREES_DIR / "precious").write_text("keep me")
    (victim / "precious").write_text("keep me")
    if link == cache.CACHE_DIR:
        (data / link).symlink_to(victim, target_is_directory=True)
    else:
        (data / cache.CACHE_DIR).mkdir()
        (data / link).symlink_to(victim / cache.TREES_DIR, target_is_directory=True)
    load_dataset(data)
    assert sorted(p.name for p in victim.rglob("*")) == ["precious", "precious", "trees"]
    assert not (data / cache.CACHE_DIR / cache.PACK_NAME).exists()


def test_a_read_only_folder_gets_no_cache(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache.os, "access", lambda *_args: False)
    assert cache.Cache.open(data) is None


def test_no_cache_option_neither_reads_nor_writes(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from actionplan import cache as cache_policy
    from actionplan.cli import app

    root = tmp_path / "data"
    shutil.copytree(Path(__file__).parent / "fixtures" / "mini", root)
    filler = root / "updates" / "ubnd"
    filler.mkdir(parents=True)
    (filler / "2026-Q3.yaml").write_text(
        "agency: ubnd\nperiod: 2026-Q3\nsubmitted: 2026-10-05\n"
        + "# "
        + "x" * cache_policy.MIN_BYTES
        + "\nupdates: []\n",
        encoding="utf-8",
    )
    runner = CliRunner()
    assert runner.invoke(app, ["check", "--data", str(root), "--no-cache"]).exit_code == 0
    assert not (root / cache_policy.CACHE_DIR).exists()
    assert runner.invoke(app, ["check", "--data", str(root)]).exit_code == 0
    assert (root / cache_policy.CACHE_DIR).exists()
