"""Real screens, measured on every page the axe walk (test_accessibility.py) loads, at 390, 1366
and 1920 px: only the grid and wide tables scroll sideways (in their own boxes, never the page),
the header keeps to two lines on a laptop, and grid inputs fit the grid's window beside the
regency column. Screenshots only of the pages worth looking at, and of any page with a problem:
test-artifacts/screen-<page>-<width>.png.
"""

from __future__ import annotations

from typing import Any

from tests.browser.conftest import screenshot

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
WIDE = {"width": 1920, "height": 1080}
SHOWN = {
    "public",
    "home-officer",
    "grid",
    "grid-approver",
    "dashboard-national",
    "coverage-61",
    "pivot-viewer",
    "reporting-viewer",
    "outliers",
    "rule-results",
    "followups",
}

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


def screen_problems(page: Any, name: str) -> list[str]:
    """The current page at the current width (the caller sets the viewport and lets it settle)."""
    m = page.evaluate(MEASURE)
    width, problems = m["inner"], []
    if m["width"] > m["inner"]:
        problems.append(f"{name} @{width}: the page is {m['width']} px wide")
    if width >= 1280 and m["lines"] > 2:
        problems.append(f"{name} @{width}: the header takes {m['lines']} lines")
    if m["gridWindow"] is not None and m["widestInput"] > m["gridWindow"]:
        problems.append(
            f"{name} @{width}: a {m['widestInput']} px input in a {m['gridWindow']} px window"
        )
    if problems or name in SHOWN:
        screenshot(page, f"screen-{name}-{width}")
    return problems
