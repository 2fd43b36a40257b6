"""The pivot, the reporting-rate grid and the infographic in chromium, with screenshots
(the README's, copied to docs/)."""

import datetime as dt

from participants.models import MonthlyReport
from regions.models import Region, Role
from tests.browser.conftest import log_in, screenshot
from tests.browser.test_dashboards import two_years_of_figures  # noqa: F401  (a fixture)
from tests.conftest import PASSWORD
from tests.coverage_portal.factories import MonthlyReportFactory


def test_pivot_reporting_grid_and_card(page, make_user, two_years_of_figures):  # noqa: F811
    viewer = make_user(Role.VIEWER, username="pemantau.analisis")
    for code, status in (("61", "approved"), ("35", "submitted")):
        MonthlyReportFactory(
            province=Region.objects.get(code=code),
            period=dt.date(2024, 6, 1),
            status=status,
            submitted_at=dt.datetime(2024, 7, 5, tzinfo=dt.UTC),
        )
    log_in(page, viewer.username, PASSWORD)
    page.goto("/dasbor/")
    page.get_by_test_id("pivot-link").click()
    page.select_option("select[name=kolom]", "bulan")
    page.select_option("select[name=dari]", "2024-01")
    page.select_option("select[name=sampai]", "2024-06")
    page.select_option("select[name=ukuran]", "cakupan")
    page.select_option("select[name=urut]", "nilai")
    page.get_by_test_id("pivot-show").click()
    page.wait_for_url("**kolom=bulan**")
    table = page.get_by_test_id("pivot")
    assert table.locator("tbody tr").count() >= 38
    assert "–" in table.locator("tbody").inner_text()  # Maluku Utara: coverage unknown
    screenshot(page, "analysis-pivot")
    page.goto("/analisis/pelaporan/?sampai=2024-06&jumlah=12")
    grid = page.get_by_test_id("reporting-grid")
    assert grid.locator('tr[data-code="61"] td[data-state="approved"]').count() == 1
    screenshot(page, "analysis-reporting")
    response = page.goto("/analisis/infografik/61.png?bulan=2024-06")
    assert response.status == 200 and response.headers["content-type"] == "image/png"
    assert MonthlyReport.objects.count() == 2
