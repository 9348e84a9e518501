"""Headless Chromium for the HTML report's browser test: find the browser, open a page,
record everything it did.

The test drives the system's Chromium (Debian's ``chromium``, which ``make browser``
installs when it can) through playwright's sync API with ``executable_path``, so
playwright never downloads a browser. Where no browser or no playwright is available
the test skips with the reason, except under ``CI=true``, where that is a failure: CI
must not pass by skipping the one test that opens the report.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any, NoReturn

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Request

TIMEOUT_MS = 30_000
# After "load", time for anything a hostile note might have scheduled (ontoggle fires
# asynchronously, a live <img onerror> after its failed fetch) to run before we look.
SETTLE_MS = 300
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
)
CHART_IDS = ("chart-status", "chart-agencies", "chart-deadlines", "chart-trend")
# URL schemes a link or resource in the report may use; anything else (javascript:,
# data:, file: other than an in-page #anchor) in a rendered attribute is a live hazard.
SAFE_PROTOCOLS = ("http:", "https:", "mailto:")


def unavailable(reason: str) -> NoReturn:
    """Skip with ``reason``; under ``CI=true`` fail instead, so CI cannot pass by skipping."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"{reason}. CI=true, so the browser test must run here.", pytrace=False)
    pytest.skip(reason)


def find_chromium() -> str:
    """``$CHROMIUM``, else /usr/bin/chromium, else chromium or chromium-browser on PATH."""
    chosen = os.environ.get("CHROMIUM")
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            unavailable(f"$CHROMIUM={chosen} is not an executable browser")
        return found
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    unavailable(
        "Chromium not found (/usr/bin/chromium, chromium or chromium-browser on PATH, "
        "or $CHROMIUM); `make browser` installs Debian's package where it can"
    )


def import_playwright() -> ModuleType:
    """playwright's sync API, or skip/fail when the package is missing."""
    try:
        from playwright import sync_api
    except ImportError as exc:
        unavailable(f"the playwright package cannot be imported ({exc}); `make dev` installs it")
    return sync_api


# One pass over the rendered DOM: the figures, the charts' boxes, and every attribute
# that could make staff text live (event handlers, URLs with a non-web scheme).
_INSPECT = """
([chartIds, safe]) => {
  const figures = Array.from(document.querySelectorAll('[data-figure]'),
                             e => [e.getAttribute('data-figure'), e.textContent]);
  const charts = {};
  for (const id of chartIds) {
    const e = document.getElementById(id);
    if (!e) { charts[id] = null; continue; }
    const box = e.getBoundingClientRect();
    charts[id] = {tag: e.localName, classes: Array.from(e.classList),
                  width: box.width, height: box.height};
  }
  const hazards = [];
  const urlAttributes = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction',
                         'data', 'poster', 'background'];
  const doc = document.baseURI.split('#')[0];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) hazards.push(`<${e.localName} ${name}="${a.value}">`);
      if (!urlAttributes.includes(name)) continue;
      let url;
      try { url = new URL(a.value, document.baseURI); } catch { url = null; }
      const inPage = url && url.href.split('#')[0] === doc;
      if (!url || !(safe.includes(url.protocol) || inPage))
        hazards.push(`<${e.localName} ${name}="${a.value}">`);
    }
  }
  return {figures, charts, hazards, pwned: String(window.__pwned)};
}
"""


@dataclass
class Visit:
    """What a page did while it loaded and what it shows afterwards."""

    url: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every URL requested, the page's first
    figures: list[tuple[str, str]] = field(default_factory=list)
    charts: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    hazards: list[str] = field(default_factory=list)
    pwned: str = "undefined"  # String(window.__pwned): a hostile note sets it if it runs
    body_text: str = ""

    @property
    def other_requests(self) -> list[str]:
        """Requests other than the document itself: there must be none."""
        return [url for url in self.requests if url.split("#")[0] != self.url]


def launch(sync_api: ModuleType, playwright: Any, executable: str) -> Browser:
    """The system Chromium, headless, with background traffic off and a fresh profile."""
    try:
        browser: Browser = playwright.chromium.launch(
            executable_path=executable,
            args=list(CHROMIUM_ARGS),
            headless=True,
            timeout=TIMEOUT_MS,
        )
    except sync_api.Error as exc:
        pytest.fail(f"{executable} is installed but did not start: {exc}", pytrace=False)
    return browser


def visit(browser: Browser, page_file: Path, screenshots: list[Path]) -> Visit:
    """Open ``page_file`` (file://), record console errors, page errors and requests,
    inspect the DOM, and save one full-page screenshot to each of ``screenshots``."""
    url = page_file.resolve().as_uri()
    seen = Visit(url=url)
    # offline: should the page reach for the network, the request is recorded but fails
    # here instead of leaving the machine.
    context = browser.new_context(
        offline=True,
        service_workers="block",
        viewport={"width": 1280, "height": 900},
        locale="vi-VN",
    )
    try:
        context.set_default_timeout(TIMEOUT_MS)

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                seen.console_errors.append(f"{message.text} ({message.location})")

        def on_request(request: Request) -> None:
            seen.requests.append(request.url)

        context.on("request", on_request)
        page = context.new_page()
        page.on("console", on_console)
        page.on("pageerror", lambda error: seen.page_errors.append(str(error)))
        page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
        page.wait_for_timeout(SETTLE_MS)
        found = page.evaluate(_INSPECT, [list(CHART_IDS), list(SAFE_PROTOCOLS)])
        seen.figures = [(name, text) for name, text in found["figures"]]
        seen.charts = found["charts"]
        seen.hazards = found["hazards"]
        seen.pwned = found["pwned"]
        seen.body_text = page.inner_text("body")
        if screenshots:
            image = page.screenshot(full_page=True, type="png", timeout=TIMEOUT_MS)
            for path in screenshots:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(image)
    finally:
        context.close()
    return seen


def squeeze(text: str) -> str:
    """Whitespace collapsed, as a reader sees text that wraps across lines or cells."""
    return " ".join(text.split())
