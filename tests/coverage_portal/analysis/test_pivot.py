import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from coverage_portal.analysis.pivot.page import pivot_for
from tests.coverage_portal.dashboards.helpers import table_rows

pytestmark = pytest.mark.django_db


def report(region, period, category=None):
    out = io.StringIO()
    args = ["--region", region, "--period", period] + (["--category", category] if category else [])
    call_command("coverage_report", *args, stdout=out)
    return json.loads(out.getvalue())


def test_totals_equal_coverage_report(viewer, table):
    pivot = pivot_for(viewer, {"baris": "wilayah", "kolom": "kategori", "dari": "2022-12",
                               "sampai": "2022-12"})  # fmt: skip
    national = report("ID", "2022-12")
    assert pivot.grand_total.value == national["participants"]["total"]
    by_code = {k.label.rsplit("(", 1)[1].rstrip(")"): k.key for k in pivot.columns}
    for code in ("PU", "BPU"):
        assert pivot.column_totals is not None
        assert pivot.column_totals[by_code[code]].value == national["participants"][code]
    kalbar = next(r for r in pivot.rows if r.label.endswith("(61)"))
    assert pivot.row_totals is not None
    assert pivot.row_totals[kalbar.key].value == report("61", "2022-12")["participants"]["total"]
    assert pivot.value(kalbar, pivot.columns[0]) is not None


def test_unknown_is_a_dash_and_a_total_over_it_says_partial(client, viewer, table):
    client.force_login(viewer)
    response = client.get(reverse("analysis:pivot"), {"baris": "wilayah", "kolom": "bulan",
                          "dari": "2022-11", "sampai": "2022-12"})  # fmt: skip
    assert response.status_code == 200
    body = response.content.decode()
    assert table_rows(body, "pivot")["total"][-1].startswith("900.000")
    jatim_row = next(r for r in response.context["lines"] if r["member"].label.endswith("(35)"))
    assert jatim_row["cells"] == ["100.000", "–"]
    assert 'data-testid="pivot-partial"' in body


def test_coverage_measure_in_indonesian_percent(client, viewer, table):
    client.force_login(viewer)
    response = client.get(reverse("analysis:pivot"), {"ukuran": "cakupan", "kolom": "bulan",
                          "sampai": "2022-12", "dari": "2022-12"})  # fmt: skip
    kalbar = next(r for r in response.context["lines"] if r["member"].label.endswith("(61)"))
    assert kalbar["cells"] == ["34,55%"]


def test_downloads_csv_and_xlsx(client, viewer, table):
    client.force_login(viewer)
    query = {"baris": "wilayah", "kolom": "kategori", "sampai": "2022-12", "dari": "2022-12"}
    csv = client.get(reverse("analysis:pivot-csv"), query)
    assert csv.status_code == 200 and "632494" in csv.content.decode("utf-8-sig")
    xlsx = client.get(reverse("analysis:pivot-xlsx"), query)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert 632494 in values and 900000 in values


def test_a_provincial_user_sees_only_their_province(client, kalbar_officer, table):
    client.force_login(kalbar_officer)
    response = client.get(reverse("analysis:pivot"))
    assert response.context["pivot"].choice.parent.code == "61"
    refused = client.get(reverse("analysis:pivot"), {"wilayah": "ID"})
    assert refused.status_code == 400
    assert "900.000" not in refused.content.decode()


BAD = [
    {"baris": "nope"},
    {"kolom": "wilayah"},
    {"ukuran": "x" * 5000},
    {"dari": "2022-13"},
    {"sampai": "٢٠٢٢-١٢"},
    {"tahun": "0"},
    {"kategori": "'; DROP TABLE"},
    {"wilayah": "99"},
    {"dari": "2019-01", "sampai": "2022-12"},
    {"baris": "bulan", "kolom": "tahun"},
    {"baris": "tingkat", "kolom": "wilayah"},
]


def test_bad_parameters_answer_400_with_a_message(client, viewer, table):
    client.force_login(viewer)
    for name, params in [(n, p) for n in ("analysis:pivot", "analysis:pivot-csv") for p in BAD]:
        response = client.get(reverse(name), params)
        assert response.status_code == 400, (name, params)
        assert response.content.strip()  # a message, from the pivot or the plain-input door


QUERY_BOUND = (
    12  # the session, user and scope; the months; the region; the cells; the page's badges
)
SHAPES = {
    "provinces × categories": {"baris": "wilayah", "kolom": "kategori", "sampai": "2022-12"},
    "provinces × months": {"baris": "wilayah", "kolom": "bulan", "dari": "2022-11"},
    "every region nested × measures": {
        "baris": "tingkat",
        "kolom": "ukuran",
        "tingkat": "kabupaten",
    },
}


def test_the_page_reads_a_fixed_number_of_queries_whatever_its_size(client, viewer, table):
    client.force_login(viewer)
    counts = {}
    for name, params in SHAPES.items():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("analysis:pivot"), params)
        assert response.status_code == 200, name
        counts[name] = len(queries.captured_queries)
    assert len(response.context["lines"]) > 500  # nation, 38 provinces, every regency
    nested = counts.pop("every region nested × measures")
    assert len(set(counts.values())) == 1, counts  # no query per row, column or cell
    assert nested == counts["provinces × months"] + 1  # the regencies, in one more query
    assert nested <= QUERY_BOUND + 1, counts
