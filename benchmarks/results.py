"""benchmarks/RESULTS.md: every figure with its floor and ratio, the targets, the machine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from benchmarks.measure import Series

Key = tuple[str, str]

# Why a target can still be missed once the causes found by profiling were fixed; the
# figures (by how much) come from the run itself.
WHY = {
    "help": (
        "The commands' modules import nothing heavy (tests/test_startup.py); the excess is "
        "Typer building every command's options before printing the list: it reads each "
        "command's signature and evaluates its string annotations (`from __future__ import "
        "annotations`), about 35 ms for the commands registered when this was written. "
        "Typer cannot skip commands that `--help` does not show; registering commands "
        "lazily (a group that builds a command only when it is invoked) would remove "
        "most of it — a change to app.py/cli.py."
    ),
    "status": (
        "The floor's `import pydantic` is lazy (pydantic loads its submodules on first "
        "use); defining actionplan's 12 models loads them, discovers plugins through "
        "importlib.metadata and compiles the validators: about 0.10 s measured in-process "
        "after `import pydantic`. Typer 0.29 also builds a pydantic TypeAdapter for each "
        "option (about 0.03 s). Loading 38 files, evaluating and printing take about "
        "0.05 s. These fixed costs are the design (pydantic models, Typer) and the small "
        "real data cannot amortise them; on generated data the ratio falls with size."
    ),
    "check": (
        "Besides parsing, `check` validates every file with pydantic and runs the "
        "cross-file checks; both are linear in the data."
    ),
    "memory": (
        "`check` must hold every update's model at once (the history checks compare an "
        "agency's reports across quarters), while the floor drops each parsed file."
    ),
    "growth": (
        "`report` is the one command with work that grows faster than the data: "
        "`report._groups` filters every task for every section (2,004 sections × 11,200 tasks "
        "= 22 million `_within` calls at 100 ×, 16 of the 86 s it takes under cProfile) and "
        "`figures.agency_figures` every task for every agency (801 × 11,200, about 3 s). "
        "Grouping the tasks by section and by lead once makes both linear; those modules "
        "belong to the report's author. It also evaluates the programme once per chart point "
        "(23 dates, about 17 s at 100 ×), linear but 23 times the work of `status`."
    ),
    "cache": (
        "With one file changed only that file is parsed again, and `check` needs nothing "
        "else. `status` must still build every model from its cached tree (validation, "
        "about 1.5 s at 100 ×), evaluate every task (about 1.3 s) and print them (0.5 s): "
        "work proportional to the data, not to the change."
    ),
}


_IDENTICAL = {True: "yes", False: "NO", None: "not checked"}


@dataclass(frozen=True)
class Run:
    started: datetime
    finished: datetime
    machine: list[tuple[str, str]]
    runs: int
    folders: list[tuple[str, int | None, int, float]]  # label, scale, files, MB
    series: dict[Key, Series]
    with_report: bool
    statuses_identical: tuple[str, bool | None]
    source_changed: bool = False


@dataclass(frozen=True)
class Target:
    name: str
    why: str
    measured: float | None
    limit: float
    note: str

    @property
    def met(self) -> bool | None:
        return None if self.measured is None else self.measured <= self.limit


def _ok(run: Run, key: Key) -> Series | None:
    series = run.series.get(key)
    return series if series is not None and series.ok else None


def _ratio(run: Run, key: Key, floor: Key, *, memory: bool = False) -> float | None:
    top, bottom = _ok(run, key), _ok(run, floor)
    if top is None or bottom is None:
        return None
    return top.peak_mb / bottom.peak_mb if memory else top.seconds / bottom.seconds


def _time(series: Series | None) -> str:
    if series is None:
        return "n/a"
    low, high = series.spread
    return f"{series.seconds:.3f} s ({low:.3f}–{high:.3f})"


def _x(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def _cell(run: Run, key: Key) -> str:
    series = run.series.get(key)
    if series is None:
        return "not available"
    if series.error is not None:
        return f"failed: {series.error}"
    return _time(series)


def targets(run: Run) -> list[Target]:
    scaled = [label for label, scale, _f, _mb in run.folders if scale]
    largest = max(run.folders, key=lambda f: f[1] or 0)[0]
    ten = next((label for label, scale, _f, _mb in run.folders if scale == 10), None)
    found = [
        Target(
            "`--help` ≤ 1.3 × `python -c 'import typer'`",
            "help",
            _ratio(run, ("", "--help"), ("", "import --help")),
            1.3,
            "",
        ),
        Target(
            "`status` on the repository's data ≤ 1.3 × (start + imports + raw parse)",
            "status",
            _ratio(run, ("repository data", "status"), ("repository data", "floor status")),
            1.3,
            "floor: one process importing typer, yaml, pydantic, rich.console and parsing",
        ),
    ]
    if scaled:
        found += [
            Target(
                f"`check` at {largest} ≤ 2 × raw C-loader parse",
                "check",
                _ratio(run, (largest, "check"), (largest, "parse")),
                2.0,
                "",
            ),
            Target(
                f"`check` peak memory at {largest} ≤ 3 × the parse's",
                "memory",
                _ratio(run, (largest, "check"), (largest, "parse"), memory=True),
                3.0,
                "",
            ),
        ]
    if ten and largest != ten:
        for command in ("check", "status", "report"):
            found.append(
                Target(
                    f"`{command}` growth from scale 10 to {largest} ≤ 11 ×",
                    "growth",
                    _ratio(run, (largest, command), (ten, command)),
                    11.0,
                    "",
                )
            )
    for command in ("check", "status"):
        if (largest, f"{command} one file changed") in run.series:
            found.append(
                Target(
                    f"`{command}` at {largest}, one file changed ≤ 10 % of a run without cache",
                    "cache",
                    _ratio(run, (largest, f"{command} one file changed"), (largest, command)),
                    0.10,
                    "",
                )
            )
    return found


def _target_rows(run: Run) -> list[str]:
    rows = ["| Target | Measured | Limit | Result |", "|---|---|---|---|"]
    for target in targets(run):
        result = {True: "met", False: "**missed**", None: "not measured"}[target.met]
        if target.met is False and target.measured is not None:
            result += f" (by {(target.measured / target.limit - 1) * 100:.0f} %)"
        rows.append(f"| {target.name} | {_x(target.measured)} | {target.limit}× | {result} |")
    return rows


def _command_rows(run: Run) -> list[str]:
    rows = [
        "| Data | Command | Time: median (min–max) | Floor | × floor | × raw parse "
        "| Peak memory | Floor | × floor | × raw parse |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, _scale, _files, _mb in run.folders:
        for command in ("check", "status", "report"):
            key, floor, parse = (label, command), (label, f"floor {command}"), (label, "parse")
            series, base = _ok(run, key), _ok(run, floor)
            if series is None:
                rows.append(f"| {label} | {command} | {_cell(run, key)} | | | | | | | |")
                continue
            rows.append(
                f"| {label} | {command} | {_time(series)} | "
                f"{base.seconds:.3f} s | {_x(_ratio(run, key, floor))} | "
                f"{_x(_ratio(run, key, parse))} | {series.peak_mb:.0f} MB | "
                f"{base.peak_mb:.0f} MB | {_x(_ratio(run, key, floor, memory=True))} | "
                f"{_x(_ratio(run, key, parse, memory=True))} |"
                if base is not None
                else f"| {label} | {command} | {_time(series)} | n/a | | | | | | |"
            )
    return rows


def _floor_rows(run: Run) -> list[str]:
    rows = [
        "| Floor | Command | Time: median (min–max) | Peak memory |",
        "|---|---|---|---|",
    ]
    static = [("", "start"), ("", "import --help"), ("", "import check"), ("", "import status")]
    static.append(("", "import report"))
    keys = static + [
        (label, what)
        for label, _s, _f, _mb in run.folders
        for what in ("parse", "floor check", "floor status", "floor report")
    ]
    for key in keys:
        series = _ok(run, key)
        if series is not None:
            name = f"{key[0]}: {key[1]}" if key[0] else key[1]
            rows.append(
                f"| {name} | `{series.label}` | {_time(series)} | {series.peak_mb:.1f} MB |"
            )
    return rows


def _cache_rows(run: Run) -> list[str]:
    rows = [
        "| Data | Command | Cache off | Cold (writes the cache) | Warm, unchanged "
        "| One file changed | Changed ÷ off | Peak memory off / cold / changed |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, _scale, _files, _mb in run.folders:
        for command in ("check", "status"):
            names = ("", " cold cache", " warm cache", " one file changed")
            series = [_ok(run, (label, command + name)) for name in names]
            if series[3] is None:
                continue
            shown = (series[0], series[1], series[3])
            memory = " / ".join(f"{s.peak_mb:.0f}" if s else "n/a" for s in shown)
            rows.append(
                f"| {label} | {command} | "
                + " | ".join(_time(s) for s in series)
                + f" | {_x(_ratio(run, (label, command + names[3]), (label, command)))} | "
                f"{memory} MB |"
            )
    return rows


def _missed_notes(run: Run) -> list[str]:
    notes = []
    for target in targets(run):
        if target.met is False and target.measured is not None:
            by = (target.measured / target.limit - 1) * 100
            notes.append(
                f"- **{target.name}**: {target.measured:.2f}× against {target.limit}×, "
                f"missed by {by:.0f} %. {WHY[target.why]}"
            )
    return notes or ["- Every target was met in this run."]


def render(run: Run) -> str:
    """The whole results file."""
    label, identical = run.statuses_identical
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`benchmarks/run.py`), {run.started:%Y-%m-%d %H:%M} – "
        f"{run.finished:%H:%M} UTC. Every figure is the median of {run.runs} runs, each a "
        "fresh process; the spread (min–max) shows the noise. Regenerate with `make bench`.",
        "",
        *(
            [
                "> **Warning**: actionplan's source changed during this run (someone edited "
                "the checkout); the cache is invalidated by such an edit, so some *warm* "
                "figures may be cold runs. Run again on a quiet checkout.",
                "",
            ]
            if run.source_changed
            else []
        ),
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *[f"| {name} | {value} |" for name, value in run.machine],
        "",
        "## Data",
        "",
        "| Data | Files | Size |",
        "|---|---|---|",
        *[f"| {lbl} | {files} | {mb:.1f} MB |" for lbl, _s, files, mb in run.folders],
        "",
        "Synthetic data (`benchmarks/generate.py`): scale 1 has the real programme's shape "
        "(112 tasks, 9 agencies), scale *k* repeats it *k* times; every lead agency files "
        "20 quarters of updates (2025-Q4 to 2030-Q3) and decisions schedule or extend "
        "deadlines. It passes `actionplan check` without a single problem.",
        "",
        "## Targets",
        "",
        *_target_rows(run),
        "",
        "## Commands against their floor",
        "",
        "Commands run with `ACTIONPLAN_NO_CACHE=1` (the cost of the work itself). "
        "*Floor*: one process that starts the interpreter, imports the libraries the "
        "command needs and parses the same files with PyYAML's C loader "
        "(`benchmarks/rawparse.py --import …`). *Raw parse*: the parse alone, each file "
        "dropped before the next.",
        "",
        *_command_rows(run),
        "",
        f"`--help`: {_cell(run, ('', '--help'))}; floor `python -c 'import typer'`: "
        f"{_cell(run, ('', 'import --help'))}.",
        "",
        "## Cache",
        "",
        "`.actionplan-cache/` in the data folder. *Cold*: no cache yet (the run writes it); "
        "*warm*: nothing changed; *one file changed*: a comment appended to one update "
        "file before each run.",
        "",
        *_cache_rows(run),
        "",
        f"Statuses at {label} with the cache on equal those with it off (`status --format "
        f"json`, byte for byte): **{_IDENTICAL[identical]}**.",
        "",
        "## Floors",
        "",
        *_floor_rows(run),
        "",
        "## Missed targets",
        "",
        *_missed_notes(run),
        "",
        "## Method",
        "",
        "- Each measurement is a fresh process started by a small trampoline "
        "(`benchmarks/trampoline.py`, run with `python -I -S`) that reports the wall time "
        "from spawn to exit and the child's own `ru_maxrss` from `wait4`; forking from the "
        "runner itself would add the runner's memory to every figure.",
        "- Measurements run round-robin (one of each per round), so a busy neighbour on a "
        "shared machine slows all of them alike; ratios are of medians.",
        "- Peak memory is resident memory; the trampoline itself is about 8 MB, below the "
        "smallest process measured (`python -c pass`).",
        "",
    ]
    return "\n".join(lines)
