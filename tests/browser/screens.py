"""Real screens: every role's pages at 390, 1366 and 1920 px, each loaded once and measured at
the three widths. Only the grid may scroll sideways, the header keeps to two lines on a laptop,
and grid inputs fit a phone (axe runs on these pages at both widths in test_accessibility.py).
Screenshots: test-artifacts/screen-<page>-<width>.png.
"""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import log_in, screenshot
from tests.browser.test_dashboards import two_years_of_figures  # noqa: F401 (a fixture)
from tests.browser.world import build
from tests.conftest import PASSWORD

WIDTHS = (390, 1366, 1920)
HEIGHT = {390: 844, 1366: 768, 1920: 1080}

# Lines of the header: controls whose boxes start below the bottom of the previous line.
MEASURE = """() => {
  const header = document.querySelector("header.topbar");
  const boxes = header ? [...header.querySelectorAll("a, button, select, strong, .badge")]
    .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden")
    .map((e) => e.getBoundingClientRect()).filter((r) => r.width > 1)
    .sort((a, b) => a.top - b.top) : [];
  let lines = 0, bottom = -1;
  for (const r of boxes) {
    if (r.top >= bottom - 2) { lines += 1; bottom = r.bottom; }
    else { bottom = Math.max(bottom, r.bottom); }
  }
  const scroller = document.querySelector(".grid-scroll");
  const side = scroller && scroller.querySelector("tbody .regency-col");
  const window_ = scroller ? scroller.clientWidth - (side ? side.offsetWidth : 0) : null;
  const inputs = [...document.querySelectorAll(".entry-grid input.value")];
  const widest = Math.max(0, ...inputs.map((i) => i.offsetWidth));
  return {width: document.documentElement.scrollWidth, inner: window.innerWidth, lines,
          header: header ? header.offsetHeight : 0, gridWindow: window_, widestInput: widest};
}"""


def _check(page: Any, name: str) -> list[str]:
    problems: list[str] = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": HEIGHT[width]})
        m = page.evaluate(MEASURE)
        screenshot(page, f"screen-{name}-{width}")
        if m["width"] > m["inner"]:
            problems.append(f"{name} @{width}: the page is {m['width']} px wide")
        if width >= 1280 and m["lines"] > 2:
            problems.append(f"{name} @{width}: the header takes {m['lines']} lines")
        if m["gridWindow"] is not None and m["widestInput"] > m["gridWindow"]:
            problems.append(
                f"{name} @{width}: a {m['widestInput']} px input in a {m['gridWindow']} px window"
            )
    return problems


def _visit(page: Any, pages: dict[str, str]) -> list[str]:
    problems: list[str] = []
    for name, url in pages.items():
        page.set_viewport_size({"width": 1366, "height": 768})
        page.goto(url)
        page.wait_for_load_state("networkidle")
        problems += _check(page, name)
    return problems


def test_every_roles_pages_fit_390_1366_and_1920(
    page,
    make_user,
    two_years_of_figures,  # noqa: F811
):
    world = build(make_user)
    walks = {
        "officer": {"home-officer": "/", "grid-officer": f"/laporan/61/{world.due}/"},
        "approver": {"home-approver": "/", "grid-approver": f"/laporan/61/{world.waiting}/"},
        "branch": {"home-branch": "/", "agreements": "/kesepakatan/"},
        "viewer": {
            "home-viewer": "/",
            "dashboard": "/dasbor/",
            "dashboard-61": "/dasbor/provinsi/61/",
            "coverage": "/cakupan/",
            "coverage-61": "/cakupan/61/",
        },
        "admin": {"home-admin": "/"},
    }
    problems = _visit(page, {"public": "/publik/"})
    for role, pages in walks.items():
        page.context.clear_cookies()
        log_in(page, world.people[role].username, PASSWORD)
        problems += _visit(page, pages)
    assert problems == [], "\n".join(problems)
    assert page.console_errors == []
