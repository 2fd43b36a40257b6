"""A month only one province has reported does not take over the national picture."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from participants.coverage import engine
from participants.models import MonthlyReport
from participants.selectors import month_end
from regions.models import Region
from tests.coverage_portal.dashboards.helpers import table_rows, text_of
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
NOV, DEC = dt.date(2022, 11, 1), dt.date(2022, 12, 1)


@pytest.fixture
def first_days_of_december():
    """Every province reported November; in December only Kalimantan Barat has, so far."""
    provinces = [p for p in Region.objects.provinces() if p.is_valid_on(NOV) and
                 p.is_valid_on(month_end(DEC))]  # fmt: skip
    for province in provinces:
        regency = province.children.filter(level="regency").valid_on(NOV).order_by("code")[0]
        put_counts(province.code, NOV, {regency.code: {"PU": 10_000}}, status="approved")
    put_counts("61", DEC, {"61.71": {"PU": 10_500}}, status="submitted")
    put_workforce("61", 2022, 100_000)
    engine.recompute_stale()
    return len(provinces)


def get(client, user, name, *args, **params):
    client.force_login(user)
    return client.get(reverse(name, args=args), params)


def test_the_national_dashboard_opens_on_the_last_complete_month(
    client, viewer, first_days_of_december
):
    response = get(client, viewer, "dashboards:national")

    assert response.context["period"] == NOV
    options = dict(response.context["period_options"])
    assert options["2022-12"] == "Desember 2022 · sebagian: 1 dari 37 provinsi melapor"
    assert options["2022-11"] == "November 2022"
    assert text_of(response.content.decode(), "total-participants") == "370.000"


def test_a_partial_month_stays_selectable_and_says_who_has_not_reported(
    client, viewer, first_days_of_december
):
    response = get(client, viewer, "dashboards:national", bulan="2022-12")
    html = response.content.decode()
    ranking = table_rows(html, "ranking")

    assert "sebagian: 1 dari 37 provinsi melapor" in text_of(html, "partial")
    assert text_of(html, "total-participants") == "10.500"  # Kalimantan Barat's, and says so
    assert ranking["61"][2] == "10.500"
    assert ranking["35"][2] == "belum melapor"  # never 0
    assert ranking["35"][4:6] == ["", ""]  # no change against a month it did report
    assert response.context["trend_chart"]["partial"][-1] is True
    assert response.context["trend_chart"]["partial"][-2] is False


def test_the_coverage_table_opens_on_the_complete_month_and_marks_the_partial_one(
    client, viewer, first_days_of_december
):
    assert get(client, viewer, "coverage:national").context["table"].period == NOV
    html = get(client, viewer, "coverage:national", period="2022-12").content.decode()

    assert "sebagian: 1 dari 37 provinsi melapor" in html
    jatim = html[html.index('data-region="35"') :].split("</tr>")[0]
    assert "belum melapor" in jatim and "−" not in jatim and "-10.000" not in jatim


def test_exports_carry_the_completeness_of_each_row(client, viewer, first_days_of_december):
    table = get(client, viewer, "coverage:national", period="2022-12", format="csv")
    rows = {r["Kode wilayah"]: r for r in csv.DictReader(io.StringIO(table.content.decode()))}
    ranking = get(client, viewer, "dashboards:export", "peringkat", "csv", bulan="2022-12")
    lines = list(csv.reader(io.StringIO(ranking.content.decode("utf-8-sig"))))
    column = lines[0].index("Kelengkapan")
    by_code = {line[0]: line for line in lines[1:]}

    assert (rows["61"]["Kelengkapan"], rows["35"]["Kelengkapan"]) == ("lengkap", "belum melapor")
    assert rows["35"]["Peserta, total"] == "" and rows["35"]["vs bulan lalu (poin)"] == ""
    assert (rows["61"]["Laporan diajukan"], rows["61"]["Laporan wajib"]) == ("1", "1")
    assert by_code["61"][column] == "lengkap"
    assert by_code["35"][column] == "belum melapor"


def test_the_completeness_page_opens_on_the_month_being_reported(
    client, viewer, first_days_of_december
):
    response = get(client, viewer, "dashboards:completeness")

    assert response.context["period"] == DEC
    assert MonthlyReport.objects.filter(period=DEC).count() == 1
