"""An officer downloads a template, uploads a file with a mistake, fixes it and imports it."""

from __future__ import annotations

from pathlib import Path

from participants.models import ParticipantCount
from regions.models import Role
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD
from tests.participants.transfer.helpers import csv_bytes, kalbar_month, xlsx_rows


def test_officer_previews_fixes_and_imports_a_file(page, make_user, settings, tmp_path: Path):
    settings.MEDIA_ROOT = tmp_path
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    log_in(page, officer.username, PASSWORD)
    page.goto("/laporan/impor/")

    page.locator("[data-testid=template-form] input[name=period]").fill("2024-05")
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh templat").click()
    template = xlsx_rows(Path(download.value.path()).read_bytes())  # the grid layout
    assert template[0][:2] == ("Bulan", "2024-05")
    assert ("61.71", "Kota Pontianak") in [r[:2] for r in template]

    bad = tmp_path / "mei-salah.csv"
    bad.write_bytes(csv_bytes([*kalbar_month(), ("2024-05", "61.71", "JAKON", "12,5")]))
    page.set_input_files("input[type=file]", str(bad))
    page.get_by_role("button", name="Periksa berkas").click()
    errors = page.get_by_test_id("import-errors")
    errors.wait_for()
    assert "7" in errors.inner_text() and "desimal" in errors.inner_text().lower()
    assert page.get_by_test_id("confirm-form").count() == 0
    screenshot(page, "transfer-preview-with-error")

    good = tmp_path / "mei.csv"
    good.write_bytes(csv_bytes(kalbar_month()))
    page.set_input_files("input[type=file]", str(good))
    page.get_by_role("button", name="Periksa berkas").click()
    page.get_by_test_id("confirm-form").wait_for()
    screenshot(page, "transfer-preview-ready")
    with page.expect_navigation():
        page.get_by_role("button", name="Impor semua 5 baris").click()

    assert "5 baris diimpor" in page.locator(".messages").inner_text()
    assert ParticipantCount.objects.count() == 5
    page.get_by_test_id("open-imported-grid").click()  # one click to the month's grid
    page.wait_for_url("**/laporan/61/2024-05/#workflow")
    assert page.get_by_test_id("submit").is_visible()
    assert page.console_errors == []
