import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from participants.models import Category
from tests.coverage_portal.factories import category_row, total_row

pytestmark = pytest.mark.django_db
DEC_2022 = dt.date(2022, 12, 1)


@pytest.fixture
def figures():
    total_row("ID", DEC_2022, 35_684_564, denominator=135_296_713)
    total_row("61", DEC_2022, 632_494, denominator=1_830_662)
    total_row("35", DEC_2022, 4_100_000)
    total_row("61.71", DEC_2022, 210_000)
    category_row("61", DEC_2022, "PU", 385_004)


def download(client, table, fmt, **params):
    return client.get(reverse("dashboards:export", args=[table, fmt]), params)


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_ranking_csv_equals_the_coverage_table(client, viewer, figures):
    client.force_login(viewer)
    response = download(client, "peringkat", "csv", bulan="2022-12")
    assert response["Content-Disposition"] == 'attachment; filename="peringkat-2022-12.csv"'
    rows = {row[0]: row for row in csv_rows(response)[1:]}
    assert rows["61"][1:4] == ["Kalimantan Barat", "632494", "34.55"]
    assert rows["35"][2:4] == ["4100000", ""]  # unknown coverage stays empty, not 0
    assert rows["61"][-3:] == ["EMPLOYED", "1830662", "2022"]  # the denominator is named


def test_ranking_xlsx_keeps_numbers_as_numbers(client, viewer, figures):
    client.force_login(viewer)
    response = download(client, "peringkat", "xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["61"][2] == 632_494
    assert rows["61"][3] == pytest.approx(34.55)
    assert rows["35"][3] is None


def test_regency_and_category_tables_of_a_province(client, kalbar_officer, figures):
    client.force_login(kalbar_officer)
    regencies = {r[0]: r for r in csv_rows(download(client, "kabupaten", "csv", wilayah="61"))}
    assert regencies["61.71"][2] == "210000"
    assert len(regencies) == 15  # heading + 14 regencies
    categories = csv_rows(download(client, "kategori", "csv", wilayah="61"))
    assert categories[1][:4] == ["PU", "Penerima Upah", "", "385004"]


def test_trend_csv_has_24_months_with_gaps_empty(client, viewer, figures):
    client.force_login(viewer)
    rows = csv_rows(download(client, "tren", "csv", wilayah="61"))
    assert len(rows) == 25
    assert rows[-1][:2] == ["2022-12", "632494"]
    assert rows[1][:2] == ["2021-01", ""]


def test_names_that_look_like_formulas_are_neutralised(client, viewer, figures):
    Category.objects.filter(code="PU").update(name_id='=HYPERLINK("http://evil","x")')
    client.force_login(viewer)
    rows = csv_rows(download(client, "kategori", "csv", wilayah="61"))
    assert rows[1][1] == '\'=HYPERLINK("http://evil","x")'
    sheet = load_workbook(io.BytesIO(download(client, "kategori", "xlsx", wilayah="61").content))
    cell = sheet.active["B2"]
    assert cell.data_type == "s"
    assert cell.value.startswith("'=")


@pytest.mark.parametrize(
    ("table", "params"),
    [("kabupaten", {"wilayah": "35"}), ("kategori", {"wilayah": "35.74"}),
     ("tren", {"wilayah": "35"}), ("kelengkapan", {"wilayah": "35"}), ("skor", {"wilayah": "35"}),
     ("tren", {"wilayah": "ID"})],
)  # fmt: skip
def test_kalbar_officer_cannot_download_other_regions(
    client, kalbar_officer, figures, table, params
):
    client.force_login(kalbar_officer)
    assert download(client, table, "csv", **params).status_code == 404


def test_national_ranking_download_is_narrowed_to_the_officers_province(
    client, jatim_officer, figures
):
    client.force_login(jatim_officer)
    rows = csv_rows(download(client, "peringkat", "csv"))
    assert [r[0] for r in rows[1:]] == ["35"]


def test_unknown_table_or_format_is_not_found(client, viewer, figures):
    client.force_login(viewer)
    assert download(client, "rahasia", "csv").status_code == 404
    assert download(client, "peringkat", "pdf").status_code == 404
