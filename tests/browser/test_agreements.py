"""Branch staff log a meeting with attendees and a follow-up action, attach the minutes,
mark the action done, and find the meeting on the regency's timeline."""

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from regions.demo import seed_offices
from regions.models import Office, Region, Role
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD


def _choose(page, field: str, text: str) -> None:
    """Pick an option in a searchable select (Tom Select) by keyboard: type, Enter, Tab on."""
    control = page.locator(f"#id_{field}-ts-control")
    control.focus()
    page.keyboard.type(text)
    page.locator(f"#id_{field}-ts-dropdown .option.active", has_text=text).wait_for()
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")


MINUTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def regions_present(transactional_db: None) -> None:
    """Reload the regions if an earlier transactional test in this worker left them flushed."""
    if not Region.objects.exists():
        call_command("load_regions", verbosity=0)


def test_branch_staff_log_a_meeting_and_see_it_on_the_timeline(
    regions_present, page, make_user, tmp_path
):
    seed_offices()
    staff = make_user(Role.BRANCH_STAFF, office=Office.objects.get(code="cabang-kolaka"))
    log_in(page, staff.username, PASSWORD)

    log_in_home = page.get_by_test_id("home-branch_staff")
    assert log_in_home.is_visible()
    page.goto("/kesepakatan/rapat/")
    page.get_by_role("link", name="Catat rapat").click()
    page.select_option("#id_kind", "kso")
    page.fill("#id_title", "Rapat KSO iuran honorer Kolaka Timur")
    _choose(page, "host_region", "Kolaka Timur")
    _choose(page, "regions", "Kolaka Timur")
    assert "Kolaka Timur" in page.locator("#id_regions + .ts-wrapper").inner_text()
    page.fill("#id_date", "2021-10-14")
    page.fill("#id_time", "09:30")
    page.fill("#id_place", "Ruang rapat Bupati Kolaka Timur")
    assert page.get_by_test_id("attendee-forms").locator("tbody tr").count() == 1
    page.fill("#id_att-0-name", "Makmur Watukila")
    page.fill("#id_att-0-position", "Kepala Disnakertrans")
    page.get_by_test_id("add-att").click()  # a row added on the page, no reload
    page.fill("#id_att-1-name", "Bachtiar Asyhari")
    page.fill("#id_att-1-position", "Kepala Kantor Cabang Kolaka")
    page.get_by_test_id("add-att").click()
    page.fill("#id_att-2-name", "Salah ketik")
    page.check("#id_att-2-DELETE")  # …and removed again
    page.fill("#id_act-0-description", "Anggarkan iuran non-ASN dalam APBD 2022")
    page.fill("#id_act-0-owner", "Pemkab Kolaka Timur")
    page.fill("#id_act-0-due_date", "2021-12-31")
    page.get_by_test_id("add-act").click()
    page.fill("#id_act-1-description", "Kirim data honorer ke BPJS")
    page.fill("#id_act-1-owner", "BKPSDM Kolaka Timur")
    screenshot(page, "agreements-meeting-form-rows-added")
    with page.expect_navigation():
        page.get_by_role("button", name="Simpan", exact=True).click()

    assert "09.30 WITA" in page.get_by_test_id("when").inner_text()
    assert page.get_by_test_id("attendees").locator("tbody tr").count() == 2
    assert page.get_by_test_id("action-row").count() == 2
    row = page.get_by_test_id("action-row").first
    assert "lewat tenggat" in row.inner_text()

    minutes = tmp_path / "notulen.pdf"
    minutes.write_bytes(MINUTES)
    page.set_input_files("#id_file", str(minutes))
    with page.expect_navigation():
        page.get_by_role("button", name="Unggah").click()
    assert "notulen.pdf" in page.get_by_test_id("documents").inner_text()

    page.get_by_role("button", name="Tandai selesai").first.click()
    expect(page.get_by_test_id("action-row").first).to_contain_text("Selesai")
    assert page.get_by_role("button", name="Tandai selesai").count() == 1
    screenshot(page, "agreements-meeting-logged")

    page.goto("/kesepakatan/wilayah/74.11/linimasa/")
    timeline = page.get_by_test_id("timeline").inner_text()
    assert "Rapat KSO iuran honorer Kolaka Timur" in timeline
    assert "14 Oktober 2021" in timeline
    screenshot(page, "agreements-region-timeline")
    assert page.console_errors == []
