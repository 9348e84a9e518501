"""The benchmark's synthetic data: valid (`actionplan check` finds nothing), of its size."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from actionplan.cli import app
from actionplan.dataset import load_dataset

REPO = Path(__file__).resolve().parent.parent
QUARTERS = 20


def generate(scale: int, out: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--scale", str(scale), "-o", str(out)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return out / "data"


@pytest.fixture(scope="module")
def scale_1(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(1, tmp_path_factory.mktemp("bench"))


def test_scale_1_passes_check_without_a_single_problem(scale_1: Path) -> None:
    result = CliRunner().invoke(
        app, ["check", "--strict", "--lang", "en", "--data", str(scale_1)], env={}
    )
    assert result.exit_code == 0, result.stdout
    assert result.stdout.startswith("No problems found")


def test_scale_1_has_the_real_programmes_shape(scale_1: Path) -> None:
    dataset = load_dataset(scale_1, cache=False)
    programme = dataset.programme
    assert programme is not None
    tasks = [task for _loc, task, _section in programme.walk_tasks()]
    sections = [s for pillar in programme.sections for s in pillar.sections]
    assert (len(programme.sections), len(sections), len(tasks)) == (4, 20, 112)
    assert len(programme.agencies) == 9
    assert [a.id for a in programme.agencies if a.secretariat] == ["van-phong-tinh-uy"]
    assert len({m.due for task in tasks for m in task.milestones}) >= 5
    assert dataset.decisions


def test_every_lead_agency_reports_for_twenty_quarters(scale_1: Path) -> None:
    dataset = load_dataset(scale_1, cache=False)
    assert dataset.programme is not None
    leads = {lead for _l, task, _s in dataset.programme.walk_tasks() for lead in task.leads}
    periods: dict[str, set[str]] = {}
    for update in dataset.updates:
        periods.setdefault(update.agency, set()).add(update.period)
    assert set(periods) == leads
    assert all(len(found) == QUARTERS for found in periods.values())
    assert min(periods["dang-uy-ubnd-tinh"]) == "2025-Q4"
    assert max(periods["dang-uy-ubnd-tinh"]) == "2030-Q3"
    assert sum(len(update.updates) for update in dataset.updates) > 1000


def test_scale_k_repeats_the_programme_with_one_secretariat(tmp_path: Path) -> None:
    data = generate(3, tmp_path)
    dataset = load_dataset(data, cache=False)
    assert dataset.problems == []
    programme = dataset.programme
    assert programme is not None
    assert sum(1 for _ in programme.walk_tasks()) == 3 * 112
    assert len(programme.agencies) == 3 * 9 - 2  # the secretariat serves every copy
    assert sum(a.secretariat for a in programme.agencies) == 1


def test_the_data_is_the_same_every_time(tmp_path: Path, scale_1: Path) -> None:
    again = generate(1, tmp_path)
    files = sorted(p.relative_to(scale_1) for p in scale_1.rglob("*.yaml"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.yaml"))
    assert all((scale_1 / f).read_bytes() == (again / f).read_bytes() for f in files)
