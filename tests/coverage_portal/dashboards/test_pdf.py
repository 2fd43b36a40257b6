"""The province report and its PDF: every figure is the coverage table's, named, 24 months."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from participants.coverage import engine
from participants.models import CoverageRow
from participants.selectors import add_months
from regions.values.formatting import format_number, format_percent
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
LAST = dt.date(2022, 12, 1)
MONTHS = [add_months(LAST, -i) for i in range(23, -1, -1)]
RAW = ("None", "EMPLOYED", "WAGE_WORKERS", "NON_ASN_HEADCOUNT", "JAKON", "NON_ASN")


@pytest.fixture
def two_years_of_kalbar():
    for i, month in enumerate(MONTHS):
        values = {"61.71": {"PU": 200_000 + 1_000 * i, "BPU": 50_000 + 37 * i, "NON_ASN": 9_000},
                  "61.12": {"PU": 40_000 + 11 * i, "JAKON": 7_000}}  # fmt: skip
        put_counts("61", month, values, status="approved")
    put_workforce("61", 2021, 1_800_000)
    put_workforce("61", 2022, 1_830_662)  # a new denominator from January 2022
    engine.recompute_stale()


def pdf_text(content: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def totals() -> list[CoverageRow]:
    rows = CoverageRow.objects.filter(region__code="61", category=None, period__in=MONTHS)
    return list(rows.order_by("period"))


def test_the_pdf_shows_the_coverage_tables_figures_for_all_24_months(
    client, kalbar_officer, two_years_of_kalbar
):
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:report-pdf", args=["61"]), {"bulan": "2022-12"})
    text = pdf_text(response.content)
    flat = " ".join(text.split())

    rows = totals()
    assert len(rows) == 24
    for row in rows:
        assert format_number(row.participants) in flat, row.period
    assert f"Peserta aktif: {format_number(rows[-1].participants)}" in flat
    assert f"Cakupan: {format_percent(rows[-1].coverage_percent)}" in flat
    assert (
        len(re.findall(r"\b(Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) 202[12]\b", flat))
        >= 24
    )
    assert "penyebut baru" in flat  # January 2022: the step is the denominator's
    assert "–" in text  # a Unicode font: the dash survives
    assert not [word for word in RAW if re.search(rf"\b{word}\b", flat)]
    assert "Penerima Upah" in flat and "Buruh/karyawan" in flat


def test_the_printable_report_names_denominators_without_none_or_codes(
    client, kalbar_officer, two_years_of_kalbar
):
    client.force_login(kalbar_officer)
    response = client.get(reverse("dashboards:report", args=["61"]), {"bulan": "2022-12"})
    html = response.content.decode()
    denominators = html.split('data-testid="denominators"')[1].split("</ul>")[0]
    trend = html.split('data-testid="trend"')[1].split("</table>")[0]
    visible = re.sub(r"<[^>]+>", " ", html.split('data-testid="report"')[1])

    assert "None" not in denominators and "belum ada angka untuk tahun ini" in denominators
    assert "1.830.662" in denominators
    assert trend.count("<tr data-code=") == 24
    assert not [word for word in RAW if re.search(rf"\b{word}\b", visible)]
