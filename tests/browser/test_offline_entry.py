"""Entry that survives a lost connection: typed values are kept in the browser, saving while
offline says so instead of failing, a reload offers the values back, and the save after
reconnecting goes through the version check, so a colleague's newer save is never overwritten."""

from __future__ import annotations

from playwright.sync_api import expect

from participants.entry.services import CellInput, counts_write
from participants.models import Category, MonthlyReport, ParticipantCount
from participants.selectors import due_period
from regions.models import Region, Role
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_data_entry import cell
from tests.conftest import PASSWORD


def _stored(period, code: str) -> int | None:
    count = ParticipantCount.objects.filter(
        period=period, region__code=code, category__code="PU"
    ).first()
    return count.active_participants if count else None


def _offline_save_then_reload(page, while_away=lambda: None) -> None:
    page.locator(cell("61.01", "PU")).fill("1.000")
    page.locator(cell("61.02", "PU")).fill("2.500")
    page.context.set_offline(True)
    expect(page.get_by_test_id("offline")).to_be_visible()
    page.keyboard.press("Control+s")
    expect(page.get_by_test_id("grid-live")).to_contain_text("tidak ada koneksi")
    assert page.locator(cell("61.01", "PU")).input_value() == "1.000"  # nothing was lost
    page.context.set_offline(False)
    expect(page.get_by_test_id("offline")).to_be_hidden()
    page.on("dialog", lambda dialog: dialog.accept())  # "leave with unsaved values?"
    while_away()
    page.reload()
    expect(page.get_by_test_id("draft")).to_be_visible()
    expect(page.get_by_test_id("draft")).to_contain_text("2 sel")


def test_values_typed_offline_are_restored_after_a_reload_and_saved(page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    period = due_period()
    log_in(page, officer.username, PASSWORD)
    page.goto(f"/laporan/61/{period:%Y-%m}/")
    _offline_save_then_reload(page)
    assert page.locator(cell("61.01", "PU")).input_value() == ""
    screenshot(page, "grid-offline-draft-offered")

    page.get_by_test_id("draft-restore").focus()
    page.keyboard.press("Enter")  # reachable and operable by keyboard
    expect(page.get_by_test_id("draft")).to_be_hidden()
    expect(page.get_by_test_id("grid-live")).to_contain_text("dipulihkan")
    assert page.evaluate("document.activeElement.name") == page.locator(
        cell("61.01", "PU")
    ).get_attribute("name")
    assert page.get_by_test_id("total-PU").inner_text() == "3.500"
    page.get_by_test_id("save").click()
    page.get_by_test_id("saved").wait_for()
    assert (_stored(period, "61.01"), _stored(period, "61.02")) == (1000, 2500)
    # The draft is cleared when the save's answer has settled: wait for it, as a user would.
    page.wait_for_function("Object.keys(localStorage).length === 0", timeout=5000)
    page.reload()
    expect(page.get_by_test_id("draft")).to_be_hidden()
    assert page.console_errors == []


def test_a_restored_draft_never_overwrites_a_colleagues_newer_save(page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    period = due_period()
    log_in(page, officer.username, PASSWORD)
    page.goto(f"/laporan/61/{period:%Y-%m}/")
    page.locator(cell("61.03", "PU")).fill("7")  # a first save: the draft is based on version 1
    page.get_by_test_id("save").click()
    page.get_by_test_id("saved").wait_for()

    def colleague_saves() -> None:
        pu, regency = Category.objects.get(code="PU"), Region.objects.get(code="61.01")
        counts_write(actor=None, cells=[CellInput(regency.pk, pu.pk, period, 999)], source="demo")

    _offline_save_then_reload(page, colleague_saves)  # the reloaded page has the newer version
    version = MonthlyReport.objects.get(province__code="61", period=period).version

    page.get_by_test_id("draft-restore").click()
    page.get_by_test_id("save").click()
    page.get_by_test_id("problem").wait_for()
    assert _stored(period, "61.01") == 999  # the colleague's value stands
    assert MonthlyReport.objects.get(province__code="61", period=period).version == version
    assert page.locator(cell("61.01", "PU")).input_value() == "1.000"  # still on screen
    screenshot(page, "grid-offline-draft-conflict")
