from regions.models import Role
from tests.browser.conftest import log_in, screenshot
from tests.conftest import PASSWORD


def test_provincial_officer_logs_in_to_their_home_and_finds_the_province_list(page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61", username="petugas.kalbar")
    log_in(page, officer.username, PASSWORD)
    assert "Kalimantan Barat" in page.get_by_test_id("home-title").inner_text()
    page.get_by_role("link", name="Wilayah").click()
    table = page.get_by_test_id("province-list")
    assert table.is_visible()
    assert "Kalimantan Barat" in table.inner_text()
    assert "Petugas provinsi" in page.get_by_test_id("current-user").inner_text()
    screenshot(page, "foundation-officer-home")
    table.get_by_role("link", name="Kalimantan Barat").click()
    assert "Kota Pontianak" in page.get_by_test_id("regency-list").inner_text()
    assert page.console_errors == []


def test_wrong_password_shows_an_error_in_indonesian(page, make_user):
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    log_in(page, officer.username, "not-the-password")
    assert page.locator("p.error:not(#refusal)").is_visible()
    assert page.url.endswith("/accounts/login/")
