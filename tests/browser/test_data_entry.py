"""An officer fills a month by typing and pasting, acknowledges a warning and submits;
the approver approves; the grid becomes read-only."""

from __future__ import annotations

import datetime as dt

from participants.entry.services import CellInput, counts_write
from participants.models import Category, MonthlyReport
from regions.models import Region, Role
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD

PERIOD = dt.date(2023, 12, 1)
VALUES = {"PU": 1000, "NON_ASN": 100, "BPU": 500, "JAKON": 300, "PMI": 50}


def _last_month() -> None:
    categories = {c.code: c.pk for c in Category.objects.all()}
    regencies = Region.objects.regencies().filter(parent__code="61").current().order_by("code")
    counts_write(
        actor=None,
        cells=[
            CellInput(r.pk, categories[code], dt.date(2023, 11, 1), value + i * 10)
            for i, r in enumerate(regencies)
            for code, value in VALUES.items()
        ],
        source="demo",
    )


def _block(rows: range) -> str:
    """Tab-separated rows as a spreadsheet copies them; the last regency's BPU drops to 0."""
    lines = []
    for i in rows:
        values = [value + i * 10 for value in VALUES.values()]
        if i == rows[-1]:
            values[2] = 0
        lines.append("\t".join(f"{v:,}".replace(",", ".") for v in values))
    return "\n".join(lines) + "\n"


def _paste(page, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.evaluate(
        """([selector, text]) => {
            const data = new DataTransfer();
            data.setData("text/plain", text);
            const event = new ClipboardEvent(
                "paste", {clipboardData: data, bubbles: true, cancelable: true});
            document.querySelector(selector).dispatchEvent(event);
        }""",
        [selector, text],
    )


def cell(code: str, category: str) -> str:
    return f'[data-testid="cell-{code}-{category}"] input.value'


def test_officer_fills_and_submits_and_approver_approves(page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61", username="petugas.kalbar")
    approver = make_user(Role.PROVINCIAL_APPROVER, province="61", username="penyetuju.kalbar")
    _last_month()
    log_in(page, officer.username, PASSWORD)
    page.goto("/laporan/61/2023-12/")
    assert page.locator(cell("61.01", "PU")).get_attribute("placeholder") == "1.000"
    screenshot(page, "data-entry-1-empty-grid")

    page.locator(cell("61.01", "PU")).click()
    for value in ("1.000", "100", "500", "300", "50"):  # typing, moving with Tab
        page.keyboard.type(value)
        page.keyboard.press("Tab")
    page.locator(cell("61.01", "PMI")).focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('td').dataset.testid") == (
        "cell-61.02-PMI"
    )
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.closest('td').dataset.testid") == (
        "cell-61.01-PMI"
    )
    _paste(page, cell("61.02", "PU"), _block(range(1, 14)))
    assert page.locator(cell("61.72", "PMI")).input_value() == "180"
    assert page.get_by_test_id("province-total").inner_text() != "0"

    page.get_by_test_id("save").click()
    page.get_by_test_id("saved").wait_for()
    warning = page.get_by_test_id("cell-61.72-BPU").get_by_test_id("warning")
    assert "nol" in warning.inner_text()
    total = sum(VALUES[c] for c in ("PU", "BPU", "JAKON", "PMI")) * 14 + 10 * 4 * 91 - 630
    assert page.get_by_test_id("province-total").inner_text() == f"{total:,}".replace(",", ".")
    screenshot(page, "data-entry-2-saved-with-warning")

    with page.expect_navigation():
        page.get_by_test_id("submit").click()
    assert MonthlyReport.objects.get(period=PERIOD).status == "draft"
    page.get_by_test_id("acknowledge").check()
    with page.expect_navigation():
        page.get_by_test_id("submit").click()
    assert "Diajukan" in page.get_by_test_id("status").inner_text()
    assert page.locator("input.value").count() == 0
    screenshot(page, "data-entry-3-submitted")

    page.context.clear_cookies()
    log_in(page, approver.username, PASSWORD)
    page.goto("/laporan/61/2023-12/")
    with page.expect_navigation():
        page.get_by_test_id("approve").click()
    assert page.get_by_test_id("locked").is_visible()
    assert page.locator("input.value").count() == 0
    assert "50" in page.get_by_test_id("cell-61.01-PMI").inner_text()
    screenshot(page, "data-entry-4-approved-read-only")
    assert page.console_errors == []
