import datetime as dt

import pytest
from django.urls import reverse

from participants.models import MonthlyReport
from regions.models import Region
from tests.coverage_portal.dashboards.helpers import table_rows
from tests.coverage_portal.factories import MonthlyReportFactory, total_row

pytestmark = pytest.mark.django_db
DEC_2022, JUN_2022 = dt.date(2022, 12, 1), dt.date(2022, 6, 1)
UTC = dt.UTC


@pytest.fixture
def december_reports():
    total_row("ID", DEC_2022, 1)
    total_row("ID", JUN_2022, 1)
    total_row("61", DEC_2022, 632_494, regencies_reported=12, regencies_expected=14)
    # 16:30 UTC on the 10th is 23:30 WIB in Pontianak (on time) but 01:30 WIT on the 11th in Papua.
    deadline_evening = dt.datetime(2023, 1, 10, 16, 30, tzinfo=UTC)
    for code, submitted in (("61", deadline_evening), ("91", deadline_evening)):
        MonthlyReportFactory(
            province=_region(code), status=MonthlyReport.Status.SUBMITTED, submitted_at=submitted
        )
    MonthlyReportFactory(
        province=_region("35"), status=MonthlyReport.Status.APPROVED,
        submitted_at=dt.datetime(2023, 1, 20, 3, 0, tzinfo=UTC),
        approved_at=dt.datetime(2023, 1, 21, 3, 0, tzinfo=UTC),
    )  # fmt: skip


def _region(code):
    return Region.objects.get(code=code)


def page(client, **params):
    response = client.get(reverse("dashboards:completeness"), params)
    return response, table_rows(response.content.decode(), "completeness")


def test_deadline_is_judged_in_the_provinces_own_time_zone(client, viewer, december_reports):
    client.force_login(viewer)
    _response, rows = page(client, bulan="2022-12")
    assert "tepat waktu" in rows["61"][5] or "on time" in rows["61"][5]
    assert rows["91"][5] in ("terlambat", "late")
    assert rows["91"][3] == "11 Januari 2023 01.30 WIT"


def test_an_approved_report_can_still_have_been_late(client, viewer, december_reports):
    client.force_login(viewer)
    response, _rows = page(client, bulan="2022-12")
    jatim = next(p for p in response.context["provinces"] if p.province.code == "35")
    assert jatim.report.is_locked and jatim.late
    assert jatim.approved_on == dt.date(2023, 1, 21)


def test_a_province_without_a_report_is_overdue_once_the_deadline_passed(
    client, viewer, december_reports
):
    client.force_login(viewer)
    response, rows = page(client, bulan="2022-12")
    aceh = next(p for p in response.context["provinces"] if p.province.code == "11")
    assert aceh.report is None and aceh.late
    assert rows["11"][1] == "–"


def test_regions_are_expected_only_for_months_they_existed(client, viewer, december_reports):
    client.force_login(viewer)
    _response, june = page(client, bulan="2022-06")
    _response, december = page(client, bulan="2022-12")
    assert "93" not in june and "93" in december  # Papua Selatan: from August 2022
    assert "96" not in december  # Papua Barat Daya: from January 2023
    assert june["91"][6] == "0 / 29"  # Papua before the split, with its old regencies
    assert december["91"][6] == "0 / 9"
    assert december["61"][6] == "12 / 14"


def test_province_completeness_lists_its_regencies(client, kalbar_officer, december_reports):
    total_row("61.71", DEC_2022, 10, regencies_reported=1, regencies_expected=1)
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:completeness-province", args=["61"]))
    rows = table_rows(response.content.decode(), "regency-completeness")
    assert len(rows) == 14
    assert rows["61.71"][2] == "✓"
    assert rows["61.01"][2] != "✓"


def test_officer_sees_only_their_province(client, kalbar_officer, december_reports):
    client.force_login(kalbar_officer)
    _response, rows = page(client, bulan="2022-12")
    assert list(rows) == ["61"]
    url = reverse("dashboards:completeness-province", args=["35"])
    assert client.get(url).status_code == 404
