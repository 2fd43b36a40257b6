"""The public page opens on a published month, draws its trend with axes, speaks one
language; the open data is a valid Frictionless package with safe sums and a DCAT record."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache

from participants.services import recompute_stale
from regions.models import Region
from tests.coverage_portal.public.test_page import DEC, JAN, text
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
NOV = DEC.replace(month=11)


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def published():
    """November: every province's report approved. December: Jawa Timur still a draft."""
    for province in Region.objects.provinces().valid_on(NOV).exclude(code__in=["61", "35"]):
        put_counts(province.code, NOV, {}, "approved")
    for period, east in ((NOV, "approved"), (DEC, "draft")):
        put_counts(
            "61", period, {"61.71": {"PU": 380_000, "NON_ASN": 40_000, "BPU": 98_000}}, "approved"
        )
        put_counts("35", period, {"35.78": {"PU": 700_000}}, status=east)
    put_counts("61", JAN, {"61.71": {"PU": 391_555}}, status="draft")
    put_workforce("61", 2022, 1_830_662)
    recompute_stale()


def test_the_page_opens_on_the_newest_fully_published_month(client, published):
    body = text(client.get("/publik/"))

    assert '<option value="2022-11" selected>' in body
    assert 'data-testid="national-pending"' not in body and "1.178.000" in body
    assert "Desember 2022 · sebagian terbit" in body
    assert 'data-testid="national-pending"' in text(client.get("/publik/?bulan=2022-12"))


def test_the_trend_has_axes_months_values_and_a_table_from_the_first_published_month(
    client, published
):
    body = text(client.get("/publik/"))
    chart = body[body.index('data-testid="public-trend-chart"') :]
    chart = chart[: chart.index("</svg>")]

    assert "1.000.000" in chart and ">0<" in chart  # y axis from 0 with round ticks
    assert "Nov 22" in chart and "1.178.000" in chart  # month on the x axis, value shown
    assert chart.count("<rect") == 1  # starts at the first published month: no empty months
    table = body[body.index('data-testid="public-trend-table"') :]
    assert "November 2022" in table[: table.index("</table>")]


def test_the_page_is_wholly_in_its_language(client, published):
    indonesian = text(client.get("/publik/"))
    client.cookies["django_language"] = "en"
    english = text(client.get("/publik/"))

    assert "pemerintah daerah" in indonesian and "regional governments" not in indonesian
    assert "regional governments" in english and "pemerintah daerah" not in english
    for phrase in ("National trend", "Active participants", "Every published month"):
        assert phrase not in indonesian and phrase in english


def rows_of(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text(response))))


def test_one_file_holds_every_published_month_and_sums_are_safe(client, published):
    rows = rows_of(client.get("/publik/data-all.csv"))

    assert {r["period"] for r in rows} == {"2022-11", "2022-12"}
    assert "700000" not in {r["participants"] for r in rows if r["period"] == "2022-12"}
    for period, code in {(r["period"], r["region_code"]) for r in rows}:
        mine = [r for r in rows if (r["period"], r["region_code"]) == (period, code)]
        total = next(r["participants"] for r in mine if r["is_total"] == "True")
        parts = [
            r["participants"] for r in mine if r["is_total"] == "False" and not r["parent_category"]
        ]
        # A region that approved a month without figures is unknown (empty), never 0.
        assert sum(int(p) for p in parts if p) == int(total or 0)
        assert total or not any(parts)
    non_asn = next(r for r in rows if r["category"] == "NON_ASN")
    assert non_asn["parent_category"] == "PU"


def test_why_a_figure_is_unknown_is_a_code_the_same_in_every_language(client, published):
    reasons = {}
    for language in ("id", "en"):
        cache.clear()
        client.cookies["django_language"] = language
        response = client.get("/publik/data-all.csv")
        reasons[language] = [r["unknown_reason"] for r in rows_of(response)]

    assert reasons["id"] == reasons["en"]
    assert set(reasons["id"]) - {""} <= {"not_reported", "not_collected", "category_not_yet"}
    assert "not_reported" in reasons["id"]


def test_the_data_package_validates_with_frictionless(client, published, tmp_path: Path):
    package = client.get("/publik/datapackage.json").json()
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    resource = package["resources"][0]
    (tmp_path / resource["path"]).write_bytes(client.get(f"/publik/{resource['path']}").content)

    command = [str(Path(sys.executable).parent / "frictionless"), "validate", "--json"]
    result = subprocess.run(
        [*command, str(tmp_path / "datapackage.json")], capture_output=True, text=True, check=False
    )

    report = json.loads(result.stdout)
    assert report["valid"], result.stdout[:2000]
    assert package["licenses"][0]["name"] == "CC-BY-4.0" and package["sources"]
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert fields["participants"]["unit"] == "persons" and fields["is_total"]["type"] == "boolean"


def test_the_catalogue_record_is_dcat(client, published):
    record = client.get("/publik/dcat.json").json()

    assert record["@type"] == "dcat:Dataset"
    assert record["dct:temporal"]["dcat:startDate"] == "2022-11"
    urls = {d["dcat:downloadURL"] for d in record["dcat:distribution"]}
    assert any(u.endswith("/publik/data-all.csv") for u in urls)
    assert record["dct:license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert record["satudata"]["jadwal_pemutakhiran"] == "bulanan"
