import datetime as dt
import json

import pytest
from django.urls import reverse

from participants.kernel.periods import add_months
from participants.models import MonthlyReport
from regions.models import Office, OfficeRegency, Region
from tests.coverage_portal.dashboards.helpers import table_rows, text_of
from tests.coverage_portal.factories import MonthlyReportFactory, category_row, total_row

pytestmark = pytest.mark.django_db
DEC_2022 = dt.date(2022, 12, 1)


@pytest.fixture
def kalbar_dec_2022():
    """The domain brief's example: Kalimantan Barat, December 2022."""
    total_row("ID", DEC_2022, 35_684_564, denominator=135_296_713)
    total_row(
        "61", DEC_2022, 632_494, denominator=1_830_662, regencies_reported=14,
        regencies_expected=14, target_participants=700_000, target_gap=67_506,
    )  # fmt: skip
    same_shape = {"regencies_reported": 14, "regencies_expected": 14}
    total_row("61", add_months(DEC_2022, -1), 620_000, denominator=1_830_662, **same_shape)
    total_row("61", add_months(DEC_2022, -12), 580_000, denominator=1_800_000, **same_shape)
    total_row("35", DEC_2022, 4_100_000)  # no workforce total: coverage unknown
    total_row("61.71", DEC_2022, 210_000)
    for code, participants in (("PU", 385_004), ("BPU", 98_541), ("JAKON", 149_949)):
        category_row("61", DEC_2022, code, participants)
    MonthlyReportFactory(period=DEC_2022, status=MonthlyReport.Status.APPROVED)


