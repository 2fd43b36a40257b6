import datetime as dt

import pytest
from django.urls import reverse

from tests.browser.conftest import ARTIFACTS
from tests.coverage_portal.dashboards.helpers import table_rows
from tests.coverage_portal.factories import category_row, total_row

pytestmark = pytest.mark.django_db
DEC_2022 = dt.date(2022, 12, 1)


@pytest.fixture
def kalbar():
    total_row("61", DEC_2022, 632_494, denominator=1_830_662)
    total_row("61.71", DEC_2022, 210_000)
    category_row("61", DEC_2022, "PU", 385_004)


def test_printable_report_is_dated_and_names_its_denominators(client, kalbar_officer, kalbar):
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:report", args=["61"]), {"bulan": "2022-12"})
    html = response.content.decode()
    assert "WIB" in html.split('data-testid="generated-at"')[1][:80]
    assert "1.830.662" in html.split('data-testid="denominators"')[1][:400]
    assert 'data-testid="report-map"' in html and html.count("<path ") == 14
    assert table_rows(html, "regencies")["61.71"][2] == "210.000"
    assert "dashboards/print.css" in html


def test_pdf_download_is_a_dated_pdf(client, kalbar_officer, kalbar):
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:report-pdf", args=["61"]), {"bulan": "2022-12"})
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="laporan-61-2022-12.pdf"'
    assert response.content.startswith(b"%PDF-")
    assert len(response.content) > 5_000
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "dashboard-report-61.pdf").write_bytes(response.content)


def test_outsider_gets_neither_report_nor_pdf(client, jatim_officer, kalbar):
    client.force_login(jatim_officer)
    assert client.get(reverse("dashboards:report", args=["61"])).status_code == 404
    assert client.get(reverse("dashboards:report-pdf", args=["61"])).status_code == 404
