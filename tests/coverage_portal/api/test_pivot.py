import datetime as dt

import pytest
from rest_framework.test import APIClient

from tests.coverage_portal.factories import category_row, total_row

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)


@pytest.fixture
def table():
    total_row("ID", DEC, 900_000, denominator=3_000_000)
    total_row("61", DEC, 632_494, denominator=1_830_662)
    category_row("ID", DEC, "PU", 500_000)
    category_row("61", DEC, "PU", 385_004)
    total_row("35", DEC, 0, regencies_reported=0)


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_the_api_pivot_has_the_pages_cells_and_totals(viewer, table):
    body = api(viewer).get("/api/v1/pivot/", {"sampai": "2022-12", "dari": "2022-12"}).json()
    labels = [r["label"] for r in body["rows"]]
    kalbar = body["cells"][labels.index("Kalimantan Barat (61)")]
    pu = [k["label"] for k in body["columns"]].index("Penerima Upah (PU)")
    assert kalbar[pu] == 385004
    assert body["grand_total"] == {"value": 900000, "partial": True}  # Jawa Timur unknown
    assert body["cells"][labels.index("Jawa Timur (35)")][pu] is None


def test_bad_parameters_are_400_in_the_api_shape(viewer, table):
    response = api(viewer).get("/api/v1/pivot/", {"baris": "<script>"})
    assert response.status_code == 400
    assert "baris" in response.json()["errors"] and response.json()["detail"]


def test_the_api_pivot_takes_region_levels(viewer, table):
    response = api(viewer).get("/api/v1/pivot/", {"baris": "tingkat", "sampai": "2022-12"})
    body = response.json()
    assert body["rows"][0]["label"] == "Indonesia (ID)" and body["column_totals"] is None
    assert body["row_totals"][0]["value"] == 900_000


def test_a_provincial_user_gets_their_province_only(kalbar_officer, table):
    response = api(kalbar_officer).get("/api/v1/pivot/", {"sampai": "2022-12"})
    assert response.json()["choice"]["wilayah"] == "61"
    assert "900000" not in response.content.decode()
    assert api(kalbar_officer).get("/api/v1/pivot/", {"wilayah": "ID"}).status_code == 400
