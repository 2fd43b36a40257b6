"""Unknown is never 0: every output says "–" with its reason where a figure is unknown.

December 2022, approved: Kalimantan Barat with a cell marked "no data" (PMI in Kota
Pontianak, the only PMI figure it would have had), a regency that never reports (61.02) and a
category created after the month (RENTAN under BPU, which no region could report); Jawa Timur
reports PMI, so PMI was collected that month; Aceh approved a report without any figure.
Pages, the coverage tables and their CSV/XLSX, the dashboards' downloads, the PDF's text, the
API and the public page each show the reason, never a 0, for these; the open data (a machine
format, the same in every language) gives it as a fixed code.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from participants.coverage import engine
from participants.models import Category, ParticipantCount
from regions.models import Region
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
DEC = dt.date(2022, 12, 1)
BULAN = "2022-12"
NOT_COLLECTED, NOT_YET, NOT_REPORTED = "tidak dikumpulkan", "kategori belum ada", "belum melapor"
PARTIAL = "sebagian"
UNKNOWN = "Tidak diketahui atau sebagian"


@pytest.fixture(autouse=True)
def _fresh_public_cache():
    """The public figures are cached per month: another test's month must not answer here."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def unknowns():
    for code in ("61", "35"):
        put_workforce(code, 2022, 2_000_000)
    report = put_counts(
        "61", DEC, {"61.71": {"PU": 385_004, "BPU": 98_541, "JAKON": 149_949}}, "approved"
    )
    ParticipantCount.objects.create(
        region=Region.objects.get(code="61.71"),
        category=Category.objects.get(code="PMI"),
        period=DEC,
        report=report,
        no_data=True,
        no_data_reason="Data PMI belum tersedia dari BP2MI",
    )
    put_counts("35", DEC, {"35.78": {"PU": 700_123, "PMI": 3_004}}, "approved")
    put_counts("11", DEC, {}, "approved")
    Category.objects.create(
        code="RENTAN",
        name_id="Pekerja rentan",
        name_en="Vulnerable workers",
        parent=Category.objects.get(code="BPU"),
        order=99,
    )
    engine.recompute_stale()


def _text(response) -> str:
    return " ".join(response.content.decode("utf-8-sig").split())


def _csv(response) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def _xlsx(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]


def _category(line: dict[str, str], code: str) -> str:
    """A category's cell in the /cakupan/ download, whose header is 'Peserta: <name> (<code>)'."""
    return next(v for k, v in line.items() if k.startswith("Peserta:") and k.endswith(f"({code})"))


def _no_zero_cell(html: str, marker: str) -> None:
    """No table cell that reads exactly 0 (an unknown shown as a count)."""
    assert not re.search(r"<td[^>]*>\s*0\s*(<br|</td>)", html), marker


