"""A refusal answered to an htmx request is shown on the page (static/portal/refusals.js):
htmx alone would swap nothing for a 4xx, and the officer would see no reason."""

from __future__ import annotations

from pathlib import Path

from regions import bounds
from regions.models import Role
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD


def test_an_htmx_refusal_shows_its_message(page, make_user, settings, monkeypatch, tmp_path: Path):
    settings.MEDIA_ROOT = tmp_path
    settings.DOCUMENT_MAX_MB = 0  # the door's bound becomes 1 MB
    monkeypatch.setattr(bounds, "REQUEST_MAX_BYTES", 1024 * 1024)
    officer = make_user(Role.PROVINCIAL_OFFICER, province="61")
    log_in(page, officer.username, PASSWORD)
    page.goto("/laporan/impor/")
    refusal = page.get_by_test_id("refusal")
    assert refusal.is_hidden()

    large = tmp_path / "besar.csv"
    large.write_bytes(b"x" * (3 * 1024 * 1024 // 2))
    page.set_input_files("input[type=file]", str(large))
    with page.expect_response("**/impor/pratinjau/") as answer:
        page.get_by_role("button", name="Periksa berkas").click()
    assert answer.value.status == 413  # refused by the door, before the view
    refusal.wait_for()
    assert "Permintaan ini terlalu besar: paling banyak 1 MB." in refusal.inner_text()

    # A refusal the server placed itself (the form with its error, HX-Retarget) is swapped in.
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    page.set_input_files("input[type=file]", str(empty))
    with page.expect_response("**/impor/pratinjau/") as answer:
        page.get_by_role("button", name="Periksa berkas").click()
    assert answer.value.status == 400
    page.locator(".errorlist").wait_for()
    assert page.get_by_test_id("refusal").is_hidden()
