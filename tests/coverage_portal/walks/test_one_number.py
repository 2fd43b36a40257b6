"""One number everywhere: a region's figure for a month is the same on every page and file.

For a sample of regions, months and categories — a complete month, the month before it and
a partial one in which one province has submitted, one is still in draft and the rest have
not reported — the dashboards, the coverage tables (/cakupan/), their CSV and XLSX
downloads, the dashboard downloads, the PDF's text, `coverage_report` and the API's
coverage endpoint all show the coverage table's figure, or all say the region has not
reported.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from participants.coverage import engine
from participants.models import CoverageRow, MonthlyReport
from participants.selectors import month_end
from regions.models import Region
from regions.values.formatting import format_number, format_percent
from tests.coverage_portal.dashboards.helpers import table_rows, text_of
from tests.participants.coverage.factories import put_counts, put_workforce

pytestmark = pytest.mark.django_db
OCT, NOV, DEC = dt.date(2022, 10, 1), dt.date(2022, 11, 1), dt.date(2022, 12, 1)
PERIODS = (OCT, NOV, DEC)
PROVINCES = ("61", "35", "11")  # submitted, draft, not reported in December
SAMPLED = {"61": ["61.71", "61.12", "61.01"], "35": ["35.78", "35.01", "35.02"]}
REGENCIES = ("61.71", "61.12", "35.78", "61.02")  # 61.02 never reports
CATEGORIES = ("PU", "BPU", "NON_ASN")
NOT_REPORTED = "belum melapor"


def _values(period: dt.date, regencies: list[str], step: int) -> dict[str, dict[str, int]]:
    grow = period.month * step
    return {
        code: {
            "PU": 100_000 + 7_919 * i + grow,
            "BPU": 30_000 + 613 * i + grow // 3,
            "NON_ASN": 8_000 + 101 * i,
            "JAKON": 5_000 + i,
        }
        for i, code in enumerate(regencies)
    }


@pytest.fixture
def three_months():
    """October and November: every province's report approved (the sampled ones with
    figures); December: Kalimantan Barat submitted, Jawa Timur in draft, Aceh nothing."""
    others = [p for p in Region.objects.provinces() if p.is_valid_on(OCT) and
              p.is_valid_on(month_end(DEC)) and p.code not in PROVINCES]  # fmt: skip
    MonthlyReport.objects.bulk_create(
        MonthlyReport(province=p, period=period, status="approved")
        for p in others
        for period in (OCT, NOV)
    )
    for code in PROVINCES:
        codes = SAMPLED.get(code, [f"{code}.01"])
        for period in (OCT, NOV):
            put_counts(code, period, _values(period, codes, 911), status="approved")
    put_counts("61", DEC, _values(DEC, SAMPLED["61"], 911), status="submitted")
    put_counts("35", DEC, _values(DEC, SAMPLED["35"], 577), status="draft")
    put_workforce("61", 2022, 1_830_662)
    put_workforce("35", 2022, 21_500_000)
    put_workforce("ID", 2022, 135_296_713)
    engine.recompute_stale()


def row(code: str, period: dt.date, category: str | None = None) -> CoverageRow:
    return (
        CoverageRow.objects.get(region__code=code, period=period, category__code=category)
        if category
        else CoverageRow.objects.get(region__code=code, period=period, category=None)
    )


def shown(value: CoverageRow) -> tuple[str, str]:
    """What a person should read: participants and coverage, or "not reported"."""
    if value.regencies_reported == 0:
        return NOT_REPORTED, "–"
    return format_number(value.participants), format_percent(value.coverage_percent)


def in_file(value: CoverageRow) -> tuple[int | None, float | None]:
    """What a download should hold: numbers, or nothing at all for a region not reported."""
    if value.regencies_reported == 0:
        return None, None
    percent = value.coverage_percent
    return value.participants, None if percent is None else round(float(percent), 2)


def number(text: str) -> int | None:
    return int(text) if text else None


def percent(text: str | float | None) -> float | None:
    return None if text in ("", None) else round(float(text), 2)  # type: ignore[arg-type]


def csv_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def xlsx_of(response) -> list[list]:
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(r) for r in sheet.iter_rows(values_only=True)]


@pytest.fixture
def seen(client, viewer, three_months):
    client.force_login(viewer)

    def get(name: str, *args: str, **params: str):
        response = client.get(reverse(name, args=args), params)
        assert response.status_code == 200, (name, args, params)
        return response

    return get


def test_the_national_pages_and_files_agree_with_the_coverage_table(seen):
    for period in PERIODS:
        _national(seen, period)


def _national(seen, period: dt.date) -> None:
    bulan = f"{period:%Y-%m}"
    ranking = table_rows(seen("dashboards:national", bulan=bulan).content.decode(), "ranking")
    national = seen("coverage:national", period=bulan)
    categories = national.context["table"].categories
    cakupan = table_rows(national.content.decode(), "coverage-table", key="data-region")
    csv_rows = {r[1]: r for r in csv_of(seen("coverage:national", period=bulan, format="csv"))}
    xlsx_rows = {r[1]: r for r in xlsx_of(seen("coverage:national", period=bulan, format="xlsx"))}
    header = csv_rows["Kode wilayah"]
    ranking_csv = {
        r[0]: r for r in csv_of(seen("dashboards:export", "peringkat", "csv", bulan=bulan))
    }
    ranking_xlsx = {
        r[0]: r for r in xlsx_of(seen("dashboards:export", "peringkat", "xlsx", bulan=bulan))
    }

    for code in PROVINCES:
        figure = row(code, period)
        people, coverage = shown(figure)
        assert ranking[code][2:4] == [people, coverage], (code, period)
        total = 1 + len(categories)
        assert cakupan[code][total : total + 2] == [people, coverage], (code, period)
        expected = in_file(figure)
        for line in (csv_rows[code], xlsx_rows[code]):
            got = dict(zip(header, line, strict=True))
            assert (
                number(str(got["Peserta, total"] or "")),
                percent(got["Cakupan (%)"]),
            ) == expected
        assert (number(ranking_csv[code][2]), percent(ranking_csv[code][3])) == expected
        assert (ranking_xlsx[code][2], percent(ranking_xlsx[code][3])) == expected


def test_each_provinces_pages_files_pdf_and_report_agree(seen):
    for period in PERIODS:
        for code in PROVINCES:
            _province(seen, period, code)


def _province(seen, period: dt.date, code: str) -> None:
    bulan = f"{period:%Y-%m}"
    figure = row(code, period)
    people, coverage = shown(figure)
    page = seen("dashboards:province", code, bulan=bulan).content.decode()
    report = json.loads(_coverage_report(code, bulan))
    assert _api(seen, code, bulan) == _without_names(report)
    pdf = _pdf_text(seen("dashboards:report-pdf", code, bulan=bulan).content)
    trend = {
        r[0]: r for r in csv_of(seen("dashboards:export", "tren", "csv", bulan=bulan, wilayah=code))
    }

    if people == NOT_REPORTED:
        assert 'data-testid="not-reported"' in page
        assert report["participants"]["total"] is None and report["completeness"] == "not_reported"
        assert "Belum melapor untuk bulan ini" in pdf
        assert trend[bulan][1:3] == ["", ""]
        return
    assert text_of(page, "total-participants") == people
    assert report["participants"]["total"] == figure.participants
    assert f"Peserta aktif: {people}" in pdf and f"Cakupan: {coverage}" in pdf
    assert (number(trend[bulan][1]), percent(trend[bulan][2])) == in_file(figure)
    categories = table_rows(page, "categories")
    kategori = {
        r[0]: r
        for r in csv_of(seen("dashboards:export", "kategori", "csv", bulan=bulan, wilayah=code))
    }
    for category in CATEGORIES:
        cell = row(code, period, category)
        # The figure first; a sum that leaves regencies out says so beneath it.
        figure_text = re.match(r"[0-9.]+|–", categories[category][1])
        assert figure_text and figure_text.group() == format_number(cell.participants)
        assert report["participants"][category] == cell.participants
        assert number(kategori[category][3]) == cell.participants
        assert format_number(cell.participants) in pdf
    assert report["completeness"] == ("partial" if (code, period) == ("35", DEC) else "complete")


def test_regency_figures_agree_on_every_page(seen):
    for period in PERIODS:
        _regencies(seen, period)


def _regencies(seen, period: dt.date) -> None:
    bulan = f"{period:%Y-%m}"
    for code in REGENCIES:
        figure = row(code, period)
        people, _coverage = shown(figure)
        province = code.split(".")[0]
        regencies = table_rows(
            seen("dashboards:province", province, bulan=bulan).content.decode(), "regencies"
        )
        table = table_rows(
            seen("coverage:province", province, period=bulan).content.decode(),
            "coverage-table",
            key="data-region",
        )
        page = seen("dashboards:regency", code, bulan=bulan).content.decode()
        report = json.loads(_coverage_report(code, bulan))
        pdf = _pdf_text(seen("dashboards:report-pdf", province, bulan=bulan).content)

        assert _api(seen, code, bulan) == _without_names(report)
        assert regencies[code][2] == people
        assert people in table[code]
        assert report["participants"]["total"] == in_file(figure)[0]
        if people == NOT_REPORTED:
            assert 'data-testid="not-reported"' in page
            assert f"{figure.region.name} {NOT_REPORTED}" in pdf
        else:
            assert text_of(page, "total-participants") == people
            assert f"{figure.region.name} {people}" in pdf


def test_a_partial_month_is_the_same_partial_month_everywhere(seen):
    page = seen("dashboards:national", bulan="2022-12")
    report = json.loads(_coverage_report("ID", "2022-12"))
    table = seen("coverage:national", period="2022-12").context["table"]

    assert page.context["completeness"].label == table.completeness.label
    assert (report["reports_submitted"], report["reports_expected"]) == (1, 37)
    assert _api(seen, "ID", "2022-12") == _without_names(report)
    assert report["participants"]["total"] == row("ID", DEC).participants
    kalbar, jatim = row("61", DEC).participants, row("35", DEC).participants
    assert kalbar is not None and jatim is not None
    assert report["participants"]["total"] == kalbar + jatim


def _api(seen, code: str, period: str) -> dict:
    (item,) = seen("api:coverage", region=code, period=period).json()["results"]
    del item["level"]
    return _without_names(item)


def _without_names(figures: dict) -> dict:
    return {k: v for k, v in figures.items() if k != "region_name"}


def _coverage_report(code: str, period: str) -> str:
    out = io.StringIO()
    call_command("coverage_report", "--region", code, "--period", period, stdout=out)
    return out.getvalue()


def _pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return " ".join(text.split())
