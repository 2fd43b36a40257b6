"""The approval loop end to end in chromium, with screenshots: the officer fills and submits
the due month, the approver sends it back with a comment, the officer sees it on the home
page and the grid, fixes and resubmits, the approver approves and the officer is notified."""

from __future__ import annotations

import datetime as dt

from playwright.sync_api import expect

from participants.entry.services import CellInput, counts_write
from participants.models import Category, MonthlyReport
from participants.selectors import add_months, due_period
from regions.models import Region, Role
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_data_entry import VALUES, _paste, cell
from tests.conftest import PASSWORD


def _month_before(period: dt.date) -> None:
    categories = {c.code: c.pk for c in Category.objects.all()}
    regencies = Region.objects.regencies().filter(parent__code="61").valid_on(period)
    counts_write(
        actor=None,
        cells=[
            CellInput(r.pk, categories[code], add_months(period, -1), value + i * 10)
            for i, r in enumerate(regencies.order_by("code"))
            for code, value in VALUES.items()
        ],
        source="demo",
    )


def _same_block(rows: int) -> str:
    lines = []
    for i in range(rows):
        lines.append("\t".join(f"{v + i * 10:,}".replace(",", ".") for v in VALUES.values()))
    return "\n".join(lines) + "\n"


def test_send_back_fix_resubmit_approve_and_notify(page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61", username="petugas.kalbar")
    approver = make_user(Role.PROVINCIAL_APPROVER, province="61", username="penyetuju.kalbar")
    period = due_period()
    month = f"{period:%Y-%m}"
    _month_before(period)

    log_in(page, officer.username, PASSWORD)
    assert page.get_by_test_id("home-provincial_officer").is_visible()
    assert "sel kosong" in page.get_by_test_id("missing").inner_text()
    screenshot(page, "loop-1-officer-home")
    page.get_by_test_id("open-grid").click()
    page.wait_for_url(f"**/laporan/61/{month}/")
    rows = page.locator("#grid-form tbody tr").count()
    _paste(page, cell("61.01", "PU"), _same_block(rows))
    page.locator(cell("61.02", "BPU")).fill("12,5")  # a decimal: refused
    page.get_by_test_id("save").click()
    page.get_by_test_id("problem").wait_for()
    expect(page.locator(cell("61.02", "BPU"))).to_be_focused()  # once htmx has settled
    assert "Kabupaten Mempawah" in page.get_by_test_id("problem").inner_text()
    screenshot(page, "loop-2-failed-save-first-problem")
    page.locator(cell("61.02", "BPU")).fill("510")
    page.get_by_test_id("save").click()
    page.get_by_test_id("saved").wait_for()
    with page.expect_navigation():
        page.get_by_test_id("submit").click()
    assert "Diajukan" in page.get_by_test_id("status").inner_text()

    page.context.clear_cookies()
    log_in(page, approver.username, PASSWORD)
    assert page.get_by_test_id("waiting-count").inner_text() == "1"
    assert page.get_by_test_id("unread-count").first.inner_text().startswith("1")
    screenshot(page, "loop-3-approver-home")
    page.get_by_test_id("waiting-row").get_by_role("link").click()
    page.get_by_test_id("send-back-comment").fill("Angka PU Kota Pontianak perlu dicek ulang.")
    with page.expect_navigation():
        page.get_by_test_id("send-back").click()

    page.context.clear_cookies()
    log_in(page, officer.username, PASSWORD)
    assert "Angka PU Kota Pontianak" in page.get_by_test_id("home-returned").inner_text()
    screenshot(page, "loop-4-officer-home-returned")
    page.get_by_test_id("open-grid").click()
    assert page.get_by_test_id("returned-badge").inner_text() == "Dikembalikan"
    assert "Angka PU Kota Pontianak" in page.get_by_test_id("returned-comment").inner_text()
    assert "Dikembalikan" in page.get_by_test_id("latest-step").inner_text()
    screenshot(page, "loop-5-grid-returned")
    page.locator(cell("61.71", "PU")).fill("1.130")
    page.get_by_test_id("save").click()
    page.get_by_test_id("saved").wait_for()
    assert page.get_by_test_id("returned").is_visible()  # until resubmitted
    with page.expect_navigation():
        page.get_by_test_id("submit").click()
    assert page.get_by_test_id("returned").count() == 0
    assert "Diajukan" in page.get_by_test_id("latest-step").inner_text()

    page.context.clear_cookies()
    log_in(page, approver.username, PASSWORD)
    page.goto(f"/laporan/61/{month}/")
    with page.expect_navigation():
        page.get_by_test_id("approve").click()
    assert MonthlyReport.objects.get(period=period).status == "approved"

    page.context.clear_cookies()
    log_in(page, officer.username, PASSWORD)
    assert page.get_by_test_id("unread-count").first.inner_text().startswith("2")
    page.get_by_test_id("notifications-link").click()
    notices = page.get_by_test_id("notifications").inner_text()
    assert "disetujui" in notices and "dikembalikan" in notices
    screenshot(page, "loop-6-officer-notified")
    page.get_by_test_id("notification").first.get_by_role("link").click()
    page.wait_for_url(f"**/laporan/61/{month}/")
    assert page.get_by_test_id("locked").is_visible()
    assert page.console_errors == []


def test_the_grid_keeps_totals_true_warns_before_leaving_and_works_by_keyboard(page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    period = due_period()
    _month_before(period)
    log_in(page, officer.username, PASSWORD)
    page.goto(f"/laporan/61/{period:%Y-%m}/")
    assert "Penerima Upah" in page.get_by_test_id("head-PU").inner_text()

    leaving = "() => { const e = new Event('beforeunload', {cancelable: true});" \
        " window.dispatchEvent(e); return e.defaultPrevented; }"  # fmt: skip
    assert page.evaluate(leaving) is False
    page.locator(cell("61.01", "PU")).fill("1.000")
    page.locator(cell("61.02", "PU")).fill("2.500")
    assert page.get_by_test_id("total-PU").inner_text() == "3.500"
    assert page.get_by_test_id("province-total").inner_text() == "3.500"
    assert page.evaluate(leaving) is True
    page.locator(cell("61.03", "PU")).fill("12,5")
    page.get_by_test_id("save").click()
    page.get_by_test_id("problem").wait_for()
    assert page.get_by_test_id("total-PU").inner_text() == "3.500"  # what the cells show

    page.locator(cell("61.04", "PU")).focus()
    page.keyboard.press("Tab")  # an empty cell: ∅ comes next
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.type("Data kabupaten belum masuk")
    assert page.evaluate("document.activeElement.name").startswith("r-")

    page.locator(cell("61.03", "PU")).fill("1.200")
    page.get_by_test_id("save").click()
    page.get_by_test_id("saved").wait_for()
    for code in ("61.01", "61.02"):
        page.locator(f'[data-testid="cell-{code}-PU"] a.audit').click()
        expect(page.get_by_test_id("cell-history")).to_contain_text(code)
        box = page.locator(f'[data-testid="cell-{code}-PU"]').bounding_box()
        assert abs(page.locator("#cell-history").bounding_box()["y"] - box["y"]) < 5
    screenshot(page, "grid-cell-history-beside-its-cell")

    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    scroller = page.locator(".grid-scroll")
    assert scroller.evaluate("e => e.scrollWidth > e.clientWidth")
    scroller.evaluate("e => e.scrollLeft = 400")
    sticky = page.locator("#grid-form tbody th").first.bounding_box()
    assert sticky["x"] < 20  # the regency column stays in view
    screenshot(page, "grid-phone-390")
    assert page.console_errors == []
