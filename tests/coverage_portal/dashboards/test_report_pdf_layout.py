"""The PDF reads well: its trend starts at the first reported month and has axes, no heading
ends a page alone, a missing denominator is said once in plain words, and the published
Kalimantan Barat figures are explained beside the demo's."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from participants.coverage import engine
from participants.demo import counts as demo_counts
from participants.demo import coverage as demo_coverage
from participants.selectors import add_months
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
FIRST, LAST = dt.date(2022, 6, 1), dt.date(2022, 12, 1)


@pytest.fixture
def half_a_year():
    """Kalimantan Barat reports from June 2022; only the province has a workforce figure."""
    month, i = FIRST, 0
    while month <= LAST:
        values = {"61.71": {"PU": 200_000 + 1_000 * i, "BPU": 50_000}, "61.12": {"PU": 40_000}}
        put_counts("61", month, values, status="approved")
        month, i = add_months(month, 1), i + 1
    put_workforce("61", 2022, 1_830_662)
    engine.recompute_stale()


def pages(client, user, period: str = "2022-12") -> list[str]:
    client.force_login(user)
    response = client.get(reverse("dashboards:report-pdf", args=["61"]), {"bulan": period})
    assert response.status_code == 200
    return [
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(response.content)).pages
    ]


def test_the_trend_starts_at_the_first_reported_month_and_has_axes(
    client, kalbar_officer, half_a_year
):
    text = " ".join(pages(client, kalbar_officer))

    assert "Tren, Jun 2022 – Des 2022" in text
    trend = text[text.index("Tren, Jun 2022") : text.index("Kabupaten dan kota")]
    assert "belum melapor" not in trend and "Mei 2022" not in trend
    assert "Cakupan (%) per bulan" in text
    assert "Agu 2022" in text and "Okt 2022" in text  # months along the x axis


def test_a_missing_regency_denominator_is_said_once_in_plain_words(
    client, kalbar_officer, half_a_year
):
    text = " ".join(pages(client, kalbar_officer))

    assert text.count("belum ada angka untuk tahun ini") <= 1
    assert "Belum ada kabupaten/kota yang memiliki angka angkatan kerja" in text


def test_no_heading_ends_a_page_alone(client, kalbar_officer, half_a_year):
    for page in pages(client, kalbar_officer):
        for heading, first_cell in (
            ("Peserta per kategori", "Kategori"),
            ("Kabupaten dan kota", "Kabupaten/kota"),
            ("Rapor Inpres 2/2021", "Pilar"),
        ):
            if heading in page:
                assert first_cell in page[page.index(heading) :], heading


def test_the_published_kalbar_figures_are_explained_on_the_dashboard_and_in_the_pdf(
    client, kalbar_officer, viewer
):
    demo_counts.seed(first=LAST, last=dt.date(2023, 1, 1))
    demo_coverage.seed()
    engine.recompute_stale()

    text = " ".join(pages(client, kalbar_officer))
    client.force_login(kalbar_officer)
    page = client.get("/dasbor/provinsi/61/", {"bulan": "2022-12"}).content.decode()

    for body in (text, page):
        for figure in ("632.494", "34,55%", "636.498", "34,77%", "633.494", "3.004"):
            assert figure in body, figure
    assert 'data-testid="published-note"' in page
    client.force_login(viewer)
    east = client.get("/dasbor/provinsi/35/", {"bulan": "2023-01"}).content.decode()
    assert 'data-testid="target-source"' in east and "target sintetis" in east
