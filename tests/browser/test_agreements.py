"""Branch staff log a meeting with attendees and a follow-up action, attach the minutes,
mark the action done, and find the meeting on the regency's timeline."""

import pytest
from django.core.management import call_command

from regions.demo import seed_offices
from regions.models import Office, Region, Role
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD

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
    koltim = Region.objects.get(code="74.11")
    log_in(page, staff.username, PASSWORD)

    page.goto("/kesepakatan/rapat/")
    page.get_by_role("link", name="Catat rapat").click()
    page.select_option("#id_kind", "kso")
    page.fill("#id_title", "Rapat KSO iuran honorer Kolaka Timur")
    page.select_option("#id_host_region", str(koltim.pk))
    page.select_option("#id_regions", [str(koltim.pk)])
    page.fill("#id_date", "2021-10-14")
    page.fill("#id_time", "09:30")
    page.fill("#id_place", "Ruang rapat Bupati Kolaka Timur")
    page.fill("#id_att-0-name", "Makmur Watukila")
    page.fill("#id_att-0-position", "Kepala Disnakertrans")
    page.fill("#id_att-1-name", "Bachtiar Asyhari")
    page.fill("#id_att-1-position", "Kepala Kantor Cabang Kolaka")
    page.fill("#id_act-0-description", "Anggarkan iuran non-ASN dalam APBD 2022")
    page.fill("#id_act-0-owner", "Pemkab Kolaka Timur")
    page.fill("#id_act-0-due_date", "2021-12-31")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_load_state("networkidle")

    assert "09.30 WITA" in page.get_by_test_id("when").inner_text()
    assert page.get_by_test_id("attendees").locator("tbody tr").count() == 2
    row = page.get_by_test_id("action-row")
    assert "lewat tenggat" in row.inner_text()

    minutes = tmp_path / "notulen.pdf"
    minutes.write_bytes(MINUTES)
    page.set_input_files("#id_file", str(minutes))
    page.get_by_role("button", name="Unggah").click()
    page.wait_for_load_state("networkidle")
    assert "notulen.pdf" in page.get_by_test_id("documents").inner_text()

    page.get_by_role("button", name="Tandai selesai").click()
    page.wait_for_function(
        "() => document.querySelector('[data-testid=action-row]').innerText.includes('Selesai')"
    )
    assert page.get_by_role("button", name="Tandai selesai").count() == 0
    screenshot(page, "agreements-meeting-logged")

    page.goto("/kesepakatan/wilayah/74.11/linimasa/")
    timeline = page.get_by_test_id("timeline").inner_text()
    assert "Rapat KSO iuran honorer Kolaka Timur" in timeline
    assert "14 Oktober 2021" in timeline
    screenshot(page, "agreements-region-timeline")
    assert page.console_errors == []
