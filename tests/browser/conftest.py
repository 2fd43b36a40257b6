"""Playwright on Debian's chromium, against pytest-django's live server.

Browser tests share one xdist group so a single chromium serves them all.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
# beside one unless told that this single-threaded use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.path):
            item.add_marker(pytest.mark.xdist_group("browser"))
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any, regions_reloaded: None, live_server: Any) -> Iterator[Any]:
    context = browser.new_context(base_url=live_server.url, locale="id-ID")
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    context.close()


def screenshot(page: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def log_in(page: Any, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():  # the page the form leads to, loaded
        page.click("button[type=submit].primary")


# The page has finished what it does after loading: fonts in, no htmx request open, the map's
# shapes drawn, and every box marked by its overflow (the portal marks boxes that scroll as
# focusable regions 150 ms after a resize). Waiting for this, not for a quiet network or a
# fixed time, lets a test go on the moment the page is ready.
SETTLED = """() => {
  if (document.fonts.status !== "loaded" || document.querySelector(".htmx-request")) {
    return false;
  }
  const map = document.querySelector("#map[data-geojson]");
  if (map && !(Number(map.dataset.features) > 0)) { return false; }
  if (!document.querySelector("script[src*='portal/portal']")) { return true; }
  return [...document.querySelectorAll(".card, .table-scroll, .scroll, .timeline")].every((box) => {
    const scrolls = box.scrollWidth > box.clientWidth + 1
      || box.scrollHeight > box.clientHeight + 1;
    return scrolls ? box.hasAttribute("tabindex") : !box.dataset.scrollRegion;
  });
}"""


def settle(page: Any) -> None:
    page.wait_for_function(SETTLED, timeout=60_000)


BLOCKING_IMPACTS = ("critical", "serious")


def axe_violations(
    page: Any, name: str, impacts: tuple[str, ...] | None = BLOCKING_IMPACTS
) -> list[str]:
    """axe-core's violations on the current page (of the given impacts; None: any), one line
    each. axe runs every rule it has but the experimental ones: WCAG 2.0/2.1 A and AA and the
    best practices.

    The full report is written to test-artifacts/axe-<name>.txt for reading afterwards.
    """
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    found = [v for v in results.response["violations"] if impacts is None or v["impact"] in impacts]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.txt").write_text(results.generate_report())
    return [
        f"{name}: {v['impact']} {v['id']} ({len(v['nodes'])}×) {v['nodes'][0]['target']}"
        for v in found
    ]
