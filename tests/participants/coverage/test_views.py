import csv
import datetime as dt
import io

import pytest
from django.urls import reverse

from participants.coverage import engine as coverage
from participants.models import CoverageRow
from regions.models import Region
from regions.values.formatting import format_number, format_percent
from tests.participants.coverage.factories import put_counts, put_target, put_workforce

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)


@pytest.fixture
def kalbar_and_jatim():
    for month in (dt.date(2021, 12, 1), dt.date(2022, 11, 1), DEC):
        growth = (month.year - 2021) * 12 + month.month
        put_counts("61", month, {"61.71": {"PU": 1000 + growth, "BPU": 300}, "61.12": {"PU": 500}})
        put_counts("35", month, {"35.74": {"PU": 2000 + growth}})
    put_workforce("61", 2022, 10_000)
    put_target("61", 2022, participants=2_000)
    coverage.recompute_stale()


def page(client, user, url):
    client.force_login(user)
    return client.get(url)


def test_national_table_shows_the_coverage_table_figures(client, viewer, kalbar_and_jatim):
    html = page(client, viewer, reverse("coverage:national") + "?period=2022-12").content.decode()
    kalbar = CoverageRow.objects.get(region__code="61", period=DEC, category=None)
    assert format_number(kalbar.participants) in html
    assert format_percent(kalbar.coverage_percent) in html
    jatim = CoverageRow.objects.get(region__code="35", period=DEC, category=None)
    assert jatim.coverage_percent is None  # no denominator: shown as –, never 0%
    assert "Kalimantan Barat" in html and "Jawa Timur" in html


def test_province_table_lists_regencies_with_change_and_progress(
    client, kalbar_officer, kalbar_and_jatim
):
    response = page(client, kalbar_officer, reverse("coverage:province", args=["61"]))
    table = response.context["table"]
    assert table.period == DEC
    pontianak = next(line for line in table.lines if line.region.code == "61.71")
    assert pontianak.month_change == 1
    assert pontianak.year_change == 12
    province = CoverageRow.objects.get(region__code="61", period=DEC, category=None)
    assert table.summary.participants == province.participants
    assert format_number(pontianak.total.participants) in response.content.decode()


def test_province_progress_towards_its_target(client, viewer, kalbar_and_jatim):
    table = page(client, viewer, reverse("coverage:national")).context["table"]
    kalbar = next(line for line in table.lines if line.region.code == "61")
    assert kalbar.progress.target == 2_000
    assert kalbar.progress.gap == 2_000 - kalbar.total.participants


def test_officer_sees_only_own_province_in_the_national_table(
    client, kalbar_officer, kalbar_and_jatim
):
    table = page(client, kalbar_officer, reverse("coverage:national")).context["table"]
    assert [line.region.code for line in table.lines] == ["61"]
    assert table.summary is None  # the national figure is outside a province officer's scope


@pytest.mark.parametrize("suffix", ["", "?format=csv", "?format=xlsx"])
def test_outsider_is_refused_another_province_table_and_downloads(
    client, jatim_officer, kalbar_and_jatim, suffix
):
    url = reverse("coverage:province", args=["61"]) + suffix
    assert page(client, jatim_officer, url).status_code == 404


def test_csv_export_matches_the_table(client, viewer, kalbar_and_jatim):
    response = page(client, viewer, reverse("coverage:national") + "?period=2022-12&format=csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    kalbar = next(r for r in rows if r["Kode wilayah"] == "61")
    assert (
        int(kalbar["Peserta, total"])
        == CoverageRow.objects.get(region__code="61", period=DEC, category=None).participants
    )
    assert kalbar["Cakupan (%)"] != ""


def test_xlsx_export_opens_as_a_workbook(client, viewer, kalbar_and_jatim):
    from openpyxl import load_workbook

    response = page(client, viewer, reverse("coverage:national") + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(1, 2).value == "Kode wilayah"
    assert sheet.max_row == 1 + 37  # every province valid in December 2022


def test_national_table_runs_in_a_constant_number_of_queries(
    client, viewer, kalbar_and_jatim, django_assert_max_num_queries
):
    client.force_login(viewer)
    # 12 for the table (one says which categories any region had; the national figure comes
    # with its region), 3 to choose its month by the partial-month rule, 1 for the kept
    # table's key (which also answers the header's demo badge).
    with django_assert_max_num_queries(16):
        client.get(reverse("coverage:national"))
    # Kept: the month's rule and the key, and the frame's own (session, user, scope, unread
    # notifications).
    with django_assert_max_num_queries(9):
        client.get(reverse("coverage:national"))


def test_bad_period_is_not_found(client, viewer):
    assert page(client, viewer, reverse("coverage:national") + "?period=2022-13").status_code == 404


def test_no_figures_yet_says_so(client, viewer):
    response = page(client, viewer, reverse("coverage:national"))
    assert response.status_code == 200
    assert Region.objects.exists()
