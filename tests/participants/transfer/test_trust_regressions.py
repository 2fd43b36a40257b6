"""Imports and exports within their bounds: one test a defect that once broke them."""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from participants.models import ParticipantCount, WorkforceTotal
from participants.transfer import staging
from participants.transfer.counts_import import counts_import
from participants.transfer.workforce_import import workforce_file_import
from regions import bounds
from tests import hostile
from tests.participants.transfer.helpers import csv_bytes, kalbar_month
from tests.participants.transfer.test_views import PREVIEW, token_of, upload

pytestmark = pytest.mark.django_db
EXPORT = reverse("participants:export")
WORKFORCE = "year,region_code,kind,value,source\n"


def test_a_csv_field_over_128_kb_is_a_message_with_its_line(english):
    data = csv_bytes([("2024-05", "61.71", "PU", "1", "x" * 140_000)], header=(
        "period", "region_code", "category", "active_participants", "no_data_reason"))  # fmt: skip
    hostile.tried()
    report = counts_import(actor=None, data=data, filename="big.csv", dry_run=True)
    assert [(p.line, "longer than" in p.message) for p in report.errors] == [(2, True)]


def test_a_file_of_more_rows_than_the_bound_stops_early_with_a_message(english):
    rows = ["2024-05,61.71,PU,1"] * (bounds.IMPORT_MAX_ROWS + 1)
    data = ("period,region_code,category,active_participants\n" + "\n".join(rows)).encode()
    hostile.tried()
    started = time.perf_counter()
    report = counts_import(actor=None, data=data, filename="huge.csv", dry_run=True)
    assert "more than 120.000 data rows" in report.errors[0].message
    assert time.perf_counter() - started < 30


def test_a_small_xlsx_that_unzips_to_a_huge_one_is_refused(english, tmp_path):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (bounds.XLSX_MAX_UNZIPPED_BYTES + 1))
    hostile.tried()
    report = counts_import(actor=None, data=buffer.getvalue(), filename="bomb.xlsx")
    assert "unpacks to more than" in report.errors[0].message


@pytest.mark.parametrize("query", [{"year": "10000"}, {"year": "99999999999999999999"}])
def test_an_absurd_export_year_is_a_400(client, national_admin, query):
    client.force_login(national_admin)
    hostile.tried()
    assert client.get(EXPORT, {**query, "format": "csv"}).status_code == 400


def test_a_line_break_in_an_export_parameter_never_reaches_a_header(client, national_admin):
    client.force_login(national_admin)
    hostile.tried()
    response = client.get(
        EXPORT, {"province": "61\r\nSet-Cookie: x=1", "period": "2023-12", "format": "csv"}
    )
    assert response.status_code == 400  # refused at the door (coverage_portal.middleware)
    assert "Set-Cookie" not in str(response.headers)


def test_the_preview_of_a_file_full_of_errors_is_paged(client, kalbar_officer):
    client.force_login(kalbar_officer)
    rows = [("2024-05", f"99.{n:02d}", "PU", "1") for n in range(250)]
    first = upload(client, csv_bytes(rows))
    assert first.content.count(b'<tr class="error">') == 100
    token = first.context["report"].token
    third = client.get(reverse("participants:import-preview-page", args=[token]), {"halaman": "3"})
    assert third.content.count(b'<tr class="error">') == 50


def test_previews_are_deleted_on_apply_and_on_cancel(client, kalbar_officer):
    client.force_login(kalbar_officer)
    folder = staging._folder(kalbar_officer.pk)
    applied = token_of(upload(client, csv_bytes(kalbar_month())))
    client.post(reverse("participants:import-apply"), {"token": applied, "acknowledge": "on"})
    cancelled = token_of(upload(client, csv_bytes(kalbar_month("2024-04"))))
    client.post(reverse("participants:import-cancel"), {"token": cancelled})
    assert ParticipantCount.objects.filter(period__month=5).exists()
    assert not ParticipantCount.objects.filter(period__month=4).exists()
    assert list(Path(folder).iterdir()) == []


def test_each_user_keeps_a_bounded_number_of_previews(client, kalbar_officer):
    client.force_login(kalbar_officer)
    for month in ("2024-01", "2024-02", "2024-03", "2024-04", "2024-05"):
        upload(client, csv_bytes(kalbar_month(month)))
    checks = list(Path(staging._folder(kalbar_officer.pk)).glob("*.json"))
    assert len(checks) == staging.PREVIEWS_PER_USER


def test_the_sweep_command_reports_what_it_deleted(capsys):
    call_command("sweep_import_previews")
    assert "Deleted 0 import preview(s)" in capsys.readouterr().out


def write(tmp_path: Path, text: str | bytes, name: str = "w.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode() if isinstance(text, str) else text)
    return path


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2023,61,EMPLOYED,1.5,BPS", "decimals"),
        ("2023,61,EMPLOYED,12\x0034,BPS", "NUL bytes"),
        ("2023,61,EMPLOYED,100000000000000000000,BPS", "too large"),
        ("2023,61,EMPLOYED,1000,BPS\x1b", "control characters"),
        ("2023,61,EMPLOYED,1000," + "B" * 501, "at most 500 characters"),
        ("0,61,EMPLOYED,1000,BPS", "2000 to 2100"),
        ("32767,61,EMPLOYED,1000,BPS", "2000 to 2100"),
    ],
)
def test_the_workforce_import_refuses_bad_values_with_a_message(tmp_path, english, line, expected):
    hostile.tried()
    report = workforce_file_import(path=write(tmp_path, WORKFORCE + line + "\n"))
    assert len(report.errors) == 1 and expected in report.errors[0][1], report.errors
    assert not WorkforceTotal.objects.exists()


def test_the_workforce_import_reads_indonesian_thousands(tmp_path):
    report = workforce_file_import(path=write(tmp_path, WORKFORCE + "2023,61,EMPLOYED,1.500,BPS\n"))
    assert report.applied and WorkforceTotal.objects.get().value == 1500


def test_a_workforce_xlsx_that_is_no_zip_is_a_message(tmp_path, english):
    hostile.tried()
    report = workforce_file_import(path=write(tmp_path, b"PK\x03\x04 not a zip", "w.xlsx"))
    assert "not a readable XLSX" in report.errors[0][1]


def test_preview_upload_uses_the_bounded_reader(client, kalbar_officer):
    client.force_login(kalbar_officer)
    response = client.post(PREVIEW, {})
    assert response.status_code == 400
