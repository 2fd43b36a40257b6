"""Importing counts from CSV and XLSX: every row or none, every problem by line number."""

from __future__ import annotations

import datetime as dt

import pytest

from participants.models import MonthlyReport, ParticipantCount
from participants.transfer.counts_import import counts_import
from tests.participants.factories import MonthlyReportFactory
from tests.participants.transfer.helpers import (
    HEADER,
    csv_bytes,
    in_english,  # noqa: F401  (fixture)
    kalbar_month,
    xlsx_bytes,
)

MAY = dt.date(2024, 5, 1)

pytestmark = pytest.mark.usefixtures("in_english")


def stored(period: dt.date = MAY) -> dict[tuple[str, str], int | None]:
    counts = ParticipantCount.objects.filter(period=period)
    return {
        (c.region.code, c.category.code): c.active_participants
        for c in counts.select_related("region", "category")
    }


def problems_of(report) -> list[tuple[int | None, str]]:
    return [(p.line, p.column) for p in report.errors]


def test_csv_import_writes_every_row_and_counts_them(kalbar_officer):
    report = counts_import(actor=kalbar_officer, data=csv_bytes(kalbar_month()), filename="a.csv")

    assert report.ok and report.applied
    assert (report.rows, report.created, report.updated, report.unchanged) == (5, 5, 0, 0)
    assert stored()[("61.71", "NON_ASN")] == 200


def test_importing_the_same_file_again_changes_nothing(kalbar_officer):
    data = csv_bytes(kalbar_month())
    counts_import(actor=kalbar_officer, data=data, filename="a.csv")

    again = counts_import(actor=kalbar_officer, data=data, filename="a.csv")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 5)


def test_changed_values_are_counted_as_updates(kalbar_officer):
    counts_import(actor=kalbar_officer, data=csv_bytes(kalbar_month()), filename="a.csv")

    report = counts_import(
        actor=kalbar_officer, data=csv_bytes(kalbar_month(pu=1200)), filename="a.csv"
    )

    assert (report.created, report.updated, report.unchanged) == (0, 2, 3)
    assert stored()[("61.71", "PU")] == 1200


def test_xlsx_import_reads_the_same_rows_as_csv(kalbar_officer):
    report = counts_import(
        actor=kalbar_officer, data=xlsx_bytes(kalbar_month()), filename="Laporan Mei.XLSX"
    )

    assert report.ok and report.created == 5
    assert stored()[("61.01", "BPU")] == 300


def test_xlsx_numbers_and_dates_typed_by_excel_are_understood(kalbar_officer):
    rows = [(dt.datetime(2024, 5, 1), 61.1, "pu", 1500.0)]  # 61.10 shown by Excel as 61.1

    report = counts_import(actor=kalbar_officer, data=xlsx_bytes(rows), filename="x.xlsx")

    assert report.ok, report.errors
    assert stored()[("61.10", "PU")] == 1500


def test_semicolon_csv_with_indonesian_thousands_is_accepted(kalbar_officer):
    data = csv_bytes([("2024-05", "61.71", "PU", "632.494")], sep=";")

    report = counts_import(actor=kalbar_officer, data=data, filename="a.csv")

    assert report.ok
    assert stored()[("61.71", "PU")] == 632494


def test_one_bad_row_writes_nothing_and_names_its_line(kalbar_officer):
    rows = [*kalbar_month(), ("2024-05", "61.72", "PU", "12,5")]

    report = counts_import(actor=kalbar_officer, data=csv_bytes(rows), filename="a.csv")

    assert not report.applied
    assert problems_of(report) == [(7, "active_participants")]
    assert "decimal" in report.errors[0].message
    assert report.created == 5  # what would have been written
    assert stored() == {}
    assert not MonthlyReport.objects.filter(period=MAY).exists()


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        (("2024-13", "61.71", "PU", "5"), "period", "YYYY-MM"),
        (("Mei 2024", "61.71", "PU", "5"), "period", "YYYY-MM"),
        (("2030-01", "61.71", "PU", "5"), "period", "future"),
        (("2013-12", "61.71", "PU", "5"), "period", "2014"),
        (("2024-05", "99.99", "PU", "5"), "region_code", "Unknown regency"),
        (("2024-05", "61", "PU", "5"), "region_code", "province"),
        (("2024-05", "61.71", "XYZ", "5"), "category", "Unknown category"),
        (("2024-05", "61.71", "PU", "-5"), "active_participants", "negative"),
        (("2024-05", "61.71", "PU", "lima"), "active_participants", "not a number"),
        (("2024-05", "61.71", "PU", ""), "active_participants", "no_data_reason"),
    ],
)
def test_each_bad_row_is_reported_at_its_line(kalbar_officer, row, column, words):
    rows = [("2024-05", "61.71", "PU", "1000"), ("2024-05", "61.71", "BPU", "1"), row]
    header = (*HEADER, "employers") if row[3] == "" else HEADER
    rows = [(*r, "3") if header != HEADER else r for r in rows]

    report = counts_import(actor=kalbar_officer, data=csv_bytes(rows, header), filename="a.csv")

    assert [(p.line, p.column) for p in report.errors] == [(4, column)]
    assert words in report.errors[0].message
    assert not report.applied and stored() == {}


