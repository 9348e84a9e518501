"""``make bench``: time actionplan's commands against the floor, write benchmarks/RESULTS.md.

For the repository's data and synthetic data at each scale (:mod:`benchmarks.generate`,
written to a temporary folder) every command and every floor runs as a fresh process,
``--runs`` times, round-robin so that a noisy neighbour slows all of them alike; the
tables give medians with their spread. The floor of a command is measured in the same
run on the same files: a bare interpreter start, the import of the packages the command
needs, and a raw parse of the files with PyYAML's C loader (:mod:`benchmarks.rawparse`).
Commands run with ``ACTIONPLAN_NO_CACHE=1`` except in the cache table.

Usage: ``python -m benchmarks.run [--runs 5] [--scales 1,10,100] [-o benchmarks/RESULTS.md]``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import machine, results
from benchmarks.measure import CommandFailedError, Series, run_once

REPO = Path(__file__).resolve().parent.parent
PYTHON = Path(sys.executable)
ACTIONPLAN = PYTHON.parent / "actionplan"
RAWPARSE = Path(__file__).resolve().parent / "rawparse.py"

# The libraries each command needs (its import floor).
IMPORTS = {
    "--help": "typer",
    "check": "typer,yaml,pydantic",
    "status": "typer,yaml,pydantic,rich.console",
    "report": "typer,yaml,pydantic,jinja2",
}
COMMANDS = ("check", "status", "report")
CACHED_COMMANDS = ("check", "status")


@dataclass(frozen=True)
class Folder:
    """One data folder measured: the repository's data or a generated scale."""

    label: str
    root: Path
    as_of: str
    scale: int | None

    @property
    def files(self) -> list[Path]:
        return [self.root / "programme.yaml", self.root / "decisions.yaml"] + sorted(
            (self.root / "updates").glob("*/*.yaml")
        )

    @property
    def size_mb(self) -> float:
        return sum(path.stat().st_size for path in self.files if path.exists()) / 1e6


def command_argv(command: str, folder: Folder) -> list[str]:
    data = ["--data", str(folder.root)]
    if command == "check":
        return [str(ACTIONPLAN), "check", *data]
    if command == "status":
        return [str(ACTIONPLAN), "status", "--format", "json", "--as-of", folder.as_of, *data]
    return [str(ACTIONPLAN), "report", "--format", "html", "--as-of", folder.as_of, *data]


def report_available() -> bool:
    """The report command is being built alongside: measured as soon as it exists."""
    probe = subprocess.run(  # noqa: S603 - fixed argv
        [str(ACTIONPLAN), "report", "--help"], capture_output=True, check=False
    )
    return probe.returncode == 0


class Bench:
    """Every series of the run, filled round-robin."""

    def __init__(self, workdir: Path, runs: int) -> None:
        self.workdir = workdir
        self.runs = runs
        self.series: dict[tuple[str, str], Series] = {}
        self._plans: list[tuple[tuple[str, str], list[str], bool, Callable[[], None] | None]] = []
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("GITHUB_ACTIONS", "ACTIONPLAN_LANG", "ACTIONPLAN_DATA")
        }

    def label(self, argv: list[str]) -> str:
        """The command as the results show it: no temporary paths."""
        shown = " ".join(argv).replace(str(self.workdir) + "/", "")
        shown = shown.replace(str(RAWPARSE), "benchmarks/rawparse.py")
        return shown.replace(str(ACTIONPLAN), "actionplan").replace(str(PYTHON), "python")

    def plan(self, key: tuple[str, str], argv: list[str], *, cache: bool = False) -> None:
        self.series[key] = Series(self.label(argv))
        self._plans.append((key, argv, cache, None))

    def plan_with(self, key: tuple[str, str], argv: list[str], before: Callable[[], None]) -> None:
        """A cached measurement: ``before`` sets the cache up (not timed) for each run."""
        self.series[key] = Series(self.label(argv))
        self._plans.append((key, argv, True, before))

    def measure(self) -> None:
        for run in range(1, self.runs + 1):
            print(f"run {run}/{self.runs}", file=sys.stderr, flush=True)
            for key, argv, cache, before in self._plans:
                series = self.series[key]
                if series.error is not None:
                    continue
                env = dict(self.env)
                if not cache:
                    env["ACTIONPLAN_NO_CACHE"] = "1"
                try:
                    if before is not None:
                        before()
                    series.samples.append(run_once(argv, self.workdir, env))
                except (CommandFailedError, subprocess.CalledProcessError) as exc:
                    series.error = str(exc).splitlines()[0]
                    print(f"  failed: {exc}", file=sys.stderr)


