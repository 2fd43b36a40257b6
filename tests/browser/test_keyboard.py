"""The monthly loop with the keyboard alone, at 100 % (1366 × 768) and at 200 % zoom (the same
screen in 683 × 384 CSS pixels, where the header folds into its menu): where focus is after
every step, and how many Tab presses a page's main action is from its top (at most 10, the
skip link included). The counts land in test-artifacts/keyboard-tabs-<zoom>.txt.
"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, log_in, screenshot
from tests.browser.test_dashboards import two_years_of_figures, wait_for_map  # noqa: F401
from tests.browser.world import build
from tests.conftest import PASSWORD

MOST_TABS = 10
ZOOMS = {
    "100": {"viewport": {"width": 1366, "height": 768}, "device_scale_factor": 1},
    "200": {"viewport": {"width": 683, "height": 384}, "device_scale_factor": 2},
}

# True when the element is on screen and nothing (a sticky row or column) covers it; an
# element larger than the window: its part in the window.
CLEAR = """(selector) => {
  const e = selector ? document.querySelector(selector) : document.activeElement;
  const b = e.getBoundingClientRect();
  const r = {left: Math.max(b.left, 0), top: Math.max(b.top, 0),
             right: Math.min(b.right, innerWidth), bottom: Math.min(b.bottom, innerHeight)};
  if (r.right - r.left < 4 || r.bottom - r.top < 4) { return false; }
  const points = [[r.left + 2, r.top + 2], [r.right - 2, r.bottom - 2],
                  [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
  return points.every(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return !!hit && (hit === e || e.contains(hit));
  });
}"""
MATCHES = "(selector) => document.activeElement.matches(selector)"
FOCUSED = """() => { const e = document.activeElement;
  return e.outerHTML.slice(0, 120); }"""


@pytest.fixture
def keyboard_page(browser, regions_reloaded, live_server):
    context = browser.new_context(base_url=live_server.url, locale="id-ID", **ZOOMS["100"])
    page = context.new_page()
    page.tabs = {}
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "keyboard-tabs.txt").write_text(
        "".join(f"{step}: {count}\n" for step, count in page.tabs.items())
    )
    context.close()


def zoom(page: Any, level: str) -> None:
    """200 %: the CSS pixels of a 1366 × 768 laptop at double zoom (the layout is the same as
    with device_scale_factor 2, which a context cannot change once open)."""
    page.zoom = level
    page.set_viewport_size(ZOOMS[level]["viewport"])


def save(page: Any) -> None:
    """Ctrl+S, and wait until htmx has put the answer in place."""
    with page.expect_response(lambda r: r.request.method == "POST"):
        page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.htmx-request')")


def focused(page: Any, selector: str) -> bool:
    return page.evaluate(MATCHES, selector)


def tab_to(
    page: Any, selector: str, step: str, *, skip: bool = True, count: int = 0, clear: bool = True
) -> int:
    """From the top of the page: Tab to the skip link and follow it, then Tab until the
    selector has focus (or, without skip, on from `count` presses already made). Records and
    returns the number of Tab presses."""
    if skip:
        page.keyboard.press("Tab")
        count += 1
        assert focused(page, "[data-testid=skip-link]"), page.evaluate(FOCUSED)
        page.keyboard.press("Enter")
        assert focused(page, "main")
    while count < MOST_TABS:
        page.keyboard.press("Tab")
        count += 1
        if focused(page, selector):
            page.tabs[f"{step} ({page.zoom} %)"] = count
            assert not clear or page.evaluate(CLEAR, None), f"{step}: the focused element is hidden"
            return count
    raise AssertionError(f"{step}: {selector} not reached in {MOST_TABS} Tab presses")


def _follow_the_warning(page: Any) -> str:
    """From the focused save result to the warned cell, through the summary's links."""
    expect(page.locator("#grid-saved")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused(page, "[data-testid=saved-warnings]")
    page.keyboard.press("Enter")
    expect(page.locator("#warnings")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused(page, "[data-testid=warning-link]")
    page.keyboard.press("Tab")
    assert focused(page, "[data-testid=acknowledge]")  # the acknowledgement beside its warning
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    warned = page.locator("[aria-describedby^=w-]")
    expect(warned).to_be_focused()
    assert page.evaluate(CLEAR, None), "the warned cell is hidden under a sticky row or column"
    description = warned.get_attribute("aria-describedby")
    assert "Turun menjadi nol" in page.locator(f"#{description}").inner_text()
    screenshot(page, f"keyboard-{page.zoom}-officer-warned-cell")
    return warned.get_attribute("id")


def _fix(page: Any, cell_id: str) -> None:
    page.keyboard.press("Control+a")
    page.keyboard.type("1.013")
    save(page)
    expect(page.get_by_test_id("grid-live")).to_contain_text("Tersimpan: 1 nilai berubah.")
    expect(page.locator(f"#{cell_id}")).to_be_focused()  # nothing left to look at: focus stays
    expect(page.get_by_test_id("warning-summary")).to_have_count(0)


def _officer(page: Any, world: Any) -> None:
    """Fills (a cell), saves, follows the warning to its cell, fixes it; again at 200 %
    with a new drop to zero; then submits."""
    tab_to(page, "[data-testid=open-grid]", "officer home → open the grid")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/laporan/61/{world.due}/")
    saving = tab_to(page, "#grid-save", "grid → Simpan")
    tab_to(page, "#grid-form input.value", "grid → first cell", skip=False, count=saving)
    page.keyboard.type("1.050")  # Tab selected the old value: typing replaces it
    save(page)
    expect(page.get_by_test_id("grid-live")).to_contain_text("Tersimpan: 1 nilai berubah.")
    _fix(page, _follow_the_warning(page))

    zoom(page, "200")
    page.goto(f"/laporan/61/{world.due}/")
    tab_to(page, "#grid-save", "grid → Simpan")
    page.get_by_test_id("cell-61.72-PMI").locator("input.value").fill(
        "0"
    )  # typing is not the point
    page.keyboard.press("Control+s")
    page.get_by_test_id("warning-summary").wait_for()
    _fix(page, _follow_the_warning(page))

    page.goto(f"/laporan/61/{world.due}/")  # the page's top again
    tab_to(page, "[data-testid=to-workflow]", "grid → to the workflow")
    _workflow_step(page, "submit", "Diajukan")
    screenshot(page, "keyboard-200-officer-submitted")


def _workflow_step(page: Any, button: str, status: str) -> None:
    """From the focused link to the workflow: Enter, Tab to the step's button, Enter; the page
    reloads with focus on its message."""
    page.keyboard.press("Enter")
    expect(page.locator("#workflow")).to_be_focused()
    page.keyboard.press("Tab")
    assert focused(page, f"[data-testid={button}]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_test_id("messages")).to_be_focused()
    assert status in page.get_by_test_id("status").inner_text()


def _review(page: Any, world: Any) -> None:
    page.goto(f"/laporan/61/{world.waiting}/")  # the review starts at the page's top
    tab_to(page, "[data-testid=grid-scroll]", "read-only grid → its scroll region")
    region = page.get_by_test_id("grid-scroll")
    assert region.get_attribute("role") == "region" and region.get_attribute("aria-label")
    page.keyboard.press("End")
    page.keyboard.press("ArrowRight")
    if region.evaluate("e => e.scrollHeight > e.clientHeight"):
        expect(region).not_to_have_js_property("scrollTop", 0)
    last_row = "#grid-form tbody tr:last-child th"
    page.locator(last_row).scroll_into_view_if_needed()
    assert page.evaluate(CLEAR, last_row), "the last regency is hidden under the total row"
    page.keyboard.press("Tab")
    assert focused(page, "a.audit")  # ⟲ of the first cell
    page.keyboard.press("Enter")
    expect(page.locator("[data-close-history]")).to_be_focused()
    page.keyboard.press("Escape")
    assert focused(page, "a.audit")
    expect(page.get_by_test_id("cell-history-panel")).to_be_hidden()
    page.keyboard.press("Shift+Tab")  # back to the region; the toolbar is just before it
    page.keyboard.press("Shift+Tab")
    assert focused(page, "[data-testid=to-workflow]")


def _approver(page: Any, world: Any) -> None:
    """Reviews the read-only grid (scrolls it, opens a value's history) at 100 % and 200 %,
    and approves."""
    tab_to(page, "[data-testid=waiting-row] a", "approver home → Periksa")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/laporan/61/{world.waiting}/#workflow")
    expect(page.locator("#workflow")).to_be_focused()
    _review(page, world)
    zoom(page, "200")
    _review(page, world)
    _workflow_step(page, "approve", "Disetujui")


def _to_kalbar_on_the_map(page: Any) -> None:
    page.goto("/dasbor/")
    wait_for_map(page)
    tab_to(page, "#map path[data-code]", "national dashboard → a province on the map", clear=False)
    for _ in range(40):
        label = page.evaluate("() => document.activeElement.getAttribute('aria-label')") or ""
        if label.startswith("Kalimantan Barat"):
            break
        page.keyboard.press("ArrowRight")
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "link"
    screenshot(page, f"keyboard-{page.zoom}-viewer-map-focus")
    page.keyboard.press("Enter")
    page.wait_for_url("**/dasbor/provinsi/61/**")
    assert "Kalimantan Barat" in page.title()


def _viewer(page: Any, world: Any) -> None:
    """Arrow keys in the language and month lists change nothing until asked; reaches
    Kalimantan Barat from the map at 100 % and 200 %, where Escape folds the menu."""
    language = page.locator("select[name=language]")
    language.focus()
    page.keyboard.press("ArrowDown")  # an arrow key chooses; it does not reload the page
    page.goto("/dasbor/")
    wait_for_map(page)
    assert page.locator("html").get_attribute("lang") == "id"
    page.locator("#id_bulan").focus()
    page.keyboard.press("ArrowDown")
    page.wait_for_timeout(300)
    assert "bulan=" not in page.url
    _to_kalbar_on_the_map(page)
    zoom(page, "200")
    page.goto("/dasbor/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page, "[data-testid=menu-toggle]")
    page.keyboard.press("Enter")
    expect(page.locator("#mainnav")).to_be_visible()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    expect(page.locator("#mainnav")).to_be_hidden()
    assert focused(page, "[data-testid=menu-toggle]")
    _to_kalbar_on_the_map(page)


def test_the_monthly_loop_with_the_keyboard_alone(
    keyboard_page,
    make_user,
    two_years_of_figures,  # noqa: F811
):
    page, world = keyboard_page, build(make_user)
    for role, journey in (("officer", _officer), ("approver", _approver), ("viewer", _viewer)):
        page.context.clear_cookies()
        zoom(page, "100")
        log_in(page, world.people[role].username, PASSWORD)
        journey(page, world)
    assert page.tabs and max(page.tabs.values()) <= MOST_TABS
    assert page.console_errors == []