def test_a_subgroup_above_its_parent_is_reported_on_both_lines(kalbar_officer):
    rows = [("2024-05", "61.71", "PU", "1000"), ("2024-05", "61.71", "NON_ASN", "9999")]

    report = counts_import(actor=kalbar_officer, data=csv_bytes(rows), filename="a.csv")

    assert problems_of(report) == [(2, "active_participants"), (3, "active_participants")]
    assert "may not exceed" in report.errors[1].message
    assert stored() == {}


def test_a_duplicate_row_points_at_the_first_one(kalbar_officer):
    rows = [*kalbar_month(), ("2024-05", "61.71", "pu", "7")]

    report = counts_import(actor=kalbar_officer, data=csv_bytes(rows), filename="a.csv")

    assert problems_of(report) == [(7, "region_code")]
    assert "line 2" in report.errors[0].message


@pytest.mark.parametrize(
    ("data", "filename", "line", "words"),
    [
        (b"", "a.csv", None, "empty"),
        (b"\n\n", "a.csv", None, "empty"),
        (b"period,region_code,category,active_participants\n", "a.csv", None, "no data rows"),
        (
            b"period,region,category,active_participants\n2024-05,61.71,PU,1\n",
            "a.csv",
            1,
            "region_code",
        ),
        (b"%PDF-1.4 not a table", "laporan.pdf", None, "Wrong file type"),
        (b"period,region_code\n", "a.xlsx", None, "Wrong file type"),
        (b"PK\x03\x04 broken zip", "a.xlsx", None, "XLSX"),
    ],
)
def test_file_level_problems_are_reported_clearly(kalbar_officer, data, filename, line, words):
    report = counts_import(actor=kalbar_officer, data=data, filename=filename)

    assert len(report.errors) == 1 and report.errors[0].line == line
    assert words in report.errors[0].message
    assert not report.applied


def test_dry_run_reports_what_would_change_and_writes_nothing(kalbar_officer):
    report = counts_import(
        actor=kalbar_officer, data=csv_bytes(kalbar_month()), filename="a.csv", dry_run=True
    )

    assert report.ok and not report.applied and report.created == 5
    assert stored() == {}


def test_rows_outside_the_users_province_are_refused(jatim_officer):
    rows = [("2024-05", "35.78", "PU", "10"), *kalbar_month()]

    report = counts_import(actor=jatim_officer, data=csv_bytes(rows), filename="a.csv")

    assert {p.line for p in report.errors} == {3, 4, 5, 6, 7}
    assert {p.column for p in report.errors} == {"region_code"}
    assert stored() == {}


def test_an_approved_month_cannot_be_changed_by_import(kalbar_officer):
    MonthlyReportFactory(period=MAY, status=MonthlyReport.Status.APPROVED)

    report = counts_import(actor=kalbar_officer, data=csv_bytes(kalbar_month()), filename="a.csv")

    assert not report.applied
    assert {p.line for p in report.errors} == {2, 3, 4, 5, 6}
    assert "approved" in report.errors[0].message.lower()


def test_old_papua_codes_are_valid_before_the_split_only(national_admin):
    rows = [
        ("2022-07", "91.09", "PU", "100"),  # Mimika under Papua, before the split
        ("2022-08", "94.04", "PU", "110"),  # Mimika under Papua Tengah, after it
        ("2022-07", "94.04", "BPU", "5"),
        ("2022-08", "91.09", "BPU", "5"),
    ]

    report = counts_import(actor=national_admin, data=csv_bytes(rows), filename="a.csv")

    assert problems_of(report) == [(4, "region_code"), (5, "region_code")]
    assert "91.09" in report.errors[0].message and "94.04" in report.errors[1].message


def test_old_papua_codes_land_in_the_old_province_report(national_admin):
    rows = [("2022-07", "91.09", "PU", "100"), ("2022-08", "94.04", "PU", "110")]

    report = counts_import(actor=national_admin, data=csv_bytes(rows), filename="a.csv")

    assert report.applied
    provinces = set(MonthlyReport.objects.values_list("province__code", "period"))
    assert provinces == {("91", dt.date(2022, 7, 1)), ("94", dt.date(2022, 8, 1))}


def test_warnings_come_back_with_line_numbers_and_do_not_block(kalbar_officer):
    counts_import(actor=kalbar_officer, data=csv_bytes(kalbar_month()), filename="a.csv")
    june = [("2024-06", "61.71", "PU", "1000"), ("2024-06", "61.01", "PU", "0")]

    report = counts_import(actor=kalbar_officer, data=csv_bytes(june), filename="a.csv")

    assert report.applied
    assert [(w.line, w.column) for w in report.warnings] == [(3, "active_participants")]


def test_no_data_rows_with_a_reason_are_imported(kalbar_officer):
    header = (*HEADER, "no_data_reason")
    rows = [("2024-05", "61.71", "PMI", "", "Belum ada data dari BP2MI")]

    report = counts_import(actor=kalbar_officer, data=csv_bytes(rows, header), filename="a.csv")

    assert report.applied
    count = ParticipantCount.objects.get()
    assert count.no_data and count.no_data_reason == "Belum ada data dari BP2MI"


def test_blank_template_rows_are_skipped_with_a_warning(kalbar_officer):
    rows = [("2024-05", "61.71", "PU", "10"), ("2024-05", "61.72", "PU", "")]

    report = counts_import(actor=kalbar_officer, data=csv_bytes(rows), filename="a.csv")

    assert report.applied and report.created == 1
    assert [(w.line, w.column) for w in report.warnings] == [(3, "active_participants")]
