"""Browser tests: Playwright (the Python package) driving a real headless Chromium from a registry
package — Debian's ``chromium`` (``make test`` installs it when missing; Playwright's own browser
download cannot work here) — against the pages ``make dev`` serves, on the same local stack as the
end-to-end tests (``dev_stack``). Each page is checked with axe-core (from web/node_modules) in both
languages, and photographed into ``test-output/browser/`` (git-ignored) for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, ConsoleMessage, Page, ViewportSize, expect, sync_playwright

from tests.e2e.conftest import ROOT, DevStack

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium keeps calling Google's hosts, which this machine's
# closed network refuses (docs/web.md, "Browser tests").
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
AXE = ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "test-output" / "browser"
PHONE: ViewportSize = {"width": 390, "height": 844}
DESKTOP: ViewportSize = {"width": 1280, "height": 900}
# What a page shows after an answer of the local stack: on two shared cores, while the state machine and
# the queue pump work on a filing, an answer can take seconds. A wait, not a measure of speed.
expect.set_options(timeout=15_000)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One Chromium per test module, closed with it: Playwright's sync API runs its event loop on this
    thread while it is open, and every other test's ``asyncio.run`` would find that loop running."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: `make chromium` installs Debian's package (make test does)")
    if not AXE.exists():
        pytest.fail("web/node_modules is missing: run `make web-install` (make test does)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


@dataclass
class PageUnderTest:
    """One browser page on the dev stack, with what its console said (CSP violations land there)."""

    page: Page
    base_url: str
    console_errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        self.page.wait_for_selector("main h1")
        return self.page

    def tab_to(self, element_id: str, presses: int = 12) -> None:
        """Move the focus to the element by the Tab key alone, as a keyboard user would (once it is shown)."""
        self.page.wait_for_selector(f"#{element_id}")
        for _ in range(presses):
            if self.page.evaluate("() => document.activeElement && document.activeElement.id") == element_id:
                return
            self.page.keyboard.press("Tab")
        raise AssertionError(f"#{element_id} not reached by keyboard")

    def serious_accessibility_violations(self) -> list[dict[str, Any]]:
        """axe-core's serious and critical violations on the page as it stands (WCAG 2.x A and AA)."""
        results: dict[str, Any] = self.page.evaluate(
            "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']})"
        )
        return [
            {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in results["violations"]
            if v["impact"] in {"serious", "critical"}
        ]

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def pages(browser: Browser, dev_stack: DevStack) -> Iterator[PageUnderTest]:
    """A phone: the citizen's pages are for phones first."""
    with page_under_test(browser, dev_stack, PHONE) as under_test:
        yield under_test


@pytest.fixture
def desk_pages(browser: Browser, dev_stack: DevStack) -> Iterator[PageUnderTest]:
    """A desktop screen: the centre console is a desk."""
    with page_under_test(browser, dev_stack, DESKTOP) as under_test:
        yield under_test


@contextmanager
def page_under_test(browser: Browser, dev_stack: DevStack, viewport: ViewportSize) -> Iterator[PageUnderTest]:
    """A fresh context (empty storage: Arabic first) with axe loaded into every document. axe
    comes in as an init script, which the page's Content-Security-Policy does not govern; the page's
    own scripts stay under the policy, and any violation is a console error the tests assert against."""
    context = browser.new_context(viewport=viewport, locale="ar-SA", timezone_id="Europe/London")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    under_test = PageUnderTest(page, f"http://127.0.0.1:{dev_stack.http_port}")

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            under_test.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: under_test.console_errors.append(str(error)))
    yield under_test
    context.close()