def prepare(workdir: Path, scales: list[int]) -> list[Folder]:
    real = workdir / "real"
    shutil.copytree(REPO / "data", real / "data")
    folders = [Folder("repository data", real / "data", "2026-12-03", None)]
    for scale in scales:
        out = workdir / f"scale-{scale}"
        print(f"generating scale {scale}…", file=sys.stderr, flush=True)
        subprocess.run(  # noqa: S603 - fixed argv
            [str(PYTHON), "-m", "benchmarks.generate", "--scale", str(scale), "-o", str(out)],
            cwd=REPO,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        folders.append(Folder(f"scale {scale}", out / "data", "2030-11-01", scale))
    return folders


def plan_all(bench: Bench, folders: list[Folder], with_report: bool) -> None:
    python = str(PYTHON)
    bench.plan(("", "start"), [python, "-c", "pass"])
    for command, modules in IMPORTS.items():
        if command != "report" or with_report:
            bench.plan(("", f"import {command}"), [python, "-c", f"import {modules}"])
    bench.plan(("", "--help"), [str(ACTIONPLAN), "--help"])
    for folder in folders:
        root = str(folder.root)
        bench.plan((folder.label, "parse"), [python, str(RAWPARSE), root])
        for command in COMMANDS:
            if command == "report" and not with_report:
                continue
            imports = ["--import", IMPORTS[command]]
            bench.plan((folder.label, f"floor {command}"), [python, str(RAWPARSE), *imports, root])
            bench.plan((folder.label, command), command_argv(command, folder))
        if folder.scale is not None and folder.scale >= 10:
            plan_cache(bench, folder)


def plan_cache(bench: Bench, folder: Folder) -> None:
    """Cold (no cache yet: it is written), warm (nothing changed), one file changed."""
    pack = folder.root / ".actionplan-cache"
    changed = sorted((folder.root / "updates").glob("*/*.yaml"))[len(folder.files) // 2]
    counter = [0]

    def clear() -> None:
        shutil.rmtree(pack, ignore_errors=True)

    def change_one() -> None:
        counter[0] += 1
        with changed.open("a", encoding="utf-8") as handle:
            handle.write(f"# bench edit {counter[0]}\n")

    for command in CACHED_COMMANDS:
        argv = command_argv(command, folder)
        bench.plan_with((folder.label, f"{command} cold cache"), argv, clear)
        bench.plan_with((folder.label, f"{command} warm cache"), argv, lambda: None)
        bench.plan_with((folder.label, f"{command} one file changed"), argv, change_one)


def source_digest() -> str:
    """The package's source: an edit during the run invalidates caches mid-measurement."""
    hasher = hashlib.sha256()
    for path in sorted((REPO / "src" / "actionplan").rglob("*.py")):
        hasher.update(path.read_bytes())
    return hasher.hexdigest()


def same_statuses(folder: Folder, env: dict[str, str]) -> bool:
    """The acceptance check: status JSON with the cache on equals it with the cache off."""
    argv = command_argv("status", folder)
    outputs = []
    for no_cache in ("1", "", ""):  # off, then on (writing), then on (reading)
        run_env = {**env, "ACTIONPLAN_NO_CACHE": no_cache}
        outputs.append(
            subprocess.run(  # noqa: S603 - fixed argv
                argv, env=run_env, capture_output=True, check=True
            ).stdout
        )
    return outputs[0] == outputs[1] == outputs[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="runs per measurement (≥ 5)")
    parser.add_argument("--scales", default="1,10,100", help="comma-separated scale factors")
    parser.add_argument("-o", "--output", type=Path, default=REPO / "benchmarks" / "RESULTS.md")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s]
    started = datetime.now(UTC)
    described = machine.describe()
    source = source_digest()
    workdir = Path(tempfile.mkdtemp(prefix="actionplan-bench-"))
    try:
        folders = prepare(workdir, scales)
        with_report = report_available()
        bench = Bench(workdir, args.runs)
        plan_all(bench, folders, with_report)
        bench.measure()
        largest = max(folders, key=lambda f: f.scale or 0)
        identical = same_statuses(largest, bench.env) if largest.scale else None
        text = results.render(
            results.Run(
                started=started,
                finished=datetime.now(UTC),
                machine=described,
                runs=args.runs,
                folders=[(f.label, f.scale, len(f.files), f.size_mb) for f in folders],
                series=bench.series,
                with_report=with_report,
                statuses_identical=(largest.label, identical),
                source_changed=source_digest() != source,
            )
        )
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}", file=sys.stderr)
    finally:
        if args.keep:
            print(f"data kept in {workdir}", file=sys.stderr)
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
