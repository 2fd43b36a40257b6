"""The grid-shaped template: downloaded filled in and uploaded back, as officers use it."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from participants.models import ImportFailure, MonthlyReport, ParticipantCount
from participants.services import counts_write, report_submit
from participants.transfer.counts_import import counts_import
from tests.participants.conftest import full_month

TEMPLATE = reverse("participants:import-template")
PREVIEW = reverse("participants:import-preview")
APPLY = reverse("participants:import-apply")
MAY = dt.date(2024, 5, 1)


@pytest.fixture(autouse=True)
def _staging_in_tmp(settings, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = tmp_path


def _filled(client, values: dict[tuple[str, str], object], fmt: str = "xlsx") -> bytes:
    """Download the grid template for Kalbar, May 2024, and type `values` into it."""
    response = client.get(TEMPLATE, {"province": "61", "period": "2024-05", "format": fmt})
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    header = [c.value for c in sheet[4]]
    for row in sheet.iter_rows(min_row=5):
        for (code, category), value in values.items():
            if row[0].value == code:
                column = next(i for i, h in enumerate(header) if h and h.endswith(f"({category})"))
                row[column].value = value
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_grid_template_has_regency_rows_category_columns_and_a_whole_sheet_name(
    client, kalbar_officer
):
    client.force_login(kalbar_officer)
    response = client.get(TEMPLATE, {"province": "61", "period": "2024-05", "format": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    assert sheet.title == "Jumlah peserta 2024-05"
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:2] == ("Bulan", "2024-05")
    assert rows[3][:3] == ("Kode wilayah", "Kabupaten/kota", "Penerima Upah (PU)")
    assert [r[0] for r in rows[4:]][:2] == ["61.01", "61.02"]
    assert len(rows[4:]) == 14


def test_the_template_month_defaults_to_the_due_month(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.get(TEMPLATE, {"province": "61", "format": "csv"})
    first = response.content.decode().splitlines()[0]
    from participants.selectors import due_period

    assert first == f"Bulan;{due_period():%Y-%m}"


def test_a_filled_grid_imports_like_the_long_layout(client, kalbar_officer):
    client.force_login(kalbar_officer)
    data = _filled(
        client,
        {("61.71", "PU"): 1000, ("61.71", "BPU"): "2.500", ("61.01", "PMI"): "∅ belum ada data"},
    )
    report = counts_import(actor=kalbar_officer, data=data, filename="grid.xlsx")
    assert report.ok, report.errors
    stored = {
        (c.region.code, c.category.code): (c.active_participants, c.no_data_reason)
        for c in ParticipantCount.objects.filter(period=MAY)
    }
    assert stored == {
        ("61.71", "PU"): (1000, ""),
        ("61.71", "BPU"): (2500, ""),
        ("61.01", "PMI"): (None, "belum ada data"),
    }


def test_the_english_template_reads_back_like_the_indonesian_one(client, kalbar_officer):
    client.force_login(kalbar_officer)
    client.cookies["django_language"] = "en"
    data = _filled(client, {("61.71", "PU"): 1000, ("61.01", "PMI"): "∅ not collected"})
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(max_row=4, values_only=True))
    assert (sheet.title, rows[0][0], rows[3][0]) == (
        "Participant counts 2024-05",
        "Month",
        "Region code",
    )
    report = counts_import(actor=kalbar_officer, data=data, filename="grid.xlsx")
    assert report.ok, report.errors
    stored = {
        (c.region.code, c.category.code): (c.active_participants, c.no_data_reason)
        for c in ParticipantCount.objects.filter(period=MAY)
    }
    assert stored == {("61.71", "PU"): (1000, ""), ("61.01", "PMI"): (None, "not collected")}


def test_every_problem_names_its_line_regency_and_category(client, kalbar_officer, settings):
    client.force_login(kalbar_officer)
    data = _filled(client, {("61.71", "BPU"): "12,5"})
    report = counts_import(actor=kalbar_officer, data=data, filename="grid.xlsx", dry_run=True)
    problem = report.errors[0]
    assert problem.line == 17  # 4 heading rows, then 61.01 … 61.12 (5–16), 61.71
    assert problem.regency == "61.71 Kota Pontianak"
    assert problem.category.startswith("BPU – ")


def test_a_refused_upload_is_recorded_for_the_administrators(client, kalbar_officer):
    client.force_login(kalbar_officer)
    data = _filled(client, {("61.71", "BPU"): "banyak"})
    client.post(PREVIEW, {"file": SimpleUploadedFile("grid.xlsx", data)})
    failure = ImportFailure.objects.get()
    assert (failure.filename, failure.errors, failure.user) == ("grid.xlsx", 1, kalbar_officer)
    assert failure.first_error.startswith("17 · ")


def test_warnings_confirmed_at_import_are_not_asked_again_at_submission(client, kalbar_officer):
    april = full_month("61", dt.date(2024, 4, 1))
    counts_write(actor=None, cells=april, source="demo")
    values = {
        (c.region.code, c.category.code): c.active_participants
        for c in ParticipantCount.objects.filter(period=dt.date(2024, 4, 1))
    }
    values[("61.71", "BPU")] = 0  # a drop to zero: a warning
    client.force_login(kalbar_officer)
    preview = client.post(
        PREVIEW, {"file": SimpleUploadedFile("grid.xlsx", _filled(client, values))}
    )
    token = preview.context["confirm"].initial["token"]
    assert preview.context["report"].warnings
    client.post(APPLY, {"token": token, "acknowledge": "on"})
    report = MonthlyReport.objects.get(period=MAY)
    report_submit(actor=kalbar_officer, report=report)  # no acknowledge_warnings needed
    report.refresh_from_db()
    assert report.status == MonthlyReport.Status.SUBMITTED
