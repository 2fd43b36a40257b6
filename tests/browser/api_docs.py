"""/api/docs/ (the vendored Swagger UI with the portal's override stylesheet and script) under
axe and by keyboard: as loaded, then with one operation opened, tried out and executed with the
keyboard alone, each state at 1366 and 390 px (and measured at 1920 px). The Tab presses from the
page's top to each control land in test-artifacts/keyboard-tabs-api-docs.txt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS

MOST_TABS = 10
MATCHES = "(selector) => document.activeElement.matches(selector)"


def _tab_to(page: Any, selector: str) -> int:
    for count in range(1, MOST_TABS + 1):
        page.keyboard.press("Tab")
        if page.evaluate(MATCHES, selector):
            return count
    raise AssertionError(f"/api/docs/: {selector} not reached in {MOST_TABS} Tab presses")


def api_docs_problems(page: Any, every_width: Callable[[Any, str], list[str]]) -> list[str]:
    page.goto("/api/docs/")
    operation = page.locator(".opblock-summary-control").first
    operation.wait_for()
    assert page.locator("html").get_attribute("lang") == "id"
    problems = every_width(page, "api-docs")

    page.evaluate("() => document.activeElement.blur()")  # from the page's top
    tabs = {"first operation": _tab_to(page, ".opblock-summary-control")}
    page.keyboard.press("Enter")
    expect(operation).to_have_attribute("aria-expanded", "true")
    tabs["Try it out"] = _tab_to(page, ".try-out__btn")
    page.keyboard.press("Enter")
    tabs["Execute"] = _tab_to(page, ".execute")
    page.keyboard.press("Enter")
    page.locator(".live-responses-table").wait_for()
    problems += every_width(page, "api-docs-executed")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "keyboard-tabs-api-docs.txt").write_text(
        "".join(f"{step}: {count}\n" for step, count in tabs.items())
    )
    return problems