@pytest.mark.parametrize(
    "url",
    [
        reverse("dashboards:national"),
        reverse("dashboards:province", args=["61"]),
        reverse("dashboards:regency", args=["61.71"]),
        reverse("dashboards:boundaries", args=["ID"]),
        reverse("dashboards:completeness"),
        reverse("dashboards:scorecard"),
        reverse("dashboards:report", args=["61"]),
        reverse("dashboards:report-pdf", args=["61"]),
        reverse("dashboards:export", args=["peringkat", "csv"]),
    ],
)
def test_anonymous_visitor_is_sent_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_national_ranking_shows_the_coverage_table_figures(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    html = client.get(reverse("dashboards:national")).content.decode()
    rows = table_rows(html, "ranking")
    kalbar = rows["61"]
    assert kalbar[1] == "Kalimantan Barat"
    assert kalbar[2] == "632.494"
    assert kalbar[3] == "34,55%"
    assert kalbar[5] == "2,33 †"  # 34,55% − 32,2222% a year before, across a new denominator
    assert kalbar[6] == "90,36%"  # 632.494 of the 700.000 target
    assert kalbar[7] == "14 / 14"
    assert len(rows) == 37  # Papua Barat Daya (96) only exists from January 2023


def test_unknown_coverage_is_no_data_never_zero(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    response = client.get(reverse("dashboards:national"))
    jatim = table_rows(response.content.decode(), "ranking")["35"]
    assert jatim[2] == "4.100.000"
    assert jatim[3] == "–"
    assert response.context["map_values"]["35"]["coverage"] is None
    assert response.context["map_values"]["61"]["coverage"] == pytest.approx(34.55)


def test_provinces_without_figures_rank_last_as_no_data(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    html = client.get(reverse("dashboards:national")).content.decode()
    codes = list(table_rows(html, "ranking"))
    assert codes[0] == "61"
    aceh = table_rows(html, "ranking")["11"]
    assert aceh[0] == "" and aceh[2] == "belum melapor"
    assert aceh[4] == aceh[5] == ""  # no change against months it did report


def test_national_headline_and_categories_match_the_table(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    html = client.get(reverse("dashboards:national")).content.decode()
    assert text_of(html, "total-participants") == "35.684.564"
    assert text_of(html, "total-coverage") == "26,38%"


def test_month_selector_shows_the_chosen_month(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    response = client.get(reverse("dashboards:national"), {"bulan": "2022-11"})
    assert response.context["period"] == dt.date(2022, 11, 1)
    assert table_rows(response.content.decode(), "ranking")["61"][2] == "620.000"


def test_unknown_month_falls_back_to_the_latest(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    response = client.get(reverse("dashboards:national"), {"bulan": "1999-01"})
    assert response.context["period"] == DEC_2022


def test_empty_table_says_so(client, viewer):
    client.force_login(viewer)
    html = client.get(reverse("dashboards:national")).content.decode()
    assert 'data-testid="no-figures"' in html


def test_kalbar_officer_ranks_only_own_province(client, kalbar_officer, kalbar_dec_2022):
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:national"))
    assert list(table_rows(response.content.decode(), "ranking")) == ["61"]
    assert response.context["nation"] is None


def test_province_page_shows_headline_categories_and_regencies(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    html = client.get(reverse("dashboards:province", args=["61"])).content.decode()
    assert text_of(html, "total-participants") == "632.494"
    assert "1.830.662" in text_of(html, "total-denominator")
    categories = table_rows(html, "categories")
    assert categories["PU"][1] == "385.004"
    assert categories["JAKON"][1] == "149.949"
    regencies = table_rows(html, "regencies")
    assert len(regencies) == 14
    assert regencies["61.71"][2] == "210.000"
    assert regencies["61.71"][3] == "–"  # no regency workforce total


def test_province_page_projects_the_target(client, viewer, kalbar_dec_2022):
    client.force_login(viewer)
    response = client.get(reverse("dashboards:province", args=["61"]))
    projection = response.context["projection"]
    assert projection.gap == 67_506
    assert projection.monthly_trend == pytest.approx(4374.5, abs=0.1)  # (632.494 − 580.000) / 12
    assert projection.reached_in == dt.date(2024, 4, 1)


def test_regency_page_names_its_branch_office(client, viewer, kalbar_dec_2022):
    office = Office.objects.create(code="cabang-pontianak", name="Kantor Cabang Pontianak",
                                   kind=Office.Kind.BRANCH)  # fmt: skip
    OfficeRegency.objects.create(office=office, region=Region.objects.get(code="61.71"))
    client.force_login(viewer)
    html = client.get(reverse("dashboards:regency", args=["61.71"])).content.decode()
    assert "Kantor Cabang Pontianak" in text_of(html, "branch")
    assert text_of(html, "total-participants") == "210.000"


@pytest.mark.parametrize(
    "url",
    [
        reverse("dashboards:province", args=["35"]),
        reverse("dashboards:regency", args=["35.74"]),
        reverse("dashboards:boundaries", args=["35"]),
        reverse("dashboards:report", args=["35"]),
        reverse("dashboards:report-pdf", args=["35"]),
        reverse("dashboards:completeness-province", args=["35"]),
    ],
)
def test_kalbar_officer_is_refused_jawa_timur_pages(client, kalbar_officer, kalbar_dec_2022, url):
    client.force_login(kalbar_officer)
    assert client.get(url).status_code == 404


def test_jatim_officer_is_refused_kalbar_pages(client, jatim_officer, kalbar_dec_2022):
    client.force_login(jatim_officer)
    assert client.get(reverse("dashboards:province", args=["61"])).status_code == 404
    html = client.get(reverse("dashboards:national")).content.decode()
    assert "632.494" not in html


def test_province_map_serves_current_regency_boundaries(client, viewer):
    client.force_login(viewer)
    response = client.get(reverse("dashboards:boundaries", args=["61"]))
    assert response["Content-Type"] == "application/geo+json"
    codes = {f["properties"]["code"] for f in json.loads(response.content)["features"]}
    assert codes == set(
        Region.objects.filter(parent__code="61").current().values_list("code", flat=True)
    )


def test_national_map_for_an_officer_holds_only_their_province(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:boundaries", args=["ID"]))
    features = json.loads(response.content)["features"]
    assert [f["properties"]["code"] for f in features] == ["61"]


def test_national_map_for_a_national_viewer_holds_38_provinces(client, viewer):
    client.force_login(viewer)
    features = json.loads(client.get(reverse("dashboards:boundaries", args=["ID"])).content)
    assert len(features["features"]) == 38
