import datetime as dt

import pytest
from django.urls import reverse

from participants.models import MonthlyReport
from regions.models import Region
from tests.coverage_portal.factories import MonthlyReportFactory, total_row

pytestmark = pytest.mark.django_db
UTC = dt.UTC
MONTHS = [dt.date(2022, 6, 1), dt.date(2022, 9, 1), dt.date(2022, 12, 1), dt.date(2023, 1, 1)]


@pytest.fixture
def reports():
    for period in MONTHS:
        total_row("ID", period, 1)
    MonthlyReportFactory(province=_region("61"), period=MONTHS[2],
                         status=MonthlyReport.Status.SUBMITTED,
                         submitted_at=dt.datetime(2023, 1, 10, 16, 30, tzinfo=UTC))  # fmt: skip
    MonthlyReportFactory(province=_region("91"), period=MONTHS[2],
                         status=MonthlyReport.Status.SUBMITTED,
                         submitted_at=dt.datetime(2023, 1, 10, 16, 30, tzinfo=UTC))  # fmt: skip
    MonthlyReportFactory(province=_region("35"), period=MONTHS[1],
                         status=MonthlyReport.Status.APPROVED,
                         submitted_at=dt.datetime(2022, 10, 5, 3, tzinfo=UTC),
                         approved_at=dt.datetime(2022, 10, 6, 3, tzinfo=UTC))  # fmt: skip


def _region(code):
    return Region.objects.get(code=code)


def test_the_grid_equals_the_one_month_page_for_every_month(client, viewer, reports):
    client.force_login(viewer)
    grid = client.get(reverse("analysis:reporting"), {"sampai": "2023-01", "jumlah": "8"})
    assert grid.status_code == 200
    cells = grid.context["grid"].cells
    for period in MONTHS:
        page = client.get(reverse("dashboards:completeness"), {"bulan": f"{period:%Y-%m}"})
        shown = {p.province.pk: p for p in page.context["provinces"]}
        expected = {pk for (pk, month), c in cells.items() if month == period and c.state}
        assert expected == set(shown), period
        for pk, p in shown.items():
            mine = cells[(pk, period)].reporting
            assert (mine.status, mine.late, mine.submitted_on) == (p.status, p.late, p.submitted_on)


def test_states_totals_and_validity(client, viewer, reports):
    client.force_login(viewer)
    response = client.get(reverse("analysis:reporting"), {"sampai": "2022-12", "jumlah": "7"})
    grid = response.context["grid"]
    papua_selatan = _region("93")  # from August 2022: "–" before, never missing
    assert grid.cells[(papua_selatan.pk, dt.date(2022, 6, 1))].state == ""
    assert grid.cells[(papua_selatan.pk, dt.date(2022, 12, 1))].state == "missing"
    assert grid.cells[(_region("91").pk, dt.date(2022, 12, 1))].late  # 01.30 WIT on the 11th
    assert grid.cells[(_region("61").pk, dt.date(2022, 12, 1))].state == "submitted"
    assert grid.cells[(_region("35").pk, dt.date(2022, 9, 1))].state == "approved"
    december = grid.by_month[dt.date(2022, 12, 1)]
    assert (december.submitted, december.late) == (2, 1)
    assert december.missing == december.expected - 2
    body = response.content.decode()
    assert reverse("participants:grid", args=["61", "2022-12"]) in body


def test_scope_download_and_bad_input(client, kalbar_officer, reports):
    client.force_login(kalbar_officer)
    response = client.get(reverse("analysis:reporting"), {"sampai": "2022-12", "jumlah": "3"})
    assert [p.code for p in response.context["grid"].provinces] == ["61"]
    csv = client.get(reverse("analysis:reporting-csv"), {"sampai": "2022-12", "jumlah": "3"})
    text = csv.content.decode("utf-8-sig")
    assert "61 Kalimantan Barat" in text and "Jawa Timur" not in text
    for bad in ({"jumlah": "37"}, {"jumlah": "-1"}, {"sampai": "x\x00"}, {"jumlah": "9" * 999}):
        assert client.get(reverse("analysis:reporting"), bad).status_code == 400
    # Leading zeros once passed a bound read from the first three digits only: 1.111 months,
    # and 5.001 digits that int() refuses (a 500).
    for count in ("001111", "01" + "1" * 5000, "٠١٢"):
        response = client.get(reverse("analysis:reporting"), {"jumlah": count})
        assert response.status_code == 400, count


def test_a_user_without_a_role_sees_an_empty_grid(client, outsider):
    client.force_login(outsider)
    response = client.get(reverse("analysis:reporting"))
    assert response.status_code == 200 and response.context["grid"].provinces == []
