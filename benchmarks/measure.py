"""Whole-process measurements: wall time and peak memory of one command, and their spread."""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

TRAMPOLINE = Path(__file__).resolve().parent / "trampoline.py"


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_kb: int
    exit_code: int


class CommandFailedError(RuntimeError):
    """The measured command did not exit as expected; its stderr says why."""


def run_once(argv: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    """One fresh process: time from spawn to exit, and its own peak resident memory.

    ``argv[0]`` must be a path to an executable (no PATH search)."""
    with tempfile.NamedTemporaryFile(prefix="bench-stderr-", suffix=".txt") as err:
        out = subprocess.run(  # noqa: S603 - argv is built by the runner, never a shell
            [sys.executable, "-I", "-S", str(TRAMPOLINE), err.name, *argv],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        seconds, peak_kb, exit_code = out.stdout.split()
        if int(exit_code) != 0:
            message = Path(err.name).read_text(errors="replace")[-2000:]
            raise CommandFailedError(f"{' '.join(argv)} exited {exit_code}:\n{message}")
    return Sample(float(seconds), int(peak_kb), int(exit_code))


@dataclass
class Series:
    """Repeated samples of one measurement."""

    label: str
    samples: list[Sample] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return bool(self.samples) and self.error is None

    @property
    def seconds(self) -> float:
        return statistics.median(s.seconds for s in self.samples)

    @property
    def spread(self) -> tuple[float, float]:
        return min(s.seconds for s in self.samples), max(s.seconds for s in self.samples)

    @property
    def peak_mb(self) -> float:
        return statistics.median(s.peak_kb for s in self.samples) / 1024