def test_every_output_shows_unknown_as_a_dash_with_its_reason(client, viewer, unknowns):
    client.force_login(viewer)

    def get(name: str, *args: str, **params: str):
        response = client.get(reverse(name, args=args), params)
        assert response.status_code == 200, (name, args, params)
        return response

    # /cakupan/: the national table and Kalimantan Barat's regencies, HTML, CSV, XLSX.
    national = get("coverage:national", period=BULAN).content.decode()
    _no_zero_cell(national, "cakupan")
    row_61 = national[national.index('data-region="61"') :].split("</tr>")[0]
    assert NOT_COLLECTED in row_61 and NOT_YET in row_61
    row_11 = national[national.index('data-region="11"') :].split("</tr>")[0]
    assert NOT_REPORTED in row_11
    kalbar = get("coverage:province", "61", period=BULAN).content.decode()
    _no_zero_cell(kalbar, "cakupan/61")
    assert NOT_COLLECTED in kalbar and NOT_REPORTED in kalbar and PARTIAL in kalbar
    for fmt in ("csv", "xlsx"):
        rows = get("coverage:national", period=BULAN, format=fmt)
        table = _csv(rows) if fmt == "csv" else _table(_xlsx(rows))
        line = next(r for r in table if r["Kode wilayah"] == "61")
        assert _category(line, "PMI") == "" and _category(line, "RENTAN") == ""
        assert NOT_COLLECTED in line[UNKNOWN]
        assert NOT_YET in line[UNKNOWN]
        aceh = next(r for r in table if r["Kode wilayah"] == "11")
        assert aceh["Peserta, total"] == "" and _category(aceh, "PU") == ""

    # The province dashboard, its category and trend downloads, and the PDF.
    dashboard = get("dashboards:province", "61", bulan=BULAN).content.decode()
    _no_zero_cell(dashboard, "dasbor/61")
    categories = dashboard[dashboard.index('data-testid="categories"') :].split("</table>")[0]
    assert NOT_COLLECTED in categories and NOT_YET in categories
    for fmt in ("csv", "xlsx"):
        response = get("dashboards:export", "kategori", fmt, bulan=BULAN, wilayah="61")
        lines = _csv(response) if fmt == "csv" else _table(_xlsx(response))
        by_code = {next(iter(r.values())): list(r.values()) for r in lines}
        assert by_code["PMI"][3] == "" and NOT_COLLECTED in " ".join(by_code["PMI"])
        assert by_code["RENTAN"][3] == "" and NOT_YET in " ".join(by_code["RENTAN"])
    pdf = " ".join(
        page.extract_text() or ""
        for page in PdfReader(
            io.BytesIO(get("dashboards:report-pdf", "61", bulan=BULAN).content)
        ).pages
    )
    assert f"– ({NOT_COLLECTED})" in pdf and f"– ({NOT_YET})" in pdf
    aceh = get("dashboards:province", "11", bulan=BULAN).content.decode()
    _no_zero_cell(aceh, "dasbor/11")
    assert 'data-testid="not-reported"' in aceh

    # The API: null, never 0, and why.
    (item,) = get("api:coverage", region="61", period=BULAN).json()["results"]
    assert item["participants"]["PMI"] is None and item["participants"]["RENTAN"] is None
    assert item["unknown"]["PMI"] == NOT_COLLECTED and item["unknown"]["RENTAN"] == NOT_YET
    (item,) = get("api:coverage", region="11", period=BULAN).json()["results"]
    assert item["participants"]["total"] is None and item["unknown"]["total"] == NOT_REPORTED

    # The public page and open data (anyone).
    client.logout()
    public = _text(client.get("/publik/", {"bulan": BULAN}))
    _no_zero_cell(public, "publik")
    assert NOT_COLLECTED in public and NOT_REPORTED in public
    for rows in (
        _csv(client.get("/publik/data.csv", {"bulan": BULAN})),
        _csv(client.get("/publik/data-all.csv")),
        [
            {k: "" if v is None else str(v) for k, v in r.items()}
            for r in json.loads(client.get("/publik/data.json", {"bulan": BULAN}).content)["rows"]
        ],
    ):
        pmi = next(r for r in rows if r["region_code"] == "61" and r["category"] == "PMI")
        assert pmi["participants"] == "" and pmi["unknown_reason"] == "not_collected"
        aceh = next(r for r in rows if r["region_code"] == "11" and r["is_total"] == "True")
        assert aceh["participants"] == "" and aceh["unknown_reason"] == "not_reported"
    fields = client.get("/publik/datapackage.json").json()["resources"][0]["schema"]["fields"]
    assert "unknown_reason" in {f["name"] for f in fields}


def _table(rows: list[list[str]]) -> list[dict[str, str]]:
    """An XLSX sheet as dictionaries, from the row of headers down (a title may come first)."""
    start = next(i for i, r in enumerate(rows) if sum(1 for v in r if v) > 3)
    header = rows[start]
    return [dict(zip(header, r, strict=False)) for r in rows[start + 1 :]]
