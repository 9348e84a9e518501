"""The HTML report in a real browser (issue 4, item 6).

`actionplan report --format html` is rendered by the CLI, as a user runs it, for the real
data and for a fixture whose staff text is hostile, then opened in headless Chromium. The
page must make no network request and log no error, draw each chart at a non-zero size,
show the same key figures as `status --format json`, and show hostile notes as inert text.
A full-page screenshot of each report is saved for reviewers in tests/artifacts/.

Contract with the template: each key figure is an element ``data-figure="<id>"`` whose text
is an integer, for every status id and ``tasks``; the charts are
``<svg class="chart" id="chart-status|chart-agencies|chart-deadlines|chart-trend">``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from browser_support import (
    CHART_IDS,
    Visit,
    find_chromium,
    import_playwright,
    launch,
    squeeze,
    visit,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO = Path(__file__).resolve().parent.parent
AS_OF = "2026-12-03"
ARTIFACTS = REPO / "tests" / "artifacts"
DATA_FOLDERS = {
    "data": REPO / "data",
    "hostile": REPO / "tests" / "fixtures" / "hostile-report",
}
SCREENSHOTS = {
    "data": "report-screenshot.png",
    "hostile": "report-hostile-screenshot.png",
}
STATUS_IDS = (
    "overdue",
    "due_soon",
    "report_missing",
    "not_started",
    "awaiting_schedule",
    "on_track",
    "ongoing",
    "done_late",
    "done",
    "done_on_time",
)
# Staff text in the hostile fixture that the report must show, verbatim, as text: the
# note and evidence of an overdue task and the obstacles of a blocked one (early-warning
# lists), and a task's own text (appendix). The evidence of the done task (an onclick
# link) need not be shown, but must stay inert if it is.
HOSTILE_TEXT = (
    """<script>window.__pwned="note"</script> <img src=x onerror="window.__pwned='img'">""",
    """<svg onload="window.__pwned='svg'"></svg>""",
    """<details open ontoggle="window.__pwned='details'">chi tiết</details>""",
    "[x](&#x6A;avascript:window.__pwned=3)",
    "[bấm vào đây](javascript&colon;window.__pwned=1)",
    """<a href="&#106;avascript:window.__pwned=2">liên kết</a>""",
    "<script>window.__pwned='task'</script>",
)


@dataclass
class OpenedReport:
    name: str
    html: Path
    expected: dict[str, int]  # data-figure id -> value from `status --format json`
    seen: Visit


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed CLI in a subprocess, as a user runs it (templates from the repo)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("ACTIONPLAN_")}
    return subprocess.run(
        [sys.executable, "-m", "actionplan", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _expected_figures(data: Path) -> dict[str, int]:
    done = _cli("status", "--format", "json", "--as-of", AS_OF, "--data", str(data))
    assert done.returncode == 0, f"status failed ({done.returncode}):\n{done.stderr}"
    status = json.loads(done.stdout)
    expected = {key: int(status["summary"][key]) for key in STATUS_IDS}
    expected["tasks"] = len(status["tasks"])
    assert sum(expected[key] for key in STATUS_IDS) == expected["tasks"]
    return expected


def _render_html(data: Path, out: Path) -> Path:
    args = ("report", "--format", "html", "--as-of", AS_OF, "-o", str(out), "--data", str(data))
    done = _cli(*args)
    if done.returncode != 0:
        pytest.fail(
            f"`actionplan {' '.join(args)}` exited {done.returncode}:\n{done.stderr}{done.stdout}",
            pytrace=False,
        )
    assert out.is_file(), f"the report command did not write {out}"
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = find_chromium()
    sync_api = import_playwright()
    with sync_api.sync_playwright() as playwright:
        chromium = launch(sync_api, playwright, executable)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def opened(
    browser: Browser, tmp_path_factory: pytest.TempPathFactory
) -> Callable[[str], OpenedReport]:
    """Render, open and inspect each report once per module, on first use."""
    cache: dict[str, OpenedReport] = {}

    def open_report(name: str) -> OpenedReport:
        if name not in cache:
            data = DATA_FOLDERS[name]
            folder = tmp_path_factory.mktemp(f"report-{name}")
            html = _render_html(data, folder / "report.html")
            shots = [folder / SCREENSHOTS[name], ARTIFACTS / SCREENSHOTS[name]]
            cache[name] = OpenedReport(
                name, html, _expected_figures(data), visit(browser, html, shots)
            )
        return cache[name]

    return open_report


both_reports = pytest.mark.parametrize("name", sorted(DATA_FOLDERS))


@both_reports
def test_report_loads_offline_without_errors(
    name: str, opened: Callable[[str], OpenedReport]
) -> None:
    seen = opened(name).seen
    assert seen.requests[:1] == [seen.url], "the first request is the document itself"
    assert seen.other_requests == [], f"the report must request nothing: {seen.other_requests}"
    assert seen.console_errors == [], f"console errors: {seen.console_errors}"
    assert seen.page_errors == [], f"uncaught errors: {seen.page_errors}"


@both_reports
def test_every_chart_is_drawn(name: str, opened: Callable[[str], OpenedReport]) -> None:
    seen = opened(name).seen
    wrong = {}
    for chart_id in CHART_IDS:
        chart: dict[str, Any] | None = seen.charts.get(chart_id)
        if chart is None:
            wrong[chart_id] = "missing"
        elif chart["tag"] != "svg" or "chart" not in chart["classes"]:
            wrong[chart_id] = f"<{chart['tag']} class={chart['classes']}>, not <svg class=chart>"
        elif not (chart["width"] > 0 and chart["height"] > 0):
            wrong[chart_id] = f"{chart['width']}x{chart['height']} px"
    assert wrong == {}, f"charts not drawn: {wrong}"


@both_reports
def test_key_figures_equal_status_json(name: str, opened: Callable[[str], OpenedReport]) -> None:
    report = opened(name)
    shown: dict[str, list[str]] = {}
    for figure, text in report.seen.figures:
        shown.setdefault(figure, []).append(text.strip())
    problems = {}
    for figure, value in report.expected.items():
        texts = shown.get(figure)
        if not texts:
            problems[figure] = "no data-figure element"
        elif any(not re.fullmatch(r"[0-9]+", text) or int(text) != value for text in texts):
            problems[figure] = f"page shows {texts}, status --format json says {value}"
    assert problems == {}, f"key figures differ from the JSON status: {problems}"


def test_hostile_text_never_runs(opened: Callable[[str], OpenedReport]) -> None:
    seen = opened("hostile").seen
    assert seen.pwned == "undefined", f"a hostile note ran: window.__pwned = {seen.pwned}"
    assert seen.hazards == [], f"staff text became live markup: {seen.hazards}"


def test_hostile_text_shows_as_text(opened: Callable[[str], OpenedReport]) -> None:
    body = squeeze(opened("hostile").seen.body_text)
    missing = [text for text in HOSTILE_TEXT if squeeze(text) not in body]
    assert missing == [], (
        f"hostile text must read as typed, not vanish or turn into markup: {missing}"
    )


@both_reports
def test_screenshot_saved_for_reviewers(name: str, opened: Callable[[str], OpenedReport]) -> None:
    report = opened(name)
    for shot in (ARTIFACTS / SCREENSHOTS[name], report.html.parent / SCREENSHOTS[name]):
        assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"), shot
        assert shot.stat().st_size > 10_000, f"{shot} looks blank"


def test_harness_notices_what_it_must(browser: Browser, tmp_path: Path) -> None:
    """The checks above are only as good as their listeners: a page that requests a file
    and the network, logs an error, throws and draws an empty chart is caught on each."""
    page = tmp_path / "bad.html"
    page.write_text(
        "<!doctype html><meta charset=utf-8>"
        '<link rel="stylesheet" href="http://127.0.0.1:9/style.css">'
        '<img src="missing.png" alt="">'
        '<svg class="chart" id="chart-status" width="0" height="0"></svg>'
        '<a href="&#106;avascript:void(0)" onclick="x()">x</a>'
        '<p data-figure="tasks">12</p>'
        "<script>console.error('logged'); window.__pwned = 1; throw new Error('thrown')</script>",
        encoding="utf-8",
    )
    seen = visit(browser, page, [])
    assert any(url.startswith("http://127.0.0.1:9/") for url in seen.other_requests)
    assert any(url.endswith("/missing.png") for url in seen.other_requests)
    assert any("logged" in error for error in seen.console_errors)
    assert any("thrown" in error for error in seen.page_errors)
    assert seen.charts["chart-status"] == {
        "tag": "svg",
        "classes": ["chart"],
        "width": 0,
        "height": 0,
    }
    assert seen.charts["chart-trend"] is None
    assert seen.figures == [("tasks", "12")]
    assert seen.pwned == "1"
    assert seen.hazards == [
        '<img src="missing.png">',  # a file: resource is not a web link
        '<a href="javascript:void(0)">',  # the entity is decoded: the link would run
        '<a onclick="x()">',
    ]
