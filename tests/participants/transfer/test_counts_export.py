"""Exports carry the import's columns, round-trip without change, and cannot smuggle formulas."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command

from participants.entry.services import counts_write
from participants.models import ParticipantCount
from participants.transfer.counts_export import csv_lines, export_rows, xlsx_bytes
from participants.transfer.counts_import import counts_import
from regions.spreadsheets import neutralise
from tests.participants.conftest import cell, full_month
from tests.participants.transfer.helpers import (
    csv_rows,
    in_english,  # noqa: F401  (fixture)
    xlsx_rows,
)

MAY = dt.date(2024, 5, 1)
NASTY = ['=HYPERLINK("http://x")', "+62 811", "-1+1", "@SUM(A1)", "\tx", "\rx"]

pytestmark = pytest.mark.usefixtures("in_english")


@pytest.fixture
def kalbar_may(db) -> None:
    cells = full_month("61", MAY)
    cells[-1] = cell("61.72", "PMI", None, period=MAY, no_data_reason="=cmd|' /C calc'!A0")
    assert counts_write(actor=None, cells=cells, source="web").applied


def history_size() -> int:
    return ParticipantCount.history.count()


@pytest.mark.parametrize("text", NASTY)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["Kota Pontianak", "61.71", 632494, None, ""])
def test_ordinary_values_are_left_alone(value):
    assert neutralise(value) == value


def test_csv_export_neutralises_formulas(kalbar_officer, kalbar_may):
    rows = export_rows(user=kalbar_officer, province=None, periods=[MAY])

    text = "".join(csv_lines(rows))

    assert "'=cmd|" in text and ",=cmd" not in text


def test_xlsx_export_stores_formulas_as_plain_text(kalbar_officer, kalbar_may):
    data = xlsx_bytes(export_rows(user=kalbar_officer, province=None, periods=[MAY]), title="t")

    reasons = [r[7] for r in xlsx_rows(data) if r[7]]

    assert reasons == ["no_data_reason", "'=cmd|' /C calc'!A0"]
    assert b"<f>" not in data  # no formula element anywhere in the workbook


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_changes_nothing(kalbar_officer, kalbar_may, fmt):
    rows = list(export_rows(user=kalbar_officer, province=None, periods=[MAY]))
    data = "".join(csv_lines(rows)).encode() if fmt == "csv" else xlsx_bytes(rows, title="t")
    before = history_size()

    report = counts_import(actor=kalbar_officer, data=data, filename=f"export.{fmt}")

    assert report.ok, report.errors
    assert (report.created, report.updated, report.unchanged) == (0, 0, len(rows))
    assert history_size() == before
    assert ParticipantCount.objects.get(no_data=True).no_data_reason.startswith("=cmd")


def test_export_is_scoped_to_the_users_regions(jatim_officer, kalbar_officer, kalbar_may):
    assert list(export_rows(user=jatim_officer, province=None, periods=[MAY])) == []
    assert len(list(export_rows(user=kalbar_officer, province=None, periods=[MAY]))) > 50


def test_export_counts_command_writes_a_file_the_importer_reads(tmp_path, kalbar_may):
    target = tmp_path / "kalbar.xlsx"

    call_command("export_counts", province="61", period="2024-05", output=target)

    rows = xlsx_rows(target.read_bytes())
    assert len(rows) == 1 + ParticipantCount.objects.count()
    report = counts_import(actor=None, data=target.read_bytes(), filename=target.name)
    assert report.unchanged == len(rows) - 1


def test_export_counts_command_writes_csv(tmp_path, kalbar_may):
    target = tmp_path / "kalbar.csv"

    call_command("export_counts", year=2024, output=target)

    assert len(csv_rows(target.read_bytes())) == 1 + ParticipantCount.objects.count()


def test_exporting_then_importing_an_approved_month_changes_nothing(db, kalbar_officer):
    """An approved month is locked against changes, not against re-sending its values."""
    import datetime as dt

    from participants.entry.services import CellInput, counts_write
    from participants.models import Category, MonthlyReport
    from participants.transfer.counts_export import csv_lines, export_rows
    from participants.transfer.counts_import import counts_import
    from regions.models import Region

    period = dt.date(2024, 3, 1)
    cells = [
        CellInput(
            region_id=Region.objects.get(code="61.71").pk,
            category_id=category.pk,
            period=period,
            active_participants=1_000 + category.order,
        )
        for category in Category.objects.filter(parent=None)
    ]
    assert counts_write(actor=None, cells=cells, source="demo").applied
    MonthlyReport.objects.filter(period=period).update(status="approved")
    province = Region.objects.get(code="61")
    text = "".join(csv_lines(export_rows(user=kalbar_officer, province=province, periods=[period])))
    report = counts_import(
        actor=kalbar_officer, data=text.encode(), filename="x.csv", dry_run=False
    )
    assert not report.errors
    assert report.unchanged == len(cells)
